"""ak.pad_none: lists at an axis padded with None to a minimum (or, with clip, exact) length."""

from __future__ import annotations

from awkward._do import pad_none as _pad_none
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["pad_none"]


@named_axis_op()
def pad_none(array, target, axis=1, *, clip=False, highlevel=True, behavior=None, attrs=None):
    """Pads the lists at ``axis`` with None so that each has at least ``target`` items; with
    ``clip=True`` every list has exactly ``target`` items (longer ones are cut) and the lists
    become regular. ``axis=0`` pads (or clips) the array itself. Reads the list offsets only."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "pad_none", allow_record=False)
    return ctx.wrap(_pad_none(layout, target, axis, clip=bool(clip)), highlevel)
