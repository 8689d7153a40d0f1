"""Lazy Parquet and Feather: open a 100-column file and touch 3 columns, against awkward 2.14's
eager read.

    python dev/benchmarks/bench_lazy_parquet.py                 # 200,000 events
    python dev/benchmarks/bench_lazy_parquet.py --events 50000  # quick

The file (written once with pyarrow, read by both sides): NanoAOD-like, 100 columns in all:
three collections (muons, electrons, jets; 28 float32 and 2 int32 fields each, jagged) and
10 flat event columns. The statement sums three columns (muons.pt, muons.eta and MET_pt):

- ours, lazy: ``ak.from_parquet(path, virtual=True)`` then the three sums (reads the three
  columns and nothing else: the muons' offsets and validity come with the read of the
  projected ``muons.pt``), bytes read from the report;
- 2.14, eager: ``ak.from_parquet(path)`` then the same sums (reads all 100 columns);
- 2.14 and ours with ``columns=[the three]`` (eager), and pyarrow's read_table of the whole
  file, for reference;
- the same table as a Feather (Arrow IPC, zstd) file: ours ``ak.from_feather(path,
  virtual=True)`` then the sums (reads the ``muons`` and ``MET_pt`` top-level columns: IPC
  reads whole top-level columns), against 2.14's eager ``ak.from_feather``.

The issue's targets are the "vs 2.14 eager read" column (lazy: >= 10x faster, i.e. <= 0.10)
and the fraction of column bytes read (<= 3%). Column bytes are the compressed sizes of the
column chunks in the footer.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _harness  # noqa: E402

TOUCH = "float(ak.sum(e.muons.pt)) + float(ak.sum(e.muons.eta)) + float(ak.sum(e.MET_pt))"
CASES = {
    "lazy open + touch 3 of 100": (
        "ours",
        f"e = ak.from_parquet(PATH, virtual=True); {TOUCH}",
    ),
    "eager read + touch 3": ("both", f"e = ak.from_parquet(PATH); {TOUCH}"),
    "eager read of the 3 columns": (
        "both",
        f"e = ak.from_parquet(PATH, columns=['muons.pt', 'muons.eta', 'MET_pt']); {TOUCH}",
    ),
    "pyarrow.parquet.read_table (all)": ("theirs", "pq.read_table(PATH)"),
    "lazy Feather open + touch 3": (
        "ours",
        f"e = ak.from_feather(FPATH, virtual=True); {TOUCH}",
    ),
    "eager Feather read + touch 3": ("both", f"e = ak.from_feather(FPATH); {TOUCH}"),
}


def write_file(path, events):
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(1)
    columns, names = [], []
    for collection, mean in (("muons", 2.0), ("electrons", 1.5), ("jets", 5.0)):
        counts = rng.poisson(mean, events)
        offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
        n = int(offsets[-1])
        fields, arrays = [], []
        for i in range(28):
            name = ("pt", "eta", "phi", "mass")[i] if i < 4 else f"f{i}"
            values = rng.exponential(20, n) if name == "pt" else rng.normal(0, 1, n)
            fields.append(name)
            arrays.append(pa.array(values.astype(np.float32)))
        fields += ["charge", "id"]
        arrays += [
            pa.array(rng.choice(np.array([-1, 1], np.int32), n)),
            pa.array(rng.integers(0, 8, n).astype(np.int32)),
        ]
        struct = pa.StructArray.from_arrays(arrays, fields)
        columns.append(pa.ListArray.from_arrays(pa.array(offsets), struct))
        names.append(collection)
    for i in range(10):
        name = ("MET_pt", "MET_phi", "weight")[i] if i < 3 else f"event_f{i}"
        columns.append(pa.array(rng.normal(30, 5, events).astype(np.float32)))
        names.append(name)
    table = pa.table(columns, names=names)
    pq.write_table(table, path, row_group_size=max(events // 4, 1), compression="zstd")
    import pyarrow.feather

    pyarrow.feather.write_feather(table, path.replace(".parquet", ".feather"),
                                  compression="zstd", chunksize=max(events // 4, 1))
    meta = pq.ParquetFile(path).metadata
    return meta.num_columns, sum(
        meta.row_group(g).column(c).total_compressed_size
        for g in range(meta.num_row_groups)
        for c in range(meta.num_columns)
    )


def worker():
    payload = json.loads(sys.stdin.read())
    import numpy as np
    import pyarrow.parquet as pq

    import awkward as ak

    side = payload["side"]
    namespace = {"ak": ak, "np": np, "pq": pq, "PATH": payload["path"],
                 "FPATH": payload["path"].replace(".parquet", ".feather")}
    out = {}
    for name, (who, stmt) in CASES.items():
        if who not in ("both", side):
            continue
        out[name] = _harness.best_seconds(stmt, namespace, repeat=payload["repeat"], min_batch=0.2)
    if side == "ours":
        e = ak.from_parquet(payload["path"], virtual=True)
        with ak.materialization_report() as report:
            eval(TOUCH, {"ak": ak, "e": e})
        out["bytes read"] = report.file_bytes
        out["columns read"] = sorted(report.columns)
    print(json.dumps(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ref", default=_harness.default_ref())
    parser.add_argument("--worker", action="store_true")
    args = parser.parse_args()
    if args.worker:
        return worker()
    ref = _harness.ensure_ref(args.ref)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "events.parquet")
        n_columns, column_bytes = write_file(path, args.events)
        payload = {"path": path, "repeat": args.repeat}
        theirs = _harness.run_worker(ref, __file__, {**payload, "side": "theirs"}, ours=False)
        ours = _harness.run_worker(sys.executable, __file__, {**payload, "side": "ours"}, ours=True)
    eager_214 = theirs["eager read + touch 3"]
    rows = []
    for name in CASES:
        o, t = ours.get(name), theirs.get(name)
        # Feather rows against 2.14's eager Feather read, the others against its Parquet read
        base = theirs["eager Feather read + touch 3"] if "Feather" in name else eager_214
        rows.append([
            name,
            _harness.format_time(o),
            _harness.format_time(t),
            _harness.format_ratio(o, t),
            _harness.format_ratio(o if o is not None else t, base),
        ])
    print(f"{args.events:,} events, {n_columns} columns, {column_bytes / 1e6:.1f} MB of column "
          f"chunks; load {_harness.load_average()}")
    _harness.print_table(rows, ("case", "ours µs", "2.14 µs", "ours/2.14", "vs 2.14 eager read of the format"))
    read = ours["bytes read"]
    print(f"\nlazy: read {read / 1e6:.2f} MB = {100 * read / column_bytes:.2f}% of the column bytes "
          f"({len(ours['columns read'])} columns: {', '.join(ours['columns read'])}); "
          f"{eager_214 / ours['lazy open + touch 3 of 100']:.1f}x faster than 2.14's eager read")
    feather_214 = theirs["eager Feather read + touch 3"]
    print(f"lazy Feather: {feather_214 / ours['lazy Feather open + touch 3']:.1f}x faster than "
          "2.14's eager ak.from_feather")


if __name__ == "__main__":
    main()
