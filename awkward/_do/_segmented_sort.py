"""The numeric core of ak.sort / ak.argsort: stable sorting within segments of a flat array.

Segments (``offsets``; positions outside them stay in place) are bucketed by length. Short
lists (length <= ``SMALL``, the bulk of physics data) are processed column-wise, all lists of
one length at once, with a few whole-array passes: sorted values come from an optimal sorting
network of min/max operations; sorting indices come from each element's stable rank (how many
elements of its list go before it), counted pairwise. Longer lists are padded to a common
width per power-of-two class and argsorted as the rows of a matrix (stable). No Python loop
runs over lists.

Order, as in awkward 2.14: NaN first whatever the direction (the NaN are partitioned out
first and the rest sorted), -0.0 equal to 0.0, datetimes by their integer value (NaT first
when ascending), booleans False < True, complex numbers by real part then imaginary part.
Descending order is ascending order of keys that reverse it (negation or bitwise not), except
that sorted values are simply read back-to-front.

Given a backend, booleans, integers, floats and datetimes skip all of that: one call of the
``awkward_sort_segments`` / ``awkward_argsort_segments`` kernel (C++ or CUDA) sorts every
segment with the same order; the array code above remains for complex numbers. Option-type
values (an index over data) go to ``awkward_sort_missing_segments`` /
``awkward_argsort_missing_segments`` (``sort_missing`` / ``argsort_missing``): one pass per
segment compacts its present values, sorts them and puts its missing entries last.
"""

from __future__ import annotations

from awkward._nplikes.dtypes import bool_, float32, int8, int64, uint8
from awkward._nplikes.shape import unknown_length
from awkward.contents.content import as_length

__all__ = [
    "argsort_missing",
    "argsort_strings",
    "missing_after_sort",
    "partitioned_argsort",
    "segment_ids",
    "segmented_argsort",
    "segmented_sort",
    "sort_missing",
    "stable_partition",
    "to_local",
]

SMALL = 8
GLOBAL_MAX = 1 << 14  # up to this many values, sort globally (see segmented_argsort)

# optimal sorting networks (checked exhaustively in tests/test_ops_sort.py by the 0-1 principle)
NETWORKS = {
    2: [(0, 1)],
    3: [(0, 2), (0, 1), (1, 2)],
    4: [(0, 1), (2, 3), (0, 2), (1, 3), (1, 2)],
    5: [(0, 3), (1, 4), (0, 2), (1, 3), (0, 1), (2, 4), (1, 2), (3, 4), (2, 3)],
    6: [(0, 5), (1, 3), (2, 4), (1, 2), (3, 4), (0, 3), (2, 5), (0, 1), (2, 3), (4, 5), (1, 2), (3, 4)],
    7: [
        (0, 6), (2, 3), (4, 5), (0, 2), (1, 4), (3, 6), (0, 1), (2, 5),
        (3, 4), (1, 2), (4, 6), (2, 3), (4, 5), (1, 2), (3, 4), (5, 6),
    ],
    8: [
        (0, 2), (1, 3), (4, 6), (5, 7), (0, 4), (1, 5), (2, 6), (3, 7), (0, 1), (2, 3),
        (4, 5), (6, 7), (2, 4), (3, 5), (1, 4), (3, 6), (1, 2), (3, 4), (5, 6),
    ],
}  # fmt: skip


def _kernel_keys(nplike, values):
    """``values`` as a contiguous buffer of a dtype the sort kernels take (datetimes as their
    integers, float16 widened exactly to float32), or None (complex)."""
    kind = values.dtype.kind
    if kind in "Mm":
        values = values.view(int64)
    elif kind == "f" and values.dtype.itemsize == 2:
        values = nplike.astype(values, float32)
    elif kind not in "biuf":
        return None
    return values if nplike.is_c_contiguous(values) else nplike.ascontiguousarray(values)


def _kernel_offsets(nplike, offsets):
    count = offsets.shape[0]
    if count is not unknown_length and count == 0:
        return nplike.zeros(1, dtype=int64), 0
    if offsets.dtype != int64:
        offsets = nplike.astype(offsets, int64)
    elif not nplike.is_c_contiguous(offsets):
        offsets = nplike.ascontiguousarray(offsets)
    return offsets, count - 1


def _kernel_argsort(backend, values, offsets, ascending, local):
    nplike = backend.index_nplike
    keys = _kernel_keys(nplike, values)
    if keys is None:
        return None
    offsets, nsegments = _kernel_offsets(nplike, offsets)
    out = nplike.empty(keys.shape[0], dtype=int64)
    kernel = backend["awkward_argsort_segments", int64, keys.dtype, int64]
    kernel(out, keys, offsets, nsegments, keys.shape[0], bool(ascending), bool(local))
    return out


def _kernel_sort(backend, values, offsets, ascending):
    nplike = backend.index_nplike
    if values.dtype.kind == "f" and values.dtype.itemsize == 2:
        order = _kernel_argsort(backend, values, offsets, ascending, False)
        return values[order]
    keys = _kernel_keys(nplike, values)
    if keys is None:
        return None
    offsets, nsegments = _kernel_offsets(nplike, offsets)
    out = nplike.empty(keys.shape[0], dtype=keys.dtype)
    kernel = backend["awkward_sort_segments", keys.dtype, keys.dtype, int64]
    kernel(out, keys, offsets, nsegments, keys.shape[0], bool(ascending))
    return out if out.dtype == values.dtype else out.view(values.dtype)


def _kernel_index(nplike, index):
    if index.dtype != int64:
        return nplike.astype(index, int64)
    return index if nplike.is_c_contiguous(index) else nplike.ascontiguousarray(index)


def sort_missing(backend, index, data, offsets, ascending, as_length):
    """Option-type values (``index`` over ``data``, negative: missing) with each segment's
    present values sorted and its missing ones last: ``(values, new index)``, the values
    compacted in order; None for a dtype the kernel does not take (complex). ``as_length``
    turns the kernel's count of present values into a length (an unknown one on tracers)."""
    nplike = backend.index_nplike
    keys = _kernel_keys(nplike, data)
    if keys is None:
        return None
    offsets, nsegments = _kernel_offsets(nplike, offsets)
    index = _kernel_index(nplike, index)
    length = index.shape[0]
    values = nplike.empty(length, dtype=keys.dtype)
    toindex = nplike.empty(length, dtype=int64)
    tolength = nplike.empty(1, dtype=int64)
    kernel = backend["awkward_sort_missing_segments", keys.dtype, int64, int64, keys.dtype, int64, int64]
    kernel(values, toindex, tolength, keys, index, offsets, nsegments, length, keys.shape[0], bool(ascending))
    values = values[: as_length(tolength[0])]
    if values.dtype != data.dtype:
        values = values.view(data.dtype) if data.dtype.kind in "Mm" else nplike.astype(values, data.dtype)
    return values, toindex


def argsort_missing(backend, index, data, offsets, ascending, local):
    """For option-type values (``index`` over ``data``), each segment's positions in stable
    sorted order, its missing positions last (global, or within the segment when ``local``);
    None for a dtype the kernel does not take (complex)."""
    nplike = backend.index_nplike
    keys = _kernel_keys(nplike, data)
    if keys is None:
        return None
    offsets, nsegments = _kernel_offsets(nplike, offsets)
    index = _kernel_index(nplike, index)
    length = index.shape[0]
    out = nplike.empty(length, dtype=int64)
    kernel = backend["awkward_argsort_missing_segments", int64, keys.dtype, int64, int64]
    kernel(out, keys, index, offsets, nsegments, length, keys.shape[0], bool(ascending), bool(local))
    return out


def argsort_strings(backend, string_offsets, chars, offsets, ascending, local):
    """For strings (``chars[string_offsets[j]:string_offsets[j + 1]]``), each segment's
    positions in stable bytewise order (global, or within the segment when ``local``)."""
    nplike = backend.index_nplike
    offsets, nsegments = _kernel_offsets(nplike, offsets)
    string_offsets = _kernel_index(nplike, string_offsets)
    if chars.dtype != uint8:
        chars = chars.view(uint8)
    if not nplike.is_c_contiguous(chars):
        chars = nplike.ascontiguousarray(chars)
    length = string_offsets.shape[0] - 1
    out = nplike.empty(length, dtype=int64)
    kernel = backend["awkward_argsort_string_segments", int64, int64, uint8, int64]
    kernel(out, string_offsets, chars, offsets, nsegments, length, chars.shape[0], bool(ascending), bool(local))
    return out


def _comparable(values):
    """``values`` as an array whose ``<`` is the sort order (datetimes as their integers)."""
    kind = values.dtype.kind
    if kind in "Mm":
        return values.view(int64)
    if kind == "b":
        return values.view(uint8)
    if kind not in "iufc":
        raise TypeError(f"cannot sort values of dtype {values.dtype}")
    return values


def _nan_mask(nplike, values):
    if values.dtype.kind not in "fc":
        return None
    nan = nplike.isnan(values)
    return nan if bool(nan.any()) else None


def _descending_keys(values):
    """Keys whose ascending order is the descending order of ``values`` (no NaN)."""
    return ~values if values.dtype.kind in "iu" else -values


def segment_ids(nplike, offsets, length):
    """For each of ``length`` positions, the segment that holds it; positions outside every
    segment get ids of their own (below the first or beyond the last segment, increasing with
    position), so they form singleton groups."""
    n = offsets.shape[0] - 1
    inside = nplike.repeat(nplike.arange(n, dtype=int64), offsets[1:] - offsets[:-1])
    bounds = _bounds(offsets, length)
    if bounds is None:  # a tracer: offsets read, values unknown
        return nplike.arange(length, dtype=int64)
    first, last = bounds
    if first == 0 and last == length:
        return inside
    out = nplike.arange(length, dtype=int64)  # increasing with position, like the segments
    out[:first] -= first
    out[last:] += n - last
    out[first:last] = inside
    return out


def stable_partition(nplike, flags, offsets):
    """Global positions reordered so that, within each segment, the positions whose flag is
    True come first and the others after, each group in its original order; positions
    outside the segments stay where they are."""
    length = flags.shape[0]
    n = offsets.shape[0] - 1
    out = nplike.arange(length, dtype=int64)
    if n is not unknown_length and n <= 0:
        return out
    cumulative = nplike.empty(length + 1, dtype=int64)
    cumulative[0] = 0
    nplike.cumsum(flags, maybe_out=cumulative[1:])
    before = cumulative[offsets[:-1]]
    true_counts = cumulative[offsets[1:]] - before
    bounds = _bounds(offsets, length)
    if bounds is None:  # a tracer: flags and offsets read, values unknown
        return out
    first, last = bounds
    seg = nplike.repeat(nplike.arange(n, dtype=int64), offsets[1:] - offsets[:-1])
    positions = nplike.arange(first, last, dtype=int64)
    trues_before = cumulative[first:last] - before[seg]  # True flags before me in my segment
    start = offsets[:-1][seg]
    dest = nplike.where(
        flags[first:last],
        start + trues_before,
        start + true_counts[seg] + (positions - start - trues_before),
    )
    out[dest] = positions
    return out


def missing_after_sort(nplike, valid, offsets, present, backend=None):
    """Which positions hold a missing value once every segment is sorted with its missing
    values last: the last (count - present count) positions of each segment, and outside the
    segments the missing positions themselves (they stay). ``present`` = the running count of
    ``valid`` at ``offsets``. With a ``backend``: the missing flags (int8) sorted in one
    kernel call."""
    if backend is not None:
        flags = nplike.asarray(~valid).view(int8)
        out = _kernel_sort(backend, flags, offsets, True)
        if out is not None:
            return out.view(bool_)
    length = valid.shape[0]
    ends = offsets[1:]
    nones = (ends - offsets[:-1]) - (present[1:] - present[:-1])
    (blocks,) = nplike.nonzero(nones)  # non-empty blocks of Nones are disjoint intervals
    marks = nplike.zeros(length + 1, dtype=int8)
    marks[ends[blocks] - nones[blocks]] = 1
    marks[ends[blocks]] -= 1  # a block may end where the next one starts
    missing = nplike.empty(length + 1, dtype=int8)
    nplike.cumsum(marks, maybe_out=missing)  # stays 0 or 1: int8 suffices
    missing = missing[:length].view(bool_)
    first, last = _bounds(offsets, length) or (0, length)
    if first != 0 or last != length:
        missing[:first] = ~valid[:first]
        missing[last:] = ~valid[last:]
    return missing


def partitioned_argsort(nplike, members, offsets, sort_members, *, members_first):
    """Global positions where, within each segment, the positions flagged in ``members`` are
    ordered by ``sort_members(offsets of the members taken alone)`` (a global argsort of the
    members alone) and the others keep their order; members go first or last."""
    order = stable_partition(nplike, members if members_first else ~members, offsets)
    cumulative = nplike.empty(members.shape[0] + 1, dtype=int64)
    cumulative[0] = 0
    nplike.cumsum(members, maybe_out=cumulative[1:])
    inner = sort_members(cumulative[offsets])
    slots = nplike.nonzero(members[order])[0]
    order[slots] = nplike.nonzero(members)[0][inner]
    return order


def segmented_argsort(nplike, values, offsets, *, ascending=True, local=False, backend=None):
    """For each segment, the positions of its elements in stable sorted order: global
    positions, or indices within the segment when ``local``. Positions outside the segments
    map to themselves (0 when ``local``). With a ``backend``, one kernel call where the
    dtype allows it."""
    if backend is not None:
        out = _kernel_argsort(backend, values, offsets, ascending, local)
        if out is not None:
            return out
    if not nplike.known_data:  # a tracer: the order is unknown; sorting reads both
        for array in (values, offsets):
            array.touch_data()
        return nplike.empty(values.shape[0], dtype=int64)
    nan = _nan_mask(nplike, values)
    if nan is not None:
        present = ~nan
        subset = values[present]
        order = partitioned_argsort(
            nplike,
            present,
            offsets,
            lambda inner: segmented_argsort(nplike, subset, inner, ascending=ascending),
            members_first=False,
        )
        return to_local(nplike, order, offsets) if local else order
    if values.dtype.kind == "c":
        # by real part, then imaginary part: two stable passes, least significant first
        first = segmented_argsort(nplike, values.imag, offsets, ascending=ascending)
        order = first[segmented_argsort(nplike, values.real[first], offsets, ascending=ascending)]
        return to_local(nplike, order, offsets) if local else order
    keys = _comparable(values)
    if not ascending:
        keys = _descending_keys(keys)
    length = len(keys)
    if length <= GLOBAL_MAX:
        # few values: two stable argsorts of the whole array (by value, then by segment) cost
        # less than the per-length passes
        order = nplike.argsort(keys, stable=True)
        order = order[nplike.argsort(segment_ids(nplike, offsets, length)[order], stable=True)]
        return to_local(nplike, order, offsets) if local else order
    out = nplike.zeros(length, dtype=int64) if local else nplike.arange(length, dtype=int64)
    for size, starts, counts in _buckets(nplike, offsets):
        if size <= SMALL:
            _small_ranks(nplike, keys, starts, size, out, local)
        else:
            for dest, source, row_starts in _long_argsort(nplike, keys, starts, counts):
                out[dest] = source - row_starts if local else source
    return out


def segmented_sort(nplike, values, offsets, *, ascending=True, backend=None):
    """``values`` with the elements of each segment in sorted order (with a ``backend``, one
    kernel call where the dtype allows it)."""
    if backend is not None:
        out = _kernel_sort(backend, values, offsets, ascending)
        if out is not None:
            return out
    kind = values.dtype.kind
    if kind in "bc" or (kind == "f" and _nan_mask(nplike, values) is not None):
        return values[segmented_argsort(nplike, values, offsets, ascending=ascending)]
    if len(values) <= GLOBAL_MAX:
        return values[segmented_argsort(nplike, values, offsets, ascending=ascending)]
    keys = _comparable(values)
    out = keys.copy()
    for size, starts, counts in _buckets(nplike, offsets):
        if size <= SMALL:
            where = _positions(nplike, starts, size)
            matrix = keys[where]
            columns = [matrix[:, j] for j in range(size)]
            for a, b in NETWORKS[size]:
                low = nplike.minimum(columns[a], columns[b])
                columns[b] = nplike.maximum(columns[a], columns[b])
                columns[a] = low
            for j in range(size):
                matrix[:, j] = columns[j] if ascending else columns[size - 1 - j]
            out[where] = matrix
        else:
            ordering = keys if ascending else _descending_keys(keys)
            for dest, source, _ in _long_argsort(nplike, ordering, starts, counts):
                out[dest] = keys[source]
    return out if out.dtype == values.dtype else out.view(values.dtype)


def to_local(nplike, perm, offsets):
    out = perm.copy()
    starts = nplike.repeat(offsets[:-1], offsets[1:] - offsets[:-1])
    bounds = _bounds(offsets, out.shape[0])
    if bounds is not None:  # (None: a tracer, values unknown)
        first, last = bounds
        out[first:last] -= starts
    return out


def _bounds(offsets, length):
    """(first, last) offset as ints, or None on a tracer (unknown values or length)."""
    if offsets.shape[0] is not unknown_length and offsets.shape[0] == 0:
        return 0, 0
    first, last = as_length(offsets[0]), as_length(offsets[-1])
    if first is unknown_length or last is unknown_length or length is unknown_length:
        return None
    return first, last


def _buckets(nplike, offsets):
    """(size, starts, counts) for the lists of each length 2..SMALL, then (SMALL + 1, starts,
    counts) for the longer ones; lists of length 0 and 1 are already sorted."""
    n = len(offsets) - 1
    if n <= 0:
        return
    starts = offsets[:-1]
    counts = offsets[1:] - starts
    if int(nplike.max(counts)) < 2:
        return
    # one byte of length class per list: a stable radix sort groups them
    classes = nplike.astype(nplike.minimum(counts, SMALL + 1), uint8)
    by_class = nplike.argsort(classes, stable=True)
    bounds = nplike.searchsorted(classes[by_class], nplike.arange(SMALL + 3, dtype=uint8), side="left").tolist()
    for size in range(2, SMALL + 2):
        lo, hi = bounds[size], bounds[size + 1]
        if hi > lo:
            rows = by_class[lo:hi]
            yield size, starts[rows], counts[rows]


def _positions(nplike, starts, size):
    """The (lists, size) matrix of the global positions of lists of one length."""
    return starts[:, None] + nplike.arange(size, dtype=int64)


def _small_ranks(nplike, keys, starts, size, out, local):
    """Argsort of lists of one length: each element's stable rank, counted pairwise."""
    where = _positions(nplike, starts, size)
    matrix = keys[where]
    columns = [matrix[:, j] for j in range(size)]
    rank = nplike.zeros((len(starts), size), dtype=uint8)
    for i in range(1, size):
        for j in range(i):
            goes_after = columns[j] <= columns[i]  # j is before i: ties keep that order
            rank[:, i] += goes_after
            rank[:, j] += ~goes_after
    dest = starts[:, None] + rank
    out[dest] = nplike.arange(size, dtype=int64) if local else where


def _long_argsort(nplike, keys, starts, counts):
    """Lists longer than SMALL: padded rows of power-of-two width classes, stable argsort.
    Yields (destinations, global sources) and (row starts of each destination) per class."""
    width = SMALL + 1
    longest = int(nplike.max(counts))
    pad = nplike.max(keys) if len(keys) else 0
    while width <= longest:
        upper = width * 2
        chosen = nplike.nonzero((counts >= width) & (counts < upper))[0]
        width = upper
        if len(chosen) == 0:
            continue
        rows_start, rows_count = starts[chosen], counts[chosen]
        if len(chosen) <= 4:
            for start, count in zip(rows_start.tolist(), rows_count.tolist()):
                order = nplike.argsort(keys[start : start + count], stable=True)
                yield slice(start, start + count), order + start, start
            continue
        columns = nplike.arange(int(nplike.max(rows_count)), dtype=int64)
        real = columns < rows_count[:, None]
        where = rows_start[:, None] + columns
        matrix = keys[nplike.where(real, where, 0)]
        matrix[~real] = pad  # the maximum, placed last: a stable sort keeps it after equal keys
        order = nplike.argsort(matrix, axis=1, stable=True)
        row_starts = nplike.broadcast_to(rows_start[:, None], where.shape)[real]
        yield where[real], (rows_start[:, None] + order)[real], row_starts
