"""Find the nplike an array belongs to."""

from __future__ import annotations

from awkward._nplikes.cupy import Cupy
from awkward._nplikes.jax import Jax
from awkward._nplikes.numpy import Numpy
from awkward._nplikes.placeholder import PlaceholderArray
from awkward._nplikes.typetracer import TypeTracer, TypeTracerArray
from awkward._nplikes.virtual import VirtualNDArray
from awkward._util import UNSET

__all__ = ["nplike_of_obj"]


def nplike_of_obj(obj, *, default=UNSET):
    """numpy arrays -> Numpy, cupy arrays -> Cupy, virtual/placeholder arrays -> their nplike.

    Anything else raises TypeError, unless ``default`` is given (then it is returned).
    """
    if isinstance(obj, (VirtualNDArray, PlaceholderArray)):
        return obj.nplike
    cls = type(obj)
    if cls is TypeTracerArray:
        return TypeTracer.instance()
    if Numpy.is_own_array_type(cls):
        return Numpy.instance()
    if Cupy.is_own_array_type(cls):
        return Cupy.instance()
    if Jax.is_own_array_type(cls):
        return Jax.instance()
    if default is UNSET:
        raise TypeError(
            f"cannot find an nplike (numpy or cupy) for an object of type {cls.__name__}"
        )
    return default
