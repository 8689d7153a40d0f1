"""getitem: normalizes the slice, projects fields, then runs the recursion (see awkward._slicing)."""

from __future__ import annotations

from awkward._nplikes.dtypes import int64
from awkward._slicing._common import (
    _Advanced,
    _Fields,
    _flat_values,
    _is_jagged_layout,
    _Jagged,
    _min_depth,
    _Missing,
    _option_around,
    _out_of_bounds,
    _regular_index_values,
)
from awkward._slicing._jagged import _jagged
from awkward._slicing._next import _count_dims, _next
from awkward.contents._typetracer import one_list_of
from awkward.contents.content import Content, concrete, is_true, length_of, unknown_length
from awkward.contents.indexedoptionarray import IndexedOptionArray
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.regulararray import RegularArray
from awkward.index import Index, Index64
from awkward.record import Record


def getitem(layout, where):
    """``layout[where]`` with NumPy/Awkward semantics; returns a Content, Record or scalar."""
    if isinstance(layout, Record):
        return _getitem_record(layout, where)
    if not isinstance(layout, Content):
        raise TypeError(f"cannot slice {type(layout).__name__}: expected a layout")
    if isinstance(where, str):
        return layout._getitem_field(where)
    if isinstance(where, slice) and (where.step is None or _as_int(where.step) == 1):
        length = length_of(layout)
        sl = slice(_opt_int(where.start), _opt_int(where.stop))
        if length is unknown_length:  # typetracer: bounds unknown
            start, stop, _, _ = layout.backend.index_nplike.derive_slice_for_length(sl, length)
            return layout._getitem_range(start, stop)
        start, stop, _ = sl.indices(length)
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
    """A scalar record takes field names only (as awkward 2.14): a name, a list of names, or a
    tuple starting with a name whose remaining items slice that field's value."""
    array, at = record.array, record.at
    if isinstance(where, tuple) and len(where) == 1:
        where = where[0]
    if isinstance(where, tuple):
        if not where:
            return record
        if not isinstance(where[0], str):
            raise IndexError("scalar Record cannot be sliced by an array")
        out = _getitem_items(array._getitem_range(at, at + 1), (slice(None), *where))
        return out._getitem_at(0) if isinstance(out, Content) else out
    if isinstance(where, str):
        return array._getitem_field(where)._getitem_at(at)
    if isinstance(where, list) and all(isinstance(x, str) for x in where):
        return Record(array._getitem_fields(where), at)
    raise _record_slice_error(where)


def _record_slice_error(where):
    kind = None
    if _is_integer(where):
        kind = "an integer"
    elif isinstance(where, slice):
        kind = "a range slice (`:`)"
    elif where is None:
        kind = "np.newaxis (`None`)"
    elif where is Ellipsis:
        kind = "an ellipsis (`...`)"
    elif isinstance(where, (list, Content)) or getattr(where, "ndim", 0) or hasattr(where, "layout"):
        kind = "an array"
    if kind is not None:
        return IndexError(f"scalar Record cannot be sliced by {kind}")
    return TypeError(
        "only field name (str) or names (non-tuple iterable of str) are valid indices for slicing "
        f"a scalar record, not {where!r}"
    )


def _getitem_at(layout, where: int):
    length = length_of(layout)
    if length is unknown_length:  # typetracer: no bounds to check
        return layout._getitem_at(where)
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
    _check_not_mixed(rest)
    if rest and isinstance(rest[0], _Jagged):
        index = rest[0].layout
        layout = _jagged(layout, index, 0)
        # the jagged index consumed as many dimensions as it has; the rest apply below them
        rest = [slice(None)] * _min_depth(index) + rest[1:] if len(rest) > 1 else []
    if rest and isinstance(rest[0], _Missing):
        if any(isinstance(x, (int, _Advanced, _Missing)) for x in rest[1:]):
            raise ValueError(
                "cannot mix an index with missing values with integers or other arrays in one slice; "
                "slice twice instead"
            )
        return _missing_index(layout, rest[0], tuple(rest[1:]))
    if not rest:
        return layout
    if len(rest) == 1 and isinstance(rest[0], _Advanced) and len(rest[0].shape) == 1:
        return _carry_rows(layout, rest[0].values)  # layout[array]: one carry, no wrapping
    if length_of(layout) is unknown_length:
        # a typetracer of unknown length: its one-list wrapper would be var (the size is
        # unknown), and slicing through var lists carries what the eager run's regular wrapper
        # keeps as a range; a step-1 slice of the wrapper's list is a range of the array
        rest = _ellipsis_at_axis_0(layout, rest)
        if rest and isinstance(rest[0], slice) and rest[0].step in (None, 1):
            return _next(getitem(layout, rest[0]), tuple(rest[1:]), None, 1)
        if not rest:
            return layout
        # 2.14's wrapper: one list of unknown size (np.newaxis at axis 0 gives ## * ## * ...)
        wrapped = RegularArray(layout, unknown_length)
    else:
        wrapped = one_list_of(layout)
    out = _next(wrapped, tuple(rest), None, 0)
    return out._getitem_at(0)


def _ellipsis_at_axis_0(layout, rest):
    """``rest`` with a leading Ellipsis resolved as ``_next`` resolves it at the one-list
    wrapper: dropped when the items after it reach every dimension, else a full slice of
    axis 0 put before it (an Ellipsis over dimensions of different depths stays, to raise)."""
    rest = list(rest)
    while rest and rest[0] is Ellipsis and len(rest) > 1:
        low, high = layout.form.minmax_depth
        if low != high:
            break
        if _count_dims(rest[1:]) >= low:
            rest = rest[1:]
        else:
            rest = [slice(None), *rest]
            break
    if rest == [Ellipsis]:
        return []
    return rest


def _carry_rows(layout, values):
    """Rows ``values`` (int64, 1-d, negative counting from the end) of ``layout``, lazily."""
    nplike = layout.backend.index_nplike
    if not nplike.known_data:  # typetracer: no bounds to check, no values to adjust
        return layout._carry(Index64(values, nplike=nplike), True)
    length = len(layout)
    if len(values):
        low, high = nplike.min(values), nplike.max(values)
        if low < -length or high >= length:
            bad = int(low) if low < -length else int(high)
            raise _out_of_bounds(bad, 0, length, 0)
        if low < 0:
            values = nplike.where(values < 0, values + length, values)
    return layout._carry(Index64(values, nplike=nplike), True)


def _check_not_mixed(rest):
    """An awkward index (jagged, or with missing values) below the first dimension applies to
    every row alike: it cannot be combined with integers or other arrays (as in awkward)."""
    at = [k for k, x in enumerate(rest) if isinstance(x, (_Jagged, _Missing))]
    if not at or at == [0]:
        return  # first-position cases are checked where they are applied
    others = [x for k, x in enumerate(rest) if k != at[-1] and isinstance(x, (int, _Advanced, _Jagged, _Missing))]
    if others:
        raise ValueError(
            f"cannot mix a jagged index or an index with missing values (slice item {at[-1]}) with "
            "integers or other arrays in one slice; slice twice instead"
        )


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


def _normalize(layout, items):
    """Items as int/slice/None/Ellipsis/str/_Fields/_Advanced/_Jagged/_Missing; broadcasts the
    advanced indices together."""
    nplike = layout.backend.index_nplike
    if sum(1 for item in items if item is Ellipsis) > 1:
        raise IndexError("an index can only have a single Ellipsis ('...')")
    out, advanced = [], []
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
        elif isinstance(item, Index):  # an awkward Index: its integers, as a 1-d array
            (values,) = concrete(item.data)
            _append_array(nplike, values, out, advanced)
        elif isinstance(item, bool) or getattr(item, "shape", None) == () and item.dtype.kind == "b":
            raise TypeError(
                f"a boolean scalar ({item!r}) cannot be used as an index; masks must be arrays of booleans"
            )
        elif isinstance(item, Content):
            regular = _regular_index_values(item)
            if regular is not None and len(regular.shape) > 1:  # a NumPy array in disguise
                _append_array(nplike, regular, out, advanced)
                continue
            if _is_jagged_layout(item):
                out.append(_Jagged(item))
                continue
            values, valid = _flat_values(item)
            if valid is not None:
                out.append(_Missing(values, valid))
                continue
            _append_array(nplike, values, out, advanced)
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
                out.append(_Missing(values, valid))
                continue
            _append_array(nplike, values, out, advanced)
        else:
            try:
                values = nplike.asarray(item)
            except (ValueError, TypeError):
                raise TypeError(
                    f"cannot use {item!r:.60} as an index; jagged indices must be given as ak.Array"
                ) from None
            _append_array(nplike, values, out, advanced)
    if advanced:
        between = out[advanced[0] : advanced[-1]]
        if any(x is None or x is Ellipsis or isinstance(x, slice) for x in between):
            raise ValueError(
                "NumPy advanced indexing with array indices separated by None (np.newaxis), "
                "Ellipsis or a slice is not supported on awkward arrays"
            )
        arrays, shape = _broadcast_advanced(nplike, [out[i] for i in advanced])
        for position, array in zip(advanced, arrays):
            flat = nplike.astype(array, int64, copy=False)
            if flat.ndim != 1:
                flat = nplike.reshape(flat, (-1,))
            out[position] = _Advanced(flat, shape)
    return out


def _broadcast_advanced(nplike, raw):
    """The advanced indices broadcast together, and their common shape.

    As in awkward 2.14, a 1-d boolean mask is not checked against the length of its dimension:
    the arrays are broadcast as given (masks by their own length: a ValueError if they do not
    fit), then each mask becomes the positions of its True values. The result has as many
    entries as the first advanced index; a later one with more is cut to that many, one with a
    single entry is repeated, one with fewer is an IndexError (awkward reads past its end)."""
    if len(raw) == 1 and raw[0].ndim == 1:  # the common case: nothing to broadcast
        array = raw[0]
        if array.dtype.kind == "b":
            array = nplike.nonzero(array)[0]
        return [array], (array.shape[0],)
    masks = [array.dtype.kind == "b" for array in raw]
    arrays = nplike.broadcast_arrays(*raw)
    shape = tuple(arrays[0].shape)
    if not any(masks):
        return arrays, shape
    if len(shape) != 1:  # masks among N-d integer arrays: NumPy's rule (positions, then broadcast)
        arrays = nplike.broadcast_arrays(*[nplike.nonzero(a)[0] if m else a for a, m in zip(raw, masks)])
        return arrays, tuple(arrays[0].shape)
    arrays = [nplike.nonzero(a)[0] if m else a for a, m in zip(arrays, masks)]
    count = len(arrays[0])
    fitted = [arrays[0]]
    for k, array in enumerate(arrays[1:], 1):
        if len(array) == 1 and count != 1:
            array = nplike.repeat(array, count)
        elif len(array) < count:
            raise IndexError(
                f"advanced index {k} gives {len(array)} positions, fewer than the {count} of the first "
                "advanced index (a boolean mask gives the positions of its True values)"
            )
        fitted.append(array[:count])
    return fitted, (count,)


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


def _append_array(nplike, values, out, advanced):
    kind = values.dtype.kind
    if values.ndim == 0 and kind in "iu":
        out.append(int(values))
        return
    if kind == "b" and values.ndim != 1:  # an N-d mask: one index array per dimension it spans
        for positions in nplike.nonzero(values):
            advanced.append(len(out))
            out.append(positions)
        return
    if kind not in "iub":
        if values.size == 0:
            values = nplike.astype(values, int64)
        else:
            raise TypeError(f"arrays used as indices must be of integer or boolean type, not {values.dtype}")
    advanced.append(len(out))
    out.append(values)  # a 1-d mask stays boolean until the advanced indices are broadcast


def _missing_index(layout, item, tail=()):
    """A flat index with missing values: None where the index is missing; ``tail`` (slices,
    None, Ellipsis, fields) applies below it."""
    nplike = layout.backend.index_nplike
    values, valid = item.values, item.valid
    length = length_of(layout)
    if values.dtype.kind == "b":  # True keeps, False drops, None gives None (any length, as awkward)
        keep = (values & valid) | ~valid
        positions = nplike.nonzero(keep)[0]
        values, valid = positions, valid[keep]
    values = nplike.astype(values, int64)
    picked = values[valid]
    bad = None if length is unknown_length else (picked < -length) | (picked >= length)
    if bad is not None and is_true(nplike.any(bad)):
        raise _out_of_bounds(int(picked[nplike.nonzero(bad)[0][0]]), 0, length, 0)
    picked = nplike.where(picked < 0, picked + length, picked)
    content = layout._carry(Index64(picked, nplike=nplike), True)
    if tail:
        content = _next(one_list_of(content), (slice(None), *tail), None, 0)._getitem_at(0)
    outindex = nplike.where(valid, nplike.cumsum(nplike.astype(valid, int64)) - 1, -1)
    return IndexedOptionArray.simplified(Index64(outindex, nplike=nplike), content)
