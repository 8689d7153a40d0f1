"""IndexedOptionArray: an index whose negative entries are missing values (None)."""

from __future__ import annotations

from awkward._nplikes.identity import is_identity_index
from awkward._nplikes.typetracer import MaybeNone
from awkward._parameters import parameters_union
from awkward.contents.content import (
    Content,
    FormClass,
    concrete,
    index_int,
    is_true,
    length_of,
    unknown_length,
)
from awkward.contents.indexedarray import (
    IndexOverContent,
    as_int64,
    compose_option,
    is_categorical,
)
from awkward.index import Index32, Index64

_INDEX_CLASSES = (Index32, Index64)


def _index_classes():
    return _INDEX_CLASSES


def simplified_option(cls_name, outer_int64, nplike, content, parameters):
    """The node an option over ``content`` collapses into, for an option/indexed/union
    content; ``outer_int64`` gives the outer positions (negative = missing) or is None
    (every element present, as for UnmaskedArray)."""
    if content.is_union and not is_categorical(parameters):
        from awkward.contents.unionarray import union_of_options

        return union_of_options(content, outer_int64, parameters)
    if outer_int64 is None:  # every element present: the content, as an IndexedOptionArray
        out = content.to_IndexedOptionArray64()
        return out.copy(parameters=parameters_union(out._parameters, parameters))
    return compose_option(outer_int64, content, parameters, True)


def _is_identity(nplike, index, content_length) -> bool:
    """Whether a (known, int64, none missing) index is 0, 1, 2, ...: projecting it is then
    a range of the content, not a carry (checked only when its ends already say so)."""
    n = len(index)
    if n == 0 or content_length is unknown_length or content_length < n:
        return False
    if is_identity_index(index):
        return True
    if int(index[0]) != 0 or int(index[n - 1]) != n - 1:
        return False
    return bool(nplike.all(index[1:] - index[:-1] == 1))


def _int64():
    from awkward._nplikes.dtypes import int64

    return int64


class IndexedOptionArray(IndexOverContent):
    """Element ``i`` is None when ``index[i] < 0``, else ``content[index[i]]``."""

    __slots__ = ("_index", "_content")

    is_option = True
    is_indexed = True
    form_cls = FormClass("IndexedOptionForm")
    _index_classes = staticmethod(_index_classes)

    @classmethod
    def simplified(cls, index, content, *, parameters=None):
        """An IndexedOptionArray; an option or indexed content is merged into one index and a
        union content takes the option inside itself (each of its contents becomes optional)."""
        cls._check_index(index, "IndexedOptionArray", "index", _index_classes())
        cls._check_content(content, "IndexedOptionArray")
        if content.is_option or content.is_indexed or (content.is_union and not is_categorical(parameters)):
            nplike = index.nplike
            (outer,) = concrete(index.data)
            return simplified_option("IndexedOptionArray", as_int64(nplike, outer), nplike, content, parameters)
        return cls(index, content, parameters=parameters)

    # ------------------------------------------------------------------ conversions
    def _index64(self):
        nplike = self._index.nplike
        (index,) = concrete(self._index.data)
        return as_int64(nplike, index)

    def to_IndexedOptionArray64(self):
        from awkward.index import Index64

        if isinstance(self._index, Index64):
            return self
        return self._new(self._index.to64(), self._content, self._parameters)

    def mask_as_bool(self, valid_when: bool = True):
        """True where an element is present (``valid_when=True``) or missing (False)."""
        (index,) = concrete(self._index.data)
        return index >= 0 if valid_when else index < 0

    def to_ByteMaskedArray(self, valid_when):
        """A ByteMaskedArray whose content is gathered so that it lines up with the mask."""
        from awkward._nplikes.dtypes import int8
        from awkward.contents.bytemaskedarray import ByteMaskedArray
        from awkward.index import Index8, Index64

        nplike = self._index.nplike
        index = self._index64()
        valid = index >= 0
        mask = valid if valid_when else ~valid
        if len(self._content) == 0:
            if bool(nplike.any(valid)):
                raise IndexError("IndexedOptionArray index refers to elements of an empty content")
            if len(index):
                raise ValueError(
                    "cannot convert an all-missing IndexedOptionArray with an empty content "
                    "to a ByteMaskedArray: there is no content to line up with the mask"
                )
        carry = nplike.where(valid, index, 0)
        content = self._content._carry(Index64(carry, nplike=nplike), False)
        return ByteMaskedArray(
            Index8(nplike.astype(mask, int8), nplike=nplike),
            content,
            valid_when,
            parameters=self._parameters,
        )

    def to_BitMaskedArray(self, valid_when, lsb_order):
        return self.to_ByteMaskedArray(valid_when).to_BitMaskedArray(valid_when, lsb_order)

    def project(self, mask=None):
        """The present elements' content values (``mask``: Index8, nonzero = drop too)."""
        nplike = self._index.nplike
        index = self._index64()
        keep = index >= 0
        if mask is not None:
            (masked,) = concrete(mask.data)
            if len(masked) != len(index):
                raise ValueError(
                    f"IndexedOptionArray.project: len(mask) ({len(masked)}) must equal "
                    f"len(array) ({len(index)})"
                )
            keep = keep & (masked == 0)
        elif nplike.known_data and bool(nplike.all(keep)):  # none missing (a file's options)
            # (a lazy content's length comes from this index: knowing it reads nothing more)
            length = length_of(self._content) if len(index) else 0
            if _is_identity(nplike, index, length):
                n = len(index)
                return self._content if length == n else self._content._getitem_range(0, n)
            return self._content._carry(Index64(index, nplike=nplike), False)
        return self._content._carry(Index64(index[keep], nplike=nplike), False)

    # ------------------------------------------------------------------ element access
    def _getitem_at(self, where: int):
        at = self._normalize_at(where)
        j = index_int(self._index, at)
        if j is unknown_length:  # typetracer: missing or the content's element (as awkward)
            return MaybeNone(self._content._getitem_at(j))
        if j < 0:
            return None
        return self._content._getitem_at(j)

    # ------------------------------------------------------------------ whole-array operations
    def _to_list(self, behavior) -> list:
        index = self._index64()
        values = self.project()._to_list(behavior)
        valid = (index >= 0).tolist()
        out = [None] * len(valid)
        it = iter(values)
        for i, ok in enumerate(valid):
            if ok:
                out[i] = next(it)
        return out

    def _to_packed(self, recursive: bool) -> Content:
        """Present elements in order: index becomes 0, 1, 2, ... (and -1), content compact."""
        from awkward.index import Index64

        nplike = self._index.nplike
        index = self._index64()
        valid = index >= 0
        packed_index = nplike.where(valid, nplike.cumsum(nplike.astype(valid, _int64())) - 1, -1)
        present = index[valid]
        if is_true(nplike.all(present == nplike.arange(present.shape[0], dtype=_int64()))):
            content = self._content._getitem_range(0, present.shape[0])  # already in order: stays lazy
        else:
            content = self._content._carry(Index64(present, nplike=nplike), False)
        if recursive:
            content = content._to_packed(True)
        # the index keeps its dtype, as in 2.14
        packed_index = nplike.astype(packed_index, self._index.dtype, copy=False)
        return self._new(type(self._index)(packed_index, nplike=nplike), content, self._parameters)


__all__ = ["IndexedOptionArray"]
