"""ak.nansum: ak.sum skipping NaN."""

from __future__ import annotations

from awkward._reducers import Sum
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._reducing import run

__all__ = ["nansum"]


@named_axis_op(reduce)
def nansum(
    array,
    axis=None,
    *,
    keepdims=False,
    mask_identity=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """ak.sum with NaN skipped (NaN becomes None first). ``axis=None`` reduces every value to one
    scalar; ``keepdims`` keeps the reduced dimension with length 1."""
    return run(Sum(), array, axis, keepdims, mask_identity, highlevel, behavior, attrs, nan=True)
