"""ak.round: values rounded to a number of decimals, structure unchanged."""

from __future__ import annotations

from awkward._util import UNSET
from awkward.operations._elementwise import (
    map_values,
    numpy_function,
    refuse_strings,
)
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["round"]


@named_axis_op()
def round(array, decimals: int = 0, out=UNSET, highlevel=True, behavior=None, attrs=None):  # noqa: A001
    """Round every number to ``decimals`` decimals (negative: to tens, hundreds, ...), as
    numpy.round does; lists, options, records and unions keep their structure."""
    if out is not UNSET and out is not None:
        raise TypeError("ak.round does not support the 'out' argument")
    if isinstance(decimals, bool) or not isinstance(decimals, int):
        if not (hasattr(decimals, "__index__") and not isinstance(decimals, bool)):
            raise TypeError(f"ak.round: decimals must be an integer, not {type(decimals).__name__}")
        decimals = decimals.__index__()
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "round", allow_record=False)
    around = numpy_function("round")

    def leaf(node):
        nplike = node.backend.nplike
        return node.copy(data=nplike.apply_ufunc(around, "__call__", [node.data], {"decimals": decimals}))

    result = map_values(layout, leaf, function="round", on_string=refuse_strings("round"))
    return ctx.wrap(result, highlevel)
