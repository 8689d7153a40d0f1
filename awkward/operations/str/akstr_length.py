"""ak.str.length: The number of characters (strings) or bytes (bytestrings) of each string, as int64."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["length"]


def length(array, *, highlevel=True, behavior=None, attrs=None):
    """The number of characters (strings) or bytes (bytestrings) of each string, as int64. Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.length")
    return ctx.wrap(string_compute(layout, "length", "utf8_length", "binary_length"), highlevel)
