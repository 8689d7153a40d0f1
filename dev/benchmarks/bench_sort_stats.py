#!/usr/bin/env python3
"""Sorting and statistics: ak.sort / ak.argsort (axis=1, ascending and descending, with
missing values, strings) and ak.mean / ak.var / ak.std at axis=1, against awkward 2.14 on the same
data, in the same run.

Both sides run this file as a worker (``--worker``) in their own subprocess (see _harness).
Sizes: ``small`` is 100 lists, ``large`` is 3*10^6 lists holding ~8.5*10^6 float64 (list
lengths cycle 0,1,2,3,4,7; values in a scrambled order). Prints microseconds per call and
ours/theirs (below 1: we are faster); with ``--rounds 2`` each side runs twice, alternating,
and keeps its best figure (the development machine is shared).

    python dev/benchmarks/bench_sort_stats.py                    # small and large
    python dev/benchmarks/bench_sort_stats.py --lists 300000     # quicker large
    python dev/benchmarks/bench_sort_stats.py --only sort
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

# run per size with N, np, ak (see _harness.run_cli)
DATA_SOURCE = """
def make(n):
    counts = np.arange(n, dtype=np.int64) % 6
    counts = np.where(counts == 5, 7, counts)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    total = int(offsets[-1])
    values = (np.arange(total, dtype=np.int64) * 7919 % 100003) / 1000.0
    index = np.arange(total, dtype=np.int64)
    index = np.where(index % 7 == 3, -1, index)
    opt = ak.contents.IndexedOptionArray(ak.index.Index64(index), ak.contents.NumpyArray(values))
    jagged = ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values))
    jagged_opt = ak.contents.ListOffsetArray(ak.index.Index64(offsets), opt)
    return ak.Array(jagged), ak.Array(jagged_opt)

def make_strings(n):
    # lists of 0..7 strings of 1..6 digits (the decimal digits of scrambled numbers)
    counts = np.arange(n, dtype=np.int64) % 6
    counts = np.where(counts == 5, 7, counts)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    total = int(offsets[-1])
    numbers = np.arange(total, dtype=np.int64) * 7919 % 100003
    fixed = numbers.astype("S6")
    lengths = np.char.str_len(fixed).astype(np.int64)
    stroffsets = np.zeros(total + 1, dtype=np.int64)
    np.cumsum(lengths, out=stroffsets[1:])
    raw = fixed.view(np.uint8).reshape(total, 6)
    chars = raw[np.arange(6) < lengths[:, None]]
    strings = ak.contents.ListOffsetArray(
        ak.index.Index64(stroffsets),
        ak.contents.NumpyArray(chars, parameters={"__array__": "char"}),
        parameters={"__array__": "string"},
    )
    return ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(offsets), strings))

jag, jopt = make(N)
jstr = make_strings(N)
"""

# (name, statement); ``jag``: var * float64, ``jopt``: var * ?float64, ``jstr``: var * string
OPERATIONS = [
    ("sort(jag, axis=1)", "ak.sort(jag, axis=1)"),
    ("sort(jag, axis=1, ascending=False)", "ak.sort(jag, axis=1, ascending=False)"),
    ("argsort(jag, axis=1)", "ak.argsort(jag, axis=1)"),
    ("argsort(jag, axis=1, ascending=False)", "ak.argsort(jag, axis=1, ascending=False)"),
    ("sort(jopt, axis=1)", "ak.sort(jopt, axis=1)"),
    ("argsort(jopt, axis=1)", "ak.argsort(jopt, axis=1)"),
    ("sort(jopt, axis=1, ascending=False)", "ak.sort(jopt, axis=1, ascending=False)"),
    ("sort(jstr, axis=1)", "ak.sort(jstr, axis=1)"),
    ("argsort(jstr, axis=1)", "ak.argsort(jstr, axis=1)"),
    ("mean(jag, axis=1)", "ak.mean(jag, axis=1)"),
    ("var(jag, axis=1)", "ak.var(jag, axis=1)"),
    ("std(jag, axis=1)", "ak.std(jag, axis=1)"),
    ("mean(jopt, axis=1)", "ak.mean(jopt, axis=1)"),
]


if __name__ == "__main__":
    _harness.run_cli(OPERATIONS, DATA_SOURCE, __doc__, options={"only": "", "min_batch": 0.02, "rounds": 2})
