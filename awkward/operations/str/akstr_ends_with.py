"""ak.str.ends_with: True where a string ends with ``pattern``."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["ends_with"]


def ends_with(array, pattern, *, ignore_case=False, highlevel=True, behavior=None, attrs=None):
    """True where a string ends with ``pattern``."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.ends_with")
    out = string_compute(
        layout, "ends_with", "ends_with", "ends_with", pattern, ignore_case=ignore_case
    )
    return ctx.wrap(out, highlevel)
