"""ak.str.is_printable: True for strings of printable characters only (empty strings too)."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["is_printable"]


def is_printable(array, *, highlevel=True, behavior=None, attrs=None):
    """True for strings of printable characters only (empty strings too). Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.is_printable")
    return ctx.wrap(
        string_compute(layout, "is_printable", "utf8_is_printable", "ascii_is_printable"), highlevel
    )
