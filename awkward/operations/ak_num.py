"""ak.num: the number of elements in each list at an axis."""

from __future__ import annotations

from awkward._do import num as _num
from awkward._do import regularize_axis
from awkward.contents.content import Content
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op, truncate_before

__all__ = ["num"]


@named_axis_op(truncate_before)
def num(array, axis=1, *, highlevel=True, behavior=None, attrs=None):
    """The lengths of the lists at ``axis`` (strings count their characters). ``axis=0``
    returns the length of the array as a 0-d int64 array (as 2.14) and reads nothing; another axis reads
    only the offsets (or starts and stops) of the lists at that axis."""
    axis = regularize_axis(axis, "num", none_allowed=False)
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "num", allow_record=False)
    out = _num(layout, axis)
    if not isinstance(out, Content):  # axis=0: the length, a 0-d array
        return out
    return ctx.wrap(out, highlevel)
