"""pad_none: lists at an axis padded with None up to a length (clip: cut to exactly that).

Only the list structure is read (offsets, or starts and stops); the padded content is an
IndexedOptionArray over the untouched content, so its values stay unread (and virtual).
"""

from __future__ import annotations

from awkward._do._apply import recursively_apply
from awkward._do._option_axis import (
    inside_strings_error,
    is_leaf,
    is_string,
    leaf_axis_error,
    posaxis_at,
    resolve_axis,
)
from awkward._nplikes.dtypes import int64
from awkward.contents import IndexedOptionArray, ListOffsetArray, RegularArray
from awkward.contents.content import as_length, concrete, length_of, unknown_length
from awkward.index import Index64

__all__ = ["pad_none", "starts_counts", "index_nplike_of"]


def pad_none(layout, length, axis=1, clip=False, *, function="pad_none"):
    """``layout`` with the lists at ``axis`` padded with None to at least ``length`` items
    (exactly ``length`` with ``clip``: a RegularArray). ``axis=0`` pads the array itself."""
    if not hasattr(length, "__index__"):  # a bool counts as 0 or 1, as in 2.14
        raise TypeError(f"ak.{function}: 'target' must be an integer, not {length!r}")
    length = length.__index__()
    posaxis = resolve_axis(function, axis, layout)
    if posaxis == 0:
        return _pad_outer(layout, length, clip)
    if posaxis == 1 and layout.is_list and not is_string(layout):
        return _pad_lists(layout, length, clip)  # the common case, what the walk would do

    def action(node, *, depth, **kwargs):
        here = posaxis_at(node, axis, depth)
        if here is not None and here + 1 == depth:
            return _pad_outer(node, length, clip)  # a field whose own axis 0 is meant
        if is_string(node) and here is not None and here > depth:
            raise leaf_axis_error(function, axis, node, depth)
        if is_string(node) and here == depth:
            raise inside_strings_error(function, axis, TypeError)
        if here == depth and node.is_list:
            return _pad_lists(node, length, clip)
        if here == depth and type(node).__name__ == "UnmaskedArray" and node.content.is_list:
            return _pad_lists(node.content, length, clip)  # 2.14 drops this option level
        if is_leaf(node):
            raise leaf_axis_error(function, axis, node, depth)
        return None

    return recursively_apply(layout, action, numpy_to_regular=True, function_name=f"ak.{function}")


def _index_option(index, content):
    """An option over ``content`` picking ``index`` (fresh int64, -1 = None)."""
    index = Index64(index, nplike=content.backend.index_nplike)
    if content.is_option or content.is_indexed or content.is_union:
        return IndexedOptionArray.simplified(index, content)
    return IndexedOptionArray._from_checked(index, content, None)


def index_nplike_of(layout):
    return layout.backend.index_nplike


def _pad_outer(layout, length, clip):
    nplike = index_nplike_of(layout)
    n = length_of(layout)
    if n is unknown_length:  # typetracer: the padded length is unknown too
        if not clip and layout.is_numpy and not layout.inner_shape:
            # eagerly a flat NumpyArray stays as it is when longer than the target (an option
            # otherwise): the tracer assumes the longer case, as 2.14's does
            return layout
        size = max(length, 0) if clip else unknown_length
        index = nplike.arange(size, dtype=int64)
        return _index_option(nplike.where(index < n, index, -1), layout)
    if not clip and length < n and layout.is_numpy and not layout.inner_shape:
        return layout  # 2.14 leaves a longer flat NumpyArray as it is (equal: option)
    size = max(length, 0) if clip else max(length, n)
    index = nplike.arange(size, dtype=int64)
    if size > n:
        index = nplike.where(index < n, index, -1)
    return _index_option(index, layout)


def starts_counts(layout):
    """(starts, counts) of a ListOffsetArray or ListArray, as int64 arrays (reads them)."""
    nplike = index_nplike_of(layout)
    if isinstance(layout, ListOffsetArray):
        (offsets,) = concrete(layout.offsets.data)
        offsets = nplike.astype(offsets, int64, copy=False)
        return offsets[:-1], offsets[1:] - offsets[:-1]
    starts, stops = concrete(layout.starts.data, layout.stops.data)
    n = starts.shape[0]
    starts = nplike.astype(starts, int64, copy=False)
    return starts, nplike.astype(stops[:n], int64, copy=False) - starts


def _starts_stops(layout):
    """(starts, stops, an upper bound of the sum of the list lengths) of a list layout, in
    their own dtypes (the kernels take int32, uint32 and int64)."""
    nplike = index_nplike_of(layout)
    if isinstance(layout, ListOffsetArray):
        (offsets,) = concrete(layout.offsets.data)
        n = offsets.shape[0] - 1
        if not nplike.known_data:  # typetracer
            return offsets[:-1], offsets[1:], unknown_length
        bound = int(offsets[n]) - int(offsets[0]) if n > 0 else 0
        return offsets[:-1], offsets[1:], max(bound, 0)
    starts, stops = concrete(layout.starts.data, layout.stops.data)
    n = starts.shape[0]
    stops = stops[:n]
    if starts.dtype != stops.dtype:
        starts, stops = nplike.astype(starts, int64, copy=False), nplike.astype(stops, int64, copy=False)
    counts = nplike.astype(stops, int64) - nplike.astype(starts, int64, copy=False)
    if not nplike.known_data:  # typetracer
        return starts, stops, unknown_length
    bound = int(nplike.sum(nplike.where(counts > 0, counts, 0))) if n else 0
    return starts, stops, bound


def _pad_lists(layout, length, clip):
    nplike = index_nplike_of(layout)
    params = layout._parameters
    if layout.is_regular:
        n = length_of(layout)
        size = layout.size
        if not clip and length < size:
            return layout  # 2.14: longer regular lists are left as they are (equal: option)
        width = max(length, 0) if clip else length
        positions = nplike.arange(width, dtype=int64)
        rows = nplike.reshape(nplike.arange(n, dtype=int64) * size, (n, 1))
        index = nplike.where(positions < size, rows + positions, -1)
        content = _index_option(nplike.reshape(index, (-1,)), layout.content)
        return RegularArray(content, width, n, parameters=params)
    starts, stops, bound = _starts_stops(layout)
    n = starts.shape[0]
    backend = layout.backend
    if clip:
        width = max(length, 0)
        index = nplike.empty(n * width, dtype=int64)
        kernel = backend["awkward_ListArray_rpad_and_clip_axis1", int64, starts.dtype, stops.dtype]
        kernel(index, starts, stops, width, n)
        content = _index_option(index, layout.content)
        return RegularArray(content, width, n, parameters=params)
    # one pass writes the offsets and the index; the index is allocated at an upper bound
    # (untouched pages cost nothing) and cut to the written length
    target = max(length, 0)
    tolength = bound + n * target
    offsets = nplike.empty(n + 1, dtype=int64)
    index = nplike.empty(tolength, dtype=int64)
    kernel = backend["awkward_ListArray_rpad_axis1", int64, int64, starts.dtype, stops.dtype]
    kernel(offsets, index, starts, stops, target, n, tolength)
    content = _index_option(index[: as_length(offsets[n])], layout.content)
    # fresh int64 offsets (n + 1 of them) of the content's index nplike: nothing to check
    return ListOffsetArray._from_checked(Index64(offsets, nplike=nplike), content, params)
