"""ak.str.is_numeric: True for non-empty strings of numeric characters only (bytestrings read as UTF-8, as 2.14)."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["is_numeric"]


def is_numeric(array, *, highlevel=True, behavior=None, attrs=None):
    """True for non-empty strings of numeric characters only (bytestrings read as UTF-8, as 2.14). Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.is_numeric")
    return ctx.wrap(
        string_compute(layout, "is_numeric", "utf8_is_numeric", "utf8_is_numeric"), highlevel
    )
