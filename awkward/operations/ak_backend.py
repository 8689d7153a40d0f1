"""ak.backend: the name of the backend ("cpu" or "cuda") that arrays live on."""

from __future__ import annotations

from awkward.operations.ak_to_layout import to_layout

__all__ = ["backend"]


def backend(*arrays):
    """"cpu" or "cuda" for the arrays given (layouts, ak.Array/ak.Record, numpy/cupy
    arrays); other objects (Python numbers, lists) are ignored. Arrays on different backends
    are a ValueError; no array at all a TypeError."""
    from awkward._backends import backend_of_obj, common_backend

    found = []
    for array in arrays:
        try:
            layout = to_layout(array, allow_record=True, allow_unknown=True, use_from_iter=False,
                               primitive_policy="pass-through", string_policy="pass-through",
                               none_policy="pass-through")
        except TypeError:  # Python lists and other iterables carry no backend
            continue
        if isinstance(layout, (list, tuple, dict)):
            continue
        obj = backend_of_obj(layout, default=None)
        if obj is not None:
            found.append(obj)
    if not found:
        raise TypeError("ak.backend: none of the arguments is an array, so there is no backend")
    return common_backend(found).name
