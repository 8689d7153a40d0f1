#!/usr/bin/env python3
"""Option operations: pad_none (clip and not), fill_none, is_none, drop_none, firsts,
singletons, against awkward 2.14 on the same data, in the same run.

Both sides run this file as a worker (``--worker``) in their own subprocess (see _harness):
ours with the source tree on PYTHONPATH, awkward 2.14 from its venv. Sizes: ``small`` is 100
lists, ``large`` is 3*10^6 lists holding ~9*10^6 float64 (list lengths cycle 0..5, every 7th
value None). Prints microseconds per call and ours/theirs (below 1: we are faster).

    python dev/benchmarks/bench_options.py                    # small and large
    python dev/benchmarks/bench_options.py --lists 300000     # quicker large
    python dev/benchmarks/bench_options.py --only pad,fill
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

# run per size with N, np, ak (see _harness.run_cli)
DATA_SOURCE = """
def make(n):
    counts = np.arange(n, dtype=np.int64) % 6          # mean 2.5 ... x 1.2 below -> ~3 per list
    counts = np.where(counts == 5, 7, counts)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    total = int(offsets[-1])
    values = (np.arange(total, dtype=np.int64) * 7 % 1000) / 1000.0
    index = np.arange(total, dtype=np.int64)
    index = np.where(index % 7 == 3, -1, index)
    opt = ak.contents.IndexedOptionArray(ak.index.Index64(index), ak.contents.NumpyArray(values))
    jagged = ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values))
    jagged_opt = ak.contents.ListOffsetArray(ak.index.Index64(offsets), opt)
    return ak.Array(jagged), ak.Array(jagged_opt), ak.Array(opt)

jag, jopt, flat = make(N)
"""

# (name, statement); ``jag``: var * float64, ``jopt``: var * ?float64, ``flat``: ?float64
OPERATIONS = [
    ("pad_none(jag, 3)", "ak.pad_none(jag, 3)"),
    ("pad_none(jag, 3, clip=True)", "ak.pad_none(jag, 3, clip=True)"),
    ("fill_none(flat, 0)", "ak.fill_none(flat, 0.0)"),
    ("fill_none(jopt, 0)", "ak.fill_none(jopt, 0.0)"),
    ("is_none(jopt, axis=1)", "ak.is_none(jopt, axis=1)"),
    ("drop_none(jopt)", "ak.drop_none(jopt)"),
    ("firsts(jag)", "ak.firsts(jag)"),
    ("singletons(flat)", "ak.singletons(flat)"),
]


if __name__ == "__main__":
    _harness.run_cli(OPERATIONS, DATA_SOURCE, __doc__, options={"only": "", "min_batch": 0.02})
