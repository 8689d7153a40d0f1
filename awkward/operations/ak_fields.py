"""ak.fields: the record field names of an array (reads no buffer)."""

from __future__ import annotations

from awkward.operations._layout_args import to_layout_arg

__all__ = ["fields"]


def fields(array):
    """Field names of the outermost records ("0", "1", ... for tuples), looking through lists,
    options and indirection; [] when the array has no records."""
    layout = to_layout_arg(array, "fields")
    return list(layout.fields)
