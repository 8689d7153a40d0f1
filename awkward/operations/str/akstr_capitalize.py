"""ak.str.capitalize: Each string with its first character upper case and the rest lower case."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["capitalize"]


def capitalize(array, *, highlevel=True, behavior=None, attrs=None):
    """Each string with its first character upper case and the rest lower case. Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.capitalize")
    return ctx.wrap(
        string_compute(layout, "capitalize", "utf8_capitalize", "ascii_capitalize"), highlevel
    )
