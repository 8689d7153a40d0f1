"""ak.argmax: the position of the largest value along an axis."""

from __future__ import annotations

from awkward._reducers import ArgMax
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._reducing import register_function, run

__all__ = ["argmax"]


@named_axis_op(reduce)
def argmax(
    array,
    axis=None,
    *,
    keepdims=False,
    mask_identity=True,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """The position of the first largest value along ``axis`` (as an index into the lists, so that
    ``array[ak.argmax(array, axis=1, keepdims=True)]`` picks it). An empty list gives None, or -1
    with ``mask_identity=False``. ``axis=None`` reduces every value to one scalar; ``keepdims``
    keeps the reduced dimension with length 1."""
    return run(ArgMax(), array, axis, keepdims, mask_identity, highlevel, behavior, attrs)


register_function(ArgMax, argmax)
