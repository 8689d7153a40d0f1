"""ak.to_packed: the same values with no unreachable data in the buffers."""

from __future__ import annotations

from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op
from awkward.record import Record

__all__ = ["to_packed"]


@named_axis_op()
def to_packed(array, *, highlevel=True, behavior=None, attrs=None):
    """Offsets start at 0, contents are trimmed to what is reachable, indexes are applied.
    Buffers that need no change (or only a basic slice) stay virtual; a record keeps only
    its own row."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "to_packed")
    if isinstance(layout, Record):
        at = layout.at
        out = Record(layout.array[at : at + 1].to_packed(), 0)
    else:
        out = layout.to_packed()
    return ctx.wrap(out, highlevel)
