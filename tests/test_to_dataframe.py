"""ak.to_dataframe against a pure-Python model working on to_list() data.

The model: every leaf (number, bool, string) of the data is a column; each of its values has
an index tuple (position at each list level); None leaves are NaN and None lists hold
nothing. Columns with equal index lists form one table; the tables are merged left to right
on their common (leading) index levels with inner/outer/left/right semantics, a level that a
merge leaves missing being 0 (as awkward 2.14 does)."""

from __future__ import annotations

import math

import numpy as np
import pytest

import awkward as ak

pd = pytest.importorskip("pandas")


# ---------------------------------------------------------------------- the model
def _unwrap(form):
    while form.is_option or form.is_indexed:
        form = form.content
    return form


def _is_leaf(form):
    return form.parameter("__array__") in ("string", "bytestring") or not (
        form.is_record or form.is_list or form.is_regular
        or (form.is_numpy and len(form.inner_shape) > 0)
    )


def _leaves(value, form, path, index, out):
    """Append (index, value) to out[path] for every leaf of ``value`` (of type ``form``)."""
    form = _unwrap(form)
    if form.is_numpy and len(form.inner_shape) > 0:
        form = ak.forms.RegularForm(
            ak.forms.NumpyForm(form.primitive, form.inner_shape[1:]), form.inner_shape[0]
        )
    if _is_leaf(form):
        out[path].append((index, math.nan if value is None else value))
    elif form.is_record:
        for i, (field, content) in enumerate(zip(form.fields, form.contents)):
            item = None if value is None else value[field if not form.is_tuple else i]
            _leaves(item, content, (*path, field if not form.is_tuple else str(i)), index, out)
    elif value is not None:  # a missing list holds nothing
        for i, item in enumerate(value):
            _leaves(item, form.content, path, (*index, i), out)


def _columns(data, form, paths):
    """{path: [(index, value)]} for every leaf path of the type."""
    out = {p: [] for p in paths}
    for i, item in enumerate(data):
        _leaves(item, form, (), (i,), out)
    return out


def _leaf_paths(form, path=()):
    """Leaf paths of a form, in field order (what the model cannot see from empty data)."""
    if form.is_record:
        out = []
        for i, (field, content) in enumerate(zip(form.fields, form.contents)):
            out.extend(_leaf_paths(content, (*path, field if field is not None else str(i))))
        return out
    if form.parameter("__array__") in ("string", "bytestring"):
        return [path]
    content = getattr(form, "content", None)
    if content is not None:
        return _leaf_paths(content, path)
    return [path]


def _path_depth(form, path):
    """The number of list levels above the leaf at ``path``."""
    form = _unwrap(form)
    if form.is_numpy and len(form.inner_shape) > 0:
        return len(form.inner_shape)
    if _is_leaf(form):
        return 0
    if form.is_record:
        fields = form.fields if not form.is_tuple else [str(i) for i in range(len(form.contents))]
        return _path_depth(form.contents[fields.index(path[0])], path[1:])
    return 1 + _path_depth(form.content, path)


def _model_tables(array):
    form = array.layout.form
    paths = _leaf_paths(form)
    columns = _columns(array.to_list(), form, paths)
    tables = []  # [(index list, {path: values})]
    for path in paths:
        index = [ix for ix, _ in columns[path]]
        values = [v for _, v in columns[path]]
        for table_index, table in tables:
            if table_index == index:
                table[path] = values
                break
        else:
            tables.append((index, {path: values}))
    return tables


def _merge(left, right, how):
    """Merge two model tables (rows: (index tuple, {path: value})) on their common levels."""
    lrows, lpaths, ldepth = left
    rrows, rpaths, rdepth = right
    common, depth = min(ldepth, rdepth), max(ldepth, rdepth)

    def row(lix, lval, rix, rval):
        index = max((ix for ix in (lix, rix) if ix is not None), key=len)
        values = {p: lval[p] if lval else math.nan for p in lpaths}
        values.update({p: rval[p] if rval else math.nan for p in rpaths})
        return tuple(index) + (0,) * (depth - len(index)), values

    out, matched_right = [], set()
    for lix, lval in lrows:
        matches = [j for j, (rix, _) in enumerate(rrows) if lix[:common] == rix[:common]]
        for j in matches:
            out.append(row(lix, lval, *rrows[j]))
        matched_right.update(matches)
        if not matches and how in ("outer", "left"):
            out.append(row(lix, lval, None, None))
    if how in ("outer", "right"):
        out.extend(row(None, None, *r) for j, r in enumerate(rrows) if j not in matched_right)
    return out, lpaths + rpaths, depth


def model(array, how):
    tables = []
    for index, columns in _model_tables(array):
        paths = list(columns)
        rows = [(ix, {p: columns[p][i] for p in paths}) for i, ix in enumerate(index)]
        depth = 1 + _path_depth(array.layout.form, paths[0])
        tables.append((rows, paths, depth))
    if how is None:
        return tables
    last = tables[0]
    for table in tables[1:]:
        last = _merge(last, table, how)
    return last


def as_rows(frame):
    """(index tuple, {column path: value}) rows of a DataFrame, sorted."""
    out = []
    for ix, values in zip(frame.index.tolist(), frame.to_dict("records")):
        ix = ix if isinstance(ix, tuple) else (ix,)
        out.append((tuple(int(i) for i in ix), values))
    return out


def _norm(value):
    if isinstance(value, float) and math.isnan(value):
        return "NaN"
    if isinstance(value, (np.generic,)):
        value = value.item()
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    return value


def _key(path, depth):
    if depth == 0:
        return "values"
    if depth == 1:
        return path[0] if path else "values"
    return tuple(path) + ("",) * (depth - len(path))


def check(array, how="inner"):
    rows, paths, _ = model(array, how)
    depth = max((len(p) for p in paths), default=0)
    frame = ak.to_dataframe(array, how=how)
    expected = sorted(
        (ix, tuple(_norm(v[p]) for p in paths)) for ix, v in rows
    )
    got = sorted(
        (ix, tuple(_norm(v[_key(p, depth)]) for p in paths)) for ix, v in as_rows(frame)
    )
    assert got == expected
    assert list(frame.columns) == [_key(p, depth) for p in paths]
    return frame


# ---------------------------------------------------------------------- the cases
def _layouts():
    c = ak.contents
    idx = ak.index
    numbers = c.NumpyArray(np.array([1.5, 2.5, 3.5, 4.5, 5.5]))
    ints = c.NumpyArray(np.array([1, 2, 3, 4, 5], np.int64))
    offsets = idx.Index64(np.array([0, 2, 2, 5], np.int64))
    return {
        "NumpyArray": numbers,
        "NumpyArray int": ints,
        "NumpyArray bool": c.NumpyArray(np.array([True, False, True])),
        "NumpyArray 2d": c.NumpyArray(np.arange(6).reshape(3, 2)),
        "RegularArray": c.RegularArray(ints[:4], 2),
        "ListOffsetArray": c.ListOffsetArray(offsets, numbers),
        "ListArray": c.ListArray(
            idx.Index64(np.array([3, 0, 1])), idx.Index64(np.array([5, 0, 3])), numbers
        ),
        "nested lists": c.ListOffsetArray(
            idx.Index64(np.array([0, 1, 1, 3])), c.ListOffsetArray(offsets, numbers)
        ),
        "IndexedOptionArray": c.IndexedOptionArray(idx.Index64(np.array([0, -1, 2, -1, 4])), numbers),
        "ByteMaskedArray": c.ByteMaskedArray(idx.Index8(np.array([1, 0, 1, 1, 0], np.int8)), ints, valid_when=True),
        "BitMaskedArray": c.BitMaskedArray(
            idx.IndexU8(np.array([0b10101], np.uint8)), numbers, valid_when=True, length=5, lsb_order=True
        ),
        "UnmaskedArray": c.UnmaskedArray(numbers),
        "IndexedArray": c.IndexedArray(idx.Index64(np.array([4, 0, 0, 2])), numbers),
        "option of lists": c.IndexedOptionArray(
            idx.Index64(np.array([0, -1, 2])), c.ListOffsetArray(offsets, numbers)
        ),
        "lists of options": c.ListOffsetArray(
            offsets, c.IndexedOptionArray(idx.Index64(np.array([0, -1, 2, -1, 4])), numbers)
        ),
        "RecordArray": c.RecordArray([numbers, ints], ["x", "y"]),
        "tuple": c.RecordArray([numbers, ints], None),
        "record of lists": c.RecordArray(
            [ints[:3], c.ListOffsetArray(offsets, numbers)], ["x", "y"]
        ),
        "lists of records": c.ListOffsetArray(offsets, c.RecordArray([numbers, ints], ["x", "y"])),
        "nested records": c.RecordArray(
            [c.RecordArray([numbers, ints], ["b", "c"]), ints], ["a", "d"]
        ),
        "two list structures": c.RecordArray(
            [
                c.ListOffsetArray(idx.Index64(np.array([0, 1, 3, 3])), ints),
                c.ListOffsetArray(offsets, numbers),
                c.ListOffsetArray(
                    idx.Index64(np.array([0, 2, 2, 3])),
                    c.ListOffsetArray(idx.Index64(np.array([0, 1, 1, 3])), numbers),
                ),
            ],
            ["x", "y", "z"],
        ),
        "strings": ak.to_layout(["a", "bc", "", "def"]),
        "lists of strings": ak.to_layout([["a", "bc"], [], ["def"]]),
        "option strings": ak.to_layout(["a", None, "c"]),
        "EmptyArray": c.EmptyArray(),
        "lists of EmptyArray": c.ListOffsetArray(idx.Index64(np.array([0, 0, 0])), c.EmptyArray()),
    }


LAYOUTS = _layouts()


@pytest.mark.parametrize("how", ["inner", "outer", "left", "right"])
@pytest.mark.parametrize("name", list(LAYOUTS))
def test_against_the_model(name, how):
    check(ak.Array(LAYOUTS[name]), how)


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_how_none_gives_one_frame_per_index_structure(name):
    array = ak.Array(LAYOUTS[name])
    frames = ak.to_dataframe(array, how=None)
    tables = model(array, None)
    assert len(frames) == len(tables)
    for frame, (rows, _paths, depth) in zip(frames, tables):
        assert frame.index.nlevels == depth
        assert sorted(ix for ix, _ in as_rows(frame)) == sorted(ix for ix, _ in rows)


def test_level_names_and_anonymous():
    array = ak.Array([[[1, 2], [3]], [], [[4]]])
    frame = ak.to_dataframe(array)
    assert list(frame.index.names) == ["entry", "subentry", "subsubentry"]
    assert list(frame.columns) == ["values"]
    frame = ak.to_dataframe(array, levelname=lambda i: f"L{i}", anonymous="z")
    assert list(frame.index.names) == ["L0", "L1", "L2"] and list(frame.columns) == ["z"]


def test_nested_record_columns_are_a_multiindex():
    frame = ak.to_dataframe(ak.Array([{"a": {"b": 1, "c": 2.5}, "d": 3}]))
    assert frame.columns.tolist() == [("a", "b"), ("a", "c"), ("d", "")]


def test_dtypes_follow_the_leaves():
    frame = ak.to_dataframe(ak.Array([{"x": 1, "y": [1.1, 2.2]}, {"x": 2, "y": []}]), how="outer")
    assert [str(t) for t in frame.dtypes] == ["int64", "float64"]
    assert ak.to_dataframe(ak.Array([1, None, 3])).values.dtype == np.float64


def test_random_records_against_the_model():
    rng = np.random.default_rng(5)
    for _ in range(20):
        n = int(rng.integers(0, 6))
        data = [
            {
                "x": int(rng.integers(0, 9)),
                "y": [float(v) for v in rng.normal(size=int(rng.integers(0, 3)))],
                "z": [[int(v) for v in range(int(rng.integers(0, 3)))] for _ in range(int(rng.integers(0, 3)))],
            }
            for _ in range(n)
        ]
        if not data:
            continue
        for how in ("inner", "outer", "left", "right"):
            check(ak.Array(data), how)


def test_virtual_arrays_read_only_the_needed_buffers():
    from counting_buffers import Lazy

    lazy = Lazy()
    layout = ak.contents.RecordArray(
        [
            ak.contents.ListOffsetArray(lazy.index([0, 2, 2, 3], "off"), lazy.numpy([1.0, 2.0, 3.0], "x")),
            lazy.numpy([7, 8, 9], "y"),
        ],
        ["x", "y"],
    )
    array = ak.Array(layout)
    assert lazy.total == 0
    frame = ak.to_dataframe(array, how="outer")
    check(array, "outer")
    assert frame.shape == (4, 2)
    assert all(count == 1 for count in lazy.calls.values())


def test_errors():
    with pytest.raises(ValueError, match="ak.to_dataframe: 'how'"):
        ak.to_dataframe(ak.Array([[1, 2], [3]]), how="bad")
    with pytest.raises(TypeError, match="union"):
        ak.to_dataframe(ak.Array([1, "a"]))
    with pytest.raises(TypeError):
        ak.to_dataframe(object())


def test_missing_pandas_gives_a_clear_importerror(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pandas(name, *args, **kwargs):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match="pip install pandas"):
        ak.to_dataframe(ak.Array([1, 2, 3]))
