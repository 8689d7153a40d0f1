"""ak.firsts: the first item of each list (None for empty lists)."""

from __future__ import annotations

from awkward._do import firsts as _firsts
from awkward._do import resolve_axis
from awkward._nplikes.typetracer import MaybeNone
from awkward.contents.content import length_of, unknown_length
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op, remove

__all__ = ["firsts"]


@named_axis_op(remove)
def firsts(array, axis=1, *, highlevel=True, behavior=None, attrs=None):
    """The first item of each list at ``axis``, None where a list is empty (the result has
    one dimension less). ``axis=0`` returns the first element of the array, or None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "firsts", allow_record=False)
    if resolve_axis("firsts", axis, layout) == 0:
        length = length_of(layout)
        if length is not unknown_length and length == 0:
            return None
        first = ctx.wrap(layout, True)[0] if highlevel else layout._getitem_at(0)  # strings: str
        # a typetracer of unknown length may be empty: maybe None, as 2.14
        return MaybeNone(first) if length is unknown_length else first
    return ctx.wrap(_firsts(layout, axis), highlevel)
