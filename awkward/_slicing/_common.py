"""Index markers and helpers shared by the slicing modules."""

from __future__ import annotations

from awkward._nplikes.dtypes import int64
from awkward.contents.content import concrete, length_of, unknown_length
from awkward.contents.indexedoptionarray import IndexedOptionArray
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.index import Index64


class _Fields:
    """A list of field names in a slice tuple (projection)."""

    __slots__ = ("names",)

    def __init__(self, names):
        self.names = names


class _Advanced:
    """A flattened advanced index: ``values`` (int64, 1-d) and the broadcast ``shape``."""

    __slots__ = ("values", "shape")

    def __init__(self, values, shape):
        self.values = values
        self.shape = shape


class _Jagged:
    """An awkward layout used as an index with lists (applied by ``_jagged``)."""

    __slots__ = ("layout",)

    def __init__(self, layout):
        self.layout = layout


class _Missing:
    """A flat index with missing values (an option-type layout of integers)."""

    __slots__ = ("values", "valid")

    def __init__(self, values, valid):
        self.values = values
        self.valid = valid


def _out_of_bounds(value, row, length, dim):
    return IndexError(
        f"index {value} is out of bounds in dimension {dim} at row {row} (list of length {length})"
    )


def _option_around(nplike, valid, out):
    outindex = nplike.where(valid, nplike.cumsum(nplike.astype(valid, int64)) - 1, -1)
    return IndexedOptionArray.simplified(Index64(outindex, nplike=nplike), out)


def _project_option(nplike, layout):
    option = layout if isinstance(layout, IndexedOptionArray) else layout.to_IndexedOptionArray64()
    (index,) = concrete(option.index.data)
    index = nplike.astype(index, int64)
    valid = index >= 0
    return option.content._carry(Index64(index[valid], nplike=nplike), True), valid


def _flat_values(content):
    """(values, valid-or-None) of a flat numeric layout, possibly option-type."""
    valid = None
    if content.is_option:
        option = content if isinstance(content, IndexedOptionArray) else content.to_IndexedOptionArray64()
        (index,) = concrete(option.index.data)
        valid = index >= 0
        nplike = content.backend.index_nplike
        data, _ = _flat_values(option.content)  # (an option inside an option: outer validity wins)
        if data.shape[0] is not unknown_length and len(data) == 0:  # every value missing
            return nplike.zeros(len(index), dtype=data.dtype), valid
        return data[nplike.where(valid, index, 0)], valid
    if content.is_indexed:
        return _flat_values(content.project())
    if content.is_unknown:
        nplike = content.backend.index_nplike
        return nplike.zeros(0, dtype=int64), None
    if not content.is_numpy:
        raise TypeError(f"cannot use a {type(content).__name__} (type {content.form.type}) as an index")
    (data,) = concrete(content.data)
    if data.ndim != 1:
        raise TypeError("cannot use a multidimensional NumpyArray layout as an index")
    return data, valid


def _regular_index_values(layout):
    """The N-d array of an index layout whose dimensions are all regular (RegularArray and
    NumpyArray nodes only: no var lists, no missing values), else None. Awkward treats such an
    index like the NumPy array it equals (advanced indexing), not as a jagged index."""
    sizes = []
    node = layout
    while node.is_regular:
        sizes.append(node.size)
        node = node.content
    if not node.is_numpy:
        return None
    (data,) = concrete(node.data)
    nplike = layout.backend.index_nplike
    length = length_of(layout)
    count = length
    for size in sizes:
        count *= size
    shape = (length, *sizes, *data.shape[1:])
    return nplike.reshape(data[:count], shape)


def _is_jagged_layout(layout) -> bool:
    while layout.is_option or layout.is_indexed:
        layout = layout.content
    return layout.is_list or (layout.is_numpy and len(layout.data.shape) > 1)


def _min_depth(layout) -> int:
    if layout.is_numpy:
        return len(layout.data.shape)
    if layout.is_list:
        return 1 + _min_depth(layout.content)
    if layout.is_option or layout.is_indexed:
        return _min_depth(layout.content)
    if layout.is_record or layout.is_union:
        kids = layout.contents
        return min((_min_depth(k) for k in kids), default=1)
    return 1


def _starts_stops(layout):
    nplike = layout.backend.index_nplike
    if isinstance(layout, ListOffsetArray):
        (offsets,) = concrete(layout.offsets.data)
        offsets = nplike.astype(offsets, int64, copy=False)  # read-only use: no copy
        return offsets[:-1], offsets[1:]
    starts, stops = concrete(layout.starts.data, layout.stops.data)
    return nplike.astype(starts, int64, copy=False), nplike.astype(stops[: starts.shape[0]], int64, copy=False)
