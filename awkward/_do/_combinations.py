"""combinations: the n-element combinations of the items of every list at one axis.

At ``axis=0`` the items are the array's own elements; the result is a record (tuple unless
``fields``) of lazy IndexedArrays over the array. At a deeper axis every list at that depth
is replaced by the list of its combinations: a ListOffsetArray (RegularArray for regular
lists) of records whose slots are carries of the list's content. The positions come from
the ``awkward_ListArray_combinations`` kernel (lexicographic order, as itertools), or, for
regular lists, from one list's pattern repeated with numpy.
"""

from __future__ import annotations

import math

from awkward._do._apply import recursively_apply
from awkward._do._axis import axis_error, check_posaxis, maybe_posaxis
from awkward._do._flatten import holds_unknown
from awkward._nplikes.dtypes import int64
from awkward.contents.content import as_length, concrete, length_of, unknown_length
from awkward.contents.indexedarray import IndexedArray
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.numpyarray import NumpyArray
from awkward.contents.recordarray import RecordArray
from awkward.contents.regulararray import RegularArray
from awkward.errors import AxisError
from awkward.index import Index64

__all__ = ["combinations", "argcombinations", "combinations_count", "combination_carries"]


def combinations(layout, n, replacement, axis, fields, parameters):
    """The n-combinations of ``layout`` at ``axis`` (see the module doc). ``fields`` is None
    (tuples) or a list of n names; ``parameters`` go on the new records."""
    return _combinations(layout, n, replacement, axis, fields, parameters, False, "combinations")


def argcombinations(layout, n, replacement, axis, fields, parameters):
    """Like ``combinations``, with the local positions (int64) of the items in their lists
    instead of the items: only list structure (offsets, starts/stops) is read."""
    return _combinations(layout, n, replacement, axis, fields, parameters, True, "argcombinations")


def _combinations(layout, n, replacement, axis, fields, parameters, arg, function_name):
    try:
        posaxis = check_posaxis(function_name, axis, layout)
    except AxisError:
        # as in 2.14: argcombinations counts a string as a list of characters, and
        # combinations leaves an EmptyArray (no lists, of any depth) as it is
        if axis > 0 and _string_at(layout, 1, axis):
            if not arg:
                raise _string_error(function_name) from None
        elif arg or not holds_unknown(layout):
            raise
        posaxis = axis if axis >= 0 else None
    if layout.is_unknown and not arg:
        return layout
    if posaxis == 0:
        length = length_of(layout)
        carries = combination_carries(
            layout.backend, 1, n, replacement, _single_list(layout.backend, length)
        )
        if arg:
            contents = [NumpyArray(c) for c in carries]
        else:
            contents = [IndexedArray.simplified(Index64(c), layout) for c in carries]
        return RecordArray(contents, fields, carries[0].shape[0], parameters=parameters)

    def action(node, *, depth, continuation, **_):
        if node.is_unknown and not arg:
            return node
        at = posaxis if posaxis is not None else maybe_posaxis(node, axis, depth)
        if at is None or depth < at:
            if node.is_numpy or node.is_unknown:
                raise axis_error(function_name, axis, layout)
            return None
        if depth > at or not node.is_list:
            if node.is_option or node.is_indexed or node.is_union or node.is_record:
                return None
            raise axis_error(function_name, axis, layout)
        if node.parameter("__array__") in ("string", "bytestring") and not arg:
            raise _string_error(function_name)
        return _list_combinations(node, n, replacement, fields, parameters, arg)

    # not simplified: a union of lists stays a union of lists of combinations, as in 2.14
    return recursively_apply(
        layout,
        action,
        numpy_to_regular=True,
        return_simplified=False,
        function_name=f"ak.{function_name}",
    )



def _string_error(function_name):
    return ValueError(
        f"ak.{function_name} does not compute combinations of the characters of a string; "
        "please split it into lists"
    )


def _string_at(layout, depth, target):
    """Whether a string (list of characters) sits at ``depth == target`` (structure only)."""
    if layout.parameter("__array__") in ("string", "bytestring"):
        return depth == target
    if depth > target:
        return False
    step = 1 if layout.is_list else 0
    return any(_string_at(x, depth + step, target) for x in layout.contents)


def _single_list(backend, length):
    nplike = backend.index_nplike
    if length is unknown_length:  # a typetracer: the one stop is unknown
        return nplike.zeros(1, dtype=int64), nplike.empty(1, dtype=int64)
    return nplike.asarray([0], dtype=int64), nplike.asarray([length], dtype=int64)


def combinations_count(nplike, lengths, n, replacement):
    """C(m, n) (or C(m + n - 1, n) with replacement) for every m in ``lengths`` (int64),
    exactly: after step k the running value is C(m, k + 1), a whole number."""
    m = lengths + (n - 1) if replacement else lengths
    if n == 1:
        return nplike.astype(m, int64, copy=False)
    if n == 2:  # m >= 0, so m * (m - 1) >= 0 (zero for m < 2)
        return m * (m - 1) // 2
    # after step k, out is C(m, k + 1); once m - k reaches 0 it stays 0, so the factors
    # m - k never need clamping past the first (negative m: invalid lists, count 0)
    m = nplike.maximum(nplike.astype(m, int64, copy=False), 0)
    out = m
    for k in range(1, n):
        out = out * (m - k) // (k + 1)
    return out


def combination_carries(backend, length, n, replacement, starts_stops, offsets_out=None):
    """The n carries (content positions, int64) of the combinations inside the lists
    ``starts[i]:stops[i]`` for ``i < length``; with ``offsets_out`` (a list), the output
    offsets are appended to it."""
    nplike = backend.index_nplike
    starts, stops = starts_stops
    starts_c, stops_c = concrete(starts, stops)
    lengths = nplike.astype(stops_c, int64, copy=False) - nplike.astype(starts_c, int64, copy=False)
    counts = combinations_count(nplike, lengths, n, replacement)
    offsets = nplike.empty(length + 1, dtype=int64)
    offsets[0] = 0
    nplike.cumsum(counts, maybe_out=offsets[1:])
    total = as_length(offsets[-1])
    tocarry = nplike.empty(n * total, dtype=int64)
    kernel = backend["awkward_ListArray_combinations", int64, starts_c.dtype, stops_c.dtype, int64]
    kernel(tocarry, starts_c, stops_c, offsets, n, bool(replacement), length, total)
    if offsets_out is not None:
        offsets_out.append(offsets)
    return [tocarry[j * total : (j + 1) * total] for j in range(n)]


def _list_combinations(node, n, replacement, fields, parameters, arg):
    backend = node.backend
    nplike = backend.index_nplike
    length = node.length
    # positions are new lists (2.14 takes them from local_index): no parameters kept
    list_parameters = None if arg else node._parameters
    if node.is_regular:
        size = node.size
        pattern = combination_carries(backend, 1, n, replacement, _single_list(backend, size))
        # the number of combinations of a fixed size (the pattern's length, also on a typetracer)
        count = math.comb(size + n - 1, n) if replacement else math.comb(size, n)
        shifts = nplike.zeros(length, dtype=int64)
        if not arg:
            shifts = nplike.arange(length, dtype=int64) * size
        carries = [
            nplike.reshape(
                nplike.reshape(shifts, (length, 1)) + nplike.reshape(p, (1, count)),
                (length * count,),
            )
            for p in pattern
        ]
        record = _record(node.content, carries, length * count, fields, parameters, arg)
        return RegularArray(record, count, zeros_length=length, parameters=list_parameters)
    if isinstance(node, ListOffsetArray):
        offsets = node.offsets.data
        starts_stops = (offsets[:-1], offsets[1:])
    else:
        starts_stops = (node.starts.data, node.stops.data[:length])
    if arg:  # positions relative to each list's start
        starts, stops = concrete(*starts_stops)
        lengths = nplike.astype(stops, int64) - nplike.astype(starts, int64, copy=False)
        starts_stops = (nplike.zeros(length, dtype=int64), lengths)
    out_offsets = []
    carries = combination_carries(backend, length, n, replacement, starts_stops, out_offsets)
    record = _record(node.content, carries, carries[0].shape[0], fields, parameters, arg)
    # fresh int64 offsets of length + 1 on the content's backend: nothing to check
    return ListOffsetArray._from_checked(Index64(out_offsets[0]), record, list_parameters)


def _record(content, carries, length, fields, parameters, arg):
    if arg:
        contents = [NumpyArray(c) for c in carries]
    else:
        contents = [content._carry(Index64(c), True) for c in carries]
    return RecordArray(contents, fields, length, parameters=parameters)
