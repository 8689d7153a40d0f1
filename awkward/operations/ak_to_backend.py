"""ak.to_backend: move an array to another backend ("cpu", "cuda", "jax" or "typetracer")."""

from __future__ import annotations

from awkward.operations._layout_args import HighLevelContext

__all__ = ["to_backend"]


def to_backend(array, backend, *, highlevel=True, behavior=None, attrs=None):
    """The same array with its buffers on ``backend`` ("cpu", "cuda", or a Backend). Already
    there: returned as is. Virtual buffers that were not read stay virtual (they are moved
    when they are produced); "cuda" needs cupy and a GPU; "jax" (deprecated, as in 2.14)
    needs ``ak.jax.register_and_check()`` first."""
    from awkward._backends import regularize_backend

    backend = regularize_backend(backend)
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "to_backend")
    out = layout.to_backend(backend)
    return ctx.wrap(out, highlevel)
