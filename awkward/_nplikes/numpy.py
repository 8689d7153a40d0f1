"""The numpy nplike (cpu)."""

from __future__ import annotations

import numpy

from awkward._nplikes.numpy_like import NumpyLike

__all__ = ["Numpy", "is_numpy_scalar"]


def is_numpy_scalar(obj) -> bool:
    """A numpy scalar (``numpy.float64(1)``, ``numpy.bool_(True)``, ...)."""
    return isinstance(obj, numpy.generic)


class Numpy(NumpyLike):
    """numpy as an nplike; use ``Numpy.instance()``."""

    __slots__ = ()

    _module = numpy

    @classmethod
    def is_own_array_type(cls, type_: type) -> bool:
        return issubclass(type_, numpy.ndarray)

    @property
    def ma(self):
        return numpy.ma

    @property
    def char(self):
        return numpy.char
