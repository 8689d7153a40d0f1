"""ak.ravel: every value of an array in one flat array."""

from __future__ import annotations

from awkward._do import ravel as _ravel
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import drop_all, named_axis_op

__all__ = ["ravel"]


@named_axis_op(drop_all)
def ravel(array, *, highlevel=True, behavior=None, attrs=None):
    """Every dimension removed: the values (strings count as values) one after the other,
    record fields one after the other. Missing lists contribute nothing; missing values are
    kept as None (ak.flatten(axis=None) drops them)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "ravel", allow_record=False)
    return ctx.wrap(_ravel(layout), highlevel)
