"""ak.linear_fit: the (weighted) least-squares line through (x, y) along an axis."""

from __future__ import annotations

from awkward.operations import _statistics
from awkward.operations._named_axis import named_axis_op, reduce, xy_inputs
from awkward.operations._statistics import LINEAR_FIT_FIELDS, Stats

__all__ = ["linear_fit"]


@named_axis_op(reduce, inputs=xy_inputs)
def linear_fit(
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
    """The fit of ``y = intercept + slope * x`` minimizing sum(weight * residual**2), as
    "LinearFit" records with fields intercept, slope, intercept_error and slope_error (one
    record for ``axis=None``). A list with fewer than two distinct x gives NaN/inf; an empty
    list NaN, or None under ``mask_identity``."""
    st = Stats("linear_fit", [x, y, weight], axis, keepdims, mask_identity, behavior, attrs)
    x, y, weight = st.layouts
    fields = _statistics.linear_fit(st, x, y, st.weights(x, weight))
    return st.wrap_record(fields, LINEAR_FIT_FIELDS, "LinearFit", highlevel)
