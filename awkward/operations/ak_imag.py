"""ak.imag: the imag part of (complex) numbers, structure unchanged."""

from __future__ import annotations

from awkward.operations._elementwise import (
    layout_and_behavior,
    map_values,
    numpy_function,
    refuse_strings,
    wrap,
)

__all__ = ["imag"]


def imag(val, highlevel=True, behavior=None, attrs=None):
    """The imag part of every number (as numpy.imag: real numbers are their own real part
    and have a zero imaginary part, in their own dtype)."""
    layout, behavior = layout_and_behavior(val, "imag", behavior)
    function = numpy_function("imag")

    def leaf(node):
        nplike = node.backend.nplike
        return node.copy(data=nplike.apply_ufunc(function, "__call__", [node.data]))

    result = map_values(layout, leaf, function="imag", on_string=refuse_strings("imag"))
    return wrap(result, highlevel, behavior, attrs)
