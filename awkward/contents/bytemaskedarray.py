"""ByteMaskedArray: one mask byte per element says whether it is present or None."""

from __future__ import annotations

from awkward._nplikes.shape import unknown_length
from awkward._nplikes.typetracer import MaybeNone
from awkward._util import UNSET
from awkward.contents._single_content import SingleContent
from awkward.contents.content import (
    Content,
    FormClass,
    buffer_length,
    concrete,
    index_int,
    length_of,
)
from awkward.contents.indexedarray import (
    check_same_nplike,
    check_wrapped_content,
    compose_valid,
    needs_simplify,
)


def check_bool(value, cls_name: str, what: str) -> bool:
    if not isinstance(value, bool):
        if type(value).__name__ == "bool_":  # a numpy bool is a fine boolean too
            return bool(value)
        raise TypeError(f"{cls_name} {what!r} must be boolean, not {value!r}")
    return value


def masked_list(values: list, valid: list) -> list:
    """``values`` with None wherever ``valid`` is false (both of the same length)."""
    return [v if ok else None for v, ok in zip(values, valid)]


class ByteMaskedArray(SingleContent):
    """Element ``i`` is ``content[i]`` when ``(mask[i] != 0) == valid_when``, else None.

    ``len(mask)`` is the length; the content may be longer (the excess is unreachable)."""

    __slots__ = ("_mask", "_content", "_valid_when")

    is_option = True
    form_cls = FormClass("ByteMaskedForm")
    _index_slots = ("_mask",)
    _flag_slots = ("_valid_when",)

    def __init__(self, mask, content, valid_when, *, parameters=None):
        from awkward.index import Index8

        self._check_index(mask, "ByteMaskedArray", "mask", (Index8,))
        self._check_content(content, "ByteMaskedArray")
        check_wrapped_content(content, "ByteMaskedArray")
        valid_when = check_bool(valid_when, "ByteMaskedArray", "valid_when")
        check_same_nplike(mask, content, "ByteMaskedArray", "mask")
        nmask, ncontent = buffer_length(mask.data), content.length
        if nmask is not unknown_length and ncontent is not unknown_length and nmask > ncontent:
            raise ValueError(
                f"ByteMaskedArray len(mask) ({nmask}) must be <= len(content) ({ncontent})"
            )
        self._mask = mask
        self._content = content
        self._valid_when = valid_when
        self._init(parameters, content.backend)

    @classmethod
    def simplified(cls, mask, content, valid_when, *, parameters=None):
        """A ByteMaskedArray, or (option/indexed/union content) the node it collapses into."""
        from awkward.index import Index8

        if isinstance(content, Content) and (content.is_option or content.is_indexed or content.is_union):
            cls._check_index(mask, "ByteMaskedArray", "mask", (Index8,))
            valid_when = check_bool(valid_when, "ByteMaskedArray", "valid_when")
            from awkward.contents.indexedoptionarray import simplified_option

            nplike = mask.nplike
            (raw,) = concrete(mask.data)
            if not content.is_union:
                valid = (raw != 0) if valid_when else (raw == 0)
                return compose_valid(valid, content, parameters)
            outer = _mask_to_index(nplike, raw, valid_when)
            return simplified_option("ByteMaskedArray", outer, nplike, content, parameters)
        return cls(mask, content, valid_when, parameters=parameters)

    def copy(self, mask=UNSET, content=UNSET, valid_when=UNSET, *, parameters=UNSET):
        return ByteMaskedArray(
            self._mask if mask is UNSET else mask,
            self._content if content is UNSET else content,
            self._valid_when if valid_when is UNSET else valid_when,
            parameters=self._parameters if parameters is UNSET else parameters,
        )

    def _new(self, mask, content, parameters) -> ByteMaskedArray:
        out = ByteMaskedArray.__new__(ByteMaskedArray)
        out._mask = mask
        out._content = content
        out._valid_when = self._valid_when
        out._parameters = parameters
        out._backend = self._backend
        out._form_cache = None
        return out

    # ------------------------------------------------------------------ properties
    @property
    def mask(self):
        return self._mask

    @property
    def valid_when(self) -> bool:
        return self._valid_when

    @property
    def length(self):
        return buffer_length(self._mask.data)

    def _resolve_length(self) -> int:
        return len(self._mask.data)

    # ------------------------------------------------------------------ conversions
    def _valid(self):
        """Boolean array: True where the element is present (reads the mask)."""
        (mask,) = concrete(self._mask.data)
        return (mask != 0) if self._valid_when else (mask == 0)

    def mask_as_bool(self, valid_when=None):
        """The mask as booleans: True means present when ``valid_when`` (default: this
        array's) is True, missing when it is False."""
        valid_when = self._valid_when if valid_when is None else valid_when
        valid = self._valid()
        return valid if valid_when else ~valid

    def to_IndexedOptionArray64(self):
        from awkward.contents.indexedoptionarray import IndexedOptionArray
        from awkward.index import Index64

        nplike = self._mask.nplike
        (mask,) = concrete(self._mask.data)
        index = _mask_to_index(nplike, mask, self._valid_when, self._backend)
        return IndexedOptionArray(Index64(index, nplike=nplike), self._content, parameters=self._parameters)

    def to_ByteMaskedArray(self, valid_when):
        valid_when = check_bool(valid_when, "ByteMaskedArray", "valid_when")
        if valid_when == self._valid_when:
            return self
        from awkward._nplikes.dtypes import int8
        from awkward.index import Index8

        nplike = self._mask.nplike
        (mask,) = concrete(self._mask.data)
        flipped = nplike.astype(mask == 0, int8)
        return ByteMaskedArray(Index8(flipped, nplike=nplike), self._content, valid_when, parameters=self._parameters)

    def to_BitMaskedArray(self, valid_when, lsb_order):
        from awkward.contents.bitmaskedarray import BitMaskedArray, pack_bits

        valid_when = check_bool(valid_when, "ByteMaskedArray", "valid_when")
        lsb_order = check_bool(lsb_order, "ByteMaskedArray", "lsb_order")
        bits = self.mask_as_bool(valid_when)
        return BitMaskedArray(
            pack_bits(self._mask.nplike, bits, lsb_order),
            self._content,
            valid_when,
            len(bits),
            lsb_order,
            parameters=self._parameters,
        )

    def project(self, mask=None):
        """The present elements' content values (``mask``: Index8, nonzero = drop too)."""
        from awkward.index import Index64

        nplike = self._mask.nplike
        keep = self._valid()
        if mask is not None:
            (masked,) = concrete(mask.data)
            if len(masked) != len(keep):
                raise ValueError(
                    f"ByteMaskedArray.project: len(mask) ({len(masked)}) must equal len(array) ({len(keep)})"
                )
            keep = keep & (masked == 0)
        (where,) = nplike.nonzero(keep)
        return self._content._carry(Index64(nplike.astype(where, _int64()), nplike=nplike), False)

    # ------------------------------------------------------------------ element access
    def _getitem_at(self, where: int):
        at = self._normalize_at(where)
        flag = index_int(self._mask, at)
        if flag is unknown_length:  # typetracer: missing or the content's element (as awkward)
            return MaybeNone(self._content._getitem_at(at))
        if (flag != 0) != self._valid_when:
            return None
        return self._content._getitem_at(at)

    def _getitem_range(self, start: int, stop: int) -> Content:
        return self._new(self._mask[start:stop], self._content._getitem_range(start, stop), self._parameters)

    def _getitem_field(self, where: str) -> Content:
        return self._wrap_projected(self._content._getitem_field(where))

    def _getitem_fields(self, where: list) -> Content:
        return self._wrap_projected(self._content._getitem_fields(where))

    def _wrap_projected(self, content) -> Content:
        # a record's field may itself be an option/indexed/union node: compose, never nest
        if needs_simplify(content):
            return ByteMaskedArray.simplified(self._mask, content, self._valid_when)
        return self._new(self._mask, content, None)

    def _carry(self, carry, allow_lazy: bool) -> Content:
        from awkward.index import Index8

        mask, where = concrete(self._mask.data, carry.data)
        try:
            picked = mask[where]
        except IndexError as err:
            raise IndexError(f"ByteMaskedArray of length {len(mask)}: {err}") from None
        picked = Index8(picked, nplike=self._mask.nplike)
        content = self._content._carry(carry, allow_lazy)
        if needs_simplify(content):  # a lazy carry of a record is an IndexedArray: compose
            return ByteMaskedArray.simplified(
                picked, content, self._valid_when, parameters=self._parameters
            )
        return self._new(picked, content, self._parameters)

    # ------------------------------------------------------------------ whole-array operations
    def _to_list(self, behavior) -> list:
        valid = self._valid()
        values = self._content._getitem_range(0, len(valid))._to_list(behavior)
        return masked_list(values, valid.tolist())

    def _validity_error(self, path: str) -> str:
        nmask, ncontent = len(self._mask.data), len(self._content)
        if nmask > ncontent:
            return self._validity_message(path, f"len(mask) ({nmask}) > len(content) ({ncontent})")
        return self._content._validity_error(path + ".content")

    def _to_packed(self, recursive: bool) -> Content:
        content = self._content._getitem_range(0, length_of(self))
        if recursive:
            content = content._to_packed(True)
        return self._new(self._mask, content, self._parameters)


def _int64():
    from awkward._nplikes.dtypes import int64

    return int64


def _mask_to_index(nplike, mask, valid_when, backend=None):
    """int64 index: i where element i is present, -1 where it is missing (kernel on the cpu)."""
    from awkward._nplikes.dtypes import int8

    if backend is not None and mask.dtype == int8:
        out = nplike.empty(mask.shape[0], dtype=_int64())
        backend["awkward_ByteMaskedArray_to_index", _int64(), int8](out, mask, mask.shape[0], valid_when)
        return out
    valid = (mask != 0) if valid_when else (mask == 0)
    return nplike.where(valid, nplike.arange(mask.shape[0], dtype=_int64()), -1)
