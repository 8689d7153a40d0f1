#!/usr/bin/env python3
"""Zipping: ak.zip of 2-3 jagged fields that share their offsets (fields of one collection) and
that do not (each its own offsets, equal values), ak.zip with a scalar, ak.zip_no_broadcast,
ak.unzip, ak.with_field (a field of the same structure, a scalar, a flat array repeated into
the lists) and ak.without_field, against awkward 2.14 on the same data, in the same run.

Both sides run this file as a worker (``--worker``) in their own subprocess (see _harness).
Sizes: ``small`` is 100 lists, ``large`` is 3*10^6 lists holding ~9*10^6 float64 per field.
Prints microseconds per call and ours/theirs (below 1: we are faster).

    python dev/benchmarks/bench_zip.py                    # small and large
    python dev/benchmarks/bench_zip.py --lists 300000     # quicker large
    python dev/benchmarks/bench_zip.py --only zip
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
    values = [(np.arange(total, dtype=np.int64) * k % 1000) / 1000.0 for k in (7, 11, 13)]
    record = ak.contents.RecordArray([ak.contents.NumpyArray(v) for v in values], ["a", "b", "c"])
    events = ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(offsets), record))
    # the same lists, each with its own offsets buffer (equal values): zip must compare them
    own = [ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(offsets.copy()), ak.contents.NumpyArray(v)))
           for v in values]
    flat = ak.Array(np.arange(n, dtype=np.float64))
    return {"ev": events, "a": events.a, "b": events.b, "c": events.c,
            "x": own[0], "y": own[1], "z": own[2], "flat": flat}
"""

# (name, statement)
OPERATIONS = [
    ("zip 2 fields, shared offsets", "ak.zip({'a': a, 'b': b})"),
    ("zip 3 fields, shared offsets", "ak.zip({'a': a, 'b': b, 'c': c})"),
    ("zip 2 fields, own offsets", "ak.zip({'x': x, 'y': y})"),
    ("zip 3 fields, own offsets", "ak.zip({'x': x, 'y': y, 'z': z})"),
    ("zip with a scalar", "ak.zip({'a': a, 's': 1.5})"),
    ("zip depth_limit=1", "ak.zip({'x': x, 'y': y}, depth_limit=1)"),
    ("zip_no_broadcast, shared", "ak.zip_no_broadcast({'a': a, 'b': b})"),
    ("unzip", "ak.unzip(ev)"),
    ("with_field same structure", "ak.with_field(ev, a, 'd')"),
    ("with_field scalar", "ak.with_field(ev, 2.5, 'd')"),
    ("with_field flat into lists", "ak.with_field(ev, flat, 'd')"),
    ("without_field", "ak.without_field(ev, 'b')"),
]


def worker():
    import numpy as np

    import awkward as ak

    payload = json.loads(sys.stdin.read())
    namespace = {"ak": ak, "np": np}
    exec(DATA_SOURCE, namespace)
    out = {}
    for size, n in payload["sizes"].items():
        env = {"ak": ak, **namespace["make"](n)}
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
