"""ak.is_none: booleans, True where a value is missing."""

from __future__ import annotations

from awkward._do import is_none as _is_none
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op, truncate

__all__ = ["is_none"]


@named_axis_op(truncate)
def is_none(array, axis=0, *, highlevel=True, behavior=None, attrs=None):
    """True where the element at ``axis`` is None; the structure above ``axis`` is kept.
    Reads only the option masks/indexes at ``axis`` (nothing for a non-option array)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "is_none", allow_record=False)
    return ctx.wrap(_is_none(layout, axis), highlevel)
