"""ak.merge_union_of_records: records pulled out of unions at an axis (see awkward/_do/_merge_records.py)."""

from __future__ import annotations

from awkward._do import merge_union_of_records as _merge
from awkward.operations._layout_args import HighLevelContext

__all__ = ["merge_union_of_records"]


def merge_union_of_records(array, axis=-1, *, highlevel=True, behavior=None, attrs=None):
    """Unions of records at ``axis`` become one record with every member's fields (fields
    missing from some members become options); unions that hold non-records are kept."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "merge_union_of_records", allow_record=False)
    return ctx.wrap(_merge(layout, axis), highlevel)
