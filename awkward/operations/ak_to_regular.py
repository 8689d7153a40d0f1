"""ak.to_regular: variable-length lists at an axis -> RegularArrays (lists of one size)."""

from __future__ import annotations

from awkward._do import to_regular as _to_regular
from awkward.operations._layout_args import HighLevelContext

__all__ = ["to_regular"]


def to_regular(array, axis=1, *, highlevel=True, behavior=None, attrs=None):
    """Lists at ``axis`` (``None``: every list) become RegularArrays; lists of different
    lengths are a ValueError. ``axis=0`` returns the array unchanged. Reads the offsets of
    the converted lists only."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "to_regular", allow_record=False)
    return ctx.wrap(_to_regular(layout, axis), highlevel)
