"""ak.singletons: each element becomes a list, [] for None and [x] for x."""

from __future__ import annotations

from awkward._do import singletons as _singletons
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import insert_after, named_axis_op

__all__ = ["singletons"]


@named_axis_op(insert_after)
def singletons(array, axis=0, *, highlevel=True, behavior=None, attrs=None):
    """Wraps each element at ``axis`` in a list: missing values become empty lists, others
    lists of one item (the inverse of ak.firsts)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "singletons", allow_record=False)
    return ctx.wrap(_singletons(layout, axis), highlevel)
