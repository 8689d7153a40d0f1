"""ak.drop_none: missing values removed (list lengths shrink)."""

from __future__ import annotations

from awkward._do import drop_none as _drop_none
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["drop_none"]


@named_axis_op()
def drop_none(array, axis=None, highlevel=True, behavior=None, attrs=None):
    """Removes the None values at ``axis`` (``None``: at every level, except options directly
    under record fields, which cannot lose elements without their record)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "drop_none", allow_record=False)
    return ctx.wrap(_drop_none(layout, axis), highlevel)
