"""ak.zip, ak.zip_no_broadcast and ak.unzip against pure-Python models of the to_list() data,
over every layout kind (each zipped with itself, with a copy that has its own buffers, with a
scalar and with a flat array), plain and virtualized; types and parameters as awkward 2.14
gives them; laziness (generator counts); errors by type and message."""

import numpy as np
import pytest

import awkward as ak
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    EmptyArray,
    IndexedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
    UnmaskedArray,
)
from awkward.index import Index8, Index64, IndexU8
from tests.counting_buffers import Lazy


# ---------------------------------------------------------------------- layouts of every kind
def _num(values, dtype=np.int64):
    return NumpyArray(np.asarray(values, dtype=dtype))


def _bits(valid):
    return IndexU8(np.packbits(np.asarray(valid, dtype=np.uint8), bitorder="little"))


def _string(values):
    data = "".join(values).encode()
    offsets = np.cumsum([0] + [len(v.encode()) for v in values])
    return ListOffsetArray(
        Index64(offsets),
        NumpyArray(np.frombuffer(data, np.uint8), parameters={"__array__": "char"}),
        parameters={"__array__": "string"},
    )


LAYOUTS = {
    "numpy": lambda: _num([1, 2, 3]),
    "numpy 2d": lambda: NumpyArray(np.arange(6, dtype=np.float64).reshape(3, 2)),
    "regular": lambda: RegularArray(_num([1, 2, 3, 4, 5, 6, 7]), 2),
    "listoffset": lambda: ListOffsetArray(Index64(np.array([0, 2, 2, 5])), _num([1, 2, 3, 4, 5])),
    "listarray": lambda: ListArray(
        Index64(np.array([3, 0, 1])), Index64(np.array([5, 0, 3])), _num([1, 2, 3, 4, 5])
    ),
    "list of lists": lambda: ListOffsetArray(
        Index64(np.array([0, 2, 2, 3])),
        ListOffsetArray(Index64(np.array([0, 1, 3, 3])), _num([1.5, 2.5, 3.5], np.float64)),
    ),
    "indexedoption": lambda: IndexedOptionArray(Index64(np.array([2, -1, 0])), _num([1, 2, 3])),
    "bytemasked": lambda: ByteMaskedArray(
        Index8(np.array([1, 0, 1], dtype=np.int8)), _num([1, 2, 3]), valid_when=True
    ),
    "bitmasked": lambda: BitMaskedArray(_bits([1, 1, 0]), _num([1, 2, 3]), True, 3, True),
    "unmasked": lambda: UnmaskedArray(_num([1, 2, 3])),
    "option of lists": lambda: IndexedOptionArray(
        Index64(np.array([1, -1, 0])),
        ListOffsetArray(Index64(np.array([0, 2, 3])), _num([1, 2, 3])),
    ),
    "lists of options": lambda: ListOffsetArray(
        Index64(np.array([0, 1, 1, 3])),
        ByteMaskedArray(Index8(np.array([1, 0, 1], dtype=np.int8)), _num([1, 2, 3]), True),
    ),
    "indexed": lambda: IndexedArray(Index64(np.array([2, 0, 1])), _num([10, 20, 30])),
    "union": lambda: UnionArray(
        Index8(np.array([0, 1, 0], dtype=np.int8)),
        Index64(np.array([0, 0, 1])),
        [_num([1, 2]), ListOffsetArray(Index64(np.array([0, 2])), _num([7, 8]))],
    ),
    "record": lambda: RecordArray([_num([1, 2, 3]), _num([4.5, 5.5, 6.5], np.float64)], ["a", "b"]),
    "tuple": lambda: RecordArray([_num([1, 2, 3])], None),
    "lists of records": lambda: ListOffsetArray(
        Index64(np.array([0, 1, 1, 3])), RecordArray([_num([1, 2, 3])], ["a"])
    ),
    "strings": lambda: _string(["ab", "", "cde"]),
    "lists of strings": lambda: ListOffsetArray(
        Index64(np.array([0, 2, 2, 3])), _string(["x", "yz", "w"])
    ),
    "empty lists": lambda: ListOffsetArray(Index64(np.array([0, 0, 0, 0])), EmptyArray()),
}


def _static_depth(layout):
    """Depth of one element as zip sees it (strings and records are values; -1: a union of
    different depths). Computed from the form only."""
    return _form_depth(layout.form)


def _form_depth(form):
    name = type(form).__name__
    if name == "NumpyForm":
        return 1 + len(form.inner_shape)
    if name in ("EmptyForm", "RecordForm"):
        return 1
    if name in ("ListOffsetForm", "ListForm", "RegularForm"):
        if form.parameters.get("__array__") in ("string", "bytestring"):
            return 1
        return 1 + _form_depth(form.content)
    if name == "UnionForm":
        depths = {_form_depth(c) for c in form.contents}
        return depths.pop() if len(depths) == 1 else -1
    return _form_depth(form.content)


# ---------------------------------------------------------------------- the model
class ModelError(Exception):
    pass


def zip_model(items, depths, fields, depth_limit=None, outside=False, level=1):
    """Zip one position: ``items`` are the inputs' Python values there, ``depths`` their
    element depths (-1: decide from the value, for unions)."""
    eff = [
        (2 if isinstance(x, list) else 1) if d == -1 else d for x, d in zip(items, depths)
    ]
    if level == depth_limit or all(d == 1 for d in eff):
        if outside and any(x is None for x in items):
            return None
        return dict(zip(fields, items)) if fields is not None else tuple(items)
    if any(x is None for x in items):
        return None
    lengths = {len(x) for x, d in zip(items, eff) if d > 1}
    if len(lengths) > 1:
        raise ModelError("cannot broadcast")
    (n,) = lengths
    return [
        zip_model(
            [x[i] if d > 1 else x for x, d in zip(items, eff)],
            [d - 1 if d > 1 else d for d in eff],
            fields,
            depth_limit,
            outside,
            level + 1,
        )
        for i in range(n)
    ]


def model_of(arrays, fields, depth_limit=None, outside=False):
    lists = [a.to_list() if isinstance(a, (ak.Array,)) else a for a in arrays]
    depths = [_static_depth(a.layout) if isinstance(a, ak.Array) else 1 for a in arrays]
    length = len(next(x for x in lists if isinstance(x, list)))
    return [
        zip_model(
            [x[i] if isinstance(a, ak.Array) else x for x, a in zip(lists, arrays)],
            [d - 0 for d in depths],
            fields,
            depth_limit,
            outside,
        )
        for i in range(length)
    ]


def _tenfold(item):
    """Same structure, other values: for a copy with its own buffers."""
    if isinstance(item, list):
        return [_tenfold(x) for x in item]
    if isinstance(item, dict):
        return {k: _tenfold(v) for k, v in item.items()}
    if isinstance(item, tuple):
        return tuple(_tenfold(v) for v in item)
    if isinstance(item, (int, float)) and not isinstance(item, bool):
        return item * 10
    return item


def _partners(name):
    array = ak.Array(LAYOUTS[name]())
    out = {
        "itself": array,
        "copy": ak.Array(LAYOUTS[name]()),
        "scalar": 7,
        "flat": ak.Array(np.array([100, 200, 300])),
    }
    rebuilt = _tenfold(array.to_list())
    if name not in ("union", "empty lists", "numpy 2d"):
        out["own buffers"] = ak.Array(rebuilt)
    return array, out


CASES = [(name, partner) for name in LAYOUTS for partner in _partners(name)[1]]


@pytest.mark.parametrize("name,partner", CASES)
@pytest.mark.parametrize("depth_limit", [None, 1, 2])
def test_zip_table(name, partner, depth_limit):
    array, partners = _partners(name)
    other = partners[partner]
    for fields, arg in ((["x", "y"], {"x": array, "y": other}), (None, (array, other))):
        try:
            expected = model_of([array, other], fields, depth_limit)
        except ModelError:
            with pytest.raises(ValueError, match="cannot broadcast"):
                ak.zip(arg, depth_limit=depth_limit)
            continue
        out = ak.zip(arg, depth_limit=depth_limit)
        assert out.to_list() == expected
        assert len(out) == len(array)


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_zip_optiontype_outside_record(name):
    array = ak.Array(LAYOUTS[name]())
    other = ak.Array(LAYOUTS[name]())
    expected = model_of([array, other], ["x", "y"], outside=True)
    out = ak.zip({"x": array, "y": other}, optiontype_outside_record=True)
    assert out.to_list() == expected


def test_zip_types_and_parameters_as_awkward_2_14():
    jagged = {"x": [[1, 2], [3]], "y": [[4, 5], [6]]}
    assert str(ak.zip(jagged).type) == "2 * var * {x: int64, y: int64}"
    assert str(ak.zip(jagged, depth_limit=1).type) == "2 * {x: var * int64, y: var * int64}"
    assert str(ak.zip(list(jagged.values())).type) == "2 * var * (int64, int64)"
    opt = {"x": [[1, None], None], "y": [[1, 2], [3]]}
    assert str(ak.zip(opt).type) == "2 * option[var * {x: ?int64, y: int64}]"
    assert (
        str(ak.zip(opt, optiontype_outside_record=True).type)
        == "2 * option[var * ?{x: int64, y: int64}]"
    )
    strings = ak.zip({"x": ["ab", "c"], "y": ["de", "f"]})
    assert str(strings.type) == "2 * {x: string, y: string}"
    named = ak.zip(jagged, with_name="P", parameters={"a": 1})
    assert named.layout.content.parameters == {"a": 1, "__record__": "P"}
    assert ak.zip(jagged, with_name="P", depth_limit=1).layout.parameters == {"__record__": "P"}
    # list parameters: intersected over the list inputs (2.14's broadcasting rule)
    p1 = ak.with_parameter(ak.with_parameter(jagged["x"], "p", 1), "q", 2)
    p2 = ak.with_parameter(jagged["y"], "p", 1)
    assert ak.zip({"x": p1, "y": p2}).layout.parameters == {"p": 1}
    assert ak.zip({"x": p1, "y": jagged["y"]}).layout.parameters == {}
    assert ak.zip({"x": p1, "y": 5}).layout.parameters == {"p": 1, "q": 2}
    # records and strings are values: not descended into
    rec = ak.zip({"x": ak.Array([{"a": 1}, {"a": 2}]), "y": [[1, 2], [3]]})
    assert str(rec.type) == "2 * var * {x: {a: int64}, y: int64}"
    assert ak.zip({"x": ["ab", "c"], "y": [[1, 2, 3], [2]]}).to_list() == [
        [{"x": "ab", "y": 1}, {"x": "ab", "y": 2}, {"x": "ab", "y": 3}],
        [{"x": "c", "y": 2}],
    ]
    regular = ak.to_regular(ak.Array([[1, 2], [3, 4]]), axis=1)
    assert str(ak.zip({"x": regular, "y": regular}).type) == "2 * 2 * {x: int64, y: int64}"
    assert str(ak.zip({"x": regular, "y": [[4, 5], [6, 7]]}).type) == "2 * var * {x: int64, y: int64}"
    union = ak.zip({"x": ak.Array([1, [2, 3]]), "y": [5, 6]})
    assert union.to_list() == [{"x": 1, "y": 5}, [{"x": 2, "y": 6}, {"x": 3, "y": 6}]]


def test_zip_right_broadcast():
    grid = ak.Array(np.arange(6).reshape(3, 2))
    out = ak.zip({"x": grid, "y": np.arange(2)}, right_broadcast=True)
    assert out.to_list() == [[{"x": 2 * i + j, "y": j} for j in range(2)] for i in range(3)]


def test_zip_scalars_only_is_a_record_and_highlevel_false():
    out = ak.zip({"x": 1, "y": 2.5})
    assert isinstance(out, ak.Record) and out.to_list() == {"x": 1, "y": 2.5}
    layout = ak.zip({"x": [[1], []], "y": [[2], []]}, highlevel=False)
    assert isinstance(layout, ListOffsetArray)


def test_zip_carries_behavior_and_attrs():
    x = ak.Array([1, 2], attrs={"@a": 1, "b": 2}, behavior={"P": object})
    y = ak.Array([3, 4], attrs={"c": 3})
    out = ak.zip({"x": x, "y": y})
    assert out.attrs["@a"] == 1 and out.attrs["b"] == 2 and out.attrs["c"] == 3
    assert out.behavior["P"] is object
    assert ak.zip({"x": x}, attrs={"z": 1}).attrs == {"z": 1}


# ---------------------------------------------------------------------- errors
def test_zip_errors():
    with pytest.raises(ValueError, match=r"ak.zip: cannot broadcast arrays of different lengths \(3, 2\)"):
        ak.zip({"x": [1, 2, 3], "y": [1, 2]})
    with pytest.raises(ValueError, match="cannot broadcast nested list"):
        ak.zip({"x": [[1, 2], [3]], "y": [[1, 2, 3], [2]]})
    with pytest.raises(ValueError, match="depth_limit must be None or at least 1"):
        ak.zip({"x": [1]}, depth_limit=0)
    with pytest.raises(TypeError, match="depth_limit must be None or an int"):
        ak.zip({"x": [1]}, depth_limit=1.5)
    with pytest.raises(ValueError, match="ak.zip: needs at least one array"):
        ak.zip({})
    with pytest.raises(TypeError, match="ak.zip: 'arrays' must be a dict or a sequence"):
        ak.zip(5)
    with pytest.raises(TypeError, match="field names"):
        ak.zip({1: [1, 2]})


# ---------------------------------------------------------------------- zip_no_broadcast
def test_zip_no_broadcast_model_and_errors():
    x = ak.Array([[1, 2], [3]])
    y = ak.Array([[4, 5], [6]])
    out = ak.zip_no_broadcast({"x": x, "y": y}, with_name="P", parameters={"a": 1})
    assert out.to_list() == [
        [{"x": a, "y": b} for a, b in zip(r, s)] for r, s in zip(x.to_list(), y.to_list())
    ]
    assert out.layout.content.parameters == {"a": 1, "__record__": "P"}
    assert out.layout.parameters == {}
    flat = ak.zip_no_broadcast((ak.Array([1, 2]), ak.Array([3.5, 4.5])))
    assert flat.to_list() == [(1, 3.5), (2, 4.5)]
    strings = ak.zip_no_broadcast({"x": ["ab", "c"], "y": ["de", "f"]})
    assert str(strings.type) == "2 * var * {x: char, y: char}"
    with pytest.raises(ValueError, match="all arrays must have the same length"):
        ak.zip_no_broadcast([ak.Array([1, 2, 3]), ak.Array([4, 5])])
    with pytest.raises(ValueError, match="all ListOffsetArrays must have the same offsets"):
        ak.zip_no_broadcast([x, ak.Array([[4], [5, 6]])])
    with pytest.raises(ValueError, match="must be either NumpyArrays or ListOffsetArrays"):
        ak.zip_no_broadcast({"x": x, "y": [1, 2]})
    with pytest.raises(ValueError, match="must be either NumpyArrays or ListOffsetArrays"):
        ak.zip_no_broadcast({"x": 1, "y": [1]})
    with pytest.raises(ValueError, match="non-NumpyArray contents"):
        ak.zip_no_broadcast([ak.Array([[[1]]]), ak.Array([[[2]]])])


# ---------------------------------------------------------------------- unzip
def _project(item, field):
    if item is None:
        return None
    if isinstance(item, list):
        return [_project(x, field) for x in item]
    if isinstance(item, tuple):
        return item[int(field)]
    return item[field]


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_unzip_table(name):
    array = ak.Array(LAYOUTS[name]())
    data = array.to_list()
    fields = ak.fields(array)
    out = ak.unzip(array)
    assert isinstance(out, tuple)
    if not fields:
        assert len(out) == 1 and out[0].to_list() == data
        assert list(ak.unzip(array, how=dict)) == ["0"]
        return
    assert [x.to_list() for x in out] == [_project(data, f) for f in fields]
    as_dict = ak.unzip(array, how=dict)
    assert list(as_dict) == fields
    # zipping the pieces back gives the records again
    if array.layout.is_record:
        again = ak.zip(as_dict if not array.layout.is_tuple else out, depth_limit=1)
        assert again.to_list() == data


def test_unzip_records_unions_and_errors():
    nested = ak.Array([[{"x": 1, "y": [2]}], None])
    x, y = ak.unzip(nested)
    assert x.to_list() == [[1], None] and y.to_list() == [[[2]], None]
    assert str(y.type) == "2 * option[var * var * int64]"
    record = ak.Record({"x": 1, "y": [2, 3]})
    rx, ry = ak.unzip(record)
    assert rx == 1 and ry.to_list() == [2, 3]
    with pytest.raises(ValueError, match="union of different sets of fields"):
        ak.unzip(ak.Array([{"x": 1, "y": [2]}, 3]))
    with pytest.raises(ValueError, match="`how` must be `tuple` or `dict`"):
        ak.unzip(nested, how=list)
    same_fields = ak.Array([{"x": 1, "y": 2}, {"x": [1], "y": 2}])
    assert [p.to_list() for p in ak.unzip(same_fields)] == [[1, [1]], [2, 2]]


# ---------------------------------------------------------------------- laziness
def _events(lazy, prefix=""):
    offsets = lazy.index([0, 2, 2, 3], prefix + "offsets")
    record = RecordArray(
        [lazy.numpy([1.0, 2.0, 3.0], prefix + "pt"), lazy.numpy([4.0, 5.0, 6.0], prefix + "eta")],
        ["pt", "eta"],
    )
    return ak.Array(ListOffsetArray(offsets, record))


def test_zip_of_fields_sharing_offsets_reads_nothing():
    lazy = Lazy()
    jets = _events(lazy)
    out = ak.zip({"a": jets.pt, "b": jets.eta, "c": 1})
    assert lazy.total == 0
    assert out.fields == ["a", "b", "c"] and len(out) == 3 and lazy.total == 0
    assert out.a.to_list() == [[1.0, 2.0], [], [3.0]]
    assert lazy.calls["eta"] == 0


def test_zip_of_separate_offsets_reads_offsets_only():
    lazy = Lazy()
    one, two = _events(lazy, "1."), _events(lazy, "2.")
    out = ak.zip({"a": one.pt, "b": two.eta})
    assert set(lazy.calls) <= {"1.offsets", "2.offsets"}
    assert out.b.to_list() == [[4.0, 5.0], [], [6.0]]
    assert lazy.calls["1.pt"] == 0


def test_zip_of_option_fields_sharing_index_reads_nothing():
    lazy = Lazy()
    content = RecordArray([lazy.numpy([1, 2], "a"), lazy.numpy([3, 4], "b")], ["a", "b"])
    array = ak.Array(IndexedOptionArray(lazy.index([1, -1, 0], "index"), content))
    out = ak.zip({"x": array.a, "y": array.b}, optiontype_outside_record=True)
    assert lazy.total == 0
    assert out.to_list() == [{"x": 2, "y": 4}, None, {"x": 1, "y": 3}]


def test_unzip_and_fields_read_nothing():
    lazy = Lazy()
    jets = _events(lazy)
    pt, eta = ak.unzip(jets)
    assert ak.fields(jets) == ["pt", "eta"]
    assert set(ak.unzip(jets, how=dict)) == {"pt", "eta"}
    assert lazy.total == 0
    assert eta.to_list() == [[4.0, 5.0], [], [6.0]]
    assert lazy.calls["pt"] == 0


def test_zip_no_broadcast_sharing_offsets_reads_nothing():
    lazy = Lazy()
    jets = _events(lazy)
    out = ak.zip_no_broadcast({"a": jets.pt, "b": jets.eta})
    assert lazy.total == 0
    assert out.to_list() == [[{"a": 1.0, "b": 4.0}, {"a": 2.0, "b": 5.0}], [], [{"a": 3.0, "b": 6.0}]]


def test_same_buffer_decides_from_metadata():
    from awkward._nplikes.numpy import Numpy

    nplike = Numpy.instance()
    lazy = Lazy()
    virtual = lazy.buffer(np.arange(10), "v")
    assert nplike.same_buffer(virtual, virtual)
    assert nplike.same_buffer(virtual[2:5], virtual[2:5])
    assert not nplike.same_buffer(virtual[2:5], virtual[3:6])
    assert not nplike.same_buffer(virtual, lazy.buffer(np.arange(10), "w"))
    assert lazy.total == 0
    big = np.arange(10000)
    assert nplike.same_buffer(big[:], big[:])
    assert not nplike.same_buffer(big, big.copy())
