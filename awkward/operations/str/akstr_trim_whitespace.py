"""ak.str.trim_whitespace: Each string without leading and trailing whitespace."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["trim_whitespace"]


def trim_whitespace(array, *, highlevel=True, behavior=None, attrs=None):
    """Each string without leading and trailing whitespace. Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.trim_whitespace")
    return ctx.wrap(
        string_compute(layout, "trim_whitespace", "utf8_trim_whitespace", "ascii_trim_whitespace"),
        highlevel,
    )
