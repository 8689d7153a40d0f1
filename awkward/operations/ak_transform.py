"""ak.transform: a user function applied at every node of one array, or at every level of
several arrays broadcast together (the engine is awkward/_do/_transform.py)."""

from __future__ import annotations

from awkward._do._transform import transform as _transform
from awkward.operations._layout_args import HighLevelContext

__all__ = ["transform"]


def transform(
    transformation,
    array,
    *more_arrays,
    depth_context=None,
    lateral_context=None,
    allow_records=True,
    broadcast_parameters_rule="intersect",
    left_broadcast=True,
    right_broadcast=True,
    numpy_to_regular=False,
    regular_to_jagged=False,
    return_value="simplified",
    expect_return_value=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """Call ``transformation(layout, depth=, depth_context=, lateral_context=, continuation=,
    backend=, behavior=, options=)`` at every node of ``array`` (outermost first); with more
    arrays, they are broadcast together and ``layout`` is the tuple of their nodes at each
    level. The function returns a layout (with several arrays: a layout or a tuple of
    layouts) to replace the node, or None to descend. Returns an array, a tuple of arrays
    (several arrays, several outputs) or None (``return_value="none"``)."""
    ctx = HighLevelContext(behavior, attrs)
    layouts = [ctx.unwrap(x, "transform", allow_record=False) for x in (array, *more_arrays)]
    out = _transform(
        transformation,
        layouts,
        depth_context=depth_context,
        lateral_context=lateral_context,
        allow_records=allow_records,
        broadcast_parameters_rule=broadcast_parameters_rule,
        left_broadcast=left_broadcast,
        right_broadcast=right_broadcast,
        numpy_to_regular=numpy_to_regular,
        regular_to_jagged=regular_to_jagged,
        return_value=return_value,
        expect_return_value=expect_return_value,
        behavior=behavior,
    )
    if out is None:
        return None
    if isinstance(out, tuple):
        if len(out) == 1:
            return ctx.wrap(out[0], highlevel)
        return tuple(ctx.wrap(x, highlevel) for x in out)
    return ctx.wrap(out, highlevel)
