"""ak.str.starts_with: True where a string starts with ``pattern``."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["starts_with"]


def starts_with(array, pattern, *, ignore_case=False, highlevel=True, behavior=None, attrs=None):
    """True where a string starts with ``pattern``."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.starts_with")
    out = string_compute(
        layout, "starts_with", "starts_with", "starts_with", pattern, ignore_case=ignore_case
    )
    return ctx.wrap(out, highlevel)
