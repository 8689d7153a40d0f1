#!/usr/bin/env python3
"""ak.transform: our package (this source tree) against awkward 2.14, same data, same run.

Both sides run this file as a worker (``--worker``) in their own subprocess (see _harness).
Cases: a transform that doubles the leaves of one jagged array, one that adds the leaves of
two arrays broadcast together (a jagged array and a flat one), and a walk that changes
nothing, each on 100 lists (small: per-call overhead) and on ``--lists`` lists of 3 values on
average (large, default 3 M lists / 9 M float64). Prints µs per call and ours/theirs.

    python dev/benchmarks/bench_transform.py                  # 100 and 3e6 lists
    python dev/benchmarks/bench_transform.py --lists 300000   # quicker
"""

from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

SETUP = """
import numpy as np
import awkward as ak

def make(n):
    counts = np.arange(n, dtype=np.int64) % 7  # mean 3
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    x = (np.arange(int(offsets[-1]), dtype=np.int64) * 7 % 1000) / 1000.0
    y = (np.arange(n, dtype=np.int64) * 13 % 1000) / 1000.0
    jagged = ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(x))
    record = ak.contents.RecordArray([jagged, ak.contents.NumpyArray(y)], ["x", "y"])
    return ak.Array(jagged), ak.Array(ak.contents.NumpyArray(y)), ak.Array(record)

def double(layout, **kwargs):
    if layout.is_numpy:
        return ak.contents.NumpyArray(np.asarray(layout.data) * 2)

def add(layouts, **kwargs):
    if all(x.is_numpy for x in layouts):
        a, b = layouts
        return ak.contents.NumpyArray(np.asarray(a.data) + np.asarray(b.data))

def nothing(layout, **kwargs):
    return None
"""

CASES = [
    ("one array: double the leaves", "ak.transform(double, jag)"),
    ("two arrays: jagged + flat leaves", "ak.transform(add, jag, flat)"),
    ("record walk, no change", "ak.transform(nothing, rec)"),
]


def worker() -> None:
    payload = json.loads(sys.stdin.read())
    namespace: dict = {}
    exec(SETUP, namespace)
    out = {}
    for size_name, n in payload["sizes"].items():
        jag, flat, rec = namespace["make"](n)
        namespace.update(jag=jag, flat=flat, rec=rec)
        repeat = 7 if n <= 1000 else 3
        for name, stmt in CASES:
            try:
                out[f"{name}|{size_name}"] = _harness.best_seconds(stmt, namespace, repeat=repeat)
            except Exception as err:  # reported as missing/failing, not fatal
                out[f"{name}|{size_name}"] = f"{type(err).__name__}: {err}"
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", type=int, default=3_000_000)
    parser.add_argument("--ref", default=_harness.default_ref())
    parser.add_argument("--worker", action="store_true")
    args = parser.parse_args()
    if args.worker:
        worker()
        return
    payload = {"sizes": {"100 lists": 100, f"{args.lists:.0e} lists": args.lists}}
    print(f"load average before: {_harness.load_average()}")
    script = os.path.abspath(__file__)
    theirs = _harness.run_worker(_harness.ensure_ref(args.ref), script, payload, ours=False)
    ours = _harness.run_worker(sys.executable, script, payload, ours=True)
    print(f"load average after:  {_harness.load_average()}")
    rows = []
    for key in theirs:
        name, size = key.split("|")
        o, t = ours.get(key), theirs[key]
        if isinstance(o, str) or isinstance(t, str):
            rows.append([name, size, str(o)[:40], str(t)[:40], "-"])
            continue
        rows.append([name, size, _harness.format_time(o), _harness.format_time(t), _harness.format_ratio(o, t)])
    _harness.print_table(rows, ["operation", "size", "ours µs", "theirs µs", "ratio"])


if __name__ == "__main__":
    main()
