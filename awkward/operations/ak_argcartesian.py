"""ak.argcartesian: the positions of the Cartesian product of several arrays' lists."""

from __future__ import annotations

from awkward._do import argcartesian as _argcartesian
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import cartesian_rule, collection_inputs, named_axis_op
from awkward.operations.ak_cartesian import cartesian_args
from awkward.operations.ak_combinations import record_parameters

__all__ = ["argcartesian"]


@named_axis_op(cartesian_rule, inputs=collection_inputs)
def argcartesian(
    arrays,
    axis=1,
    *,
    nested=None,
    parameters=None,
    with_name=None,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """Like ak.cartesian, with the positions (int64) of the items in their lists (in the
    arrays themselves at ``axis=0``). Reads only list structure."""
    ctx = HighLevelContext(behavior, attrs)
    layouts, fields, nested, axis = cartesian_args(ctx, "argcartesian", arrays, nested, axis)
    parameters = record_parameters(parameters, with_name)
    return ctx.wrap(_argcartesian(layouts, axis, nested, fields, parameters), highlevel)
