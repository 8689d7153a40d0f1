"""Slicing of layouts: every form of ``array[where]`` (the algorithm behind ak.Array.__getitem__).

Entry point: ``getitem(layout, where)`` for a Content or a layout Record.

How it works: the array is wrapped in a length-1 RegularArray so that every slice item applies
to the elements of the rows of some node. ``_next(layout, items, adv, dim)`` keeps the rows of
``layout`` and applies ``items[0]`` to the dimension below them (``dim`` numbers the dimension
in the user's array, for error messages); option/indexed/record/union nodes pass the items
through to their contents. ``adv`` is the position inside the (broadcast, flattened) advanced
indices that each row carries, or None before the first advanced index (NumPy semantics).

Jagged indices (layouts with lists) are applied by ``_jagged``: lists of the index line up with
lists of the array; the innermost integers/booleans pick.

Laziness: field names and step-1 slices at the top use ``_getitem_field``/``_getitem_range``,
which never read buffers; carries use the content's ``_carry`` with ``allow_lazy=True``.
"""

from __future__ import annotations

from awkward._nplikes.dtypes import int64
from awkward.contents.content import Content, concrete
from awkward.contents.indexedarray import IndexedArray
from awkward.contents.indexedoptionarray import IndexedOptionArray
from awkward.contents.listarray import ListArray
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.recordarray import RecordArray
from awkward.contents.regulararray import RegularArray
from awkward.contents.unionarray import UnionArray
from awkward.index import Index64
from awkward.record import Record

__all__ = ["getitem"]


class _Fields:
    """A list of field names in a slice tuple (projection)."""

    __slots__ = ("names",)

    def __init__(self, names):
        self.names = names


class _Advanced:
    """A flattened advanced index: ``values`` (int64, 1-d) and the broadcast ``shape``."""

    __slots__ = ("values", "shape", "mask_length")

    def __init__(self, values, shape, mask_length=None):
        self.values = values
        self.shape = shape
        self.mask_length = mask_length  # length of the 1-d boolean mask it came from


class _Jagged:
    """An awkward layout used as an index with lists (applied by ``_jagged``)."""

    __slots__ = ("layout",)

    def __init__(self, layout):
        self.layout = layout


# ---------------------------------------------------------------------------------- entry point
def getitem(layout, where):
    """``layout[where]`` with NumPy/Awkward semantics; returns a Content, Record or scalar."""
    if isinstance(layout, Record):
        return _getitem_record(layout, where)
    if not isinstance(layout, Content):
        raise TypeError(f"cannot slice {type(layout).__name__}: expected a layout")
    if isinstance(where, str):
        return layout._getitem_field(where)
    if isinstance(where, slice) and (where.step is None or _as_int(where.step) == 1):
        start, stop, _ = slice(_opt_int(where.start), _opt_int(where.stop)).indices(len(layout))
        return layout._getitem_range(start, max(start, stop))
    if _is_integer(where):
        return _getitem_at(layout, _as_int(where))
    if where is Ellipsis or (isinstance(where, tuple) and len(where) == 0):
        return layout
    if isinstance(where, list) and where and all(isinstance(x, str) for x in where):
        return layout._getitem_fields(where)
    items = where if isinstance(where, tuple) else (where,)
    return _getitem_items(layout, items)


def _getitem_record(record, where):
    array, at = record.array, record.at
    if isinstance(where, str):
        return array._getitem_field(where)._getitem_at(at)
    if isinstance(where, list) and where and all(isinstance(x, str) for x in where):
        return Record(array._getitem_fields(where), at)
    items = where if isinstance(where, tuple) else (where,)
    if not items or not isinstance(items[0], (str, list)):
        raise IndexError(
            f"a record takes a field name first (or a list of them), not {items[0] if items else ()!r}"
        )
    out = _getitem_items(array._getitem_range(at, at + 1), (slice(None), *items))
    return out._getitem_at(0) if isinstance(out, Content) else out


def _getitem_at(layout, where: int):
    length = len(layout)
    if not -length <= where < length:
        raise IndexError(f"index {where} is out of bounds for dimension 0 (axis 0) with length {length}")
    return layout._getitem_at(where)


def _getitem_items(layout, items):
    items = _normalize(layout, items)
    # field projections commute with every other item: apply them first (lazy)
    rest = []
    for item in items:
        if isinstance(item, str):
            layout = layout._getitem_field(item)
        elif isinstance(item, _Fields):
            layout = layout._getitem_fields(item.names)
        else:
            rest.append(item)
    if rest and isinstance(rest[0], _Jagged):
        index = rest[0].layout
        layout = _jagged(layout, index, 0)
        # the jagged index consumed as many dimensions as it has; the rest apply below them
        rest = [slice(None)] * _min_depth(index) + rest[1:] if len(rest) > 1 else []
    if any(isinstance(item, _Jagged) for item in rest):
        raise IndexError("a jagged (awkward) index must come first among the positional indices")
    if len(rest) == 1 and isinstance(rest[0], _Missing):
        return _missing_index(layout, rest[0])
    if not rest:
        return layout
    wrapped = RegularArray(layout, len(layout), 1)
    out = _next(wrapped, tuple(rest), None, 0)
    return out._getitem_at(0)


# ---------------------------------------------------------------------------------- normalizing
def _is_integer(obj) -> bool:
    if isinstance(obj, bool) or getattr(obj, "dtype", None) is not None and getattr(obj, "ndim", 0) != 0:
        return False
    if getattr(getattr(obj, "dtype", None), "kind", "i") == "b":
        return False
    try:
        obj.__index__()
    except (AttributeError, TypeError):
        return False
    return True


def _as_int(obj) -> int:
    try:
        return obj.__index__()
    except (AttributeError, TypeError):
        raise TypeError(f"slice bounds and steps must be integers or None, not {obj!r}") from None


def _opt_int(obj):
    return None if obj is None else _as_int(obj)


class _Missing:
    """A flat index with missing values (an option-type layout of integers)."""

    __slots__ = ("values", "valid")

    def __init__(self, values, valid):
        self.values = values
        self.valid = valid


def _flat_values(content):
    """(values, valid-or-None) of a flat numeric layout, possibly option-type."""
    valid = None
    if content.is_option:
        option = content if isinstance(content, IndexedOptionArray) else content.to_IndexedOptionArray64()
        (index,) = concrete(option.index.data)
        valid = index >= 0
        nplike = content.backend.index_nplike
        picked = option.content._carry(Index64(nplike.where(valid, index, 0), nplike=nplike), False)
        return _flat_values(picked)[0], valid
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


def _is_jagged_layout(layout) -> bool:
    while layout.is_option or layout.is_indexed:
        layout = layout.content
    return layout.is_list or (layout.is_numpy and len(layout.data.shape) > 1)


def _normalize(layout, items):
    """Items as int/slice/None/Ellipsis/str/_Fields/_Advanced/_Jagged/_Missing; broadcasts the
    advanced indices together."""
    nplike = layout.backend.index_nplike
    out, advanced, masks = [], [], {}
    for item in items:
        inner = getattr(item, "layout", None)
        if inner is not None and not isinstance(item, Content):
            item = inner
        if item is None or item is Ellipsis or isinstance(item, (str, slice)):
            if isinstance(item, slice):
                item = slice(_opt_int(item.start), _opt_int(item.stop), _opt_int(item.step))
                if item.step == 0:
                    raise ValueError("slice step cannot be zero")
            out.append(item)
        elif _is_integer(item):
            out.append(_as_int(item))
        elif isinstance(item, Record):
            raise TypeError("a record cannot be used as an index")
        elif isinstance(item, Content):
            if _is_jagged_layout(item):
                out.append(_Jagged(item))
                continue
            values, valid = _flat_values(item)
            if valid is not None:
                if len(items) != 1:
                    raise IndexError("an index with missing values must be the only index")
                out.append(_Missing(values, valid))
                continue
            _append_array(nplike, values, out, advanced, masks)
        elif isinstance(item, (list, tuple)) and item and all(isinstance(x, str) for x in item):
            out.append(_Fields(list(item)))
        elif isinstance(item, (list, tuple)):
            # Python lists are awkward data (nested lists are jagged, None is missing)
            item = _from_nested(layout.backend, list(item))
            if _is_jagged_layout(item):
                out.append(_Jagged(item))
                continue
            values, valid = _flat_values(item)
            if valid is not None:
                if len(items) != 1:
                    raise IndexError("an index with missing values must be the only index")
                out.append(_Missing(values, valid))
                continue
            _append_array(nplike, values, out, advanced, masks)
        else:
            try:
                values = nplike.asarray(item)
            except (ValueError, TypeError):
                raise TypeError(
                    f"cannot use {item!r:.60} as an index; jagged indices must be given as ak.Array"
                ) from None
            _append_array(nplike, values, out, advanced, masks)
    if advanced:
        between = out[advanced[0] : advanced[-1]]
        if any(x is None or x is Ellipsis or isinstance(x, slice) for x in between):
            raise ValueError(
                "NumPy advanced indexing with array indices separated by None (np.newaxis), "
                "Ellipsis or a slice is not supported on awkward arrays"
            )
        arrays = nplike.broadcast_arrays(*[out[i] for i in advanced])
        shape = tuple(arrays[0].shape)
        for position, array in zip(advanced, arrays):
            flat = nplike.reshape(nplike.astype(array, int64), (-1,))
            out[position] = _Advanced(flat, shape, masks.get(position))
    return out


def _from_nested(backend, items):
    """A layout from nested Python lists of ints/bools/None (lists become var-length lists)."""
    from awkward.contents.numpyarray import NumpyArray

    nplike = backend.index_nplike
    valid = [x is not None for x in items]
    present = [x for x in items if x is not None]
    if present and all(isinstance(x, (list, tuple)) for x in present):
        counts = [len(x) for x in present]
        offsets = nplike.zeros(len(present) + 1, dtype=int64)
        offsets[1:] = nplike.cumsum(nplike.asarray(counts, dtype=int64))
        inner = _from_nested(backend, [y for x in present for y in x])
        out = ListOffsetArray(Index64(offsets, nplike=nplike), inner)
    else:
        if any(isinstance(x, (list, tuple)) for x in present):
            raise TypeError("an index mixes lists and numbers at the same depth")
        if present and all(isinstance(x, bool) or getattr(getattr(x, "dtype", None), "kind", "") == "b" for x in present):
            data = nplike.asarray(present, dtype=bool)
        elif present:
            data = nplike.asarray(present)
            if data.dtype.kind not in "iu":
                raise TypeError(f"arrays used as indices must be of integer or boolean type, not {data.dtype}")
        else:
            data = nplike.zeros(0, dtype=int64)
        out = NumpyArray(data, backend=backend)
    if all(valid):
        return out
    valid = nplike.asarray(valid, dtype=bool)
    return _option_around(nplike, valid, out)


def _append_array(nplike, values, out, advanced, masks):
    kind = values.dtype.kind
    if values.ndim == 0 and kind in "iu":
        out.append(int(values))
        return
    if kind == "b":
        for positions in nplike.nonzero(values):
            advanced.append(len(out))
            out.append(positions)
        if values.ndim == 1:
            masks[len(out) - 1] = len(values)
        return
    if kind not in "iu":
        if values.size == 0:
            values = nplike.astype(values, int64)
        else:
            raise TypeError(f"arrays used as indices must be of integer or boolean type, not {values.dtype}")
    advanced.append(len(out))
    out.append(values)


def _count_dims(items) -> int:
    return sum(1 for x in items if isinstance(x, (int, slice, _Advanced)))


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


# ---------------------------------------------------------------------------------- the recursion
def _next(layout, items, adv, dim):
    if not items:
        return layout
    head, tail = items[0], items[1:]
    nplike = layout.backend.index_nplike
    if head is None:
        return RegularArray(_next(layout, tail, adv, dim), 1, len(layout))
    if head is Ellipsis:
        if not tail:
            return layout
        low, high = layout.form.minmax_depth
        if low != high:
            raise IndexError(
                f"an Ellipsis (...) cannot be used at dimension {dim}: the data below it have "
                f"different numbers of dimensions ({low - 1} to {high - 1})"
            )
        if _count_dims(tail) >= low - 1:
            return _next(layout, tail, adv, dim)
        return _next(layout, (slice(None), *items), adv, dim)
    if layout.is_option:
        option = layout if isinstance(layout, IndexedOptionArray) else layout.to_IndexedOptionArray64()
        (index,) = concrete(option.index.data)
        index = nplike.astype(index, int64)
        valid = index >= 0
        content = option.content._carry(Index64(index[valid], nplike=nplike), True)
        out = _next(content, items, None if adv is None else adv[valid], dim)
        outindex = nplike.where(valid, nplike.cumsum(nplike.astype(valid, int64)) - 1, -1)
        return IndexedOptionArray.simplified(Index64(outindex, nplike=nplike), out, parameters=layout._parameters)
    if layout.is_indexed:
        (index,) = concrete(layout.index.data)
        content = layout.content
        if content.is_record:
            fields = [
                IndexedArray.simplified(layout.index, content._getitem_field(f)) for f in content.fields
            ]
            record = RecordArray(fields, content.fields if not content.is_tuple else None, len(layout),
                                 parameters=content._parameters, backend=content.backend)
            return _next(record, items, adv, dim)
        return _next(content._carry(Index64(nplike.astype(index, int64), nplike=nplike), True), items, adv, dim)
    if layout.is_record:
        fields = [_next(layout._getitem_field(f), items, adv, dim) for f in layout.fields]
        return RecordArray(fields, None if layout.is_tuple else layout.fields, len(layout),
                           parameters=layout._parameters, backend=layout.backend)
    if layout.is_union:
        return _next_union(layout, items, adv, dim)
    if layout.is_unknown:
        return layout
    if layout.is_numpy:
        if len(layout.data.shape) == 1:
            raise IndexError(f"too many indices: dimension {dim} does not exist (the array has {dim} dimensions there)")
        return _next(layout.to_RegularArray(), items, adv, dim)
    if isinstance(head, (str, _Fields)):  # fields inside an Ellipsis expansion
        return _next(_project(layout, head), tail, adv, dim)
    if layout.is_regular:
        return _next_regular(layout, head, tail, adv, dim)
    return _next_list(layout, head, tail, adv, dim)


def _project(layout, head):
    return layout._getitem_field(head) if isinstance(head, str) else layout._getitem_fields(head.names)


def _next_union(layout, items, adv, dim):
    nplike = layout.backend.index_nplike
    tags, index = layout._tags_index()
    contents, newindex = [], nplike.zeros(len(tags), dtype=int64)
    for k, content in enumerate(layout.contents):
        rows = tags == k
        picked = content._carry(Index64(index[rows], nplike=nplike), True)
        contents.append(_next(picked, items, None if adv is None else adv[rows], dim))
        newindex[rows] = nplike.arange(int(nplike.count_nonzero(rows)), dtype=int64)
    return UnionArray.simplified(layout.tags, Index64(newindex, nplike=nplike), contents,
                                 parameters=layout._parameters)


def _wrap_advanced(out, shape, rows):
    """RegularArrays giving each of ``rows`` rows the broadcast ``shape`` of the advanced index."""
    for i in reversed(range(len(shape))):
        out = RegularArray(out, shape[i], rows * _prod(shape[:i]))
    return out


def _prod(sizes) -> int:
    out = 1
    for size in sizes:
        out *= size
    return out


def _out_of_bounds(value, row, length, dim):
    return IndexError(
        f"index {value} is out of bounds in dimension {dim} at row {row} (list of length {length})"
    )


def _next_regular(layout, head, tail, adv, dim):
    nplike = layout.backend.index_nplike
    size, length = layout.size, len(layout)
    content = layout.content
    rowstarts = nplike.arange(length, dtype=int64) * size
    if isinstance(head, int):
        at = head + size if head < 0 else head
        if not 0 <= at < size:
            raise _out_of_bounds(head, 0, size, dim)
        if length == 1:
            picked = content._getitem_range(at, at + 1)
        else:
            picked = content._carry(Index64(rowstarts + at, nplike=nplike), True)
        return _next(picked, tail, adv, dim + 1)
    if isinstance(head, slice):
        start, stop, step = head.indices(size)
        count = len(range(start, stop, step))
        if step == 1 and (length == 1 or count == size):
            picked = content._getitem_range(start, start + count + (length - 1) * size)
        else:
            positions = nplike.arange(start, start + count * step, step, dtype=int64) if count else nplike.zeros(0, dtype=int64)
            carry = nplike.reshape(nplike.reshape(rowstarts, (length, 1)) + positions, (-1,))
            picked = content._carry(Index64(carry, nplike=nplike), True)
        nextadv = None if adv is None else nplike.repeat(adv, count)
        return RegularArray(_next(picked, tail, nextadv, dim + 1), count, length)
    if isinstance(head, _Advanced):
        values = head.values
        if head.mask_length is not None and head.mask_length != size:
            raise IndexError(
                f"boolean index of length {head.mask_length} does not match dimension {dim} of length {size}"
            )
        bad = (values < -size) | (values >= size)
        if bool(nplike.any(bad)):
            raise _out_of_bounds(int(values[nplike.nonzero(bad)[0][0]]), 0, size, dim)
        values = nplike.where(values < 0, values + size, values)
        if adv is None:
            count = len(values)
            carry = nplike.reshape(nplike.reshape(rowstarts, (length, 1)) + values, (-1,))
            nextadv = nplike.reshape(
                nplike.reshape(nplike.zeros(length, dtype=int64), (length, 1)) + nplike.arange(count, dtype=int64), (-1,)
            )
            picked = content._carry(Index64(carry, nplike=nplike), True)
            return _wrap_advanced(_next(picked, tail, nextadv, dim + 1), head.shape, length)
        picked = content._carry(Index64(rowstarts + values[adv], nplike=nplike), True)
        return _next(picked, tail, adv, dim + 1)
    raise TypeError(f"cannot slice dimension {dim} with {head!r}")


def _starts_stops(layout):
    nplike = layout.backend.index_nplike
    if isinstance(layout, ListOffsetArray):
        (offsets,) = concrete(layout.offsets.data)
        offsets = nplike.astype(offsets, int64)
        return offsets[:-1], offsets[1:]
    starts, stops = concrete(layout.starts.data, layout.stops.data)
    return nplike.astype(starts, int64), nplike.astype(stops[: len(starts)], int64)


def _slice_bounds(nplike, counts, head):
    """Per-row (first, number) of ``head`` (a slice) applied to lists of lengths ``counts``."""
    step = 1 if head.step is None else head.step

    def clip(value, default, low, high_shift):
        if value is None:
            return default
        out = value + counts if value < 0 else nplike.zeros(len(counts), dtype=int64) + value
        return nplike.where(out < low, low, nplike.where(out > counts + high_shift, counts + high_shift, out))

    if step > 0:
        first = clip(head.start, nplike.zeros(len(counts), dtype=int64), 0, 0)
        last = clip(head.stop, counts, 0, 0)
        number = (last - first + step - 1) // step
    else:
        first = clip(head.start, counts - 1, -1, -1)
        last = clip(head.stop, nplike.zeros(len(counts), dtype=int64) - 1, -1, -1)
        number = (first - last - step - 1) // (-step)
    number = nplike.where(number < 0, 0, number)
    return first, number, step


def _next_list(layout, head, tail, adv, dim):
    nplike = layout.backend.index_nplike
    starts, stops = _starts_stops(layout)
    counts = stops - starts
    length = len(starts)
    content = layout.content
    if isinstance(head, int):
        at = counts + head if head < 0 else nplike.zeros(length, dtype=int64) + head
        bad = (at < 0) | (at >= counts)
        if bool(nplike.any(bad)):
            row = int(nplike.nonzero(bad)[0][0])
            raise _out_of_bounds(head, row, int(counts[row]), dim)
        picked = content._carry(Index64(starts + at, nplike=nplike), True)
        return _next(picked, tail, adv, dim + 1)
    if isinstance(head, slice):
        first, number, step = _slice_bounds(nplike, counts, head)
        if step == 1 and not tail and adv is None:  # no carry: the content stays untouched
            return ListArray(Index64(starts + first, nplike=nplike), Index64(starts + first + number, nplike=nplike),
                             content, parameters=layout._parameters)
        offsets = nplike.zeros(length + 1, dtype=int64)
        offsets[1:] = nplike.cumsum(number)
        parents = nplike.repeat(nplike.arange(length, dtype=int64), number)
        local = nplike.arange(int(offsets[-1]), dtype=int64) - offsets[:-1][parents]
        carry = starts[parents] + first[parents] + step * local
        picked = content._carry(Index64(carry, nplike=nplike), True)
        nextadv = None if adv is None else adv[parents]
        return ListOffsetArray(Index64(offsets, nplike=nplike), _next(picked, tail, nextadv, dim + 1),
                               parameters=layout._parameters)
    if isinstance(head, _Advanced):
        values = head.values
        if head.mask_length is not None and bool(nplike.any(counts != head.mask_length)):
            row = int(nplike.nonzero(counts != head.mask_length)[0][0])
            raise IndexError(
                f"boolean index of length {head.mask_length} does not match dimension {dim} "
                f"at row {row} (list of length {int(counts[row])})"
            )
        if adv is None:
            count = len(values)
            grid_values = nplike.reshape(values, (1, count)) + nplike.zeros((length, 1), dtype=int64)
            grid_counts = nplike.reshape(counts, (length, 1)) + nplike.zeros((1, count), dtype=int64)
            nextadv = nplike.reshape(nplike.zeros((length, 1), dtype=int64) + nplike.arange(count, dtype=int64), (-1,))
        else:
            grid_values, grid_counts, nextadv = values[adv], counts, adv
        at = nplike.where(grid_values < 0, grid_values + grid_counts, grid_values)
        bad = (at < 0) | (at >= grid_counts)
        if bool(nplike.any(bad)):
            flat = int(nplike.nonzero(nplike.reshape(bad, (-1,)))[0][0])
            row = flat // max(len(values), 1) if adv is None else flat
            value = nplike.reshape(grid_values, (-1,))[flat]
            raise _out_of_bounds(int(value), row, int(counts[row]), dim)
        if adv is None:
            carry = nplike.reshape(nplike.reshape(starts, (length, 1)) + at, (-1,))
        else:
            carry = starts + at
        picked = content._carry(Index64(carry, nplike=nplike), True)
        out = _next(picked, tail, nextadv, dim + 1)
        return _wrap_advanced(out, head.shape, length) if adv is None else out
    raise TypeError(f"cannot slice dimension {dim} with {head!r}")


# ---------------------------------------------------------------------------------- missing / jagged
def _missing_index(layout, item):
    """A flat index with missing values: None where the index is missing."""
    nplike = layout.backend.index_nplike
    values, valid = item.values, item.valid
    length = len(layout)
    if values.dtype.kind == "b":  # True keeps, False drops, None gives None
        if len(values) != length:
            raise IndexError(
                f"boolean index of length {len(values)} does not match dimension 0 of length {length}"
            )
        keep = (values & valid) | ~valid
        positions = nplike.nonzero(keep)[0]
        values, valid = positions, valid[keep]
    values = nplike.astype(values, int64)
    picked = values[valid]
    bad = (picked < -length) | (picked >= length)
    if bool(nplike.any(bad)):
        raise _out_of_bounds(int(picked[nplike.nonzero(bad)[0][0]]), 0, length, 0)
    picked = nplike.where(picked < 0, picked + length, picked)
    content = layout._carry(Index64(picked, nplike=nplike), True)
    outindex = nplike.where(valid, nplike.cumsum(nplike.astype(valid, int64)) - 1, -1)
    return IndexedOptionArray.simplified(Index64(outindex, nplike=nplike), content)


def _project_option(nplike, layout):
    option = layout if isinstance(layout, IndexedOptionArray) else layout.to_IndexedOptionArray64()
    (index,) = concrete(option.index.data)
    index = nplike.astype(index, int64)
    valid = index >= 0
    return option.content._carry(Index64(index[valid], nplike=nplike), True), valid


def _option_around(nplike, valid, out):
    outindex = nplike.where(valid, nplike.cumsum(nplike.astype(valid, int64)) - 1, -1)
    return IndexedOptionArray.simplified(Index64(outindex, nplike=nplike), out)


def _jagged(layout, index, dim):
    """``layout[index]`` where ``index``'s rows line up with ``layout``'s rows."""
    nplike = layout.backend.index_nplike
    if len(layout) != len(index):
        raise ValueError(
            f"cannot fit jagged slice with length {len(index)} into array of length {len(layout)} "
            f"in dimension {dim}"
        )
    if index.is_option:
        projected, valid = _project_option(nplike, index)
        rows = Index64(nplike.nonzero(valid)[0], nplike=nplike)
        return _option_around(nplike, valid, _jagged(layout._carry(rows, True), projected, dim))
    if index.is_indexed:
        return _jagged(layout, index.project(), dim)
    if layout.is_option:
        projected, valid = _project_option(nplike, layout)
        rows = Index64(nplike.nonzero(valid)[0], nplike=nplike)
        return _option_around(nplike, valid, _jagged(projected, index._carry(rows, False), dim))
    if layout.is_indexed:
        return _jagged(layout.project(), index, dim)
    if layout.is_record:
        fields = [_jagged(layout._getitem_field(f), index, dim) for f in layout.fields]
        return RecordArray(fields, None if layout.is_tuple else layout.fields, len(layout),
                           parameters=layout._parameters, backend=layout.backend)
    if layout.is_union:
        tags, positions = layout._tags_index()
        contents, newindex = [], nplike.zeros(len(tags), dtype=int64)
        for k, content in enumerate(layout.contents):
            rows = tags == k
            picked = content._carry(Index64(positions[rows], nplike=nplike), True)
            rows_index = Index64(nplike.nonzero(rows)[0], nplike=nplike)
            contents.append(_jagged(picked, index._carry(rows_index, False), dim))
            newindex[rows] = nplike.arange(int(nplike.count_nonzero(rows)), dtype=int64)
        return UnionArray.simplified(layout.tags, Index64(newindex, nplike=nplike), contents,
                                     parameters=layout._parameters)
    if layout.is_unknown and len(index) == 0:
        return layout
    if layout.is_numpy and len(layout.data.shape) > 1:
        layout = layout.to_RegularArray()
    if index.is_numpy and len(index.data.shape) > 1:
        index = index.to_RegularArray()
    if not layout.is_list or not index.is_list:
        raise IndexError(f"jagged index goes deeper than the array at dimension {dim} ({type(layout).__name__})")
    starts, stops = _starts_stops(layout) if not layout.is_regular else _regular_bounds(nplike, layout)
    counts = stops - starts
    packed = index.to_ListOffsetArray64(True)
    (offsets,) = concrete(packed.offsets.data)
    offsets = nplike.astype(offsets, int64)
    inner = packed.content._getitem_range(0, int(offsets[-1]))
    index_counts = offsets[1:] - offsets[:-1]
    parents = nplike.repeat(nplike.arange(len(counts), dtype=int64), index_counts)
    if _is_jagged_layout(inner):
        _check_counts(nplike, counts, index_counts, dim)
        local = nplike.arange(int(offsets[-1]), dtype=int64) - offsets[:-1][parents]
        content = layout.content._carry(Index64(starts[parents] + local, nplike=nplike), True)
        return ListOffsetArray(Index64(offsets, nplike=nplike), _jagged(content, inner, dim + 1))
    values, valid = _flat_values(inner)
    if values.dtype.kind == "b":
        _check_counts(nplike, counts, index_counts, dim)
        keep = values if valid is None else (values & valid) | ~valid
        local = nplike.arange(len(values), dtype=int64) - offsets[:-1][parents]
        values = local[keep]
        valid = None if valid is None else valid[keep]
        parents = parents[keep]
        newcounts = nplike.zeros(len(counts), dtype=int64)
        if len(parents):
            newcounts = newcounts + _bincount(nplike, parents, len(counts))
        offsets = nplike.zeros(len(counts) + 1, dtype=int64)
        offsets[1:] = nplike.cumsum(newcounts)
    elif values.dtype.kind not in "iu":
        if len(values):
            raise TypeError(f"jagged indices must be integers or booleans, not {values.dtype}")
    values = nplike.astype(values, int64)
    rowcounts = counts[parents]
    at = nplike.where(values < 0, values + rowcounts, values)
    bad = (at < 0) | (at >= rowcounts)
    if valid is not None:
        bad = bad & valid
    if bool(nplike.any(bad)):
        first = int(nplike.nonzero(bad)[0][0])
        row = int(parents[first])
        raise _out_of_bounds(int(values[first]), row, int(counts[row]), dim + 1)
    carry = starts[parents] + at
    if valid is None:
        content = layout.content._carry(Index64(carry, nplike=nplike), True)
    else:
        content = _option_around(nplike, valid, layout.content._carry(Index64(carry[valid], nplike=nplike), True))
    return ListOffsetArray(Index64(offsets, nplike=nplike), content)


def _bincount(nplike, parents, length):
    """Occurrences of each row number in the sorted ``parents``."""
    edges = nplike.searchsorted(parents, nplike.arange(length + 1, dtype=int64), side="left")
    return edges[1:] - edges[:-1]


def _regular_bounds(nplike, layout):
    starts = nplike.arange(len(layout), dtype=int64) * layout.size
    return starts, starts + layout.size


def _check_counts(nplike, counts, index_counts, dim):
    bad = counts != index_counts
    if bool(nplike.any(bad)):
        row = int(nplike.nonzero(bad)[0][0])
        raise ValueError(
            f"cannot fit jagged slice into nested list at dimension {dim + 1}, row {row}: "
            f"the index has {int(index_counts[row])} items, the list has {int(counts[row])}"
        )
