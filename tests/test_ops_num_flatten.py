"""ak.num, ak.flatten (axis=None included) and ak.ravel over every layout kind and axis,
against pure-Python models on to_list data; errors, parameters, behavior/attrs, laziness."""

import os

import numpy as np
import pytest
from _structure_layouts import LAYOUTS, depth_of, is_list
from counting_buffers import Lazy
from hypothesis import given, settings
from hypothesis import strategies as st

import awkward as ak
from awkward.contents import ListArray, ListOffsetArray, NumpyArray, RecordArray
from awkward.errors import AxisError
from awkward.index import Index64

VIRTUALIZED = os.environ.get("AWKWARD_TEST_VIRTUALIZE") == "1"


# ---------------------------------------------------------------------- pure-Python models
def map_at(x, k, fn):
    """``fn`` applied to the elements ``k - 1`` dimensions below the elements of ``x``,
    passing through records (dicts, tuples) and missing values."""
    return [_map_element(v, k, fn) for v in x]


def _map_element(v, k, fn):
    if v is None:
        return None
    if isinstance(v, dict):
        return {key: _map_element(val, k, fn) for key, val in v.items()}
    if isinstance(v, tuple):
        return tuple(_map_element(val, k, fn) for val in v)
    if k == 1:
        return fn(v)
    if not is_list(v) or isinstance(v, str):
        raise AxisError("model: below a leaf")
    return [_map_element(item, k - 1, fn) for item in v]


def _length(v):
    if not is_list(v):
        raise AxisError("model: not a list")
    return len(v.encode()) if isinstance(v, str) else len(v)


def num_model(x, axis):
    if axis == 0:
        return len(x)
    return map_at(x, axis, _length)


def _concatenate(items):
    out = []
    for item in items:
        if item is None:
            continue
        if isinstance(item, str):
            raise ValueError("model: strings cannot be flattened")
        if isinstance(item, (dict, tuple)):
            raise ValueError("model: records cannot be flattened")
        if not isinstance(item, list):
            raise AxisError("model: not a list")
        out.extend(item)
    return out


def flatten_model(x, axis):
    if axis == 0:
        return [v for v in x if v is not None]
    if axis == 1:
        return _concatenate(x)

    def concat(v):
        if not isinstance(v, list):
            raise AxisError("model: not a list")
        return _concatenate(v)

    return map_at(x, axis - 1, concat)


def flat_model(x, drop_nones):
    """Every value of ``x`` in order, record fields one after the other (ravel/axis=None)."""
    present = [v for v in x if v is not None]
    if present and all(isinstance(v, dict) for v in present):
        out = []
        for key in present[0]:
            out.extend(flat_model([None if v is None else v[key] for v in x], drop_nones))
        return out
    if present and all(isinstance(v, tuple) for v in present):
        out = []
        for i in range(len(present[0])):
            out.extend(flat_model([None if v is None else v[i] for v in x], drop_nones))
        return out
    if present and all(isinstance(v, list) for v in present):
        return flat_model([item for v in present for item in v], drop_nones)
    return present if drop_nones else list(x)


def resolve(layout, axis):
    return axis + depth_of(layout) if axis < 0 else axis


def run_and_model(op, model, layout, axis, empty_any_depth=False):
    """Our result (to_list) and the model's, or the two exception types. With
    ``empty_any_depth`` an EmptyArray counts as lists of any depth (ak.flatten in 2.14)."""
    expected_error = None
    posaxis = resolve(layout, axis)
    if empty_any_depth and "EmptyArray" in str(layout.form):
        if posaxis < 0 or posaxis >= depth_of(layout):
            # awkward 2.14 (checked with akc): flatten below an EmptyArray gives it back
            return op(layout, axis).to_list(), layout.to_list()
    try:
        expected = model(layout.to_list(), posaxis)
    except (AxisError, ValueError) as err:
        expected_error = type(err)
    if posaxis < 0 or (posaxis >= depth_of(layout) and "string" not in str(layout.form)):
        expected_error = AxisError  # also where the data are too few to show it
    if expected_error is not None:
        with pytest.raises(expected_error):
            op(layout, axis)
        return None, None
    out = op(layout, axis)
    # ak.num(axis=0) is a 0-d int64 array, as in awkward 2.14
    return (int(out) if not isinstance(out, ak.Array) else out.to_list()), expected


NON_BRANCHING = [name for name, layout in LAYOUTS.items() if len(set(layout.form.minmax_depth)) == 1]
AXES = [0, 1, 2, 3, -1, -2, -3]


# ---------------------------------------------------------------------- ak.num
@pytest.mark.parametrize("axis", AXES)
@pytest.mark.parametrize("name", list(LAYOUTS))
def test_num_table(name, axis):
    layout = LAYOUTS[name]
    if axis < 0 and name not in NON_BRANCHING:
        pytest.skip("negative axes on branching records are tested separately")
    ours, expected = run_and_model(lambda a, x: ak.num(a, axis=x), num_model, layout, axis)
    assert ours == expected
    if resolve(layout, axis) == 0:
        out = ak.num(layout, axis=axis)  # a 0-d int64 array, as in awkward 2.14
        assert isinstance(out, np.ndarray) and out.shape == () and out.dtype == np.int64
    elif ours is not None:
        result = ak.num(layout, axis=axis, highlevel=False)
        leaves = [result]
        while leaves[-1].contents:
            leaves.append(leaves[-1].contents[-1])
        # awkward 2.14 keeps the offsets' integer type (tests/test_issue10_gaps.py)
        assert leaves[-1].dtype.kind in "iu"


def test_num_keeps_outer_structure_and_regular_dimensions():
    regular = ak.Array(np.zeros((2, 3, 4)))
    out = ak.num(regular, axis=2)
    assert str(out.type) == "2 * 3 * int64"
    assert out.to_list() == [[4, 4, 4], [4, 4, 4]]
    optional = ak.Array([[[1, 2]], None, [[3], []]])
    assert str(ak.num(optional, axis=2).type) == "3 * option[var * int64]"


def test_num_through_records_and_branch_negative_axis():
    array = ak.Array([{"x": [1, 2], "y": [[1]]}, {"x": [], "y": [[2, 3]]}])
    assert ak.num(array, axis=1).to_list() == [{"x": 2, "y": 1}, {"x": 0, "y": 1}]
    assert ak.num(array, axis=-1).to_list() == [{"x": 2, "y": [1]}, {"x": 0, "y": [2]}]
    with pytest.raises(AxisError, match=r"axis=2 exceeds the depth of this array \(2\)"):
        ak.num(array, axis=2)


def test_num_parameters_and_behavior():
    array = ak.with_parameter(ak.Array([[[1, 2]], [[3]]]), "p", 1)
    assert ak.num(array, axis=1).layout.parameters == {}
    assert ak.num(array, axis=2).layout.parameters == {"p": 1}
    behavior = {"x": 1}
    array = ak.Array([[1], []], behavior=behavior, attrs={"@factory": 3, "a": 1})
    out = ak.num(array)
    assert out.behavior == behavior and out.attrs == {"@factory": 3, "a": 1}
    assert ak.num(array, behavior={"y": 2}).behavior == {"y": 2}
    assert isinstance(ak.num(array, highlevel=False), ak.contents.NumpyArray)


@pytest.mark.parametrize(
    "axis, error, message",
    [
        (2, AxisError, r"ak\.num: axis=2 exceeds the depth of this array \(2\)"),
        (-3, AxisError, r"axis=-3 exceeds the depth of this array \(2\)"),
        (None, TypeError, r"ak\.num: 'axis' must be an integer, not None"),
        (1.0, TypeError, r"'axis' must be an integer"),
    ],
)
def test_num_errors(axis, error, message):
    with pytest.raises(error, match=message):
        ak.num(ak.Array([[1, 2], [3]]), axis=axis)


def test_num_of_non_list_at_depth():
    with pytest.raises(AxisError, match=r"axis=1 exceeds the depth of this array \(1\)"):
        ak.num(ak.Array([[1, 2], 3]), axis=1)
    assert issubclass(AxisError, ValueError) and issubclass(AxisError, IndexError)


# ---------------------------------------------------------------------- ak.flatten
@pytest.mark.parametrize("axis", AXES)
@pytest.mark.parametrize("name", list(LAYOUTS))
def test_flatten_table(name, axis):
    layout = LAYOUTS[name]
    if axis < 0 and name not in NON_BRANCHING:
        pytest.skip("negative axes on branching records are tested separately")
    ours, expected = run_and_model(
        lambda a, x: ak.flatten(a, axis=x), flatten_model, layout, axis, empty_any_depth=True
    )
    assert ours == expected


FLAT_NAMES = [name for name in LAYOUTS if "union" not in name]


@pytest.mark.parametrize("name", FLAT_NAMES)
def test_flatten_axis_none_and_ravel_table(name):
    layout = LAYOUTS[name]
    data = layout.to_list()
    assert ak.flatten(layout, axis=None).to_list() == flat_model(data, True)
    assert ak.ravel(layout).to_list() == flat_model(data, False)


def test_flatten_axis_none_keeps_strings_and_drops_missing_values():
    array = ak.Array([[1, None], None, [3]])
    assert ak.flatten(array, axis=None).to_list() == [1, 3]
    assert ak.ravel(array).to_list() == [1, None, 3]
    assert str(ak.ravel(array).type) == "3 * ?int64"
    words = ak.Array([["ab", "c"], ["d"]])
    assert str(ak.flatten(words, axis=None).type) == "3 * string"
    assert str(ak.ravel(words).type) == "3 * string"


def test_ravel_of_records_merges_fields_and_unions():
    array = ak.Array([[{"x": 1, "y": [1.5]}], [{"x": 2, "y": []}]])
    assert ak.ravel(array).to_list() == [1.0, 2.0, 1.5]
    assert str(ak.ravel(array).type) == "3 * float64"
    mixed = ak.Array([[1, 2], [3, "x"]])
    assert ak.ravel(mixed).to_list() == [1, 2, 3, "x"]  # awkward 2.14 fails here
    assert ak.flatten(mixed, axis=None).to_list() == [1, 2, 3, "x"]
    assert ak.ravel(ak.with_parameter(ak.Array([[1, 2], [3]]), "p", 1)).layout.parameters == {}


def test_flatten_axis_0_and_regular_dimensions():
    assert ak.flatten(ak.Array([[1, 2], None, [3]]), axis=0).to_list() == [[1, 2], [3]]
    assert ak.flatten(ak.Array([1, None, 3]), axis=0).to_list() == [1, 3]
    cube = ak.Array(np.arange(12).reshape(2, 3, 2))
    out = ak.flatten(cube, axis=2)
    assert str(out.type) == "2 * var * int64"
    assert out.to_list() == [list(range(6)), list(range(6, 12))]
    assert ak.flatten(ak.Array(np.arange(6).reshape(2, 3))).to_list() == list(range(6))


def test_flatten_unions_of_lists():
    array = ak.Array([[1, 2], [[3]]])
    out = ak.flatten(array, axis=1)
    assert out.to_list() == [1, 2, [3]]
    assert str(out.type) == "3 * union[int64, var * int64]"
    assert ak.flatten(ak.Array([[1, 2], [3, "x"]])).to_list() == [1, 2, 3, "x"]


def test_flatten_parameters_and_attrs():
    array = ak.with_parameter(ak.Array([[[1, 2]], [[3]]]), "p", 1)
    assert ak.flatten(array, axis=2).layout.parameters == {"p": 1}
    assert ak.flatten(array, axis=1).layout.parameters == {}
    array = ak.Array([[1], [2]], attrs={"@x": object()}, behavior={"b": 1})
    out = ak.flatten(array)
    assert out.attrs == array.attrs and out.behavior == {"b": 1}


def test_flatten_returns_the_content_itself():
    content = NumpyArray(np.arange(9.0))
    layout = ListOffsetArray(Index64(np.array([0, 4, 4, 9])), content)
    out = ak.flatten(layout, highlevel=False)
    assert out is content
    if not VIRTUALIZED:
        assert np.shares_memory(ak.to_numpy(ak.flatten(layout)), content.data)
    part = ListOffsetArray(Index64(np.array([2, 4, 4, 7])), content)
    assert ak.flatten(part).to_list() == [2.0, 3.0, 4.0, 5.0, 6.0]


def test_flatten_of_list_array_with_gaps():
    layout = ListArray(Index64(np.array([6, 0, 3])), Index64(np.array([9, 2, 3])), NumpyArray(np.arange(9)))
    assert ak.flatten(layout).to_list() == [6, 7, 8, 0, 1]
    outer = ListArray(Index64(np.array([1, 0])), Index64(np.array([3, 1])), layout)
    assert ak.flatten(outer, axis=2).to_list() == [[0, 1], [6, 7, 8]]


@pytest.mark.parametrize(
    "array, axis, error, message",
    [
        ([1, 2, 3], 1, AxisError, r"ak\.flatten: axis=1 exceeds the depth of this array \(1\)"),
        ([[1, 2], [3]], 2, AxisError, r"axis=2 exceeds the depth of this array \(2\)"),
        ([[1, 2], [3]], -3, AxisError, r"exceeds the depth of this array \(2\)"),
        ([[1, 2], 3], 1, AxisError, r"axis=1 exceeds the depth of this array \(1\)"),
        (["ab", "c"], 1, ValueError, r"strings cannot be flattened"),
        ([["ab", "c"], ["d"]], 2, ValueError, r"strings cannot be flattened"),
        ([{"x": [1]}], 1, ValueError, r"arrays of records cannot be flattened"),
        ([[{"x": 1, "y": [1]}]], 2, ValueError, r"arrays of records cannot be flattened"),
        ([[{"x": 1, "y": [1]}]], -1, AxisError, r"axis=-1"),
        ([[1, 2]], 1.0, TypeError, r"'axis' must be an integer or None"),
    ],
)
def test_flatten_errors(array, axis, error, message):
    with pytest.raises(error, match=message):
        ak.flatten(ak.Array(array), axis=axis)


# ---------------------------------------------------------------------- hypothesis
def _nested(depth):
    if depth == 1:
        return st.lists(st.one_of(st.integers(-5, 5), st.none()), max_size=5)
    return st.lists(st.one_of(_nested(depth - 1), st.none()), max_size=4)


# uniform depth (no unions): lists of lists ... of integers, with missing values anywhere
jagged_data = st.integers(1, 3).flatmap(_nested)


@settings(max_examples=60, deadline=None)
@given(jagged_data, st.integers(0, 3))
def test_hypothesis_num_flatten(data, axis):
    layout = ak.from_iter(data, highlevel=False)
    for op, model in ((ak.num, num_model), (ak.flatten, flatten_model)):
        try:
            expected = model(data, axis)
            if axis >= depth_of(layout):
                if op is ak.flatten and "EmptyArray" in str(layout.form):
                    # awkward 2.14 flattens below an EmptyArray without error (results
                    # checked against 2.14 in tests/test_issue10_gaps.py)
                    op(layout, axis=axis)
                    continue
                else:
                    raise AxisError("too deep for the type")
        except (AxisError, ValueError) as err:
            with pytest.raises(type(err)):
                op(layout, axis=axis)
            continue
        out = op(layout, axis=axis)
        assert (int(out) if not isinstance(out, ak.Array) else out.to_list()) == expected
    assert ak.flatten(layout, axis=None).to_list() == flat_model(data, True)


# ---------------------------------------------------------------------- laziness
def lazy_events(lazy):
    counts = [2, 0, 3]
    offsets = np.cumsum([0] + counts)
    jets = RecordArray(
        [lazy.numpy(np.arange(5.0), "pt"), lazy.numpy(np.arange(5.0) * 2, "eta")], ["pt", "eta"]
    )
    return ak.Array(
        RecordArray(
            [ListOffsetArray(lazy.index(offsets, "jets.offsets"), jets), lazy.numpy([1.0, 2.0, 3.0], "met")],
            ["jets", "met"],
        )
    )


def test_num_reads_only_the_offsets():
    lazy = Lazy()
    events = lazy_events(lazy)
    assert ak.num(events, axis=0) == 3
    assert lazy.total == 0
    out = ak.num(events.jets, axis=1)
    assert dict(lazy.calls) == {"jets.offsets": 1}
    assert out.to_list() == [2, 0, 3]
    assert dict(lazy.calls) == {"jets.offsets": 1}


def test_num_of_list_array_reads_starts_and_stops():
    lazy = Lazy()
    layout = ListArray(lazy.index([0, 2], "starts"), lazy.index([2, 5], "stops"), lazy.numpy(np.arange(5), "data"))
    assert ak.num(layout).to_list() == [2, 3]
    assert dict(lazy.calls) == {"starts": 1, "stops": 1}


def test_num_axis_2_reads_only_the_inner_offsets():
    lazy = Lazy()
    inner = ListOffsetArray(lazy.index([0, 1, 3, 3], "inner"), lazy.numpy([1, 2, 3], "data"))
    outer = ListOffsetArray(lazy.index([0, 2, 3], "outer"), inner)
    out = ak.num(outer, axis=2, highlevel=False)
    assert dict(lazy.calls) == {"inner": 1}
    assert out.to_list() == [[1, 2], [0]]


def test_flatten_of_one_field_reads_that_field_only():
    lazy = Lazy()
    events = lazy_events(lazy)
    out = ak.flatten(events.jets.pt)
    assert set(lazy.calls) <= {"jets.offsets"}
    assert out.to_list() == [0.0, 1.0, 2.0, 3.0, 4.0]
    assert set(lazy.calls) == {"jets.offsets", "pt"}
    assert all(count == 1 for count in lazy.calls.values())
