"""ak.argmin: the position of the smallest value along an axis."""

from __future__ import annotations

from awkward._reducers import ArgMin
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._reducing import register_function, run

__all__ = ["argmin"]


@named_axis_op(reduce)
def argmin(
    array,
    axis=None,
    *,
    keepdims=False,
    mask_identity=True,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """The position of the first smallest value along ``axis`` (as an index into the lists, so that
    ``array[ak.argmin(array, axis=1, keepdims=True)]`` picks it). An empty list gives None, or -1
    with ``mask_identity=False``. ``axis=None`` reduces every value to one scalar; ``keepdims``
    keeps the reduced dimension with length 1."""
    return run(ArgMin(), array, axis, keepdims, mask_identity, highlevel, behavior, attrs)


register_function(ArgMin, argmin)
