"""ak.mean: the (weighted) mean along an axis."""

from __future__ import annotations

from awkward.operations import _statistics
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._statistics import run

__all__ = ["mean"]


@named_axis_op(reduce)
def mean(
    x,
    weight=None,
    axis=None,
    *,
    keepdims=False,
    mask_identity=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """the (weighted) mean along an axis. Integers give float64, complex numbers complex128. ``axis=None`` reduces everything to one value; ``keepdims`` keeps the reduced
    dimension with length 1; an empty list gives NaN, or None under ``mask_identity``."""
    return run(
        "mean",
        _statistics.mean,
        [x, weight],
        axis,
        keepdims,
        mask_identity,
        highlevel,
        behavior,
        attrs,
        nan=False,
    )
