"""ak.str.count_substring: The number of non-overlapping occurrences of ``pattern`` in each string."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["count_substring"]


def count_substring(
    array, pattern, *, ignore_case=False, highlevel=True, behavior=None, attrs=None
):
    """The number of non-overlapping occurrences of ``pattern`` in each string."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.count_substring")
    out = string_compute(
        layout,
        "count_substring",
        "count_substring",
        "count_substring",
        pattern,
        ignore_case=ignore_case,
    )
    return ctx.wrap(out, highlevel)
