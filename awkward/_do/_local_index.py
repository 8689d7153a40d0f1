"""local_index: the position of each element within its list at an axis."""

from __future__ import annotations

from awkward._do._apply import recursively_apply
from awkward._do._axis import maybe_posaxis
from awkward._do._num import exceeds_depth, list_counts, offsets_from_counts
from awkward._nplikes.dtypes import int64
from awkward.contents.content import as_length, concrete, length_of, unknown_length
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.numpyarray import NumpyArray
from awkward.contents.regulararray import RegularArray
from awkward.index import Index64

__all__ = ["local_index"]


def _arange(layout):
    nplike = layout.backend.index_nplike
    return NumpyArray(nplike.arange(length_of(layout), dtype=int64), backend=layout.backend)


def _list_local_index(layout):
    """Same lists as ``layout`` (without parameters), holding 0, 1, ... n-1 in each; reads
    the offsets (or starts and stops) only."""
    nplike = layout.backend.index_nplike
    if layout.is_regular:
        size, length = layout.size, length_of(layout)
        values = nplike.arange(length * size, dtype=int64)
        if size is not unknown_length and size > 0:  # (unknown: a tracer's, values unknown)
            values = values % size
        return RegularArray(NumpyArray(values, backend=layout.backend), size, length)
    offsets_index = getattr(layout, "_offsets", None)
    if offsets_index is not None:
        # reuse int64 offsets as they are when they start at 0 (no cumulative sum, no copy)
        (raw,) = concrete(offsets_index.data)
        first = as_length(raw[0])
        total = as_length(raw[-1]) - first
        if first is not unknown_length and first == 0 and raw.dtype == int64:
            index = offsets_index
        else:
            index = Index64(nplike.astype(raw, int64) - first, nplike=nplike)
    else:
        raw = offsets_from_counts(nplike, list_counts(layout))
        total = as_length(raw[-1])
        index = Index64(raw, nplike=nplike)
    # one pass writing 0..n-1 per list (numpy needs an arange, a repeat and a subtraction)
    values = nplike.empty(total, dtype=int64)
    kernel = layout.backend["awkward_ListOffsetArray_local_index", int64, raw.dtype]
    kernel(values, raw, raw.shape[0] - 1, total)
    content = NumpyArray._from_checked(values, None, layout.backend)
    return ListOffsetArray._from_checked(index, content, None)


def local_index(layout, axis: int = -1):
    """Each element replaced by its index in the list that holds it at ``axis`` (``axis=0``:
    its index in the array); the structure above ``axis`` is kept."""
    posaxis = maybe_posaxis(layout, axis, 1)
    if posaxis == 0:
        return _arange(layout)
    if posaxis == 1 and layout.is_list:  # the common case, without the walk
        return _list_local_index(layout)

    def action(node, depth, **kwargs):
        posaxis = maybe_posaxis(node, axis, depth)
        if posaxis is not None and posaxis + 1 == depth:
            # a field of a record whose (negative) axis means the record's own dimension
            return _arange(node)
        if posaxis == depth and node.is_list:
            return _list_local_index(node)
        if node.is_leaf or node.is_unknown:
            raise exceeds_depth("ak.local_index", axis, depth)
        return None

    # unions stay unions (awkward 2.14 keeps one branch per original branch)
    return recursively_apply(
        layout, action, numpy_to_regular=True, return_simplified=False, function_name="ak.local_index"
    )
