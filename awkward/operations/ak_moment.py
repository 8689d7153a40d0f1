"""ak.moment: the n-th raw moment, sum(weight * x**n) / sum(weight), along an axis."""

from __future__ import annotations

from awkward.operations import _statistics
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._statistics import run

__all__ = ["moment"]


@named_axis_op(reduce)
def moment(
    x,
    n,
    weight=None,
    axis=None,
    *,
    keepdims=False,
    mask_identity=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """the n-th raw moment, sum(weight * x**n) / sum(weight), along an axis. ``axis=None`` reduces everything to one value; ``keepdims`` keeps the reduced
    dimension with length 1; an empty list gives NaN, or None under ``mask_identity``."""
    return run(
        "moment",
        lambda st, x, w: _statistics.moment(st, x, n, w),
        [x, weight],
        axis,
        keepdims,
        mask_identity,
        highlevel,
        behavior,
        attrs,
        nan=False,
    )
