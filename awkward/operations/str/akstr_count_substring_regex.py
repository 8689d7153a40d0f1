"""ak.str.count_substring_regex: The number of non-overlapping matches of the regular expression ``pattern`` in each string."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["count_substring_regex"]


def count_substring_regex(
    array, pattern, *, ignore_case=False, highlevel=True, behavior=None, attrs=None
):
    """The number of non-overlapping matches of the regular expression ``pattern`` in each string."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.count_substring_regex")
    out = string_compute(
        layout,
        "count_substring_regex",
        "count_substring_regex",
        "count_substring_regex",
        pattern,
        ignore_case=ignore_case,
    )
    return ctx.wrap(out, highlevel)
