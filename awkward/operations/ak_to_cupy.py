"""ak.to_cupy: a regular array of numbers -> a cupy array (GPU memory)."""

from __future__ import annotations

from awkward.operations._dense_args import dense_layout

__all__ = ["to_cupy"]


def to_cupy(array):
    """A cupy array with the values of a regular array of numbers (jagged lists or missing
    values are a ValueError, records a TypeError). Needs cupy (ModuleNotFoundError saying
    what to install otherwise)."""
    from awkward._connect.dense import refuse_non_numbers, to_dense_numpy
    from awkward._connect.dlpack import import_cupy_for

    cupy = import_cupy_for("to_cupy")
    layout = dense_layout(array, "to_cupy")
    out = refuse_non_numbers(to_dense_numpy(layout, "to_cupy"), "to_cupy", "cupy")
    return cupy.asarray(out)
