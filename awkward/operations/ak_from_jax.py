"""ak.from_jax: a jax array -> an array (the JAX backend is deprecated)."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout

__all__ = ["from_jax"]


def from_jax(
    array, *, regulararray=False, highlevel=True, behavior=None, attrs=None, primitive_policy="error"
):
    """An array with the values of a jax (or numpy) array, over its memory through DLPack
    where jax allows. N-d data is a NumpyArray with inner dimensions, or nested
    RegularArrays with ``regulararray=True``. As in 2.14 this warns that the JAX backend is
    deprecated, needs 64-bit jax and ``ak.jax.register_and_check()`` first. The result is
    on the "jax" backend."""
    from awkward._backends.jax import ensure_ready
    from awkward._connect.dlpack import dlpack_to_layout
    from awkward.operations.ak_from_dlpack import _check_primitive_policy

    _check_primitive_policy(primitive_policy, "from_jax")
    ensure_ready("from_jax")
    if not hasattr(array, "__dlpack__"):
        raise TypeError(f"ak.from_jax: expected a jax array, not {type(array).__name__}")
    layout = dlpack_to_layout(array, prefer_cpu=True, regulararray=regulararray,
                              primitive_policy=primitive_policy, function="from_jax")
    layout = layout.to_backend("jax")
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)
