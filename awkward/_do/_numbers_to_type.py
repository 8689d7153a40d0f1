"""numbers_to_type: every number leaf cast to one dtype (strings and bytestrings kept)."""

from __future__ import annotations

from awkward._do._apply import recursively_apply
from awkward._nplikes.dtypes import dtype as as_dtype
from awkward.contents import NumpyArray

__all__ = ["numbers_to_type"]

_TEXT = ("char", "byte")


def numbers_to_type(layout, name, including_unknown):
    """``layout`` with every NumpyArray's data cast to the dtype ``name``; EmptyArrays become
    empty NumpyArrays of that dtype when ``including_unknown``. Structure is shared."""
    to = as_dtype(name)

    def action(node, backend, **kwargs):
        if node.is_numpy:
            if node.parameter("__array__") in _TEXT or node.data.dtype == to:
                return node
            return node.copy(data=backend.nplike.astype(node.data, to))
        if node.is_unknown:
            if not including_unknown:
                return node
            return NumpyArray(backend.nplike.zeros(0, dtype=to), parameters=node.parameters or None, backend=backend)
        return None

    return recursively_apply(layout, action, function_name="numbers_to_type")
