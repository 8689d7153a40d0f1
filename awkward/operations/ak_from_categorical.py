"""ak.from_categorical: categorical arrays back to plain ones (same values, same buffers)."""

from __future__ import annotations

from awkward._do import from_categorical as _from_categorical
from awkward.operations._layout_args import HighLevelContext

__all__ = ["from_categorical"]


def from_categorical(array, *, highlevel=True, behavior=None, attrs=None):
    """Every categorical node loses its ``__array__="categorical"`` marker; it stays an index
    over its categories, so nothing is copied or read."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "from_categorical", allow_record=False)
    return ctx.wrap(_from_categorical(layout), highlevel)
