"""ak.is_categorical: whether an array's values are categorical (read from its form)."""

from __future__ import annotations

from awkward._do import is_categorical as _is_categorical
from awkward.operations._layout_args import to_layout_arg

__all__ = ["is_categorical"]


def is_categorical(array):
    """True when the array's values (below any list dimensions, not through records) are a
    categorical IndexedArray/IndexedOptionArray (``__array__="categorical"``). Reads nothing."""
    return _is_categorical(to_layout_arg(array, "is_categorical", allow_record=False))
