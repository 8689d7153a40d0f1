"""Metadata of the array stand-ins (VirtualNDArray, PlaceholderArray).

Both hold a declared ``_shape`` (dimensions may be unknown_length), ``_dtype``, ``_nplike``
and ``_buffer_key``, and answer the metadata part of the array protocol from them without
reading data. ``shape`` is theirs to define (a virtual array may resolve unknown dimensions
on demand); everything here that needs dimension values goes through it, while ``ndim`` and
the printed shape only need the declared one."""

from __future__ import annotations

from awkward._nplikes.shape import unknown_length

__all__ = ["DeclaredMetadata", "c_strides"]


def c_strides(shape, itemsize):
    """Strides of a C-contiguous array of ``shape`` (unknown_length where they depend on one)."""
    strides = []
    step = itemsize
    for dim in reversed(shape):
        strides.append(step)
        step = step * dim if dim is not unknown_length else unknown_length
    return tuple(reversed(strides))


class DeclaredMetadata:
    """Mixin (no slots of its own) for classes with ``_nplike``, ``_shape``, ``_dtype``,
    ``_buffer_key`` slots and a ``shape`` property."""

    __slots__ = ()

    @property
    def nplike(self):
        return self._nplike

    @property
    def buffer_key(self):
        return self._buffer_key

    @property
    def dtype(self):
        return self._dtype

    @property
    def ndim(self) -> int:
        return len(self._shape)

    @property
    def inner_shape(self):
        return self.shape[1:]

    @property
    def size(self):
        out = 1
        for dim in self.shape:
            out *= dim
        return out

    @property
    def nbytes(self):
        return self.size * self._dtype.itemsize

    def __len__(self) -> int:
        if not self._shape:
            raise TypeError("len() of unsized object")
        return self.shape[0]

    def _shape_str(self) -> str:
        """The declared shape as Python prints a tuple (unknown dimensions as ``##``)."""
        return (
            "("
            + ", ".join(str(x) for x in self._shape)
            + ("," if len(self._shape) == 1 else "")
            + ")"
        )
