"""ak.angle: the argument (phase) of complex numbers, structure unchanged."""

from __future__ import annotations

from awkward.operations._elementwise import (
    map_values,
    numpy_function,
    refuse_strings,
)
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["angle"]


@named_axis_op()
def angle(val, deg=False, highlevel=True, behavior=None, attrs=None):
    """The counterclockwise angle from the positive real axis of every number, in radians
    (degrees with ``deg=True``), as numpy.angle (float results)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(val, "angle", allow_record=False)
    function = numpy_function("angle")
    deg = bool(deg)

    def leaf(node):
        nplike = node.backend.nplike
        return node.copy(data=nplike.apply_ufunc(function, "__call__", [node.data], {"deg": deg}))

    result = map_values(layout, leaf, function="angle", on_string=refuse_strings("angle"))
    return ctx.wrap(result, highlevel)
