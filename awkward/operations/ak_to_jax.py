"""ak.to_jax: a regular array of numbers -> a jax array (the JAX backend is deprecated)."""

from __future__ import annotations

from awkward.operations._dense_args import dense_layout

__all__ = ["to_jax"]


def to_jax(array):
    """A ``jax.Array`` with the values of a regular array of numbers (jagged lists or
    missing values are a ValueError, records and strings a TypeError). As in 2.14 this
    warns that the JAX backend is deprecated, needs 64-bit jax and
    ``ak.jax.register_and_check()`` first."""
    from awkward._backends.jax import ensure_ready
    from awkward._connect.dense import refuse_non_numbers, to_dense_numpy

    jax = ensure_ready("to_jax")
    layout = dense_layout(array, "to_jax")
    from awkward._connect.jax_trees import jax_dense

    direct = jax_dense(layout)
    if direct is not None:  # jax data stay jax arrays (differentiable)
        return direct
    out = refuse_non_numbers(to_dense_numpy(layout, "to_jax"), "to_jax", "JAX")
    return jax.numpy.asarray(out)
