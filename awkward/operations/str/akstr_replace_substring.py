"""ak.str.replace_substring: Each string with the occurrences of ``pattern`` replaced by ``replacement``."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["replace_substring"]


def replace_substring(
    array, pattern, replacement, *, max_replacements=None, highlevel=True, behavior=None, attrs=None
):
    """Each string with the occurrences of ``pattern`` replaced by ``replacement``. At most ``max_replacements`` per string (None: all)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.replace_substring")
    out = string_compute(
        layout,
        "replace_substring",
        "replace_substring",
        "replace_substring",
        pattern,
        replacement,
        max_replacements=max_replacements,
    )
    return ctx.wrap(out, highlevel)
