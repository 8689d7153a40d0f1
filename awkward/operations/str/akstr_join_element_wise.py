"""ak.str.join_element_wise: strings of several arrays joined element by element."""

from __future__ import annotations

from awkward._do import string_broadcast_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["join_element_wise"]


def join_element_wise(*arrays, highlevel=True, behavior=None, attrs=None):
    """The strings of ``arrays[:-1]`` joined element by element with the strings of the last
    array as separators (pyarrow's binary_join_element_wise); the arrays are broadcast
    against each other with strings as atoms (a str/bytes argument is one string for every
    element: 2.14 fails to broadcast it). A missing string gives None."""
    if len(arrays) < 1:
        raise TypeError("at least one array is required")
    ctx = HighLevelContext(behavior, attrs)
    layouts = [
        x
        if isinstance(x, (str, bytes))
        else ctx.unwrap(x, "str.join_element_wise", allow_record=False)
        for x in arrays
    ]
    if all(isinstance(x, (str, bytes)) for x in layouts):
        raise TypeError("ak.str.join_element_wise: at least one argument must be an array")

    def compute(nodes, connect):
        return connect.join_element_wise(nodes)

    out = string_broadcast_compute(
        layouts, "join_element_wise", compute, kinds=("string",) * len(layouts)
    )
    return ctx.wrap(out, highlevel)
