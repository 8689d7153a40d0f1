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

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

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


def worker():
    import numpy as np

    import awkward as ak

    payload = json.loads(sys.stdin.read())
    namespace = {"ak": ak, "np": np}
    exec(DATA_SOURCE, namespace)
    out = {}
    for size, n in payload["sizes"].items():
        jag, nest, offsets, counts = namespace["make"](n)
        flat = ak.flatten(jag)
        env = {"ak": ak, "np": np, "jag": jag, "nest": nest, "offsets": offsets, "counts": counts, "flat": flat}
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
    for size in payload["sizes"]:
        num, floor = ours.get(f"num(jag, axis=1)|{size}"), ours.get(f"np.diff(offsets) [floor]|{size}")
        if isinstance(num, float) and isinstance(floor, float):
            print(f"ak.num / np.diff (ours, {size}): {num / floor:.2f}  (target <= 1.5 on large)")


if __name__ == "__main__":
    main()
