"""RegularArray: lists that all have the same length ``size``."""

from __future__ import annotations

from awkward._nplikes.shape import unknown_length
from awkward._util import UNSET
from awkward.contents._single_content import SingleContent
from awkward.contents.content import Content, FormClass, concrete, length_of
from awkward.contents.strings import list_items_to_python


def _check_nonnegative_int(value, cls_name: str, what: str) -> int:
    try:
        out = value.__index__()
    except (AttributeError, TypeError):
        raise TypeError(
            f"{cls_name} {what!r} must be a non-negative integer, not {type(value).__name__}"
        ) from None
    if out < 0:
        raise ValueError(f"{cls_name} {what!r} must be a non-negative integer, not {out}")
    return out


class RegularArray(SingleContent):
    """Each element is ``content[i*size:(i+1)*size]``; with size 0 the length is ``zeros_length``.

    No Index slots: ``size`` is an int that the form takes after the content, that equality
    compares and that the repr shows as ``size='N'``, so form, equality and repr stay here;
    ``zeros_length`` is only this node's length (not in the form, equality or repr)."""

    __slots__ = ("_content", "_size", "_zeros_length", "_zeros_length_generator")

    is_list = True
    is_regular = True
    form_cls = FormClass("RegularForm")

    def __init__(self, content, size, zeros_length=0, zeros_length_generator=None, *, parameters=None):
        self._check_content(content, "RegularArray")
        if size is not unknown_length:  # unknown: a tracer's to_regular (as 2.14)
            size = _check_nonnegative_int(size, "RegularArray", "size")
        if zeros_length is not unknown_length:
            zeros_length = _check_nonnegative_int(zeros_length, "RegularArray", "zeros_length")
        if zeros_length_generator is not None and not callable(zeros_length_generator):
            raise TypeError("RegularArray 'zeros_length_generator' must be callable or None")
        self._content = content
        self._size = size
        self._zeros_length = zeros_length
        self._zeros_length_generator = zeros_length_generator
        self._init(parameters, content.backend)

    @classmethod
    def simplified(cls, content, size, zeros_length=0, zeros_length_generator=None, *, parameters=None):
        return cls(content, size, zeros_length, zeros_length_generator, parameters=parameters)

    def copy(
        self,
        content=UNSET,
        size=UNSET,
        zeros_length=UNSET,
        zeros_length_generator=UNSET,
        *,
        parameters=UNSET,
    ):
        return RegularArray(
            self._content if content is UNSET else content,
            self._size if size is UNSET else size,
            self._zeros_length if zeros_length is UNSET else zeros_length,
            self._zeros_length_generator
            if zeros_length_generator is UNSET
            else zeros_length_generator,
            parameters=self._parameters if parameters is UNSET else parameters,
        )

    # ------------------------------------------------------------------ properties
    @property
    def size(self) -> int:
        return self._size

    @property
    def zeros_length(self):
        return self._zeros_length

    @property
    def length(self):
        if self._size is unknown_length:
            return unknown_length
        if self._size == 0:
            return self._zeros_length
        content_length = self._content.length
        if content_length is unknown_length:
            return unknown_length
        return content_length // self._size

    def _resolve_length(self) -> int:
        if self._size is unknown_length:
            raise TypeError("the length of this typetracer array is unknown")
        if self._size == 0:
            if self._zeros_length_generator is not None:
                return int(self._zeros_length_generator())
            raise TypeError("the length of this RegularArray (size 0) is unknown")
        return len(self._content) // self._size

    @property
    def offsets(self):
        """Index64 offsets equivalent to this array's lists (0, size, 2*size, ...)."""
        from awkward._nplikes.dtypes import int64
        from awkward.index import Index64

        nplike = self._backend.index_nplike
        length = length_of(self)
        if self._size is not unknown_length and self._size == 0:
            return Index64(nplike.zeros(length + 1, dtype=int64), nplike=nplike)
        stop = (length + 1) * self._size
        return Index64(nplike.arange(0, stop, self._size, dtype=int64), nplike=nplike)

    @property
    def starts(self):
        return self.offsets[:-1]

    @property
    def stops(self):
        return self.offsets[1:]

    def _build_form(self, getkey):
        key = self._key_of(self, getkey)
        return self.form_cls(
            self._content._form_with_key(getkey),
            self._size,
            parameters=self._parameters,
            form_key=key,
        )

    def _is_equal_to_attributes(self, other) -> bool:
        if self._size is unknown_length or other._size is unknown_length:
            return self._size is other._size
        return self._size == other._size

    def _after_materialize(self):
        if self._zeros_length is unknown_length and self._size is not unknown_length and self._size == 0:
            self._zeros_length = self._resolve_length()
        self._zeros_length_generator = None
        return self

    # ------------------------------------------------------------------ conversions
    def to_RegularArray(self):
        return self

    def to_ListOffsetArray64(self, start_at_zero: bool = False):
        from awkward.contents.listoffsetarray import ListOffsetArray

        return ListOffsetArray(self.offsets, self._content, parameters=self._parameters)

    def maybe_to_NumpyArray(self):
        """A NumpyArray with one more inner dimension, when the content is numeric and this
        node has no parameters; otherwise None."""
        if self._parameters:
            return None
        content = self._content
        if not content.is_numpy:
            content = content.maybe_to_NumpyArray() if hasattr(content, "maybe_to_NumpyArray") else None
            if content is None or not content.is_numpy:
                return None
        length = length_of(self)
        trimmed = content._getitem_range(0, length * self._size).to_contiguous()
        nplike = self._backend.nplike
        data = nplike.reshape(trimmed.data, (length, self._size, *trimmed.inner_shape))
        return trimmed._with_data(data)

    # ------------------------------------------------------------------ element access
    def _getitem_at(self, where: int):
        at = self._normalize_at(where)
        return self._content._getitem_range(at * self._size, (at + 1) * self._size)

    def _getitem_range(self, start: int, stop: int) -> Content:
        size = self._size
        # (0 * an unknown size is 0: a BitMaskedArray content keeps its bits)
        first = 0 if start is not unknown_length and start == 0 else start * size
        return RegularArray(
            self._content._getitem_range(first, stop * size),
            size,
            stop - start,
            parameters=self._parameters,
        )

    def _getitem_field(self, where: str) -> Content:
        return self.copy(self._content._getitem_field(where), parameters=None)

    def _getitem_fields(self, where: list) -> Content:
        return self.copy(self._content._getitem_fields(where), parameters=None)

    def _carry(self, carry, allow_lazy: bool) -> Content:
        from awkward._nplikes.dtypes import int64
        from awkward.index import Index64

        nplike = self._backend.index_nplike
        (where,) = concrete(carry.data)
        length = len(self) if nplike.known_data else unknown_length
        if length is not unknown_length and len(where) and (int(nplike.max(where)) >= length or int(nplike.min(where)) < -length):
            raise IndexError(f"carry index out of range for RegularArray of length {length}")
        where = nplike.astype(where, int64)
        where = nplike.where(where < 0, where + length, where)
        size = self._size
        nextcarry = nplike.reshape(
            nplike.reshape(where * size, (where.shape[0], 1)) + nplike.arange(size, dtype=int64), (-1,)
        )
        return RegularArray(
            self._content._carry(Index64(nextcarry, nplike=nplike), allow_lazy),
            size,
            where.shape[0],
            parameters=self._parameters,
        )

    # ------------------------------------------------------------------ whole-array operations
    def _to_list(self, behavior) -> list:
        length, size = len(self), self._size
        content = self._content._getitem_range(0, length * size)
        offsets = range(0, (length + 1) * size, size) if size else [0] * (length + 1)
        return list_items_to_python(self, content, offsets, 0, behavior)

    def _validity_error(self, path: str) -> str:
        if self._size is not unknown_length and self._size < 0:
            return self._validity_message(path, "size < 0")
        return self._content._validity_error(path + ".content")

    def _to_packed(self, recursive: bool) -> Content:
        length = length_of(self)  # resolved: a size-0 node of unknown length keeps no generator here
        content = self._content._getitem_range(0, length * self._size)
        if recursive:
            content = content._to_packed(True)
        return RegularArray(content, self._size, length, parameters=self._parameters)

    def _repr(self, indent: str, pre: str, post: str) -> str:
        return (
            f"{indent}{pre}<RegularArray size='{self._size}' len={self._repr_length()!r}>\n"
            f"{self._repr_parameters(indent)}"
            f"{self._content._repr(indent + '    ', '<content>', '</content>')}\n"
            f"{indent}</RegularArray>{post}"
        )
