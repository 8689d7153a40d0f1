"""sort / argsort: order the elements of the lists at an axis (the algorithm behind ak.sort
and ak.argsort), following awkward 2.14.

At the innermost axis each list is a *segment* of its (packed) content, sorted on its own:
missing values go last, NaN first (in both directions), strings compare by their bytes,
records are sorted field by field (argsort of records is refused, as in 2.14), unions are
refused. argsort gives each element's index within its list, so that
``array[ak.argsort(array)]`` sorts.

At an outer axis the lists' elements are themselves lists: a missing element moves to the end
of its list; then every number takes part in a *group*: the numbers found at the same
position below the axis (same segment, same local indices underneath), which are sorted
among themselves and written back in place, as numpy sorts a rectangular array along an outer
axis. argsort then gives the index, among the present elements of the list at the axis, of
the element each number came from.

Only the buffers of the sorted values and of the lists at and below the axis are read
(``ak.sort(events.jets.pt)`` leaves the jets' other fields unread). The numeric work lives
in ``_segmented_sort``.
"""

from __future__ import annotations

from awkward._do._apply import recursively_apply
from awkward._do._axis import check_posaxis, maybe_posaxis
from awkward._do._num import exceeds_depth
from awkward._do._segmented_sort import (
    argsort_missing,
    argsort_strings,
    missing_after_sort,
    segment_ids,
    segmented_argsort,
    segmented_sort,
    sort_missing,
    stable_partition,
    to_local,
)
from awkward._nplikes.dtypes import bool_, int64
from awkward.contents import IndexedOptionArray, ListOffsetArray, NumpyArray, RecordArray
from awkward.contents.content import as_length, concrete, length_of, unknown_length
from awkward.index import Index64

__all__ = ["sort", "argsort"]

_UNALIGNED = object()  # depth_context marker: an option/index/union lies between list and field


class _Spec:
    __slots__ = ("function", "ascending", "indices")

    def __init__(self, function, ascending, indices):
        self.function = function
        self.ascending = bool(ascending)
        self.indices = indices


def sort(layout, axis: int = -1, ascending: bool = True, stable: bool = True):
    """``layout`` with the lists at ``axis`` sorted (always stably: a stable order is also a
    valid unstable one)."""
    return _run(layout, axis, _Spec("ak.sort", ascending, False))


def argsort(layout, axis: int = -1, ascending: bool = True, stable: bool = True):
    """The int64 indices that sort the lists at ``axis`` (see the module doc)."""
    return _run(layout, axis, _Spec("ak.argsort", ascending, True))


def _run(layout, axis, spec):
    if check_posaxis(spec.function[3:], axis, layout) == 0:
        return _sort_top(layout, spec)

    def action(node, depth, depth_context, **kwargs):
        if node.is_union:
            raise _union_error(spec)
        posaxis = maybe_posaxis(node, axis, depth)
        if posaxis is not None and posaxis + 1 == depth:
            # a field whose (negative) axis is the dimension of the list above its record
            return _sort_field(node, depth_context["segments"], spec)
        text = _is_text(node)
        if posaxis == depth and node.is_list and not text:
            return _sort_lists(node, spec)
        if posaxis is not None and posaxis >= depth and (node.is_leaf or node.is_unknown or text):
            raise exceeds_depth(spec.function, axis, depth)
        if node.is_list:
            depth_context["segments"] = node
        elif not node.is_record:
            depth_context["segments"] = _UNALIGNED
        return None

    return recursively_apply(
        layout,
        action,
        depth_context={"segments": None},
        numpy_to_regular=True,
        function_name=spec.function,
    )


# ---------------------------------------------------------------------- where the axis is
def _is_text(layout):
    return layout.is_list and layout.parameter("__array__") in ("string", "bytestring")


def _sort_top(layout, spec):
    return _sort_content(layout, _one_segment(layout.backend.index_nplike, length_of(layout)), spec)


def _one_segment(nplike, length):
    """The offsets [0, length] of one segment (values unknown on a tracer of unknown length)."""
    if length is unknown_length:
        return nplike.empty(2, dtype=int64)
    return nplike.asarray([0, length], dtype=int64)


def _sort_lists(node, spec):
    packed = node.to_ListOffsetArray64(True)
    (offsets,) = concrete(packed.offsets.data)
    content = packed.content
    stop = as_length(offsets[-1])
    if stop is not unknown_length and length_of(content) != stop:
        content = content._getitem_range(0, stop)
    return ListOffsetArray(packed.offsets, _sort_content(content, offsets, spec), parameters=node.parameters)


def _sort_field(node, segments, spec):
    if segments is None:
        return _sort_top(node, spec)
    nplike = node.backend.index_nplike
    if segments is not _UNALIGNED and segments.is_regular:
        offsets = nplike.arange(length_of(segments) + 1, dtype=int64) * segments.size
        return _sort_content(node, offsets, spec)
    if segments is not _UNALIGNED and hasattr(segments, "offsets"):
        (offsets,) = concrete(segments.offsets.data)
        return _sort_content(node, nplike.astype(offsets, int64), spec)
    raise NotImplementedError(
        f"{spec.function}: a record field whose axis is the dimension of the list above the "
        "record is supported when the record is the list's direct content (no option, index "
        "or ListArray in between)"
    )


def _sort_content(content, offsets, spec):
    """``content`` (same length) with the elements of each segment sorted."""
    if content.is_unknown:
        return _empty_result(content, spec)
    if content.form.minmax_depth[1] == 1:
        return _sort_leafish(content, offsets, spec)
    return _across(content, offsets, spec)


def _empty_result(content, spec):
    if not spec.indices:
        return content
    nplike = content.backend.index_nplike
    return NumpyArray(nplike.zeros(length_of(content), dtype=int64), backend=content.backend)


def _union_error(spec):
    verb = "argsort" if spec.indices else "sort"
    return ValueError(f"{spec.function}: cannot {verb} an irreducible UnionArray")


def _fieldwise(record, sort_field, spec):
    if spec.indices:
        raise NotImplementedError(
            f"{spec.function}: cannot argsort records ({record.form.type}); argsort one of "
            "their fields instead"
        )
    return RecordArray(
        [sort_field(field) for field in record.contents],
        None if record.is_tuple else record.fields,
        length_of(record),
        parameters=record.parameters,
        backend=record.backend,
    )


# ---------------------------------------------------------------------- innermost axis
def _sort_leafish(content, offsets, spec):
    if content.is_union:
        raise _union_error(spec)
    if content.is_record:
        return _fieldwise(content, lambda field: _sort_content(field, offsets, spec), spec)
    if (content.is_option or content.is_indexed) and (content.content.is_record or content.content.is_union):
        if content.content.is_union:
            raise _union_error(spec)
        return _nones_last(content, offsets, lambda proj, inner: _sort_leafish(proj, inner, spec))
    if (content.is_option or content.is_indexed) and content.content.is_unknown:
        return _all_missing(content, offsets, spec)  # nothing to order: all stay in place
    if not spec.indices and content.is_option and content.content.is_numpy:
        return _sort_optional_numbers(content, offsets, spec)
    if content.is_numpy and not spec.indices:
        (data,) = concrete(content.data)
        nplike = content.backend.index_nplike
        sorted_data = segmented_sort(nplike, data, offsets, ascending=spec.ascending, backend=content.backend)
        return NumpyArray(sorted_data, backend=content.backend)
    perm = _leaf_perm(content, offsets, spec, local=spec.indices)
    if spec.indices:
        return NumpyArray(perm, backend=content.backend)
    return _carry_leaf(content, perm)


def _all_missing(content, offsets, spec):
    if not spec.indices:
        return content
    nplike = content.backend.index_nplike
    every = nplike.arange(length_of(content), dtype=int64)
    return NumpyArray(to_local(nplike, every, offsets), backend=content.backend)


def _sort_optional_numbers(content, offsets, spec):
    """Sorted present values of each segment, then its missing ones: one kernel call compacts
    and sorts the present values of every segment and writes the new option index."""
    backend = content.backend
    option = content.to_IndexedOptionArray64()
    index, data = concrete(option.index.data, option.content.data)
    out = sort_missing(backend, index, data, offsets, spec.ascending, as_length)
    if out is None:  # complex numbers: sort the present values alone, point at them
        return _sort_optional_complex(option, index, data, offsets, spec)
    values, new_index = out
    return IndexedOptionArray._from_checked(
        Index64(new_index, nplike=backend.index_nplike),
        NumpyArray._from_checked(values, None, backend),  # a fresh 1-d buffer
        content._parameters,
    )


def _sort_optional_complex(option, index, data, offsets, spec):
    backend = option.backend
    nplike = backend.index_nplike
    valid = index >= 0
    data = data[index[valid]]
    length = valid.shape[0]
    cumulative = nplike.empty(length + 1, dtype=int64)
    cumulative[0] = 0
    nplike.cumsum(valid, maybe_out=cumulative[1:])
    present = cumulative[offsets]
    sorted_data = segmented_sort(nplike, data, present, ascending=spec.ascending)
    missing = missing_after_sort(nplike, valid, offsets, present, backend)
    # the present values keep their order: each one's index is the count of them before it
    nplike.cumsum(~missing, maybe_out=cumulative[1:])
    index = nplike.where(missing, -1, cumulative[:-1])
    return IndexedOptionArray._from_checked(
        Index64(index, nplike=nplike), NumpyArray._from_checked(sorted_data, None, backend), option._parameters
    )


def _valid_and_cumulative(layout):
    nplike = layout.backend.index_nplike
    (valid,) = concrete(layout.mask_as_bool(valid_when=True))
    cumulative = nplike.empty(valid.shape[0] + 1, dtype=int64)
    cumulative[0] = 0
    nplike.cumsum(valid, maybe_out=cumulative[1:])
    return nplike, valid, cumulative


def _nones_last(content, offsets, sort_present):
    """Missing elements of each segment moved to its end (staying missing), the present ones
    sorted by ``sort_present(projected content, its segment offsets)``."""
    if not content.is_option:
        return sort_present(content.project(), offsets)
    nplike, valid, cumulative = _valid_and_cumulative(content)
    order = stable_partition(nplike, valid, offsets)
    inner = sort_present(content.project(), cumulative[offsets])
    index = nplike.where(valid[order], cumulative[:-1][order], -1)
    return IndexedOptionArray(Index64(index, nplike=nplike), inner, parameters=content.parameters)


def _leaf_perm(content, offsets, spec, local):
    """Positions of ``content`` (numbers or strings, maybe missing) in sorted order within
    each segment: global positions, or indices within the segment when ``local``."""
    nplike = content.backend.index_nplike
    if content.is_indexed and not content.is_option:
        return _leaf_perm(content.project(), offsets, spec, local)
    if content.is_option and content.content.is_numpy:
        option = content.to_IndexedOptionArray64()
        index, data = concrete(option.index.data, option.content.data)
        order = argsort_missing(content.backend, index, data, offsets, spec.ascending, local)
        if order is not None:
            return order
    if content.is_option:
        backend = content.backend
        _, valid, cumulative = _valid_and_cumulative(content)
        present = cumulative[offsets]
        (kept,) = nplike.nonzero(valid)
        # the present values sorted alone, then the missing positions in order after them
        if hasattr(content, "_index") and content.content.is_numpy:  # projected in place
            index, data = concrete(content.index.data, content.content.data)
            values = data[index[kept]]
            inner = segmented_argsort(
                nplike, values, present, ascending=spec.ascending, backend=backend
            )
        else:
            inner = _leaf_perm(content.project(), present, spec, False)
        missing = missing_after_sort(nplike, valid, offsets, present, backend)
        order = nplike.empty(valid.shape[0], dtype=int64)
        order[~missing] = kept[inner]
        order[missing] = nplike.nonzero(~valid)[0]
        return to_local(nplike, order, offsets) if local else order
    if content.is_union:
        raise _union_error(spec)
    if _is_text(content):
        packed = content.to_ListOffsetArray64(False)
        string_offsets, chars = concrete(packed.offsets.data, packed.content.data)
        return argsort_strings(content.backend, string_offsets, chars, offsets, spec.ascending, local)
    if content.is_numpy:
        (values,) = concrete(content.data)
    else:
        raise TypeError(f"{spec.function}: cannot sort {content.form.type}")
    return segmented_argsort(
        nplike, values, offsets, ascending=spec.ascending, local=local, backend=content.backend
    )


def _carry_leaf(content, perm):
    nplike = content.backend.index_nplike
    if content.is_numpy:
        (data,) = concrete(content.data)
        return NumpyArray(data[perm], backend=content.backend)  # 2.14 drops the parameters
    if content.is_option:
        option = content.to_IndexedOptionArray64()
        (index,) = concrete(option.index.data)
        return IndexedOptionArray(Index64(index[perm], nplike=nplike), option.content, parameters=option.parameters)
    return content._carry(Index64(perm, nplike=nplike), False)


# ---------------------------------------------------------------------- outer axes
def _across(content, offsets, spec):
    """Elements of each segment are lists: missing ones go last, then the numbers at the same
    position below are sorted among themselves."""
    if content.is_union:
        raise _union_error(spec)
    if content.is_option or content.is_indexed:
        return _nones_last(content, offsets, lambda proj, inner: _across(proj, inner, spec))
    if content.form.minmax_depth[1] == 1:
        return _sort_leafish(content, offsets, spec)
    if content.is_record:
        return _fieldwise(content, lambda field: _sort_content(field, offsets, spec), spec)
    nplike = content.backend.index_nplike
    length = length_of(content)
    first, last = as_length(offsets[0]), as_length(offsets[-1])
    ordinal = nplike.zeros(length, dtype=int64)
    if first is not unknown_length and last is not unknown_length:
        ordinal[first:last] = nplike.arange(first, last, dtype=int64) - nplike.repeat(
            offsets[:-1], offsets[1:] - offsets[:-1]
        )
    else:  # a tracer: the same reads, no values
        nplike.repeat(offsets[:-1], offsets[1:] - offsets[:-1])
    return _regroup(content, [segment_ids(nplike, offsets, length)], ordinal, spec)


def _regroup(node, columns, ordinal, spec):
    """``node`` (below the axis) with its numbers sorted within their groups; ``columns``
    hold, per element of ``node``, the group coordinates found so far (segment, then local
    indices), ``ordinal`` the index of the element at the axis it belongs to."""
    if node.is_numpy and len(node.inner_shape) > 0:
        node = node.to_RegularArray()
    if node.is_union:
        raise _union_error(spec)
    if node.is_unknown:
        return _empty_result(node, spec)
    nplike = node.backend.index_nplike
    if node.is_record:
        return _fieldwise(node, lambda field: _regroup(field, columns, ordinal, spec), spec)
    leafish = node.form.minmax_depth[1] == 1
    if node.is_option and not (leafish and not node.content.is_record):
        _, valid, cumulative = _valid_and_cumulative(node)
        keep = nplike.nonzero(valid)[0]
        inner = _regroup(node.project(), [c[keep] for c in columns], ordinal[keep], spec)
        index = nplike.where(valid, cumulative[:-1], -1)
        return IndexedOptionArray(Index64(index, nplike=nplike), inner, parameters=node.parameters)
    if node.is_indexed and not node.is_option:
        return _regroup(node.project(), columns, ordinal, spec)
    if leafish:
        return _group_sort_leaf(node, columns, ordinal, spec)
    packed = node.to_ListOffsetArray64(True)
    (offsets,) = concrete(packed.offsets.data)
    content = packed.content
    total = as_length(offsets[-1])
    if total is not unknown_length and length_of(content) != total:
        content = content._getitem_range(0, total)
    nlists = offsets.shape[0] - 1
    if content.form.minmax_depth[1] == 1:
        # the innermost lists: as in 2.14, argsort counts them within their group
        ordinal = _rank_in_group(nplike, columns, nlists)
    parent = nplike.repeat(nplike.arange(nlists, dtype=int64), offsets[1:] - offsets[:-1])
    local = nplike.arange(total, dtype=int64) - offsets[:-1][parent]
    inner = _regroup(content, [c[parent] for c in columns] + [local], ordinal[parent], spec)
    return ListOffsetArray(packed.offsets, inner, parameters=node.parameters)


def _group_sort_leaf(leaf, columns, ordinal, spec):
    nplike = leaf.backend.index_nplike
    length = length_of(leaf)
    slots, group_offsets = _groups(nplike, columns, length)
    arranged_leaf = leaf._carry(Index64(slots, nplike=nplike), False)
    source = slots[_leaf_perm(arranged_leaf, group_offsets, spec, False)]
    out = nplike.empty(length, dtype=int64)
    if spec.indices:
        out[slots] = ordinal[source]
        return NumpyArray(out, backend=leaf.backend)
    out[slots] = source
    return _carry_leaf(leaf, out)


def _groups(nplike, columns, length):
    """Positions arranged by group (equal ``columns``), in their order within a group, and the
    offsets of the groups in that arrangement."""
    slots = nplike.arange(length, dtype=int64)
    for column in reversed(columns):  # least significant first: a stable radix by column
        slots = slots[nplike.argsort(column[slots], stable=True)]
    bounds = nplike.zeros(0, dtype=int64)
    if length is unknown_length or length > 1:
        change = nplike.zeros(length - 1, dtype=bool_)
        for column in columns:
            arranged = column[slots]
            change |= arranged[1:] != arranged[:-1]
        bounds = nplike.astype(nplike.nonzero(change)[0] + 1, int64)
    edges = _one_segment(nplike, length)
    return slots, nplike.concat([edges[:1], bounds, edges[1:]])


def _rank_in_group(nplike, columns, length):
    """Each position's index among the positions of its group (equal ``columns``)."""
    slots, group_offsets = _groups(nplike, columns, length)
    counts = group_offsets[1:] - group_offsets[:-1]
    rank = nplike.empty(length, dtype=int64)
    rank[slots] = nplike.arange(length, dtype=int64) - nplike.repeat(group_offsets[:-1], counts)
    return rank
