"""Layout algorithms about missing values: is_none, drop_none, firsts, singletons, mask.

Each one changes the nodes at one axis (``posaxis_at``) and rebuilds the nodes above it, so
that the options and lists outside the axis stay as they are; nothing below the axis is read.
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
from awkward._do._pad_none import index_nplike_of, starts_counts
from awkward._nplikes.dtypes import bool_, int8, int64
from awkward.contents.content import concrete, length_of, unknown_length
from awkward.errors import AxisError

__all__ = ["is_none", "drop_none", "firsts", "singletons", "mask", "missing_mask"]


def _walk_to_axis(layout, axis, function, at_axis, *, below=None):
    """Apply ``at_axis(node)`` to the nodes whose own axis 0 is ``axis`` (None: look inside
    it, as 2.14 does for records); ``below(node, here, depth)`` (optional) may answer first
    for nodes above it. A leaf above the axis is an AxisError, and so is going into the
    characters of strings."""

    def action(node, *, depth, **kwargs):
        here = posaxis_at(node, axis, depth)
        if here is not None and here + 1 == depth:
            return at_axis(node)
        if below is not None and here is not None:
            out = below(node, here, depth)
            if out is not None:
                return out
        if is_string(node) and here is not None and here > depth:
            raise leaf_axis_error(function, axis, node, depth)
        if is_string(node) and here == depth:
            raise inside_strings_error(function, axis)
        if is_leaf(node):
            raise leaf_axis_error(function, axis, node, depth)
        return None

    return recursively_apply(layout, action, numpy_to_regular=True, function_name=f"ak.{function}")


# ---------------------------------------------------------------------- is_none
def missing_mask(layout):
    """Booleans, True where an element of ``layout`` is None (reads the option's mask or
    index only; non-option layouts read nothing)."""
    nplike = index_nplike_of(layout)
    if layout.is_option:
        if type(layout).__name__ == "UnmaskedArray":
            return nplike.zeros(length_of(layout), dtype=bool_)
        return layout.mask_as_bool(False)
    if layout.is_union:
        masks = [missing_mask(content) for content in layout.contents]
        tags, index = concrete(layout.tags.data, layout.index.data)
        tags = tags[: length_of(layout)]
        out = nplike.zeros(tags.shape[0], dtype=bool_)
        for tag, content_mask in enumerate(masks):
            if content_mask.shape[0] is not unknown_length and len(content_mask) == 0:
                continue
            here = tags == tag
            picked = content_mask[nplike.where(here, index[: tags.shape[0]], 0)]
            out = nplike.logical_or(out, nplike.logical_and(here, picked))
        return out
    return nplike.zeros(length_of(layout), dtype=bool_)


def is_none(layout, axis=0, *, function="is_none"):
    """Booleans at ``axis``: True where the element is None; the lists and options above
    ``axis`` are kept around them."""
    from awkward.contents import NumpyArray

    resolve_axis(function, axis, layout)

    def at_axis(node):
        if node.is_record:
            return None  # 2.14: one boolean per field
        return NumpyArray(missing_mask(node), backend=node.backend)

    return _walk_to_axis(layout, axis, function, at_axis)


# ---------------------------------------------------------------------- drop_none
def _drop_in_lists(lists):
    """``lists`` whose option content loses its None values (offsets are recounted)."""
    from awkward.contents import ListArray, ListOffsetArray
    from awkward.index import Index64

    option = lists.content
    nplike = index_nplike_of(lists)
    valid, content = _present(option)
    kept = nplike.concat([nplike.zeros(1, dtype=int64), nplike.cumsum(nplike.astype(valid, int64))])
    if isinstance(lists, ListArray):
        starts, stops = concrete(lists.starts.data, lists.stops.data)
        n = len(starts)
        return ListArray(
            Index64(kept[starts], nplike=nplike), Index64(kept[stops[:n]], nplike=nplike), content
        )
    if isinstance(lists, ListOffsetArray):
        (offsets,) = concrete(lists.offsets.data)
    else:
        (offsets,) = concrete(lists.offsets.data)
        offsets = offsets[: len(lists) + 1]
    return ListOffsetArray(Index64(kept[offsets], nplike=nplike), content)


def _has_missing(layout) -> bool:
    """An option, or a union with option contents (whose elements may be None)."""
    return layout.is_option or (layout.is_union and any(k.is_option for k in layout.contents))


def _present(layout):
    """(valid booleans, the present elements) of an option or a union of options."""
    from awkward.index import Index64

    if layout.is_option:
        return layout.mask_as_bool(True), layout.project()
    nplike = index_nplike_of(layout)
    valid = nplike.logical_not(missing_mask(layout))
    (where,) = nplike.nonzero(valid)
    return valid, layout._carry(Index64(nplike.astype(where, int64), nplike=nplike), False)


def drop_none(layout, axis=None, *, function="drop_none"):
    """``layout`` without the None values at ``axis`` (every level for ``axis=None``, except
    options of record fields, which cannot lose elements without their record)."""
    if axis is None:
        if _has_missing(layout):
            layout = _present(layout)[1]
        return recursively_apply(layout, _drop_everywhere, numpy_to_regular=True)
    if resolve_axis(function, axis, layout) == 0:
        return _present(layout)[1] if _has_missing(layout) else layout

    def action(node, *, depth, **kwargs):
        here = posaxis_at(node, axis, depth)
        if here is None:
            if node.is_record:
                raise AxisError(
                    f"ak.{function}: axis={axis} means different levels in the fields of these "
                    "records, which would drop parts of a record; use a non-negative axis"
                )
            return None
        if here < depth:
            return node  # a union branch that the axis is above (2.14 leaves it as it is)
        if is_string(node) and here >= depth:
            raise leaf_axis_error(function, axis, node, depth)
        if here == depth and node.is_list:
            return _drop_in_lists(node) if _has_missing(node.content) else node
        if is_leaf(node):
            raise leaf_axis_error(function, axis, node, depth)
        return None

    return recursively_apply(layout, action, numpy_to_regular=True, function_name=f"ak.{function}")


def _drop_everywhere(node, **kwargs):
    if not node.is_list or is_string(node):
        return None
    if node.is_regular:
        node = node.to_ListOffsetArray64(False)  # 2.14: lists become variable-length
    if _has_missing(node.content):
        node = _drop_in_lists(node)
    return node.copy(content=recursively_apply(node.content, _drop_everywhere, numpy_to_regular=True))


# ---------------------------------------------------------------------- firsts
def _firsts_of_lists(lists):
    from awkward.contents import IndexedOptionArray, ListOffsetArray
    from awkward.index import Index64

    nplike = index_nplike_of(lists)
    n = length_of(lists)
    if lists.is_regular:
        if lists.size is not unknown_length and lists.size == 0:
            index = nplike.full(n, -1, dtype=int64)
        else:
            index = nplike.arange(n, dtype=int64) * lists.size
    elif isinstance(lists, ListOffsetArray):  # non-empty where offsets[i + 1] > offsets[i]
        (offsets,) = concrete(lists.offsets.data)
        starts = nplike.astype(offsets[:-1], int64, copy=False)
        index = nplike.where(offsets[1:] > offsets[:-1], starts, -1)
    else:
        starts, counts = starts_counts(lists)
        index = nplike.where(counts > 0, starts, -1)
    return IndexedOptionArray.simplified(Index64(index, nplike=nplike), lists.content)


def firsts(layout, axis=1, *, function="firsts"):
    """The first item of each list at ``axis`` (>= 1), None for empty lists."""
    resolve_axis(function, axis, layout)

    def at_axis(node):
        raise AxisError(
            f"ak.{function}: axis={axis} means axis 0 of a record field here; "
            "firsts needs lists at the axis"
        )

    def below(node, here, depth):
        if here == depth and node.is_list:
            return _firsts_of_lists(node)  # of strings too: their first characters, as 2.14
        return None

    return _walk_to_axis(layout, axis, function, at_axis, below=below)


# ---------------------------------------------------------------------- singletons
def _singletons_of(node):
    from awkward.contents import ListOffsetArray
    from awkward.index import Index64

    if node.is_record or node.is_union:
        return None  # 2.14: field by field, content by content
    nplike = index_nplike_of(node)
    if node.is_option and type(node).__name__ != "UnmaskedArray":
        valid = node.mask_as_bool(True)
        counts = nplike.cumsum(nplike.astype(valid, int64))
        offsets = nplike.concat([nplike.zeros(1, dtype=int64), counts])
        return ListOffsetArray(Index64(offsets, nplike=nplike), node.project())
    if node.is_option:
        node = node.content
    offsets = nplike.arange(length_of(node) + 1, dtype=int64)
    return ListOffsetArray(Index64(offsets, nplike=nplike), node)


def singletons(layout, axis=0, *, function="singletons"):
    """Each element at ``axis`` becomes a list: [] for None, [x] for x."""
    resolve_axis(function, axis, layout)
    return _walk_to_axis(layout, axis, function, _singletons_of)


# ---------------------------------------------------------------------- mask
def mask(layout, mask_layout, valid_when=True, *, function="mask"):
    """``layout`` with None where ``mask_layout`` (booleans, broadcast against it) is not
    ``valid_when``."""
    from awkward._broadcasting import broadcast_and_apply
    from awkward.contents import ByteMaskedArray
    from awkward.index import Index8

    if not isinstance(valid_when, bool):
        raise TypeError(f"ak.{function}: 'valid_when' must be True or False, not {valid_when!r}")

    def action(inputs, *, depth, backend):
        array, where = inputs
        if not (where.is_numpy and len(where.inner_shape) == 0):
            return None
        if where.dtype.kind != "b":
            raise ValueError(f"ak.{function}: the mask must contain booleans, not {where.dtype}")
        nplike = backend.index_nplike
        (data,) = concrete(where.data)
        bytes_ = Index8(nplike.astype(data, int8), nplike=nplike)
        return (ByteMaskedArray.simplified(bytes_, array, valid_when),)

    (out,) = broadcast_and_apply(
        [layout, mask_layout],
        action,
        right_broadcast=False,
        function_name=f"ak.{function}",
    )
    return out
