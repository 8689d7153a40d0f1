"""Merging layouts node by node: the one implementation of concatenation at axis 0.

``mergeable(one, two, mergebool)`` says, from the types alone (no buffer is read), whether two
layouts can become one layout without a union: numbers with numbers (bool only with
``mergebool``; ``mergecastable`` narrows which dtypes mix), lists with lists of any list class
(regular lists of one size stay regular, otherwise var), records with the same fields, options
with mergeable contents (the result is an option), EmptyArray with anything, indexed layouts by
their content, and a union with anything (as in awkward 2.14, the union absorbs the other layout:
``var * union[int64, var * int64]`` merges with ``var * float64`` into
``var * union[float64, var * int64]``). Parameters that name a type (``__array__``, ``__record__`` ...) must agree; the
others are kept where all layouts agree.

``merge_layouts(layouts, mergebool)`` concatenates layouts, reading their data; where types do not
merge it builds a union through ``UnionArray.simplified``, which merges whatever does. Below the
top level (inside lists and records), a union absorbs the other contents with ``mergebool=False``
(awkward 2.14 keeps bool apart from numbers there even when ``mergebool`` is set).
"""

from __future__ import annotations

from awkward._nplikes.dtypes import int8, int64
from awkward._parameters import parameters_intersect, type_parameters_equal
from awkward.contents.content import as_length, concrete, declared_shape, length_of
from awkward.contents.indexedoptionarray import IndexedOptionArray
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.numpyarray import NumpyArray
from awkward.contents.recordarray import RecordArray
from awkward.contents.regulararray import RegularArray
from awkward.index import Index64

__all__ = ["MERGECASTABLE", "mergeable", "merge_layouts"]

MERGECASTABLE = ("same_kind", "equiv", "family")

_FAMILY = {"i": "int", "u": "int", "f": "float", "c": "complex"}


def _check_mergecastable(mergecastable) -> None:
    if mergecastable not in MERGECASTABLE:
        raise ValueError(f"'mergecastable' must be one of {MERGECASTABLE}, not {mergecastable!r}")


def _dtypes_merge(a, b, mergebool: bool, mergecastable: str) -> bool:
    if a == b:
        return True
    if mergecastable == "equiv":
        return False
    if a.kind not in "biufc" or b.kind not in "biufc":
        return False  # datetimes/timedeltas of different units, strings, objects
    if (a.kind == "b") != (b.kind == "b"):
        return mergebool
    if mergecastable == "family":
        return _FAMILY.get(a.kind) == _FAMILY.get(b.kind)
    return True


def _as_regular(layout):
    """A NumpyArray of more than one dimension seen as nested RegularArrays (lists)."""
    if layout.is_numpy and len(layout.inner_shape) > 0:
        return layout.to_RegularArray()
    return layout


def _is_listlike(layout) -> bool:
    return layout.is_list or (layout.is_numpy and len(layout.inner_shape) > 0)


def _same_fields(one, two) -> bool:
    if one.is_tuple != two.is_tuple:
        return False
    if one.is_tuple:
        return len(one.fields) == len(two.fields)
    return len(one.fields) == len(two.fields) and set(one.fields) == set(two.fields)


def mergeable(one, two, mergebool: bool = False, mergecastable: str = "same_kind") -> bool:
    """Whether ``one`` and ``two`` merge into a single layout (no union), by type only."""
    if one.is_unknown or two.is_unknown:
        return True
    if one.is_option or one.is_indexed:
        return mergeable(one.content, two, mergebool, mergecastable)
    if two.is_option or two.is_indexed:
        return mergeable(one, two.content, mergebool, mergecastable)
    if one.is_union or two.is_union:
        return True  # the union takes the other in as one more content (merged where it can)
    if not type_parameters_equal(one._parameters, two._parameters):
        return False
    if one.is_numpy and two.is_numpy and one.inner_shape == two.inner_shape:
        return _dtypes_merge(one.dtype, two.dtype, mergebool, mergecastable)
    if _is_listlike(one) and _is_listlike(two):
        return mergeable(_list_content(one), _list_content(two), mergebool, mergecastable)
    if one.is_record and two.is_record:
        if not _same_fields(one, two):
            return False
        if one.is_tuple:
            pairs = zip(one.contents, two.contents)
        else:
            pairs = ((one.content(f), two.content(f)) for f in one.fields)
        return all(mergeable(a, b, mergebool, mergecastable) for a, b in pairs)
    return False


def _list_content(layout):
    """The content of a list type, by type only (a multi-dimensional NumpyArray's inner
    dimensions become a NumpyArray of one dimension less; no data is touched)."""
    if layout.is_list:
        return layout.content
    return _Shape(layout.dtype, layout.inner_shape[1:])


class _Shape:
    """What ``mergeable`` needs to know of a NumpyArray's inner dimensions (type only)."""

    __slots__ = ("dtype", "inner_shape", "_parameters")

    is_unknown = is_option = is_indexed = is_union = is_record = is_list = False
    is_numpy = True

    def __init__(self, dtype, inner_shape):
        self.dtype = dtype
        self.inner_shape = tuple(inner_shape)
        self._parameters = None


def _parameters_of(layouts):
    out = layouts[0]._parameters
    for layout in layouts[1:]:
        out = parameters_intersect(out, layout._parameters)
    return out


def merge_layouts(layouts, mergebool: bool = False, mergecastable: str = "same_kind", *, nested: bool = False):
    """One layout with the elements of ``layouts`` one after the other (axis 0): element
    ``i`` of layout ``k`` lands at ``sum(len(layouts[:k])) + i``. Layouts whose types merge
    become one node; the others become contents of a union. ``nested``: the layouts are
    contents of lists or records being merged (a union there absorbs without ``mergebool``)."""
    _check_mergecastable(mergecastable)
    layouts = list(layouts)
    if not layouts:
        raise ValueError("merge_layouts needs at least one layout")
    known = [x for x in layouts if not x.is_unknown]
    if not known:
        return layouts[0]
    if len(known) == 1:
        return known[0]
    fast = _merge_same_class(known, mergebool, mergecastable)
    if fast is not None:
        return fast
    if not all(mergeable(known[0], x, mergebool, mergecastable) for x in known[1:]):
        return _as_union(known, mergebool, mergecastable)
    if any(x.is_option for x in known):
        return _merge_options(known, mergebool, mergecastable, nested)
    if any(x.is_union for x in known):
        return _as_union(known, mergebool and not nested, mergecastable)
    known = [x.project() if x.is_indexed else x for x in known]
    if all(x.is_numpy for x in known) and len({x.inner_shape for x in known}) == 1:
        return _merge_numbers(known)
    if all(_is_listlike(x) for x in known):
        return _merge_lists([_as_regular(x) for x in known], mergebool, mergecastable)
    if all(x.is_record for x in known):
        return _merge_records(known, mergebool, mergecastable)
    return _as_union(known, mergebool, mergecastable)  # not reached: mergeable said so


def _merge_same_class(layouts, mergebool, mergecastable):
    """The common case in few steps (small arrays are dominated by per-call overhead): all
    flat NumpyArrays of one dtype, or all ListOffsetArrays with mergeable contents, with equal
    parameters. None when it does not apply (the general path then decides)."""
    first = layouts[0]
    cls = type(first)
    parameters = first._parameters
    for x in layouts:
        if type(x) is not cls or x._parameters != parameters:
            return None
    if first.is_numpy:
        dtype = first.dtype
        for x in layouts:
            if x.dtype != dtype or len(declared_shape(x._data)) != 1:
                return None
        return _merge_numbers(layouts)
    if cls is not ListOffsetArray:
        return None
    content = first.content
    if not all(mergeable(content, x.content, mergebool, mergecastable) for x in layouts[1:]):
        return None
    return _merge_lists(layouts, mergebool, mergecastable)


def _index64(nplike, data):
    return Index64(nplike.astype(data, int64, copy=False), nplike=nplike)


def _merge_numbers(layouts):
    first = layouts[0]
    datas = concrete(*[x.data for x in layouts])
    # numpy's concatenation of mergeable numbers: an array of a supported dtype, >= 1-d
    return NumpyArray._from_checked(
        first.backend.nplike.concat(list(datas)), _parameters_of(layouts), first.backend
    )


def _merge_options(layouts, mergebool, mergecastable, nested):
    nplike = layouts[0].backend.index_nplike
    pieces, contents, offset = [], [], 0
    for x in layouts:
        if x.is_option:
            (valid,) = concrete(x.mask_as_bool(True))
            projected = x.project()
            running = nplike.cumsum(nplike.astype(valid, int64)) - 1 + offset
            pieces.append(nplike.where(valid, running, -1))
            contents.append(projected)
            offset += length_of(projected)
        else:
            pieces.append(nplike.arange(length_of(x), dtype=int64) + offset)
            contents.append(x)
            offset += length_of(x)
    merged = merge_layouts(contents, mergebool, mergecastable, nested=nested)
    return IndexedOptionArray.simplified(_index64(nplike, nplike.concat(pieces)), merged)


def _merge_lists(layouts, mergebool, mergecastable):
    first = layouts[0]
    parameters = _parameters_of(layouts)
    nplike = first.backend.index_nplike
    if all(x.is_regular for x in layouts) and len({x.size for x in layouts}) == 1:
        size = first.size
        contents = [x.content._getitem_range(0, length_of(x) * size) for x in layouts]
        total = sum(length_of(x) for x in layouts)
        merged = merge_layouts(contents, mergebool, mergecastable, nested=True)
        return RegularArray(merged, size, zeros_length=total, parameters=parameters)
    pieces, contents, running = [nplike.zeros(1, dtype=int64)], [], 0
    for x in layouts:
        if isinstance(x, ListOffsetArray):  # its offsets as they are, shifted in one step
            (offsets,) = concrete(x.offsets.data)
            content = x.content
        else:
            packed = x.to_ListOffsetArray64(False)
            (offsets,) = concrete(packed.offsets.data)
            content = packed.content
        offsets = nplike.astype(offsets, int64, copy=False)  # (read only: no copy needed)
        start, stop = as_length(offsets[0]), as_length(offsets[-1])
        pieces.append(offsets[1:] + (running - start))
        contents.append(content._getitem_range(start, stop))
        running += stop - start
    merged = merge_layouts(contents, mergebool, mergecastable, nested=True)
    # fresh int64 offsets (at least one) of the contents' backend: nothing left to check
    return ListOffsetArray._from_checked(_index64(nplike, nplike.concat(pieces)), merged, parameters)


def _merge_records(layouts, mergebool, mergecastable):
    first = layouts[0]
    if first.is_tuple:
        columns = [[x.contents[i] for x in layouts] for i in range(len(first.contents))]
    else:
        columns = [[x.content(field) for x in layouts] for field in first.fields]
    contents = [
        merge_layouts(
            [c._getitem_range(0, length_of(x)) for c, x in zip(column, layouts)], mergebool, mergecastable, nested=True
        )
        for column in columns
    ]
    fields = None if first.is_tuple else list(first.fields)
    total = sum(length_of(x) for x in layouts)
    return RecordArray(contents, fields, total, parameters=_parameters_of(layouts), backend=first.backend)


def _as_union(layouts, mergebool, mergecastable):
    from awkward.contents.unionarray import UnionArray
    from awkward.index import Index8

    nplike = layouts[0].backend.index_nplike
    tags = nplike.concat([nplike.full(length_of(x), i, dtype=int8) for i, x in enumerate(layouts)])
    index = nplike.concat([nplike.arange(length_of(x), dtype=int64) for x in layouts])
    return UnionArray.simplified(
        Index8(tags, nplike=nplike),
        _index64(nplike, index),
        layouts,
        mergebool=mergebool,
        mergecastable=mergecastable,
    )
