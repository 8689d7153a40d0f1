"""ak.to_backend: move an array to another backend ("cpu" or "cuda")."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout
from awkward.operations.ak_to_layout import to_layout

__all__ = ["to_backend"]


def to_backend(array, backend, *, highlevel=True, behavior=None, attrs=None):
    """The same array with its buffers on ``backend`` ("cpu", "cuda", or a Backend). Already
    there: returned as is. Virtual buffers that were not read stay virtual (they are moved
    when they are produced); "cuda" needs cupy and a GPU."""
    from awkward._backends import regularize_backend

    backend = regularize_backend(backend)
    layout = to_layout(array, allow_record=True)
    out = layout.to_backend(backend)
    return wrap_layout(out, highlevel=highlevel, behavior=behavior or getattr(array, "behavior", None),
                       attrs=attrs or getattr(array, "attrs", None))
