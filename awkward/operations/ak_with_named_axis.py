"""ak.with_named_axis: names for the dimensions of an array."""

from __future__ import annotations

from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import ndim_of, normalize_named_axis, set_named_axis

__all__ = ["with_named_axis"]


def with_named_axis(array, named_axis, *, highlevel=True, behavior=None, attrs=None):
    """The same array (buffers shared, nothing read) whose dimensions carry names: a tuple with
    one name (or None) per axis, or a mapping name -> axis (negative axes count from the
    innermost dimension). Any ``axis`` argument then accepts a name; the names are kept in
    ``attrs["__named_axis__"]`` and follow the dimensions through operations."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "with_named_axis", allow_record=True)
    named = normalize_named_axis(named_axis, ndim_of(layout))
    out = ctx.wrap(layout, highlevel)
    if not highlevel:
        return out
    return set_named_axis(out, named)
