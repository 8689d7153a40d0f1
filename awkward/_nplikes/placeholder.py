"""PlaceholderArray: a buffer that is known by metadata only and must never be read.

Used where data is deliberately absent (e.g. columns excluded from a pre-run). Metadata and
basic axis-0 slices work; anything that needs values raises RuntimeError naming the buffer_key.
"""

from __future__ import annotations

import numpy
from numpy.lib.mixins import NDArrayOperatorsMixin

from awkward._nplikes._declared import DeclaredMetadata, c_strides
from awkward._nplikes.array_like import MaterializableArray
from awkward._nplikes.shape import unknown_length

__all__ = ["PlaceholderArray"]


class PlaceholderArray(NDArrayOperatorsMixin, DeclaredMetadata, MaterializableArray):
    __slots__ = ("_nplike", "_shape", "_dtype", "_buffer_key")

    def __init__(self, nplike, shape, dtype, buffer_key=None):
        self._nplike = nplike
        self._shape = tuple(shape)
        self._dtype = numpy.dtype(dtype)
        self._buffer_key = buffer_key

    def _refuse(self, what="read its data"):
        where = (
            "a placeholder buffer"
            if self._buffer_key is None
            else f"placeholder buffer {self._buffer_key!r}"
        )
        raise RuntimeError(
            f"tried to {what} of {where} (dtype {self._dtype}, shape {self._shape_str()}), which "
            "holds no data: it was excluded when the array was built (e.g. by a pre-run that "
            "decided which columns to read)"
        )

    @property
    def shape(self):
        return self._shape

    @property
    def strides(self):
        return c_strides(self._shape, self._dtype.itemsize)

    @property
    def is_materialized(self) -> bool:
        return False

    @property
    def T(self):
        return PlaceholderArray(self._nplike, self._shape[::-1], self._dtype, self._buffer_key)

    def __repr__(self) -> str:
        key = "" if self._buffer_key is None else f", buffer_key={self._buffer_key!r}"
        return f"PlaceholderArray(dtype={self._dtype}, shape={self._shape_str()}{key})"

    def view(self, dtype):
        dtype = numpy.dtype(dtype)
        if not self._shape or dtype.itemsize == self._dtype.itemsize:
            shape = self._shape
        else:
            last = self._shape[-1] * self._dtype.itemsize
            if last is not unknown_length and last % dtype.itemsize != 0:
                raise ValueError(
                    f"cannot view {self!r} as {dtype}: the last axis is not a multiple of its itemsize"
                )
            shape = self._shape[:-1] + (last // dtype.itemsize,)
        return PlaceholderArray(self._nplike, shape, dtype, self._buffer_key)

    def __getitem__(self, index):
        sl = index[0] if type(index) is tuple and len(index) == 1 else index
        if type(sl) is not slice or not self._shape:
            self._refuse(f"index with {type(index).__name__}")
        length = self._shape[0]
        if length is unknown_length:
            new_length = unknown_length
        else:
            new_length = len(range(length)[sl])
        return PlaceholderArray(
            self._nplike, (new_length,) + self._shape[1:], self._dtype, self._buffer_key
        )

    def materialize(self):
        self._refuse("materialize")

    def __array__(self, dtype=None, copy=None):
        self._refuse("convert to an array")

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        self._refuse(f"apply {getattr(ufunc, '__name__', ufunc)}")

    def tolist(self):
        self._refuse("convert to a list")

    def tobytes(self, order="C"):
        self._refuse("convert to bytes")

    def __iter__(self):
        self._refuse("iterate over")

    def __setitem__(self, key, value):
        self._refuse("write into")

    def __bool__(self):
        self._refuse("take the truth value")

    def __int__(self):
        self._refuse("convert to int")

    __index__ = __int__

    def __float__(self):
        self._refuse("convert to float")

    def copy(self):
        return PlaceholderArray(self._nplike, self._shape, self._dtype, self._buffer_key)

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        return self.copy()
