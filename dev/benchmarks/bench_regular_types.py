#!/usr/bin/env python3
"""ak.to_regular / ak.from_regular / ak.enforce_type: our package against awkward 2.14.

Same data and statements on both sides (each side runs this file as a worker in its own
subprocess, see _harness.py). Data: ``jag`` = n lists of 3 float64 (ListOffsetArray), ``reg``
= the same as a RegularArray, ``ragged`` = n lists of lengths cycling 0..5 (mean 2.5 ... 3).
Small: 100 lists; large: 3M lists, 9M float64.

    python dev/benchmarks/bench_regular_types.py                 # small and large
    python dev/benchmarks/bench_regular_types.py --lists 300000 --rounds 1   # quicker
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

# run per size with N, np, ak (see _harness.run_cli)
DATA_SOURCE = """
def make(n):
    offsets = np.arange(n + 1, dtype=np.int64) * 3
    values = (np.arange(3 * n, dtype=np.int64) * 7 % 1000) / 1000.0
    jag = ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values)))
    reg = ak.Array(ak.contents.RegularArray(ak.contents.NumpyArray(values), 3))
    counts = np.arange(n, dtype=np.int64) % 6
    roff = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=roff[1:])
    ragged = ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(roff), ak.contents.NumpyArray(values[: roff[-1]])))
    return jag, reg, ragged

jag, reg, ragged = make(N)
"""

CASES = [
    ("ak.to_regular(jagged, axis=1)", "ak.to_regular(jag, axis=1)"),
    ("ak.from_regular(regular, axis=1)", "ak.from_regular(reg, axis=1)"),
    ("ak.to_regular(jagged, axis=None)", "ak.to_regular(jag, axis=None)"),
    ("ak.enforce_type(jagged f64, 'var * float32')", "ak.enforce_type(ragged, 'var * float32')"),
    ("ak.enforce_type(jagged, '3 * float64')", "ak.enforce_type(jag, '3 * float64')"),
]

OPTIONS = {"small": 100, "repeat": 7, "large_repeat": 3, "min_batch": 0.02, "rounds": 2}


if __name__ == "__main__":
    _harness.run_cli(
        CASES, DATA_SOURCE, __doc__, options=OPTIONS, size_format=".0e",
        headers=("operation", "size", "ours µs", "theirs µs", "ratio"),
    )
