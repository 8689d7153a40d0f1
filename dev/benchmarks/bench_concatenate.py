#!/usr/bin/env python3
"""ak.concatenate at axis 0 and axis 1, ours against awkward 2.14, small and large arrays.

Two jagged float64 arrays (``--lists`` lists holding 3 values on average; 3M lists and 9M
values by default) are built by the same arithmetic on both sides. The "floor" row is one
np.concatenate of the same bytes (both arrays' values and offsets): copying the data once,
the memory-bandwidth floor of any concatenation. Ratios: ours/2.14 (below 1: faster) and
ours/floor for the large rows.

    python dev/benchmarks/bench_concatenate.py [--lists 3000000] [--repeat 3] [--ref PYTHON]
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402  (dev/benchmarks is not a package)

# run per size with N, np, ak (see _harness.run_cli)
SETUP = """
def jagged(n, shift):
    counts = (np.arange(n) * 7 + shift) % 7          # 0..6 items, 3 on average
    offsets = np.zeros(n + 1, np.int64)
    np.cumsum(counts, out=offsets[1:])
    values = np.arange(offsets[-1], dtype=np.float64) * 0.5
    layout = ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values))
    return ak.Array(layout), offsets, values

a, oa, va = jagged(N, 0)
b, ob, vb = jagged(N, 3)
"""

STATEMENTS = [
    ("axis=0", "ak.concatenate([a, b], axis=0)"),
    ("axis=1", "ak.concatenate([a, b], axis=1)"),
    ("floor (np.concatenate)", "np.concatenate([va, vb]); np.concatenate([oa, ob])"),
]


def floor(name, ours):
    return ours.get("floor (np.concatenate)")


if __name__ == "__main__":
    _harness.run_cli(STATEMENTS, SETUP, __doc__, options={"repeat": 3}, size_format=",", floor=floor)
