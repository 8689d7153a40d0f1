"""ak.str.is_ascii: True for strings of ASCII characters only (empty strings too)."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["is_ascii"]


def is_ascii(array, *, highlevel=True, behavior=None, attrs=None):
    """True for strings of ASCII characters only (empty strings too). Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.is_ascii")
    return ctx.wrap(
        string_compute(layout, "is_ascii", "string_is_ascii", "string_is_ascii"), highlevel
    )
