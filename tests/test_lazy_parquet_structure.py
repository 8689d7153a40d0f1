"""Lazy Parquet: a node's structure (list offsets, the validity of options of lists and of
records) comes from the read of the leaf being projected, so touching N leaves reads N leaves.

Every leaf carries its ancestors' offsets and validity (Parquet's repetition and definition
levels), so ``e.muons.pt`` needs one read: ``muons.pt``'s. The files here are written by
pyarrow with nulls at every level (lists, records, leaves, inner lists); for each leaf, the
lazily read values are checked against a pure-Python model on ``to_pylist()`` data and against
pyarrow's own read of that one column, and the reads are counted by wrapping
pyarrow.parquet.ParquetFile's read methods. Also: the helpers that make this cheap (an option
of all-present, in-order positions projects to a range of its content) against a model."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

import awkward as ak

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture
def reads(monkeypatch):
    """The columns of every read through ParquetFile (a list of lists)."""
    log = []
    for method in ("read_row_groups", "read_row_group", "read", "iter_batches"):
        original = getattr(pq.ParquetFile, method)

        def wrapper(self, *args, __original=original, **kwargs):
            log.append(list(kwargs.get("columns") or []))
            return __original(self, *args, **kwargs)

        monkeypatch.setattr(pq.ParquetFile, method, wrapper)
    return log


ITEM = pa.struct([("pt", pa.float32()), ("q", pa.int32()), ("tags", pa.list_(pa.int32()))])
INNER = pa.struct([("b", pa.float64()), ("c", pa.list_(pa.float64()))])
PAIR = pa.struct([("x", pa.float64()), ("y", pa.float64())])

COLUMNS = {
    # a nullable list of nullable records with a nullable leaf and an inner nullable list
    "muons": pa.array(
        [
            [{"pt": 1.5, "q": 1, "tags": [1, 2]}, None, {"pt": None, "q": -1, "tags": None}],
            [],
            None,
            [{"pt": 4.0, "q": None, "tags": []}, {"pt": 5.5, "q": 1, "tags": [None, 3]}],
            [{"pt": 6.0, "q": -1, "tags": [4]}],
        ]
        * 3,
        pa.list_(ITEM),
    ),
    # records in records, null at each level
    "rec": pa.array(
        [
            {"a": {"b": 1.0, "c": [1.0]}, "d": 1},
            {"a": None, "d": 2},
            None,
            {"a": {"b": None, "c": None}, "d": None},
            {"a": {"b": 5.0, "c": [2.0, None]}, "d": 5},
        ]
        * 3,
        pa.struct([("a", INNER), ("d", pa.int64())]),
    ),
    # lists of lists of records
    "nested": pa.array(
        [
            [[{"x": 1.0, "y": 2.0}], [], None],
            None,
            [[None, {"x": None, "y": 3.0}]],
            [],
            [[{"x": 4.0, "y": None}]],
        ]
        * 3,
        pa.list_(pa.list_(PAIR)),
    ),
    "met": pa.array([1.0, None, 3.0, 4.0, 5.0] * 3, pa.float64()),
}


@pytest.fixture
def path(tmp_path):
    out = tmp_path / "structure.parquet"
    pq.write_table(pa.table(COLUMNS), out, row_group_size=4)
    return str(out)


def leaf_paths(path):
    """{Parquet leaf column: record-field path} (Parquet's list levels dropped)."""
    meta = pq.ParquetFile(path).metadata
    out = {}
    for i in range(meta.num_columns):
        column = meta.schema.column(i).path
        parts, fields, j = column.split("."), [], 0
        while j < len(parts):
            if parts[j] == "list" and j + 1 < len(parts) and parts[j + 1] in ("item", "element"):
                j += 2
                continue
            fields.append(parts[j])
            j += 1
        out[column] = tuple(fields)
    return out


def cheapest(path, prefix):
    """The cheapest leaf (compressed bytes in the footer, ties by name) starting with prefix."""
    meta = pq.ParquetFile(path).metadata
    sizes = {}
    for g in range(meta.num_row_groups):
        for c in range(meta.num_columns):
            column = meta.row_group(g).column(c)
            sizes[column.path_in_schema] = sizes.get(column.path_in_schema, 0) + column.total_compressed_size
    return min((c for c in sizes if c.startswith(prefix)), key=lambda c: (sizes[c], c))


def model_project(value, fields):
    """A pure-Python projection of record fields through lists and missing values."""
    if value is None:
        return None
    if isinstance(value, list):
        return [model_project(item, fields) for item in value]
    if not fields:
        return value
    return model_project(value[fields[0]], fields[1:])


def lazy_project(array, fields):
    for field in fields:
        array = array[field]
    return array


ROWS = pa.table(COLUMNS).to_pylist()
LEAVES = [
    "muons.list.element.pt",
    "muons.list.element.q",
    "muons.list.element.tags.list.element",
    "rec.a.b",
    "rec.a.c.list.element",
    "rec.d",
    "nested.list.element.list.element.x",
    "nested.list.element.list.element.y",
    "met",
]


def test_the_leaves_are_the_files(path):
    assert sorted(leaf_paths(path)) == sorted(LEAVES)


@pytest.mark.parametrize("leaf", LEAVES)
def test_touching_a_leaf_reads_that_leaf_only(path, reads, leaf):
    fields = leaf_paths(path)[leaf]
    array = ak.from_parquet(path, virtual=True)
    with ak.materialization_report() as report:
        values = lazy_project(array, fields).to_list()
    expected = [[leaf]]
    if leaf.startswith("rec.a."):
        # rec and rec.a are options of records: projecting rec.a composes their option
        # indexes there and then, before the next field is named, so their structure comes
        # from the cheapest leaf below rec.a (one extra read when that is not the leaf)
        first = cheapest(path, "rec.a.")
        expected = [[first]] if first == leaf else [[first], [leaf]]
    assert reads == expected
    assert report.columns == {c for r in expected for c in r}
    # against a pure-Python model and against pyarrow's own read of that one column
    assert values == [model_project(row, fields) for row in ROWS]
    alone = pq.ParquetFile(path).read(columns=[leaf]).to_pylist()
    assert values == [model_project(row, fields) for row in alone]


@pytest.mark.parametrize(
    "leaves",
    [
        ["muons.list.element.pt", "muons.list.element.q"],
        ["muons.list.element.q", "muons.list.element.tags.list.element", "muons.list.element.pt"],
        ["rec.d", "rec.a.b"],
        ["nested.list.element.list.element.y", "nested.list.element.list.element.x"],
    ],
)
def test_touching_n_leaves_of_a_record_reads_n_leaves(path, reads, leaves):
    paths = leaf_paths(path)
    array = ak.from_parquet(path, virtual=True)
    with ak.materialization_report() as report:
        got = [lazy_project(array, paths[leaf]).to_list() for leaf in leaves]
    assert sorted(map(tuple, reads)) == sorted((leaf,) for leaf in leaves)
    assert report.columns == set(leaves)
    for leaf, values in zip(leaves, got):
        assert values == [model_project(row, paths[leaf]) for row in ROWS]


def test_projected_fields_read_before_their_structure_is_asked(path, reads):
    # several fields projected first, touched later: still one read each
    array = ak.from_parquet(path, virtual=True)
    pt, q = array.muons.pt, array.muons.q
    assert ak.sum(q, axis=1).to_list() == [
        None if row["muons"] is None else sum(m["q"] for m in row["muons"] if m and m["q"] is not None)
        for row in ROWS
    ]
    assert ak.max(pt, axis=None) == 6.0
    assert sorted(map(tuple, reads)) == [("muons.list.element.pt",), ("muons.list.element.q",)]


def test_structure_of_a_projected_field_reads_that_field(path, reads):
    # ak.num of a projected field needs only structure: it comes from the projected leaf
    array = ak.from_parquet(path, virtual=True)
    counts = ak.num(array.muons.pt, axis=1).to_list()
    assert counts == [None if row["muons"] is None else len(row["muons"]) for row in ROWS]
    assert reads == [["muons.list.element.pt"]]


def test_structure_alone_reads_the_cheapest_leaf(path, reads):
    array = ak.from_parquet(path, virtual=True)
    assert ak.num(array.muons, axis=1).to_list() == [
        None if row["muons"] is None else len(row["muons"]) for row in ROWS
    ]
    assert reads == [[cheapest(path, "muons.")]]


def test_whole_array_reads_each_leaf_once(path, reads):
    array = ak.from_parquet(path, virtual=True)
    assert array.to_list() == ROWS == ak.from_parquet(path).to_list()
    read = [c for r in reads for c in r]
    assert sorted(read) == sorted(LEAVES)


def test_several_files_read_the_touched_leaf_once_per_file(tmp_path, reads):
    table = pa.table(COLUMNS)
    for i, (start, stop) in enumerate([(0, 6), (6, 15)]):
        pq.write_table(table.slice(start, stop - start), tmp_path / f"part{i}.parquet")
    array = ak.from_parquet(str(tmp_path), virtual=True)
    assert array.muons.pt.to_list() == [model_project(row, ("muons", "pt")) for row in ROWS]
    # the lazily concatenated records name their projected fields to every file's reader
    assert reads == [["muons.list.element.pt"]] * 2


def test_copies_and_pickles_of_a_lazy_array(path, reads):
    array = ak.from_parquet(path, virtual=True)
    deep = copy.deepcopy(array)
    shallow = copy.copy(array)
    assert deep.muons.pt.to_list() == shallow.muons.pt.to_list() == array.muons.pt.to_list()
    assert pickle.loads(pickle.dumps(array)).to_list() == ROWS
    record = array.layout.content("muons").content.content.content
    assert type(copy.copy(record.contents)) is list
    assert type(pickle.loads(pickle.dumps(record.contents))) is list


def test_tuples_and_options_of_records_written_by_awkward(tmp_path, reads):
    array = ak.Array(
        [
            {"t": (1, [1.5]), "o": {"x": 1, "y": [2]}},
            {"t": (2, []), "o": None},
            {"t": (3, [2.5, None]), "o": {"x": None, "y": []}},
        ]
        * 4
    )
    path = tmp_path / "awkward.parquet"
    ak.to_parquet(array, path, row_group_size=5)
    lazy = ak.from_parquet(path, virtual=True)
    reads.clear()
    assert lazy.t["1"].to_list() == array.t["1"].to_list()
    assert len(reads) == 1
    reads.clear()
    assert lazy.o.y.to_list() == array.o.y.to_list()
    assert len(reads) == 1
    assert lazy.to_list() == array.to_list()


# ---------------------------------------------------------------------- option projections
def model_option_project(index, content):
    return [content[i] for i in index if i >= 0]


@pytest.mark.parametrize(
    "index,content",
    [
        ([0, 1, 2, 3], [1.5, 2.5, 3.5, 4.5]),  # 0, 1, 2, ... over the whole content
        ([0, 1, 2], [1.5, 2.5, 3.5, 4.5]),  # over the start of a longer content
        ([0, 2, 1, 3], [1.5, 2.5, 3.5, 4.5]),  # none missing, out of order
        ([0, -1, 2, 3], [1.5, 2.5, 3.5, 4.5]),  # one missing
        ([1, 2, 3], [1.5, 2.5, 3.5, 4.5]),  # in order, not from 0
        ([0, 1, 3], [1.5, 2.5, 3.5, 4.5]),  # ends of 0..n-1, a gap
        ([], [1.5]),
    ],
)
def test_option_projection_against_a_model(index, content):
    layout = ak.contents.IndexedOptionArray(
        ak.index.Index64(np.array(index, np.int64)), ak.contents.NumpyArray(np.array(content))
    )
    assert layout.project().to_list() == model_option_project(index, content)
    lists = ak.contents.ListOffsetArray(
        ak.index.Index64(np.arange(len(content) + 1, dtype=np.int64)),
        ak.contents.NumpyArray(np.array(content)),
    )
    of_lists = ak.contents.IndexedOptionArray(ak.index.Index64(np.array(index, np.int64)), lists)
    assert of_lists.project().to_list() == [[v] for v in model_option_project(index, content)]
    # an option of an option (a record's option over a field's) composes as the model
    inner = ak.contents.IndexedOptionArray(
        ak.index.Index64(np.array([0, -1, 1, 2][: len(content)] + [3] * (len(content) - 4), np.int64)),
        ak.contents.NumpyArray(np.array(content)),
    )
    outer = ak.contents.IndexedOptionArray.simplified(
        ak.index.Index64(np.array(index, np.int64)), inner
    )
    inner_list = inner.to_list()
    assert outer.to_list() == [None if i < 0 else inner_list[i] for i in index]


def test_option_projection_of_a_lazy_content_reads_only_the_index():
    from counting_buffers import Lazy

    lazy = Lazy()
    layout = ak.contents.IndexedOptionArray(
        lazy.index([0, 1, 2], "index"), lazy.numpy([1.5, 2.5, 3.5, 4.5], "data")
    )
    projected = layout.project()
    assert lazy.calls == {"index": 1}  # 0, 1, 2: a range of the content, nothing carried
    assert projected.to_list() == [1.5, 2.5, 3.5]


# ---------------------------------------------------------------------- a record of many columns
OPERATIONS = {
    "to_list": lambda a: a.to_list(),
    "type": lambda a: str(a.type),
    "form": lambda a: str(a.layout.form.type),  # lazy options are IndexedOptionForms
    "fields": lambda a: ak.fields(a),
    "str": lambda a: str(a)[:40] and len(a),
    "range": lambda a: a[3:7].to_list(),
    "carry": lambda a: a[[4, 0, 2]].to_list(),
    "mask": lambda a: a[ak.Array([i % 2 == 0 for i in range(len(a))])].to_list(),
    "two fields": lambda a: a[["met", "muons"]].to_list(),
    "unzip": lambda a: [x.to_list() for x in ak.unzip(a)],
    "zip again": lambda a: ak.zip(dict(zip(ak.fields(a), ak.unzip(a))), depth_limit=1).to_list(),
    "with_field": lambda a: ak.with_field(a, a.met, "m2").to_list(),
    "without_field": lambda a: ak.without_field(a, "rec").to_list(),
    "concatenate": lambda a: ak.concatenate([a, a[:2]]).to_list(),
    "to_packed": lambda a: ak.to_packed(a).to_list(),
    "buffers": lambda a: ak.from_buffers(*ak.to_buffers(a)).to_list(),
    "pickle": lambda a: pickle.loads(pickle.dumps(a)).to_list(),
    "deepcopy": lambda a: copy.deepcopy(a).to_list(),
    "is_none": lambda a: ak.is_none(a.met).to_list(),
    "contents as a list": lambda a: [len(c) for c in a.layout.contents],
    "contents sliced": lambda a: [len(c) for c in a.layout.contents[1:]],
    "last content": lambda a: a.layout.contents[-1].to_list(),
    "contents equal": lambda a: a.layout.contents == list(a.layout.contents),
    "contents plus": lambda a: len(a.layout.contents + []),
}


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_operations_on_a_freshly_opened_record(path, name):
    # the top-level record builds its fields on first use: every operation on a freshly
    # opened array sees all of them, as on the eager read
    operation = OPERATIONS[name]
    assert operation(ak.from_parquet(path, virtual=True)) == operation(ak.from_parquet(path))


def test_opening_builds_the_touched_fields_only(path):
    array = ak.from_parquet(path, virtual=True)
    contents = array.layout._contents
    assert list.__getitem__(contents, 0) is list.__getitem__(contents, 3)  # placeholders
    array.met.to_list()
    built = [i for i in range(4) if list.__getitem__(contents, i) is not list.__getitem__(contents, 0)]
    assert built == [3]
    assert len(array.layout.form.contents) == 4  # the form builds them all
    assert all(type(c).__name__ != "object" for c in list.__iter__(contents))


def test_two_threads_build_a_field_once(path, reads):
    import threading

    array = ak.from_parquet(path, virtual=True)
    barrier = threading.Barrier(4)
    out = []

    def work():
        barrier.wait()
        out.append(array.layout.content("muons"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(o is out[0] for o in out)
    assert array.muons.pt.to_list() == [model_project(row, ("muons", "pt")) for row in ROWS]
    assert reads == [["muons.list.element.pt"]]


# ---------------------------------------------------------------------- shared 0, 1, 2, ... indexes
def test_identity_index_is_shared_read_only_and_recognized():
    from awkward._nplikes.identity import identity_index, is_identity_index

    big = identity_index(1000)
    small = identity_index(400)
    assert big.tolist() == list(range(1000)) and small.tolist() == list(range(400))
    assert not big.flags.writeable and not small.flags.writeable
    assert is_identity_index(big) and is_identity_index(small) and is_identity_index(big[:10])
    assert not is_identity_index(big[1:])  # 1, 2, 3, ...: not from 0
    assert not is_identity_index(big[::2])
    assert not is_identity_index(np.arange(10))  # equal values, but not known without a scan
    assert not is_identity_index(big.copy())
    tiny = identity_index(10)  # far smaller than the shared one: its own arange
    assert tiny.tolist() == list(range(10)) and not tiny.flags.writeable
    assert identity_index(0).tolist() == []


@pytest.mark.parametrize(
    "inner",
    [[0, 1, 2, 3, 4], [0, -1, 2, -1, 4], [4, 3, 2, 1, 0, 9], [-1, -1, -1, -1]],
)
@pytest.mark.parametrize("n", [0, 3, 4])
def test_options_over_a_shared_identity_against_a_model(inner, n):
    from awkward._nplikes.identity import identity_index

    values = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 10.5]
    content = ak.contents.IndexedOptionArray(
        ak.index.Index64(np.array(inner, np.int64)), ak.contents.NumpyArray(np.array(values))
    )
    outer = ak.contents.IndexedOptionArray.simplified(ak.index.Index64(identity_index(n)), content)
    model = [None if i < 0 else values[i] for i in inner][:n]
    assert outer.to_list() == model
    assert outer.project().to_list() == [v for v in model if v is not None]
    plain = ak.contents.IndexedOptionArray(
        ak.index.Index64(identity_index(n)), ak.contents.NumpyArray(np.array(values))
    )
    assert plain.project().to_list() == values[:n]


def test_lazily_read_options_without_nulls_share_one_identity(tmp_path):
    from awkward._nplikes.identity import is_identity_index

    table = pa.table({"x": pa.array([[1.0, 2.0], [], [3.0]] * 4, pa.list_(pa.float64()))})
    path = tmp_path / "no_nulls.parquet"
    pq.write_table(table, path)
    array = ak.from_parquet(path, virtual=True)
    assert array.x.to_list() == table.column("x").to_pylist()
    outer = array.layout.content("x")  # ?var * ?float64: options of the list and of its items
    data = outer.index.data
    data = data.materialize() if hasattr(data, "materialize") else data
    assert is_identity_index(data)  # no list is missing: no index was computed
    assert ak.sum(array.x) == 6.0 * 4
