"""ak.validity_error: why an array's buffers are inconsistent (reads the buffers)."""

from __future__ import annotations

from awkward.operations._layout_args import to_layout_arg
from awkward.record import Record

__all__ = ["validity_error"]


def validity_error(array, *, exception=False):
    """"" when every node is consistent (offsets in range, indexes within their content, tags
    in range, ...), else a message naming the first bad node. With ``exception=True`` a problem
    raises ValueError instead. Reads (materializes) the buffers it checks."""
    layout = to_layout_arg(array, "validity_error")
    if isinstance(layout, Record):
        layout = layout.array
    error = layout.validity_error("highlevel")
    if error and exception:
        raise ValueError(error)
    return error
