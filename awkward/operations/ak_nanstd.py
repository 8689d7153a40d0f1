"""ak.nanstd: ak.std skipping NaN."""

from __future__ import annotations

from awkward.operations import _statistics
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._statistics import run

__all__ = ["nanstd"]


@named_axis_op(reduce)
def nanstd(
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
    """ak.std skipping NaN. NaN values count as missing. ``axis=None`` reduces everything to one value; ``keepdims`` keeps the reduced
    dimension with length 1; an empty list gives NaN, or None under ``mask_identity``."""
    return run(
        "nanstd",
        lambda st, x, w: _statistics.std(st, x, w, ddof),
        [x, weight],
        axis,
        keepdims,
        mask_identity,
        highlevel,
        behavior,
        attrs,
        nan=True,
    )
