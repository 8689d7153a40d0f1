"""ak.str.repeat: each string repeated a number of times."""

from __future__ import annotations

import numbers

from awkward._do import string_broadcast_compute, string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["repeat"]


def repeat(array, num_repeats, *, highlevel=True, behavior=None, attrs=None):
    """Each string repeated ``num_repeats`` times: an integer, or an array of integers
    broadcast against the strings."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.repeat")
    if isinstance(num_repeats, numbers.Integral) and not isinstance(num_repeats, bool):
        out = string_compute(layout, "repeat", "binary_repeat", "binary_repeat", int(num_repeats))
        return ctx.wrap(out, highlevel)
    if isinstance(num_repeats, numbers.Number) or isinstance(num_repeats, (str, bytes)):
        raise TypeError("num_repeats must be an integer or broadcastable to integers")
    repeats = ctx.unwrap(num_repeats, "str.repeat", allow_record=False)

    def compute(nodes, connect):
        strings, counts = nodes
        if counts.dtype.kind not in "iu":
            raise TypeError("num_repeats must be an integer or broadcastable to integers")
        return connect.repeat_strings(strings, counts)

    out = string_broadcast_compute([layout, repeats], "repeat", compute, kinds=("string", "number"))
    return ctx.wrap(out, highlevel)
