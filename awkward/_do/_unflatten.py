"""unflatten: a new list dimension at an axis, cut from the items by counts.

``counts`` is either an int (every new list has that many items: a RegularArray) or an
int64 array with a boolean ``mask`` (True: the new list is missing). At ``axis=0`` the
counts cut the whole array; deeper, they cut the contents of the lists at ``axis`` and must
not cross those lists' boundaries.
"""

from __future__ import annotations

from awkward._do._axis import maybe_posaxis
from awkward._do._flatten import holds_unknown, is_string, list_items
from awkward._do._num import exceeds_depth, offsets_from_counts
from awkward._nplikes.dtypes import int8, int64
from awkward.contents.bytemaskedarray import ByteMaskedArray
from awkward.contents.content import Content, as_length, concrete, is_true, length_of, maybe_equal
from awkward.contents.indexedoptionarray import IndexedOptionArray
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.regulararray import RegularArray
from awkward.contents.unionarray import UnionArray
from awkward.index import Index8, Index64

__all__ = ["unflatten"]


def _does_not_fit(axis):
    return ValueError(
        f"ak.unflatten: structure imposed by 'counts' does not fit in the array or partition "
        f"at axis={axis}"
    )


def _cut(layout, counts, mask, axis):
    """``layout`` cut into lists of ``counts`` items: (new lists, offsets of the cuts)."""
    nplike = layout.backend.index_nplike
    length = length_of(layout)
    if isinstance(counts, int):
        if counts < 0:
            raise ValueError(f"ak.unflatten: counts must be non-negative, not {counts}")
        if counts == 0:
            return RegularArray(layout._getitem_range(0, 0), 0, 0), None
        return RegularArray(layout, counts, length // counts), None
    # one pass: the running sum, checking that no count is negative
    offsets = nplike.empty(counts.shape[0] + 1, dtype=int64)
    counts = nplike.ascontiguousarray(counts)
    try:
        layout.backend["awkward_Lengths_to_offsets", int64, int64](offsets, counts, counts.shape[0])
    except ValueError:
        raise ValueError("ak.unflatten: counts must be non-negative") from None
    if not maybe_equal(as_length(offsets[-1]), length):
        raise _does_not_fit(axis)
    # fresh int64 offsets (len(counts) + 1) of the layout's index nplike: nothing to check
    out = ListOffsetArray._from_checked(Index64(offsets, nplike=nplike), layout, None)
    if mask is not None:
        out = ByteMaskedArray(Index8(nplike.astype(mask, int8), nplike=nplike), out, valid_when=False)
    return out, offsets


def _cut_inside(layout, counts, mask, axis):
    """A list node with its content cut by ``counts`` inside each of its lists."""
    nplike = layout.backend.index_nplike
    if not layout.is_list or is_string(layout):
        raise _does_not_fit(axis)
    if not hasattr(layout, "_offsets"):
        layout = layout.to_ListOffsetArray64(True)
    (outer,) = concrete(layout.offsets.data)
    first, last = as_length(outer[0]), as_length(outer[-1])
    content = layout.content._getitem_range(first, last)
    outer = nplike.astype(outer, int64) - first
    parameters = layout._parameters
    if isinstance(counts, int):
        inner, _ = _cut(content, counts, None, axis)
        if counts == 0:
            if not maybe_equal(last, first):
                raise _does_not_fit(axis)
            new_outer = nplike.zeros(outer.shape[0], dtype=int64)
        elif is_true(nplike.any(outer % counts != 0), False):  # (a tracer cannot tell)
            raise _does_not_fit(axis)
        else:
            new_outer = outer // counts
        return ListOffsetArray(Index64(new_outer, nplike=nplike), inner, parameters=parameters)
    inner, cuts = _cut(content, counts, mask, axis)
    # each list boundary must be a cut; an empty new list at a boundary goes to the earlier list
    positions = nplike.astype(nplike.searchsorted(cuts, outer, side="right"), int64) - 1
    positions[0] = 0
    if not is_true(nplike.all(cuts[positions] == outer), True) or not maybe_equal(
        as_length(positions[-1]), counts.shape[0]
    ):
        raise _does_not_fit(axis)
    return ListOffsetArray(Index64(positions, nplike=nplike), inner, parameters=parameters)


def _lists_behind_options(node):
    """An option or indexed node over lists: the present lists, and how to put them back."""
    nplike = node.backend.index_nplike
    projected = node.project()
    if not node.is_option:
        return projected, lambda out: out
    valid = node.mask_as_bool(valid_when=True)
    index = nplike.full(valid.shape[0], -1, dtype=int64)
    index[valid] = nplike.arange(length_of(projected), dtype=int64)
    return projected, lambda out: IndexedOptionArray.simplified(
        Index64(index, nplike=nplike), out, parameters=node._parameters
    )


def _union_as_list(node, depth):
    """A union of lists as one list of the union of their items."""
    nplike = node.backend.index_nplike
    counts, flat = list_items(node, True, function="ak.unflatten", depth=depth + 1)
    offsets = offsets_from_counts(nplike, counts)
    return ListOffsetArray(Index64(offsets, nplike=nplike), flat)


def counts_and_mask(counts, nplike):
    """``counts`` (an int, a 1-d integer array of ``nplike``, or a Content of integers,
    possibly with missing values) as an int, or as an int64 array of counts (0 where missing)
    and a boolean mask (or None)."""
    if isinstance(counts, int):
        return counts, None
    if not isinstance(counts, Content):
        return nplike.astype(counts, int64, copy=False), None
    nplike = counts.backend.index_nplike
    if counts.is_unknown:
        return nplike.empty(0, dtype=int64), None
    mask = None
    if counts.is_option:
        valid = counts.mask_as_bool(valid_when=True)
        present = _integers(counts.project())
        values = nplike.zeros(valid.shape[0], dtype=int64)
        values[valid] = present
        return values, ~valid  # option counts give option lists, even with none missing (2.14)
    if counts.is_indexed:
        counts = counts.project()
    return _integers(counts), mask


def _integers(layout):
    nplike = layout.backend.index_nplike
    if layout.is_unknown:
        return nplike.empty(0, dtype=int64)
    if not layout.is_numpy or layout.inner_shape:
        raise ValueError(
            "ak.unflatten: counts must be an integer or a one-dimensional array of integers"
        )
    if layout.dtype.kind not in "iu":
        raise ValueError(f"ak.unflatten: counts must be integers, not {layout.dtype}")
    (data,) = concrete(layout.data)
    return nplike.astype(data, int64, copy=False)


def unflatten(layout, counts, axis=0):
    """New lists cut from the items at ``axis`` (see module doc). ``counts``: an int, a 1-d
    integer array of the layout's index nplike, or a Content of integers (missing values make
    missing lists)."""
    counts, mask = counts_and_mask(counts, layout.backend.index_nplike)
    posaxis = maybe_posaxis(layout, axis, 1)
    if posaxis == 0:
        return _cut(layout, counts, mask, axis)[0]
    consumed = []
    out = _walk(layout, 1, axis, counts, mask, consumed)
    if not consumed:
        if holds_unknown(layout):
            # an EmptyArray stands for lists of any depth: nothing to cut, as in awkward 2.14
            if not isinstance(counts, int) and len(counts) != 0:
                raise _does_not_fit(axis)
            return out
        raise exceeds_depth("ak.unflatten", axis, layout.form.minmax_depth[1])
    if not isinstance(counts, int) and len(consumed) != 1:
        # one array of counts describes the lists of one node, not of several fields
        raise _does_not_fit(axis)
    return out


def _walk(node, depth, axis, counts, mask, consumed):
    """``node`` with the lists at ``axis`` cut. On the way down every node is trimmed to the
    elements it shows (list contents to their range, options and unions projected), so that
    the counts meet exactly the items a user sees."""
    if node.is_numpy and node.inner_shape:
        node = node.to_RegularArray()
    if node.is_leaf or node.is_unknown or is_string(node):
        return node  # fields shallower than ``axis`` are left as they are
    posaxis = maybe_posaxis(node, axis, depth)
    if posaxis is not None and posaxis == depth and not node.is_record:
        if (node.is_option or node.is_indexed) and not _holds_lists(node.content):
            return _walk_option(node, depth, axis, counts, mask, consumed)
        if node.is_union:
            consumed.append(node)
            return _cut_union(node, depth, axis, counts, mask)
        consumed.append(node)
        if node.is_option or node.is_indexed:
            present, put_back = _lists_behind_options(node)
            return put_back(_cut_inside(present, counts, mask, axis))
        return _cut_inside(node, counts, mask, axis)
    if posaxis is not None and posaxis < depth:
        return node
    if node.is_regular:
        length, size = length_of(node), node.size
        content = _walk(node.content._getitem_range(0, length * size), depth + 1, axis, counts, mask, consumed)
        return RegularArray(content, size, length, parameters=node._parameters)
    if node.is_list:
        packed = node.to_ListOffsetArray64(True)
        (offsets,) = concrete(packed.offsets.data)
        content = packed.content._getitem_range(0, as_length(offsets[-1]))
        return packed.copy(content=_walk(content, depth + 1, axis, counts, mask, consumed))
    if node.is_option or node.is_indexed:
        return _walk_option(node, depth, axis, counts, mask, consumed)
    if node.is_record:
        length = length_of(node)
        fields = [
            _walk(field._getitem_range(0, length), depth, axis, counts, mask, consumed)
            for field in node.contents
        ]
        return node.copy(contents=fields)
    if node.is_union:
        projected = [node.project(tag) for tag in range(len(node.contents))]
        walked = [_walk(branch, depth, axis, counts, mask, consumed) for branch in projected]
        return _union_of(node, walked)
    raise TypeError(f"ak.unflatten: unexpected layout {type(node).__name__}")


def _union_of(node, branches):
    """``node``'s tags over ``branches`` (its projected contents, transformed): a union kept as
    it is (awkward 2.14 does not merge the branches), simplified only where it must be."""
    tags = node.tags
    index = UnionArray.regular_index(tags, backend=node.backend)
    n_options = sum(b.is_option for b in branches)
    if 0 < n_options < len(branches) or any(b.is_union or (b.is_indexed and not b.is_option) for b in branches):
        return UnionArray.simplified(tags, index, branches, parameters=node._parameters)
    return UnionArray(tags, index, branches, parameters=node._parameters)


def _cut_union(node, depth, axis, counts, mask):
    """A union whose branches are lists at ``axis``, each branch cut by its own counts."""
    nplike = node.backend.index_nplike
    n = len(node.contents)
    if isinstance(counts, int):
        per_branch = [(counts, None)] * n
    else:
        # the counts, in order, cut the items of the union's lists: each count goes to the
        # branch of the list it falls in (checked against the lists' boundaries first)
        cut = _cut_inside(_union_as_list(node, depth), counts, mask, axis)
        (positions,) = concrete(cut.offsets.data)
        (tags,) = concrete(node.tags.data)
        per_list = positions[1:] - positions[:-1]
        count_tags = nplike.repeat(tags[: per_list.shape[0]], per_list)
        per_branch = []
        for tag in range(n):
            chosen = count_tags == tag
            per_branch.append((counts[chosen], None if mask is None else mask[chosen]))
    branches = []
    reached = []  # a branch without lists here is left as it is (as in awkward 2.14)
    for tag, (branch_counts, branch_mask) in enumerate(per_branch):
        branches.append(_walk(node.project(tag), depth, axis, branch_counts, branch_mask, reached))
    if not reached:
        raise _does_not_fit(axis)
    return _union_of(node, branches)


def _holds_lists(content) -> bool:
    if content.is_numpy:
        return bool(content.inner_shape)
    return (content.is_list and not is_string(content)) or content.is_union


def _walk_option(node, depth, axis, counts, mask, consumed):
    present, put_back = _lists_behind_options(node)
    return put_back(_walk(present, depth, axis, counts, mask, consumed))
