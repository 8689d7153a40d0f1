"""ak.nanprod: ak.prod skipping NaN."""

from __future__ import annotations

from awkward._reducers import Prod
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._reducing import run

__all__ = ["nanprod"]


@named_axis_op(reduce)
def nanprod(
    array,
    axis=None,
    *,
    keepdims=False,
    mask_identity=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """ak.prod with NaN skipped (NaN becomes None first). ``axis=None`` reduces every value to one
    scalar; ``keepdims`` keeps the reduced dimension with length 1."""
    return run(Prod(), array, axis, keepdims, mask_identity, highlevel, behavior, attrs, nan=True)
