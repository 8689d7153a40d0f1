"""ak.merge_option_of_records / ak.merge_union_of_records against pure-Python models on
to_list data, types as awkward 2.14 prints them, errors, laziness."""

import numpy as np
import pytest

import awkward as ak
from awkward.contents import (
    ByteMaskedArray,
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    UnmaskedArray,
)
from awkward.errors import AxisError
from awkward.index import Index8, Index64
from tests.counting_buffers import Lazy


def option_model(value, fields):
    """None records become records of None (at the axis)."""
    return {f: None for f in fields} if value is None else value


def union_model(value, fields):
    """Every record gets every field (None where it had none); None stays None."""
    return None if value is None else {f: value.get(f) for f in fields}


def _apply_at(data, axis, fn):
    if axis == 0:
        return [fn(x) for x in data]
    return [None if x is None else _apply_at(x, axis - 1, fn) for x in data]


def _records(data, axis):
    return [x for x in (data if axis == 0 else [y for row in data if row is not None for y in row]) if x is not None]


def _record(fields, n):
    return RecordArray([NumpyArray(np.arange(n) * (i + 1)) for i in range(len(fields))], fields)


def _option_kinds():
    rec = _record(["x", "y"], 3)
    return {
        "indexedoption": IndexedOptionArray(Index64(np.array([0, -1, 2])), rec),
        "bytemasked": ByteMaskedArray(Index8(np.array([1, 0, 1], np.int8)), rec, True),
        "unmasked": UnmaskedArray(rec),
        "record": rec,
        "numbers": IndexedOptionArray(Index64(np.array([0, -1])), NumpyArray(np.arange(2))),
    }


@pytest.mark.parametrize("name", sorted(_option_kinds()))
@pytest.mark.parametrize("nested", [False, True])
def test_merge_option_table(name, nested):
    layout = _option_kinds()[name]
    axis = 1 if nested else 0
    if nested:
        layout = ListOffsetArray(Index64(np.array([0, 2, len(layout)])), layout)
    data = layout.to_list()
    fields = ["x", "y"]
    out = ak.merge_option_of_records(layout, axis=axis)
    if name == "numbers":
        assert out.to_list() == data
        return
    assert out.to_list() == _apply_at(data, axis, lambda v: option_model(v, fields))
    assert ak.merge_option_of_records(layout).to_list() == out.to_list()  # axis=-1
    if name != "record":
        assert "?{" not in str(out.type) and "x: ?int64" in str(out.type)


def test_merge_option_types_as_in_2_14():
    a = ak.Array([[{"x": 1}, None], [{"x": 2}]])
    assert str(ak.merge_option_of_records(a).type) == "2 * var * {x: ?int64}"
    assert str(ak.merge_option_of_records(a, axis=0).type) == "2 * var * ?{x: int64}"
    assert str(ak.merge_option_of_records(ak.Array([1, None])).type) == "2 * ?int64"


UNIONS = [
    [{"x": 1}, {"y": 2.0}],
    [{"x": 1}, {"x": 2.0, "y": "a"}, None],
    [{"x": 1, "z": 3}, {"x": 2.5, "y": "a"}, {"z": 4}, {"x": 7}],
    [{"x": 1}, 2],
]


@pytest.mark.parametrize("data", UNIONS)
@pytest.mark.parametrize("nested", [False, True])
def test_merge_union_table(data, nested):
    array = ak.Array([data, data[:1]] if nested else data)
    axis = 1 if nested else 0
    out = ak.merge_union_of_records(array, axis=axis)
    plain = array.to_list()
    records = [r for r in _records(plain, axis) if isinstance(r, dict)]
    if len(records) != len([r for r in _records(plain, axis)]):
        assert out.to_list() == plain  # unions with non-records are kept
        return
    fields = list(dict.fromkeys(f for r in records for f in r))
    assert out.to_list() == _apply_at(plain, axis, lambda v: union_model(v, fields))
    assert "union" not in str(out.type)
    assert out.layout.validity_error() == ""


def test_merge_union_types_as_in_2_14():
    a = ak.Array([{"x": 1}, {"x": 2.0, "y": "a"}, None])
    assert str(ak.merge_union_of_records(a).type) == "3 * ?{x: float64, y: ?string}"
    assert str(ak.merge_union_of_records(ak.Array([{"x": 1}, {"y": 2.0}])).type) == "2 * {x: ?int64, y: ?float64}"
    assert str(ak.merge_union_of_records(ak.Array([{"x": 1}, 2])).type) == "2 * union[{x: int64}, int64]"
    t = ak.merge_union_of_records(ak.Array([(1, 2), (1.0, "a", 3)]))
    assert str(t.type) == '2 * {"0": float64, "1": union[int64, string], "2": ?int64}'


def test_errors():
    a = ak.Array([[{"x": 1}, None], [{"x": 2}]])
    with pytest.raises(AxisError, match=r"ak.merge_option_of_records: axis=2 exceeds the depth of this array \(2\)"):
        ak.merge_option_of_records(a, axis=2)
    with pytest.raises(AxisError, match="ak.merge_union_of_records: axis=3 exceeds the depth"):
        ak.merge_union_of_records(a, axis=3)
    mixed = ak.Array([{"x": 1, "z": 3}, {"x": 2.0, "y": "a"}, {"x": [1]}])
    with pytest.raises(TypeError, match="multiple levels of nesting depth; this array has depths from 1 to 2"):
        ak.merge_union_of_records(mixed)
    with pytest.raises(TypeError, match="'axis' must be an integer"):
        ak.merge_option_of_records(a, axis=None)


def test_behavior_attrs():
    a = ak.Array([{"x": 1}, None], behavior={"b": 1}, attrs={"@f": 2})
    for out in (ak.merge_option_of_records(a), ak.merge_union_of_records(a)):
        assert out.attrs == {"@f": 2} and out.behavior == {"b": 1}


def test_merge_option_reads_only_the_index():
    lazy = Lazy()
    record = RecordArray([lazy.numpy([1, 2], "x-data"), lazy.numpy([1.5, 2.5], "y-data")], ["x", "y"])
    option = IndexedOptionArray(lazy.index([0, -1, 1], "outer-index"), record)
    out = ak.merge_option_of_records(option, highlevel=False)
    assert lazy.calls["x-data"] == 0 and lazy.calls["y-data"] == 0
    assert out.to_list() == [{"x": 1, "y": 1.5}, {"x": None, "y": None}, {"x": 2, "y": 2.5}]
