#!/usr/bin/env python3
"""List-structure operations: num, flatten (axis=1, 2, None), unflatten, ravel, local_index,
run_lengths, against awkward 2.14 on the same data, in the same run; and ak.num against
np.diff on the offsets (the target: within 1.5x).

Both sides run this file as a worker (``--worker``) in their own subprocess (see _harness):
ours with the source tree on PYTHONPATH, awkward 2.14 from its venv. Sizes: ``small`` is 100
lists, ``large`` 3*10^6 lists holding ~9*10^6 float64 (list lengths cycle 0..5, 7).

    python dev/benchmarks/bench_flatten.py                   # small and large
    python dev/benchmarks/bench_flatten.py --lists 300000    # quicker large
    python dev/benchmarks/bench_flatten.py --only num,flatten
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
    counts = np.where(counts == 5, 7, counts)        # mean 3: ~9e6 values for 3e6 lists
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    total = int(offsets[-1])
    values = (np.arange(total, dtype=np.int64) * 7 % 10) / 10.0
    jagged = ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values))
    outer = np.arange(0, n + 1, 3, dtype=np.int64)
    nested = ak.contents.ListOffsetArray(ak.index.Index64(outer), jagged[: int(outer[-1])])
    return ak.Array(jagged), ak.Array(nested), offsets, counts

jag, nest, offsets, counts = make(N)
flat = ak.flatten(jag)
"""

# (name, statement); ``jag``: var * float64, ``nest``: var * var * float64
OPERATIONS = [
    ("num(jag, axis=1)", "ak.num(jag, axis=1)"),
    ("np.diff(offsets) [floor]", "np.diff(offsets)"),
    ("num(nest, axis=2)", "ak.num(nest, axis=2)"),
    ("flatten(jag)", "ak.flatten(jag)"),
    ("flatten(nest, axis=2)", "ak.flatten(nest, axis=2)"),
    ("flatten(jag, axis=None)", "ak.flatten(jag, axis=None)"),
    ("ravel(nest)", "ak.ravel(nest)"),
    ("unflatten(flat, counts)", "ak.unflatten(flat, counts)"),
    ("unflatten(jag, 1, axis=1)", "ak.unflatten(jag, 1, axis=1)"),
    ("local_index(jag)", "ak.local_index(jag)"),
    ("run_lengths(jag)", "ak.run_lengths(jag)"),
]


def main():
    results = _harness.run_cli(OPERATIONS, DATA_SOURCE, __doc__, options={"only": "", "min_batch": 0.02})
    if results is None:  # a worker
        return
    for size, figures in results[0].items():
        num, floor = figures.get("num(jag, axis=1)"), figures.get("np.diff(offsets) [floor]")
        if isinstance(num, float) and isinstance(floor, float):
            print(f"ak.num / np.diff (ours, {size}): {num / floor:.2f}  (target <= 1.5 on large)")


if __name__ == "__main__":
    main()
