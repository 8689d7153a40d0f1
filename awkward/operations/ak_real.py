"""ak.real: the real part of (complex) numbers, structure unchanged."""

from __future__ import annotations

from awkward.operations._elementwise import (
    map_values,
    numpy_function,
    refuse_strings,
)
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["real"]


@named_axis_op()
def real(array, highlevel=True, behavior=None, attrs=None):
    """The real part of every number (as numpy.real: real numbers are their own real part
    and have a zero imaginary part, in their own dtype)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "real", allow_record=False)
    function = numpy_function("real")

    def leaf(node):
        nplike = node.backend.nplike
        return node.copy(data=nplike.apply_ufunc(function, "__call__", [node.data]))

    result = map_values(layout, leaf, function="real", on_string=refuse_strings("real"))
    return ctx.wrap(result, highlevel)
