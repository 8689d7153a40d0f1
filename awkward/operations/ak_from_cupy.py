"""ak.from_cupy: a cupy array (GPU memory) -> an array on the cuda backend."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout
from awkward.operations.ak_from_dlpack import _check_primitive_policy

__all__ = ["from_cupy"]


def from_cupy(
    array,
    *,
    regulararray=False,
    highlevel=True,
    behavior=None,
    primitive_policy="error",
    attrs=None,
):
    """An array on the cuda backend over a cupy array's memory (no copy). N-d data is a
    NumpyArray with inner dimensions, or nested RegularArrays with ``regulararray=True``.
    Needs cupy (ModuleNotFoundError saying what to install otherwise)."""
    from awkward._connect.dlpack import dense_to_layout, import_cupy_for

    _check_primitive_policy(primitive_policy, "from_cupy")
    from awkward._connect.numpy_conversion import is_numpy_array

    # a numpy array is accepted as it is (on the cpu backend), as in 2.14
    if not is_numpy_array(array) and not isinstance(array, import_cupy_for("from_cupy").ndarray):
        raise TypeError(f"ak.from_cupy: expected a cupy array, not {type(array).__name__}")
    layout = dense_to_layout(
        array, regulararray=regulararray, primitive_policy=primitive_policy, function="from_cupy"
    )
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)
