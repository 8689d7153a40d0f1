"""ak.to_packed: the same values with no unreachable data in the buffers."""

from __future__ import annotations

from awkward.operations._layout_args import to_layout_arg, wrap_layout
from awkward.record import Record

__all__ = ["to_packed"]


def to_packed(array, *, highlevel=True, behavior=None, attrs=None):
    """Offsets start at 0, contents are trimmed to what is reachable, indexes are applied.
    Buffers that need no change (or only a basic slice) stay virtual; a record keeps only
    its own row."""
    layout = to_layout_arg(array, "to_packed")
    if isinstance(layout, Record):
        at = layout.at
        out = Record(layout.array[at : at + 1].to_packed(), 0)
    else:
        out = layout.to_packed()
    return wrap_layout(out, highlevel=highlevel, behavior=behavior, attrs=attrs)
