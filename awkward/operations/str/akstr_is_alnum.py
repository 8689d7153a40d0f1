"""ak.str.is_alnum: True for non-empty strings of alphanumeric characters only."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["is_alnum"]


def is_alnum(array, *, highlevel=True, behavior=None, attrs=None):
    """True for non-empty strings of alphanumeric characters only. Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.is_alnum")
    return ctx.wrap(
        string_compute(layout, "is_alnum", "utf8_is_alnum", "ascii_is_alnum"), highlevel
    )
