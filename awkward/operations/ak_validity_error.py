"""ak.validity_error: why an array's buffers are inconsistent (reads the buffers)."""

from __future__ import annotations

from awkward.contents.content import concrete
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
    if not layout.backend.nplike.known_data:
        # a typetracer has no values to check: it reads what the check reads, finds nothing
        _read_structure(layout)
        return ""
    error = layout.validity_error("highlevel")
    if error and exception:
        raise ValueError(error)
    return error


def _read_structure(layout):
    """Read what the checks read: every node's structure buffers (not the numbers, not the
    masks: any mask is valid)."""
    if not (layout.is_numpy or type(layout).__name__ in ("ByteMaskedArray", "BitMaskedArray")):
        concrete(*layout._buffers_by_attribute().values())
    for child in layout.contents:
        _read_structure(child)

