"""ak.str.ltrim: Each string without the leading characters that are in ``characters``."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["ltrim"]


def ltrim(array, characters, *, highlevel=True, behavior=None, attrs=None):
    """Each string without the leading characters that are in ``characters``."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.ltrim")
    return ctx.wrap(
        string_compute(layout, "ltrim", "utf8_ltrim", "ascii_ltrim", characters), highlevel
    )
