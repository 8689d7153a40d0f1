"""ak.min: the smallest value along an axis."""

from __future__ import annotations

from awkward._reducers import Min
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._reducing import register_function, run

__all__ = ["min"]


@named_axis_op(reduce)
def min(
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
    """The smallest value along ``axis`` (NaN is skipped, as in awkward 2.14). An empty list gives
    None, or with ``mask_identity=False`` the dtype's largest value (or ``initial``). Complex
    numbers have no minimum (TypeError). ``axis=None`` reduces every value to one scalar;
    ``keepdims`` keeps the reduced dimension with length 1."""
    return run(Min(initial), array, axis, keepdims, mask_identity, highlevel, behavior, attrs)


register_function(Min, min)
