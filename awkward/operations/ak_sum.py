"""ak.sum: the sum along an axis."""

from __future__ import annotations

from awkward._reducers import Sum
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._reducing import register_function, run

__all__ = ["sum"]


@named_axis_op(reduce)
def sum(
    array,
    axis=None,
    *,
    keepdims=False,
    mask_identity=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """The sum of the values along ``axis`` (integers add up as int64/uint64, bool as int64; floats
    and complex keep their dtype, timedelta64 too). An empty list sums to 0, or None under
    ``mask_identity``. ``axis=None`` reduces every value to one scalar; ``keepdims`` keeps the
    reduced dimension with length 1."""
    return run(Sum(), array, axis, keepdims, mask_identity, highlevel, behavior, attrs)


register_function(Sum, sum)
