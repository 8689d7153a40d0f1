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

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

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


def worker():
    import numpy as np

    import awkward as ak

    payload = json.loads(sys.stdin.read())
    namespace = {"ak": ak, "np": np}
    exec(DATA_SOURCE, namespace)
    out = {}
    for size, n in payload["sizes"].items():
        jag, other = namespace["make"](n)
        env = {"ak": ak, "jag": jag, "other": other}
        repeat = 7 if size == "small" else 3
        for name, stmt in payload["operations"]:
            try:
                out[f"{name}|{size}"] = _harness.best_seconds(stmt, env, repeat=repeat, min_batch=payload["min_batch"])
            except Exception as err:  # noqa: BLE001  (a failing operation is reported, not fatal)
                out[f"{name}|{size}"] = f"{type(err).__name__}: {err}"[:200]
    print(json.dumps(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--worker", action="store_true")
    parser.add_argument("--lists", type=int, default=3_000_000, help="lists in the large array")
    parser.add_argument("--only", default="", help="comma-separated substrings of operation names")
    parser.add_argument("--min-batch", type=float, default=0.02)
    parser.add_argument("--ref", default=_harness.default_ref())
    args = parser.parse_args()
    if args.worker:
        worker()
        return
    only = [x for x in args.only.split(",") if x]
    operations = [op for op in OPERATIONS if not only or any(o in op[0] for o in only)]
    payload = {"sizes": {"small": 100, "large": args.lists}, "operations": operations, "min_batch": args.min_batch}
    ref = _harness.ensure_ref(args.ref)
    script = os.path.abspath(__file__)
    print(f"load before: {_harness.load_average()}")
    ours = _harness.run_worker(sys.executable, script, payload, ours=True)
    theirs = _harness.run_worker(ref, script, payload, ours=False)
    print(f"load after: {_harness.load_average()}")
    rows = []
    for size in payload["sizes"]:
        for name, _ in operations:
            key = f"{name}|{size}"
            mine, ref_time = ours.get(key), theirs.get(key)
            if isinstance(mine, str) or isinstance(ref_time, str):
                rows.append([name, size, str(mine)[:40], str(ref_time)[:40], "-"])
                continue
            rows.append([name, size, _harness.format_time(mine), _harness.format_time(ref_time),
                         _harness.format_ratio(mine, ref_time)])
    _harness.print_table(rows, ["operation", "size", "ours µs", "2.14 µs", "ours/2.14"])


if __name__ == "__main__":
    main()
