"""ak.zeros_like: an array of the same structure with every value 0."""

from __future__ import annotations

from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op
from awkward.operations.ak_full_like import filled_like

__all__ = ["zeros_like"]


@named_axis_op()
def zeros_like(array, *, dtype=None, including_unknown=False, highlevel=True, behavior=None, attrs=None):
    """ak.full_like with fill value 0 (strings become "", as in awkward)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "zeros_like", allow_record=False)
    result = filled_like(layout, 0, dtype, including_unknown, "zeros_like", string_value="")
    return ctx.wrap(result, highlevel)
