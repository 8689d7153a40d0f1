"""ak.str.find_substring_regex: The index of the first match of the regular expression ``pattern`` in each string, -1 if none."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["find_substring_regex"]


def find_substring_regex(
    array, pattern, *, ignore_case=False, highlevel=True, behavior=None, attrs=None
):
    """The index of the first match of the regular expression ``pattern`` in each string, -1 if none."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.find_substring_regex")
    out = string_compute(
        layout,
        "find_substring_regex",
        "find_substring_regex",
        "find_substring_regex",
        pattern,
        ignore_case=ignore_case,
    )
    return ctx.wrap(out, highlevel)
