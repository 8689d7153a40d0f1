#!/usr/bin/env python3
"""The whole benchmark suite (issue 20): this package against awkward 2.14, interleaved.

    python dev/benchmarks/compare.py                    # full: small + large (~10^7 values)
    python dev/benchmarks/compare.py --quick            # smoke run: 10^6 values, 3 samples
    python dev/benchmarks/compare.py --only "mask,sum"  # substrings of case names
    python dev/benchmarks/compare.py --markdown dev/benchmarks/results-$(date +%F).md

Two long-lived worker processes, one per side (ours: the source tree first on PYTHONPATH;
theirs: awkward 2.14 in its own venv, run from ``/``; the venv is made with pip, with
pyarrow, when missing), build the same data by the same deterministic arithmetic. For every
case the parent asks both workers for one warm-up call, whose result is digested (type, length,
an evenly spaced sample of ``to_list``) and compared between the sides, then for ``--samples``
timed samples, alternating theirs/ours (and which goes first), so that a burst of load from
other processes lands on both sides. A sample is a timeit batch lasting at least
``--min-batch`` seconds; the table gives the median over samples.

Sizes: ``small`` is 100 lists (Python overhead); ``large`` is ~10^7 float64 in the main array
(``--values``), 3*10^6 in the short lists of combinations/cartesian, 10^6 for the Python-bound
cases (from_iter, to_list, ArrayBuilder) and 100 columns of 10^5 values for Parquet; the size
column says which. The 10^4-tiny-buffers case runs once, with the small size. ``same result``
is "yes" when the two sides' digests agree, "type" when only the type strings differ, "NO" or
"err" otherwise (details are printed under the table).

Peak memory (large size only): one extra, untimed call under ``tracemalloc`` (numpy's
buffers are traced) plus the peak of a fresh pyarrow proxy pool (Arrow's own buffers).

Memory-bandwidth floor: every worker times ``np.copyto`` of 10^7 float64 (10^6 when
``--values`` is below 10^5, the test's tiny runs) (bytes read + written / time) before and
after each size; the median of all is the machine's streaming
bandwidth. A case with a floor declares the arrays it reads; floor bytes = their packed
``nbytes`` + the packed ``nbytes`` of the result (the smaller of the two sides), and
``ours/floor`` = our time / (floor bytes / bandwidth). Only cases bound by memory traffic
have a floor.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402  (dev/benchmarks is not a package)

# ----------------------------------------------------------------------------- the data
# Run in each worker with N (lists of the main array), M (lists of the short-list array for
# combinations/cartesian), P (records for the Python-bound cases), W (lists per column of the
# 100-column Parquet table), PQ_READ / PQ_WRITE (paths), np and ak defined.
DATA_SOURCE = """
def jagged_layout(offsets, values):
    return ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values))

def make_offsets(counts):
    offsets = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return offsets

# main: N lists of 0..10 float64 (mean 5); x in [0, 1) so that x > 0.5 keeps about half
counts = np.arange(N, dtype=np.int64) % 11
offsets = make_offsets(counts)
T = int(offsets[-1])
x_np = (np.arange(T, dtype=np.int64) * 7 % 1000) / 1000.0
x_out = np.empty_like(x_np)
x2_np = (np.arange(T, dtype=np.int64) * 3 % 1000) / 1000.0
y_np = (np.arange(N, dtype=np.int64) * 13 % 1000) / 1000.0
layout = ak.contents.RecordArray([jagged_layout(offsets, x_np), ak.contents.NumpyArray(y_np)], ["x", "y"])
events = ak.Array(layout)
jag = events.x
jag2 = ak.Array(jagged_layout(offsets, x2_np))
form, length, container = ak.to_buffers(events)

# short lists (0..3, mean 1.5) for combinations / cartesian
short_offsets = make_offsets(np.arange(M, dtype=np.int64) % 4)
short = ak.Array(jagged_layout(short_offsets, np.arange(int(short_offsets[-1]), dtype=np.float64)))
short2 = ak.Array(jagged_layout(short_offsets, -np.arange(int(short_offsets[-1]), dtype=np.float64)))

# Python-bound cases: P records {x: [float], y: float}
py_events = events[:P]
records = py_events.to_list()

def fill_builder(recs):
    b = ak.ArrayBuilder()
    for r in recs:
        b.begin_record()
        b.field("x")
        b.begin_list()
        for v in r["x"]:
            b.real(v)
        b.end_list()
        b.field("y")
        b.real(r["y"])
        b.end_record()
    return b.snapshot()

# Parquet: 100 jagged float64 columns of W lists (0..4 values, mean 2)
w_offsets = make_offsets(np.arange(W, dtype=np.int64) % 5)
WT = int(w_offsets[-1])
def wide_values(i):
    return (np.arange(WT, dtype=np.int64) * (i + 7) % 1000) / 1000.0 + i
wide = ak.Array(ak.contents.RecordArray(
    [jagged_layout(w_offsets, wide_values(i)) for i in range(100)], [f"c{i}" for i in range(100)]))
if WRITE_READ_FILE:
    import pyarrow as pa, pyarrow.parquet as pq
    offsets32 = pa.array(w_offsets.astype(np.int32))
    pq.write_table(pa.table({f"c{i}": pa.ListArray.from_arrays(offsets32, pa.array(wide_values(i)))
                             for i in range(100)}), PQ_READ)

def parquet_write():
    ak.to_parquet(wide, PQ_WRITE)
    import pyarrow.parquet as pq
    table = pq.read_table(PQ_WRITE)   # the digest: what a third party reads back
    return {"rows": table.num_rows, "columns": table.column_names,
            "head": table.slice(0, 3).to_pylist(), "tail": table.slice(table.num_rows - 2).to_pylist()}

TOUCHED = ["c0", "c50", "c99"]
def touch3(e):
    return [float(ak.sum(e[c])) for c in TOUCHED]
def lazy_read_ours():
    return touch3(ak.from_parquet(PQ_READ, virtual=True))
def lazy_read_theirs():   # 2.14 has no lazy mode: its eager read of the 3 columns
    return touch3(ak.from_parquet(PQ_READ, columns=TOUCHED))

# virtual buffers: 10^4 tiny buffers (5000 jagged fields of 3 lists), and the main jagged x
tiny_form = {"class": "RecordArray", "fields": [f"f{i}" for i in range(5000)], "contents": [
    {"class": "ListOffsetArray", "offsets": "i64", "form_key": f"o{i}",
     "content": {"class": "NumpyArray", "primitive": "float64", "form_key": f"d{i}"}}
    for i in range(5000)]}
tiny_offsets = np.array([0, 1, 3, 3], np.int64)
tiny_data = np.array([1.0, 2.0, 3.0])
tiny_lazy = {}
for i in range(5000):
    tiny_lazy[f"o{i}-offsets"] = lambda: tiny_offsets
    tiny_lazy[f"d{i}-data"] = lambda: tiny_data
def tiny_materialize():   # both sides: from_buffers is lazy over callables, materialize runs them
    return ak.materialize(ak.from_buffers(tiny_form, 3, tiny_lazy))
jag_form, jag_length, jag_container = ak.to_buffers(jag)
jag_lazy = {key: (lambda value=value: value) for key, value in jag_container.items()}
def virtual_arith():
    v = ak.from_buffers(jag_form, jag_length, jag_lazy)
    return v * 2 + 1
"""

# (name, group, expression, floor inputs or None, theirs' expression or None)
# group: which data size the large row uses (main, short, py, wide, tiny); "tiny" runs once.
CASES = [
    ("from_buffers (construction)", "main", "ak.from_buffers(form, length, container)", None, None),
    ("ak.Array(layout)", "main", "ak.Array(layout)", None, None),
    ("slice range events[N//4:N//2]", "main", "events[N // 4:N // 2]", None, None),
    ("slice jagged mask x[x > 0.5]", "main", "jag[jag > 0.5]", ("jag",), None),
    ("slice field events.x", "main", "events.x", None, None),
    ("jagged arithmetic x * 2 + 1", "main", "jag * 2 + 1", ("jag",), None),
    ("ak.num axis=1", "main", "ak.num(jag, axis=1)", ("offsets",), None),
    ("ak.flatten", "main", "ak.flatten(jag)", ("jag",), None),
    ("ak.unflatten", "main", "ak.unflatten(x_np, counts)", ("x_np", "counts"), None),
    ("ak.zip (same offsets)", "main", "ak.zip({'a': jag, 'b': jag2})", None, None),
    ("ak.concatenate axis=0", "main", "ak.concatenate([jag, jag2])", ("jag", "jag2"), None),
    ("ak.concatenate axis=1", "main", "ak.concatenate([jag, jag2], axis=1)", ("jag", "jag2"), None),
    ("ak.combinations n=2", "short", "ak.combinations(short, 2)", ("short",), None),
    ("ak.cartesian", "short", "ak.cartesian([short, short2])", ("short", "short2"), None),
    ("ak.sum axis=1", "main", "ak.sum(jag, axis=1)", ("jag",), None),
    ("ak.max axis=1", "main", "ak.max(jag, axis=1)", ("jag",), None),
    ("ak.argmax axis=1", "main", "ak.argmax(jag, axis=1)", ("jag",), None),
    ("ak.sort axis=1", "main", "ak.sort(jag, axis=1)", ("jag",), None),
    ("ak.from_iter (records)", "py", "ak.from_iter(records)", None, None),
    ("ak.to_list", "py", "ak.to_list(py_events)", None, None),
    ("ArrayBuilder filling (records)", "py", "fill_builder(records)", None, None),
    ("Parquet write (100 cols)", "wide", "parquet_write()", None, None),
    ("Parquet eager read (100 cols)", "wide", "ak.from_parquet(PQ_READ)", None, None),
    ("Parquet lazy read, touch 3/100 *", "wide", "lazy_read_ours()", None, "lazy_read_theirs()"),
    ("virtual: x * 2 + 1 (fresh lazy)", "main", "virtual_arith()", ("jag",), None),
    ("virtual: 10^4 tiny buffers **", "tiny", "tiny_materialize()", None, None),
    ("numpy copy of x (floor gauge)", "main", "x_np.copy()", ("x_np",), None),
    ("numpy copyto of x (floor gauge)", "main", "np.copyto(x_out, x_np)", ("x_np", "x_out"), None),
]

NOTES = [
    "\\* lazy read: ours is `ak.from_parquet(path, virtual=True)` then the sums of 3 of the 100 "
    "columns; awkward 2.14 has no lazy mode, so its row is its eager read of the same 3 columns "
    "(`columns=[...]`) then the same sums.",
    "\\*\\* 10^4 tiny buffers: `ak.materialize(ak.from_buffers(...))` over 10^4 callables on both "
    "sides (2.14's `from_buffers` is lazy over callables too; `materialize` runs them).",
    "`virtual: x * 2 + 1` builds the jagged array from callables (zero-copy) and computes; compare "
    "it with `jagged arithmetic` (the same on a concrete array).",
    "`numpy copy(to) of x` run the same numpy on both sides: their ratio should be ~1 (else the "
    "machine was busy). `copyto` (into a buffer already written) should be ~1x the floor; `copy` "
    "also pays for fresh memory (page faults), as does every operation that returns new buffers.",
]


def size_params(values):
    """Data sizes for ``values`` (the large size's number of float64 in the main array)."""
    n = max(values // 5, 1)
    return {"N": n, "M": n, "P": max(n // 10, 1), "W": max(values // 200, 1)}


SMALL = {"N": 100, "M": 100, "P": 100, "W": 100}


def size_label(group, size, params):
    if size == "small":
        return "10^4 bufs" if group == "tiny" else "100 lists"
    values = {
        "main": params["N"] * 5,
        "short": params["M"] * 3 // 2,
        "py": params["P"] * 5,
        "wide": params["W"] * 2 * 100,
    }[group]
    return f"{values:.0e} val".replace("e+0", "e")


# ----------------------------------------------------------------------------- worker side
def worker_main():
    import gc
    import time
    import timeit
    import tracemalloc

    proto = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # library prints go to stderr; stdout carries the protocol only
    import numpy as np

    import awkward as ak

    ns, timers = {}, {}

    def packed_nbytes(obj):
        if isinstance(obj, ak.Array):
            return ak.to_packed(obj).nbytes
        return getattr(obj, "nbytes", 0)

    def plain(value):
        if hasattr(value, "item") and getattr(value, "ndim", None) == 0:
            return value.item()
        return value

    def digest(result):
        if isinstance(result, ak.Array):
            n = len(result)
            step = max(n // 40, 1)
            # element by element: a strided slice's to_list may walk the whole content
            return {"type": str(result.type), "len": n, "sample": [ak.to_list(result[i]) for i in range(0, n, step)],
                    "tail": result[max(n - 2, 0):].to_list()}
        if isinstance(result, ak.Record):
            return {"type": str(result.type), "value": result.to_list()}
        if isinstance(result, list) and len(result) > 50:
            return {"len": len(result), "sample": result[:: max(len(result) // 40, 1)], "tail": result[-2:]}
        return plain(result)

    def peak_memory(expr):
        arrow = sys.modules.get("pyarrow")
        pool = old_pool = None
        if arrow is not None:
            old_pool = arrow.default_memory_pool()
            pool = arrow.proxy_memory_pool(old_pool)
            arrow.set_memory_pool(pool)
        gc.collect()
        tracemalloc.start()
        try:
            start = tracemalloc.get_traced_memory()[0]
            result = eval(expr, ns)
            peak = tracemalloc.get_traced_memory()[1] - start
            del result
        finally:
            tracemalloc.stop()
            if arrow is not None:
                arrow.set_memory_pool(old_pool)
        return peak + (pool.max_memory() if pool is not None else 0)

    def maxrss():
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    def handle(msg):
        op = msg["op"]
        if op == "setup":
            ns.clear()
            timers.clear()
            gc.collect()
            ns.update(np=np, ak=ak, **msg["vars"])
            exec(DATA_SOURCE, ns)
            return {"version": ak.__version__, "numpy": np.__version__, "maxrss": maxrss()}
        if op == "bandwidth":
            src = np.arange(msg.get("n", 10_000_000), dtype=np.float64)
            dst = np.empty_like(src)
            times = []
            for _ in range(5):
                t0 = time.perf_counter()
                np.copyto(dst, src)
                times.append(time.perf_counter() - t0)
            return {"bytes_per_s": 2 * src.nbytes / statistics.median(times), "maxrss": maxrss()}
        if op == "prepare":
            expr = msg["expr"]
            result = eval(expr, ns)  # the warm-up call
            out = {"digest": digest(result)}
            if msg["floor"]:
                out["floor_bytes"] = sum(packed_nbytes(ns[name]) for name in msg["floor"]) + packed_nbytes(result)
            del result
            if msg["memory"]:
                out["memory"] = peak_memory(expr)
            timer = timeit.Timer(expr, globals=ns)
            number = 1
            while True:
                elapsed = timer.timeit(number)
                if elapsed >= msg["min_batch"] or number >= 1 << 20:
                    break
                number *= 2 if elapsed * 10 >= msg["min_batch"] else 10
            timers[msg["case"]] = (timer, number)
            out["maxrss"] = maxrss()
            return out
        if op == "sample":
            timer, number = timers[msg["case"]]
            return {"seconds": timer.timeit(number) / number}
        if op == "rss":
            return {"maxrss": maxrss()}
        raise ValueError(op)

    for line in sys.stdin:
        msg = json.loads(line)
        if msg["op"] == "quit":
            break
        try:
            reply = handle(msg)
        except Exception as err:  # noqa: BLE001  (a failing case shows up in the table)
            text = str(err).strip().splitlines()[0] if str(err).strip() else ""
            reply = {"error": f"{type(err).__name__}: {text}"[:200]}
        proto.write(json.dumps(reply, default=repr) + "\n")
        proto.flush()


# ----------------------------------------------------------------------------- parent side
class Worker:
    """One side's long-lived worker process, spoken to in JSON lines."""

    def __init__(self, python, ours):
        self.python, self.ours = python, ours
        self.log = tempfile.TemporaryFile(mode="w+")
        self.setup_vars = None
        self._start()

    def _start(self):
        env = dict(os.environ)
        env.pop("PYTHONPATH", None)
        if self.ours:
            env["PYTHONPATH"] = _harness.ROOT
        self.proc = subprocess.Popen(
            [self.python, os.path.abspath(__file__), "--worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, text=True, env=env,
            cwd=_harness.ROOT if self.ours else "/",
        )

    def ask(self, **msg):
        try:
            self.proc.stdin.write(json.dumps(msg) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
        except BrokenPipeError:
            line = ""
        if line:
            return json.loads(line)
        # the worker died (killed for memory, crashed): restart it with the current data
        self.log.seek(0)
        tail = self.log.read()[-300:].strip().replace("\n", " | ")
        returncode = self.proc.wait()
        self._start()
        if self.setup_vars is not None and msg["op"] != "setup":
            self.ask(op="setup", vars=self.setup_vars)
        return {"error": f"worker died (rc {returncode}): {tail}"[:200]}

    def setup(self, variables, write_read_file=False):
        self.setup_vars = dict(variables, WRITE_READ_FILE=False)  # what a restarted worker replays
        return self.ask(op="setup", vars=dict(variables, WRITE_READ_FILE=write_read_file))

    def close(self):
        try:
            self.proc.stdin.write(json.dumps({"op": "quit"}) + "\n")
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        self.proc.wait()


def ensure_ref_with_pyarrow(python):
    python = _harness.ensure_ref(python)
    probe = subprocess.run([python, "-c", "import awkward, pyarrow"], cwd="/", capture_output=True)
    if probe.returncode != 0:
        print(f"installing pyarrow into {python} ...", file=sys.stderr)
        subprocess.run([python, "-m", "pip", "install", "-q", "pyarrow"], check=True)
    return python


def same(a, b):
    """Equality of two digests; floats within a relative 1e-9 (summation order may differ)."""
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, bool) or isinstance(b, bool) or not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
            return False
        return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def compare_digests(ours, theirs):
    if same(ours, theirs):
        return "yes"
    if isinstance(ours, dict) and isinstance(theirs, dict) and "type" in ours and ours.get("type") != theirs.get("type"):
        rest = {k: v for k, v in ours.items() if k != "type"}
        return "type" if same(rest, {k: v for k, v in theirs.items() if k != "type"}) else "NO"
    return "NO"


def run_size(size, by_side, cases, workers, args, record):
    """Set both workers up for one size and time its cases, interleaved; rows go to ``record``."""
    ours, theirs = workers
    for worker in (ours, theirs):  # ours first: it writes the Parquet file both sides read
        reply = worker.setup(by_side["ours" if worker is ours else "theirs"], write_read_file=worker is ours)
        if "error" in reply:
            raise SystemExit(f"setup of the {size} data failed on {'ours' if worker is ours else 'theirs'}: {reply['error']}")
        side = "ours" if worker is ours else "theirs"
        record["versions"][side] = reply
        record["rss"][side].append((f"{size} setup", reply.get("maxrss", 0)))
    bandwidth = measure_bandwidth(size, workers, record, args.values)
    for index, (name, group, expr, floor, their_expr) in enumerate(cases):
        if size == "large" and group == "tiny":
            continue
        print(f"  {size:5} {name} ...", file=sys.stderr, flush=True)
        pair = [(theirs, their_expr or expr), (ours, expr)]
        if index % 2:
            pair.reverse()
        prepared = {}
        for worker, e in pair:
            prepared[worker is ours] = worker.ask(
                op="prepare", case=name, expr=e, floor=floor, memory=size == "large" and group != "tiny",
                min_batch=args.min_batch,
            )
        samples = {True: [], False: []}
        for s in range(args.samples):
            for worker, _ in pair if s % 2 == 0 else pair[::-1]:
                if "error" not in prepared[worker is ours]:
                    reply = worker.ask(op="sample", case=name)
                    if "seconds" in reply:
                        samples[worker is ours].append(reply["seconds"])
        for worker, side in ((ours, "ours"), (theirs, "theirs")):
            record["rss"][side].append((f"{size} {name}", prepared[worker is ours].get("maxrss", 0)))
        record["rows"].append({
            "name": name, "size": size, "group": group, "floor": floor is not None,
            "ours": prepared[True], "theirs": prepared[False],
            "ours_s": statistics.median(samples[True]) if samples[True] else None,
            "theirs_s": statistics.median(samples[False]) if samples[False] else None,
        })
    bandwidth += measure_bandwidth(size, workers, record, args.values)
    record["bandwidth"] += [b for b in bandwidth if b]


def measure_bandwidth(size, workers, record, values):
    """Both workers' streaming bandwidth (bytes/s); their peak RSS is logged as its own step.
    10^7 float64 (far beyond the caches); 10^6 for the tiny runs of the test (values < 10^5)."""
    out = []
    n = 10_000_000 if values >= 100_000 else 1_000_000
    for worker, side in zip(workers, ("ours", "theirs")):
        reply = worker.ask(op="bandwidth", n=n)
        record["rss"][side].append((f"{size} bandwidth", reply.get("maxrss", 0)))
        out.append(reply.get("bytes_per_s"))
    return out


def build_table(record, params):
    bandwidth = statistics.median(record["bandwidth"]) if record["bandwidth"] else None
    rows, diffs, ratios = [], [], {"small": [], "large": []}
    for r in record["rows"]:
        o, t = r["ours"], r["theirs"]
        if "error" in o or "error" in t:
            equal = "err"
            diffs.append(f"- {r['name']} ({r['size']}): ours: {o.get('error', 'ok')}; 2.14: {t.get('error', 'ok')}")
        else:
            equal = compare_digests(o["digest"], t["digest"])
            if equal != "yes":
                diffs.append(f"- {r['name']} ({r['size']}): results differ ({equal}): ours "
                             f"{json.dumps(o['digest'], default=repr)[:300]} vs 2.14 {json.dumps(t['digest'], default=repr)[:300]}")
        floor_s = None
        if r["floor"] and bandwidth and "floor_bytes" in o and "floor_bytes" in t:
            floor_s = min(o["floor_bytes"], t["floor_bytes"]) / bandwidth
        ratio = _harness.format_ratio(r["ours_s"], r["theirs_s"])
        if ratio != "-" and r["group"] != "tiny" and not r["name"].startswith("numpy"):
            ratios[r["size"]].append(r["ours_s"] / r["theirs_s"])
        rows.append([
            r["name"], size_label(r["group"], r["size"], params),
            _harness.format_time(r["ours_s"]), _harness.format_time(r["theirs_s"]), ratio,
            _harness.format_ratio(r["ours_s"], floor_s), _harness.format_ratio(r["theirs_s"], floor_s),
            _mb(o.get("memory")), _mb(t.get("memory")), equal,
        ])
    headers = ["operation", "size", "ours µs", "2.14 µs", "ours/2.14", "ours/floor", "2.14/floor",
               "ours MB", "2.14 MB", "same result"]
    return rows, headers, diffs, ratios, bandwidth


def _mb(value):
    return "-" if value is None else f"{value / 1e6:.1f}"


def summary_lines(ratios, bandwidth):
    lines = []
    if bandwidth:
        lines.append(f"streaming bandwidth (np.copyto of 10^7 float64, median of both sides): {bandwidth / 1e9:.2f} GB/s")
    if ratios["small"]:
        gmean = math.exp(sum(math.log(x) for x in ratios["small"]) / len(ratios["small"]))
        lines.append(f"small: geometric mean of ours/2.14 = {gmean:.3f} (target <= 0.2), "
                     f"max = {max(ratios['small']):.2f} (target <= 0.5), {len(ratios['small'])} operations")
    if ratios["large"]:
        slower = sum(x > 1 for x in ratios["large"])
        lines.append(f"large: {slower} of {len(ratios['large'])} operations slower than 2.14 (target: none); "
                     f"max ours/2.14 = {max(ratios['large']):.2f}")
    return lines


def rss_rises(history, count=3):
    """The ``count`` steps (setup or case) that raised the worker's peak RSS the most."""
    rises, last = [], 0
    for step, value in history:
        if value and value > last:
            rises.append((value - last, step))
            last = value
    return ", ".join(f"{step} +{rise / 1e6:.0f} MB" for rise, step in sorted(rises, reverse=True)[:count]) or "-"


def machine_line():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smoke run: --values 1000000 --samples 3 --min-batch 0.01")
    parser.add_argument("--values", type=int, default=None, help="float64 values of the large main array (default 10^7)")
    parser.add_argument("--samples", type=int, default=None, help="timed samples per case and side (default 5)")
    parser.add_argument("--min-batch", type=float, default=None, help="seconds one sample lasts at least (default 0.02)")
    parser.add_argument("--sizes", default="small,large", help="comma-separated: small, large")
    parser.add_argument("--only", default="", help="comma-separated substrings of case names (case-insensitive)")
    parser.add_argument("--markdown", default=None, help="also write the table and notes to this Markdown file")
    parser.add_argument("--ref", default=_harness.default_ref(), help="python with awkward 2.14 (default: %(default)s)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker_main()
    quick = {"values": 1_000_000, "samples": 3, "min_batch": 0.01}
    full = {"values": 10_000_000, "samples": 5, "min_batch": 0.02}
    for key, value in (quick if args.quick else full).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    only = [o.strip().lower() for o in args.only.split(",") if o.strip()]
    cases = [c for c in CASES if not only or any(o in c[0].lower() for o in only)]
    params = size_params(args.values)
    ref = ensure_ref_with_pyarrow(args.ref)
    started = datetime.datetime.now(datetime.timezone.utc)
    load_before = _harness.load_average()
    print(f"load average before: {load_before}", flush=True)
    record = {"rows": [], "bandwidth": [], "versions": {}, "rss": {"ours": [], "theirs": []}}
    with tempfile.TemporaryDirectory(prefix="ak-compare-") as tmp:
        workers = (Worker(sys.executable, ours=True), Worker(ref, ours=False))
        try:
            for size in [s.strip() for s in args.sizes.split(",") if s.strip()]:
                sizes = SMALL if size == "small" else params
                variables = dict(sizes, PQ_READ=os.path.join(tmp, f"read-{size}.parquet"))
                by_side = {side: dict(variables, PQ_WRITE=os.path.join(tmp, f"write-{side}.parquet"))
                           for side in ("ours", "theirs")}
                run_size(size, by_side, cases, workers, args, record)
            rss = [w.ask(op="rss").get("maxrss") for w in workers]
        finally:
            for worker in workers:
                worker.close()
    load_after = _harness.load_average()
    elapsed = (datetime.datetime.now(datetime.timezone.utc) - started).total_seconds()
    rows, headers, diffs, ratios, bandwidth = build_table(record, params)
    header = [
        f"date: {started:%Y-%m-%d %H:%M} UTC; machine: {machine_line()}",
        f"ours: awkward {record['versions'].get('ours', {}).get('version')} (this tree), numpy "
        f"{record['versions'].get('ours', {}).get('numpy')}; theirs: awkward "
        f"{record['versions'].get('theirs', {}).get('version')}, numpy {record['versions'].get('theirs', {}).get('numpy')}",
        f"command: python dev/benchmarks/compare.py {' '.join(sys.argv[1:])} "
        f"(values={args.values}, samples={args.samples}, min_batch={args.min_batch}); {elapsed:.0f} s",
        f"load average before: {load_before}; after: {load_after}",
        f"worker peak RSS: ours {_mb(rss[0])} MB, 2.14 {_mb(rss[1])} MB; largest rises: "
        f"ours {rss_rises(record['rss']['ours'])}; 2.14 {rss_rises(record['rss']['theirs'])}",
    ]
    summary = summary_lines(ratios, bandwidth)
    print("\n" + "\n".join(header) + "\n")
    _harness.print_table(rows, headers)
    print("\n" + "\n".join(summary + NOTES))
    if diffs:
        print("\ndifferences and errors:\n" + "\n".join(diffs))
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(f"# compare.py, {started:%Y-%m-%d}\n\n" + "\n".join(f"- {h}" for h in header) + "\n\n")
            _harness.print_table(rows, headers, file=f)
            f.write("\n" + "\n".join(f"- {line}" for line in summary + NOTES) + "\n")
            if diffs:
                f.write("\n## Differences and errors\n\n" + "\n".join(diffs) + "\n")
        print(f"\nwrote {args.markdown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
