#!/usr/bin/env python3
"""The type tracer: operations on typetracer arrays (no data, so the cost is per-call overhead
only) and the conversions into it, against awkward 2.14 on the same forms, in the same run.
``tt`` is a typetracer with known length (``ak.to_backend(events, "typetracer")``), ``ut`` one
of unknown length from ``typetracer_with_report``.

Both sides run this file as a worker (``--worker``) in their own subprocess (see _harness).
The "large" size only changes the known length (a tracer holds no data).

    python dev/benchmarks/bench_typetracer.py --lists 300000
    python dev/benchmarks/bench_typetracer.py --only sum
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

# run per size with N, np, ak (see _harness.run_cli)
DATA_SOURCE = """
def make(n):
    counts = np.arange(n, dtype=np.int64) % 6
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    total = int(offsets[-1])
    x = (np.arange(total, dtype=np.int64) * 7 % 1000) / 1000.0
    record = ak.contents.RecordArray([ak.contents.NumpyArray(x), ak.contents.NumpyArray(x * 2)], ["pt", "eta"])
    events = ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(offsets), record))
    tt = ak.to_backend(events, "typetracer")
    form = events.layout.form_with_key()
    ut, report = ak.typetracer.typetracer_with_report(form, buffer_key="{form_key}-{attribute}", highlevel=True)
    return {"events": events, "tt": tt, "ut": ut, "form": form}

globals().update(make(N))
"""

# (name, statement)
OPERATIONS = [
    ("to_backend typetracer", "ak.to_backend(events, 'typetracer')"),
    ("typetracer_with_report", "ak.typetracer.typetracer_with_report(form, highlevel=True)"),
    ("field access", "ut.pt"),
    ("range slice", "ut[1:10]"),
    ("ufunc", "ut.pt * 2 + 1"),
    ("jagged mask", "ut.pt[ut.pt > 0.5]"),
    ("num", "ak.num(ut, axis=1)"),
    ("sum axis=1", "ak.sum(ut.pt, axis=1)"),
    ("max axis=1", "ak.max(tt.pt, axis=1)"),
    ("zip", "ak.zip({'a': ut.pt, 'b': ut.eta})"),
    ("combinations", "ak.combinations(tt, 2)"),
    ("flatten", "ak.flatten(ut.pt)"),
    ("std axis=None", "ak.std(ut.pt, axis=None)"),
    ("jagged index", "ut.pt[ak.local_index(ut.pt, axis=1)]"),
    ("[:, newaxis]", "ut.pt[:, np.newaxis]"),
    ("unflatten axis=1", "ak.unflatten(ut.pt, 1, axis=1)"),
    ("concatenate axis=1", "ak.concatenate([ut.pt, ut.eta], axis=1)"),
    ("tracer + concrete", "tt.pt + events.pt"),
]


if __name__ == "__main__":
    _harness.run_cli(OPERATIONS, DATA_SOURCE, __doc__, options={"only": "", "min_batch": 0.02})
