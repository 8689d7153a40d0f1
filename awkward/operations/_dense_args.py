"""The argument of the ak.to_<library> conversions (torch, jax, cupy, tensorflow)."""

from __future__ import annotations

from awkward.operations.ak_to_layout import to_layout
from awkward.record import Record

__all__ = ["dense_layout"]


def dense_layout(array, function: str):
    """The layout to convert (scalars pass through and become length-1 arrays); an
    ak.Record is a TypeError, as in awkward 2.14."""
    layout = to_layout(array, allow_record=True, primitive_policy="pass-through",
                       string_policy="promote", none_policy="promote")
    if isinstance(layout, Record):
        raise TypeError(f"ak.{function}: ak.Record objects are not allowed in this function")
    return layout
