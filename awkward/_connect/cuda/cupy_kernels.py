"""Kernels the cuda backend runs with cupy's own parallel primitives instead of a .cu file.

Running sums (offsets from lengths, packed offsets, carries of concatenated ranges) and counts
are what cupy.cumsum / count_nonzero / searchsorted do with tuned device-wide algorithms (CUB
scans), faster than the single-block scans of the .cu twins (which stay the reference the spec
tests run on the GPU). Each function takes the launcher's prepared arguments (cupy arrays and
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


OVERRIDES: dict[str, Callable] = {
    "awkward_Lengths_to_offsets": lengths_to_offsets,
    "awkward_ListArray_compact_offsets": compact_offsets,
    "awkward_IndexedArray_numnull": numnull,
    "awkward_ListArray_expand_carry": expand_carry,
}


class CupyLauncher:
    """A launcher (loader.Launcher's interface) that runs one of OVERRIDES."""

    __slots__ = ("_function", "_errors")

    def __init__(self, spec):
        self._function = OVERRIDES[spec.family]
        self._errors = spec.errors

    def __call__(self, *args):
        return self._function(self._errors, *args)
