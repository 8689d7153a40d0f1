#!/usr/bin/env python3
"""ak.to_regular / ak.from_regular / ak.enforce_type: our package against awkward 2.14.

Same data and statements on both sides (each side runs this file as a worker in its own
subprocess, see _harness.py). Data: ``jag`` = n lists of 3 float64 (ListOffsetArray), ``reg``
= the same as a RegularArray, ``ragged`` = n lists of lengths cycling 0..5 (mean 2.5 ... 3).
Small: 100 lists; large: 3M lists, 9M float64.

    python dev/benchmarks/bench_regular_types.py                 # small and large
    python dev/benchmarks/bench_regular_types.py --lists 300000 --rounds 1   # quicker
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
    offsets = np.arange(n + 1, dtype=np.int64) * 3
    values = (np.arange(3 * n, dtype=np.int64) * 7 % 1000) / 1000.0
    jag = ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values)))
    reg = ak.Array(ak.contents.RegularArray(ak.contents.NumpyArray(values), 3))
    counts = np.arange(n, dtype=np.int64) % 6
    roff = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=roff[1:])
    ragged = ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(roff), ak.contents.NumpyArray(values[: roff[-1]])))
    return jag, reg, ragged
"""

CASES = [
    ("ak.to_regular(jagged, axis=1)", "ak.to_regular(jag, axis=1)"),
    ("ak.from_regular(regular, axis=1)", "ak.from_regular(reg, axis=1)"),
    ("ak.to_regular(jagged, axis=None)", "ak.to_regular(jag, axis=None)"),
    ("ak.enforce_type(jagged f64, 'var * float32')", "ak.enforce_type(ragged, 'var * float32')"),
    ("ak.enforce_type(jagged, '3 * float64')", "ak.enforce_type(jag, '3 * float64')"),
]


def worker(config) -> dict:
    import numpy as np

    import awkward as ak

    results = {"version": ak.__version__}
    for size_name, n in (("small", config["small"]), ("large", config["lists"])):
        ns = {"ak": ak, "np": np}
        exec(DATA_SOURCE, ns)
        ns["jag"], ns["reg"], ns["ragged"] = ns["make"](n)
        repeat = config["repeat"] if size_name == "small" else config["large_repeat"]
        for name, stmt in CASES:
            try:
                seconds = _harness.best_seconds(stmt, ns, repeat=repeat, min_batch=config["min_batch"])
                results[f"{name}|{size_name}"] = {"seconds": seconds}
            except Exception as err:
                results[f"{name}|{size_name}"] = {"error": f"{type(err).__name__}: {str(err)[:100]}"}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--lists", type=int, default=3_000_000, help="lists in the large regime")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--large-repeat", type=int, default=3)
    parser.add_argument("--min-batch", type=float, default=0.02)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--ref", default=_harness.default_ref())
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(json.loads(sys.stdin.read()))))
        return
    config = vars(args).copy()
    ref = _harness.ensure_ref(args.ref)
    script = os.path.abspath(__file__)
    print(f"load average before: {_harness.load_average()}")
    best = {"ours": {}, "theirs": {}}
    for _ in range(args.rounds):
        for side, python in (("theirs", ref), ("ours", sys.executable)):
            for key, value in _harness.run_worker(python, script, config, ours=side == "ours").items():
                old = best[side].get(key)
                if old is None or ("seconds" in value and value["seconds"] < old.get("seconds", float("inf"))):
                    best[side][key] = value
    print(f"load average after:  {_harness.load_average()}")
    rows = []
    for size_name in ("small", "large"):
        for name, _ in CASES:
            o = best["ours"].get(f"{name}|{size_name}", {})
            t = best["theirs"].get(f"{name}|{size_name}", {})
            os_, ts = o.get("seconds"), t.get("seconds")
            rows.append([
                name,
                f"{config['small']} lists" if size_name == "small" else f"{config['lists']:.0e} lists",
                _harness.format_time(os_) if os_ else o.get("error", "-"),
                _harness.format_time(ts) if ts else t.get("error", "-"),
                _harness.format_ratio(os_, ts),
            ])
    _harness.print_table(rows, ["operation", "size", "ours µs", "theirs µs", "ratio"])


if __name__ == "__main__":
    main()
