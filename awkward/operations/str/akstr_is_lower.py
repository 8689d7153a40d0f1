"""ak.str.is_lower: True for strings with cased characters, all lower case."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["is_lower"]


def is_lower(array, *, highlevel=True, behavior=None, attrs=None):
    """True for strings with cased characters, all lower case. Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.is_lower")
    return ctx.wrap(
        string_compute(layout, "is_lower", "utf8_is_lower", "ascii_is_lower"), highlevel
    )
