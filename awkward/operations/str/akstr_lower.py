"""ak.str.lower: Each string in lower case (bytestrings: ASCII letters only)."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["lower"]


def lower(array, *, highlevel=True, behavior=None, attrs=None):
    """Each string in lower case (bytestrings: ASCII letters only). Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.lower")
    return ctx.wrap(string_compute(layout, "lower", "utf8_lower", "ascii_lower"), highlevel)
