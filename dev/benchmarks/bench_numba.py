"""Loops over awkward arrays inside ``@numba.njit`` against the same loops over numpy arrays.

The yardstick here is numpy inside numba (the issue's target: a loop summing 10^7 values of a
jagged array within 1.5x of the same loop over the flat offsets and content arrays);
bench_numba_ref.py compares the same loops with awkward 2.14's. Also: the per-call cost of passing an array in (typeof +
unboxing, cached on the array) at 100 lists, and the first call on a lazy array (materializes).

    python dev/benchmarks/bench_numba.py [--values 10000000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numba  # noqa: E402
import numpy as np  # noqa: E402
from _harness import best_seconds, format_time, load_average, print_table  # noqa: E402

import awkward as ak  # noqa: E402


@numba.njit
def iterate_jagged(array):
    total = 0.0
    for inner in array:
        for value in inner:
            total += value
    return total


@numba.njit
def index_jagged(array):
    total = 0.0
    for i in range(len(array)):
        inner = array[i]
        for j in range(len(inner)):
            total += inner[j]
    return total


@numba.njit
def index_numpy(offsets, content):
    total = 0.0
    for i in range(len(offsets) - 1):
        for j in range(offsets[i], offsets[i + 1]):
            total += content[j]
    return total


@numba.njit
def iterate_flat(array):
    total = 0.0
    for value in array:
        total += value
    return total


@numba.njit
def record_field_sum(array):
    total = 0.0
    for inner in array:
        for record in inner:
            total += record.pt
    return total


def jagged_data(values: int, seed=0):
    counts = np.random.default_rng(seed).poisson(10.0, values // 10)
    offsets = np.zeros(len(counts) + 1, np.int64)
    np.cumsum(counts, out=offsets[1:])
    content = np.random.default_rng(seed + 1).random(offsets[-1])
    layout = ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(content))
    return ak.Array(layout), offsets, content


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--values", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    array, offsets, content = jagged_data(args.values)
    records = ak.zip({"pt": array}, depth_limit=None)
    flat = ak.Array(content)
    for fn, fargs in [
        (iterate_jagged, (array,)), (index_jagged, (array,)), (index_numpy, (offsets, content)),
        (iterate_flat, (flat,)), (iterate_flat, (content,)), (record_field_sum, (records,)),
    ]:  # fmt: skip
        fn(*fargs)  # compile

    ns = dict(globals(), array=array, offsets=offsets, content=content, flat=flat, records=records)
    floor = best_seconds("index_numpy(offsets, content)", ns, repeat=args.repeat)
    rows = []
    for label, stmt in [
        ("jagged: for inner in array: for x in inner", "iterate_jagged(array)"),
        ("jagged: array[i][j] in range loops", "index_jagged(array)"),
        ("jagged records: record.pt", "record_field_sum(records)"),
        ("flat ak.Array: for x in array", "iterate_flat(flat)"),
        ("flat numpy: for x in content", "iterate_flat(content)"),
    ]:
        seconds = best_seconds(stmt, ns, repeat=args.repeat)
        rows.append((label, format_time(seconds), f"{seconds / floor:.2f}"))
    rows.append(("numpy: offsets/content range loops (yardstick)", format_time(floor), "1.00"))
    print(f"{len(content)} values in {len(offsets) - 1} lists; load {load_average()}")
    print_table(rows, ("loop", "time (us)", "/ numpy loop"))

    small, small_offsets, small_content = jagged_data(1000, seed=5)
    ns.update(small=small, small_offsets=small_offsets, small_content=small_content)
    ak_call = best_seconds("iterate_jagged(small)", ns, repeat=args.repeat)
    np_call = best_seconds("index_numpy(small_offsets, small_content)", ns, repeat=args.repeat)
    print(
        f"\nper call at 100 lists (us): ak.Array {format_time(ak_call)}, numpy arrays {format_time(np_call)}"
    )

    form, length, container = ak.to_buffers(array)
    lazy = {key: (lambda value=value: value) for key, value in container.items()}
    virtual = ak.from_buffers(form, length, lazy)
    start = time.perf_counter()
    iterate_jagged(virtual)
    first = time.perf_counter() - start
    start = time.perf_counter()
    iterate_jagged(virtual)
    second = time.perf_counter() - start
    print(
        f"lazy array (us): first call (materializes) {format_time(first)}, second {format_time(second)}"
    )


if __name__ == "__main__":
    main()
