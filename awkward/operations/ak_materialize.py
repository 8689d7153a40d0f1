"""ak.materialize: run every pending generator and return an array of concrete buffers."""

from __future__ import annotations

from awkward.operations._layout_args import to_layout_arg, wrap_layout
from awkward.record import Record

__all__ = ["materialize"]


def materialize(array, highlevel=True, behavior=None, attrs=None):
    """The same array with every virtual buffer read (its generator run once, or taken from its
    cache). An array without virtual buffers is returned unchanged."""
    layout = to_layout_arg(array, "materialize")
    if isinstance(layout, Record):
        out = Record(layout.array.materialize(), layout.at)
    else:
        out = layout.materialize()
    return wrap_layout(out, highlevel=highlevel, behavior=behavior, attrs=attrs)
