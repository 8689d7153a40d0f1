"""ak.combinations / ak.argcombinations: a table of layout kinds x axes x n x replacement against
a pure-Python model (itertools on to_list data), errors, parameters, behavior/attrs, laziness,
and hypothesis-generated jagged arrays."""

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


def _lists():
    return ListOffsetArray(_i64([0, 3, 3, 7]), _num(7))


def layouts():
    """name -> (layout, depth): depth of every branch (used for negative axes)."""
    lists = _lists()
    return {
        "numpy": (_num(4), 1),
        "numpy_2d": (NumpyArray(np.arange(24).reshape(2, 4, 3)), 3),
        "regular": (RegularArray(_num(8), 4), 2),
        "listoffset": (lists, 2),
        "listarray": (ListArray(_i64([4, 0, 2]), _i64([7, 3, 4]), _num(7)), 2),
        "nested": (ListOffsetArray(_i64([0, 1, 3]), lists), 3),
        "indexedoption": (IndexedOptionArray(_i64([2, -1, 0]), lists), 2),
        "bytemasked": (ByteMaskedArray(Index8(np.array([1, 0, 1], np.int8)), lists, True), 2),
        "bitmasked": (BitMaskedArray(IndexU8(np.array([5], np.uint8)), lists, True, 3, True), 2),
        "unmasked": (UnmaskedArray(lists), 2),
        "indexed": (IndexedArray(_i64([2, 2, 0]), lists), 2),
        "option_inside": (
            ListOffsetArray(_i64([0, 3, 5]), IndexedOptionArray(_i64([0, -1, 1, 2, 3]), _num(4))),
            2,
        ),
        "union_inside": (
            ListOffsetArray(
                _i64([0, 3, 4]),
                UnionArray(
                    Index8(np.array([0, 1, 0, 1], np.int8)), _i64([0, 0, 1, 1]), [_num(2), _strings(["ab", "c"])]
                ),
            ),
            2,
        ),
        "union_of_lists": (
            UnionArray(
                Index8(np.array([0, 1, 0], np.int8)),
                _i64([0, 0, 1]),
                [RegularArray(_num(6), 3), ListOffsetArray(_i64([0, 2]), _strings(["x", "yz"]))],
            ),
            2,
        ),
        "records_inside": (
            ListOffsetArray(_i64([0, 3, 4]), RecordArray([_num(4), _num(4, 10)], ["x", "y"])),
            2,
        ),
        "tuple_of_lists": (RecordArray([lists, IndexedArray(_i64([1, 0, 2]), lists)], None), 2),
        "record_of_lists": (RecordArray([lists, RegularArray(_num(6), 2)], ["a", "b"]), 2),
        "strings_inside": (ListOffsetArray(_i64([0, 2, 3]), _strings(["ab", "c", "def"])), 2),
        "strings": (_strings(["ab", "c", "def"]), 1),
        "empty": (EmptyArray(), 1),
        "lists_of_empty": (ListOffsetArray(_i64([0, 0, 0]), EmptyArray()), 2),
    }


def _plain(x):
    """to_list data with tuples as lists (records from tuples come back as tuples)."""
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    if isinstance(x, dict):
        return {k: _plain(v) for k, v in x.items()}
    return x


class ModelAxisError(Exception):
    pass


def _is_string(x):
    return isinstance(x, (str, bytes))


def model(data, axis, n, replacement, arg=False):
    """itertools on Python data: combinations of the lists found ``axis`` levels down."""
    comb = itertools.combinations_with_replacement if replacement else itertools.combinations

    def at(items, depth):
        if items is None:
            return None
        if isinstance(items, dict):
            return {k: at(v, depth) for k, v in items.items()}
        if isinstance(items, tuple):
            return [at(v, depth) for v in items]
        if depth == axis:
            if _is_string(items) and arg:
                # awkward 2.14 (checked with akc): argcombinations takes a string as a list
                # of characters (combinations refuses it)
                items = list(items)
            if _is_string(items):
                raise ValueError("string")
            if not isinstance(items, list):
                raise ModelAxisError
            source = list(range(len(items))) if arg else items
            return [list(c) for c in comb(source, n)]
        if not isinstance(items, list) or _is_string(items):
            raise ModelAxisError
        return [at(x, depth + 1) for x in items]

    if axis == 0:
        source = list(range(len(data))) if arg else data
        return [list(c) for c in comb(source, n)]
    return [at(x, 1) for x in data]


def _tuples_to_lists(data):
    # record (tuple) results: records of fields "0", "1" come back as tuples
    return _plain(data)


CASES = [
    (name, axis, n, replacement)
    for name in layouts()
    for axis in (0, 1, 2, -1)
    for n in (1, 2, 3)
    for replacement in (False, True)
]


@pytest.mark.parametrize("name,axis,n,replacement", CASES)
@pytest.mark.parametrize("function", ["combinations", "argcombinations"])
def test_table_against_model(name, axis, n, replacement, function):
    layout, depth = layouts()[name]
    posaxis = axis + depth if axis < 0 else axis
    data = ak.to_list(layout)
    arg = function == "argcombinations"
    op = getattr(ak, function)
    try:
        expected = model(data, posaxis, n, replacement, arg)
    except ModelAxisError:
        # AxisError, or the string error where a string sits beside the leaf (unions)
        with pytest.raises(ValueError, match="exceeds the depth|characters of a string"):
            op(layout, n, replacement=replacement, axis=axis)
        return
    except ValueError:
        with pytest.raises(ValueError, match="characters of a string|exceeds the depth"):
            op(layout, n, replacement=replacement, axis=axis)
        return
    if posaxis >= depth and not (arg and "string" in str(layout.form)):
        if not arg and name in ("empty", "lists_of_empty"):
            # awkward 2.14 (checked with akc): ak.combinations leaves an EmptyArray as it is at
            # any depth (it has no lists to combine); ak.argcombinations raises AxisError
            assert op(layout, n, replacement=replacement, axis=axis).to_list() == data
            return
        with pytest.raises(AxisError):
            op(layout, n, replacement=replacement, axis=axis)
        return
    result = op(layout, n, replacement=replacement, axis=axis)
    assert _plain(result.to_list()) == _plain(expected)
    assert ak.validity_error(result) == ""


def test_fields_with_name_parameters():
    a = ak.Array([[1, 2, 3], [], [4, 5]])
    r = ak.combinations(a, 2, fields=["x", "y"], with_name="Pair", parameters={"p": 1})
    assert r.to_list() == [[{"x": 1, "y": 2}, {"x": 1, "y": 3}, {"x": 2, "y": 3}], [], [{"x": 4, "y": 5}]]
    assert r.layout.content.parameters == {"p": 1, "__record__": "Pair"}
    assert str(r.type) == '3 * var * Pair[x: int64, y: int64, parameters={"p": 1}]'
    r0 = ak.argcombinations(a, 2, axis=0, fields=["i", "j"])
    assert r0.to_list() == [{"i": 0, "j": 1}, {"i": 0, "j": 2}, {"i": 1, "j": 2}]


def test_list_parameters_kept_and_types():
    a = ak.with_parameter(ak.Array([[1, 2, 3], [], [4, 5]]), "p", 1)
    r = ak.combinations(a, 2)
    assert r.layout.parameters == {"p": 1}
    assert str(r.type) == '3 * [var * (int64, int64), parameters={"p": 1}]'
    reg = ak.to_regular(ak.Array([[1, 2, 3], [4, 5, 6]]))
    assert str(ak.combinations(reg, 2).type) == "2 * 3 * (int64, int64)"
    assert str(ak.combinations(reg, 2, replacement=True).type) == "2 * 6 * (int64, int64)"
    plain = ak.Array([[1, 2, 3], [], [4, 5]])
    assert str(ak.combinations(plain, 2, axis=0).type) == "3 * (var * int64, var * int64)"
    assert str(ak.argcombinations(plain, 3, replacement=True).type) == "3 * var * (int64, int64, int64)"


def test_behavior_and_attrs_carried():
    a = ak.Array([[1, 2, 3], [], [4, 5]], attrs={"@factory": 1, "y": 2}, behavior={"b": 1})
    for r in (ak.combinations(a, 2), ak.argcombinations(a, 2, axis=0)):
        assert dict(r.attrs) == {"@factory": 1, "y": 2}
        assert r.behavior == {"b": 1}
    r = ak.combinations(a, 2, attrs={"z": 3}, behavior={"c": 2})
    assert dict(r.attrs) == {"z": 3} and r.behavior == {"c": 2}
    assert isinstance(ak.combinations(a, 2, highlevel=False), ListOffsetArray)


@pytest.mark.parametrize("function", ["combinations", "argcombinations"])
def test_errors(function):
    op = getattr(ak, function)
    a = ak.Array([[1, 2, 3], [], [4, 5]])
    with pytest.raises(ValueError, match=rf"ak\.{function}: 'n' must be at least 1"):
        op(a, 0)
    with pytest.raises(TypeError, match=rf"ak\.{function}: 'n' must be an integer"):
        op(a, 1.5)
    with pytest.raises(AxisError, match=rf"ak\.{function}: axis=2 exceeds the depth of this array \(2\)"):
        op(a, 2, axis=2)
    with pytest.raises(AxisError, match=r"axis=-3 exceeds the depth"):
        op(a, 2, axis=-3)
    with pytest.raises(AxisError, match=r"axis=1 exceeds the depth of this array \(1\)"):
        op(ak.Array([1, 2, 3]), 2)
    with pytest.raises(ValueError, match=r"the length of 'fields' must be 'n' \(2\), not 1"):
        op(a, 2, fields=["x"])
    with pytest.raises(TypeError, match=r"'axis' must be an integer"):
        op(a, 2, axis=None)
    if function == "combinations":  # 2.14: argcombinations takes strings as lists of characters
        with pytest.raises(ValueError, match=rf"ak\.{function} does not compute combinations of the characters"):
            op(ak.Array(["ab", "c"]), 2)
    # a branch shallower than the axis
    with pytest.raises(AxisError):
        op(ak.Array([{"x": [1, 2], "y": [[1]]}]), 2, axis=2)


def test_kernel_errors_surface_as_value_error():
    backend = ak.contents.NumpyArray(np.arange(3)).backend
    kernel = backend["awkward_ListArray_combinations", np.int64, np.int64, np.int64, np.int64]
    out = np.empty(4, np.int64)
    with pytest.raises(ValueError, match="differs from the number of combinations"):
        kernel(out, np.array([0]), np.array([3]), np.array([0, 2]), 2, False, 1, 2)


def test_lazy_field_reads_only_that_field():
    lazy = Lazy()
    jets = RecordArray(
        [
            NumpyArray(lazy.buffer(np.arange(7.0), "pt")),
            NumpyArray(lazy.buffer(np.arange(7.0), "eta")),
        ],
        ["pt", "eta"],
    )
    events = ListOffsetArray(lazy.index([0, 3, 3, 7], "offsets"), jets)
    array = ak.Array(events)
    assert lazy.total == 0
    pairs = ak.combinations(array.pt, 2)
    assert lazy.calls["eta"] == 0
    assert lazy.calls["offsets"] <= 1
    assert pairs.to_list()[0] == [(0.0, 1.0), (0.0, 2.0), (1.0, 2.0)]
    assert lazy.calls["eta"] == 0 and lazy.calls["pt"] == 1
    # argcombinations reads only the offsets
    lazy2 = Lazy()
    events2 = ListOffsetArray(lazy2.index([0, 3, 3, 7], "offsets"), lazy2.numpy(np.arange(7.0), "data"))
    ak.argcombinations(events2, 2).to_list()
    assert lazy2.calls["data"] == 0
    # records of lists: combinations of the record's fields at axis=1 through the record
    lazy3 = Lazy()
    rec = RecordArray(
        [
            ListOffsetArray(lazy3.index([0, 2, 3], "o1"), lazy3.numpy([1, 2, 3], "d1")),
            ListOffsetArray(lazy3.index([0, 1, 3], "o2"), lazy3.numpy([4, 5, 6], "d2")),
        ],
        ["a", "b"],
    )
    out = ak.combinations(rec, 2, highlevel=False)
    assert lazy3.calls["d1"] <= 1 and lazy3.calls["d2"] <= 1
    assert ak.to_list(out.content("a")) == [[(1, 2)], []]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.integers(-5, 5), max_size=6), max_size=8),
    st.integers(1, 4),
    st.booleans(),
)
def test_hypothesis_jagged(data, n, replacement):
    a = ak.Array(data) if data else ak.Array(ListOffsetArray(_i64([0]), _num(0)))
    result = ak.combinations(a, n, replacement=replacement)
    assert _plain(result.to_list()) == model(data, 1, n, replacement)
    assert _plain(ak.argcombinations(a, n, replacement=replacement).to_list()) == model(
        data, 1, n, replacement, arg=True
    )
    top = ak.combinations(a, min(n, 3), axis=0, replacement=replacement)
    assert _plain(top.to_list()) == model(data, 0, min(n, 3), replacement)
