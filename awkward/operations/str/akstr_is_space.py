"""ak.str.is_space: True for non-empty strings of whitespace only."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["is_space"]


def is_space(array, *, highlevel=True, behavior=None, attrs=None):
    """True for non-empty strings of whitespace only. Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.is_space")
    return ctx.wrap(
        string_compute(layout, "is_space", "utf8_is_space", "ascii_is_space"), highlevel
    )
