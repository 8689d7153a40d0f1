"""ak.var: the (weighted) variance along an axis."""

from __future__ import annotations

from awkward.operations import _statistics
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._statistics import run

__all__ = ["var"]


@named_axis_op(reduce)
def var(
    x,
    weight=None,
    ddof=0,
    axis=None,
    *,
    keepdims=False,
    mask_identity=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """the (weighted) variance along an axis. ``ddof``: delta degrees of freedom (the divisor is sum(weight) - ddof); complex values give the variance of their modulus. ``axis=None`` reduces everything to one value; ``keepdims`` keeps the reduced
    dimension with length 1; an empty list gives NaN, or None under ``mask_identity``."""
    return run(
        "var",
        lambda st, x, w: _statistics.var(st, x, w, ddof),
        [x, weight],
        axis,
        keepdims,
        mask_identity,
        highlevel,
        behavior,
        attrs,
        nan=False,
    )
