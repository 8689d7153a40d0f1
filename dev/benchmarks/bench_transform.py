#!/usr/bin/env python3
"""ak.transform: our package (this source tree) against awkward 2.14, same data, same run.

Both sides run this file as a worker (``--worker``) in their own subprocess (see _harness).
Cases: a transform that doubles the leaves of one jagged array, one that adds the leaves of
two arrays broadcast together (a jagged array and a flat one), and a walk that changes
nothing, each on 100 lists (small: per-call overhead) and on ``--lists`` lists of 3 values on
average (large, default 3 M lists / 9 M float64). Prints µs per call and ours/theirs.

    python dev/benchmarks/bench_transform.py                  # 100 and 3e6 lists
    python dev/benchmarks/bench_transform.py --lists 300000   # quicker
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

# run per size with N, np, ak (see _harness.run_cli)
SETUP = """
def make(n):
    counts = np.arange(n, dtype=np.int64) % 7  # mean 3
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    x = (np.arange(int(offsets[-1]), dtype=np.int64) * 7 % 1000) / 1000.0
    y = (np.arange(n, dtype=np.int64) * 13 % 1000) / 1000.0
    jagged = ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(x))
    record = ak.contents.RecordArray([jagged, ak.contents.NumpyArray(y)], ["x", "y"])
    return ak.Array(jagged), ak.Array(ak.contents.NumpyArray(y)), ak.Array(record)

def double(layout, **kwargs):
    if layout.is_numpy:
        return ak.contents.NumpyArray(np.asarray(layout.data) * 2)

def add(layouts, **kwargs):
    if all(x.is_numpy for x in layouts):
        a, b = layouts
        return ak.contents.NumpyArray(np.asarray(a.data) + np.asarray(b.data))

def nothing(layout, **kwargs):
    return None

jag, flat, rec = make(N)
"""

CASES = [
    ("one array: double the leaves", "ak.transform(double, jag)"),
    ("two arrays: jagged + flat leaves", "ak.transform(add, jag, flat)"),
    ("record walk, no change", "ak.transform(nothing, rec)"),
]


if __name__ == "__main__":
    _harness.run_cli(CASES, SETUP, __doc__, size_format=".0e", headers=("operation", "size", "ours µs", "theirs µs", "ratio"))
