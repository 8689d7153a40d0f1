"""ak.str.reverse: Each string reversed (strings by code point, bytestrings by byte)."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["reverse"]


def reverse(array, *, highlevel=True, behavior=None, attrs=None):
    """Each string reversed (strings by code point, bytestrings by byte). Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.reverse")
    return ctx.wrap(string_compute(layout, "reverse", "utf8_reverse", "binary_reverse"), highlevel)
