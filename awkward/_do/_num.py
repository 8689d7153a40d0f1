"""num: the length of each list at an axis (the layout algorithm behind ak.num).

Also home of the small list helpers the flatten/unflatten/local_index/run_lengths modules
share: the lengths of a list node's lists (reading only its offsets, or starts and stops)
and offsets from lengths.
"""

from __future__ import annotations

from awkward._do._apply import recursively_apply
from awkward._do._axis import maybe_posaxis
from awkward._nplikes.dtypes import int64
from awkward.contents.content import concrete, length_of, unknown_length
from awkward.contents.numpyarray import NumpyArray
from awkward.errors import AxisError

__all__ = ["num", "list_counts", "offsets_from_counts", "exceeds_depth"]


def exceeds_depth(function: str, axis: int, depth: int) -> AxisError:
    """The AxisError for an ``axis`` that goes below a leaf found at ``depth``."""
    return AxisError(f"{function}: axis={axis} exceeds the depth of this array ({depth})")


def list_counts(layout, keep_dtype=False):
    """The lengths of the lists of a list node as an int64 array of the index nplike (of
    the offsets' or starts' dtype with ``keep_dtype``, as ak.num gives them in 2.14).

    ListOffsetArray reads its offsets, ListArray its starts and stops, RegularArray nothing."""
    nplike = layout.backend.index_nplike
    if layout.is_regular:
        return nplike.full(length_of(layout), layout.size, dtype=int64)
    offsets_index = getattr(layout, "_offsets", None)
    if offsets_index is not None:
        (offsets,) = concrete(offsets_index.data)
        counts = offsets[1:] - offsets[:-1]
    else:
        starts, stops = concrete(layout.starts.data, layout.stops.data)
        counts = stops[: starts.shape[0]] - starts
    return counts if keep_dtype or counts.dtype == int64 else nplike.astype(counts, int64)


def offsets_from_counts(nplike, counts):
    """int64 offsets (length ``len(counts) + 1``, starting at 0) for lists of ``counts``."""
    out = nplike.empty(counts.shape[0] + 1, dtype=int64)
    out[0] = 0
    nplike.cumsum(counts, maybe_out=out[1:])
    return out


def num(layout, axis: int = 1):
    """The lengths of the lists at ``axis``: for ``axis=0`` a 0-d int64 array of the index
    nplike (reads nothing), else a layout with the structure above ``axis`` and the lengths
    in place of the lists, of the dtype of their offsets (int64 for regular lists), as in
    awkward 2.14. A string counts as a list of characters here, as in awkward 2.14."""
    posaxis = maybe_posaxis(layout, axis, 1)
    if posaxis == 0:
        length = length_of(layout)
        if length is unknown_length:
            return layout.backend.index_nplike.empty((), dtype=int64)
        return layout.backend.index_nplike.asarray(length, dtype=int64)
    if posaxis == 1 and layout.is_list:  # the common case, without the walk
        return NumpyArray._from_checked(list_counts(layout, True), None, layout.backend)

    def action(node, depth, **kwargs):
        posaxis = maybe_posaxis(node, axis, depth)
        if posaxis == depth and node.is_list:
            return NumpyArray._from_checked(list_counts(node, True), None, node.backend)
        if node.is_leaf or node.is_unknown:
            raise exceeds_depth("ak.num", axis, depth)
        return None

    return recursively_apply(layout, action, numpy_to_regular=True, function_name="ak.num")
