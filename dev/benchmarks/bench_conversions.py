#!/usr/bin/env python3
"""Conversions to and from other array libraries: from_numpy / to_numpy (numbers, regular,
strings), from_dlpack, to_torch / from_torch, and a safetensors round trip, against awkward
2.14 on the same data, in the same run (torch and safetensors must be installed on both sides;
their cases are "missing" otherwise).

    python dev/benchmarks/bench_conversions.py                 # 100 lists and 3*10^6 lists
    python dev/benchmarks/bench_conversions.py --lists 300000  # quicker large
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

# run per size with N, np, ak (see _harness.run_cli): 3 float64 per list
DATA_SOURCE = """
import tempfile
grid = (np.arange(N * 3, dtype=np.int64) * 7 % 1000 / 1000.0).reshape(N, 3)
regular = ak.from_numpy(grid, regulararray=True)
words = np.array([["a", "bc", "def"][i % 3] for i in range(min(N, 300000))])
wordarray = ak.from_numpy(words)
counts = np.arange(N, dtype=np.int64) % 6
offsets = np.zeros(N + 1, dtype=np.int64)
np.cumsum(counts, out=offsets[1:])
jag = ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(offsets),
               ak.contents.NumpyArray(np.arange(int(offsets[-1]), dtype=np.float64))))
path = tempfile.mktemp(suffix=".safetensors")
try:
    import torch
    tensor = torch.from_numpy(grid)
except ImportError:
    pass
"""

OPERATIONS = [
    ("from_numpy(2d)", "ak.from_numpy(grid)"),
    ("to_numpy(regular)", "ak.to_numpy(regular)"),
    ("from_numpy(U strings)", "ak.from_numpy(words)"),
    ("to_numpy(strings)", "ak.to_numpy(wordarray)"),
    ("from_dlpack(2d)", "ak.from_dlpack(grid)"),
    ("to_torch(regular)", "ak.to_torch(regular)"),
    ("from_torch(2d)", "ak.from_torch(tensor)"),
    ("safetensors round trip(jag)", "ak.to_safetensors(jag, path); ak.from_safetensors(path)"),
]


def main():
    _harness.run_cli(OPERATIONS, DATA_SOURCE, __doc__, options={"only": "", "min_batch": 0.02})


if __name__ == "__main__":
    main()
