"""ak.nanmax: ak.max skipping NaN."""

from __future__ import annotations

from awkward._reducers import Max
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._reducing import run

__all__ = ["nanmax"]


@named_axis_op(reduce)
def nanmax(
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
    """ak.max with NaN skipped (NaN becomes None first, so an all-NaN list is empty). ``axis=None``
    reduces every value to one scalar; ``keepdims`` keeps the reduced dimension with length 1."""
    return run(
        Max(initial), array, axis, keepdims, mask_identity, highlevel, behavior, attrs, nan=True
    )
