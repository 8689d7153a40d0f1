"""cartesian: the Cartesian product of several arrays' lists at one axis.

At ``axis=0`` the product runs over the arrays' own elements (a record of lazy IndexedArrays).
At a deeper axis the arrays are broadcast down to that depth; there, row by row, the items of
the first array's list are paired with every item of the second's, and so on (the first array
varies slowest, as itertools.product). An array that has no list at that depth contributes
its one element per row. ``nested`` (positions ``j``) groups the tuples into one more list
level after array ``j``.

The carries are built array by array: one kernel pass (``awkward_ListArray_cartesian_carry``)
pairs, row by row, the tuples so far (at first the first array's items) with the next
array's items and writes both positions; earlier carries then follow the tuple positions. For
two arrays that is one pass over the output, with no repeat.
"""

from __future__ import annotations

from awkward._broadcasting import broadcast_and_apply
from awkward._do._axis import axis_error
from awkward._do._num import offsets_from_counts
from awkward._nplikes.dtypes import int64
from awkward.contents.content import as_length, concrete, unknown_length
from awkward.contents.indexedarray import IndexedArray
from awkward.contents.indexedoptionarray import IndexedOptionArray
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.numpyarray import NumpyArray
from awkward.contents.recordarray import RecordArray
from awkward.contents.regulararray import RegularArray
from awkward.errors import AxisError
from awkward.index import Index64

__all__ = ["cartesian", "argcartesian"]


def cartesian(layouts, axis, nested, fields, parameters):
    """The product of ``layouts`` at ``axis`` (non-negative or negative). ``nested`` is a set of
    positions in ``[0, len(layouts) - 1)``; ``fields`` None (tuples) or one name per layout."""
    return _cartesian(layouts, axis, nested, fields, parameters, False, "cartesian")


def argcartesian(layouts, axis, nested, fields, parameters):
    """Like ``cartesian``, with the positions (int64) of the items in their lists."""
    return _cartesian(layouts, axis, nested, fields, parameters, True, "argcartesian")


def _cartesian(layouts, axis, nested, fields, parameters, arg, function_name):
    nested = sorted(nested)
    depths = {x.form.minmax_depth for x in layouts}
    max_depth = max(high for _, high in depths)
    if arg and axis >= 0:
        # argcartesian pairs the positions of a string's characters at a non-negative axis
        # (as awkward 2.14 does; a negative axis counts strings as values)
        max_depth = max(_char_minmax(x.form)[1] for x in layouts)
    if axis < 0 and len(depths) > 1:
        raise AxisError(
            f"ak.{function_name}: arrays to cartesian-product do not have the same depth "
            f"for negative axis={axis}"
        )
    posaxis = axis + max_depth if axis < 0 else axis
    if not 0 <= posaxis < max_depth:
        raise AxisError(
            f"ak.{function_name}: axis={axis} exceeds the max depth of the given arrays "
            f"(which is {max_depth})"
        )
    if posaxis == 0:
        return _top_level(layouts, nested, fields, parameters, arg)
    if arg:
        # the positions are the local indexes of every array at ``axis``: each one must be
        # that deep (awkward 2.14 refuses a flat array here, where cartesian broadcasts it)
        for x in layouts:
            high = _char_minmax(x.form)[1]
            if high <= posaxis:
                raise AxisError(
                    f"ak.{function_name}: axis={axis} exceeds the depth of this array ({high})"
                )

    def action(inputs, *, depth, **_):
        if all(_is_record(x) for x in inputs):
            # awkward 2.14 does not reach into records for the product's axis
            raise AxisError(
                f"ak.{function_name}: axis={axis} exceeds the max depth of the given arrays "
                f"(which is {depth})"
            )
        if depth < posaxis:
            if all(x.is_numpy or x.is_unknown for x in inputs):
                raise axis_error(function_name, axis, layouts[0])
            return None
        if any(x.is_union or (x.is_option and x.content.is_union) for x in inputs):
            return None  # broadcasting splits unions into groups first
        inputs = [x.project() if x.is_indexed and not x.is_option else x for x in inputs]
        if not any(_has_lists(x.content if x.is_option else x) for x in inputs):  # records only
            raise AxisError(
                f"ak.{function_name}: axis={axis} exceeds the max depth of the given arrays "
                f"(which is {depth})"
            )
        return (_product(inputs, nested, fields, parameters, arg, function_name),)

    (out,) = broadcast_and_apply(
        layouts,
        action,
        right_broadcast=False,
        broadcast_parameters_rule="none",
        numpy_to_regular=True,
        function_name=f"ak.{function_name}",
    )
    return out


def _char_minmax(form):
    """``form.minmax_depth`` with the characters of strings counted as a dimension."""
    if form.is_list and form.parameter("__array__") in ("string", "bytestring"):
        return (2, 2)
    children = form._children()
    if not children:
        return form.minmax_depth
    depths = [_char_minmax(child) for child in children]
    low, high = min(d[0] for d in depths), max(d[1] for d in depths)
    return (low + 1, high + 1) if form.is_list else (low, high)


def _regular_size(x):
    if x.is_numpy and len(x.inner_shape) > 0:
        return x.inner_shape[0]
    return x.size if x.is_regular else None


def _is_record(x):
    while x.is_option or x.is_indexed:
        x = x.content
    return x.is_record


def _has_lists(x):
    return x.is_list or (x.is_numpy and len(x.inner_shape) > 0)


def _top_level(layouts, nested, fields, parameters, arg):
    backend = layouts[0].backend
    nplike = backend.index_nplike
    lengths = [x.length for x in layouts]
    total = 1
    for length in lengths:
        total *= length
    rest = nplike.arange(total, dtype=int64)
    carries = [None] * len(layouts)
    for i in range(len(layouts) - 1, -1, -1):
        if total is unknown_length:  # tracers: the carries are as unknown as the lengths
            carries[i] = rest
            continue
        carries[i] = rest % lengths[i] if lengths[i] else rest
        rest = rest // lengths[i] if lengths[i] else rest
    if arg:
        contents = [NumpyArray(c) for c in carries]
    else:
        contents = [IndexedArray.simplified(Index64(c), x) for c, x in zip(carries, layouts)]
    out = RecordArray(contents, fields, total, parameters=parameters)
    # nesting: one regular dimension per group of arrays after a nesting point
    bounds = [j + 1 for j in nested] + [len(layouts)]
    for lo, hi in reversed(list(zip(bounds[:-1], bounds[1:]))):
        size = outer = 1
        for length in lengths[lo:hi]:
            size *= length
        for length in lengths[:lo]:
            outer *= length
        out = RegularArray(out, size, zeros_length=outer)
    return out


def _ranges(x, length, nplike, function_name, arg):
    """(starts, stops, content, valid) of the lists of ``x``: a non-list is one-element lists;
    a missing list (valid False) is an empty one, ``valid`` None when nothing can be missing."""
    valid = None
    if x.is_option:
        index = x.to_IndexedOptionArray64().index.data
        (index,) = concrete(index)
        valid = index >= 0
        rows = nplike.where(valid, index, 0)
        x = x.content
    else:
        rows = None
    if x.is_numpy and len(x.inner_shape) > 0:
        x = x.to_RegularArray()
    if not arg and x.parameter("__array__") in ("string", "bytestring"):
        raise ValueError(
            f"ak.{function_name} does not compute combinations of the characters of a "
            "string; please split it into lists"
        )
    count = x.length
    if x.is_list:
        if x.is_regular:
            starts = nplike.arange(count, dtype=int64) * x.size
            stops = starts + x.size
        elif isinstance(x, ListOffsetArray):
            starts, stops = concrete(x.offsets.data[:-1], x.offsets.data[1:])
        else:
            starts, stops = concrete(x.starts.data, x.stops.data[:count])
        content = x.content
    else:
        starts = nplike.arange(count, dtype=int64)
        stops = starts + 1
        content = x
    if rows is not None:
        if count is not unknown_length and count == 0:
            starts = stops = nplike.zeros(length, dtype=int64)
        else:
            starts = starts[rows]
            stops = nplike.where(valid, stops[rows], starts)
    return starts, stops, content, valid


def _product(inputs, nested, fields, parameters, arg, function_name):
    backend = inputs[0].backend
    nplike = backend.index_nplike
    length = inputs[0].length
    lefts = None  # (starts, stops) of what the next array pairs with: items, then tuples
    carries = []
    per_tuple = None  # tuples so far in each row
    segment = None  # ... since the last nesting point
    segments = []
    contents = []
    valids = []
    regular_sizes = []  # the list size of each array whose lists are regular and never missing
    for i, x in enumerate(inputs):
        starts, stops, content, valid = _ranges(x, length, nplike, function_name, arg)
        valids.append(valid)
        regular_sizes.append(_regular_size(x))
        starts = nplike.astype(starts, int64, copy=False)
        stops = nplike.astype(stops, int64, copy=False)
        counts = stops - starts
        if arg:  # positions relative to each list's start
            starts, stops = nplike.zeros(length, dtype=int64), counts
        contents.append(content)
        if per_tuple is None:
            per_tuple, lefts = counts, (starts, stops)
        else:
            # one pass writes, for every pair (tuple so far, item of x), both positions
            per_tuple = per_tuple * counts
            offsets = offsets_from_counts(nplike, per_tuple)
            total = as_length(offsets[-1])
            toleft, toright = nplike.empty(total, dtype=int64), nplike.empty(total, dtype=int64)
            kernel = backend[("awkward_ListArray_cartesian_carry",) + (int64,) * 7]
            kernel(toleft, toright, offsets, lefts[0], lefts[1], starts, stops, length, total)
            # the first pair's left side is the first array's carry; later, a tuple index
            carries = [toleft] if not carries else [c[toleft] for c in carries]
            carries.append(toright)
            lefts, tuple_offsets = (offsets[:-1], offsets[1:]), offsets
        segment = counts if segment is None else segment * counts
        if i in nested:
            segments.append(segment)
            segment = None
    segments.append(nplike.ones(length, dtype=int64) if segment is None else segment)
    if not carries:  # a single array: its own items
        starts, stops = lefts
        carries = [nplike.empty(as_length(nplike.sum(per_tuple)), dtype=int64)]
        kernel = backend["awkward_ListArray_expand_carry", int64, int64, int64]
        kernel(carries[0], starts, stops, length, carries[0].shape[0])
    total = carries[0].shape[0]
    if arg:
        slots = [NumpyArray(c) for c in carries]
    else:
        slots = [content._carry(Index64(c), True) for content, c in zip(contents, carries)]
    out = RecordArray(slots, fields, total, parameters=parameters)
    # list levels, innermost first: level s has one list per tuple of the segments before it;
    # a missing list of the array that starts a segment makes that level's lists missing (a
    # missing list elsewhere only contributes no tuples), as awkward 2.14 does
    outer = [None]  # None: one list per row
    for seg in segments[:-1]:
        outer.append(seg if outer[-1] is None else outer[-1] * seg)
    firsts = [0] + [j + 1 for j in nested]
    lasts = [j + 1 for j in nested] + [len(inputs)]
    # as in awkward 2.14, a level stays regular when it holds one regular array and no later
    # level holds several arrays
    single = [hi - lo == 1 for lo, hi in zip(firsts, lasts)]
    for s, (seg, before, first) in reversed(list(enumerate(zip(segments, outer, firsts)))):
        if all(single[s:]) and regular_sizes[first] is not None:
            count = length if before is None else as_length(nplike.sum(before))
            out = RegularArray(out, regular_sizes[first], zeros_length=count)
            continue
        if before is None and len(inputs) > 1 and not nested:
            offsets = tuple_offsets  # one list of all the tuples per row: computed already
        else:
            sizes = seg if before is None else nplike.repeat(seg, before)
            offsets = offsets_from_counts(nplike, sizes)
        out = ListOffsetArray(Index64(offsets), out)
        if valids[first] is not None:
            mask = valids[first] if before is None else nplike.repeat(valids[first], before)
            index = nplike.where(mask, nplike.arange(mask.shape[0], dtype=int64), -1)
            out = IndexedOptionArray(Index64(index), out)
    return out
