"""ak.ones_like: an array of the same structure with every value 1."""

from __future__ import annotations

from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op
from awkward.operations.ak_full_like import filled_like

__all__ = ["ones_like"]


@named_axis_op()
def ones_like(array, *, dtype=None, including_unknown=False, highlevel=True, behavior=None, attrs=None):
    """ak.full_like with fill value 1 (strings become "1", as in awkward)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "ones_like", allow_record=False)
    result = filled_like(layout, 1, dtype, including_unknown, "ones_like", string_value="1")
    return ctx.wrap(result, highlevel)
