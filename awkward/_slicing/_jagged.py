"""Jagged (awkward-array) indices: lists of the index line up with lists of the array."""

from __future__ import annotations

from awkward._nplikes.dtypes import int64, uint8, uint16, uint32, uint64
from awkward._slicing._common import (
    _flat_values,
    _is_jagged_layout,
    _option_around,
    _out_of_bounds,
    _project_option,
    _starts_stops,
)
from awkward.contents.content import (
    as_length,
    concrete,
    is_true,
    length_of,
    maybe_equal,
    maybe_nonempty,
    unknown_length,
)
from awkward.contents.listarray import ListArray
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.numpyarray import NumpyArray
from awkward.contents.recordarray import RecordArray
from awkward.contents.unionarray import UnionArray
from awkward.index import Index64


def _jagged(layout, index, dim):
    """``layout[index]`` where ``index``'s rows line up with ``layout``'s rows."""
    nplike = layout.backend.index_nplike
    n, m = length_of(layout), length_of(index)
    if not maybe_equal(n, m):
        raise IndexError(
            f"cannot fit jagged slice with length {m} into array of length {n} "
            f"in dimension {dim}"
        )
    if index.is_option:
        projected, valid = _project_option(nplike, index)
        rows = Index64(nplike.nonzero(valid)[0], nplike=nplike)
        return _option_around(nplike, valid, _jagged(layout._carry(rows, True), projected, dim))
    if index.is_indexed:
        return _jagged(layout, index.project(), dim)
    if layout.is_option:
        projected, valid = _project_option(nplike, layout)
        rows = Index64(nplike.nonzero(valid)[0], nplike=nplike)
        return _option_around(nplike, valid, _jagged(projected, index._carry(rows, False), dim))
    if layout.is_indexed:
        return _jagged(layout.project(), index, dim)
    if layout.is_record:
        fields = [_jagged(layout._getitem_field(f), index, dim) for f in layout.fields]
        return RecordArray(fields, None if layout.is_tuple else layout.fields, length_of(layout),
                           parameters=layout._parameters, backend=layout.backend)
    if layout.is_union:
        tags, positions = layout._tags_index()
        contents, newindex = [], nplike.zeros(tags.shape[0], dtype=int64)
        for k, content in enumerate(layout.contents):
            rows = tags == k
            picked = content._carry(Index64(positions[rows], nplike=nplike), True)
            rows_index = Index64(nplike.nonzero(rows)[0], nplike=nplike)
            contents.append(_jagged(picked, index._carry(rows_index, False), dim))
            newindex[rows] = nplike.arange(as_length(nplike.count_nonzero(rows)), dtype=int64)
        return UnionArray.simplified(layout.tags, Index64(newindex, nplike=nplike), contents,
                                     parameters=layout._parameters)
    if layout.is_unknown and len(index) == 0:
        return layout
    if layout.is_numpy and len(layout.data.shape) > 1:
        layout = layout.to_RegularArray()
    if index.is_numpy and len(index.data.shape) > 1:
        index = index.to_RegularArray()
    if not layout.is_list or not index.is_list:
        raise IndexError(f"jagged index goes deeper than the array at dimension {dim} ({type(layout).__name__})")
    starts, stops = _starts_stops(layout) if not layout.is_regular else _regular_bounds(nplike, layout)
    packed = index.to_ListOffsetArray64(True)
    (offsets,) = concrete(packed.offsets.data)
    offsets = nplike.astype(offsets, int64, copy=False)
    inner = packed.content._getitem_range(0, as_length(offsets[-1]))
    # x[x > 0.5]: the mask was computed from the array, so its lists are the array's (the
    # same offsets buffer): no lengths to compare (two passes over the offsets saved)
    same_lists = isinstance(layout, ListOffsetArray) and nplike.same_buffer(layout.offsets.data, offsets)
    if same_lists and not _is_jagged_layout(inner):
        values, valid = _flat_values(inner)
        if values.dtype.kind == "b":
            return _mask_lists(layout, starts, stops, offsets, values, valid)
    counts = stops - starts
    index_counts = offsets[1:] - offsets[:-1]
    if _is_jagged_layout(inner):
        _check_counts(nplike, counts, index_counts, dim)
        # element j of row i of the index lines up with content[starts[i] + j - offsets[i]]
        carry = nplike.arange(as_length(offsets[-1]), dtype=int64) + nplike.repeat(starts - offsets[:-1], index_counts)
        content = layout.content._carry(Index64(carry, nplike=nplike), True)
        return ListOffsetArray(Index64(offsets, nplike=nplike), _jagged(content, inner, dim + 1))
    values, valid = _flat_values(inner)
    if values.dtype.kind == "b":
        if is_true(nplike.all(counts == index_counts), True):
            return _mask_lists(layout, starts, stops, offsets, values, valid)
        # lengths differ: as awkward 2.14, the True (and None) positions of each row pick
        offsets, index_counts, values, valid = _mask_positions(nplike, offsets, values, valid)
    if values.dtype.kind not in "iu" and maybe_nonempty(values):
        raise TypeError(f"jagged indices must be integers or booleans, not {values.dtype}")
    return _pick_lists(layout, starts, counts, offsets, index_counts, values, valid, dim)


def _mask_lists(layout, starts, stops, offsets, values, valid):
    """Jagged boolean mask (its lengths already match): one count per row (a kernel), one
    compress of the content. ``offsets`` are the mask's (starting at 0), ``values`` its
    flattened booleans, ``valid`` None or where the mask is not missing (missing keeps a None)."""
    nplike = layout.backend.index_nplike
    keep = values if valid is None else (values & valid) | ~valid
    length = starts.shape[0]
    # packed lists (ListOffsetArray, RegularArray, ordered ListArray): the rows cover
    # content[first:first + len(keep)] in order, so the mask applies to that range directly
    contiguous = valid is None and (
        not isinstance(layout, ListArray)
        or (length is not unknown_length and length < 2)
        or is_true(nplike.all(starts[1:] == stops[:-1]))
    )
    # the counts are written where the offsets go; numpy sums them in place (no counts buffer)
    newoffsets = nplike.empty(length + 1, dtype=int64)
    newoffsets[0] = 0
    newcounts = newoffsets[1:]
    kernel = layout.backend["awkward_ListArray_count_mask", int64, "bool", int64, int64]
    kernel(newcounts, keep, offsets[:-1], offsets[1:], length, keep.shape[0])
    if contiguous and layout.backend.name == "cpu":
        nplike.cumsum(newcounts, maybe_out=newcounts)
    else:  # the carry below repeats by the counts
        newcounts = nplike.asarray(newcounts, copy=True)
        nplike.cumsum(newcounts, maybe_out=newoffsets[1:])
    first = as_length(starts[0]) if (length is unknown_length or length) else 0
    if contiguous:
        covered = layout.content._getitem_range(first, first + keep.shape[0])
        if covered.is_numpy:
            (data,) = concrete(covered.data)
            kept = _compress(covered.backend, data, keep, as_length(newoffsets[-1]))
            content = NumpyArray(kept, parameters=covered._parameters, backend=covered.backend)
        else:
            content = covered._carry(Index64(nplike.nonzero(keep)[0], nplike=nplike), True)
        return ListOffsetArray(Index64(newoffsets, nplike=nplike), content)
    # kept element at flat mask position p of row i sits at content[p - offsets[i] + starts[i]]
    carry = nplike.nonzero(keep)[0] + nplike.repeat(starts - offsets[:-1], newcounts)
    if valid is None:
        content = layout.content._carry(Index64(carry, nplike=nplike), True)
    else:
        present = valid[keep]
        content = _option_around(
            nplike, present, layout.content._carry(Index64(carry[present], nplike=nplike), True)
        )
    return ListOffsetArray(Index64(newoffsets, nplike=nplike), content)


_UNSIGNED = {1: uint8, 2: uint16, 4: uint32, 8: uint64}


def _compress(backend, data, keep, total):
    """``data[keep]`` for a 1-d boolean ``keep`` with ``total`` true values. On the cpu backend
    the awkward_NumpyArray_compress kernel moves the values' bits without a branch per value
    (numpy's boolean indexing branches on each one, and a mask computed from the data, such as
    ``x > 0.5``, mispredicts about half of them)."""
    unsigned = _UNSIGNED.get(data.dtype.itemsize)
    if backend.name != "cpu" or unsigned is None or len(data.shape) != 1 or data.dtype.hasobject:
        return data[keep]
    nplike = backend.nplike
    data = nplike.ascontiguousarray(data)
    keep = nplike.ascontiguousarray(keep)
    out = nplike.empty(total, dtype=data.dtype)
    kernel = backend["awkward_NumpyArray_compress", unsigned, unsigned, "bool"]
    kernel(out.view(unsigned), data.view(unsigned), keep, keep.shape[0], total)
    return out


def _pick_lists(layout, starts, counts, offsets, index_counts, values, valid, dim):
    """Jagged integer index: row i of the index picks (negative: from the end) in row i."""
    nplike = layout.backend.index_nplike
    values = nplike.astype(values, int64, copy=False)
    rowcounts = nplike.repeat(counts, index_counts)
    negative = values < 0
    # (a tracer takes the general path and cannot find an index out of bounds)
    at = nplike.where(negative, values + rowcounts, values) if is_true(nplike.any(negative), True) else values
    bad = (at < 0) | (at >= rowcounts)
    if valid is not None:
        bad = bad & valid
    if is_true(nplike.any(bad), False):
        first = int(nplike.nonzero(bad)[0][0])
        row = int(nplike.searchsorted(offsets, first, side="right")) - 1
        raise _out_of_bounds(int(values[first]), row, int(counts[row]), dim + 1)
    carry = at + nplike.repeat(starts, index_counts)
    if valid is None:
        content = layout.content._carry(Index64(carry, nplike=nplike), True)
    else:
        content = _option_around(nplike, valid, layout.content._carry(Index64(carry[valid], nplike=nplike), True))
    return ListOffsetArray(Index64(offsets, nplike=nplike), content)


def _mask_positions(nplike, offsets, values, valid):
    """A jagged boolean mask as the jagged integer index of its kept positions (True, or None
    which stays None): new offsets, counts, local positions and their validity."""
    keep = values if valid is None else (values & valid) | ~valid
    parents = nplike.repeat(nplike.arange(len(offsets) - 1, dtype=int64), offsets[1:] - offsets[:-1])
    kept = nplike.nonzero(keep)[0]
    positions = kept - offsets[:-1][parents[kept]]
    kept_before = nplike.zeros(len(keep) + 1, dtype=int64)
    kept_before[1:] = nplike.cumsum(nplike.astype(keep, int64))
    newoffsets = kept_before[offsets] - kept_before[offsets[0]]
    counts = newoffsets[1:] - newoffsets[:-1]
    return newoffsets, counts, positions, None if valid is None else valid[kept]


def _regular_bounds(nplike, layout):
    starts = nplike.arange(length_of(layout), dtype=int64) * layout.size
    return starts, starts + layout.size


def _check_counts(nplike, counts, index_counts, dim):
    bad = counts != index_counts
    if is_true(nplike.any(bad)):
        row = int(nplike.nonzero(bad)[0][0])
        raise IndexError(
            f"cannot fit jagged slice into nested list at dimension {dim + 1}, row {row}: "
            f"the index has {int(index_counts[row])} items, the list has {int(counts[row])}"
        )
