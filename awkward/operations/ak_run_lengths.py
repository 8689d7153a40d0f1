"""ak.run_lengths: lengths of the runs of equal consecutive values."""

from __future__ import annotations

from awkward._do import run_lengths as _run_lengths
from awkward.operations._layout_args import HighLevelContext

__all__ = ["run_lengths"]


def run_lengths(array, *, highlevel=True, behavior=None, attrs=None):
    """The lengths of the runs of equal consecutive values in the innermost dimension, one
    list of them per innermost list; runs never cross a list boundary. Strings are compared
    whole; missing values and missing lists are dropped first. Reads the innermost offsets
    and values only."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "run_lengths", allow_record=False)
    return ctx.wrap(_run_lengths(layout), highlevel)
