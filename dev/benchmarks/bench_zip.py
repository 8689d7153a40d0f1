#!/usr/bin/env python3
"""Zipping: ak.zip of 2-3 jagged fields that share their offsets (fields of one collection) and
that do not (each its own offsets, equal values), ak.zip with a scalar, ak.zip_no_broadcast,
ak.unzip, ak.with_field (a field of the same structure, a scalar, a flat array repeated into
the lists) and ak.without_field, against awkward 2.14 on the same data, in the same run.

Both sides run this file as a worker (``--worker``) in their own subprocess (see _harness).
Sizes: ``small`` is 100 lists, ``large`` is 3*10^6 lists holding ~9*10^6 float64 per field.
Prints microseconds per call and ours/theirs (below 1: we are faster).

    python dev/benchmarks/bench_zip.py                    # small and large
    python dev/benchmarks/bench_zip.py --lists 300000     # quicker large
    python dev/benchmarks/bench_zip.py --only zip
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
    values = [(np.arange(total, dtype=np.int64) * k % 1000) / 1000.0 for k in (7, 11, 13)]
    record = ak.contents.RecordArray([ak.contents.NumpyArray(v) for v in values], ["a", "b", "c"])
    events = ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(offsets), record))
    # the same lists, each with its own offsets buffer (equal values): zip must compare them
    own = [ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(offsets.copy()), ak.contents.NumpyArray(v)))
           for v in values]
    flat = ak.Array(np.arange(n, dtype=np.float64))
    return {"ev": events, "a": events.a, "b": events.b, "c": events.c,
            "x": own[0], "y": own[1], "z": own[2], "flat": flat}

globals().update(make(N))
"""

# (name, statement)
OPERATIONS = [
    ("zip 2 fields, shared offsets", "ak.zip({'a': a, 'b': b})"),
    ("zip 3 fields, shared offsets", "ak.zip({'a': a, 'b': b, 'c': c})"),
    ("zip 2 fields, own offsets", "ak.zip({'x': x, 'y': y})"),
    ("zip 3 fields, own offsets", "ak.zip({'x': x, 'y': y, 'z': z})"),
    ("zip with a scalar", "ak.zip({'a': a, 's': 1.5})"),
    ("zip depth_limit=1", "ak.zip({'x': x, 'y': y}, depth_limit=1)"),
    ("zip_no_broadcast, shared", "ak.zip_no_broadcast({'a': a, 'b': b})"),
    ("unzip", "ak.unzip(ev)"),
    ("with_field same structure", "ak.with_field(ev, a, 'd')"),
    ("with_field scalar", "ak.with_field(ev, 2.5, 'd')"),
    ("with_field flat into lists", "ak.with_field(ev, flat, 'd')"),
    ("without_field", "ak.without_field(ev, 'b')"),
]


if __name__ == "__main__":
    _harness.run_cli(OPERATIONS, DATA_SOURCE, __doc__, options={"only": "", "min_batch": 0.02})
