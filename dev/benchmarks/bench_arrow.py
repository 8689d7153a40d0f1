#!/usr/bin/env python3
"""Arrow and Parquet: ak.to_parquet and the eager ak.from_parquet (plus to/from_arrow,
to_arrow_table and Feather) against awkward 2.14 and against plain pyarrow on the same file,
in the same run. The data: a record of two jagged float64 fields and a flat int64 field
(``small`` 100 lists, ``large`` 3*10^6 lists holding ~9*10^6 float64 per jagged field).

The ``ours/floor`` column of ``from_parquet`` / ``from_feather`` divides by our
``pq.read_table + from_arrow`` / ``feather.read_table + from_arrow`` figure, the issue's
target (within 1.1x); the pyarrow-only rows are the same code on both sides (their ratio
shows the noise). Each side writes its own file (its own ak.to_parquet) in a temporary
directory.

    python dev/benchmarks/bench_arrow.py                    # small and large
    python dev/benchmarks/bench_arrow.py --lists 300000     # quicker large
    python dev/benchmarks/bench_arrow.py --only parquet
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

# run per size with N, np, ak (see _harness.run_cli)
DATA_SOURCE = """
import tempfile, pyarrow, pyarrow.parquet as pq, pyarrow.feather as feather

def make(n):
    counts = np.arange(n, dtype=np.int64) % 6
    counts = np.where(counts == 5, 7, counts)
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    total = int(offsets[-1])
    fields = [ak.contents.ListOffsetArray(ak.index.Index64(offsets),
              ak.contents.NumpyArray((np.arange(total, dtype=np.int64) * k % 1000) / 1000.0))
              for k in (7, 11)]
    fields.append(ak.contents.NumpyArray(np.arange(n, dtype=np.int64)))
    events = ak.Array(ak.contents.RecordArray(fields, ["pt", "eta", "run"]))
    where = tempfile.mkdtemp(prefix="bench_arrow_")
    path = os.path.join(where, "events.parquet")
    ak.to_parquet(events, path)
    fpath = os.path.join(where, "events.feather")
    ak.to_feather(events, fpath)
    return {"events": events, "PATH": path, "FPATH": fpath, "OUT": os.path.join(where, "out.parquet"),
            "FOUT": os.path.join(where, "out.feather"), "ARROW": ak.to_arrow(events),
            "TABLE": ak.to_arrow_table(events), "pq": pq, "feather": feather}

import os
globals().update(make(N))
"""

# (name, statement)
OPERATIONS = [
    ("to_parquet", "ak.to_parquet(events, OUT)"),
    ("from_parquet", "ak.from_parquet(PATH)"),
    ("from_parquet 1 column", "ak.from_parquet(PATH, columns='pt')"),
    ("pq.read_table (pyarrow only)", "pq.read_table(PATH)"),
    ("pq.read_table + from_arrow", "ak.from_arrow(pq.read_table(PATH))"),
    ("to_feather", "ak.to_feather(events, FOUT)"),
    ("from_feather", "ak.from_feather(FPATH)"),
    ("feather.read_table + from_arrow", "ak.from_arrow(feather.read_table(FPATH))"),
    ("to_arrow", "ak.to_arrow(events)"),
    ("to_arrow_table", "ak.to_arrow_table(events)"),
    ("from_arrow (array)", "ak.from_arrow(ARROW)"),
    ("from_arrow (table)", "ak.from_arrow(TABLE)"),
]

FLOORS = {
    "from_parquet": "pq.read_table + from_arrow",
    "from_feather": "feather.read_table + from_arrow",
}


def floor(name, ours):
    base = ours.get(FLOORS.get(name))
    return base if isinstance(base, float) else None


if __name__ == "__main__":
    _harness.run_cli(OPERATIONS, DATA_SOURCE, __doc__,
                     options={"only": "", "min_batch": 0.02, "rounds": 1}, floor=floor)
