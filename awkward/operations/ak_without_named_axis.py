"""ak.without_named_axis: the dimension names of an array removed."""

from __future__ import annotations

from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import set_named_axis

__all__ = ["without_named_axis"]


def without_named_axis(array, *, highlevel=True, behavior=None, attrs=None):
    """The same array (buffers shared, nothing read) with no named axes (the other attrs stay)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "without_named_axis", allow_record=True)
    out = ctx.wrap(layout, highlevel)
    if not highlevel:
        return out
    return set_named_axis(out, {})
