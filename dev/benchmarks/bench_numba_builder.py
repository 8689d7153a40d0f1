"""ak.ArrayBuilder filled inside ``@numba.njit``: ours against awkward 2.14's numba ArrayBuilder.

The workload of issue 16: N records ``{x: float64, y: var * int64}`` (lists of 0-4 ints),
filled by one compiled function; timed with and without the ``snapshot()`` that follows,
plus a flat fill of N floats and a fill whose records miss a field now and then (option-type
field: our tape is then replayed call by call, not column by column).

Both sides need numba: the reference venv gets it with
``/tmp/ak-compare-ref-2.14.0/bin/python -m pip install numba``.

    python dev/benchmarks/bench_numba_builder.py --lists 1000000          # ~1 min
    python dev/benchmarks/bench_numba_builder.py --lists 1000000 --only records
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _harness import run_cli  # noqa: E402

DATA = r"""
import numba

@numba.njit
def fill_records(b, n):
    for i in range(n):
        b.begin_record()
        b.field("x").real(i * 0.5)
        b.field("y")
        b.begin_list()
        for j in range(i % 5):
            b.integer(j)
        b.end_list()
        b.end_record()
    return b

@numba.njit
def fill_floats(b, n):
    for i in range(n):
        b.real(i * 0.25)
    return b

@numba.njit
def fill_sparse_records(b, n):
    for i in range(n):
        b.begin_record()
        b.field("x").real(i * 0.5)
        if i % 7 != 0:
            b.field("z").integer(i)
        b.end_record()
    return b

for f in (fill_records, fill_floats, fill_sparse_records):
    f(ak.ArrayBuilder(), 10).snapshot()   # compile outside the timing
"""

CASES = [
    ("records {x, y: var * int64}: fill", "fill_records(ak.ArrayBuilder(), N)"),
    ("records {x, y: var * int64}: fill + snapshot", "fill_records(ak.ArrayBuilder(), N).snapshot()"),
    ("float64: fill + snapshot", "fill_floats(ak.ArrayBuilder(), N).snapshot()"),
    ("records, field z missing 1/7: fill + snapshot", "fill_sparse_records(ak.ArrayBuilder(), N).snapshot()"),
]

if __name__ == "__main__":
    run_cli(
        CASES,
        DATA,
        __doc__,
        options={"only": "", "min_batch": 0.02, "repeat": 7, "large_repeat": 3, "rounds": 1},
        size_format=",",
    )
