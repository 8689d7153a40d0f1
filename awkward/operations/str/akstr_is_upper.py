"""ak.str.is_upper: True for strings with cased characters, all upper case."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["is_upper"]


def is_upper(array, *, highlevel=True, behavior=None, attrs=None):
    """True for strings with cased characters, all upper case. Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.is_upper")
    return ctx.wrap(
        string_compute(layout, "is_upper", "utf8_is_upper", "ascii_is_upper"), highlevel
    )
