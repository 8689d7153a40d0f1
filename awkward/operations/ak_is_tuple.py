"""ak.is_tuple: whether the records of an array are tuples (no field names)."""

from __future__ import annotations

from awkward.operations.ak_to_layout import to_layout

__all__ = ["is_tuple"]


def is_tuple(array):
    """True when the array's records (looking through lists, options and indexes) are tuples.

    Reads no buffer."""
    layout = to_layout(array, allow_record=True, primitive_policy="pass-through",
                       string_policy="pass-through", none_policy="pass-through",
                       allow_unknown=True)
    return bool(getattr(layout, "is_tuple", False))
