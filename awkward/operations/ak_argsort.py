"""ak.argsort: the indices that sort the lists at an axis."""

from __future__ import annotations

from awkward._do import argsort as _argsort
from awkward._do import regularize_axis
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["argsort"]


@named_axis_op()
def argsort(array, axis=-1, *, ascending=True, stable=True, highlevel=True, behavior=None, attrs=None):
    """int64 indices, within each list at ``axis``, of its elements in sorted order (the order
    of ak.sort), so that ``array[ak.argsort(array)]`` sorts. Missing values' indices come
    last, as in awkward 2.14."""
    axis = regularize_axis(axis, "argsort", none_allowed=False)
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "argsort", allow_record=False)
    return ctx.wrap(_argsort(layout, axis, bool(ascending), bool(stable)), highlevel)
