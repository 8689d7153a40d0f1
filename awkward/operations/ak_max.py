"""ak.max: the largest value along an axis."""

from __future__ import annotations

from awkward._reducers import Max
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._reducing import register_function, run

__all__ = ["max"]


@named_axis_op(reduce)
def max(
    array,
    axis=None,
    *,
    keepdims=False,
    initial=None,
    mask_identity=True,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """The largest value along ``axis`` (NaN is skipped, as in awkward 2.14). An empty list gives
    None, or with ``mask_identity=False`` the dtype's smallest value (or ``initial``). Complex
    numbers have no maximum (TypeError). ``axis=None`` reduces every value to one scalar;
    ``keepdims`` keeps the reduced dimension with length 1."""
    return run(Max(initial), array, axis, keepdims, mask_identity, highlevel, behavior, attrs)


register_function(Max, max)
