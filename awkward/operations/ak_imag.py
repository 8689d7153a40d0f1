"""ak.imag: the imag part of (complex) numbers, structure unchanged."""

from __future__ import annotations

from awkward.operations._elementwise import (
    map_values,
    numpy_function,
    refuse_strings,
)
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["imag"]


@named_axis_op()
def imag(val, highlevel=True, behavior=None, attrs=None):
    """The imag part of every number (as numpy.imag: real numbers are their own real part
    and have a zero imaginary part, in their own dtype)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(val, "imag", allow_record=False)
    function = numpy_function("imag")

    def leaf(node):
        nplike = node.backend.nplike
        return node.copy(data=nplike.apply_ufunc(function, "__call__", [node.data]))

    result = map_values(layout, leaf, function="imag", on_string=refuse_strings("imag"))
    return ctx.wrap(result, highlevel)
