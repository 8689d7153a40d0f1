"""NumPy ufuncs through awkward._connect.numpy_ufuncs.array_ufunc: element-wise results checked
against Python on to_list data, strings, errors, and laziness (generator calls)."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest

import awkward as ak
from awkward._connect.numpy_ufuncs import apply_ufunc_to_layouts, array_ufunc
from awkward.contents import IndexedOptionArray, ListOffsetArray, NumpyArray, RecordArray
from awkward.index import Index64


def jagged(counts, values):
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return ListOffsetArray(Index64(offsets), NumpyArray(np.asarray(values)))


def deep_map(f, *values):
    """Apply f at the leaves of equally shaped nested lists (None propagates)."""
    if any(v is None for v in values):
        return None
    lists = [v for v in values if isinstance(v, list)]
    if lists:
        n = len(lists[0])
        return [deep_map(f, *[v[i] if isinstance(v, list) else v for v in values]) for i in range(n)]
    return f(*values)


def close(a, b):
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-12) or (math.isnan(a) and math.isnan(b))


def sample_float():
    return jagged([3, 0, 2], [1.5, 4.0, 9.0, 0.25, 16.0])


def sample_option():
    return IndexedOptionArray(Index64(np.array([0, -1, 2])), jagged([1, 2, 2], [1.0, 2.0, 3.0, 4.0, 5.0]))


UNARY = [
    (np.sqrt, math.sqrt),
    (np.negative, lambda x: -x),
    (np.absolute, abs),
    (np.exp, math.exp),
    (np.log, math.log),
    (np.sin, math.sin),
    (np.floor, math.floor),
]


@pytest.mark.parametrize("ufunc, python", UNARY, ids=[u.__name__ for u, _ in UNARY])
@pytest.mark.parametrize("maker", [sample_float, sample_option])
def test_unary(ufunc, python, maker):
    layout = maker()
    out = array_ufunc(ufunc, "__call__", (layout,), {})
    assert close(out.to_list(), deep_map(python, layout.to_list()))


BINARY = [
    (np.add, lambda a, b: a + b),
    (np.subtract, lambda a, b: a - b),
    (np.multiply, lambda a, b: a * b),
    (np.true_divide, lambda a, b: a / b),
    (np.power, lambda a, b: a**b),
    (np.maximum, max),
    (np.greater, lambda a, b: a > b),
    (np.equal, lambda a, b: a == b),
]
PARTNERS = {
    "scalar": lambda: 2.0,
    "flat": lambda: NumpyArray(np.array([1.0, 2.0, 3.0])),
    "jagged": lambda: jagged([3, 0, 2], [2.0, 1.0, 3.0, 4.0, 0.5]),
    "ndarray": lambda: np.array([3.0, 1.0, 2.0]),
}


@pytest.mark.parametrize("ufunc, python", BINARY, ids=[u.__name__ for u, _ in BINARY])
@pytest.mark.parametrize("partner", sorted(PARTNERS))
@pytest.mark.parametrize("swap", [False, True])
def test_binary(ufunc, python, partner, swap):
    left, right = sample_float(), PARTNERS[partner]()
    right_list = right.tolist() if isinstance(right, np.ndarray) else right
    right_list = right_list.to_list() if hasattr(right_list, "to_list") else right_list
    args, lists = (left, right), (left.to_list(), right_list)
    if swap:
        args, lists = args[::-1], lists[::-1]
    out = array_ufunc(ufunc, "__call__", args, {})
    a, b = lists
    if not isinstance(a, list):
        expected = [deep_map(lambda y: python(a, y), y) for y in b]
    elif not isinstance(b, list):
        expected = [deep_map(lambda x: python(x, b), x) for x in a]
    else:
        expected = [deep_map(python, x, y) for x, y in zip(a, b)]
    assert close(out.to_list(), expected)


def test_two_outputs_and_kwargs():
    quotient, remainder = array_ufunc(np.divmod, "__call__", (jagged([2, 1], [7, 8, 9]), 3), {})
    assert quotient.to_list() == [[2, 2], [3]]
    assert remainder.to_list() == [[1, 2], [0]]
    out = array_ufunc(np.add, "__call__", (jagged([2, 1], [7, 8, 9]), 1), {"dtype": np.float32})
    assert out.content.data.dtype == np.float32


def test_highlevel_inputs_come_back_highlevel():
    array = ak.Array([[1, 2], [], [3]])
    out = array_ufunc(np.add, "__call__", (array, 10), {})
    assert isinstance(out, ak.Array)
    assert out.to_list() == [[11, 12], [], [13]]
    assert array_ufunc(np.add, "__call__", (array, object()), {}) is NotImplemented


def test_reduce_points_to_ak_sum():
    with pytest.raises(TypeError, match="ak.sum"):
        array_ufunc(np.add, "reduce", (sample_float(),), {})
    with pytest.raises(TypeError, match="ak.max"):
        array_ufunc(np.maximum, "reduce", (sample_float(),), {})
    with pytest.raises(TypeError, match="accumulate is not supported"):
        array_ufunc(np.add, "accumulate", (sample_float(),), {})


def test_errors():
    record = RecordArray([NumpyArray(np.array([1, 2]))], ["x"])
    with pytest.raises(TypeError, match="cannot broadcast records in add"):
        array_ufunc(np.add, "__call__", (record, 1), {})
    with pytest.raises(TypeError, match="'out'"):
        apply_ufunc_to_layouts(np.add, [sample_float(), 1], {"out": np.zeros(5)})
    with pytest.raises(ValueError, match="position 0"):
        array_ufunc(np.add, "__call__", (jagged([2, 1], [1, 2, 3]), jagged([1, 1], [1, 2])), {})


def test_strings():
    words = ak.Array(["one", "two", "", "one"]).layout
    other = ak.Array(["one", "tw", "", "uno"]).layout
    assert array_ufunc(np.equal, "__call__", (words, "one"), {}).to_list() == [True, False, False, True]
    assert array_ufunc(np.not_equal, "__call__", ("one", words), {}).to_list() == [False, True, True, False]
    assert array_ufunc(np.equal, "__call__", (words, other), {}).to_list() == [True, False, True, False]
    nested = ak.Array([["a", "b"], [], ["a"]]).layout
    assert array_ufunc(np.equal, "__call__", (nested, "a"), {}).to_list() == [[True, False], [], [True]]
    with pytest.raises(TypeError, match="not implemented for string"):
        array_ufunc(np.add, "__call__", (words, 1), {})


def test_record_field_plus_one_does_not_generate_other_field():
    layout = RecordArray(
        [NumpyArray(np.array([1.0, 2.0, 3.0])), jagged([2, 0, 1], [4, 5, 6])], ["x", "y"]
    )
    form, length, buffers = ak.to_buffers(layout)
    calls = Counter()

    def generator(key):
        def generate():
            calls[key] += 1
            return buffers[key]

        return generate

    array = ak.from_buffers(form, length, {k: generator(k) for k in buffers})
    out = array_ufunc(np.add, "__call__", (array.x, 1), {})
    assert out.to_list() == [2.0, 3.0, 4.0]
    y_keys = [k for k in buffers if calls[k] == 0]
    assert len(y_keys) == 2  # y's offsets and data
    assert sum(calls.values()) == 1  # x's data, read once


# ---------------------------------------------------------------------- behavior overloads
def point_behavior():
    def make_points(x, y):
        return RecordArray([x, y], ["x", "y"], parameters={"__record__": "Point"})

    def add_points(left, right):
        x = array_ufunc(np.add, "__call__", (left.x, right.x), {}).layout
        y = array_ufunc(np.add, "__call__", (left.y, right.y), {}).layout
        return ak.Array(make_points(x, y))

    def scale_point(point, factor):
        x = array_ufunc(np.multiply, "__call__", (point.x, factor), {}).layout
        y = array_ufunc(np.multiply, "__call__", (point.y, factor), {}).layout
        return ak.Array(make_points(x, y))

    def point_abs(point):
        xx = array_ufunc(np.multiply, "__call__", (point.x, point.x), {})
        yy = array_ufunc(np.multiply, "__call__", (point.y, point.y), {})
        return array_ufunc(np.sqrt, "__call__", (array_ufunc(np.add, "__call__", (xx, yy), {}),), {})

    import numbers

    return {
        (np.add, "Point", "Point"): add_points,
        (np.multiply, "Point", numbers.Number): scale_point,
        (np.absolute, "Point"): point_abs,
    }


def jagged_points(xs, ys, counts):
    points = RecordArray(
        [NumpyArray(np.asarray(xs, dtype=np.float64)), NumpyArray(np.asarray(ys, dtype=np.float64))],
        ["x", "y"],
        parameters={"__record__": "Point"},
    )
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return ListOffsetArray(Index64(offsets), points)


def test_point_behavior_add_and_abs_on_jagged_records():
    behavior = point_behavior()
    a = ak.Array(jagged_points([3, 1, 6], [4, 1, 8], [2, 0, 1]), behavior=behavior)
    b = ak.Array(jagged_points([1, 2, 3], [1, 2, 3], [2, 0, 1]), behavior=behavior)
    total = array_ufunc(np.add, "__call__", (a, b), {})
    assert total.to_list() == [[{"x": 4, "y": 5}, {"x": 3, "y": 3}], [], [{"x": 9, "y": 11}]]
    lengths = array_ufunc(np.absolute, "__call__", (a,), {})
    expected = [[math.hypot(p["x"], p["y"]) for p in row] for row in a.to_list()]
    assert close(lengths.to_list(), expected)
    scaled = array_ufunc(np.multiply, "__call__", (a, 2), {})
    assert scaled.to_list() == [[{"x": 6, "y": 8}, {"x": 2, "y": 2}], [], [{"x": 12, "y": 16}]]
    with pytest.raises(TypeError, match="cannot broadcast records in subtract"):
        array_ufunc(np.subtract, "__call__", (a, b), {})


def test_global_behavior_is_used(monkeypatch):
    from awkward import _behavior

    monkeypatch.setattr(_behavior, "behavior", point_behavior())
    a = ak.Array(jagged_points([1], [2], [1]))
    assert array_ufunc(np.add, "__call__", (a, a), {}).to_list() == [[{"x": 2, "y": 4}]]


def test_apply_operator_for_highlevel_operators():
    from awkward._connect.numpy_ufuncs import apply_operator

    array = ak.Array([[1, 2], [], [3]])
    assert apply_operator("add", array, 1).to_list() == [[2, 3], [], [4]]
    assert apply_operator("sub", array, 10, reflected=True).to_list() == [[9, 8], [], [7]]
    assert apply_operator("neg", array).to_list() == [[-1, -2], [], [-3]]
    assert apply_operator("ge", array, 2).to_list() == [[False, True], [], [True]]
    with pytest.raises(ValueError, match="unknown operator"):
        apply_operator("frobnicate", array, 1)
