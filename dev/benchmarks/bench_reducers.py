#!/usr/bin/env python3
"""The ak.* reducers, ours against awkward 2.14, small (100 lists) and large (3M lists, 9M float64).

One jagged float64 array (lists of 0..6 values, 3 on average) is built by the same arithmetic
on both sides. Floors, measured in the same run on the same machine:

* ``copy R+W bytes``: np.copyto of as many bytes as a segmented reduction must move (values
  and offsets read, one float64 per list written). A copy moves each byte twice (read and
  write), so the reduction's floor, (bytes read + bytes written) / streaming bandwidth, is
  *half* that time; ``ours/floor`` divides by it (the issue's "within 2x of the floor").
* ``np.sum(content)``: the floor of axis=None on flat data (issue: within 1.2x).

    python dev/benchmarks/bench_reducers.py [--lists 3000000] [--repeat 3] [--ref PYTHON]
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

counts = (np.arange(N) * 5) % 7                    # 0..6 values, 3 on average
offsets = np.zeros(N + 1, np.int64)
np.cumsum(counts, out=offsets[1:])
values = np.sin(np.arange(offsets[-1], dtype=np.float64))
layout = ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values))
a = ak.Array(layout)
flat = ak.Array(values)
# the floor: the same bytes streamed once (values + offsets in, one float64 per list out)
src = np.concatenate([values, offsets.view(np.float64)])
dst = np.empty_like(src)
out_src = np.zeros(N)
out_dst = np.empty(N)
"""

STATEMENTS = {
    "sum axis=1": "ak.sum(a, axis=1)",
    "max axis=1": "ak.max(a, axis=1)",
    "argmax axis=1": "ak.argmax(a, axis=1)",
    "min axis=-1": "ak.min(a, axis=-1, mask_identity=False)",
    "prod axis=1": "ak.prod(a, axis=1)",
    "any axis=1": "ak.any(a, axis=1)",
    "count axis=1": "ak.count(a, axis=1)",
    "count_nonzero axis=1": "ak.count_nonzero(a, axis=1)",
    "sum axis=0": "ak.sum(a, axis=0)",
    "argmax keepdims": "ak.argmax(a, axis=1, keepdims=True)",
    "sum axis=None": "ak.sum(a, axis=None)",
    "sum flat axis=None": "ak.sum(flat, axis=None)",
    "copy R+W bytes": "np.copyto(dst, src); np.copyto(out_dst, out_src)",
    "np.sum(content)": "np.sum(values)",
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
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--lists", type=int, default=3_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ref", default=default_ref())
    parser.add_argument("--worker", action="store_true")
    args = parser.parse_args()
    if args.worker:
        return worker()
    ref = ensure_ref(args.ref)
    payload = {
        "sizes": {"100 lists": 100, f"{args.lists:,} lists": args.lists},
        "repeat": args.repeat,
    }
    print(f"load before: {load_average()}")
    theirs = run_worker(ref, __file__, payload, ours=False)
    ours = run_worker(sys.executable, __file__, payload, ours=True)
    print(f"load after: {load_average()}\n")
    rows = []
    for key in ours:
        size, name = key.split("|")
        if "axis=None" in name:
            floor = ours.get(f"{size}|np.sum(content)")
        else:
            copy = ours.get(f"{size}|copy R+W bytes")
            floor = copy / 2 if copy else None
        rows.append(
            [
                name,
                size,
                format_time(ours[key]),
                format_time(theirs.get(key)),
                format_ratio(ours[key], theirs.get(key)),
                format_ratio(ours[key], floor),
            ]
        )
    print_table(rows, ["operation", "size", "ours µs", "2.14 µs", "ours/2.14", "ours/floor"])


if __name__ == "__main__":
    main()
