"""The array protocol our layouts rely on, and the single materialization helper."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

__all__ = ["ArrayLike", "MaterializableArray", "maybe_materialize"]


@runtime_checkable
class ArrayLike(Protocol):
    """What layouts may use from a buffer without asking an nplike: metadata and basic slicing."""

    @property
    def dtype(self): ...

    @property
    def ndim(self) -> int: ...

    @property
    def shape(self) -> tuple: ...

    @property
    def size(self): ...

    @property
    def nbytes(self): ...

    @property
    def strides(self) -> tuple: ...

    @property
    def T(self): ...

    def __len__(self) -> int: ...

    def __getitem__(self, key): ...

    def __setitem__(self, key, value): ...

    def view(self, dtype): ...


class MaterializableArray:
    """Base class of array stand-ins (virtual, placeholder) that can be turned into real data."""

    __slots__ = ()

    def materialize(self):
        raise NotImplementedError

    @property
    def is_materialized(self) -> bool:
        return False


def maybe_materialize(*arrays: Any, type_=MaterializableArray) -> tuple[Any, ...]:
    """Return ``arrays`` with each instance of ``type_`` replaced by its materialized data."""
    if len(arrays) == 1:  # the common call: no generator expression
        (x,) = arrays
        return (x.materialize() if isinstance(x, type_) else x,)
    return tuple([x.materialize() if isinstance(x, type_) else x for x in arrays])


def declared_shape(array) -> tuple:
    """A buffer's shape without resolving unknown dimensions of a virtual buffer (whose
    ``.shape`` would run its shape_generator or materialize it)."""
    if not isinstance(array, MaterializableArray):
        return array.shape  # a concrete array (a failed getattr would cost an exception)
    found = getattr(array, "declared_shape", None)
    return array.shape if found is None else found
