"""UnmaskedArray: an option type whose elements are all present (no buffer of its own)."""

from __future__ import annotations

from awkward._parameters import parameters_union
from awkward._util import UNSET
from awkward.contents._single_content import SingleContent
from awkward.contents.content import Content, FormClass, length_of
from awkward.contents.indexedarray import needs_simplify


class UnmaskedArray(SingleContent):
    """Option-typed view of ``content`` with no missing values."""

    __slots__ = ("_content",)

    is_option = True
    form_cls = FormClass("UnmaskedForm")

    def __init__(self, content, *, parameters=None):
        from awkward.contents.indexedarray import check_wrapped_content

        self._check_content(content, "UnmaskedArray")
        check_wrapped_content(content, "UnmaskedArray")
        self._content = content
        self._init(parameters, content.backend)

    @classmethod
    def simplified(cls, content, *, parameters=None):
        """An UnmaskedArray; an option/indexed content is merged into one node and a union
        content takes the option inside itself."""
        if isinstance(content, Content):
            if isinstance(content, UnmaskedArray):
                return UnmaskedArray(content._content, parameters=parameters_union(content._parameters, parameters))
            if content.is_option or content.is_indexed or content.is_union:
                from awkward.contents.indexedoptionarray import simplified_option

                nplike = content.backend.index_nplike
                return simplified_option("UnmaskedArray", None, nplike, content, parameters)
        return cls(content, parameters=parameters)

    def copy(self, content=UNSET, *, parameters=UNSET):
        return UnmaskedArray(
            self._content if content is UNSET else content,
            parameters=self._parameters if parameters is UNSET else parameters,
        )

    def _new(self, content, parameters) -> UnmaskedArray:
        out = UnmaskedArray.__new__(UnmaskedArray)
        out._content = content
        out._parameters = parameters
        out._backend = self._backend
        out._form_cache = None
        return out

    # ------------------------------------------------------------------ properties
    @property
    def length(self):
        return self._content.length

    def _resolve_length(self) -> int:
        return len(self._content)

    # ------------------------------------------------------------------ conversions
    def mask_as_bool(self, valid_when: bool = True):
        from awkward._nplikes.dtypes import bool_

        nplike = self._backend.index_nplike
        length = length_of(self)
        return nplike.ones(length, dtype=bool_) if valid_when else nplike.zeros(length, dtype=bool_)

    def to_IndexedOptionArray64(self):
        from awkward._nplikes.dtypes import int64
        from awkward.contents.indexedoptionarray import IndexedOptionArray
        from awkward.index import Index64

        nplike = self._backend.index_nplike
        index = Index64(nplike.arange(length_of(self), dtype=int64), nplike=nplike)
        return IndexedOptionArray(index, self._content, parameters=self._parameters)

    def to_ByteMaskedArray(self, valid_when):
        from awkward._nplikes.dtypes import int8
        from awkward.contents.bytemaskedarray import ByteMaskedArray, check_bool
        from awkward.index import Index8

        valid_when = check_bool(valid_when, "UnmaskedArray", "valid_when")
        nplike = self._backend.index_nplike
        mask = nplike.full(len(self), 1 if valid_when else 0, dtype=int8)
        return ByteMaskedArray(Index8(mask, nplike=nplike), self._content, valid_when, parameters=self._parameters)

    def to_BitMaskedArray(self, valid_when, lsb_order):
        """Every bit (also the padding past the length) says "present"."""
        from awkward._nplikes.dtypes import uint8
        from awkward.contents.bitmaskedarray import BitMaskedArray
        from awkward.contents.bytemaskedarray import check_bool
        from awkward.index import IndexU8

        valid_when = check_bool(valid_when, "UnmaskedArray", "valid_when")
        nplike = self._backend.index_nplike
        length = len(self)
        mask = nplike.full((length + 7) // 8, 255 if valid_when else 0, dtype=uint8)
        return BitMaskedArray(
            IndexU8(mask, nplike=nplike), self._content, valid_when, length, lsb_order, parameters=self._parameters
        )

    def project(self, mask=None):
        """The content (``mask``: Index8, nonzero = drop that element)."""
        if mask is None:
            return self._content
        from awkward.contents.content import concrete
        from awkward.index import Index64

        nplike = self._backend.index_nplike
        (masked,) = concrete(mask.data)
        if len(masked) != len(self):
            raise ValueError(
                f"UnmaskedArray.project: len(mask) ({len(masked)}) must equal len(array) ({len(self)})"
            )
        (where,) = nplike.nonzero(masked == 0)
        from awkward._nplikes.dtypes import int64

        return self._content._carry(Index64(nplike.astype(where, int64), nplike=nplike), False)

    # ------------------------------------------------------------------ element access
    def _getitem_at(self, where: int):
        return self._content._getitem_at(where)

    def _getitem_range(self, start: int, stop: int) -> Content:
        return self._new(self._content._getitem_range(start, stop), self._parameters)

    def _getitem_field(self, where: str) -> Content:
        return self._wrap_projected(self._content._getitem_field(where))

    def _getitem_fields(self, where: list) -> Content:
        return self._wrap_projected(self._content._getitem_fields(where))

    def _wrap_projected(self, content) -> Content:
        # a record's field may itself be an option/indexed/union node: compose, never nest
        if needs_simplify(content):
            return UnmaskedArray.simplified(content)
        return self._new(content, None)

    def _carry(self, carry, allow_lazy: bool) -> Content:
        content = self._content._carry(carry, allow_lazy)
        if needs_simplify(content):  # a lazy carry of a record is an IndexedArray: compose
            return UnmaskedArray.simplified(content, parameters=self._parameters)
        return self._new(content, self._parameters)

    # ------------------------------------------------------------------ whole-array operations
    def _to_list(self, behavior) -> list:
        return self._content._to_list(behavior)

    def _validity_error(self, path: str) -> str:
        return self._content._validity_error(path + ".content")

    def _to_packed(self, recursive: bool) -> Content:
        content = self._content._to_packed(True) if recursive else self._content
        return self._new(content, self._parameters)
