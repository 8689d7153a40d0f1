"""IndexedArray: a lazy gather, element ``i`` is ``content[index[i]]``.

Also home of the helpers shared by the option-type and indexed nodes (content checks,
composing an outer index with an inner option/indexed node)."""

from __future__ import annotations

from awkward._nplikes.dtypes import int64
from awkward._nplikes.identity import is_identity_index
from awkward._parameters import parameters_union
from awkward._util import UNSET
from awkward.contents._single_content import SingleContent
from awkward.contents.content import (
    Content,
    FormClass,
    buffer_length,
    concrete,
    index_int,
    maybe_nonempty,
    unknown_length,
)
from awkward.index import Index32, Index64, IndexU32

_INDEX_CLASSES = (Index32, IndexU32, Index64)


def _index_classes():
    return _INDEX_CLASSES


def is_categorical(parameters) -> bool:
    return bool(parameters) and parameters.get("__array__") == "categorical"


def check_wrapped_content(content, cls_name: str, *, allow_union: bool = False) -> None:
    """Option and indexed nodes may not wrap an option, an indexed node or (unless told) a
    union directly: ``simplified`` merges such nestings into one node."""
    if content.is_option or content.is_indexed or (content.is_union and not allow_union):
        raise TypeError(
            f"{cls_name} cannot contain a union-type, option-type, or indexed 'content' "
            f"({type(content).__name__}); try {cls_name}.simplified instead"
        )


def needs_simplify(content) -> bool:
    """True when an option/indexed node may not wrap ``content`` directly (field projections
    of a record whose field is such a node go through ``simplified``)."""
    return content.is_option or content.is_indexed or content.is_union


def check_same_nplike(index, content, cls_name: str, what: str) -> None:
    if index.nplike is not content.backend.index_nplike:
        raise TypeError(
            f"{cls_name} {what} belongs to {index.nplike!r} but the content's backend is "
            f"{content.backend.name!r}; move it with ak.to_backend"
        )


def as_int64(nplike, data):
    return data if data.dtype == int64 else nplike.astype(data, int64)


def compose_option(outer, content, parameters, outer_is_option: bool):
    """One node for ``outer`` (int64 positions, negative = missing) applied to an option or
    indexed ``content``: an IndexedOptionArray, or an IndexedArray when neither is an option."""
    from awkward.contents.indexedoptionarray import IndexedOptionArray
    from awkward.index import Index64

    if not content.is_indexed:  # ByteMasked, BitMasked, Unmasked: express as an index first
        content = content.to_IndexedOptionArray64()
    nplike = content.index.nplike
    (inner,) = concrete(content.index.data)
    inner = as_int64(nplike, inner)
    merged = parameters_union(content._parameters, parameters)
    if nplike.known_data and len(outer) and len(inner) == 0 and bool(nplike.any(outer >= 0)):
        raise IndexError("index refers to elements of an empty content")
    if is_identity_index(outer) and len(outer) <= len(inner):
        composed = inner[: len(outer)]  # 0, 1, 2, ... outside: the inner index itself
    elif outer_is_option:
        valid = outer >= 0
        if nplike.known_data and len(outer) and bool(nplike.all(valid)):
            composed = inner[outer]  # nothing missing outside: one gather (a file's options)
        else:
            picked = inner[nplike.where(valid, outer, 0)] if maybe_nonempty(inner) else nplike.zeros(len(outer), dtype=inner.dtype)
            composed = nplike.where(valid, picked, -1)
    else:
        composed = inner[outer]
    if outer_is_option or content.is_option:
        return IndexedOptionArray(Index64(composed, nplike=nplike), content.content, parameters=merged)
    return IndexedArray(Index64(composed, nplike=nplike), content.content, parameters=merged)


def compose_valid(valid, content, parameters):
    """``compose_option`` for a mask (ByteMasked/BitMasked over an option or indexed
    ``content``): position ``i`` is kept where ``valid[i]``, so one ``where`` composes it."""
    from awkward.contents.indexedoptionarray import IndexedOptionArray
    from awkward.index import Index64

    if not content.is_indexed:
        content = content.to_IndexedOptionArray64()
    nplike = content.index.nplike
    (inner,) = concrete(content.index.data)
    n, m = valid.shape[0], inner.shape[0]
    if n is not unknown_length and m is not unknown_length and m < n:  # not a valid mask
        outer = nplike.where(valid, nplike.arange(n, dtype=int64), -1)
        return compose_option(outer, content, parameters, True)
    composed = nplike.where(valid, as_int64(nplike, inner[:n]), -1)
    merged = parameters_union(content._parameters, parameters)
    return IndexedOptionArray(Index64(composed, nplike=nplike), content.content, parameters=merged)


class IndexOverContent(SingleContent):
    """What IndexedArray and IndexedOptionArray share: element ``i`` comes from
    ``content[index[i]]``, so the length is ``len(index)`` and ranges, field projections and
    carries act on the index alone, never on the content."""

    __slots__ = ()

    _index_slots = ("_index",)

    def __init__(self, index, content, *, parameters=None):
        name = type(self).__name__
        self._check_index(index, name, "index", self._index_classes())
        self._check_content(content, name)
        check_wrapped_content(content, name, allow_union=is_categorical(parameters))
        check_same_nplike(index, content, name, "index")
        self._index = index
        self._content = content
        self._init(parameters, content.backend)

    def copy(self, index=UNSET, content=UNSET, *, parameters=UNSET):
        return type(self)(
            self._index if index is UNSET else index,
            self._content if content is UNSET else content,
            parameters=self._parameters if parameters is UNSET else parameters,
        )

    @classmethod
    def _from_checked(cls, index, content, parameters):
        """For callers that already know what __init__ checks: an allowed Index class on the
        content's index nplike, and a content this class may wrap (not an option, indexed or
        union node)."""
        out = object.__new__(cls)
        out._index = index
        out._content = content
        out._init(parameters, content.backend)
        return out

    def _new(self, index, content, parameters):
        """Construct without validation (arguments come from a valid node)."""
        out = object.__new__(type(self))  # no layout class defines __new__
        out._index = index
        out._content = content
        out._parameters = parameters
        out._backend = self._backend
        out._form_cache = None
        return out

    @property
    def index(self):
        return self._index

    @property
    def length(self):
        return buffer_length(self._index.data)

    def _resolve_length(self) -> int:
        return len(self._index.data)

    def _getitem_range(self, start: int, stop: int) -> Content:
        return self._new(self._index[start:stop], self._content, self._parameters)

    def _getitem_field(self, where: str) -> Content:
        return self._wrap_projected(self._content._getitem_field(where))

    def _getitem_fields(self, where: list) -> Content:
        return self._wrap_projected(self._content._getitem_fields(where))

    def _wrap_projected(self, content) -> Content:
        # a record's field may itself be an option/indexed/union node: compose, never nest
        if needs_simplify(content):
            return type(self).simplified(self._index, content)
        return self._new(self._index, content, None)

    def _carry(self, carry, allow_lazy: bool) -> Content:
        index, where = concrete(self._index.data, carry.data)
        try:
            picked = index[where]
        except IndexError as err:
            raise IndexError(f"{type(self).__name__} of length {len(index)}: {err}") from None
        return self._new(type(self._index)(picked, nplike=self._index.nplike), self._content, self._parameters)

    def _validity_error(self, path: str) -> str:
        (index,) = concrete(self._index.data)
        kernel = self._backend["awkward_IndexedArray_validity", index.dtype]
        try:  # an option may have negative entries (missing), a plain index may not
            kernel(index, len(index), len(self._content), self.is_option)
        except ValueError as err:
            return self._validity_message(path, str(err))
        return self._content._validity_error(path + ".content")


class IndexedArray(IndexOverContent):
    """Element ``i`` is ``content[index[i]]`` (0 <= index[i] < len(content))."""

    __slots__ = ("_index", "_content")

    is_indexed = True
    form_cls = FormClass("IndexedForm")
    _index_classes = staticmethod(_index_classes)

    @classmethod
    def simplified(cls, index, content, *, parameters=None):
        """An IndexedArray, or the single node it collapses into: an index over an index or
        option composes into one index; over a union it is applied to the union's tags."""
        cls._check_index(index, "IndexedArray", "index", _index_classes())
        cls._check_content(content, "IndexedArray")
        if content.is_union and not is_categorical(parameters):
            out = content._carry(index, False)
            return out.copy(parameters=parameters_union(content._parameters, parameters))
        if content.is_option or content.is_indexed:
            nplike = index.nplike
            (outer,) = concrete(index.data)
            return compose_option(as_int64(nplike, outer), content, parameters, False)
        return cls(index, content, parameters=parameters)

    # ------------------------------------------------------------------ conversions
    def to_IndexedOptionArray64(self):
        from awkward.contents.indexedoptionarray import IndexedOptionArray

        return IndexedOptionArray(self._index.to64(), self._content, parameters=self._parameters)

    def mask_as_bool(self, valid_when: bool = True):
        """Every element is present: all ``valid_when``."""
        from awkward._nplikes.dtypes import bool_

        nplike = self._index.nplike
        length = len(self)
        return nplike.ones(length, dtype=bool_) if valid_when else nplike.zeros(length, dtype=bool_)

    def project(self, mask=None):
        """The content gathered by the index (``mask``: Index8, nonzero = drop that element)."""
        from awkward.index import Index64

        nplike = self._index.nplike
        (index,) = concrete(self._index.data)
        index = as_int64(nplike, index)
        if mask is not None:
            (keep,) = concrete(mask.data)
            if len(keep) != len(index):
                raise ValueError(
                    f"IndexedArray.project: len(mask) ({len(keep)}) must equal len(array) ({len(index)})"
                )
            index = index[keep == 0]
        return self._content._carry(Index64(index, nplike=nplike), False)

    # ------------------------------------------------------------------ element access
    def _getitem_at(self, where: int):
        at = self._normalize_at(where)
        j = index_int(self._index, at)
        if j is not unknown_length and j < 0:
            raise IndexError(f"IndexedArray index[{at}] is negative ({j}); the array is not valid")
        return self._content._getitem_at(j)

    # ------------------------------------------------------------------ whole-array operations
    def _to_list(self, behavior) -> list:
        return self.project()._to_list(behavior)

    def _to_packed(self, recursive: bool) -> Content:
        out = self.project()
        if recursive:
            out = out._to_packed(True)
        if self._parameters:
            out = out.copy(parameters=parameters_union(out._parameters, self._parameters))
        return out


__all__ = ["IndexedArray"]
