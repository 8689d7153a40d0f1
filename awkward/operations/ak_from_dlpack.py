"""ak.from_dlpack: any DLPack producer (numpy, torch, jax, cupy ...) -> an array."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout

__all__ = ["from_dlpack"]


def from_dlpack(
    array,
    *,
    prefer_cpu=True,
    regulararray=False,
    highlevel=True,
    behavior=None,
    primitive_policy="error",
    attrs=None,
):
    """An array over the memory of a DLPack producer, without a copy: CPU memory through
    numpy, CUDA memory through cupy; memory that both can reach (CUDA host or managed)
    goes to the CPU when ``prefer_cpu``. N-d data is a NumpyArray with inner dimensions, or
    nested RegularArrays with ``regulararray=True``; a 0-d array is a TypeError unless
    ``primitive_policy`` is not "error". DLPack carries only numbers (bool, ints, floats,
    complex): other dtypes are the producer's BufferError."""
    from awkward._connect.dlpack import dlpack_to_layout

    _check_primitive_policy(primitive_policy, "from_dlpack")
    layout = dlpack_to_layout(
        array, prefer_cpu=prefer_cpu, regulararray=regulararray, primitive_policy=primitive_policy
    )
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)


def _check_primitive_policy(policy, function):
    if policy not in ("error", "promote", "pass-through", "forbid"):
        raise ValueError(
            f"ak.{function}: primitive_policy must be 'error', 'promote', 'pass-through' or "
            f"'forbid', not {policy!r}"
        )
