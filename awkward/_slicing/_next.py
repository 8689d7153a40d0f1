"""The recursion applying slice items below the rows of a layout (see awkward._slicing)."""

from __future__ import annotations

from awkward._nplikes.dtypes import int64
from awkward._slicing._common import (
    _Advanced,
    _Fields,
    _Jagged,
    _min_depth,
    _Missing,
    _out_of_bounds,
    _starts_stops,
)
from awkward._slicing._nested import jagged_below, missing_below
from awkward.contents._typetracer import one_list_of
from awkward.contents.content import as_length, concrete, is_true, length_of, unknown_length
from awkward.contents.indexedarray import IndexedArray
from awkward.contents.indexedoptionarray import IndexedOptionArray
from awkward.contents.listarray import ListArray
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.recordarray import RecordArray
from awkward.contents.regulararray import RegularArray
from awkward.contents.unionarray import UnionArray
from awkward.index import Index64


def _next(layout, items, adv, dim):
    if not items:
        return layout
    head, tail = items[0], items[1:]
    nplike = layout.backend.index_nplike
    if head is None:
        return RegularArray(_next(layout, tail, adv, dim), 1, length_of(layout))
    if head is Ellipsis:
        if not tail:
            return layout
        low, high = layout.form.minmax_depth
        if low != high:
            raise IndexError(
                f"an Ellipsis (...) cannot be used at dimension {dim}: the data below it have "
                f"different numbers of dimensions ({low - 1} to {high - 1})"
            )
        if _count_dims(tail) >= low - 1:
            return _next(layout, tail, adv, dim)
        return _next(layout, (slice(None), *items), adv, dim)
    if layout.is_option:
        option = layout if isinstance(layout, IndexedOptionArray) else layout.to_IndexedOptionArray64()
        (index,) = concrete(option.index.data)
        index = nplike.astype(index, int64)
        valid = index >= 0
        content = option.content._carry(Index64(index[valid], nplike=nplike), True)
        out = _next(content, items, None if adv is None else adv[valid], dim)
        outindex = nplike.where(valid, nplike.cumsum(nplike.astype(valid, int64)) - 1, -1)
        return IndexedOptionArray.simplified(Index64(outindex, nplike=nplike), out, parameters=layout._parameters)
    if layout.is_indexed:
        (index,) = concrete(layout.index.data)
        content = layout.content
        if content.is_record:
            fields = [
                IndexedArray.simplified(layout.index, content._getitem_field(f)) for f in content.fields
            ]
            record = RecordArray(fields, content.fields if not content.is_tuple else None, length_of(layout),
                                 parameters=content._parameters, backend=content.backend)
            return _next(record, items, adv, dim)
        return _next(content._carry(Index64(nplike.astype(index, int64), nplike=nplike), True), items, adv, dim)
    if layout.is_record:
        fields = [_next(layout._getitem_field(f), items, adv, dim) for f in layout.fields]
        return RecordArray(fields, None if layout.is_tuple else layout.fields, length_of(layout),
                           parameters=layout._parameters, backend=layout.backend)
    if layout.is_union:
        return _next_union(layout, items, adv, dim)
    if layout.is_unknown:  # an EmptyArray has no dimensions below its (absent) elements
        raise IndexError(
            f"too many indices: dimension {dim} does not exist (the array is empty, of unknown type, there)"
        )
    if layout.is_numpy:
        if len(layout.data.shape) == 1:
            raise IndexError(f"too many indices: dimension {dim} does not exist (the array has {dim} dimensions there)")
        return _next(layout.to_RegularArray(), items, adv, dim)
    if isinstance(head, (str, _Fields)):  # fields inside an Ellipsis expansion
        return _next(_project(layout, head), tail, adv, dim)
    if layout.is_regular:
        return _next_regular(layout, head, tail, adv, dim)
    return _next_list(layout, head, tail, adv, dim)


def _project(layout, head):
    return layout._getitem_field(head) if isinstance(head, str) else layout._getitem_fields(head.names)


def _next_union(layout, items, adv, dim):
    nplike = layout.backend.index_nplike
    tags, index = layout._tags_index()
    contents, newindex = [], nplike.zeros(tags.shape[0], dtype=int64)
    for k, content in enumerate(layout.contents):
        rows = tags == k
        picked = content._carry(Index64(index[rows], nplike=nplike), True)
        contents.append(_next(picked, items, None if adv is None else adv[rows], dim))
        newindex[rows] = nplike.arange(as_length(nplike.count_nonzero(rows)), dtype=int64)
    return UnionArray.simplified(layout.tags, Index64(newindex, nplike=nplike), contents,
                                 parameters=layout._parameters)


def _wrap_advanced(out, shape, rows):
    """RegularArrays giving each of ``rows`` rows the broadcast ``shape`` of the advanced index."""
    for i in reversed(range(len(shape))):
        if shape[i] is unknown_length and i == 0 and rows is not unknown_length and rows == 1:
            out = one_list_of(out)  # typetracer: the one-row wrapper of getitem, size unknown
        else:
            out = RegularArray(out, shape[i], rows * _prod(shape[:i]))
    return out


def _prod(sizes) -> int:
    out = 1
    for size in sizes:
        out *= size
    return out


def _next_regular_of_unknown_size(layout, head, tail, adv, dim):
    """A tracer's RegularArray whose size is unknown (to_regular): the carries are tracers of
    unknown length, read as the general path (a carry of the content) reads them."""
    nplike = layout.backend.index_nplike
    length = length_of(layout)
    rowstarts = nplike.arange(length, dtype=int64) * unknown_length
    if isinstance(head, (_Jagged, _Missing)):
        return _awkward_below(layout, rowstarts, nplike.zeros(length, dtype=int64), head, tail, dim)
    carry = Index64(nplike.empty(unknown_length, dtype=int64), nplike=nplike)
    if isinstance(head, int):
        return _next(layout.content._carry(carry, True), tail, adv, dim + 1)
    if isinstance(head, slice):
        nextadv = None if adv is None else nplike.empty(unknown_length, dtype=int64)
        if head.start in (None, 0) and head.stop is None and head.step in (None, 1):
            picked = layout.content._getitem_range(0, unknown_length)  # every item: no carry
        else:
            picked = layout.content._carry(carry, True)
        return RegularArray(_next(picked, tail, nextadv, dim + 1), unknown_length)
    if isinstance(head, _Advanced):
        values = head.values
        nplike.any((values < 0) | (values > 0))  # the bounds check reads the index
        picked = layout.content._carry(carry, True)
        if adv is None:
            nextadv = nplike.empty(unknown_length, dtype=int64)
            return _wrap_advanced(_next(picked, tail, nextadv, dim + 1), head.shape, length)
        return _next(picked, tail, adv, dim + 1)
    raise TypeError(f"cannot slice dimension {dim} with {head!r}")


def _next_regular(layout, head, tail, adv, dim):
    nplike = layout.backend.index_nplike
    if layout.size is unknown_length:
        return _next_regular_of_unknown_size(layout, head, tail, adv, dim)
    size, length = layout.size, length_of(layout)
    content = layout.content
    rowstarts = nplike.arange(length, dtype=int64) * size
    if isinstance(head, int):
        at = head + size if head < 0 else head
        if not 0 <= at < size:
            raise _out_of_bounds(head, 0, size, dim)
        if length is not unknown_length and length == 1:
            picked = content._getitem_range(at, at + 1)
        else:
            picked = content._carry(Index64(rowstarts + at, nplike=nplike), True)
        return _next(picked, tail, adv, dim + 1)
    if isinstance(head, slice):
        start, stop, step = head.indices(size)
        count = len(range(start, stop, step))
        if step == 1 and ((length is not unknown_length and length == 1) or count == size):
            picked = content._getitem_range(start, start + count + (length - 1) * size)
        else:
            positions = nplike.arange(start, start + count * step, step, dtype=int64) if count else nplike.zeros(0, dtype=int64)
            carry = nplike.reshape(nplike.reshape(rowstarts, (length, 1)) + positions, (-1,))
            picked = content._carry(Index64(carry, nplike=nplike), True)
        nextadv = None if adv is None else nplike.repeat(adv, count)
        return RegularArray(_next(picked, tail, nextadv, dim + 1), count, length)
    if isinstance(head, _Advanced):
        values = head.values
        bad = (values < -size) | (values >= size)
        if is_true(nplike.any(bad)):
            raise _out_of_bounds(int(values[nplike.nonzero(bad)[0][0]]), 0, size, dim)
        values = nplike.where(values < 0, values + size, values)
        if adv is None:
            count = values.shape[0]
            carry = nplike.reshape(nplike.reshape(rowstarts, (length, 1)) + values, (-1,))
            nextadv = nplike.reshape(
                nplike.reshape(nplike.zeros(length, dtype=int64), (length, 1)) + nplike.arange(count, dtype=int64), (-1,)
            )
            picked = content._carry(Index64(carry, nplike=nplike), True)
            return _wrap_advanced(_next(picked, tail, nextadv, dim + 1), head.shape, length)
        picked = content._carry(Index64(rowstarts + values[adv], nplike=nplike), True)
        return _next(picked, tail, adv, dim + 1)
    if isinstance(head, (_Jagged, _Missing)):
        counts = nplike.zeros(length, dtype=int64) + size
        return _awkward_below(layout, rowstarts, counts, head, tail, dim)
    raise TypeError(f"cannot slice dimension {dim} with {head!r}")


def _awkward_below(layout, starts, counts, head, tail, dim):
    if isinstance(head, _Jagged):
        return jagged_below(layout, starts, counts, head.layout, tail, dim, _next)
    return missing_below(layout, starts, counts, head, tail, dim, _next)


def _slice_bounds(nplike, counts, head):
    """Per-row (first, number) of ``head`` (a slice) applied to lists of lengths ``counts``."""
    step = 1 if head.step is None else head.step

    def clip(value, default, low, high_shift):
        if value is None:
            return default
        out = value + counts if value < 0 else nplike.zeros(counts.shape[0], dtype=int64) + value
        return nplike.where(out < low, low, nplike.where(out > counts + high_shift, counts + high_shift, out))

    if step > 0:
        first = clip(head.start, nplike.zeros(counts.shape[0], dtype=int64), 0, 0)
        last = clip(head.stop, counts, 0, 0)
        number = (last - first + step - 1) // step
    else:
        first = clip(head.start, counts - 1, -1, -1)
        last = clip(head.stop, nplike.zeros(counts.shape[0], dtype=int64) - 1, -1, -1)
        number = (first - last - step - 1) // (-step)
    number = nplike.where(number < 0, 0, number)
    return first, number, step


def _next_list(layout, head, tail, adv, dim):
    nplike = layout.backend.index_nplike
    starts, stops = _starts_stops(layout)
    counts = stops - starts
    length = starts.shape[0]
    content = layout.content
    if isinstance(head, int):
        at = counts + head if head < 0 else nplike.zeros(length, dtype=int64) + head
        bad = (at < 0) | (at >= counts)
        if is_true(nplike.any(bad)):
            row = int(nplike.nonzero(bad)[0][0])
            raise _out_of_bounds(head, row, int(counts[row]), dim)
        picked = content._carry(Index64(starts + at, nplike=nplike), True)
        return _next(picked, tail, adv, dim + 1)
    if isinstance(head, slice):
        first, number, step = _slice_bounds(nplike, counts, head)
        if step == 1 and not tail and adv is None:  # no carry: the content stays untouched
            return ListArray(Index64(starts + first, nplike=nplike), Index64(starts + first + number, nplike=nplike),
                             content, parameters=layout._parameters)
        offsets = nplike.zeros(length + 1, dtype=int64)
        offsets[1:] = nplike.cumsum(number)
        parents = nplike.repeat(nplike.arange(length, dtype=int64), number)
        local = nplike.arange(as_length(offsets[-1]), dtype=int64) - offsets[:-1][parents]
        carry = starts[parents] + first[parents] + step * local
        picked = content._carry(Index64(carry, nplike=nplike), True)
        nextadv = None if adv is None else adv[parents]
        return ListOffsetArray(Index64(offsets, nplike=nplike), _next(picked, tail, nextadv, dim + 1),
                               parameters=layout._parameters)
    if isinstance(head, _Advanced):
        values = head.values
        if adv is None:
            count = values.shape[0]
            grid_values = nplike.reshape(values, (1, count)) + nplike.zeros((length, 1), dtype=int64)
            grid_counts = nplike.reshape(counts, (length, 1)) + nplike.zeros((1, count), dtype=int64)
            nextadv = nplike.reshape(nplike.zeros((length, 1), dtype=int64) + nplike.arange(count, dtype=int64), (-1,))
        else:
            grid_values, grid_counts, nextadv = values[adv], counts, adv
        at = nplike.where(grid_values < 0, grid_values + grid_counts, grid_values)
        bad = (at < 0) | (at >= grid_counts)
        if is_true(nplike.any(bad)):
            flat = int(nplike.nonzero(nplike.reshape(bad, (-1,)))[0][0])
            row = flat // max(len(values), 1) if adv is None else flat
            value = nplike.reshape(grid_values, (-1,))[flat]
            raise _out_of_bounds(int(value), row, int(counts[row]), dim)
        if adv is None:
            carry = nplike.reshape(nplike.reshape(starts, (length, 1)) + at, (-1,))
        else:
            carry = starts + at
        picked = content._carry(Index64(carry, nplike=nplike), True)
        out = _next(picked, tail, nextadv, dim + 1)
        return _wrap_advanced(out, head.shape, length) if adv is None else out
    if isinstance(head, (_Jagged, _Missing)):
        return _awkward_below(layout, starts, counts, head, tail, dim)
    raise TypeError(f"cannot slice dimension {dim} with {head!r}")


def _count_dims(items) -> int:
    """Dimensions the items consume (a jagged index spans as many as it has)."""
    count = 0
    for x in items:
        if isinstance(x, (int, slice, _Advanced, _Missing)):
            count += 1
        elif isinstance(x, _Jagged):
            count += _min_depth(x.layout)
    return count
