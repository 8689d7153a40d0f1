"""ak.str.is_digit: True for non-empty strings of Unicode digits only (bytestrings read as UTF-8, as 2.14)."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["is_digit"]


def is_digit(array, *, highlevel=True, behavior=None, attrs=None):
    """True for non-empty strings of Unicode digits only (bytestrings read as UTF-8, as 2.14). Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.is_digit")
    return ctx.wrap(string_compute(layout, "is_digit", "utf8_is_digit", "utf8_is_digit"), highlevel)
