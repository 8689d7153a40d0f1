"""ak.unflatten over layout kinds and axes, against a pure-Python model on to_list data:
counts arrays (with zeros and missing values), scalar counts, errors, laziness."""

import numpy as np
import pytest
from _structure_layouts import LAYOUTS, depth_of, is_list
from counting_buffers import Lazy
from hypothesis import given, settings
from hypothesis import strategies as st

import awkward as ak
from awkward.contents import ListOffsetArray, RecordArray
from awkward.errors import AxisError


# ---------------------------------------------------------------------- the model
def _cut(items, counts):
    out, at = [], 0
    for count in counts:
        if count is None:
            out.append(None)
            continue
        out.append(items[at : at + count])
        at += count
    if at != len(items):
        raise ValueError("model: counts do not add up")
    return out


def _lists_at(x, axis):
    """The lists found ``axis`` dimensions down (missing ones skipped), in order."""
    if axis == 0:
        return [x]
    out = []
    for v in x:
        if v is None:
            continue
        if not is_list(v) or isinstance(v, str):
            raise AxisError("model: below a leaf")
        out.extend(_lists_at(v, axis - 1) if axis > 1 else [v])
    return out


def _replace_at(x, axis, fn):
    if axis == 0:
        return fn(x)
    return [None if v is None else (fn(v) if axis == 1 else _replace_at(v, axis - 1, fn)) for v in x]


def unflatten_model(x, counts, axis):
    if isinstance(counts, int):
        def regular(v):
            if counts == 0 or len(v) % counts:
                if axis == 0 and counts:
                    return [v[i * counts : (i + 1) * counts] for i in range(len(v) // counts)]
                raise ValueError("model: does not divide")
            return [v[i * counts : (i + 1) * counts] for i in range(len(v) // counts)]

        _lists_at(x, axis)  # depth check
        return _replace_at(x, axis, regular)
    position = [0]

    def take(v):
        taken, total = [], 0
        while total < len(v):
            if position[0] >= len(counts):
                raise ValueError("model: too few counts")
            count = counts[position[0]]
            position[0] += 1
            taken.append(count)
            total += count or 0
        if total != len(v):
            raise ValueError("model: counts cross a list boundary")
        # empty new lists at a boundary belong to the earlier list
        while position[0] < len(counts) and not counts[position[0]]:
            taken.append(counts[position[0]])
            position[0] += 1
        return _cut(v, taken)

    _lists_at(x, axis)
    if axis == 0:
        return _cut(x, counts)
    out = _replace_at(x, axis, take)
    if position[0] != len(counts):
        raise ValueError("model: counts left over")
    return out


def counts_for(x, axis):
    """Valid counts for the lists at ``axis``: each list cut as [2, missing, rest]."""
    out = []
    for v in _lists_at(x, axis):
        head = min(2, len(v))
        out.extend([head, None, len(v) - head] if len(v) else [0])
    return out


TABLE_NAMES = [
    name
    for name, layout in LAYOUTS.items()
    if "record" not in name and "tuple" not in name and "union" not in name
]


def check(layout, counts, axis):
    data = layout.to_list()
    posaxis = axis + depth_of(layout) if axis < 0 else axis
    try:
        expected = unflatten_model(data, counts, posaxis)
        if not 0 <= posaxis < depth_of(layout):
            raise AxisError("model: axis out of range")
    except (AxisError, ValueError) as err:
        if isinstance(err, AxisError) and posaxis > 0 and "EmptyArray" in repr(layout):
            # awkward 2.14: an EmptyArray stands for lists of any depth, nothing to cut
            if isinstance(counts, int) or not counts:
                assert ak.unflatten(layout, counts, axis=axis).to_list() == data
            else:
                with pytest.raises(ValueError, match="does not fit"):
                    ak.unflatten(layout, counts, axis=axis)
            return
        with pytest.raises(type(err)):
            ak.unflatten(layout, counts, axis=axis)
        return
    assert ak.unflatten(layout, counts, axis=axis).to_list() == expected


@pytest.mark.parametrize("axis", [0, 1, 2, -1])
@pytest.mark.parametrize("name", TABLE_NAMES)
def test_unflatten_table_counts_arrays(name, axis):
    layout = LAYOUTS[name]
    posaxis = axis + depth_of(layout) if axis < 0 else axis
    try:
        counts = counts_for(layout.to_list(), posaxis)
    except AxisError:
        counts = [1]
    check(layout, counts, axis)
    plain = [0 if c is None else c for c in counts]
    check(layout, plain, axis)
    if plain:
        check(layout, [*plain[:-1], plain[-1] + 1], axis)  # one item too many


@pytest.mark.parametrize("counts", [1, 2, 3])
@pytest.mark.parametrize("axis", [0, 1, -1])
@pytest.mark.parametrize("name", TABLE_NAMES)
def test_unflatten_table_scalar_counts(name, axis, counts):
    check(LAYOUTS[name], counts, axis)


def test_unflatten_types():
    out = ak.unflatten(ak.Array([1, 2, 3, 4, 5]), [2, None, 3])
    assert str(out.type) == "3 * option[var * int64]"
    assert isinstance(out.layout, ak.contents.ByteMaskedArray)
    assert out.layout.content.offsets.data.tolist() == [0, 2, 2, 5]
    regular = ak.unflatten(ak.Array([1, 2, 3, 4, 5]), 2)
    assert str(regular.type) == "2 * 2 * int64" and regular.to_list() == [[1, 2], [3, 4]]
    assert str(ak.unflatten(ak.Array([1, 2]), 0).type) == "0 * 0 * int64"
    inner = ak.unflatten(ak.Array([[1, 2], [3, 4, 5, 6]]), 2, axis=1)
    assert str(inner.type) == "2 * var * 2 * int64"
    assert str(ak.unflatten(ak.Array([[1, 2, 3], [4, 5]]), [2, None, 1, 2], axis=1).type) == (
        "2 * var * option[var * int64]"
    )
    assert ak.unflatten(ak.Array([1, 2, 3, 4]), np.array([2, 2], dtype=np.int32)).to_list() == [[1, 2], [3, 4]]
    assert ak.unflatten(ak.Array([1, 2, 3, 4, 5]), np.uint8(5)).to_list() == [[1, 2, 3, 4, 5]]
    masked = np.ma.masked_array([2, 0, 3], [False, True, False])
    assert ak.unflatten(ak.Array([1, 2, 3, 4, 5]), masked).to_list() == [[1, 2], None, [3, 4, 5]]


def test_unflatten_through_options_records_and_unions():
    array = ak.Array([[1, 2, 3], None, [4, 5]])
    out = ak.unflatten(array, [2, 1, 1, 1], axis=1)
    assert out.to_list() == [[[1, 2], [3]], None, [[4], [5]]]
    assert str(out.type) == "3 * option[var * var * int64]"
    records = ak.Array([{"x": [1, 2, 3], "y": 1}, {"x": [4], "y": 2}])
    assert ak.unflatten(records, [2, 1, 1], axis=1).to_list() == [
        {"x": [[1, 2], [3]], "y": 1},
        {"x": [[4]], "y": 2},
    ]
    mixed = ak.Array([[1, 2], [[3], [4]]])
    assert ak.unflatten(mixed, [1, 1, 1, 1], axis=1).to_list() == [[[1], [2]], [[[3]], [[4]]]]
    assert ak.unflatten(ak.Array([{"x": 1}, {"x": 2}]), [1, 1]).to_list() == [[{"x": 1}], [{"x": 2}]]


def test_unflatten_parameters_behavior_attrs():
    array = ak.Array([1, 2, 3, 4], behavior={"b": 1}, attrs={"@f": 2})
    out = ak.unflatten(array, [2, 2])
    assert out.behavior == {"b": 1} and out.attrs == {"@f": 2}
    assert out.layout.parameters == {}
    named = ak.with_parameter(ak.Array([[1, 2, 3], [4]]), "p", 1)
    assert ak.unflatten(named, [2, 1, 1], axis=1).layout.parameters == {"p": 1}
    assert isinstance(ak.unflatten(array, [2, 2], highlevel=False), ListOffsetArray)


@pytest.mark.parametrize(
    "array, counts, axis, error, message",
    [
        ([1, 2, 3, 4, 5], [2, 1], 0, ValueError, r"does not fit in the array or partition at axis=0"),
        ([1, 2, 3, 4, 5], [2, 1, 3], 0, ValueError, r"structure imposed by 'counts' does not fit"),
        ([[1, 2, 3], [4, 5]], [1, 3, 1], 1, ValueError, r"does not fit .* at axis=1"),
        ([[1, 2, 3], [4, 5]], 2, 1, ValueError, r"does not fit .* at axis=1"),
        ([{"x": [1, 2], "y": [1, 2]}], [1, 1], 1, ValueError, r"does not fit"),
        ([[1, 2, 3], [4, 5]], [1, 1, 1, 1, 1], 2, AxisError, r"axis=2 exceeds the depth of this array \(2\)"),
        ([1, 2, 3, 4], [2, 2], -2, AxisError, r"exceeds the depth"),
        ([1, 2, 3, 4], [[2, 2]], 0, ValueError, r"counts must be an integer or a one-dimensional array"),
        ([1, 2, 3, 4], np.array([2.0, 2.0]), 0, ValueError, r"counts must be integers"),
        ([1, 2, 3, 4], -1, 0, ValueError, r"non-negative"),
        ([1, 2, 3, 4], [2, -1, 3], 0, ValueError, r"non-negative"),
        ([1, 2, 3, 4], 2.0, 0, TypeError, r"counts must be an integer"),
        ([1, 2, 3, 4], True, 0, TypeError, r"counts must be an integer"),
        ([1, 2, 3, 4], "x", 0, TypeError, r"ak\.unflatten"),
        ([1, 2, 3, 4], [2, 2], 1.0, TypeError, r"'axis' must be an integer"),
    ],
)
def test_unflatten_errors(array, counts, axis, error, message):
    with pytest.raises(error, match=message):
        ak.unflatten(ak.Array(array), counts, axis=axis)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.integers(0, 9), max_size=6), max_size=5), st.data())
def test_hypothesis_unflatten_inner_axis(data, draw):
    lengths = [len(v) for v in data]
    counts = []
    for length in lengths:
        left = length
        while left:
            count = draw.draw(st.integers(0, left))
            counts.append(count)
            left -= count
        counts.extend(draw.draw(st.lists(st.just(0), max_size=1)))
    layout = ak.from_iter(data, highlevel=False)
    check(layout, counts, 1 if data else 0)


def test_unflatten_of_one_field_reads_nothing_else():
    lazy = Lazy()
    x = lazy.numpy(np.arange(6), "x")
    y = lazy.numpy(np.arange(6) * 2, "y")
    records = RecordArray([x, y], ["x", "y"])
    out = ak.unflatten(ak.Array(records).x, [2, 4])
    assert lazy.total == 0
    assert out.to_list() == [[0, 1], [2, 3, 4, 5]]
    assert dict(lazy.calls) == {"x": 1}
