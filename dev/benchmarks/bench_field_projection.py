#!/usr/bin/env python3
"""Field access through option and indexed nodes over records whose fields are themselves
option nodes (the projection composes the two into one IndexedOptionArray), and integer-array
slices of an option over records (the lazy record carry composes with the option), against
awkward 2.14 on the same data, in the same run.

Both sides run this file as a worker (``--worker``) in their own subprocess (see _harness).
Sizes: ``small`` is 100 lists, ``large`` is 3*10^6 lists holding ~9*10^6 records.
Prints microseconds per call and ours/theirs (below 1: we are faster).

    python dev/benchmarks/bench_field_projection.py                  # small and large
    python dev/benchmarks/bench_field_projection.py --lists 300000   # quicker large
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
    positions = np.arange(total, dtype=np.int64)
    pt = ak.contents.IndexedOptionArray(
        ak.index.Index64(np.where(positions % 3 == 0, -1, positions)),
        ak.contents.NumpyArray((positions * 7 % 1000) / 1000.0),
    )
    eta = ak.contents.NumpyArray((positions * 11 % 1000) / 1000.0)
    record = ak.contents.RecordArray([pt, eta], ["pt", "eta"])
    valid = (positions % 4 != 1).astype(np.int8)
    byte = ak.contents.ByteMaskedArray(ak.index.Index8(valid), record, True)
    bits = np.packbits(valid.astype(bool), bitorder="little")
    bit = ak.contents.BitMaskedArray(ak.index.IndexU8(bits), record, True, total, True)
    indexed = ak.contents.IndexedArray(ak.index.Index64(positions[::-1].copy()), record)
    lists = lambda c: ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(offsets), c))
    picks = ak.Array((positions[::-1] // 2).copy())
    return {"bytemu": lists(byte), "bitmu": lists(bit), "idxmu": lists(indexed),
            "flatbyte": ak.Array(byte), "picks": picks}

globals().update(make(N))
"""

# (name, statement)
OPERATIONS = [
    ("ByteMasked record -> option field", "bytemu.pt"),
    ("BitMasked record -> option field", "bitmu.pt"),
    ("IndexedArray record -> option field", "idxmu.pt"),
    ("ByteMasked record -> plain field", "bytemu.eta"),
    ("ByteMasked record[int array]", "flatbyte[picks]"),
]


if __name__ == "__main__":
    _harness.run_cli(OPERATIONS, DATA_SOURCE, __doc__, options={"only": "", "min_batch": 0.02})
