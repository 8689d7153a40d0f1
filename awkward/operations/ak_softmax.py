"""ak.softmax: exp(x) / sum(exp(x)) over the innermost axis."""

from __future__ import annotations

from awkward.operations import _statistics
from awkward.operations._named_axis import named_axis_op
from awkward.operations._statistics import Stats

__all__ = ["softmax"]

_ISSUE = "https://github.com/scikit-hep/awkward/issues/2760"


@named_axis_op()
def softmax(
    x,
    axis=-1,
    *,
    keepdims=False,
    mask_identity=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """exp(x) divided by the sum of exp(x) over each innermost list, broadcast back (the
    result has the structure of ``x``; ``keepdims`` changes nothing). Only axis=-1 (or the
    positive axis naming the innermost dimension) is defined, as in awkward 2.14; with
    ``mask_identity`` an empty list becomes None."""
    if axis is None:
        raise ValueError(
            "ak.softmax requires an explicit axis (it is only defined for axis=-1); "
            f"axis=None is not supported. See {_ISSUE}"
        )
    st = Stats("softmax", [x], axis, keepdims, mask_identity, behavior, attrs)
    (layout,) = st.layouts
    low, high = layout.form.minmax_depth
    innermost = high - 1 - (1 if st.unwrap_axis0 else 0)
    if axis != -1 and not (low == high and axis == innermost):
        raise NotImplementedError(
            f"ak.softmax is only defined for axis=-1, but axis={axis}; "
            f"see {_ISSUE}#issuecomment-2034749982"
        )
    st.keepdims = False
    return st.wrap(_statistics.softmax(st, layout), highlevel)
