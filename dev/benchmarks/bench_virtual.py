#!/usr/bin/env python3
"""Lazy reading and caches (issue 14): ak.from_buffers over callables (build, metadata, one
column read and reduced), the same with ``cache=`` (a dict; ours only: 2.14 has no cache
option), ak.virtual (ours only: 2.14 dropped it) and loading an awkward-1 form dict, against
awkward 2.14 on the same data, in the same run.

Both sides run this file as a worker (``--worker``) in their own subprocess (see _harness).
Sizes: ``small`` is 100 lists, ``large`` is 3*10^6 lists holding ~9*10^6 float64 per field.
Each statement builds a fresh lazy array, so its cost includes the generator calls.

    python dev/benchmarks/bench_virtual.py                    # small and large
    python dev/benchmarks/bench_virtual.py --lists 300000     # quicker large
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

# run per size with N, np, ak (see _harness.run_cli)
DATA_SOURCE = """
counts = np.arange(N, dtype=np.int64) % 6
offsets = np.zeros(N + 1, dtype=np.int64)
np.cumsum(counts, out=offsets[1:])
total = int(offsets[-1])
x = (np.arange(total, dtype=np.int64) * 7 % 1000) / 1000.0
y = (np.arange(total, dtype=np.int64) * 11 % 1000) / 1000.0
jagged = lambda v: ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(v))
events = ak.Array(ak.contents.RecordArray([jagged(x), jagged(y)], ["x", "y"]))
form, length, buffers = ak.to_buffers(events)
lazy = {key: (lambda value=value: value) for key, value in buffers.items()}
old_form = {"class": "RecordArray", "contents": {
    "x": {"class": "ListOffsetArray64", "offsets": "i64", "has_identities": False, "parameters": {},
          "content": {"class": "NumpyArray", "inner_shape": [], "itemsize": 8, "format": "d",
                      "primitive": "float64", "has_identities": False, "parameters": {}, "form_key": "node2"},
          "form_key": "node1"},
    "y": {"class": "ListOffsetArray64", "offsets": "i64", "has_identities": False, "parameters": {},
          "content": {"class": "NumpyArray", "inner_shape": [], "itemsize": 8, "format": "d",
                      "primitive": "float64", "has_identities": False, "parameters": {}, "form_key": "node4"},
          "form_key": "node3"}},
    "has_identities": False, "parameters": {}, "form_key": "node0"}
def generate():
    return events
"""

OPERATIONS = [
    ("from_buffers lazy: build + len + fields", "a = ak.from_buffers(form, length, lazy); len(a); a.fields"),
    ("from_buffers lazy: sum of one column", "ak.sum(ak.from_buffers(form, length, lazy).x, axis=1)"),
    ("from_buffers lazy, dict cache: sum", "ak.sum(ak.from_buffers(form, length, lazy, cache={}).x, axis=1)"),
    ("ak.virtual form+length: sum", "ak.sum(ak.virtual(generate, form=form, length=length).x, axis=1)"),
    ("ak.virtual no form: sum", "ak.sum(ak.virtual(generate).x, axis=1)"),
    ("forms.from_dict(awkward-1 form)", "ak.forms.from_dict(old_form)"),
    ("from_buffers(awkward-1 form)", "ak.from_buffers(old_form, length, buffers)"),
]


if __name__ == "__main__":
    _harness.run_cli(OPERATIONS, DATA_SOURCE, __doc__, options={"only": "", "min_batch": 0.02})
