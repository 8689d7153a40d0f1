"""ak.str.swapcase: Each string with upper and lower case swapped."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["swapcase"]


def swapcase(array, *, highlevel=True, behavior=None, attrs=None):
    """Each string with upper and lower case swapped. Works on the strings and bytestrings at any depth; None stays None."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.swapcase")
    return ctx.wrap(
        string_compute(layout, "swapcase", "utf8_swapcase", "ascii_swapcase"), highlevel
    )
