"""Awkward indices below the first dimension (``a[:, j]``): a jagged index or a flat index with
missing values applies to every row, like ``a[i][j]`` for each row ``i``.

The dimension the index lands on becomes regular (its size is the index's length), even when
the array's lists there were variable-length. ``descend`` is ``_next`` (passed in to keep the
import graph acyclic); ``starts``/``counts`` describe the rows of the list node being sliced.
"""

from __future__ import annotations

from awkward._nplikes.dtypes import int64
from awkward._slicing._common import _min_depth, _out_of_bounds
from awkward._slicing._jagged import _jagged
from awkward.contents.indexedoptionarray import IndexedOptionArray
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.regulararray import RegularArray
from awkward.index import Index64


def _rows_content(layout, starts, length, size):
    """The elements of all rows in order (every row has ``size`` elements)."""
    nplike = layout.backend.index_nplike
    content = layout.content
    if length == 0 or size == 0:
        return content._getitem_range(0, 0)
    if layout.is_regular or isinstance(layout, ListOffsetArray):
        # rows of equal length in an offsets/regular layout are contiguous: no carry
        first = int(starts[0])
        return content._getitem_range(first, first + length * size)
    grid = nplike.reshape(starts, (length, 1)) + nplike.reshape(nplike.arange(size, dtype=int64), (1, size))
    return content._carry(Index64(nplike.reshape(grid, (-1,)), nplike=nplike), True)


def _check_row_lengths(nplike, counts, size, dim, what):
    bad = counts != size
    if bool(nplike.any(bad)):
        row = int(nplike.nonzero(bad)[0][0])
        raise IndexError(
            f"cannot fit {what} of length {size} into dimension {dim} at row {row} "
            f"(list of length {int(counts[row])}): every list there must have the index's length"
        )


def jagged_below(layout, starts, counts, index, tail, dim, descend):
    """Row ``i`` becomes ``row_i[index]``; ``index`` (a layout with lists) spans
    ``_min_depth(index)`` dimensions, ``tail`` applies below them."""
    nplike = layout.backend.index_nplike
    length, size = len(starts), len(index)
    _check_row_lengths(nplike, counts, size, dim, "a jagged index")
    rows = _rows_content(layout, starts, length, size)
    # the same index for every row: repeat it once per row, then line it up with the elements
    repeated = nplike.reshape(
        nplike.zeros((length, 1), dtype=int64) + nplike.reshape(nplike.arange(size, dtype=int64), (1, size)), (-1,)
    )
    tiled = index._carry(Index64(repeated, nplike=nplike), False)
    out = _jagged(rows, tiled, dim)
    below = (slice(None),) * (_min_depth(index) - 1) + tuple(tail)
    out = descend(out, below, None, dim + 1)
    return RegularArray(out, size, length)


def missing_below(layout, starts, counts, item, tail, dim, descend):
    """Row ``i`` becomes ``[row_i[k] if k is not None else None for k in index]`` (a boolean
    index keeps the positions of True, and None for None)."""
    nplike = layout.backend.index_nplike
    values, valid = item.values, item.valid
    if values.dtype.kind == "b":
        keep = (values & valid) | ~valid
        values, valid = nplike.nonzero(keep)[0], valid[keep]
    values = nplike.astype(values, int64)
    length, size = len(starts), len(values)
    picked = values[valid]
    present = len(picked)
    grid = nplike.reshape(picked, (1, present)) + nplike.zeros((length, 1), dtype=int64)
    rowcounts = nplike.reshape(counts, (length, 1)) + nplike.zeros((1, present), dtype=int64)
    at = nplike.where(grid < 0, grid + rowcounts, grid)
    bad = (at < 0) | (at >= rowcounts)
    if bool(nplike.any(bad)):
        flat = int(nplike.nonzero(nplike.reshape(bad, (-1,)))[0][0])
        row = flat // present
        raise _out_of_bounds(int(picked[flat % present]), row, int(counts[row]), dim)
    carry = nplike.reshape(nplike.reshape(starts, (length, 1)) + at, (-1,))
    content = layout.content._carry(Index64(carry, nplike=nplike), True)
    out = descend(content, tuple(tail), None, dim + 1)
    # row r, position k: the (r * present + rank of k among the valid positions)-th picked element
    rank = nplike.cumsum(nplike.astype(valid, int64)) - 1
    outindex = nplike.where(
        nplike.reshape(valid, (1, size)),
        nplike.reshape(nplike.arange(length, dtype=int64) * present, (length, 1)) + nplike.reshape(rank, (1, size)),
        -1,
    )
    option = IndexedOptionArray.simplified(Index64(nplike.reshape(outindex, (-1,)), nplike=nplike), out)
    return RegularArray(option, size, length)
