#!/usr/bin/env python3
"""Sorting and statistics: ak.sort / ak.argsort (axis=1, ascending and descending, with
missing values) and ak.mean / ak.var / ak.std at axis=1, against awkward 2.14 on the same
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

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

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
"""

# (name, statement); ``jag``: var * float64, ``jopt``: var * ?float64
OPERATIONS = [
    ("sort(jag, axis=1)", "ak.sort(jag, axis=1)"),
    ("sort(jag, axis=1, ascending=False)", "ak.sort(jag, axis=1, ascending=False)"),
    ("argsort(jag, axis=1)", "ak.argsort(jag, axis=1)"),
    ("sort(jopt, axis=1)", "ak.sort(jopt, axis=1)"),
    ("argsort(jopt, axis=1)", "ak.argsort(jopt, axis=1)"),
    ("mean(jag, axis=1)", "ak.mean(jag, axis=1)"),
    ("var(jag, axis=1)", "ak.var(jag, axis=1)"),
    ("std(jag, axis=1)", "ak.std(jag, axis=1)"),
    ("mean(jopt, axis=1)", "ak.mean(jopt, axis=1)"),
]


def worker():
    import numpy as np

    import awkward as ak

    payload = json.loads(sys.stdin.read())
    namespace = {"ak": ak, "np": np}
    exec(DATA_SOURCE, namespace)
    out = {}
    for size, n in payload["sizes"].items():
        jag, jopt = namespace["make"](n)
        env = {"ak": ak, "jag": jag, "jopt": jopt}
        repeat = 7 if size == "small" else 3
        for name, stmt in payload["operations"]:
            try:
                out[f"{name}|{size}"] = _harness.best_seconds(stmt, env, repeat=repeat, min_batch=payload["min_batch"])
            except Exception as err:  # noqa: BLE001  (a failing operation is reported, not fatal)
                out[f"{name}|{size}"] = f"{type(err).__name__}: {err}"[:200]
    print(json.dumps(out))


def _best(a, b):
    if isinstance(a, str) or a is None:
        return b
    if isinstance(b, str) or b is None:
        return a
    return min(a, b)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--worker", action="store_true")
    parser.add_argument("--lists", type=int, default=3_000_000, help="lists in the large array")
    parser.add_argument("--only", default="", help="comma-separated substrings of operation names")
    parser.add_argument("--min-batch", type=float, default=0.02)
    parser.add_argument("--rounds", type=int, default=2)
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
    ours, theirs = {}, {}
    for _ in range(args.rounds):
        theirs_now = _harness.run_worker(ref, script, payload, ours=False)
        ours_now = _harness.run_worker(sys.executable, script, payload, ours=True)
        theirs = {k: _best(theirs.get(k), v) for k, v in theirs_now.items()}
        ours = {k: _best(ours.get(k), v) for k, v in ours_now.items()}
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
