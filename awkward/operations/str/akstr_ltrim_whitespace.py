"""ak.str.ltrim_whitespace: Each string without its leading whitespace."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["ltrim_whitespace"]


def ltrim_whitespace(array, *, highlevel=True, behavior=None, attrs=None):
    """Each string without its leading whitespace. Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.ltrim_whitespace")
    return ctx.wrap(
        string_compute(
            layout, "ltrim_whitespace", "utf8_ltrim_whitespace", "ascii_ltrim_whitespace"
        ),
        highlevel,
    )
