"""ak.str.replace_slice: Each string with the code units ``start:stop`` replaced by ``replacement``."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["replace_slice"]


def replace_slice(array, start, stop, replacement, *, highlevel=True, behavior=None, attrs=None):
    """Each string with its characters ``start:stop`` (bytes for bytestrings) replaced by
    ``replacement``."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.replace_slice")
    out = string_compute(
        layout,
        "replace_slice",
        "utf8_replace_slice",
        "binary_replace_slice",
        start,
        stop,
        replacement,
    )
    return ctx.wrap(out, highlevel)
