"""ak.values_astype: every number converted to another dtype, structure unchanged."""

from __future__ import annotations

from awkward.operations._elementwise import map_values, numpy_function
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["values_astype"]


@named_axis_op()
def values_astype(array, to, *, including_unknown=False, highlevel=True, behavior=None, attrs=None):
    """Convert the numbers of every leaf to ``to`` (a numpy dtype or its name); strings are
    left as they are (see ak.strings_astype), unknown-type leaves too unless
    ``including_unknown``. Structure buffers are shared with ``array``."""
    to = numpy_function("dtype")(to)  # TypeError: data type '...' not understood
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "values_astype", allow_record=False)

    def leaf(node):
        return node.copy(data=node.backend.nplike.astype(node.data, to))

    def unknown(node):
        if not including_unknown:
            return node
        from awkward.contents import NumpyArray

        return NumpyArray(node.backend.nplike.zeros(0, dtype=to), backend=node.backend)

    result = map_values(layout, leaf, function="values_astype", on_unknown=unknown)
    return ctx.wrap(result, highlevel)
