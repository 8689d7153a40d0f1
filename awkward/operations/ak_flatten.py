"""ak.flatten: one list dimension (or, with axis=None, every dimension) removed."""

from __future__ import annotations

from awkward._do import flatten as _flatten
from awkward._do import regularize_axis
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import flatten_rule, named_axis_op

__all__ = ["flatten"]


@named_axis_op(flatten_rule)
def flatten(array, axis=1, *, highlevel=True, behavior=None, attrs=None):
    """The lists at ``axis`` concatenated within their parent lists (``axis=1``: the array
    becomes the concatenation of its lists). ``axis=0`` only drops missing values of the
    outer dimension; ``axis=None`` removes every dimension and every missing value, fields of
    records one after the other. A list array whose content starts at 0 and is used whole
    gives that content itself (no copy); only the offsets and the data are read."""
    axis = regularize_axis(axis, "flatten", none_allowed=True)
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "flatten", allow_record=False)
    return ctx.wrap(_flatten(layout, axis), highlevel)
