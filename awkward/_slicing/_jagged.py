"""Jagged (awkward-array) indices: lists of the index line up with lists of the array."""

from __future__ import annotations

from awkward._nplikes.dtypes import int64
from awkward._slicing._common import (
    _flat_values,
    _is_jagged_layout,
    _option_around,
    _out_of_bounds,
    _project_option,
    _starts_stops,
)
from awkward.contents.content import concrete
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.recordarray import RecordArray
from awkward.contents.unionarray import UnionArray
from awkward.index import Index64


def _jagged(layout, index, dim):
    """``layout[index]`` where ``index``'s rows line up with ``layout``'s rows."""
    nplike = layout.backend.index_nplike
    if len(layout) != len(index):
        raise ValueError(
            f"cannot fit jagged slice with length {len(index)} into array of length {len(layout)} "
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
        return RecordArray(fields, None if layout.is_tuple else layout.fields, len(layout),
                           parameters=layout._parameters, backend=layout.backend)
    if layout.is_union:
        tags, positions = layout._tags_index()
        contents, newindex = [], nplike.zeros(len(tags), dtype=int64)
        for k, content in enumerate(layout.contents):
            rows = tags == k
            picked = content._carry(Index64(positions[rows], nplike=nplike), True)
            rows_index = Index64(nplike.nonzero(rows)[0], nplike=nplike)
            contents.append(_jagged(picked, index._carry(rows_index, False), dim))
            newindex[rows] = nplike.arange(int(nplike.count_nonzero(rows)), dtype=int64)
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
    counts = stops - starts
    packed = index.to_ListOffsetArray64(True)
    (offsets,) = concrete(packed.offsets.data)
    offsets = nplike.astype(offsets, int64)
    inner = packed.content._getitem_range(0, int(offsets[-1]))
    index_counts = offsets[1:] - offsets[:-1]
    parents = nplike.repeat(nplike.arange(len(counts), dtype=int64), index_counts)
    if _is_jagged_layout(inner):
        _check_counts(nplike, counts, index_counts, dim)
        local = nplike.arange(int(offsets[-1]), dtype=int64) - offsets[:-1][parents]
        content = layout.content._carry(Index64(starts[parents] + local, nplike=nplike), True)
        return ListOffsetArray(Index64(offsets, nplike=nplike), _jagged(content, inner, dim + 1))
    values, valid = _flat_values(inner)
    if values.dtype.kind == "b":
        _check_counts(nplike, counts, index_counts, dim)
        keep = values if valid is None else (values & valid) | ~valid
        local = nplike.arange(len(values), dtype=int64) - offsets[:-1][parents]
        values = local[keep]
        valid = None if valid is None else valid[keep]
        parents = parents[keep]
        newcounts = nplike.zeros(len(counts), dtype=int64)
        if len(parents):
            newcounts = newcounts + _bincount(nplike, parents, len(counts))
        offsets = nplike.zeros(len(counts) + 1, dtype=int64)
        offsets[1:] = nplike.cumsum(newcounts)
    elif values.dtype.kind not in "iu":
        if len(values):
            raise TypeError(f"jagged indices must be integers or booleans, not {values.dtype}")
    values = nplike.astype(values, int64)
    rowcounts = counts[parents]
    at = nplike.where(values < 0, values + rowcounts, values)
    bad = (at < 0) | (at >= rowcounts)
    if valid is not None:
        bad = bad & valid
    if bool(nplike.any(bad)):
        first = int(nplike.nonzero(bad)[0][0])
        row = int(parents[first])
        raise _out_of_bounds(int(values[first]), row, int(counts[row]), dim + 1)
    carry = starts[parents] + at
    if valid is None:
        content = layout.content._carry(Index64(carry, nplike=nplike), True)
    else:
        content = _option_around(nplike, valid, layout.content._carry(Index64(carry[valid], nplike=nplike), True))
    return ListOffsetArray(Index64(offsets, nplike=nplike), content)


def _bincount(nplike, parents, length):
    """Occurrences of each row number in the sorted ``parents``."""
    edges = nplike.searchsorted(parents, nplike.arange(length + 1, dtype=int64), side="left")
    return edges[1:] - edges[:-1]


def _regular_bounds(nplike, layout):
    starts = nplike.arange(len(layout), dtype=int64) * layout.size
    return starts, starts + layout.size


def _check_counts(nplike, counts, index_counts, dim):
    bad = counts != index_counts
    if bool(nplike.any(bad)):
        row = int(nplike.nonzero(bad)[0][0])
        raise ValueError(
            f"cannot fit jagged slice into nested list at dimension {dim + 1}, row {row}: "
            f"the index has {int(index_counts[row])} items, the list has {int(counts[row])}"
        )
