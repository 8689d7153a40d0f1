"""A behavior's ufunc overload (how vector adds momenta) runs on typetracer arrays and gives the
eager result's form."""

from __future__ import annotations

import numpy as np

import awkward as ak


def _behavior():
    behavior = {}

    class Point(ak.Record):
        pass

    class PointArray(ak.Array):
        pass

    behavior["Point"] = Point
    behavior["*", "Point"] = PointArray

    def add(left, right):
        return ak.zip({"x": left.x + right.x, "y": left.y + right.y}, with_name="Point", behavior=behavior)

    behavior[np.add, "Point", "Point"] = add
    return behavior


def test_overload_on_tracer_matches_eager_form():
    behavior = _behavior()
    points = ak.zip(
        {"x": [[1.0, 2.0], [3.0]], "y": [[4.0, 5.0], [6.0]]}, with_name="Point", behavior=behavior
    )
    eager = points[:, 0] + points[:, -1]
    assert eager.x.to_list() == [1.0 + 2.0, 3.0 + 3.0] and eager.y.to_list() == [4.0 + 5.0, 6.0 + 6.0]
    for forget_length in (False, True):
        tracer = ak.Array(points.layout.to_typetracer(forget_length=forget_length), behavior=behavior)
        traced = tracer[:, 0] + tracer[:, -1]
        assert traced.layout.form == eager.layout.form
        assert ak.backend(traced) == "typetracer"
