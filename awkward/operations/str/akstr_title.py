"""ak.str.title: Each string title-cased: every word starts upper case, the rest lower case."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["title"]


def title(array, *, highlevel=True, behavior=None, attrs=None):
    """Each string title-cased: every word starts upper case, the rest lower case. Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.title")
    return ctx.wrap(string_compute(layout, "title", "utf8_title", "ascii_title"), highlevel)
