"""unique / is_unique: distinct values of a layout, for categoricals and other libraries.

``axis=None`` looks at every value (lists flattened, one None kept for missing values);
``axis=-1`` works inside each innermost list of numbers. Strings count as values (compared
by their bytes). Records are refused by ``unique``; ``is_unique`` checks their fields one by one.
"""

from __future__ import annotations

from awkward._do._apply import recursively_apply
from awkward._nplikes.dtypes import int64
from awkward.contents import IndexedOptionArray, ListOffsetArray, NumpyArray
from awkward.contents.content import concrete
from awkward.errors import AxisError
from awkward.index import Index64

__all__ = ["unique", "is_unique"]


def _check_axis(axis, function):
    if axis is not None and axis != -1:
        raise AxisError(
            f"{function} expects axis 'None' or '-1', got axis={axis} that is not supported yet"
        )


def _is_text(layout):
    return layout.is_list and layout.parameter("__array__") in ("string", "bytestring")


def _reachable(layout):
    """The part of a list's content that its lists use, and the packed offsets."""
    packed = layout.to_ListOffsetArray64(True)
    (offsets,) = concrete(packed.offsets.data)
    stop = int(offsets[-1]) if len(offsets) else 0
    return offsets, packed.content._getitem_range(0, stop)


def _strings(layout):
    """The strings (as bytes) of a string/bytestring list layout."""
    offsets, content = _reachable(layout)
    (chars,) = concrete(content.data)
    raw = bytes(chars)
    return [raw[int(a) : int(b)] for a, b in zip(offsets[:-1], offsets[1:])]


def _values(layout, function):
    """(list of value arrays or string lists, number of missing values) over the whole tree."""
    if layout.is_unknown:
        return [], 0
    if layout.is_numpy:
        nplike = layout.backend.nplike
        (data,) = concrete(layout.data)
        return [nplike.reshape(data, (-1,))], 0
    if _is_text(layout):
        return [_strings(layout)], 0
    if layout.is_option:
        (valid,) = concrete(layout.mask_as_bool(valid_when=True))
        missing = len(valid) - int(layout.backend.index_nplike.count_nonzero(valid))
        values, inner_missing = _values(layout.project(), function)
        return values, missing + inner_missing
    if layout.is_indexed:
        return _values(layout.project(), function)
    if layout.is_list:
        return _values(_reachable(layout)[1], function)
    if layout.is_union:
        out, missing = [], 0
        for i in range(len(layout.contents)):
            values, m = _values(layout.project(i), function)
            out += values
            missing += m
        return out, missing
    raise NotImplementedError(f"{function}: records are not supported")


def _unique_of(values, nplike):
    if any(isinstance(v, list) for v in values):
        return sorted({s for v in values for s in v}), True
    if not values:
        return None, False
    return nplike.unique_values(nplike.concat(values) if len(values) > 1 else values[0]), False


def unique(layout, axis=None):
    """The distinct values, sorted: ``axis=None`` over the whole array (a NumpyArray, or a
    string array; an option with one None last when values are missing), ``axis=-1`` within
    each innermost list."""
    _check_axis(axis, "unique")
    if axis == -1 and layout.purelist_depth > 1:
        return _unique_in_lists(layout)
    values, missing = _values(layout, "unique")
    nplike = layout.backend.nplike
    out, text = _unique_of(values, nplike)
    if out is None:
        return layout.copy() if layout.is_unknown else NumpyArray(nplike.zeros(0, dtype=int64), backend=layout.backend)
    if text:
        out = _string_array(out, layout, nplike)
    else:
        out = NumpyArray(out, backend=layout.backend)
    if missing:
        index_nplike = layout.backend.index_nplike
        index = index_nplike.concat(
            [index_nplike.arange(len(out), dtype=int64), index_nplike.full(1, -1, dtype=int64)]
        )
        return IndexedOptionArray(Index64(index, nplike=index_nplike), out)
    return out


def _string_array(strings, layout, nplike):
    text = layout
    while not _is_text(text):
        text = text.contents[0]
    lengths = [len(s) for s in strings]
    offsets = nplike.concat([nplike.zeros(1, dtype=int64), nplike.cumsum(nplike.asarray(lengths, dtype=int64))])
    chars = nplike.frombuffer(b"".join(strings), dtype="uint8") if strings else nplike.zeros(0, dtype="uint8")
    content = NumpyArray(chars, parameters=text.content.parameters, backend=layout.backend)
    return ListOffsetArray(Index64(offsets, nplike=nplike), content, parameters=text.parameters)


def _sorted_within_lists(layout):
    """(parents, sorted values, offsets) of the innermost lists of numbers, sorted per list."""
    if not (layout.is_list and layout.content.is_numpy and len(layout.content.inner_shape) == 0):
        raise NotImplementedError(
            "unique/is_unique with axis=-1 supports innermost lists of numbers only, not "
            f"{layout.form.type}"
        )
    nplike = layout.backend.nplike
    offsets, content = _reachable(layout)
    (values,) = concrete(content.data)
    counts = offsets[1:] - offsets[:-1]
    parents = nplike.repeat(nplike.arange(len(counts), dtype=int64), counts)
    order = nplike.argsort(values, stable=True)
    order = order[nplike.argsort(parents[order], stable=True)]
    return parents[order], values[order], offsets


def _first_of_runs(nplike, parents, values):
    if len(values) == 0:
        return nplike.zeros(0, dtype=bool)
    head = nplike.full(1, True, dtype=bool)
    differ = (values[1:] != values[:-1]) | (parents[1:] != parents[:-1])
    return nplike.concat([head, differ])


def _unique_in_lists(layout):
    def action(node, **kwargs):
        if node.is_list and node.purelist_depth == 2:
            nplike = node.backend.nplike
            parents, values, offsets = _sorted_within_lists(node)
            keep = _first_of_runs(nplike, parents, values)
            counts = _bincount(nplike, parents[keep], len(offsets) - 1)
            new_offsets = nplike.concat([nplike.zeros(1, dtype=int64), nplike.cumsum(counts)])
            return ListOffsetArray(
                Index64(new_offsets, nplike=nplike),
                NumpyArray(values[keep], backend=node.backend),
                parameters=node.parameters or None,
            )
        return None

    return recursively_apply(layout, action, function_name="unique")


def _bincount(nplike, sorted_parents, length):
    """Counts of each parent 0..length-1 in a sorted array of parents."""
    positions = nplike.searchsorted(sorted_parents, nplike.arange(length + 1, dtype=int64), side="left")
    return positions[1:] - positions[:-1]


def is_unique(layout, axis=None) -> bool:
    """Whether no value repeats: over the whole array (``axis=None``; at most one None; the
    fields of records checked one by one), or within each innermost list (``axis=-1``)."""
    _check_axis(axis, "is_unique")
    if layout.is_record:
        return all(is_unique(c._getitem_range(0, len(layout)), axis) for c in layout.contents)
    if axis == -1 and layout.purelist_depth > 1:
        found = []

        def action(node, **kwargs):
            if node.is_list and node.purelist_depth == 2:
                nplike = node.backend.nplike
                parents, values, _ = _sorted_within_lists(node)
                found.append(bool(nplike.all(_first_of_runs(nplike, parents, values))))
                return node
            return None

        recursively_apply(layout, action, return_array=False, function_name="is_unique")
        return all(found)
    values, missing = _values(layout, "is_unique")
    if missing > 1:
        return False
    out, text = _unique_of(values, layout.backend.nplike)
    total = sum(len(v) for v in values)
    return out is None or len(out) == total
