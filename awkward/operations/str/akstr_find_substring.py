"""ak.str.find_substring: The index of the first occurrence of ``pattern`` in each string (code units), -1 if absent."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["find_substring"]


def find_substring(array, pattern, *, ignore_case=False, highlevel=True, behavior=None, attrs=None):
    """The index of the first occurrence of ``pattern`` in each string (code units), -1 if absent."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.find_substring")
    out = string_compute(
        layout,
        "find_substring",
        "find_substring",
        "find_substring",
        pattern,
        ignore_case=ignore_case,
    )
    return ctx.wrap(out, highlevel)
