"""ListOffsetArray: variable-length lists given by one offsets buffer."""

from __future__ import annotations

from awkward._nplikes.shape import unknown_length
from awkward._util import UNSET
from awkward.contents._single_content import SingleContent
from awkward.contents.content import (
    Content,
    FormClass,
    as_length,
    buffer_length,
    concrete,
    index_int,
)
from awkward.contents.strings import list_items_to_python
from awkward.index import Index32, Index64, IndexU32

_OFFSETS_CLASSES = (Index32, IndexU32, Index64)


class ListOffsetArray(SingleContent):
    """Element ``i`` is ``content[offsets[i]:offsets[i+1]]``; ``len(offsets) == length + 1``."""

    __slots__ = ("_offsets", "_content")

    is_list = True
    form_cls = FormClass("ListOffsetForm")
    _index_slots = ("_offsets",)

    def __init__(self, offsets, content, *, parameters=None):
        self._check_index(offsets, "ListOffsetArray", "offsets", _OFFSETS_CLASSES)
        self._check_content(content, "ListOffsetArray")
        length = buffer_length(offsets.data)
        if length is not unknown_length and length == 0:
            raise ValueError("ListOffsetArray len(offsets) must be >= 1, got an empty offsets Index")
        if offsets.nplike is not content.backend.index_nplike:
            raise TypeError(
                f"ListOffsetArray offsets belong to {offsets.nplike!r} but the content's backend "
                f"is {content.backend.name!r}; move them with ak.to_backend"
            )
        self._offsets = offsets
        self._content = content
        self._init(parameters, content.backend)

    @classmethod
    def _from_checked(cls, offsets, content, parameters) -> ListOffsetArray:
        """For callers that already know what __init__ checks (ak.from_buffers, whose buffers
        were fitted to the form): an allowed Index class, at least one offset, and offsets on
        the content's backend."""
        out = cls.__new__(cls)
        out._offsets = offsets
        out._content = content
        out._init(parameters, content.backend)
        return out

    @classmethod
    def simplified(cls, offsets, content, *, parameters=None):
        return cls(offsets, content, parameters=parameters)

    def copy(self, offsets=UNSET, content=UNSET, *, parameters=UNSET):
        if offsets is UNSET and (
            content is UNSET or (isinstance(content, Content) and content._backend is self._backend)
        ):
            # the same offsets around a content on the same backend: only the parameters are
            # left to check
            return ListOffsetArray._from_checked(
                self._offsets,
                self._content if content is UNSET else content,
                self._parameters if parameters is UNSET else parameters,
            )
        return ListOffsetArray(
            self._offsets if offsets is UNSET else offsets,
            self._content if content is UNSET else content,
            parameters=self._parameters if parameters is UNSET else parameters,
        )

    def _new(self, offsets, content, parameters) -> ListOffsetArray:
        """Construct without validation (arguments come from a valid node)."""
        out = ListOffsetArray.__new__(ListOffsetArray)
        out._offsets = offsets
        out._content = content
        out._parameters = parameters
        out._backend = self._backend
        out._form_cache = None
        return out

    # ------------------------------------------------------------------ properties
    @property
    def offsets(self):
        return self._offsets

    @property
    def starts(self):
        return self._offsets[:-1]

    @property
    def stops(self):
        return self._offsets[1:]

    @property
    def length(self):
        length = buffer_length(self._offsets.data)
        return unknown_length if length is unknown_length else length - 1

    def _resolve_length(self) -> int:
        return len(self._offsets.data) - 1

    # ------------------------------------------------------------------ conversions
    def to_ListOffsetArray64(self, start_at_zero: bool = False) -> ListOffsetArray:
        from awkward.index import Index64

        offsets = self._offsets
        if start_at_zero:
            first = index_int(offsets, 0)
            if first is unknown_length or first != 0:
                (data,) = concrete(offsets.data)
                nplike = offsets.nplike
                from awkward._nplikes.dtypes import int64

                shifted = nplike.astype(data, int64) - first
                last = as_length(shifted[-1])
                return self._new(
                    Index64(shifted, nplike=nplike),
                    self._content._getitem_range(first, first + last),
                    self._parameters,
                )
        if isinstance(offsets, Index64):
            return self
        return self._new(offsets.to64(), self._content, self._parameters)

    def to_RegularArray(self):
        """A RegularArray when every list has the same length (reads offsets), else ValueError."""
        from awkward.contents.regulararray import RegularArray

        (data,) = concrete(self._offsets.data)
        nplike = self._offsets.nplike
        if not nplike.known_data:
            # a tracer: the size is in the data, so (as 2.14) a RegularArray of unknown size;
            # the check that every list has that size reads the offsets
            counts = data[1:] - data[:-1]
            nplike.all(counts == counts[0])
            first = as_length(data[0])
            return RegularArray(
                self._content._getitem_range(first, first + unknown_length),
                unknown_length,
                parameters=self._parameters,
            )
        length = len(data) - 1
        if length == 0:
            return RegularArray(self._content._getitem_range(0, 0), 0, 0, parameters=self._parameters)
        counts = data[1:] - data[:-1]
        size = int(counts[0])
        if not bool(nplike.all(counts == size)):
            raise ValueError(
                "cannot convert a ListOffsetArray to a RegularArray: its lists have different lengths"
            )
        first = int(data[0])
        return RegularArray(
            self._content._getitem_range(first, first + size * length),
            size,
            length,
            parameters=self._parameters,
        )

    # ------------------------------------------------------------------ element access
    def _getitem_at(self, where: int):
        at = self._normalize_at(where)
        (data,) = concrete(self._offsets.data)
        return self._content._getitem_range(as_length(data[at]), as_length(data[at + 1]))

    def _getitem_range(self, start: int, stop: int) -> Content:
        return self._new(self._offsets[start : stop + 1], self._content, self._parameters)

    def _getitem_field(self, where: str) -> Content:
        return self._new(self._offsets, self._content._getitem_field(where), None)

    def _getitem_fields(self, where: list) -> Content:
        return self._new(self._offsets, self._content._getitem_fields(where), None)

    def _carry(self, carry, allow_lazy: bool) -> Content:
        from awkward.contents.listarray import ListArray

        offsets, where = concrete(self._offsets.data, carry.data)
        nplike = self._offsets.nplike
        index_cls = type(self._offsets)
        try:
            starts = offsets[:-1][where]
            stops = offsets[1:][where]
        except IndexError as err:
            raise IndexError(f"ListOffsetArray of length {len(offsets) - 1}: {err}") from None
        return ListArray(
            index_cls(starts, nplike=nplike),
            index_cls(stops, nplike=nplike),
            self._content,
            parameters=self._parameters,
        )

    # ------------------------------------------------------------------ whole-array operations
    def _to_list(self, behavior) -> list:
        (data,) = concrete(self._offsets.data)
        offsets = data.tolist()
        first, last = offsets[0], offsets[-1]
        content = self._content._getitem_range(first, last)
        return list_items_to_python(self, content, offsets, first, behavior)

    def _validity_error(self, path: str) -> str:
        offsets = self._offsets
        if len(offsets) < 1:
            return self._validity_message(path, "len(offsets) < 1")
        (data,) = concrete(offsets.data)
        kernel = self._backend["awkward_ListArray_validity", data.dtype, data.dtype]
        try:
            kernel(data[:-1], data[1:], len(data) - 1, len(self._content))
        except ValueError as err:
            return self._validity_message(path, str(err))
        return self._content._validity_error(path + ".content")

    def _to_packed(self, recursive: bool) -> Content:
        first = index_int(self._offsets, 0)
        # int64 offsets whatever the data, as 2.14 (so a tracer knows the form)
        packed = self.to_ListOffsetArray64(first is unknown_length or first != 0)
        content = packed._content._getitem_range(0, index_int(packed._offsets, -1))
        if recursive:
            content = content._to_packed(True)
        return self._new(packed._offsets, content, self._parameters)
