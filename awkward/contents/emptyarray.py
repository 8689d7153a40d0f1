"""EmptyArray: a length-0 array of unknown type."""

from __future__ import annotations

from awkward._nplikes.shape import unknown_length
from awkward._util import UNSET
from awkward.contents.content import Content, FormClass


class EmptyArray(Content):
    """An array with no elements whose type is not known yet (``unknown`` in type strings)."""

    __slots__ = ()

    is_unknown = True
    is_leaf = True
    form_cls = FormClass("EmptyForm")

    def __init__(self, *, parameters=None, backend=None):
        if parameters:
            raise TypeError(f"{type(self).__name__} cannot contain parameters, got {parameters!r}")
        from awkward._backends import regularize_backend

        backend = regularize_backend("cpu" if backend is None else backend)
        self._init(None, backend)

    @classmethod
    def simplified(cls, *, parameters=None, backend=None):
        return cls(parameters=parameters, backend=backend)

    def copy(self, *, parameters=UNSET, backend=UNSET):
        return EmptyArray(
            parameters=None if parameters is UNSET else parameters,
            backend=self._backend if backend is UNSET else backend,
        )

    @property
    def length(self) -> int:
        return 0

    def _build_form(self, getkey):
        return self.form_cls(form_key=self._key_of(self, getkey))

    def to_NumpyArray(self, dtype, backend=None):
        """A length-0 NumpyArray of ``dtype``."""
        from awkward._backends import regularize_backend
        from awkward.contents.numpyarray import NumpyArray

        backend = self._backend if backend is None else regularize_backend(backend)
        return NumpyArray(backend.nplike.empty(0, dtype=dtype), backend=backend)

    def _getitem_at(self, where: int):
        raise IndexError(f"index {where} is out of bounds for an EmptyArray (length 0)")

    def _getitem_range(self, start: int, stop: int) -> Content:
        return self

    def _carry(self, carry, allow_lazy: bool) -> Content:
        length = carry.length
        if length is unknown_length:
            if not carry.nplike.known_data:  # typetracer: a valid carry of nothing is empty
                return self
            length = len(carry.data)
        if length == 0:
            return self
        raise IndexError("cannot take elements of an EmptyArray: it has none")

    def _to_list(self, behavior) -> list:
        return []

    def _to_packed(self, recursive: bool) -> Content:
        return self

    def _repr(self, indent: str, pre: str, post: str) -> str:
        return f"{indent}{pre}<EmptyArray len='0'/>{post}"
