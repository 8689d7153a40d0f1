"""ak.str.is_title: True for title-cased strings (each word starts upper case, the rest lower case)."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["is_title"]


def is_title(array, *, highlevel=True, behavior=None, attrs=None):
    """True for title-cased strings (each word starts upper case, the rest lower case). Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.is_title")
    return ctx.wrap(
        string_compute(layout, "is_title", "utf8_is_title", "ascii_is_title"), highlevel
    )
