"""ak.str.center: Each string centered in ``width`` characters, filled with ``padding``."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["center"]


def center(array, width, padding=" ", *, highlevel=True, behavior=None, attrs=None):
    """Each string centered in ``width`` characters, filled with ``padding``. Strings longer than ``width`` are kept whole."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.center")
    out = string_compute(layout, "center", "utf8_center", "ascii_center", width, padding)
    return ctx.wrap(out, highlevel)
