#!/usr/bin/env python3
"""Combinations and Cartesian products: ak.combinations (n=2, n=3), ak.argcombinations and
ak.cartesian of two jagged arrays, against awkward 2.14 on the same data, in the same run.

Both sides run this file as a worker (``--worker``) in their own subprocess (see _harness):
ours with the source tree on PYTHONPATH, awkward 2.14 from its venv. Sizes: ``small`` is 100
lists, ``large`` is 3*10^6 lists holding ~9*10^6 float64 (list lengths cycle 0..5 and 7).
Prints microseconds per call and ours/theirs (below 1: we are faster).

    python dev/benchmarks/bench_combinations.py                    # small and large
    python dev/benchmarks/bench_combinations.py --lists 300000     # quicker large
    python dev/benchmarks/bench_combinations.py --only cartesian
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

# run per size with N, np, ak (see _harness.run_cli)
DATA_SOURCE = """
def make(n):
    counts = np.arange(n, dtype=np.int64) % 6          # 0..4 and 7: ~3 per list
    counts = np.where(counts == 5, 7, counts)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    total = int(offsets[-1])
    values = (np.arange(total, dtype=np.int64) * 7 % 1000) / 1000.0
    jagged = ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values))
    # a second jagged array of other lengths (1..3 per list) for the Cartesian product
    counts2 = np.arange(n, dtype=np.int64) % 3 + 1
    offsets2 = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts2, out=offsets2[1:])
    other = ak.contents.ListOffsetArray(
        ak.index.Index64(offsets2), ak.contents.NumpyArray(np.arange(int(offsets2[-1])) * 0.5)
    )
    return ak.Array(jagged), ak.Array(other)

jag, other = make(N)
"""

# (name, statement); ``jag``: var * float64 (~3 per list), ``other``: var * float64 (1..3)
OPERATIONS = [
    ("combinations(jag, 2)", "ak.combinations(jag, 2)"),
    ("combinations(jag, 3)", "ak.combinations(jag, 3)"),
    ("combinations(jag, 2, fields)", "ak.combinations(jag, 2, fields=['a', 'b'])"),
    ("argcombinations(jag, 2)", "ak.argcombinations(jag, 2)"),
    ("cartesian([jag, other])", "ak.cartesian([jag, other])"),
    ("cartesian(nested=True)", "ak.cartesian([jag, other], nested=True)"),
    ("argcartesian([jag, other])", "ak.argcartesian([jag, other])"),
]


if __name__ == "__main__":
    _harness.run_cli(OPERATIONS, DATA_SOURCE, __doc__, options={"only": "", "min_batch": 0.02})
