"""Compiled loops over ak.Arrays, ours against awkward 2.14 (both venvs have numba).

The same ``@numba.njit`` functions run on each side over a jagged array of N lists of about 10
float64 each: the per-call cost at 100 lists (typeof, unboxing: our numba type and Lookup are
cached on the array) and the loops at 10^6 lists (10^7 values). bench_numba.py compares the
loops with the same loops over numpy arrays (the issue's 1.5x target).

    python dev/benchmarks/bench_numba_ref.py [--lists 1000000] [--repeat 7]
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _harness import run_cli  # noqa: E402

BUILD = """
import numba

@numba.njit
def noop(array):
    return len(array)

@numba.njit
def iterate(array):
    total = 0.0
    for inner in array:
        for value in inner:
            total += value
    return total

@numba.njit
def index(array):
    total = 0.0
    for i in range(len(array)):
        inner = array[i]
        for j in range(len(inner)):
            total += inner[j]
    return total

@numba.njit
def record_pt(array):
    total = 0.0
    for inner in array:
        for record in inner:
            total += record.pt
    return total

@numba.njit
def asarray_sums(array):
    total = 0.0
    for i in range(len(array)):
        total += np.asarray(array[i]).sum()
    return total

counts = np.random.default_rng(0).poisson(10.0, N)
offsets = np.zeros(N + 1, np.int64)
np.cumsum(counts, out=offsets[1:])
content = np.random.default_rng(1).random(offsets[-1])
array = ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(content)))
records = ak.zip({"pt": array}, depth_limit=None)
for function, argument in [(noop, array), (iterate, array), (index, array), (record_pt, records), (asarray_sums, array)]:
    function(argument)  # compile
"""

CASES = [
    ("call: len(array)", "noop(array)"),
    ("for inner in array: for x in inner", "iterate(array)"),
    ("array[i][j] in range loops", "index(array)"),
    ("record.pt in nested loops", "record_pt(records)"),
    ("np.asarray(array[i]).sum()", "asarray_sums(array)"),
]

if __name__ == "__main__":
    run_cli(
        CASES,
        BUILD,
        __doc__.splitlines()[0],
        options={"lists": 1_000_000, "repeat": 7, "large_repeat": 3},
        size_format=",",
    )
