"""Acceptance checks for issue 7 (broadcasting, ufuncs, ak.where and friends): the gaps the
review found. Expected values come from Python models on to_list data; laziness is measured
by counting generator calls."""

from __future__ import annotations

import math
import numbers
import pickle
from collections import Counter

import numpy as np
import pytest

import awkward as ak


def lazy_copy(array):
    """``array`` rebuilt by ak.from_buffers from generators that count their calls."""
    form, length, buffers = ak.to_buffers(ak.materialize(array))
    calls = Counter()

    def generator(key):
        def generate():
            calls[key] += 1
            return buffers[key]

        return generate

    lazy = ak.from_buffers(form, length, {key: generator(key) for key in buffers})
    return lazy, calls


# ---------------------------------------------------------------------- Point behavior
def _point_behavior():
    behavior = {}

    def add(left, right):
        return ak.Array({"x": left.x + right.x, "y": left.y + right.y}, with_name="Point", behavior=behavior)

    behavior[np.add, "Point", "Point"] = add
    behavior[np.absolute, "Point"] = lambda p: np.sqrt(p.x**2 + p.y**2)

    class PointRecord(ak.Record):
        @property
        def mag(self):
            return math.hypot(self.x, self.y)

    behavior["Point"] = PointRecord
    return behavior


POINTS = [[{"x": 1.0, "y": 2.0}, {"x": 3.0, "y": 4.0}], [], [{"x": 0.0, "y": 1.0}]]


@pytest.mark.parametrize("lazy", [False, True])
def test_point_plus_and_abs_on_jagged_records(lazy):
    behavior = _point_behavior()
    points = ak.Array(POINTS, with_name="Point", behavior=behavior)
    if lazy:
        points, _ = lazy_copy(points)
        points = ak.Array(points, behavior=behavior)
    total = points + points
    assert total.to_list() == [[{"x": 2 * p["x"], "y": 2 * p["y"]} for p in row] for row in POINTS]
    assert str(total.type) == "3 * var * Point[x: float64, y: float64]"
    assert abs(points).to_list() == [[math.hypot(p["x"], p["y"]) for p in row] for row in POINTS]
    assert np.absolute(points).to_list() == abs(points).to_list()
    assert total[0, 1].mag == pytest.approx(10.0)


def test_single_point_records_use_the_overloads():
    behavior = _point_behavior()
    points = ak.Array([{"x": 1.0, "y": 2.0}, {"x": 3.0, "y": 4.0}], with_name="Point", behavior=behavior)
    one, two = points[0], points[1]
    both = one + two
    assert isinstance(both, ak.Record) and both.to_list() == {"x": 4.0, "y": 6.0}
    assert abs(two) == pytest.approx(5.0)
    # a record meets an array as one value repeated along it, on either side
    assert (one + points).to_list() == [{"x": 2.0, "y": 4.0}, {"x": 4.0, "y": 6.0}]
    assert (points + one).to_list() == [{"x": 2.0, "y": 4.0}, {"x": 4.0, "y": 6.0}]


def test_records_without_an_overload_refuse_ufuncs():
    record = ak.Array([{"x": 1, "y": 2}])[0]
    for compute in (lambda: record + 1, lambda: record + record, lambda: -record, lambda: np.sqrt(record),
                    lambda: record == record):
        with pytest.raises(TypeError, match="cannot broadcast records"):
            compute()


# ---------------------------------------------------------------------- strings are values
def test_broadcast_arrays_repeats_strings_into_lists():
    strings = ak.Array(["ab", "c"])
    jagged = ak.Array([[1, 2], [3]])
    left, right = ak.broadcast_arrays(strings, jagged)
    assert left.to_list() == [["ab", "ab"], ["c"]] and str(left.type) == "2 * var * string"
    assert right.to_list() == jagged.to_list()
    left, right = ak.broadcast_arrays(jagged, strings)
    assert right.to_list() == [["ab", "ab"], ["c"]]
    # a string's length is not a list length: these do not have to agree
    left, right = ak.broadcast_arrays(ak.Array(["abc", "d"]), ak.Array([[1], [2, 3]]))
    assert left.to_list() == [["abc"], ["d", "d"]]


def test_broadcast_arrays_of_strings_and_a_scalar():
    strings, numbers = ak.broadcast_arrays(ak.Array(["ab", "c"]), 1)
    assert strings.to_list() == ["ab", "c"]
    assert numbers.to_list() == [1, 1]


def test_string_equality_through_options_and_lists():
    assert (ak.Array(["a", None, "b"]) == "a").to_list() == [True, None, False]
    assert (ak.Array([["a", None], [], ["a"]]) != "a").to_list() == [[False, None], [], [False]]
    assert (ak.Array(["a", "bb", "c"]) == ak.Array([["a"], ["bb", "x"], []])).to_list() == [
        [True], [True, False], []
    ]


# ---------------------------------------------------------------------- ak.where
def where_model(cond, x, y):
    if isinstance(cond, list):
        return [
            where_model(c, x[i] if isinstance(x, list) else x, y[i] if isinstance(y, list) else y)
            for i, c in enumerate(cond)
        ]
    if cond is None:
        return None
    return x if cond else y


@pytest.mark.parametrize(
    "cond, x, y",
    [
        ([True, False], [1, None], [3, 4]),
        ([True, False], [1, 2], [None, 4]),
        ([True, None], [1, 2], [3, 4]),
        ([True, False], [[1], None], [[3], [4]]),
        ([True, False], [[1, 2], [3]], [[5, None], None]),
        ([True, False, True], ["a", "bb", "c"], ["x", "y", "z"]),
        ([[True, False], [], [False, True, True]], [["a", "bb"], [], ["c", "", "dd"]], ["X", "Y", "Z"]),
        ([True, False], [b"a", b"b"], [b"c", b"d"]),
        ([True, False], [{"x": 1}, {"x": 2}], [{"x": 3}, None]),
        ([[True, False], [True]], [[1, 2], [3]], [10, 20]),
    ],
)
@pytest.mark.parametrize("lazy", [False, True])
def test_where_picks_whole_elements(cond, x, y, lazy):
    arrays = [ak.Array(v) for v in (cond, x, y)]
    if lazy:
        arrays = [lazy_copy(a)[0] for a in arrays]
    out = ak.where(*arrays)
    assert out.to_list() == where_model(cond, x, y)
    assert out.layout.validity_error() == ""


def test_where_keeps_strings_strings():
    out = ak.where(ak.Array([True, False]), ak.Array(["a", "b"]), ak.Array(["c", "d"]))
    assert str(out.type) == "2 * string"
    out = ak.where(ak.Array([True, False]), ak.Array([b"a", b"b"]), ak.Array([b"c", b"d"]))
    assert str(out.type) == "2 * bytes"
    mixed = ak.where(ak.Array([True, False]), ak.Array([1, 2]), ak.Array(["a", "b"]))
    assert mixed.to_list() == [1, "b"]


# ---------------------------------------------------------------------- laziness
def test_field_plus_one_runs_no_generator_of_the_other_field():
    array = ak.Array([{"x": [1, 2], "y": [1.5]}, {"x": [], "y": [2.5, 3.5]}])
    lazy, calls = lazy_copy(array)
    out = lazy.x + 1
    assert out.to_list() == [[2, 3], []]
    touched = {key.split("-")[0] for key in calls}
    assert calls and all(count == 1 for count in calls.values())
    form = ak.to_buffers(array)[0]
    y_keys = {form.content("y").form_key, form.content("y").content.form_key}
    assert not touched & y_keys, touched


# ---------------------------------------------------------------------- operands and attrs
def test_python_lists_are_operands():
    jagged = ak.Array([[1, 2], [], [3]])
    assert (jagged + [1, 2, 3]).to_list() == [[2, 3], [], [6]]
    assert ([1, 2, 3] + jagged).to_list() == [[2, 3], [], [6]]
    assert (jagged == [[1, 5], [], [3]]).to_list() == [[True, False], [], [True]]
    with pytest.raises(ValueError, match="cannot broadcast"):
        jagged + [1, 2]


def test_matmul_is_refused_clearly():
    array = ak.Array([[1, 2], [3, 4]])
    with pytest.raises(NotImplementedError, match="matrix multiplication"):
        array @ array
    with pytest.raises(NotImplementedError, match="matrix multiplication"):
        np.matmul(array, array)


def test_attrs_travel_through_ufuncs():
    array = ak.Array([[1, 2], []], attrs={"source": "file"})
    assert (array + 1).attrs == {"source": "file"}
    assert np.sqrt(array).attrs == {"source": "file"}
    assert (1 + array).attrs == {"source": "file"}


# ---------------------------------------------------------------------- mixins
behavior_for_vec = {}


@ak.mixin_class(behavior_for_vec)
class AcceptanceVec:
    @ak.mixin_class_method(np.subtract, {"AcceptanceVec"})
    def subtract(self, other):
        return ak.Array({"x": self.x - other.x}, with_name="AcceptanceVec", behavior=self.behavior)

    @ak.mixin_class_method(np.multiply, {numbers.Number})
    def scale(self, factor):
        return ak.Array({"x": self.x * factor}, with_name="AcceptanceVec", behavior=self.behavior)


def test_mixin_methods_on_jagged_records_and_single_records():
    vecs = ak.Array([[{"x": 1.0}], [{"x": 2.0}, {"x": 3.0}]], with_name="AcceptanceVec", behavior=behavior_for_vec)
    assert (vecs * 2).to_list() == [[{"x": 2.0}], [{"x": 4.0}, {"x": 6.0}]]
    assert (2 * vecs).to_list() == (vecs * 2).to_list()  # the transposed registration
    origin = ak.Array([{"x": 1.0}], with_name="AcceptanceVec", behavior=behavior_for_vec)[0]
    assert (vecs - origin).to_list() == [[{"x": 0.0}], [{"x": 1.0}, {"x": 2.0}]]
    assert (origin - vecs).to_list() == [[{"x": 0.0}], [{"x": -1.0}, {"x": -2.0}]]


def test_arrays_with_mixin_behaviors_pickle():
    vecs = ak.Array([[{"x": 1.0}], []], with_name="AcceptanceVec", behavior=behavior_for_vec)
    again = pickle.loads(pickle.dumps(vecs))
    assert type(again).__name__ == "AcceptanceVecArray"
    assert (again * 3).to_list() == [[{"x": 3.0}], []]
    assert (3 * again).to_list() == [[{"x": 3.0}], []]
