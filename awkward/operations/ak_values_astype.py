"""ak.values_astype: every number converted to another dtype, structure unchanged."""

from __future__ import annotations

from awkward.operations._elementwise import layout_and_behavior, map_values, numpy_function, wrap

__all__ = ["values_astype"]


def values_astype(array, to, *, including_unknown=False, highlevel=True, behavior=None, attrs=None):
    """Convert the numbers of every leaf to ``to`` (a numpy dtype or its name); strings are
    left as they are (see ak.strings_astype), unknown-type leaves too unless
    ``including_unknown``. Structure buffers are shared with ``array``."""
    to = numpy_function("dtype")(to)  # TypeError: data type '...' not understood
    layout, behavior = layout_and_behavior(array, "values_astype", behavior)

    def leaf(node):
        return node.copy(data=node.backend.nplike.astype(node.data, to))

    def unknown(node):
        if not including_unknown:
            return node
        from awkward.contents import NumpyArray

        return NumpyArray(node.backend.nplike.zeros(0, dtype=to), backend=node.backend)

    result = map_values(layout, leaf, function="values_astype", on_unknown=unknown)
    return wrap(result, highlevel, behavior, attrs)
