"""ak.angle: the argument (phase) of complex numbers, structure unchanged."""

from __future__ import annotations

from awkward.operations._elementwise import (
    layout_and_behavior,
    map_values,
    numpy_function,
    refuse_strings,
    wrap,
)

__all__ = ["angle"]


def angle(val, deg=False, highlevel=True, behavior=None, attrs=None):
    """The counterclockwise angle from the positive real axis of every number, in radians
    (degrees with ``deg=True``), as numpy.angle (float results)."""
    layout, behavior = layout_and_behavior(val, "angle", behavior)
    function = numpy_function("angle")
    deg = bool(deg)

    def leaf(node):
        nplike = node.backend.nplike
        return node.copy(data=nplike.apply_ufunc(function, "__call__", [node.data], {"deg": deg}))

    result = map_values(layout, leaf, function="angle", on_string=refuse_strings("angle"))
    return wrap(result, highlevel, behavior, attrs)
