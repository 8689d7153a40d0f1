"""ak.to_rdataframe / ak.from_rdataframe timings (ours only: the reference awkward 2.14 venv has
no ROOT here, so the figures are set against ROOT's own numpy paths instead: ``RDF.FromNumpy``
for a flat column, ``AsNumpy`` to read one back). Needs a python with ROOT that imports this
source tree (e.g. /tmp/rootours/bin/python dev/benchmarks/bench_rdataframe.py [--lists N]).

Each figure is the best of a few warm runs (the C++ types are compiled by the first call, which
is reported apart: ROOT's JIT dominates it)."""

from __future__ import annotations

import argparse
import time

import numpy as np

import awkward as ak


def best(function, rounds=3):
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lists", type=int, default=3_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    for lists in (100, args.lists):
        measure(lists, args)


def measure(lists, args):
    import ROOT

    rng = np.random.default_rng(0)
    counts = rng.integers(0, 6, lists)
    offsets = np.concatenate([[0], np.cumsum(counts)])
    values = rng.normal(size=int(offsets[-1]))
    jagged = ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values)))
    flat = ak.Array(values)
    first = time.perf_counter()
    ak.from_rdataframe(ak.to_rdataframe({"x": jagged, "f": flat[:lists]}), ("x", "f"))
    first = time.perf_counter() - first
    rows = {
        "to_rdataframe (jagged + flat)": best(
            lambda: ak.to_rdataframe({"x": jagged, "f": flat[:lists]}), args.rounds
        ),
        "to_rdataframe + Sum(flat)": best(
            lambda: ak.to_rdataframe({"f": flat}).Sum("f").GetValue(), args.rounds
        ),
        "floor: RDF.FromNumpy + Sum(flat)": best(
            lambda: ROOT.RDF.FromNumpy({"f": values}).Sum("f").GetValue(), args.rounds
        ),
        "from_rdataframe (jagged RVec)": best(
            lambda: ak.from_rdataframe(ak.to_rdataframe({"x": jagged}), "x"), args.rounds
        ),
        "from_rdataframe (flat)": best(
            lambda: ak.from_rdataframe(ak.to_rdataframe({"f": flat}), "f"), args.rounds
        ),
        "floor: Take<double> (flat)": best(
            lambda: ROOT.RDF.FromNumpy({"f": values}).Take["double"]("f").GetValue(), args.rounds
        ),
        "floor: AsNumpy (flat)": best(
            lambda: ROOT.RDF.FromNumpy({"f": values}).AsNumpy(["f"]), args.rounds
        ),
    }
    print(f"\n{lists} lists, {len(values)} float64 (first call, with the JIT: {first:.2f} s)")
    for name, seconds in rows.items():
        print(f"  {name:38s} {seconds * 1e3:10.2f} ms")


if __name__ == "__main__":
    main()
