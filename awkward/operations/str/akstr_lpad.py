"""ak.str.lpad: Each string right-aligned in ``width`` characters, filled on the left with ``padding``."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["lpad"]


def lpad(array, width, padding=" ", *, highlevel=True, behavior=None, attrs=None):
    """Each string right-aligned in ``width`` characters, filled on the left with ``padding``. Strings longer than ``width`` are kept whole."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.lpad")
    out = string_compute(layout, "lpad", "utf8_lpad", "ascii_lpad", width, padding)
    return ctx.wrap(out, highlevel)
