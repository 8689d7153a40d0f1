"""ak.ravel: every value of an array in one flat array."""

from __future__ import annotations

from awkward._do import ravel as _ravel
from awkward.operations._layout_args import HighLevelContext

__all__ = ["ravel"]


def ravel(array, *, highlevel=True, behavior=None, attrs=None):
    """Every dimension removed: the values (strings count as values) one after the other,
    record fields one after the other. Missing lists contribute nothing; missing values are
    kept as None (ak.flatten(axis=None) drops them)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "ravel", allow_record=False)
    return ctx.wrap(_ravel(layout), highlevel)
