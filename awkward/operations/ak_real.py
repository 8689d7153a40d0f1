"""ak.real: the real part of (complex) numbers, structure unchanged."""

from __future__ import annotations

from awkward.operations._elementwise import (
    layout_and_behavior,
    map_values,
    numpy_function,
    refuse_strings,
    wrap,
)

__all__ = ["real"]


def real(array, highlevel=True, behavior=None, attrs=None):
    """The real part of every number (as numpy.real: real numbers are their own real part
    and have a zero imaginary part, in their own dtype)."""
    layout, behavior = layout_and_behavior(array, "real", behavior)
    function = numpy_function("real")

    def leaf(node):
        nplike = node.backend.nplike
        return node.copy(data=nplike.apply_ufunc(function, "__call__", [node.data]))

    result = map_values(layout, leaf, function="real", on_string=refuse_strings("real"))
    return wrap(result, highlevel, behavior, attrs)
