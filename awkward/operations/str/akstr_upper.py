"""ak.str.upper: Each string in upper case (bytestrings: ASCII letters only)."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["upper"]


def upper(array, *, highlevel=True, behavior=None, attrs=None):
    """Each string in upper case (bytestrings: ASCII letters only). Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.upper")
    return ctx.wrap(string_compute(layout, "upper", "utf8_upper", "ascii_upper"), highlevel)
