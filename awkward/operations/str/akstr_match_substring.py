"""ak.str.match_substring: True where a string contains ``pattern``."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["match_substring"]


def match_substring(
    array, pattern, *, ignore_case=False, highlevel=True, behavior=None, attrs=None
):
    """True where a string contains ``pattern``."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.match_substring")
    out = string_compute(
        layout,
        "match_substring",
        "match_substring",
        "match_substring",
        pattern,
        ignore_case=ignore_case,
    )
    return ctx.wrap(out, highlevel)
