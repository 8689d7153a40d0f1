"""ak.argcombinations: the positions of the n-element combinations of every list at an axis."""

from __future__ import annotations

from awkward._do import argcombinations as _argcombinations
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op
from awkward.operations.ak_combinations import combinations_args

__all__ = ["argcombinations"]


@named_axis_op()
def argcombinations(
    array,
    n,
    *,
    replacement=False,
    axis=1,
    fields=None,
    parameters=None,
    with_name=None,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """Like ak.combinations, with the positions (int64) of the items in their lists (in the
    array itself at ``axis=0``) instead of the items. Reads only list structure."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "argcombinations", allow_record=False)
    n, axis, fields, parameters = combinations_args(
        "argcombinations", n, axis, fields, parameters, with_name
    )
    return ctx.wrap(_argcombinations(layout, n, replacement, axis, fields, parameters), highlevel)
