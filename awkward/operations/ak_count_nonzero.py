"""ak.count_nonzero: the number of non-zero values along an axis."""

from __future__ import annotations

from awkward._reducers import CountNonzero
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._reducing import register_function, run

__all__ = ["count_nonzero"]


@named_axis_op(reduce)
def count_nonzero(
    array,
    axis=None,
    *,
    keepdims=False,
    mask_identity=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """The number of non-zero values (NaN counts) along ``axis``. ``axis=None`` reduces every value
    to one scalar; ``keepdims`` keeps the reduced dimension with length 1."""
    return run(CountNonzero(), array, axis, keepdims, mask_identity, highlevel, behavior, attrs)


register_function(CountNonzero, count_nonzero)
