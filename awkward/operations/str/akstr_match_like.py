"""ak.str.match_like: True where a string matches the SQL LIKE ``pattern`` (``%`` any run, ``_`` one character)."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["match_like"]


def match_like(array, pattern, *, ignore_case=False, highlevel=True, behavior=None, attrs=None):
    """True where a string matches the SQL LIKE ``pattern`` (``%`` any run, ``_`` one character)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.match_like")
    out = string_compute(
        layout, "match_like", "match_like", "match_like", pattern, ignore_case=ignore_case
    )
    return ctx.wrap(out, highlevel)
