"""ak.merge_option_of_records: records pulled out of options at an axis (see awkward/_do/_merge_records.py)."""

from __future__ import annotations

from awkward._do import merge_option_of_records as _merge
from awkward.operations._layout_args import HighLevelContext

__all__ = ["merge_option_of_records"]


def merge_option_of_records(array, axis=-1, *, highlevel=True, behavior=None, attrs=None):
    """Options of records at ``axis`` become records whose fields are options
    (``?{x: A}`` -> ``{x: ?A}``); reads only the options' masks or indexes."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "merge_option_of_records", allow_record=False)
    return ctx.wrap(_merge(layout, axis), highlevel)
