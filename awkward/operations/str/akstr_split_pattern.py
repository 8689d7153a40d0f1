"""ak.str.split_pattern: Each string split at ``pattern`` into a list of strings."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["split_pattern"]


def split_pattern(
    array, pattern, *, max_splits=None, reverse=False, highlevel=True, behavior=None, attrs=None
):
    """Each string split at the occurrences of ``pattern``: a list of strings in its place.
    At most ``max_splits`` splits (None: all), counted from the end when ``reverse``."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.split_pattern")
    out = string_compute(
        layout,
        "split_pattern",
        "split_pattern",
        "split_pattern",
        pattern,
        max_splits=max_splits,
        reverse=reverse,
    )
    return ctx.wrap(out, highlevel)
