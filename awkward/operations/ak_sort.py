"""ak.sort: the elements of the lists at an axis in order."""

from __future__ import annotations

from awkward._do import regularize_axis
from awkward._do import sort as _sort
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["sort"]


@named_axis_op()
def sort(array, axis=-1, *, ascending=True, stable=True, highlevel=True, behavior=None, attrs=None):
    """The lists at ``axis`` sorted (``ascending`` or not; always stable). Missing values go
    last and NaN first, strings compare by their bytes, records are sorted field by field,
    as in awkward 2.14. Reads only the sorted values and the lists at and below ``axis``."""
    axis = regularize_axis(axis, "sort", none_allowed=False)
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "sort", allow_record=False)
    return ctx.wrap(_sort(layout, axis, bool(ascending), bool(stable)), highlevel)
