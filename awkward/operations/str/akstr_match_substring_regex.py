"""ak.str.match_substring_regex: True where a string contains a match of the regular expression ``pattern``."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["match_substring_regex"]


def match_substring_regex(
    array, pattern, *, ignore_case=False, highlevel=True, behavior=None, attrs=None
):
    """True where a string contains a match of the regular expression ``pattern``."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.match_substring_regex")
    out = string_compute(
        layout,
        "match_substring_regex",
        "match_substring_regex",
        "match_substring_regex",
        pattern,
        ignore_case=ignore_case,
    )
    return ctx.wrap(out, highlevel)
