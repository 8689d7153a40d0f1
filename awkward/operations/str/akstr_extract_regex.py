"""ak.str.extract_regex: A record of the named groups of the regular expression ``pattern`` for each string."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["extract_regex"]


def extract_regex(array, pattern, *, highlevel=True, behavior=None, attrs=None):
    """A record per string with one field per named group of ``pattern`` (a regular
    expression); None where the string does not match (an option type, as 2.14)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.extract_regex")
    out = string_compute(
        layout, "extract_regex", "extract_regex", "extract_regex", pattern, force_option=True
    )
    return ctx.wrap(out, highlevel)
