"""ak.str.trim: Each string without the leading and trailing characters that are in ``characters``."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["trim"]


def trim(array, characters, *, highlevel=True, behavior=None, attrs=None):
    """Each string without the leading and trailing characters that are in ``characters``."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.trim")
    return ctx.wrap(
        string_compute(layout, "trim", "utf8_trim", "ascii_trim", characters), highlevel
    )
