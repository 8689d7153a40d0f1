"""ak.nanargmin: ak.argmin skipping NaN."""

from __future__ import annotations

from awkward._reducers import ArgMin
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._reducing import run

__all__ = ["nanargmin"]


@named_axis_op(reduce)
def nanargmin(
    array,
    axis=None,
    *,
    keepdims=False,
    mask_identity=True,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """ak.argmin with NaN skipped (NaN becomes None first, so an all-NaN list is empty).
    ``axis=None`` reduces every value to one scalar; ``keepdims`` keeps the reduced dimension with
    length 1."""
    return run(ArgMin(), array, axis, keepdims, mask_identity, highlevel, behavior, attrs, nan=True)
