"""ak.covar: the (weighted) covariance of x and y along an axis."""

from __future__ import annotations

from awkward.operations import _statistics
from awkward.operations._named_axis import named_axis_op, reduce, xy_inputs
from awkward.operations._statistics import run

__all__ = ["covar"]


@named_axis_op(reduce, inputs=xy_inputs)
def covar(
    x,
    y,
    weight=None,
    axis=None,
    *,
    keepdims=False,
    mask_identity=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """the (weighted) covariance of x and y along an axis. x and y are broadcast together. ``axis=None`` reduces everything to one value; ``keepdims`` keeps the reduced
    dimension with length 1; an empty list gives NaN, or None under ``mask_identity``."""
    return run(
        "covar",
        _statistics.covar,
        [x, y, weight],
        axis,
        keepdims,
        mask_identity,
        highlevel,
        behavior,
        attrs,
        nan=False,
    )
