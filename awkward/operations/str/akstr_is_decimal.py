"""ak.str.is_decimal: True for non-empty strings of decimal digits only."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["is_decimal"]


def is_decimal(array, *, highlevel=True, behavior=None, attrs=None):
    """True for non-empty strings of decimal digits only. Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.is_decimal")
    return ctx.wrap(
        string_compute(layout, "is_decimal", "utf8_is_decimal", "ascii_is_decimal"), highlevel
    )
