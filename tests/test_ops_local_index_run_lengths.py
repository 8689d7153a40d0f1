"""ak.local_index and ak.run_lengths over layout kinds and axes, against pure-Python models
on to_list data; errors, parameters, laziness."""

import numpy as np
import pytest
from _structure_layouts import LAYOUTS, depth_of, is_list
from counting_buffers import Lazy
from hypothesis import given, settings
from hypothesis import strategies as st

import awkward as ak
from awkward.contents import ListArray, ListOffsetArray, RecordArray
from awkward.errors import AxisError


def _map(v, k, fn):
    if v is None:
        return None
    if isinstance(v, dict):
        return {key: _map(val, k, fn) for key, val in v.items()}
    if isinstance(v, tuple):
        return tuple(_map(val, k, fn) for val in v)
    if k == 1:
        return fn(v)
    if not is_list(v) or isinstance(v, str):
        raise AxisError("model: below a leaf")
    return [_map(item, k - 1, fn) for item in v]


def _positions(v):
    if not is_list(v):
        raise AxisError("model: not a list")
    return list(range(len(v.encode()) if isinstance(v, str) else len(v)))


def local_index_model(x, axis):
    if axis == 0:
        return list(range(len(x)))
    return [_map(v, axis, _positions) for v in x]


def runs(values):
    values = [v for v in values if v is not None]
    out = []
    for i, value in enumerate(values):
        if i and value == values[i - 1] and value == value:  # NaN never equals itself
            out[-1] += 1
        else:
            out.append(1)
    return out


def run_lengths_model(x):
    present = [v for v in x if v is not None]
    if present and all(isinstance(v, list) for v in present):
        return [run_lengths_model(v) for v in present]
    if any(isinstance(v, (dict, tuple)) for v in present):
        raise NotImplementedError("model: records")
    return runs(x)


# ---------------------------------------------------------------------- ak.local_index
@pytest.mark.parametrize("axis", [0, 1, 2, 3, -1, -2, -3])
@pytest.mark.parametrize("name", list(LAYOUTS))
def test_local_index_table(name, axis):
    layout = LAYOUTS[name]
    if axis < 0 and len(set(layout.form.minmax_depth)) != 1:
        pytest.skip("negative axes on branching records are tested separately")
    posaxis = axis + depth_of(layout) if axis < 0 else axis
    try:
        expected = local_index_model(layout.to_list(), posaxis)
        if posaxis < 0 or (posaxis >= depth_of(layout) and "string" not in str(layout.form)):
            raise AxisError("model: axis out of range")
    except AxisError:
        with pytest.raises(AxisError, match="exceeds the depth of this array"):
            ak.local_index(layout, axis=axis)
        return
    out = ak.local_index(layout, axis=axis)
    assert out.to_list() == expected
    assert "int64" in str(out.type)


def test_local_index_structure_types_and_parameters():
    array = ak.Array([[[1, 2], None], None, [[4]]])
    assert str(ak.local_index(array, axis=2).type) == "3 * option[var * option[var * int64]]"
    regular = ak.local_index(ak.Array(np.zeros((2, 3, 2))), axis=2)
    assert str(regular.type) == "2 * 3 * 2 * int64"
    assert ak.local_index(ak.with_parameter(ak.Array([[1, 2], [3]]), "p", 1)).layout.parameters == {}
    records = ak.Array([{"x": [1, 2], "y": [[1]]}, {"x": [], "y": [[2, 3]]}])
    assert ak.local_index(records, axis=-1).to_list() == [{"x": [0, 1], "y": [[0]]}, {"x": [], "y": [[0, 1]]}]
    assert ak.local_index(records, axis=0).to_list() == [0, 1]
    assert ak.local_index(ak.Array([{"x": 1, "y": [1]}]), axis=-1).to_list() == [{"x": 0, "y": [0]}]
    assert ak.local_index(ak.Array(["ab", "c"])).to_list() == [0, 1]
    out = ak.local_index(ak.Array([[1], []], behavior={"b": 1}, attrs={"@a": 1}))
    assert out.behavior == {"b": 1} and out.attrs == {"@a": 1}


@pytest.mark.parametrize(
    "array, axis, error, message",
    [
        ([[1, 2], [3]], 2, AxisError, r"ak\.local_index: axis=2 exceeds the depth of this array \(2\)"),
        ([[1, 2], [3]], -3, AxisError, r"axis=-3 exceeds the depth of this array"),
        ([[1, 2], 3], 1, AxisError, r"axis=1 exceeds the depth of this array \(1\)"),
        ([[1, 2]], None, TypeError, r"'axis' must be an integer"),
    ],
)
def test_local_index_errors(array, axis, error, message):
    with pytest.raises(error, match=message):
        ak.local_index(ak.Array(array), axis=axis)


def test_local_index_reads_only_offsets():
    lazy = Lazy()
    jets = RecordArray([lazy.numpy(np.arange(5.0), "pt")], ["pt"])
    layout = ListOffsetArray(lazy.index([0, 2, 2, 5], "offsets"), jets)
    assert ak.local_index(layout, axis=0, highlevel=False).to_list() == [0, 1, 2]
    assert lazy.total == 0
    assert ak.local_index(layout).to_list() == [[0, 1], [], [0, 1, 2]]
    assert dict(lazy.calls) == {"offsets": 1}
    lazy = Lazy()
    listarray = ListArray(lazy.index([3, 0], "starts"), lazy.index([5, 3], "stops"), lazy.numpy(np.arange(5), "data"))
    assert ak.local_index(listarray).to_list() == [[0, 1], [0, 1, 2]]
    assert dict(lazy.calls) == {"starts": 1, "stops": 1}


# ---------------------------------------------------------------------- ak.run_lengths
@pytest.mark.parametrize("name", list(LAYOUTS))
def test_run_lengths_table(name):
    layout = LAYOUTS[name]
    data = layout.to_list()
    try:
        expected = run_lengths_model(data)
    except NotImplementedError:
        with pytest.raises(NotImplementedError, match="ak.run_lengths"):
            ak.run_lengths(layout)
        return
    if name == "lists of union":  # a union of values: numbers and strings
        with pytest.raises(NotImplementedError, match="union"):
            ak.run_lengths(layout)
        return
    out = ak.run_lengths(layout)
    assert out.to_list() == expected
    assert "int64" in str(out.type)


def test_run_lengths_details():
    assert ak.run_lengths(ak.Array([1.0, 1.0, np.nan, np.nan])).to_list() == [2, 1, 1]
    assert ak.run_lengths(ak.Array([[1, 1, None], None, [2]])).to_list() == [[2], [1]]
    assert ak.run_lengths(ak.Array([["a", "a", "b"], ["b"]])).to_list() == [[2, 1], [1]]
    assert ak.run_lengths(ak.Array([b"a", b"a", b"b"])).to_list() == [2, 1]
    out = ak.run_lengths(ak.Array(np.array([[1, 1, 2], [2, 2, 2]])))
    assert str(out.type) == "2 * var * int64" and out.to_list() == [[2, 1], [3]]
    assert ak.run_lengths(ak.with_parameter(ak.Array([[1, 1, 2]]), "p", 1)).layout.parameters == {}
    assert str(ak.run_lengths(ak.Array([])).type) == "0 * int64"
    with pytest.raises(NotImplementedError, match="records"):
        ak.run_lengths(ak.Array([{"x": 1}, {"x": 1}]))
    with pytest.raises(NotImplementedError, match="union"):
        ak.run_lengths(ak.Array([[1, 2], [3, "x"]]))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.lists(st.one_of(st.integers(0, 2), st.none()), max_size=6)), max_size=6))
def test_hypothesis_run_lengths(data):
    if not any(v is not None for v in data):
        data = [*data, [1]]
    assert ak.run_lengths(ak.from_iter(data, highlevel=False)).to_list() == run_lengths_model(data)


def test_run_lengths_reads_only_what_it_needs():
    lazy = Lazy()
    jets = RecordArray([lazy.numpy([1, 1, 2, 3, 3], "pt"), lazy.numpy(np.arange(5.0), "eta")], ["pt", "eta"])
    layout = ak.Array(ListOffsetArray(lazy.index([0, 2, 2, 5], "offsets"), jets))
    assert ak.run_lengths(layout.pt).to_list() == [[2], [], [1, 2]]
    assert dict(lazy.calls) == {"offsets": 1, "pt": 1}
