"""ak.round: values rounded to a number of decimals, structure unchanged."""

from __future__ import annotations

from awkward._util import UNSET
from awkward.operations._elementwise import (
    layout_and_behavior,
    map_values,
    numpy_function,
    refuse_strings,
    wrap,
)

__all__ = ["round"]


def round(array, decimals: int = 0, out=UNSET, highlevel=True, behavior=None, attrs=None):  # noqa: A001
    """Round every number to ``decimals`` decimals (negative: to tens, hundreds, ...), as
    numpy.round does; lists, options, records and unions keep their structure."""
    if out is not UNSET and out is not None:
        raise TypeError("ak.round does not support the 'out' argument")
    if isinstance(decimals, bool) or not isinstance(decimals, int):
        if not (hasattr(decimals, "__index__") and not isinstance(decimals, bool)):
            raise TypeError(f"ak.round: decimals must be an integer, not {type(decimals).__name__}")
        decimals = decimals.__index__()
    layout, behavior = layout_and_behavior(array, "round", behavior)
    around = numpy_function("round")

    def leaf(node):
        nplike = node.backend.nplike
        return node.copy(data=nplike.apply_ufunc(around, "__call__", [node.data], {"decimals": decimals}))

    result = map_values(layout, leaf, function="round", on_string=refuse_strings("round"))
    return wrap(result, highlevel, behavior, attrs)
