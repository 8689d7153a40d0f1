"""ak.to_regular / ak.from_regular: a table of layout kinds x axes against a pure-Python model
on to_list data (values unchanged; the list nodes at the axis become regular / var), errors,
laziness, parameters, behavior/attrs."""

import re

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
from awkward.errors import AxisError
from awkward.index import Index8, Index64, IndexU8
from tests.counting_buffers import Lazy


def _i64(x):
    return Index64(np.asarray(x, dtype=np.int64))


def _num(n=6):
    return NumpyArray(np.arange(n, dtype=np.int64))


def _lists():
    return ListOffsetArray(_i64([0, 2, 4, 6]), _num())


def _strings(words):
    data = "".join(words).encode()
    offsets = np.cumsum([0] + [len(w) for w in words])
    chars = NumpyArray(np.frombuffer(data, dtype=np.uint8), parameters={"__array__": "char"})
    return ListOffsetArray(_i64(offsets), chars, parameters={"__array__": "string"})


def layouts():
    """name -> (layout, ndim): ndim is the depth of every branch (None when branches differ),
    or (depth counting a string's characters, depth for negative axes: strings count as one)."""
    lists = _lists()
    return {
        "numpy": (_num(3), 1),
        "numpy_2d": (NumpyArray(np.arange(12).reshape(2, 3, 2)), 3),
        "regular": (RegularArray(_num(), 2), 2),
        "listoffset": (lists, 2),
        "listarray": (ListArray(_i64([4, 0, 2]), _i64([6, 2, 4]), _num()), 2),
        "jagged": (ListOffsetArray(_i64([0, 2, 3, 6]), _num()), 2),
        "nested": (ListOffsetArray(_i64([0, 1, 3]), lists), 3),
        "indexedoption": (IndexedOptionArray(_i64([2, -1, 0]), lists), 2),
        "bytemasked": (ByteMaskedArray(Index8(np.array([1, 0, 1], np.int8)), lists, True), 2),
        "bitmasked": (BitMaskedArray(IndexU8(np.array([5], np.uint8)), lists, True, 3, True), 2),
        "unmasked": (UnmaskedArray(lists), 2),
        "indexed": (IndexedArray(_i64([1, 1, 0]), lists), 2),
        "option_inside": (ListOffsetArray(_i64([0, 2, 4]), IndexedOptionArray(_i64([0, -1, 1, 2]), _num())), 2),
        "union": (
            UnionArray(Index8(np.array([0, 1, 0], np.int8)), _i64([0, 0, 1]), [RegularArray(_num(4), 2), _strings(["ab"])]),
            (2, None),
        ),
        "record": (RecordArray([lists, _num(3)], ["x", "y"]), None),
        "record_lists": (RecordArray([lists, RegularArray(_num(), 2)], ["x", "y"]), 2),
        "tuple": (RecordArray([lists, lists], None), 2),
        "strings": (_strings(["ab", "cd", "ef"]), (2, 1)),
        "list_strings": (ListOffsetArray(_i64([0, 2, 3]), _strings(["ab", "c", "de"])), (3, 2)),
        "empty": (EmptyArray(), 1),
        "list_empty": (ListOffsetArray(_i64([0, 0, 0]), EmptyArray()), 2),
    }


LAYOUTS = layouts()
AXES = [0, 1, 2, -1, -2, 3]


class ModelAxisError(Exception):
    pass


def lengths_at(data, axis, depth=0):
    """Pure-Python model: the lengths of the lists found at ``axis`` (dicts/tuples and None
    are looked through); a scalar reached before the axis is an axis error."""
    if data is None:
        return []
    if isinstance(data, dict):
        return [n for v in data.values() for n in lengths_at(v, axis, depth)]
    if isinstance(data, tuple):
        return [n for v in data for n in lengths_at(v, axis, depth)]
    if isinstance(data, (list, str, bytes)):
        if depth == axis:
            return [len(data)]
        return [n for item in data for n in lengths_at(item, axis, depth + 1)]
    raise ModelAxisError


def nodes_at(layout, axis, depth=0):
    """The list nodes of a layout at ``axis`` (the structure counterpart of lengths_at)."""
    if layout.is_numpy and len(layout.inner_shape) > 0:
        layout = layout.to_RegularArray()
    if layout.is_list:
        if depth + 1 == axis:
            return [layout]
        return nodes_at(layout.content, axis, depth + 1)
    return [n for c in layout.contents for n in nodes_at(c, axis, depth)]


def _posaxis(axis, ndim):
    if axis >= 0:
        return axis
    if isinstance(ndim, tuple):
        ndim = ndim[1]
    return None if ndim is None else axis + ndim


def _too_deep(posaxis, ndim):
    if isinstance(ndim, tuple):
        ndim = ndim[0]
    return posaxis < 0 or (ndim is not None and posaxis >= ndim) or (ndim is None and posaxis >= 2)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@pytest.mark.parametrize("axis", AXES)
def test_to_regular_table(name, axis):
    layout, ndim = LAYOUTS[name]
    data = layout.to_list()
    posaxis = _posaxis(axis, ndim)
    if posaxis is None:
        pytest.skip("negative axis through branches of different depth: see test_negative_axis_per_branch")
    if _too_deep(posaxis, ndim):
        with pytest.raises(AxisError, match=r"ak.to_regular: axis=.* exceeds the depth"):
            ak.to_regular(layout, axis=axis)
        return
    if posaxis == 0:
        assert ak.to_regular(layout, axis=axis, highlevel=False) is layout
        return
    try:
        lengths = lengths_at(data, posaxis)
    except ModelAxisError:
        with pytest.raises(AxisError, match="exceeds the depth"):
            ak.to_regular(layout, axis=axis)
        return
    if len(set(lengths)) > 1:
        with pytest.raises(ValueError, match="subarray lengths are not regular"):
            ak.to_regular(layout, axis=axis)
        return
    out = ak.to_regular(layout, axis=axis, highlevel=False)
    assert out.to_list() == data
    for node in nodes_at(out, posaxis):
        assert node.is_regular
        if lengths:
            assert node.size == lengths[0]
    assert out.validity_error() == ""


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@pytest.mark.parametrize("axis", AXES)
def test_from_regular_table(name, axis):
    layout, ndim = LAYOUTS[name]
    data = layout.to_list()
    posaxis = _posaxis(axis, ndim)
    if posaxis is None:
        pytest.skip("negative axis through branches of different depth: see test_negative_axis_per_branch")
    if _too_deep(posaxis, ndim):
        with pytest.raises(AxisError, match=r"ak.from_regular: axis=.* exceeds the depth"):
            ak.from_regular(layout, axis=axis)
        return
    if posaxis > 0 and not _safe_lengths(data, posaxis) and _model_axis_error(data, posaxis):
        with pytest.raises(AxisError, match="exceeds the depth"):
            ak.from_regular(layout, axis=axis)
        return
    out = ak.from_regular(layout, axis=axis, highlevel=False)
    assert out.to_list() == data
    if posaxis > 0:
        assert all(not node.is_regular for node in nodes_at(out, posaxis))


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_axis_none(name):
    layout, _ = LAYOUTS[name]
    data = layout.to_list()
    jagged = any(len(set(lengths_at(data, a))) > 1 for a in range(1, 4) if _safe_lengths(data, a))
    if jagged:
        with pytest.raises(ValueError):
            ak.to_regular(layout, axis=None)
    else:
        out = ak.to_regular(layout, axis=None, highlevel=False)
        assert out.to_list() == data
        assert "var" not in str(out.form.type)
    back = ak.from_regular(layout, axis=None, highlevel=False)
    assert back.to_list() == data
    assert re.search(r"\b\d+ \*", str(back.form.type)) is None


def _model_axis_error(data, axis):
    try:
        lengths_at(data, axis)
    except ModelAxisError:
        return True
    return False


def _safe_lengths(data, axis):
    try:
        return lengths_at(data, axis)
    except ModelAxisError:
        return []


def test_types_as_in_2_14():
    a = ak.Array([[[1, 2]], [[3, 4]]])
    assert str(ak.to_regular(a, axis=None).type) == "2 * 1 * 2 * int64"
    assert str(ak.to_regular(a, axis=-1).type) == "2 * var * 2 * int64"
    assert str(ak.to_regular(ak.Array(["ab", "cd"]), axis=1).type) == "2 * string[2]"
    assert str(ak.to_regular(ak.Array([[1, 2], None, [3, 4]]), axis=1).type) == "3 * option[2 * int64]"
    r = ak.to_regular(a, axis=None)
    assert str(ak.from_regular(r, axis=-1).type) == "2 * 1 * var * int64"
    n = ak.Array(np.zeros((2, 3, 4)))
    assert str(ak.from_regular(n, axis=None).type) == "2 * var * var * float64"
    assert str(ak.from_regular(n, axis=2).type) == "2 * 3 * var * float64"
    assert str(ak.from_regular(n, axis=-2).type) == "2 * var * 4 * float64"
    assert str(ak.to_regular(ak.Array([[], []]), axis=1).type) == "2 * 0 * unknown"


def test_negative_axis_per_branch():
    a = ak.Array([{"x": [1, 2], "y": [[1]]}, {"x": [3, 4], "y": [[2]]}])
    assert str(ak.to_regular(a, axis=-1).type) == "2 * {x: 2 * int64, y: var * 1 * int64}"
    with pytest.raises(AxisError, match=r"axis=2 exceeds the depth of this array \(2\)"):
        ak.to_regular(a, axis=2)
    u = ak.Array([[[1, 2], [3, 4]], [[1, 2]], 3])
    with pytest.raises(AxisError, match=r"axis=-1 exceeds the depth of this array \(1\)"):
        ak.to_regular(u, axis=-1)


def test_parameters_kept():
    a = ak.with_parameter(ak.Array([[1, 2], [3, 4]]), "foo", 1)
    assert str(ak.to_regular(a, axis=1).type) == '2 * [2 * int64, parameters={"foo": 1}]'
    assert ak.parameters(ak.from_regular(ak.to_regular(a))) == {"foo": 1}


def test_errors():
    a = ak.Array([[1, 2], [3]])
    with pytest.raises(ValueError, match="subarray lengths are not regular"):
        ak.to_regular(a, axis=1)
    with pytest.raises(TypeError, match="'axis' must be an integer or None, not 1.0"):
        ak.to_regular(a, axis=1.0)
    with pytest.raises(TypeError, match="from_regular"):
        ak.from_regular(a, axis="1")
    with pytest.raises(TypeError):
        ak.to_regular(ak.Record({"x": [1]}))
    with pytest.raises(AxisError):
        ak.from_regular(ak.Array([1, 2]), axis=1)


def test_behavior_and_attrs_carried():
    behavior = {"thing": object}
    a = ak.Array([[1, 2], [3, 4]], behavior=behavior, attrs={"@factory": 1, "b": 2})
    for out in (ak.to_regular(a), ak.from_regular(ak.to_regular(a))):
        assert out.attrs == {"@factory": 1, "b": 2}
        assert out.behavior is behavior


def test_laziness_only_converted_offsets_read():
    lazy = Lazy()
    x = ListOffsetArray(lazy.index([0, 2, 4], "x-offsets"), lazy.numpy([1, 2, 3, 4], "x-data"))
    y = ListOffsetArray(lazy.index([0, 1, 3], "y-offsets"), lazy.numpy([1.0, 2.0, 3.0], "y-data"))
    record = RecordArray([x, y], ["x", "y"])
    out = ak.to_regular(ak.Array(record).x, axis=1, highlevel=False)
    assert dict(lazy.calls) == {"x-offsets": 1}
    assert out.is_regular
    ak.from_regular(ak.to_regular(record, axis=0), axis=1)
    assert lazy.calls["y-offsets"] == 0 and lazy.calls["y-data"] == 0
    assert lazy.calls["x-data"] == 0
    regular = RegularArray(lazy.numpy(np.arange(6), "r-data"), 3)
    ak.from_regular(regular, axis=1)
    assert lazy.calls["r-data"] == 0
