"""ak.str.split_whitespace: Each string split at runs of whitespace into a list of strings."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["split_whitespace"]


def split_whitespace(
    array, *, max_splits=None, reverse=False, highlevel=True, behavior=None, attrs=None
):
    """Each string split at runs of whitespace (Unicode for strings, ASCII for bytestrings):
    a list of strings in its place. At most ``max_splits`` splits, from the end when ``reverse``."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.split_whitespace")
    out = string_compute(
        layout,
        "split_whitespace",
        "utf8_split_whitespace",
        "ascii_split_whitespace",
        max_splits=max_splits,
        reverse=reverse,
    )
    return ctx.wrap(out, highlevel)
