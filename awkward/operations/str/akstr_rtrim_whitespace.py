"""ak.str.rtrim_whitespace: Each string without its trailing whitespace."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["rtrim_whitespace"]


def rtrim_whitespace(array, *, highlevel=True, behavior=None, attrs=None):
    """Each string without its trailing whitespace. Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.rtrim_whitespace")
    return ctx.wrap(
        string_compute(
            layout, "rtrim_whitespace", "utf8_rtrim_whitespace", "ascii_rtrim_whitespace"
        ),
        highlevel,
    )
