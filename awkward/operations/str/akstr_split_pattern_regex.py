"""ak.str.split_pattern_regex: Each string split at the matches of a regular expression into a list of strings."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["split_pattern_regex"]


def split_pattern_regex(
    array, pattern, *, max_splits=None, reverse=False, highlevel=True, behavior=None, attrs=None
):
    """Each string split at the matches of the regular expression ``pattern``: a list of
    strings in its place. At most ``max_splits`` splits (None: all); ``reverse`` is not
    supported for regular expressions (ValueError, as 2.14)."""
    if reverse:
        raise ValueError("Cannot split in reverse with regex")
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.split_pattern_regex")
    out = string_compute(
        layout,
        "split_pattern_regex",
        "split_pattern_regex",
        "split_pattern_regex",
        pattern,
        max_splits=max_splits,
    )
    return ctx.wrap(out, highlevel)
