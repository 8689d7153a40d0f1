"""ak.cartesian / ak.argcartesian: a table of layout kinds x axes x nesting against a
pure-Python model (itertools.product on to_list data), errors, parameters, behavior/attrs,
laziness, and hypothesis-generated jagged arrays."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
from awkward.errors import AxisError
from awkward.index import Index8, Index64, IndexU8
from tests.counting_buffers import Lazy


def _i64(x):
    return Index64(np.asarray(x, dtype=np.int64))


def _num(n=6, start=0):
    return NumpyArray(np.arange(start, start + n, dtype=np.int64))


def _strings(words):
    data = "".join(words).encode()
    offsets = np.cumsum([0] + [len(w) for w in words])
    chars = NumpyArray(np.frombuffer(data, dtype=np.uint8), parameters={"__array__": "char"})
    return ListOffsetArray(_i64(offsets), chars, parameters={"__array__": "string"})


def _lists(start=0):
    return ListOffsetArray(_i64([0, 3, 3, 5]), _num(5, start))


def layouts():
    """name -> layout; every one has length 3 and lists (or not) at axis 1."""
    lists = _lists()
    return {
        "numpy": _num(3, 50),
        "regular": RegularArray(_num(6, 10), 2),
        "listoffset": lists,
        "listarray": ListArray(_i64([3, 0, 1]), _i64([5, 1, 3]), _num(5, 20)),
        "indexedoption": IndexedOptionArray(_i64([2, -1, 0]), lists),
        "bytemasked": ByteMaskedArray(Index8(np.array([1, 1, 0], np.int8)), lists, True),
        "bitmasked": BitMaskedArray(IndexU8(np.array([5], np.uint8)), lists, True, 3, True),
        "unmasked": UnmaskedArray(lists),
        "indexed": IndexedArray(_i64([2, 2, 0]), lists),
        "option_inside": ListOffsetArray(_i64([0, 2, 3, 4]), IndexedOptionArray(_i64([0, -1, 1, 2]), _num(3))),
        "union_inside": ListOffsetArray(
            _i64([0, 3, 3, 4]),
            UnionArray(Index8(np.array([0, 1, 0, 1], np.int8)), _i64([0, 0, 1, 1]), [_num(2), _strings(["ab", "c"])]),
        ),
        "records_inside": ListOffsetArray(_i64([0, 1, 3, 4]), RecordArray([_num(4), _num(4, 10)], ["x", "y"])),
        "strings_inside": ListOffsetArray(_i64([0, 2, 2, 3]), _strings(["ab", "c", "def"])),
        "nested": ListOffsetArray(_i64([0, 1, 3, 4]), ListOffsetArray(_i64([0, 2, 2, 3, 5]), _num(5))),
        "lists_of_empty": ListOffsetArray(_i64([0, 0, 0, 0]), EmptyArray()),
        "records": RecordArray([_num(3), _num(3, 5)], ["x", "y"]),
    }


def _plain(x):
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if isinstance(x, dict):
        return {k: _plain(v) for k, v in x.items()}
    return x


def _segments(count, nested):
    bounds = [0] + [j + 1 for j in sorted(nested)] + [count]
    return [list(range(lo, hi)) for lo, hi in zip(bounds[:-1], bounds[1:])]


def product_model(rows, segments, fields, arg=False):
    """One row: ``rows`` are the arrays' items (lists, None, or single values)."""

    def as_list(x):
        if x is None or (isinstance(x, list)):
            return x
        return [x]

    items = [as_list(x) for x in rows]
    if arg:
        items = [None if x is None else list(range(len(x))) for x in items]

    def build(level, prefix):
        seg = segments[level]
        if items[seg[0]] is None:
            return None
        pools = [items[i] if items[i] is not None else [] for i in seg]
        out = []
        for t in itertools.product(*pools):
            values = prefix + list(t)
            if level == len(segments) - 1:
                out.append(dict(zip(fields, values)) if fields else values)
            else:
                out.append(build(level + 1, values))
        return out

    return build(0, [])


def model(datas, axis, nested, fields=None, arg=False):
    segments = _segments(len(datas), nested)
    if axis == 0:
        return product_model(datas, segments, fields, arg)

    def at(rows, depth):
        if depth == axis:
            return product_model(rows, segments, fields, arg)
        if any(r is None for r in rows):
            return None
        return [at(list(t), depth + 1) for t in zip(*rows)]

    return [at(list(t), 1) for t in zip(*datas)]


NAMES = list(layouts())
FLAT = ("numpy", "records")  # no list at axis 1
PAIRS = [(a, b) for a in NAMES for b in ("listoffset", "indexedoption", "regular", "numpy", a)]


@pytest.mark.parametrize("first,second", PAIRS)
@pytest.mark.parametrize("nested", [None, True])
@pytest.mark.parametrize("function", ["cartesian", "argcartesian"])
def test_pairs_at_axis_1(first, second, nested, function):
    a, b = layouts()[first], layouts()[second]
    op = getattr(ak, function)
    arg = function == "argcartesian"
    if first in FLAT and second in FLAT:
        with pytest.raises(AxisError, match="exceeds the max depth"):
            op([a, b])
        return
    if arg and (first in FLAT or second in FLAT):
        # positions are local indexes at axis 1: a flat array has none (as in awkward 2.14)
        with pytest.raises(AxisError, match="exceeds the depth of this array"):
            op([a, b])
        return
    expected = model([ak.to_list(a), ak.to_list(b)], 1, {0} if nested else set(), arg=arg)
    assert _plain(op([a, b], nested=nested).to_list()) == _plain(expected)
    named = op({"x": a, "y": b}, nested=["x"] if nested else None)
    expected = model([ak.to_list(a), ak.to_list(b)], 1, {0} if nested else set(), ["x", "y"], arg)
    assert _plain(named.to_list()) == _plain(expected)
    assert ak.validity_error(named) == ""


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("nested", [set(), {0}, {1}, {0, 1}])
def test_three_arrays_axis_0_and_1(name, nested):
    arrays = [layouts()[name], layouts()["listoffset"], layouts()["indexedoption"]]
    datas = [ak.to_list(x) for x in arrays]
    for axis in (0, 1):
        if axis == 1 and name in FLAT:
            continue
        result = ak.cartesian(arrays, axis=axis, nested=sorted(nested))
        assert _plain(result.to_list()) == _plain(model(datas, axis, nested)), axis
        argresult = ak.argcartesian(arrays, axis=axis, nested=sorted(nested))
        assert _plain(argresult.to_list()) == _plain(model(datas, axis, nested, arg=True)), axis


def test_axis_2_and_negative():
    a = ak.Array([[[1, 2], [3]], [], [[4, 5]]])
    b = ak.Array([[[6], [7, 8]], [], [[9]]])
    for axis in (2, -1):
        r = ak.cartesian([a, b], axis=axis)
        assert _plain(r.to_list()) == model([a.to_list(), b.to_list()], 2, set())
    r = ak.cartesian([a, b], axis=-2, nested=True)
    assert _plain(r.to_list()) == _plain(model([a.to_list(), b.to_list()], 1, {0}))
    assert str(ak.cartesian([a, b], axis=2).type) == "3 * var * var * (int64, int64)"


def test_types_parameters_with_name():
    a = ak.Array([[1, 2, 3], [], [4, 5]])
    b = ak.Array([["a", "b"], ["c"], ["d"]])
    r = ak.cartesian({"x": a, "y": b}, with_name="P", parameters={"q": 1})
    assert str(r.type) == '3 * var * P[x: int64, y: string, parameters={"q": 1}]'
    assert str(ak.cartesian([a, b, a], nested=True).type) == "3 * var * var * var * (int64, string, int64)"
    assert str(ak.cartesian([a, b], axis=0).type) == "9 * (var * int64, var * string)"
    assert str(ak.cartesian([a, b], axis=0, nested=True).type) == "3 * 3 * (var * int64, var * string)"
    assert str(ak.argcartesian([a, b]).type) == "3 * var * (int64, int64)"


def test_behavior_and_attrs_carried():
    a = ak.Array([[1, 2, 3], [], [4, 5]], attrs={"@factory": 1}, behavior={"b": 1})
    b = ak.Array([[1], [2], [3]], attrs={"other": 2})
    for r in (ak.cartesian([a, b]), ak.argcartesian({"x": a, "y": b}, axis=0)):
        assert dict(r.attrs) == {"@factory": 1, "other": 2}
        assert r.behavior == {"b": 1}
    assert isinstance(ak.cartesian([a, b], highlevel=False), ListOffsetArray)


@pytest.mark.parametrize("function", ["cartesian", "argcartesian"])
def test_errors(function):
    op = getattr(ak, function)
    a = ak.Array([[1, 2, 3], [], [4, 5]])
    with pytest.raises(ValueError, match="cannot broadcast arrays of different lengths"):
        op([a, ak.Array([[1], [2]])])
    with pytest.raises(AxisError, match=r"axis=2 exceeds the max depth of the given arrays \(which is 2\)"):
        op([a, a], axis=2)
    with pytest.raises(AxisError, match="do not have the same depth for negative axis"):
        op([a, ak.Array([1, 2, 3])], axis=-1)
    with pytest.raises(ValueError, match=r"'nested' parameter must be True or integers in \[0, len\(arrays\) - 1\)"):
        op([a, a, a], nested=[2])
    with pytest.raises(ValueError, match="'nested' parameter must be True or integers"):
        op([a, a], nested="x")
    with pytest.raises(ValueError, match="'nested' parameter must be True or keys of the dict"):
        op({"x": a, "y": a}, nested=[0])
    with pytest.raises(ValueError, match="'nested' parameter must be True or keys of the dict"):
        op({"x": a, "y": a}, nested=["y"])
    with pytest.raises(ValueError, match=rf"ak\.{function}: needs at least one array"):
        op([])
    with pytest.raises(TypeError, match="'arrays' must be a dict or an iterable"):
        op(3)
    if function == "cartesian":  # argcartesian pairs character positions (awkward 2.14)
        with pytest.raises(ValueError, match="characters of a string"):
            op([ak.Array(["ab", "c"]), ak.Array([[1], [2]])])


def test_lazy_fields():
    lazy = Lazy()
    jets = RecordArray(
        [NumpyArray(lazy.buffer(np.arange(5.0), "pt")), NumpyArray(lazy.buffer(np.arange(5.0), "eta"))],
        ["pt", "eta"],
    )
    muons = RecordArray(
        [NumpyArray(lazy.buffer(np.arange(3.0), "mpt")), NumpyArray(lazy.buffer(np.arange(3.0), "meta"))],
        ["pt", "eta"],
    )
    events = RecordArray(
        [
            ListOffsetArray(lazy.index([0, 3, 3, 5], "jo"), jets),
            ListOffsetArray(lazy.index([0, 1, 2, 3], "mo"), muons),
        ],
        ["jets", "muons"],
    )
    array = ak.Array(events)
    pairs = ak.cartesian([array.jets.pt, array.muons.pt])
    assert lazy.calls["eta"] == 0 and lazy.calls["meta"] == 0
    assert pairs.to_list()[2] == [(3.0, 2.0), (4.0, 2.0)]
    assert lazy.calls["eta"] == 0 and lazy.calls["meta"] == 0
    assert lazy.calls["pt"] == 1 and lazy.calls["mpt"] == 1
    ak.argcartesian([array.jets, array.muons]).to_list()
    assert lazy.calls["eta"] == 0 and lazy.calls["meta"] == 0 and lazy.calls["pt"] == 1


jagged = st.lists(st.integers(0, 4), min_size=0, max_size=6)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(jagged, jagged, jagged), min_size=1, max_size=6), st.sets(st.integers(0, 1)))
def test_hypothesis_jagged(rows, nested):
    datas = [[r[i] for r in rows] for i in range(3)]
    arrays = [ak.Array(d) for d in datas]
    result = ak.cartesian(arrays, nested=sorted(nested))
    assert _plain(result.to_list()) == _plain(model(datas, 1, nested))
    two = ak.argcartesian(arrays[:2])
    assert _plain(two.to_list()) == _plain(model(datas[:2], 1, set(), arg=True))
