#!/usr/bin/env python3
"""ak.concatenate at axis 0 and axis 1, ours against awkward 2.14, small and large arrays.

Two jagged float64 arrays (``--lists`` lists holding 3 values on average; 3M lists and 9M
values by default) are built by the same arithmetic on both sides. The "floor" row is one
np.concatenate of the same bytes (both arrays' values and offsets): copying the data once,
the memory-bandwidth floor of any concatenation. Ratios: ours/2.14 (below 1: faster) and
ours/floor for the large rows.

    python dev/benchmarks/bench_concatenate.py [--lists 3000000] [--repeat 3] [--ref PYTHON]
"""

from __future__ import annotations

import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from _harness import (  # noqa: E402  (dev/benchmarks is not a package)
    best_seconds,
    default_ref,
    ensure_ref,
    format_ratio,
    format_time,
    load_average,
    print_table,
    run_worker,
)

SETUP = """
import numpy as np
import awkward as ak

def jagged(n, shift):
    counts = (np.arange(n) * 7 + shift) % 7          # 0..6 items, 3 on average
    offsets = np.zeros(n + 1, np.int64)
    np.cumsum(counts, out=offsets[1:])
    values = np.arange(offsets[-1], dtype=np.float64) * 0.5
    layout = ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values))
    return ak.Array(layout), offsets, values

a, oa, va = jagged(N, 0)
b, ob, vb = jagged(N, 3)
"""

STATEMENTS = {
    "axis=0": "ak.concatenate([a, b], axis=0)",
    "axis=1": "ak.concatenate([a, b], axis=1)",
    "floor (np.concatenate)": "np.concatenate([va, vb]); np.concatenate([oa, ob])",
}


def worker():
    payload = json.loads(sys.stdin.read())
    out = {}
    for size, n in payload["sizes"].items():
        namespace = {"N": n}
        exec(SETUP, namespace)
        for name, stmt in STATEMENTS.items():
            try:
                seconds = best_seconds(stmt, namespace, repeat=payload["repeat"])
            except Exception as err:  # a missing function shows up in the table
                seconds = None
                print(f"{size} {name}: {type(err).__name__}: {err}", file=sys.stderr)
            out[f"{size}|{name}"] = seconds
    print(json.dumps(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lists", type=int, default=3_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ref", default=default_ref())
    parser.add_argument("--worker", action="store_true")
    args = parser.parse_args()
    if args.worker:
        return worker()
    ref = ensure_ref(args.ref)
    payload = {"sizes": {"100 lists": 100, f"{args.lists:,} lists": args.lists}, "repeat": args.repeat}
    print(f"load before: {load_average()}")
    theirs = run_worker(ref, __file__, payload, ours=False)
    ours = run_worker(sys.executable, __file__, payload, ours=True)
    print(f"load after: {load_average()}\n")
    rows = []
    for key in ours:
        size, name = key.split("|")
        floor = ours.get(f"{size}|floor (np.concatenate)")
        rows.append([
            name, size, format_time(ours[key]), format_time(theirs.get(key)),
            format_ratio(ours[key], theirs.get(key)), format_ratio(ours[key], floor),
        ])
    print_table(rows, ["operation", "size", "ours µs", "2.14 µs", "ours/2.14", "ours/floor"])


if __name__ == "__main__":
    main()
