"""ak.any: whether any value along an axis is non-zero."""

from __future__ import annotations

from awkward._reducers import Any
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._reducing import register_function, run

__all__ = ["any"]


@named_axis_op(reduce)
def any(
    array,
    axis=None,
    *,
    keepdims=False,
    mask_identity=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """Whether any value along ``axis`` is non-zero (NaN is). An empty list gives False, or None
    under ``mask_identity``. ``axis=None`` reduces every value to one scalar; ``keepdims`` keeps the
    reduced dimension with length 1."""
    return run(Any(), array, axis, keepdims, mask_identity, highlevel, behavior, attrs)


register_function(Any, any)
