"""ak.all: whether every value along an axis is non-zero."""

from __future__ import annotations

from awkward._reducers import All
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._reducing import register_function, run

__all__ = ["all"]


@named_axis_op(reduce)
def all(
    array,
    axis=None,
    *,
    keepdims=False,
    mask_identity=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """Whether every value along ``axis`` is non-zero (NaN is). An empty list gives True, or None
    under ``mask_identity``. ``axis=None`` reduces every value to one scalar; ``keepdims`` keeps the
    reduced dimension with length 1."""
    return run(All(), array, axis, keepdims, mask_identity, highlevel, behavior, attrs)


register_function(All, all)
