"""ak.nanvar: ak.var skipping NaN."""

from __future__ import annotations

from awkward.operations import _statistics
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._statistics import run

__all__ = ["nanvar"]


@named_axis_op(reduce)
def nanvar(
    x,
    weight=None,
    ddof=0,
    axis=None,
    *,
    keepdims=False,
    mask_identity=True,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """ak.var skipping NaN. NaN values count as missing. ``axis=None`` reduces everything to one value; ``keepdims`` keeps the reduced
    dimension with length 1; an empty list gives NaN, or None under ``mask_identity``."""
    return run(
        "nanvar",
        lambda st, x, w: _statistics.var(st, x, w, ddof),
        [x, weight],
        axis,
        keepdims,
        mask_identity,
        highlevel,
        behavior,
        attrs,
        nan=True,
    )
