"""ak.count: the number of values along an axis."""

from __future__ import annotations

from awkward._reducers import Count
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._reducing import register_function, run

__all__ = ["count"]


@named_axis_op(reduce)
def count(
    array,
    axis=None,
    *,
    keepdims=False,
    mask_identity=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """The number of values (missing ones excluded) along ``axis``; reads list offsets and masks,
    never the values. ``axis=None`` reduces every value to one scalar; ``keepdims`` keeps the
    reduced dimension with length 1."""
    return run(Count(), array, axis, keepdims, mask_identity, highlevel, behavior, attrs)


register_function(Count, count)
