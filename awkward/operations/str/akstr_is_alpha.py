"""ak.str.is_alpha: True for non-empty strings of alphabetic characters only."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["is_alpha"]


def is_alpha(array, *, highlevel=True, behavior=None, attrs=None):
    """True for non-empty strings of alphabetic characters only. Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.is_alpha")
    return ctx.wrap(
        string_compute(layout, "is_alpha", "utf8_is_alpha", "ascii_is_alpha"), highlevel
    )
