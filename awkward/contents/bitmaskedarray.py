"""BitMaskedArray: one mask bit per element (Arrow-style validity bitmaps)."""

from __future__ import annotations

from awkward._nplikes.shape import unknown_length
from awkward._nplikes.typetracer import MaybeNone
from awkward._util import UNSET
from awkward.contents._single_content import SingleContent
from awkward.contents.bytemaskedarray import ByteMaskedArray, check_bool, masked_list
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


def pack_bits(nplike, valid, lsb_order: bool):
    """IndexU8 of the booleans ``valid`` packed eight to a byte."""
    from awkward.index import IndexU8

    return IndexU8(nplike.packbits(valid, bitorder="little" if lsb_order else "big"), nplike=nplike)


def _check_length(length):
    if length is unknown_length:
        return length
    if isinstance(length, bool):
        raise TypeError(f"BitMaskedArray 'length' must be a non-negative integer, not {length!r}")
    try:
        out = length.__index__()
    except (AttributeError, TypeError):
        raise TypeError(
            f"BitMaskedArray 'length' must be a non-negative integer, not {length!r}"
        ) from None
    if out < 0:
        raise TypeError(f"BitMaskedArray 'length' must be a non-negative integer, not {length!r}")
    return out


class BitMaskedArray(SingleContent):
    """Element ``i`` is present when bit ``i`` of ``mask`` equals ``valid_when``.

    Bits are counted from the least significant end of each byte when ``lsb_order`` (Arrow),
    else from the most significant. ``length`` is explicit: the mask has ``ceil(length/8)``
    or more bytes."""

    __slots__ = ("_mask", "_content", "_valid_when", "_length", "_lsb_order", "_length_generator")

    is_option = True
    form_cls = FormClass("BitMaskedForm")
    _index_slots = ("_mask",)
    _flag_slots = ("_valid_when", "_lsb_order")

    def __init__(self, mask, content, valid_when, length, lsb_order, length_generator=None, *, parameters=None):
        from awkward.index import IndexU8

        self._check_index(mask, "BitMaskedArray", "mask", (IndexU8,))
        self._check_content(content, "BitMaskedArray")
        check_wrapped_content(content, "BitMaskedArray")
        valid_when = check_bool(valid_when, "BitMaskedArray", "valid_when")
        lsb_order = check_bool(lsb_order, "BitMaskedArray", "lsb_order")
        length = _check_length(length)
        if length_generator is not None and not callable(length_generator):
            raise TypeError("BitMaskedArray 'length_generator' must be callable or None")
        check_same_nplike(mask, content, "BitMaskedArray", "mask")
        if length is not unknown_length:
            nbytes = buffer_length(mask.data)
            if nbytes is not unknown_length and length > nbytes * 8:
                raise ValueError(
                    f"BitMaskedArray 'length' ({length}) must be <= len(mask) * 8 ({nbytes * 8})"
                )
            ncontent = content.length
            if ncontent is not unknown_length and length > ncontent:
                raise ValueError(
                    f"BitMaskedArray 'length' ({length}) must be <= len(content) ({ncontent})"
                )
        self._mask = mask
        self._content = content
        self._valid_when = valid_when
        self._length = length
        self._lsb_order = lsb_order
        self._length_generator = length_generator
        self._init(parameters, content.backend)

    @classmethod
    def simplified(cls, mask, content, valid_when, length, lsb_order, length_generator=None, *, parameters=None):
        """A BitMaskedArray, or (option/indexed/union content) the node it collapses into."""
        if isinstance(content, Content) and (content.is_option or content.is_indexed or content.is_union):
            from awkward.contents.indexedoptionarray import simplified_option

            plain = cls.__new__(cls)  # read the bits without the content checks
            plain._mask = mask
            plain._valid_when = check_bool(valid_when, "BitMaskedArray", "valid_when")
            plain._lsb_order = check_bool(lsb_order, "BitMaskedArray", "lsb_order")
            plain._length = _check_length(length)
            plain._length_generator = length_generator
            plain._backend = content.backend
            nplike = mask.nplike
            valid = plain._valid()
            if not content.is_union:
                return compose_valid(valid, content, parameters)
            outer = nplike.where(valid, nplike.arange(valid.shape[0], dtype=_int64()), -1)
            return simplified_option("BitMaskedArray", outer, nplike, content, parameters)
        return cls(mask, content, valid_when, length, lsb_order, length_generator, parameters=parameters)

    def copy(
        self,
        mask=UNSET,
        content=UNSET,
        valid_when=UNSET,
        length=UNSET,
        lsb_order=UNSET,
        length_generator=UNSET,
        *,
        parameters=UNSET,
    ):
        return BitMaskedArray(
            self._mask if mask is UNSET else mask,
            self._content if content is UNSET else content,
            self._valid_when if valid_when is UNSET else valid_when,
            self._length if length is UNSET else length,
            self._lsb_order if lsb_order is UNSET else lsb_order,
            self._length_generator if length_generator is UNSET else length_generator,
            parameters=self._parameters if parameters is UNSET else parameters,
        )

    def _new(self, mask, content, length, parameters, length_generator=None) -> BitMaskedArray:
        """Construct without validation; callers keeping this node's (unknown) length pass
        its ``_length_generator`` so the derived node can still resolve it."""
        out = BitMaskedArray.__new__(BitMaskedArray)
        out._mask = mask
        out._content = content
        out._valid_when = self._valid_when
        out._length = length
        out._lsb_order = self._lsb_order
        out._length_generator = length_generator
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
    def lsb_order(self) -> bool:
        return self._lsb_order

    @property
    def length(self):
        return self._length

    def _resolve_length(self) -> int:
        if self._length_generator is not None:
            return int(self._length_generator())
        raise TypeError("the length of this BitMaskedArray is unknown (no length_generator)")

    def _after_materialize(self):
        if self._length is unknown_length:
            self._length = self._resolve_length()
        self._length_generator = None
        return self

    # ------------------------------------------------------------------ conversions
    def _valid(self):
        """Boolean array of ``length``: True where the element is present (reads the mask)."""
        from awkward._nplikes.dtypes import int8, uint8

        nplike = self._mask.nplike
        (mask,) = concrete(self._mask.data)
        length = length_of(self)
        n_mask = mask.shape[0]  # (unknown on a typetracer: no check)
        if length is not unknown_length and n_mask is not unknown_length and length > n_mask * 8:
            raise ValueError(f"BitMaskedArray length ({length}) > len(mask) * 8 ({n_mask * 8})")
        nbytes = (length + 7) // 8
        bytemask = nplike.empty(nbytes * 8, dtype=int8)
        kernel = self._backend["awkward_BitMaskedArray_to_bytemask", int8, uint8]
        kernel(bytemask, mask[:nbytes], nbytes, self._valid_when, self._lsb_order)
        return bytemask[:length] != 0

    def mask_as_bool(self, valid_when=None):
        """One boolean per element: True means present when ``valid_when`` (default: this
        array's) is True, missing when it is False."""
        valid_when = self._valid_when if valid_when is None else valid_when
        valid = self._valid()
        return valid if valid_when else ~valid

    def to_ByteMaskedArray(self):
        from awkward._nplikes.dtypes import int8
        from awkward.index import Index8

        nplike = self._mask.nplike
        bytemask = nplike.astype(self.mask_as_bool(self._valid_when), int8)
        return ByteMaskedArray(
            Index8(bytemask, nplike=nplike),
            self._content._getitem_range(0, bytemask.shape[0]),
            self._valid_when,
            parameters=self._parameters,
        )

    def to_IndexedOptionArray64(self):
        return self.to_ByteMaskedArray().to_IndexedOptionArray64()

    def to_BitMaskedArray(self, valid_when, lsb_order):
        valid_when = check_bool(valid_when, "BitMaskedArray", "valid_when")
        lsb_order = check_bool(lsb_order, "BitMaskedArray", "lsb_order")
        if valid_when == self._valid_when and lsb_order == self._lsb_order:
            return self
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
        return self.to_ByteMaskedArray().project(mask)

    # ------------------------------------------------------------------ element access
    def _getitem_at(self, where: int):
        at = self._normalize_at(where)
        if at is unknown_length:  # typetracer (reads the mask, as the eager path does)
            concrete(self._mask.data)
            return MaybeNone(self._content._getitem_at(at))
        byte = index_int(self._mask, at // 8)
        if byte is unknown_length:
            return MaybeNone(self._content._getitem_at(at))
        bit = (byte >> (at % 8)) & 1 if self._lsb_order else (byte >> (7 - at % 8)) & 1
        if bool(bit) != self._valid_when:
            return None
        return self._content._getitem_at(at)

    def _getitem_range(self, start: int, stop: int) -> Content:
        if start is not unknown_length and start % 8 == 0:  # whole bytes: slice the mask lazily
            return self._new(
                self._mask[start // 8 : (stop + 7) // 8],
                self._content._getitem_range(start, stop),
                stop - start,
                self._parameters,
            )
        return self.to_ByteMaskedArray()._getitem_range(start, stop)

    def _getitem_field(self, where: str) -> Content:
        return self._wrap_projected(self._content._getitem_field(where))

    def _getitem_fields(self, where: list) -> Content:
        return self._wrap_projected(self._content._getitem_fields(where))

    def _wrap_projected(self, content) -> Content:
        # a record's field may itself be an option/indexed/union node: compose, never nest
        if needs_simplify(content):
            return BitMaskedArray.simplified(
                self._mask,
                content,
                self._valid_when,
                self._length,
                self._lsb_order,
                self._length_generator,
            )
        return self._new(self._mask, content, self._length, None, self._length_generator)

    def _carry(self, carry, allow_lazy: bool) -> Content:
        return self.to_ByteMaskedArray()._carry(carry, allow_lazy)

    # ------------------------------------------------------------------ whole-array operations
    def _to_list(self, behavior) -> list:
        valid = self._valid()
        values = self._content._getitem_range(0, len(valid))._to_list(behavior)
        return masked_list(values, valid.tolist())

    def _validity_error(self, path: str) -> str:
        length = len(self)
        nbits = len(self._mask.data) * 8
        if length > nbits:
            return self._validity_message(path, f"length ({length}) > len(mask) * 8 ({nbits})")
        ncontent = len(self._content)
        if length > ncontent:
            return self._validity_message(path, f"length ({length}) > len(content) ({ncontent})")
        return self._content._validity_error(path + ".content")

    def _to_packed(self, recursive: bool) -> Content:
        length = length_of(self)
        content = self._content._getitem_range(0, length)
        if recursive:
            content = content._to_packed(True)
        return self._new(self._mask[: (length + 7) // 8], content, length, self._parameters)


def _int64():
    from awkward._nplikes.dtypes import int64

    return int64
