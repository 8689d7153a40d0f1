"""ak.from_parquet(..., virtual=True): lazy, column-by-column reading.

Reads are counted by wrapping pyarrow.parquet.ParquetFile's read methods (every read the
lazy reader does goes through ``read_row_groups``); the model of what a touch reads: the
leaf column of a number/string buffer, and for structure (offsets, masks) a leaf below the
node: the projected one (``array.muons.pt`` reads muons.pt only, its read gives the list's
offsets), or, with no field projected, the cheapest by compressed size in the footer (ties:
by name). tests/test_lazy_parquet_structure.py covers nested options, lists and records."""

from __future__ import annotations

import os
import threading

import numpy as np
import pytest

import awkward as ak
from awkward._nplikes.virtual import VirtualNDArray

pq = pytest.importorskip("pyarrow.parquet")

EVENTS = ak.Array(
    [
        {
            "run": 1,
            "muons": [{"pt": 10.5, "eta": 0.5, "q": 1}, {"pt": 20.5, "eta": -1.0, "q": -1}],
            "jets": [[1.0, 2.0], []],
            "name": "first",
            "met": None,
        },
        {"run": 2, "muons": [], "jets": [], "name": "", "met": 3.5},
        {
            "run": 3,
            "muons": [{"pt": 30.0, "eta": 2.0, "q": 1}],
            "jets": [[3.0]],
            "name": "third",
            "met": 7.25,
        },
    ]
    * 4
)


@pytest.fixture
def reads(monkeypatch):
    """The columns of every read through ParquetFile (a list of lists)."""
    log = []
    for method in ("read_row_groups", "read_row_group", "read", "iter_batches"):
        original = getattr(pq.ParquetFile, method)

        def wrapper(self, *args, __original=original, __method=method, **kwargs):
            log.append(list(kwargs.get("columns") or []))
            return __original(self, *args, **kwargs)

        monkeypatch.setattr(pq.ParquetFile, method, wrapper)
    return log


@pytest.fixture
def path(tmp_path):
    out = tmp_path / "events.parquet"
    ak.to_parquet(EVENTS, out, row_group_size=5)
    return str(out)


def leaf_columns(path):
    meta = pq.ParquetFile(path).metadata
    return [meta.schema.column(i).path for i in range(meta.num_columns)]


def cheapest(path, prefix):
    """The model's choice for a node's structure buffers: the cheapest leaf below it."""
    meta = pq.ParquetFile(path).metadata
    sizes = {}
    for g in range(meta.num_row_groups):
        for c in range(meta.num_columns):
            column = meta.row_group(g).column(c)
            sizes[column.path_in_schema] = sizes.get(column.path_in_schema, 0) + column.total_compressed_size
    below = [c for c in sizes if c == prefix or c.startswith(prefix + ".")]
    return min(below, key=lambda c: (sizes[c], c))


def virtual_buffers(array):
    _, _, container = ak.to_buffers(array)
    return container


# ---------------------------------------------------------------------- opening
def test_opening_reads_no_column_data(path, reads):
    array = ak.from_parquet(path, virtual=True)
    assert len(array) == len(EVENTS)  # from the footer
    assert str(array.type) == str(ak.from_parquet(path).type)
    assert ak.fields(array) == ["run", "muons", "jets", "name", "met"]
    reads.clear()  # the eager read above
    array = ak.from_parquet(path, virtual=True)
    len(array), str(array.type), ak.fields(array), repr(array.layout.form)
    assert reads == []


def test_every_buffer_is_virtual_and_unread(path, reads):
    array = ak.from_parquet(path, virtual=True)
    container = virtual_buffers(array)
    assert container and all(isinstance(b, VirtualNDArray) for b in container.values())
    assert not any(b.is_materialized for b in container.values())
    layout = array.layout
    for field in ("run", "met"):  # top-level columns know their length from the metadata
        node = layout.content(field)
        buffer = node.data if field == "run" else node.index.data  # options: IndexedOptionArray
        assert buffer.declared_shape == (12,)
    assert reads == []


def test_touching_one_column_reads_only_it(path, reads):
    array = ak.from_parquet(path, virtual=True)
    assert array.run.tolist() == EVENTS.run.tolist()
    assert reads == [["run"]]
    reads.clear()
    assert array.run.tolist() == EVENTS.run.tolist()
    assert reads == []  # cached


def test_touching_a_nested_field_reads_its_leaf_only(path, reads):
    # the list's offsets come from the projected leaf's own read (every leaf carries its
    # ancestors' offsets and validity): no extra leaf is read for the structure
    array = ak.from_parquet(path, virtual=True)
    with ak.materialization_report() as report:
        assert array.muons.pt.tolist() == EVENTS.muons.pt.tolist()
    pt = "muons.list.item.pt"
    assert reads == [[pt]]
    assert report.columns == {pt}


def test_structure_alone_reads_the_cheapest_leaf(path, reads):
    # no field projected: the list's offsets come from the cheapest leaf below it
    array = ak.from_parquet(path, virtual=True)
    with ak.materialization_report() as report:
        assert ak.num(array.muons).tolist() == ak.num(EVENTS.muons).tolist()
    offsets_leaf = cheapest(path, "muons")
    assert reads == [[offsets_leaf]]
    assert report.columns == {offsets_leaf}


def test_values_equal_the_eager_read(path):
    lazy = ak.from_parquet(path, virtual=True)
    eager = ak.from_parquet(path)
    assert lazy.tolist() == eager.tolist() == EVENTS.tolist()


def test_report_lists_exactly_the_touched_columns_and_buffer_keys(path):
    array = ak.from_parquet(path, virtual=True)
    name, met = array.layout.content("name"), array.layout.content("met")
    expected = {name.offsets.data.buffer_key, name.content.data.buffer_key,
                met.index.data.buffer_key, met.content.data.buffer_key}
    assert len(expected) == 4
    with ak.materialization_report() as report:
        array.name.tolist()
        array.met.tolist()
    assert report.columns == {"name", "met"}
    assert report.buffer_keys == expected
    meta = pq.ParquetFile(path).metadata
    size = {c: 0 for c in ("name", "met")}
    for g in range(meta.num_row_groups):
        for c in range(meta.num_columns):
            col = meta.row_group(g).column(c)
            if col.path_in_schema in size:
                size[col.path_in_schema] += col.total_compressed_size
    # each column is read once (one read gives a node's buffers: offsets and characters)
    assert report.file_bytes == size["name"] + size["met"]


def test_two_threads_each_with_their_own_report(path):
    array = ak.from_parquet(path, virtual=True)
    results = {}
    barrier = threading.Barrier(2)

    def work(field):
        with ak.materialization_report() as report:
            barrier.wait()
            array[field].tolist()
        results[field] = report.columns

    threads = [threading.Thread(target=work, args=(f,)) for f in ("run", "name")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {"run": {"run"}, "name": {"name"}}


# ---------------------------------------------------------------------- selections
@pytest.mark.parametrize(
    "columns,fields",
    [
        ("run", ["run"]),
        (["run", "name"], ["run", "name"]),
        ("mu*", ["muons"]),
        (["muons.p*"], ["muons"]),
        ("{run,met}", ["run", "met"]),
    ],
)
def test_columns_selection_with_wildcards(path, reads, columns, fields):
    eager = ak.from_parquet(path, columns=columns)
    reads.clear()
    lazy = ak.from_parquet(path, columns=columns, virtual=True)
    assert reads == []
    assert ak.fields(lazy) == fields
    assert str(lazy.type) == str(eager.type)
    assert lazy.tolist() == eager.tolist()
    # exactly the selected leaves are read (offsets come from one of them)
    selected = set(lazy.layout.form.columns())
    expected = {c for c in leaf_columns(path) if c.replace(".list.item", "") in selected}
    assert {c for r in reads for c in r} == expected


def test_nested_selection_reads_nothing_else(path, reads):
    array = ak.from_parquet(path, columns=["muons.pt"], virtual=True)
    assert ak.fields(array.muons) == ["pt"]
    array.tolist()
    assert {c for r in reads for c in r} == {"muons.list.item.pt"}


def test_unknown_column_is_an_error(path):
    with pytest.raises(ValueError, match="nope"):
        ak.from_parquet(path, columns="nope", virtual=True)


# ---------------------------------------------------------------------- files and row groups
@pytest.fixture
def three_files(tmp_path):
    directory = tmp_path / "dataset"
    directory.mkdir()
    parts = [EVENTS[:5], EVENTS[5:6], EVENTS[6:]]
    for i, part in enumerate(parts):
        ak.to_parquet(part, directory / f"part{i}.parquet", row_group_size=3)
    return directory, parts


def test_a_directory_reads_lazily(three_files, reads):
    directory, parts = three_files
    array = ak.from_parquet(str(directory), virtual=True)
    assert len(array) == len(EVENTS)
    assert reads == []
    assert array.run.tolist() == EVENTS.run.tolist()
    assert {c for r in reads for c in r} == {"run"}
    assert array.tolist() == EVENTS.tolist()


def test_a_list_of_files(three_files):
    directory, parts = three_files
    paths = [str(directory / f"part{i}.parquet") for i in (2, 0)]
    array = ak.from_parquet(paths, virtual=True)
    assert array.tolist() == parts[2].tolist() + parts[0].tolist()
    assert array.tolist() == ak.from_parquet(paths).tolist()


@pytest.mark.parametrize("row_groups", [[0], [1], [0, 2], [2, 0], []])
def test_chosen_row_groups(path, reads, row_groups):
    lazy = ak.from_parquet(path, row_groups=row_groups, virtual=True)
    eager = ak.from_parquet(path, row_groups=row_groups)
    assert len(lazy) == len(eager)
    assert lazy.tolist() == eager.tolist()


def test_row_groups_across_files(three_files):
    directory, _ = three_files
    lazy = ak.from_parquet(str(directory), row_groups=[0, 2, 3], virtual=True)
    eager = ak.from_parquet(str(directory), row_groups=[0, 2, 3])
    assert lazy.tolist() == eager.tolist()


def test_row_group_out_of_range(path):
    with pytest.raises(ValueError, match="row group"):
        ak.from_parquet(path, row_groups=[99], virtual=True)


# ---------------------------------------------------------------------- layout kinds
KINDS = {
    "numbers": [1.5, 2.5, 3.5],
    "ints": [1, 2, 3],
    "bools": [True, False, True],
    "options": [1.5, None, 3.5],
    "strings": ["a", "bc", ""],
    "option strings": ["a", None, "c"],
    "bytes": [b"a", b"bc", b""],
    "lists": [[1, 2], [], [3]],
    "lists of lists": [[[1], []], [], [[2, 3]]],
    "lists of options": [[1, None], [], [None]],
    "option lists": [[1, 2], None, [3]],
    "records": [{"x": 1, "y": [1.5]}, {"x": 2, "y": []}, {"x": 3, "y": [2.5, 3.5]}],
    "option records": [{"x": 1, "y": 1.5}, None, {"x": 3, "y": 3.5}],
    "nested records": [{"a": {"b": 1, "c": [1]}}, {"a": {"b": 2, "c": []}}, {"a": {"b": 3, "c": [2, 3]}}],
    "tuples": [(1, 1.5), (2, 2.5), (3, 3.5)],
    "lists of records": [[{"x": 1, "y": "a"}], [], [{"x": 2, "y": "bc"}, {"x": 3, "y": ""}]],
}


@pytest.mark.parametrize("name", list(KINDS))
def test_layout_kinds_round_trip_lazily(tmp_path, name):
    array = ak.Array(KINDS[name] * 3)
    path = tmp_path / "kind.parquet"
    ak.to_parquet(array, path, row_group_size=4)
    lazy = ak.from_parquet(path, virtual=True)
    eager = ak.from_parquet(path)
    assert len(lazy) == len(array)
    assert lazy.tolist() == eager.tolist() == array.tolist()
    assert str(lazy.type).replace("?", "") == str(eager.type).replace("?", "")


def test_regular_and_categorical(tmp_path):
    regular = ak.to_regular(ak.Array([[1, 2], [3, 4], [5, 6]]), axis=1)
    categorical = ak.str.to_categorical(ak.Array(["a", "b", "a"])) if hasattr(ak, "str") else None
    for array in filter(lambda a: a is not None, [regular, categorical]):
        path = tmp_path / "x.parquet"
        ak.to_parquet(array, path)
        lazy = ak.from_parquet(path, virtual=True)
        assert lazy.tolist() == ak.from_parquet(path).tolist() == array.tolist()


# ---------------------------------------------------------------------- caching
def test_external_cache(path, reads):
    cache = {}
    array = ak.from_parquet(path, virtual=True, cache=cache)
    array.run.tolist()
    assert reads == [["run"]] and len(cache) == 1
    cache.clear()  # evicted: the next touch reads again
    array.run.tolist()
    assert reads == [["run"], ["run"]]


def test_cache_needs_virtual(path):
    with pytest.raises(TypeError, match="virtual=True"):
        ak.from_parquet(path, cache={})


# ---------------------------------------------------------------------- errors
def test_missing_file():
    with pytest.raises(FileNotFoundError):
        ak.from_parquet("/nonexistent/file.parquet", virtual=True)


def test_corrupt_and_truncated_files(tmp_path, path):
    corrupt = tmp_path / "corrupt.parquet"
    corrupt.write_bytes(b"this is not parquet" * 10)
    with pytest.raises(ValueError, match="not a readable Parquet file"):
        ak.from_parquet(corrupt, virtual=True)
    data = open(path, "rb").read()
    truncated = tmp_path / "truncated.parquet"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(ValueError, match="Parquet"):
        ak.from_parquet(truncated, virtual=True)


def test_data_damaged_after_opening_is_a_clear_error(tmp_path):
    path = tmp_path / "damaged.parquet"
    ak.to_parquet(ak.Array({"x": np.arange(1000.0), "y": np.arange(1000)}), path, compression="zstd")
    array = ak.from_parquet(path, virtual=True)
    data = bytearray(open(path, "rb").read())
    meta = pq.ParquetFile(path).metadata
    start = meta.row_group(0).column(0).data_page_offset
    data[start + 8 : start + 64] = b"\xff" * 56  # garble x's first page, footer intact
    open(path, "wb").write(bytes(data))
    with pytest.raises((ValueError, OSError)):
        array.x.tolist()
    assert os.path.exists(path)


# ---------------------------------------------------------------------- files written by pyarrow
def test_plain_pyarrow_file_with_nullable_fields(tmp_path, reads):
    """Fields nullable everywhere (pyarrow's default), with nulls and empty lists at every
    level: lazy values equal the eager read, and each leaf column is read once."""
    import pyarrow as pa

    item = pa.struct([("pt", pa.float32()), ("q", pa.int32())])
    muons = pa.array(
        [[{"pt": 1.5, "q": 1}, None, {"pt": None, "q": -1}], [], None, [{"pt": 4.0, "q": None}]] * 3,
        pa.list_(item),
    )
    met = pa.array([1.0, None, 3.0, 4.0] * 3, pa.float64())
    path = tmp_path / "plain.parquet"
    pq.write_table(pa.table({"muons": muons, "met": met}), path, row_group_size=5)
    lazy = ak.from_parquet(path, virtual=True)
    eager = ak.from_parquet(path)
    assert str(lazy.type) == str(eager.type)
    reads.clear()
    rows = pa.table({"muons": muons, "met": met}).to_pylist()
    model = [
        None if r["muons"] is None else sum(m["pt"] for m in r["muons"] if m and m["pt"] is not None)
        for r in rows
    ]
    assert ak.sum(lazy.muons.pt, axis=1).tolist() == model
    # the structure (list offsets, the records' validity) comes from the projected leaf
    assert reads == [["muons.list.element.pt"]]
    assert lazy.tolist() == eager.tolist() == rows
    read = [c for r in reads for c in r]
    assert len(read) == len(set(read))  # every leaf once: one read gives all its node's buffers
