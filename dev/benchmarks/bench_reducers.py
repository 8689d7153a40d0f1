#!/usr/bin/env python3
"""The ak.* reducers, ours against awkward 2.14, small (100 lists) and large (3M lists, 9M float64).

One jagged float64 array (lists of 0..6 values, 3 on average, in a repeating pattern) is built
by the same arithmetic on both sides, and one whose lengths (same range) follow no pattern, as
on real data ("random lengths"), where a loop per list mispredicts where each list ends. Floors, measured in the same run on the same machine:

* ``copy R+W bytes``: np.copyto of as many bytes as a segmented reduction must move (values
  and offsets read, one float64 per list written). A copy moves each byte twice (read and
  write), so the reduction's floor, (bytes read + bytes written) / streaming bandwidth, is
  *half* that time; ``ours/floor`` divides by it (the issue's "within 2x of the floor").
* ``np.sum(content)``: the floor of axis=None on flat data (issue: within 1.2x).

    python dev/benchmarks/bench_reducers.py [--lists 3000000] [--repeat 3] [--ref PYTHON]
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402  (dev/benchmarks is not a package)

# run per size with N, np, ak (see _harness.run_cli)
SETUP = """
counts = (np.arange(N) * 5) % 7                    # 0..6 values, 3 on average
offsets = np.zeros(N + 1, np.int64)
np.cumsum(counts, out=offsets[1:])
values = np.sin(np.arange(offsets[-1], dtype=np.float64))
layout = ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values))
a = ak.Array(layout)
flat = ak.Array(values)
# the same range of lengths, but in no pattern (splitmix64 of the position: deterministic on
# both sides, and as unpredictable as real data for a loop per list, whose exit then
# mispredicts about once per list; a repeating pattern, as above, is learned by the CPU)
z = np.arange(N, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
rcounts = ((z ^ (z >> np.uint64(31))) % np.uint64(7)).astype(np.int64)
roffsets = np.zeros(N + 1, np.int64)
np.cumsum(rcounts, out=roffsets[1:])
rvalues = np.sin(np.arange(roffsets[-1], dtype=np.float64))
r = ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(roffsets), ak.contents.NumpyArray(rvalues)))
# the floor: the same bytes streamed once (values + offsets in, one float64 per list out)
src = np.concatenate([values, offsets.view(np.float64)])
dst = np.empty_like(src)
out_src = np.zeros(N)
out_dst = np.empty(N)
"""

STATEMENTS = [
    ("sum axis=1", "ak.sum(a, axis=1)"),
    ("max axis=1", "ak.max(a, axis=1)"),
    ("argmax axis=1", "ak.argmax(a, axis=1)"),
    ("sum axis=1, random lengths", "ak.sum(r, axis=1)"),
    ("max axis=1, random lengths", "ak.max(r, axis=1)"),
    ("argmax axis=1, random lengths", "ak.argmax(r, axis=1)"),
    ("min axis=-1", "ak.min(a, axis=-1, mask_identity=False)"),
    ("prod axis=1", "ak.prod(a, axis=1)"),
    ("any axis=1", "ak.any(a, axis=1)"),
    ("count axis=1", "ak.count(a, axis=1)"),
    ("count_nonzero axis=1", "ak.count_nonzero(a, axis=1)"),
    ("sum axis=0", "ak.sum(a, axis=0)"),
    ("any axis=0", "ak.any(a, axis=0)"),
    ("argmax axis=0", "ak.argmax(a, axis=0)"),
    ("argmax keepdims", "ak.argmax(a, axis=1, keepdims=True)"),
    ("sum axis=None", "ak.sum(a, axis=None)"),
    ("sum flat axis=None", "ak.sum(flat, axis=None)"),
    ("copy R+W bytes", "np.copyto(dst, src); np.copyto(out_dst, out_src)"),
    ("np.sum(content)", "np.sum(values)"),
]


def floor(name, ours):
    """axis=None: one np.sum of the content; otherwise half the copy of the bytes moved."""
    if "axis=None" in name:
        return ours.get("np.sum(content)")
    copy = ours.get("copy R+W bytes")
    return copy / 2 if isinstance(copy, float) else None


if __name__ == "__main__":
    _harness.run_cli(STATEMENTS, SETUP, __doc__, options={"repeat": 3}, size_format=",", floor=floor)
