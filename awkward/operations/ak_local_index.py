"""ak.local_index: the index of each element within its list."""

from __future__ import annotations

from awkward._do import local_index as _local_index
from awkward._do import regularize_axis
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op, truncate

__all__ = ["local_index"]


@named_axis_op(truncate)
def local_index(array, axis=-1, *, highlevel=True, behavior=None, attrs=None):
    """Integers 0, 1, 2 ... in place of the elements of each list at ``axis``, with the
    structure above ``axis`` kept (``axis=0``: the index of each element of the array).
    Reads only the offsets (or starts and stops) of the lists at ``axis``."""
    axis = regularize_axis(axis, "local_index", none_allowed=False)
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "local_index", allow_record=False)
    return ctx.wrap(_local_index(layout, axis), highlevel)
