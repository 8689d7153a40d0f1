"""ak.str.rtrim: Each string without the trailing characters that are in ``characters``."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["rtrim"]


def rtrim(array, characters, *, highlevel=True, behavior=None, attrs=None):
    """Each string without the trailing characters that are in ``characters``."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.rtrim")
    return ctx.wrap(
        string_compute(layout, "rtrim", "utf8_rtrim", "ascii_rtrim", characters), highlevel
    )
