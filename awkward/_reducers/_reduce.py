"""The one reduction over layouts that every reducer goes through.

Reducing at ``axis`` finds the list nodes whose list dimension is that axis (the structure
above them is kept: options stay options, a missing list reduces to a missing value) and turns
each of their lists into one value (``_reduce_lists``). Inside, the lists' elements are
*segments* of a content: ``offsets`` (int64, monotonic) delimit them and ``positions`` (or
None) give every element's index along the reduced axis, which argmin/argmax report.

* a flat NumpyArray content is the leaf: one kernel call over the segments;
* an option (or indexed) content is compacted: missing values leave their segments;
* a list content means the axis is not the innermost: lists at the same position inside one
  segment are combined, so the segments of the next level are "the k-th items of the lists
  of segment i" (arranged by the awkward_reduce_nonlocal_carry kernel, a counting sort; a
  flat numeric leaf is moved by awkward_reduce_nonlocal_gather, which reads it once, in order);
  regular lists stay regular;
* a record content is reduced by a behavior overload ``behavior[(ak.<reducer>, name)]``, called
  with the segments as a high-level array of lists of records (as awkward 2.14 does);
* a union cannot be reduced.

axis=None flattens everything (``awkward._do.remove_structure``) and reduces one buffer.
"""

from __future__ import annotations

from awkward._do import check_posaxis, maybe_posaxis, recursively_apply, remove_structure
from awkward._do._num import offsets_from_counts
from awkward._nplikes.dtypes import bool_, int8, int64, uint8, uint16, uint32, uint64
from awkward._nplikes.typetracer import MaybeNone
from awkward._reducers._kinds import Max
from awkward.contents._typetracer import one_list_of
from awkward.contents.bytemaskedarray import ByteMaskedArray
from awkward.contents.content import (
    as_length,
    concrete,
    length_of,
    maybe_nonempty,
    unknown_length,
)
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.numpyarray import NumpyArray
from awkward.contents.regulararray import RegularArray
from awkward.errors import AxisError
from awkward.index import Index8, Index64

__all__ = ["reduce", "register_highlevel", "list_offsets"]

# set by the layers above: ``lookup(behavior, key)`` (global + own behavior), ``wrap(layout,
# behavior)`` -> high-level array, ``unwrap(obj)`` -> layout; records need them for overloads
_HOOKS: dict = {"lookup": None, "wrap": None, "unwrap": None}


def register_highlevel(*, lookup=None, wrap=None, unwrap=None) -> None:
    """Called by the high-level and operations layers so that record overloads can be found
    (``lookup``) and called with high-level arrays (``wrap``/``unwrap``)."""
    for name, hook in (("lookup", lookup), ("wrap", wrap), ("unwrap", unwrap)):
        if hook is not None:
            _HOOKS[name] = hook


class _Context:
    __slots__ = ("reducer", "mask_identity", "behavior")

    def __init__(self, reducer, mask_identity, behavior):
        self.reducer = reducer
        self.mask_identity = mask_identity
        self.behavior = behavior


def reduce(layout, reducer, axis=None, mask_identity=False, keepdims=False, behavior=None):
    """Reduce ``layout`` (a Content) with ``reducer`` (a Reducer instance) at ``axis``.

    Returns a Content, or for axis=None (and axis=0 of one-dimensional data) without
    keepdims a scalar: a numpy scalar, None (masked identity) or what a record overload
    returns. An axis beyond the depth is an AxisError."""
    ctx = _Context(reducer, mask_identity, behavior)
    if axis is None:
        return _reduce_everything(layout, ctx, keepdims)
    if (axis == 1 or axis == -1) and _is_plain_jagged(layout):  # the common case, no walk
        out = _reduce_lists(layout, ctx)
        return RegularArray(out, 1, length_of(out)) if keepdims else out
    posaxis = check_posaxis(reducer.name, axis, layout)
    if axis >= 0:
        low, high = layout.form.minmax_depth
        if low != high:
            raise ValueError(
                "cannot use non-negative axis on a nested list structure of variable depth "
                "(negative axis counts from the leaves of the tree; non-negative from the root)"
            )
    if posaxis == 0:
        whole = one_list_of(layout)
        out = _reduce_lists(whole, ctx)
        return out if keepdims else out._getitem_at(0)

    def action(node, depth, **kwargs):
        if node.is_record:
            raise _no_overload(reducer, node)
        if node.is_union:
            return None
        posaxis = maybe_posaxis(node, axis, depth)
        if posaxis is not None and posaxis == depth and node.is_list:
            out = _reduce_lists(node, ctx)
            return RegularArray(out, 1, length_of(out)) if keepdims else out
        if node.is_numpy or node.is_unknown:
            raise AxisError(
                f"ak.{reducer.name}: axis={axis} exceeds the depth of the nested list structure "
                f"(which is {depth})"
            )
        return None

    return recursively_apply(
        layout, action, numpy_to_regular=True, function_name=f"ak.{reducer.name}"
    )


def _is_plain_jagged(layout):
    """A list of flat numbers without parameters (no strings): reduced at axis 1 directly."""
    if not layout.is_list or layout._parameters:
        return False
    content = layout.content
    return content.is_numpy and not content._parameters and len(content.inner_shape) == 0


# ---------------------------------------------------------------------- axis=None
def _reduce_everything(layout, ctx, keepdims):
    reducer = ctx.reducer
    if layout.is_numpy and not layout._parameters and len(layout.inner_shape) == 0:
        pieces = (layout,)  # flat numbers: straight to numpy or one kernel call
    elif _is_plain_jagged(layout) and reducer.reads_data:
        offsets, content = list_offsets(layout)
        pieces = (content._getitem_range(as_length(offsets[0]), as_length(offsets[-1])),)
    elif not reducer.reads_data and _only_lists(layout):
        # count reads offsets and masks only: the counts of the innermost lists are added up
        # (flattening a ListArray would carry its content, reading its data)
        (counts,) = remove_structure(
            reduce(layout, reducer, axis=-1), function_name=f"ak.{reducer.name}"
        )
        (counts,) = concrete(counts.data)
        value = counts.sum(dtype=int64)
        return _scalar_result(value, value == 0, layout, ctx, keepdims)
    else:
        pieces = remove_structure(
            layout,
            flatten_records=False,
            function_name=f"ak.{reducer.name}",
            # argmax counts missing values, as 2.14 does; count reads masks, never values
            drop_nones=reducer.reads_data and not reducer.needs_position,
        )
    backend = layout.backend
    if any(piece.is_record for piece in pieces):
        record = next(piece for piece in pieces if piece.is_record)
        if len(pieces) > 1:
            raise _no_overload(reducer, record)
        offsets = backend.index_nplike.asarray([0, len(record)], dtype=int64)
        out = _records(record, offsets, ctx)
        if not keepdims:
            return out._getitem_at(0)
    else:
        value = _whole(pieces, backend, ctx)
        # (the total length only matters under mask_identity: it reads masks)
        empty = ctx.mask_identity and _is_empty(_total_length(pieces), backend)
        return _scalar_result(value, empty, layout, ctx, keepdims)
    for _ in range(layout.purelist_depth - 1):
        out = RegularArray(out, 1, len(out))
    return out


def _scalar_result(value, empty, layout, ctx, keepdims):
    """The reduction of everything: ``value``, None (``empty`` under mask_identity), or with
    keepdims, nested in one-element lists as deep as ``layout``."""
    # on the typetracer whether anything was reduced is unknown: maybe missing
    unknown = ctx.mask_identity and getattr(empty, "_is_unknown_value", False)
    missing = ctx.mask_identity and not unknown and bool(empty)
    if not keepdims:
        if unknown:
            return MaybeNone(value)
        return None if missing else value
    backend = layout.backend
    nplike = backend.index_nplike
    out = NumpyArray(nplike.reshape(nplike.asarray(value), (1,)), backend=backend)
    if ctx.mask_identity:
        empties = nplike.reshape(empty, (1,)) if unknown else nplike.full(1, missing, dtype=bool_)
        out = _masked(out, empties)
    for _ in range(layout.purelist_depth - 1):
        out = RegularArray(out, 1, len(out))
    return out


def _only_lists(layout):
    """Lists (maybe missing) of flat numbers or unknown, no parameters: what count at
    axis=None can add up from the innermost lists' counts."""
    node, lists = layout, 0
    while True:
        if node._parameters:
            return False
        if node.is_list:
            lists += 1
        elif node.is_numpy:
            return lists > 0 and len(node.inner_shape) == 0
        elif node.is_unknown:
            return lists > 0
        elif not (node.is_option or node.is_indexed):
            return False
        node = node.content


def _total_length(pieces):
    """The number of values in ``pieces``: an int, or unknown_length on the typetracer."""
    total = 0
    for piece in pieces:
        if piece.is_list:  # a string
            offsets, _ = list_offsets(piece)
            total += as_length(offsets[-1] - offsets[0])
        elif piece.is_option:
            (valid,) = concrete(piece.mask_as_bool(valid_when=True))
            total += as_length(piece.backend.index_nplike.count_nonzero(valid))
        else:
            total += length_of(piece)
    return total


def _is_empty(total, backend):
    """``total == 0``; for an unknown total, the typetracer's unknown boolean."""
    if total is unknown_length:
        return backend.index_nplike.empty((), dtype=bool_)
    return total == 0


def _length_scalar(total, nplike):
    """The count ``total`` as an int64 scalar (unknown on the typetracer)."""
    if total is unknown_length:
        return nplike.empty((), dtype=int64)
    return nplike.asarray(total, dtype=int64)[()]


def _whole(pieces, backend, ctx):
    """The reduction of every value of ``pieces`` (flat contents): a numpy scalar."""
    reducer = ctx.reducer
    nplike = backend.nplike
    if not reducer.reads_data:
        return _length_scalar(_total_length(pieces), nplike)
    datas = [d for d in (_leaf_data(piece, reducer) for piece in pieces) if d is not None]
    if not datas:
        datas = [nplike.empty(0, dtype=reducer.preferred_dtype)]
    data = datas[0] if len(datas) == 1 else nplike.concat([concrete(d)[0] for d in datas])
    value = reducer.whole(backend, data)
    if reducer.needs_position:
        positions = _ravel_positions(pieces, backend.index_nplike)
        # (a tracer's value is unknown: positions[value] is an unknown scalar that reads them)
        if positions is not None and (not nplike.known_data or value >= 0):
            value = positions[value]
    return value


def _ravel_positions(pieces, nplike):
    """Where each non-missing value of ``pieces`` sits in the raveled array (None when
    nothing is missing)."""
    if not any(piece.is_option for piece in pieces):
        return None
    out, base = [], 0
    for piece in pieces:
        if piece.is_option:
            (valid,) = concrete(piece.mask_as_bool(valid_when=True))
            (where,) = nplike.nonzero(valid)
            out.append(where + base)
        else:
            out.append(nplike.arange(base, base + length_of(piece), dtype=int64))
        base += length_of(piece)
    return nplike.concat(out)


def _leaf_data(piece, reducer):
    if piece.is_unknown or not reducer.reads_data:
        return None
    if piece.is_option or piece.is_indexed:  # kept by remove_structure inside unions
        piece = piece.project()
        if piece.is_unknown:  # every value missing (``?unknown``): nothing to reduce
            return None
    if piece.is_list:  # a string: its characters are the values (strings are lists here)
        offsets, chars = list_offsets(piece)
        piece = chars._getitem_range(as_length(offsets[0]), as_length(offsets[-1]))
    if piece.is_union:
        raise ValueError(f"cannot call ak.{reducer.name} on an irreducible UnionArray")
    if not piece.is_numpy:
        raise TypeError(f"ak.{reducer.name}: cannot reduce {type(piece).__name__}")
    return piece.data if reducer.reads_data else None


# ---------------------------------------------------------------------- one list node
def list_offsets(node):
    """``(offsets, content)`` of a list node: int64 offsets (concrete) such that list ``i`` is
    ``content[offsets[i]:offsets[i + 1]]``. ListArrays are made contiguous first; sorting
    finds its segments the same way."""
    nplike = node.backend.index_nplike
    if node.is_regular:
        size = node.size
        length = length_of(node)
        if size is not unknown_length and size == 0:
            return nplike.zeros(length + 1, dtype=int64), node.content
        return nplike.arange(0, (length + 1) * size, size, dtype=int64), node.content
    if not hasattr(node, "_offsets"):
        node = node.to_ListOffsetArray64(False)
    (offsets,) = concrete(node.offsets.data)
    if offsets.dtype != int64:
        offsets = nplike.astype(offsets, int64)
    return offsets, node.content


def _reduce_lists(node, ctx):
    offsets, content = list_offsets(node)
    return _reduce_segments(content, offsets, None, ctx)


def _reduce_segments(content, offsets, positions, ctx):
    """One value (or, for a nested axis, one combined list) per segment of ``content``."""
    if content.is_numpy and len(content.inner_shape) > 0:
        content = content.to_RegularArray()
    if content.is_unknown:
        content = content.to_NumpyArray(ctx.reducer.preferred_dtype)
    if content.is_numpy:
        return _leaf(content, offsets, positions, ctx)
    if content.is_option or content.is_indexed:
        return _reduce_segments(*_drop_missing(content, offsets, positions, ctx), ctx)
    if content.is_list:
        return _combine(content, offsets, positions, ctx)
    if content.is_record:
        return _records(content, offsets, ctx)
    if content.is_union:
        raise ValueError(f"cannot call ak.{ctx.reducer.name} on an irreducible UnionArray")
    raise TypeError(f"ak.{ctx.reducer.name}: cannot reduce {type(content).__name__}")


def _leaf(content, offsets, positions, ctx):
    reducer = ctx.reducer
    backend = content.backend
    nplike = backend.index_nplike
    starts = offsets[:-1]
    stops = offsets[1:]
    if reducer.reads_data:
        data = content.data
        if not backend.nplike.is_c_contiguous(data):
            data = backend.nplike.ascontiguousarray(data)
        out = reducer.segments(backend, data, starts, stops)
    else:
        out = stops - starts
    if reducer.needs_position and positions is not None and maybe_nonempty(positions):
        # (no positions: every segment is empty and ``out`` is all -1 already)
        found = out >= 0
        out = nplike.where(found, positions[nplike.where(found, starts + out, 0)], -1)
    result = NumpyArray._from_checked(out, None, backend)  # a fresh 1-d buffer of ours
    if ctx.mask_identity:
        result = _masked(result, starts == stops)
    return result


def _masked(content, empty):
    """``content`` with the entries where ``empty`` is true missing."""
    nplike = content.backend.index_nplike
    mask = empty.view(int8) if empty.dtype == bool_ else nplike.astype(empty, int8)  # no copy
    return ByteMaskedArray(Index8(mask, nplike=nplike), content, valid_when=False)


def _local_positions(nplike, offsets):
    """Every element's index inside its segment."""
    counts = offsets[1:] - offsets[:-1]
    first = offsets[0]
    return nplike.arange(first, offsets[-1], dtype=int64) - nplike.repeat(offsets[:-1], counts)


def _drop_missing(content, offsets, positions, ctx):
    """``(content, offsets, positions)`` without the missing values (options) or with the
    index applied (indexed)."""
    if not content.is_option:
        return content.project(), offsets, positions
    nplike = content.backend.index_nplike
    first, last = as_length(offsets[0]), as_length(offsets[-1])
    if first is unknown_length or last is unknown_length or first != 0 or last != len(content):
        content = content._getitem_range(first, last)
        offsets = offsets - first
        if positions is not None:
            positions = positions[first:last]
    (valid,) = concrete(content.mask_as_bool(valid_when=True))
    before = nplike.empty(valid.shape[0] + 1, dtype=int64)
    before[0] = 0
    nplike.cumsum(valid, maybe_out=before[1:])
    new_offsets = before[offsets]
    if ctx.reducer.needs_position:
        if positions is None:
            positions = _local_positions(nplike, offsets)
        positions = positions[valid]
    inner = content.content
    if not ctx.reducer.reads_data and (inner.is_numpy or inner.is_unknown):
        # count never reads values: the unprojected leaf stands in (only its backend is used)
        return inner, new_offsets, positions
    return content.project(), new_offsets, positions


def _combine(content, offsets, positions, ctx):
    """Reduce across the lists of every segment position by position (a non-innermost axis):
    item k of every list in segment i goes to group ``out_offsets[i] + k``. The
    ``awkward_reduce_nonlocal_carry`` kernel arranges the items by group (a counting sort)."""
    backend = content.backend
    nplike = backend.index_nplike
    n = offsets.shape[0] - 1
    first, last = as_length(offsets[0]), as_length(offsets[-1])
    if content.is_regular:
        size = content.size
        starts = nplike.arange(first, last, dtype=int64) * size
        stops = starts + size
        out_offsets = None
        group_offsets = nplike.arange(n + 1, dtype=int64) * size
        total = (last - first) * size
    else:
        starts, stops = _list_bounds(content, first, last)
        counts = stops - starts
        longest = Max(initial=0).segments(
            backend, counts, offsets[:-1] - first, offsets[1:] - first
        )
        out_offsets = offsets_from_counts(nplike, longest)
        group_offsets = out_offsets
        total = as_length(nplike.sum(counts)) if maybe_nonempty(counts) else 0
    inner = content.content
    if not ctx.reducer.reads_data and inner.is_option and not hasattr(inner, "_index"):
        # count reads masks only: an index stands in for the mask (its carry reads no data)
        inner = inner.to_IndexedOptionArray64()
    ngroups = as_length(group_offsets[-1]) if n is unknown_length or n > 0 else 0
    next_offsets = nplike.empty(ngroups + 1, dtype=int64)
    parents = nplike.empty(total if ctx.reducer.needs_position else 0, dtype=int64)
    arrangement = (next_offsets, parents, offsets - first, starts, stops, group_offsets)
    sizes = (n, last - first, total, ngroups, parents.shape[0])
    gathered = _gather_leaf(inner, arrangement, sizes, ctx)
    if gathered is None:
        carry = nplike.empty(total, dtype=int64)
        kernel = backend[("awkward_reduce_nonlocal_carry",) + (int64,) * 7]
        kernel(carry, *arrangement, *sizes)
    next_positions = None
    if ctx.reducer.needs_position:
        element_positions = (
            positions[first:last] if positions is not None else _local_positions(nplike, offsets)
        )
        next_positions = element_positions[parents]
    if gathered is not None:
        next_content = gathered
    elif not ctx.reducer.reads_data and (inner.is_numpy or inner.is_unknown):
        next_content = inner  # count never reads values (see _drop_missing)
    else:
        next_content = inner._carry(Index64(carry, nplike=nplike), False)
    reduced = _reduce_segments(next_content, next_offsets, next_positions, ctx)
    if out_offsets is None:
        return RegularArray(reduced, content.size, n)
    return ListOffsetArray(Index64(out_offsets, nplike=nplike), reduced)


def _list_bounds(content, first, last):
    """int64 ``(starts, stops)`` of lists ``first:last`` of a var-length list node (read
    from its offsets, or its starts and stops: the content is not made contiguous)."""
    nplike = content.backend.index_nplike
    if hasattr(content, "_offsets"):
        (offsets,) = concrete(content.offsets.data)
        offsets = nplike.astype(offsets, int64, copy=False)
        return offsets[first:last], offsets[first + 1 : last + 1]
    starts, stops = concrete(content.starts.data, content.stops.data)
    starts = nplike.astype(starts[first:last], int64, copy=False)
    return starts, nplike.astype(stops[first:last], int64, copy=False)


_UNSIGNED = {1: uint8, 2: uint16, 4: uint32, 8: uint64}


def _gather_leaf(inner, arrangement, sizes, ctx):
    """A flat numeric leaf arranged by group in one pass of ``awkward_reduce_nonlocal_gather``
    (its bits moved as unsigned integers of the same size), or None where that kernel does not
    apply (then a carry is applied to ``inner``)."""
    if not (ctx.reducer.reads_data and inner.is_numpy and len(inner.inner_shape) == 0):
        return None
    if inner.backend.name == "jax":  # a carry keeps jax data differentiable; a kernel does not
        return None
    (data,) = concrete(inner.data)
    unsigned = _UNSIGNED.get(data.dtype.itemsize)
    if unsigned is None:  # complex128
        return None
    backend = inner.backend
    nplike = backend.nplike
    if not nplike.is_c_contiguous(data):
        data = nplike.ascontiguousarray(data)
    out = nplike.empty(sizes[2], dtype=unsigned)
    kernel = backend[
        ("awkward_reduce_nonlocal_gather", unsigned) + (int64,) * 2 + (unsigned,) + (int64,) * 4
    ]
    next_offsets, parents, *lists = arrangement
    kernel(out, next_offsets, parents, data.view(unsigned), *lists, *sizes, data.shape[0])
    return inner._with_data(out.view(data.dtype))


# ---------------------------------------------------------------------- records
def _no_overload(reducer, record):
    fields = ", ".join(record.fields)
    return TypeError(f"no ak.{reducer.name} overloads for custom types: {fields}")


def _records(content, offsets, ctx):
    reducer = ctx.reducer
    name = content.parameter("__record__")
    overload = None
    if name is not None and reducer.highlevel_function is not None and _HOOKS["lookup"]:
        overload = _HOOKS["lookup"](ctx.behavior, (reducer.highlevel_function, name))
    if overload is None:
        raise _no_overload(reducer, content)
    nplike = content.backend.index_nplike
    lists = ListOffsetArray(Index64(offsets, nplike=nplike), content)
    result = overload(_HOOKS["wrap"](lists, ctx.behavior), ctx.mask_identity)
    out = _HOOKS["unwrap"](result)
    if ctx.mask_identity:
        out = _masked(out, offsets[1:] == offsets[:-1])
    return out
