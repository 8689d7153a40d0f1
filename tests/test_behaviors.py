"""Behaviors: record/array classes from ak.behavior or per-array behavior, mixins, __list__ names."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

import awkward as ak


class Point(ak.Record):
    def distance2(self):
        return self.x**2 + self.y**2

    @property
    def total(self):
        return self.x + self.y


class PointArray(ak.Array):
    def first_x(self):
        return self[0].x

    @property
    def xs(self):
        return self["x"].to_list()


BEHAVIOR = {"point": Point, ("*", "point"): PointArray}
DATA = [{"x": 1, "y": 2}, {"x": 3, "y": 4}]


def test_behavior_class_gives_records_a_method_and_a_property():
    array = ak.Array(DATA, with_name="point", behavior=BEHAVIOR)
    record = array[1]
    assert type(record) is Point
    assert record.distance2() == 25
    assert record.total == 7
    # records reached through lists and from iteration get the class too
    nested = ak.Array([DATA, []], with_name="point", behavior=BEHAVIOR)
    assert type(nested[0][0]) is Point
    assert [type(r) for r in array] == [Point, Point]


def test_behavior_class_on_arrays():
    array = ak.Array(DATA, with_name="point", behavior=BEHAVIOR)
    assert type(array) is PointArray
    assert array.first_x() == 1
    assert array.xs == [1, 3]
    # an array of lists of points is a PointArray too ("*" reaches through lists)
    assert type(ak.Array([DATA], with_name="point", behavior=BEHAVIOR)) is PointArray
    # slices keep the behavior; a field projection is no longer a point array
    assert type(array[1:]) is PointArray
    assert type(array["x"]) is ak.Array


def test_without_behavior_plain_classes():
    array = ak.Array(DATA, with_name="point")
    assert type(array) is ak.Array
    assert type(array[0]) is ak.Record


def test_global_behavior_and_per_array_override(monkeypatch):
    class Other(ak.Record):
        kind = "other"

    monkeypatch.setitem(ak.behavior, "point", Point)
    array = ak.Array(DATA, with_name="point")
    assert type(array[0]) is Point
    local = ak.Array(DATA, with_name="point", behavior={"point": Other})
    assert type(local[0]) is Other and local[0].kind == "other"


def test_list_name_selects_array_class():
    class Tracks(ak.Array):
        def lengths(self):
            return [len(x) for x in self]

    layout = ak.Array([[1, 2], [3]]).layout.with_parameter("__list__", "tracks")
    array = ak.Array(layout, behavior={"tracks": Tracks})
    assert type(array) is Tracks
    assert array.lengths() == [2, 1]


def test_behavior_str_override_is_used_in_printing():
    class Named(ak.Record):
        def __str__(self):
            return f"Named<{self.x}>"

    array = ak.Array([{"x": 1}, {"x": 2}], with_name="named", behavior={"named": Named})
    array = ak.Array(array.layout.materialize(), behavior={"named": Named})
    assert str(array) == "[Named<1>, Named<2>]"


def test_mixin_class_registers_record_and_array_classes():
    registry = {}

    @ak.mixin_class(registry)
    class Vector2:
        @property
        def r(self):
            return (self.x**2 + self.y**2) ** 0.5

        def scaled(self, k):
            return {"x": self.x * k, "y": self.y * k}

        @ak.mixin_class_method(np.add, {"Vector2"})
        def add(self, other):
            return "added"

        @ak.mixin_class_method(np.absolute)
        def absolute(self):
            return "abs"

        @ak.mixin_class_method(np.multiply, {"Scalar"})
        def multiply(self, other):
            return ("mul", self, other)

    assert issubclass(registry["Vector2"], ak.Record)
    assert issubclass(registry["*", "Vector2"], ak.Array)
    assert registry[np.add, "Vector2", "Vector2"] is Vector2.add
    assert registry[np.absolute, "Vector2"] is Vector2.absolute
    assert registry[np.multiply, "Vector2", "Scalar"] is Vector2.multiply
    assert registry[np.multiply, "Scalar", "Vector2"]("s", "v") == ("mul", "v", "s")

    array = ak.Array([{"x": 3.0, "y": 4.0}], with_name="Vector2", behavior=registry)
    assert isinstance(array, Vector2) and isinstance(array, ak.Array)
    assert array[0].r == 5.0
    assert array[0].scaled(2) == {"x": 6.0, "y": 8.0}
    # a mixin property on the array class works on whole arrays
    assert array.fields == ["x", "y"]


def test_mixin_array_pickles():
    @ak.mixin_class(ak.behavior, "PickledVec")
    class PickledVec:
        def norm1(self):
            return abs(self.x) + abs(self.y)

    try:
        array = ak.Array([{"x": -1, "y": 2}], with_name="PickledVec")
        out = pickle.loads(pickle.dumps(array))
        assert type(out).__name__ == "PickledVecArray"
        assert out[0].norm1() == 3
    finally:
        ak.behavior.pop("PickledVec", None)
        ak.behavior.pop(("*", "PickledVec"), None)


def test_mixin_errors():
    with pytest.raises(TypeError):
        ak.mixin_class(5)
    with pytest.raises(TypeError):
        ak.mixin_class_method("not a ufunc")
