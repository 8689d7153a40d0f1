"""ak.str.rpad: Each string left-aligned in ``width`` characters, filled on the right with ``padding``."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["rpad"]


def rpad(array, width, padding=" ", *, highlevel=True, behavior=None, attrs=None):
    """Each string left-aligned in ``width`` characters, filled on the right with ``padding``. Strings longer than ``width`` are kept whole."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.rpad")
    out = string_compute(layout, "rpad", "utf8_rpad", "ascii_rpad", width, padding)
    return ctx.wrap(out, highlevel)
