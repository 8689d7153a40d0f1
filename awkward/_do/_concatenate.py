"""Concatenation: ``mergemany`` (axis 0) and ``concatenate`` (any axis).

Axis 0 puts the arrays one after the other. Types that merge become one node, the others a
union (``awkward.contents._merge``); pieces with the same form and unread buffers are
concatenated lazily (``_lazy_concatenate``: every output buffer is a virtual buffer).

Axis > 0 joins lists element by element at that depth: the arrays are broadcast down to it
(records field by field, options and unions as broadcasting does), and there the i-th lists of
every array are joined. A missing list counts as empty (as in awkward 2.14); a scalar is
broadcast as a one-item list; RegularArrays stay regular (sizes add up) when all are regular.
The joined contents merge as at axis 0 (numbers promote, other types give a union).
"""

from __future__ import annotations

from awkward._backends.backend import KernelNotFoundError
from awkward._broadcasting import broadcast_and_apply
from awkward._do._lazy_concatenate import lazy_mergemany
from awkward._nplikes.dtypes import int64, uint8, uint16, uint32, uint64
from awkward.contents._merge import merge_layouts
from awkward.contents.content import Content, as_length, concrete, length_of, unknown_length
from awkward.errors import AxisError

__all__ = ["mergemany", "concatenate"]

_STRINGS = ("string", "bytestring")


def mergemany(contents, mergebool: bool = True):
    """``contents`` one after the other (axis 0): lazily when they share a form and hold
    unread buffers, otherwise merged eagerly (unions for types that do not merge)."""
    contents = list(contents)
    if not contents:
        raise ValueError("mergemany needs at least one layout")
    lazy = lazy_mergemany(contents)
    if lazy is not None:
        return lazy
    return merge_layouts(contents, mergebool)


def concatenate(items, axis: int, mergebool: bool = True, function: str = "concatenate"):
    """Concatenate ``items`` (layouts; scalars are allowed for axis != 0) along ``axis``."""
    layouts = [x for x in items if isinstance(x, Content)]
    if not layouts:
        raise ValueError(f"ak.{function}: need at least one array to concatenate")
    if axis == 0:  # every array has a first dimension
        return mergemany([_as_layout(x, layouts[0].backend) for x in items], mergebool)
    depths = [_depths(x.form) for x in layouts]
    low, high = min(d[0] for d in depths), max(d[1] for d in depths)
    if axis >= high or -axis > high:
        depth = high if low == high else f"{low} to {high}"
        raise AxisError(f"ak.{function}: axis={axis} exceeds the depth of the arrays ({depth})")
    if axis < 0:
        resolved = {_posaxis(x, axis, 1) for x in layouts}
        if len(resolved) > 1:
            raise ValueError(
                f"ak.{function}: the arrays do not have the same depth, so axis={axis} means "
                "different dimensions in them; use a non-negative axis"
            )
        if resolved == {0}:
            axis = 0
    if axis == 0:
        return mergemany([_as_layout(x, layouts[0].backend) for x in items], mergebool)
    lengths = [length_of(x) for x in layouts]
    if len(set(lengths)) > 1:
        raise ValueError(
            f"ak.{function}: at axis={axis} the arrays must have the same length, not "
            + ", ".join(str(n) for n in lengths)
        )

    def action(inputs, *, depth, backend):
        contents = [x for x in inputs if isinstance(x, Content)]
        posaxis = _posaxis(contents[0], axis, depth)
        if posaxis is None and any(x.is_union for x in contents):
            raise ValueError(
                f"ak.{function}: axis={axis} is ambiguous: a union holds types of different depths"
            )
        if posaxis is None or depth < posaxis or all(x.is_record for x in contents):
            return None  # not there yet, or records: join them field by field
        return (_join_lists(inputs, backend, mergebool, function, axis),)

    (out,) = broadcast_and_apply(
        list(items),
        action,
        right_broadcast=False,
        broadcast_parameters_rule="intersect",
        function_name=f"ak.{function}",
    )
    return out


def _depths(form):
    """(min, max) number of dimensions of a form, strings counting as leaves (one dimension)."""
    if form.is_numpy:
        return 1 + len(form.inner_shape), 1 + len(form.inner_shape)
    if form.is_list:
        if form.parameter("__array__") in _STRINGS:
            return 1, 1
        low, high = _depths(form.content)
        return low + 1, high + 1
    if form.is_option or form.is_indexed:
        return _depths(form.content)
    if form.is_record or form.is_union:
        if not form.contents:
            return 1, 1
        pairs = [_depths(c) for c in form.contents]
        return min(p[0] for p in pairs), max(p[1] for p in pairs)
    return 1, 1


def _posaxis(layout, axis, depth):
    """The non-negative axis ``axis`` means at a node found at ``depth`` (None while the node
    branches into fields of different depths)."""
    if axis >= 0:
        return axis
    low, high = _depths(layout.form)
    if low != high:
        return None
    return axis + depth + high - 1


def _as_layout(item, backend):
    if isinstance(item, Content):
        return item
    from awkward._broadcasting import broadcast_scalar

    return broadcast_scalar(item, 1, backend)


# ---------------------------------------------------------------------- lists at the depth
def _not_deep(function, axis):
    return ValueError(
        f"ak.{function}: at least one array is not deep enough to concatenate at axis={axis}"
    )


def _is_string(layout) -> bool:
    return layout.parameter("__array__") in _STRINGS


def _list_parts(layout, backend, function, axis):
    """(starts, stops, content) of a list-like layout, or (size, content) for a regular one.
    Missing lists become empty; unions of lists become one set of starts/stops."""
    nplike = backend.index_nplike
    if layout.is_numpy and len(layout.inner_shape) > 0:
        layout = layout.to_RegularArray()
    if layout.is_regular and not _is_string(layout):
        return layout.size, layout.content._getitem_range(0, length_of(layout) * layout.size)
    if layout.is_list and not _is_string(layout):
        starts, stops = concrete(layout.starts.data, layout.stops.data)
        return nplike.astype(starts, int64, copy=False), nplike.astype(stops, int64, copy=False), layout.content
    if layout.is_indexed and not layout.is_option:
        return _list_parts(layout.project(), backend, function, axis)
    if layout.is_option:
        (valid,) = concrete(layout.mask_as_bool(True))
        parts = _var_parts(layout.project(), backend, function, axis)
        starts = nplike.zeros(length_of(layout), dtype=int64)
        stops = nplike.zeros(length_of(layout), dtype=int64)
        starts[valid] = parts[0]
        stops[valid] = parts[1]
        return starts, stops, parts[2]
    if layout.is_union:
        return _union_parts(layout, backend, function, axis)
    raise _not_deep(function, axis)


def _var_parts(layout, backend, function, axis):
    parts = _list_parts(layout, backend, function, axis)
    if len(parts) == 3:
        return parts
    return _regular_as_var(backend.index_nplike, length_of(layout), *parts)


def _union_parts(layout, backend, function, axis):
    nplike = backend.index_nplike
    parts = [_var_parts(c, backend, function, axis) for c in layout.contents]
    bases, base, firsts, first = [], 0, [], 0
    for _, _, content in parts:
        bases.append(base)
        base += length_of(content)
    for starts, _, _ in parts:
        firsts.append(first)
        first += starts.shape[0]
    merged = merge_layouts([p[2] for p in parts], True)
    all_starts = nplike.concat([p[0] + b for p, b in zip(parts, bases)])
    all_stops = nplike.concat([p[1] + b for p, b in zip(parts, bases)])
    tags, index = concrete(layout.tags.data, layout.index.data)
    where = _lengths_array(nplike, firsts)[nplike.astype(tags, int64)] + nplike.astype(
        index, int64
    )
    return all_starts[where], all_stops[where], merged


def _lengths_array(nplike, lengths):
    """A Python list of lengths as an int64 array; on the typetracer, where some may be
    unknown, an array of unknown values (a tracer computes no values)."""
    if any(length is unknown_length for length in lengths):
        return nplike.empty(len(lengths), dtype=int64)
    return nplike.asarray(lengths, dtype=int64)


def _scalar_list(value, length, backend):
    from awkward._broadcasting import broadcast_scalar

    if isinstance(value, (str, bytes)):
        return None
    return 1, broadcast_scalar(value, length, backend)


def _join_lists(inputs, backend, mergebool, function, axis):
    from awkward.contents import ListOffsetArray, RegularArray
    from awkward.index import Index64

    length = length_of(next(x for x in inputs if isinstance(x, Content)))
    parts = []
    for x in inputs:
        part = (
            _list_parts(x, backend, function, axis)
            if isinstance(x, Content)
            else _scalar_list(x, length, backend)
        )
        if part is None:
            raise _not_deep(function, axis)
        parts.append(part)
    nplike = backend.index_nplike
    if all(len(p) == 2 for p in parts):
        sizes = [p[0] for p in parts]
        merged = merge_layouts([p[1] for p in parts], mergebool)
        carry = _regular_carry(nplike, length, sizes, [length_of(p[1]) for p in parts])
        return RegularArray(
            merged._carry(Index64(carry, nplike=nplike), True), sum(sizes), zeros_length=length
        )
    parts = [p if len(p) == 3 else _regular_as_var(nplike, length, *p) for p in parts]
    counts = [stops - starts for starts, stops, _ in parts]
    offsets = nplike.zeros(length + 1, dtype=int64)
    nplike.cumsum(sum(counts[1:], counts[0]), maybe_out=offsets[1:])
    joined = _join_numbers(backend, parts, offsets)
    if joined is not None:
        return ListOffsetArray(Index64(offsets, nplike=nplike), joined)
    merged, carry = _join_contents(nplike, parts, counts, as_length(offsets[-1]), mergebool)
    return ListOffsetArray(
        Index64(offsets, nplike=nplike), merged._carry(Index64(carry, nplike=nplike), True)
    )


def _regular_as_var(nplike, length, size, content):
    starts = nplike.arange(length, dtype=int64) * size
    return starts, starts + size, content


def _regular_carry(nplike, length, sizes, content_lengths):
    """Positions in the merged contents of row i's items: piece after piece."""
    columns, base = [], 0
    rows = nplike.reshape(nplike.arange(length, dtype=int64), (length, 1))
    for size, content_length in zip(sizes, content_lengths):
        columns.append(
            rows * size + nplike.reshape(nplike.arange(size, dtype=int64), (1, size)) + base
        )
        base += content_length
    return nplike.reshape(nplike.concat(columns, axis=1), (-1,))


_UNSIGNED = {1: uint8, 2: uint16, 4: uint32, 8: uint64}


def _join_numbers(backend, parts, offsets):
    """Flat numbers of one dtype: each piece's lists copied straight to their place in the
    output (one pass over the values, like a plain concatenation), with the kernel that
    appends a piece's list i at a cursor per output list. None when it does not apply (other
    contents, mixed dtypes or parameters, or the kernel is not built): the carry path does."""
    first = parts[0][2]
    if not all(
        p[2].is_numpy
        and p[2].inner_shape == ()
        and p[2].dtype == first.dtype
        and p[2]._parameters == first._parameters
        for p in parts
    ):
        return None
    unsigned = _UNSIGNED.get(first.dtype.itemsize)
    if unsigned is None or first.dtype.kind not in "biuf" or backend.name == "jax":
        return None  # (jax: the carry path keeps the data differentiable)
    try:
        kernel = backend["awkward_ListArray_fill_joined", unsigned, int64, unsigned, int64, int64]
    except KernelNotFoundError:
        return None
    from awkward.contents import NumpyArray

    nplike = backend.nplike
    total = as_length(offsets[-1])
    out = nplike.empty(total, dtype=first.dtype)
    cursor = nplike.asarray(offsets[:-1], copy=True)
    for starts, stops, content in parts:
        (data,) = concrete(content.data)
        data = nplike.ascontiguousarray(data).view(unsigned)
        kernel(out.view(unsigned), cursor, data, starts, stops, starts.shape[0], total, data.shape[0])
    return NumpyArray(out, parameters=first._parameters, backend=backend)


def _join_contents(nplike, parts, counts, total, mergebool):
    """The merged contents and the carry that puts row i's items of every piece together:
    the output is a run of segments (row 0 piece 0, row 0 piece 1, ...), each a range of one
    piece's content, so carry = position + (where the segment starts in the merged content
    - where it starts in the output), repeated over the segment."""
    merged = merge_layouts([content for _, _, content in parts], mergebool)
    seg_lengths = nplike.reshape(nplike.stack(counts, axis=1), (-1,))
    bases, base = [], 0
    for _, _, content in parts:
        bases.append(base)
        base += length_of(content)
    seg_sources = nplike.reshape(
        nplike.stack([starts + b for (starts, _, _), b in zip(parts, bases)], axis=1), (-1,)
    )
    seg_outputs = nplike.cumsum(seg_lengths) - seg_lengths
    carry = nplike.arange(total, dtype=int64)
    carry += nplike.repeat(seg_sources - seg_outputs, seg_lengths)
    return merged, carry
