"""The DLPack protocol: any producer (numpy, torch, jax, cupy, ...) -> a layout.

The device decides the library that receives the buffer: CPU memory goes to numpy, CUDA
memory to cupy; memory both can reach (CUDA host/managed) follows ``prefer_cpu``. Export is
the buffers' own ``__dlpack__`` (numpy/cupy arrays, and virtual buffers, which materialize).
"""

from __future__ import annotations

import numpy

__all__ = ["dlpack_to_layout", "dense_to_layout", "import_cupy_for"]

# DLDeviceType values (dlpack.h)
_CPU, _CUDA, _CUDA_HOST, _CUDA_MANAGED = 1, 2, 3, 13
_DEVICE_NAMES = {4: "OpenCL", 7: "Vulkan", 8: "Metal", 9: "VPI", 10: "ROCm", 11: "ROCm host",
                 12: "ExtDev", 14: "oneAPI", 15: "WebGPU", 16: "Hexagon", 17: "MAIA"}


def import_cupy_for(function: str):
    """cupy, or a ModuleNotFoundError naming ``ak.<function>`` and what to install."""
    try:
        import cupy
    except ModuleNotFoundError as err:
        raise ModuleNotFoundError(
            f"ak.{function}: to use Awkward Arrays with CUDA, you must install cupy: "
            "`pip install cupy-cuda12x` (or the wheel matching your CUDA version)"
        ) from err
    return cupy


def dlpack_to_layout(array, *, prefer_cpu, regulararray, primitive_policy, function="from_dlpack"):
    device = getattr(array, "__dlpack_device__", None)
    if device is None or not hasattr(array, "__dlpack__"):
        raise TypeError(
            f"ak.{function}: expected an object that implements the DLPack protocol "
            f"(__dlpack__ and __dlpack_device__), received {type(array)}"
        )
    device_type = int(device()[0])
    cpu_reachable = device_type in (_CPU, _CUDA_HOST, _CUDA_MANAGED)
    gpu_reachable = device_type in (_CUDA, _CUDA_HOST, _CUDA_MANAGED)
    if cpu_reachable and (prefer_cpu or not gpu_reachable):
        dense = numpy.from_dlpack(array)
    elif gpu_reachable:
        dense = import_cupy_for(function).from_dlpack(array)
    else:
        name = _DEVICE_NAMES.get(device_type, "unknown")
        raise ValueError(
            f"ak.{function}: DLPack device type {device_type} ({name}) is not supported; "
            "Awkward Array reads CPU memory (numpy) and CUDA memory (cupy)"
        )
    return dense_to_layout(
        dense, regulararray=regulararray, primitive_policy=primitive_policy, function=function
    )


def dense_to_layout(array, *, regulararray, primitive_policy, function):
    """A NumpyArray (nested RegularArrays with ``regulararray``) over a numpy or cupy array,
    sharing its memory; a 0-d array follows ``primitive_policy`` as ak.from_numpy does."""
    from awkward._backends import backend_of_obj
    from awkward._connect.numpy_conversion import numpy_to_layout
    from awkward.contents import NumpyArray

    if array.ndim == 0:
        if primitive_policy == "error":
            raise TypeError(
                f"ak.{function}: encountered a scalar ({type(array).__name__}), but scalar "
                "conversion/promotion is disabled (primitive_policy='error')"
            )
        array = array.reshape(1)
    if isinstance(array, numpy.ndarray):
        return numpy_to_layout(array, regulararray=regulararray, recordarray=True, function=function)
    layout = NumpyArray(array, backend=backend_of_obj(array))
    if regulararray and array.ndim > 1:
        return layout.to_RegularArray()
    return layout
