"""ListArray: variable-length lists given by separate starts and stops buffers."""

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
    is_true,
    length_of,
)
from awkward.contents.listoffsetarray import _OFFSETS_CLASSES
from awkward.contents.strings import ranges_to_python


class ListArray(SingleContent):
    """Element ``i`` is ``content[starts[i]:stops[i]]``; ``len(stops) >= len(starts)``."""

    __slots__ = ("_starts", "_stops", "_content")

    is_list = True
    form_cls = FormClass("ListForm")
    _index_slots = ("_starts", "_stops")

    def __init__(self, starts, stops, content, *, parameters=None):
        allowed = _OFFSETS_CLASSES
        self._check_index(starts, "ListArray", "starts", allowed)
        self._check_index(stops, "ListArray", "stops", allowed)
        if type(starts) is not type(stops):
            raise TypeError(
                f"ListArray starts and stops must have the same dtype, not "
                f"{starts.dtype} (starts) and {stops.dtype} (stops)"
            )
        self._check_content(content, "ListArray")
        nstarts, nstops = buffer_length(starts.data), buffer_length(stops.data)
        if nstarts is not unknown_length and nstops is not unknown_length and nstops < nstarts:
            raise ValueError(
                f"ListArray len(starts) ({nstarts}) must be <= len(stops) ({nstops})"
            )
        if starts.nplike is not content.backend.index_nplike:
            raise TypeError(
                f"ListArray starts belong to {starts.nplike!r} but the content's backend is "
                f"{content.backend.name!r}; move them with ak.to_backend"
            )
        self._starts = starts
        self._stops = stops
        self._content = content
        self._init(parameters, content.backend)

    @classmethod
    def simplified(cls, starts, stops, content, *, parameters=None):
        return cls(starts, stops, content, parameters=parameters)

    def copy(self, starts=UNSET, stops=UNSET, content=UNSET, *, parameters=UNSET):
        if (
            starts is UNSET
            and stops is UNSET
            and (content is UNSET or (isinstance(content, Content) and content._backend is self._backend))
        ):
            # a new content on the same backend: only the parameters are left to check
            out = ListArray.__new__(ListArray)
            out._starts = self._starts
            out._stops = self._stops
            out._content = self._content if content is UNSET else content
            out._init(self._parameters if parameters is UNSET else parameters, self._backend)
            return out
        return ListArray(
            self._starts if starts is UNSET else starts,
            self._stops if stops is UNSET else stops,
            self._content if content is UNSET else content,
            parameters=self._parameters if parameters is UNSET else parameters,
        )

    def _new(self, starts, stops, content, parameters) -> ListArray:
        out = ListArray.__new__(ListArray)
        out._starts = starts
        out._stops = stops
        out._content = content
        out._parameters = parameters
        out._backend = self._backend
        out._form_cache = None
        return out

    # ------------------------------------------------------------------ properties
    @property
    def starts(self):
        return self._starts

    @property
    def stops(self):
        return self._stops

    @property
    def length(self):
        return buffer_length(self._starts.data)

    def _resolve_length(self) -> int:
        return len(self._starts.data)

    # ------------------------------------------------------------------ conversions
    def to_ListOffsetArray64(self, start_at_zero: bool = False):
        """Offsets for the same lists: reuses the content (lazily sliced) when the lists are
        contiguous (``stops[i] == starts[i+1]``), otherwise carries the content compactly."""
        from awkward._nplikes.dtypes import int64
        from awkward.contents.listoffsetarray import ListOffsetArray
        from awkward.index import Index64

        nplike = self._starts.nplike
        length = length_of(self)
        starts, stops = concrete(self._starts.data, self._stops.data)
        starts = nplike.astype(starts[:length], int64)
        stops = nplike.astype(stops[:length], int64)
        if length is not unknown_length and length == 0:
            offsets = nplike.zeros(1, dtype=int64)
            return ListOffsetArray(
                Index64(offsets, nplike=nplike), self._content._getitem_range(0, 0),
                parameters=self._parameters,
            )
        if is_true(nplike.all(starts[1:] == stops[:-1])) and is_true(nplike.all(stops >= starts)):
            offsets = nplike.concat([starts[:1], stops])
            out = ListOffsetArray(Index64(offsets, nplike=nplike), self._content, parameters=self._parameters)
            return out.to_ListOffsetArray64(True) if start_at_zero else out
        counts = stops - starts
        if is_true(nplike.any(counts < 0)):
            raise ValueError("ListArray has stops[i] < starts[i]; it is not valid")
        offsets = nplike.concat([nplike.zeros(1, dtype=int64), nplike.cumsum(counts)])
        total = as_length(offsets[-1])
        # nextcarry[k] = starts[i] + (k - offsets[i]) for k in list i
        shift = nplike.repeat(starts - offsets[:-1], counts)
        nextcarry = nplike.arange(total, dtype=int64) + shift
        content = self._content._carry(Index64(nextcarry, nplike=nplike), False)
        return ListOffsetArray(Index64(offsets, nplike=nplike), content, parameters=self._parameters)

    def to_RegularArray(self):
        return self.to_ListOffsetArray64(True).to_RegularArray()

    # ------------------------------------------------------------------ element access
    def _getitem_at(self, where: int):
        at = self._normalize_at(where)
        starts, stops = concrete(self._starts.data, self._stops.data)
        return self._content._getitem_range(as_length(starts[at]), as_length(stops[at]))

    def _getitem_range(self, start: int, stop: int) -> Content:
        return self._new(
            self._starts[start:stop], self._stops[start:stop], self._content, self._parameters
        )

    def _getitem_field(self, where: str) -> Content:
        return self._new(self._starts, self._stops, self._content._getitem_field(where), None)

    def _getitem_fields(self, where: list) -> Content:
        return self._new(self._starts, self._stops, self._content._getitem_fields(where), None)

    def _carry(self, carry, allow_lazy: bool) -> Content:
        starts, stops, where = concrete(self._starts.data, self._stops.data, carry.data)
        nplike = self._starts.nplike
        index_cls = type(self._starts)
        length = starts.shape[0]
        try:
            new_starts = starts[where]
            new_stops = stops[:length][where]
        except IndexError as err:
            raise IndexError(f"ListArray of length {length}: {err}") from None
        return self._new(
            index_cls(new_starts, nplike=nplike),
            index_cls(new_stops, nplike=nplike),
            self._content,
            self._parameters,
        )

    # ------------------------------------------------------------------ whole-array operations
    def _to_list(self, behavior) -> list:
        starts, stops = concrete(self._starts.data, self._stops.data)
        length = len(starts)
        return ranges_to_python(
            self, self._content, starts.tolist(), stops[:length].tolist(), behavior
        )

    def _validity_error(self, path: str) -> str:
        starts, stops = concrete(self._starts.data, self._stops.data)
        if len(stops) < len(starts):
            return self._validity_message(path, "len(stops) < len(starts)")
        kernel = self._backend["awkward_ListArray_validity", starts.dtype, stops.dtype]
        try:
            kernel(starts, stops, len(starts), len(self._content))
        except ValueError as err:
            return self._validity_message(path, str(err))
        return self._content._validity_error(path + ".content")

    def _to_packed(self, recursive: bool) -> Content:
        out = self.to_ListOffsetArray64(True)
        return out._to_packed(recursive)
