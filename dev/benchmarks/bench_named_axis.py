#!/usr/bin/env python3
"""Named axes: the cost of axis names (ak.with_named_axis, reducers and structure operations
with ``axis="name"``, slicing and broadcasting of named arrays) against awkward 2.14 on the
same data, in the same run; plus the unnamed calls, to show that arrays without names pay
nothing for the feature.

Sizes: ``small`` is 100 lists, ``large`` 3*10^6 lists holding ~9*10^6 float64.

    python dev/benchmarks/bench_named_axis.py                   # small and large
    python dev/benchmarks/bench_named_axis.py --lists 300000    # quicker large
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

# run per size with N, np, ak (see _harness.run_cli)
DATA_SOURCE = """
counts = np.arange(N, dtype=np.int64) % 6
counts = np.where(counts == 5, 7, counts)
offsets = np.zeros(N + 1, dtype=np.int64)
np.cumsum(counts, out=offsets[1:])
values = (np.arange(int(offsets[-1]), dtype=np.int64) * 7 % 10) / 10.0
jag = ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values)))
named = ak.with_named_axis(jag, ("events", "jets"))
"""

OPERATIONS = [
    ("with_named_axis", "ak.with_named_axis(jag, ('events', 'jets'))"),
    ("sum(jag, axis=1) [unnamed]", "ak.sum(jag, axis=1)"),
    ("sum(named, axis='jets')", "ak.sum(named, axis='jets')"),
    ("num(named, axis='jets')", "ak.num(named, axis='jets')"),
    ("flatten(named, axis='jets')", "ak.flatten(named, axis='jets')"),
    ("sort(named, axis='jets')", "ak.sort(named, axis='jets')"),
    ("named[:, :1]", "named[:, :1]"),
    ("named * 2", "named * 2"),
    ("named + jag", "named + jag"),
]


def main():
    results = _harness.run_cli(OPERATIONS, DATA_SOURCE, __doc__, options={"only": "", "min_batch": 0.02})
    if results is None:  # a worker
        return


if __name__ == "__main__":
    main()
