"""Kernels the cuda backend runs with cupy's own parallel primitives instead of a .cu file.

Running sums (offsets from lengths, packed offsets, carries of concatenated ranges), counts and
the nonlocal reducers' stable counting sort are what cupy.cumsum / count_nonzero / searchsorted /
bincount / argsort(kind="stable") do with tuned device-wide algorithms (CUB scans and radix
sorts), faster than the single-block .cu twins (which stay the reference the spec tests run on
the GPU). Each function takes the launcher's prepared arguments (cupy arrays and
Python ints, in the spec's order) and returns None or ``(message, index)``, like a launch whose
error word was decoded: the first failing index, as the sequential C++ kernel reports it.
"""

from __future__ import annotations

from typing import Callable


def _counts(cupy, starts, stops, length):
    return stops[:length].astype(cupy.int64) - starts[:length].astype(cupy.int64)


def _first(cupy, flags) -> int | None:
    """Position of the first True, or None (one device-to-host read)."""
    if flags.size == 0:
        return None
    position = int(cupy.argmax(flags))
    return position if bool(flags[position]) else None


def _offsets_from_counts(cupy, errors, tooffsets, counts, length):
    bad = _first(cupy, counts < 0)
    if bad is not None:
        return errors[0], bad
    tooffsets[0] = 0
    if length:
        cupy.cumsum(counts, dtype=cupy.int64, out=tooffsets[1 : length + 1])
    return None


def lengths_to_offsets(errors, tooffsets, fromlengths, length):
    import cupy

    counts = fromlengths[:length].astype(cupy.int64, copy=False)
    return _offsets_from_counts(cupy, errors, tooffsets, counts, length)


def compact_offsets(errors, tooffsets, fromstarts, fromstops, length):
    import cupy

    return _offsets_from_counts(cupy, errors, tooffsets, _counts(cupy, fromstarts, fromstops, length), length)


def numnull(errors, out, fromindex, length):
    import cupy

    out[0] = cupy.count_nonzero(fromindex[:length] < 0) if fromindex.dtype.kind == "i" else 0
    return None


def expand_carry(errors, tocarry, fromstarts, fromstops, length, lentocarry):
    import cupy

    if length == 0:
        return None
    counts = _counts(cupy, fromstarts, fromstops, length)
    negative = _first(cupy, counts < 0)
    ends = cupy.cumsum(cupy.maximum(counts, 0))  # inclusive; exact up to the first bad list
    too_long = _first(cupy, ends > lentocarry)
    failures = [(i, key) for i, key in ((negative, 0), (too_long, 1)) if i is not None]
    if failures:
        index, key = min(failures)
        return errors[key], index
    total = int(ends[-1])
    if total:
        positions = cupy.arange(total, dtype=cupy.int64)
        owner = cupy.searchsorted(ends, positions, side="right")
        begins = ends - counts
        tocarry[:total] = positions - begins[owner] + fromstarts[:length].astype(cupy.int64)[owner]
    return None


def _nonlocal_check(cupy, errors, offsets, starts, stops, groupoffsets, nsegments, nlists, total,
                    ngroups, parentslength, fromlength):
    """The checks of the nonlocal kernels in the C++ kernel's order: an error, or the lists of
    the segments (their first index, starts, lengths and first groups)."""
    bad_segment, bad_list, wrong_total = errors
    if parentslength != 0 and parentslength != total:
        return (wrong_total, -1), None
    if nsegments < 0 or ngroups < 0:
        return (bad_segment, -1), None
    bounds = offsets[: nsegments + 1]
    groups = groupoffsets[: nsegments + 1]
    bad = (bounds[:-1] < 0) | (bounds[1:] < bounds[:-1]) | (bounds[1:] > nlists)
    bad |= (groups[:-1] < 0) | (groups[1:] < groups[:-1]) | (groups[1:] > ngroups)
    index = _first(cupy, bad)
    if index is not None:
        return (bad_segment, index), None
    first, last = (int(v) for v in bounds[[0, -1]].tolist()) if nsegments else (0, 0)
    segment = cupy.searchsorted(bounds[1:], cupy.arange(first, last, dtype=cupy.int64), side="right")
    list_starts = starts[first:last]
    lengths = stops[first:last] - list_starts
    bad = (lengths < 0) | (lengths > (groups[1:] - groups[:-1])[segment])
    if fromlength is not None:
        bad |= (list_starts < 0) | (stops[first:last] > fromlength)
    seen = cupy.cumsum(cupy.where(bad, 0, lengths))  # exact up to the first bad list
    failures = [
        (at, order, message)
        for at, order, message in ((_first(cupy, bad), 0, bad_list), (_first(cupy, seen > total), 1, wrong_total))
        if at is not None
    ]
    if failures:
        at, _, message = min(failures)
        return (message, first + at), None
    if (int(seen[-1]) if seen.size else 0) != total:
        return (wrong_total, -1), None
    return None, (first, list_starts, lengths, groups[:-1][segment], seen)


def _nonlocal_sort(cupy, errors, tooffsets, offsets, starts, stops, groupoffsets, nsegments, nlists,
                   total, ngroups, parentslength, fromlength=None):
    """The stable counting sort of the nonlocal kernels with device-wide primitives: every item's
    group, the groups' sizes (bincount, cumsum) and a stable argsort by group (list order kept
    inside a group). Returns an error, or (inner positions, lists) in the arranged order."""
    error, lists = _nonlocal_check(cupy, errors, offsets, starts, stops, groupoffsets, nsegments,
                                   nlists, total, ngroups, parentslength, fromlength)
    if error is not None:
        return error, None
    first, list_starts, lengths, list_groups, ends = lists
    tooffsets[: ngroups + 1] = 0
    if total == 0:
        return None, None
    item = cupy.arange(total, dtype=cupy.int64)
    owner = cupy.searchsorted(ends, item, side="right")  # the list (from `first`) of every item
    k = item - (ends - lengths)[owner]
    group = list_groups[owner] + k
    cupy.cumsum(cupy.bincount(group, minlength=ngroups), out=tooffsets[1 : ngroups + 1])
    order = cupy.argsort(group.astype(cupy.int32) if ngroups < 2**31 else group, kind="stable")
    return None, ((list_starts[owner] + k)[order], owner[order] + first if parentslength > 0 else None)


def nonlocal_carry(errors, tocarry, tooffsets, toparents, offsets, starts, stops, groupoffsets,
                   nsegments, nlists, total, ngroups, parentslength):
    import cupy

    error, arranged = _nonlocal_sort(cupy, errors, tooffsets, offsets, starts, stops, groupoffsets,
                                     nsegments, nlists, total, ngroups, parentslength)
    if arranged is not None:
        tocarry[:total] = arranged[0]
        if arranged[1] is not None:
            toparents[:total] = arranged[1]
    return error


def nonlocal_gather(errors, todata, tooffsets, toparents, fromdata, offsets, starts, stops,
                    groupoffsets, nsegments, nlists, total, ngroups, parentslength, fromlength):
    import cupy

    error, arranged = _nonlocal_sort(cupy, errors, tooffsets, offsets, starts, stops, groupoffsets,
                                     nsegments, nlists, total, ngroups, parentslength, fromlength)
    if arranged is not None:
        todata[:total] = fromdata[arranged[0]]
        if arranged[1] is not None:
            toparents[:total] = arranged[1]
    return error


def _segments_order(cupy, errors, fromptr, offsets, nsegments, length, ascending):
    """The segment sort's checks, then (first, last, order): order[k] is the position (from
    `first`) of the k-th item of [first, last) once every segment is stably sorted, NaN first in
    both directions. Device-wide stable argsorts (radix sorts): the values (descending: the
    ascending sort of the reversed values, reversed, which keeps equal values in their order),
    NaN moved first, then the segments regrouped."""
    if nsegments < 0:
        return (errors[0], -1), None
    bounds = offsets[: nsegments + 1]
    index = _first(cupy, (bounds[:-1] < 0) | (bounds[1:] < bounds[:-1]) | (bounds[1:] > length))
    if index is not None:
        return (errors[0], index), None
    first, last = (int(v) for v in bounds[[0, -1]].tolist()) if nsegments else (0, 0)
    values = fromptr[first:last]
    if values.dtype.kind == "b":
        values = values.view(cupy.uint8)
    if ascending:
        order = cupy.argsort(values, kind="stable")
    else:
        reversed_order = cupy.argsort(cupy.ascontiguousarray(values[::-1]), kind="stable")
        order = (last - first - 1) - reversed_order[::-1]
    if values.dtype.kind == "f":
        arranged = values[order]
        order = order[cupy.argsort((arranged == arranged).astype(cupy.int8), kind="stable")]  # NaN first
    if nsegments > 1:
        segment = cupy.searchsorted(bounds[1:], order + first, side="right")
        order = order[cupy.argsort(segment, kind="stable")]
    return None, (first, last, order)


def sort_segments(errors, toptr, fromptr, offsets, nsegments, length, ascending):
    import cupy

    error, arranged = _segments_order(cupy, errors, fromptr, offsets, nsegments, length, ascending)
    if error is None:
        first, last, order = arranged
        toptr[:length] = fromptr[:length]
        toptr[first:last] = fromptr[first:last][order]
    return error


def argsort_segments(errors, toptr, fromptr, offsets, nsegments, length, ascending, local):
    import cupy

    error, arranged = _segments_order(cupy, errors, fromptr, offsets, nsegments, length, ascending)
    if error is None:
        first, last, order = arranged
        if local:
            toptr[:length] = 0
            at = cupy.arange(first, last, dtype=cupy.int64)
            starts = offsets[: nsegments + 1][cupy.searchsorted(offsets[1 : nsegments + 1], at, side="right")]
            toptr[first:last] = order + first - starts
        else:
            toptr[:length] = cupy.arange(length, dtype=cupy.int64)
            toptr[first:last] = order + first
    return error


OVERRIDES: dict[str, Callable] = {
    "awkward_sort_segments": sort_segments,
    "awkward_argsort_segments": argsort_segments,
    "awkward_Lengths_to_offsets": lengths_to_offsets,
    "awkward_ListArray_compact_offsets": compact_offsets,
    "awkward_IndexedArray_numnull": numnull,
    "awkward_ListArray_expand_carry": expand_carry,
    "awkward_reduce_nonlocal_carry": nonlocal_carry,
    "awkward_reduce_nonlocal_gather": nonlocal_gather,
}


class CupyLauncher:
    """A launcher (loader.Launcher's interface) that runs one of OVERRIDES."""

    __slots__ = ("_function", "_errors")

    def __init__(self, spec):
        self._function = OVERRIDES[spec.family]
        self._errors = spec.errors

    def __call__(self, *args):
        return self._function(self._errors, *args)
