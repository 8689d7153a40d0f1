"""ak.materialize: run every pending generator and return an array of concrete buffers."""

from __future__ import annotations

from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op
from awkward.record import Record

__all__ = ["materialize"]


@named_axis_op()
def materialize(array, highlevel=True, behavior=None, attrs=None):
    """The same array with every virtual buffer read (its generator run once, or taken from its
    cache). An array without virtual buffers is returned unchanged."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "materialize")
    if isinstance(layout, Record):
        out = Record(layout.array.materialize(), layout.at)
    else:
        out = layout.materialize()
    return ctx.wrap(out, highlevel)
