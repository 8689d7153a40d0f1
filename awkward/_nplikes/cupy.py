"""The cupy nplike (cuda). cupy is imported only when this nplike is first instantiated."""

from __future__ import annotations

import sys

from awkward._nplikes.array_like import MaterializableArray
from awkward._nplikes.numpy_like import NumpyLike

__all__ = ["Cupy", "import_cupy"]


def import_cupy():
    """Import cupy and check that a CUDA device is usable; raise a clear error otherwise."""
    try:
        import cupy
    except ModuleNotFoundError as err:
        raise ModuleNotFoundError(
            "cupy is not installed; install cupy to use the cuda backend "
            "(e.g. `pip install cupy-cuda12x`, matching your CUDA version)"
        ) from err
    try:
        count = cupy.cuda.runtime.getDeviceCount()
    except Exception as err:
        raise RuntimeError(f"no CUDA device is available for the cuda backend ({err})") from err
    if count < 1:
        raise RuntimeError("no CUDA device is available for the cuda backend")
    return cupy


def _m(x):
    return x.materialize() if isinstance(x, MaterializableArray) else x


class Cupy(NumpyLike):
    """cupy as an nplike; ``Cupy.instance()`` raises if cupy or a GPU is missing."""

    __slots__ = ("_module",)

    def __init__(self):
        self._module = import_cupy()

    @classmethod
    def is_own_array_type(cls, type_: type) -> bool:
        # an object can only be a cupy array if cupy is already imported
        cupy = sys.modules.get("cupy")
        return cupy is not None and issubclass(type_, cupy.ndarray)

    @property
    def ma(self):
        raise ValueError("cupy has no masked arrays (numpy.ma); use the cpu backend")

    @property
    def char(self):
        raise ValueError("cupy has no string routines (numpy.char); use the cpu backend")

    def frombuffer(self, buffer, *, dtype=None, count=-1):
        import numpy

        host = numpy.frombuffer(
            _m(buffer), dtype=numpy.float64 if dtype is None else dtype, count=count
        )
        return self._module.asarray(host)

    def byteswap(self, x):
        x = self._module.ascontiguousarray(_m(x))
        itemsize = x.dtype.itemsize
        if itemsize == 1:
            return x.copy()
        swapped = x.view(self._module.uint8).reshape(-1, itemsize)[:, ::-1]
        return self._module.ascontiguousarray(swapped).view(x.dtype).reshape(x.shape)

    def packbits(self, x, *, axis=None, bitorder="big"):
        if axis is not None:
            raise NotImplementedError("cupy.packbits supports only axis=None")
        return self._module.packbits(_m(x), bitorder=bitorder)

    def unpackbits(self, x, *, axis=None, count=None, bitorder="big"):
        if axis is not None or count is not None:
            raise NotImplementedError("cupy.unpackbits supports only axis=None and count=None")
        return self._module.unpackbits(_m(x), bitorder=bitorder)

    def is_c_contiguous(self, x) -> bool:
        return (
            super().is_c_contiguous(x)
            if isinstance(x, MaterializableArray)
            else bool(x.flags.c_contiguous)
        )

    def memory_ptr(self, x) -> int:
        return int(_m(x).data.ptr)
