"""Shared timing code for the benchmarks in this folder.

Our package and awkward 2.14 are never imported into one process: every side runs the same
worker script in its own subprocess (ours with the source tree first on sys.path, theirs
from a separate venv with the working directory outside the tree), and the parent only
collects JSON and prints ratios.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import timeit

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# ak-compare's cached venv is reused when present; otherwise a venv is made on first use.
REF_CANDIDATES = ("/tmp/ak-compare-ref-2.14.0/bin/python", "/tmp/ak214/bin/python")


def default_ref() -> str:
    for python in REF_CANDIDATES:
        if os.path.exists(python):
            return python
    return REF_CANDIDATES[-1]


def ensure_ref(python: str) -> str:
    """The path of a python with awkward 2.14 installed, creating its venv if missing."""
    if os.path.exists(python):
        return python
    venv = os.path.dirname(os.path.dirname(python))
    print(f"creating {venv} with awkward==2.14.0 ...", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run([python, "-m", "pip", "install", "-q", "awkward==2.14.0", "numpy"], check=True)
    return python


def run_worker(python: str, script: str, payload, *, ours: bool) -> dict:
    """Run ``python script --worker`` with ``payload`` as JSON on stdin; return its JSON reply.

    ``ours`` puts the source tree first on PYTHONPATH; the reference side runs from ``/``
    with PYTHONPATH cleared so that it can never pick up this tree's ``awkward``.
    """
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if ours:
        env["PYTHONPATH"] = ROOT
    result = subprocess.run(
        [python, script, "--worker"],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT if ours else "/",
    )
    if result.returncode != 0:
        raise RuntimeError(f"worker {python} failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def best_seconds(stmt, namespace: dict, *, repeat: int = 5, min_batch: float = 0.02) -> float:
    """Seconds per call of ``stmt`` (source or callable): min over ``repeat`` batches.

    Like ``timeit``'s autorange: the batch size doubles until one batch lasts ``min_batch``
    seconds, so a 1 µs statement and a 1 s statement both get a stable minimum. The garbage
    collector is off during a batch (timeit's default).
    """
    timer = timeit.Timer(stmt, globals=namespace)
    number = 1
    while True:
        elapsed = timer.timeit(number)
        if elapsed >= min_batch or number >= 1 << 20:
            break
        number *= 2 if elapsed * 10 >= min_batch else 10
    best = elapsed
    for _ in range(repeat - 1):
        best = min(best, timer.timeit(number))
    return best / number


def load_average() -> str:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "n/a"
    return f"{one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"


def format_time(seconds) -> str:
    if seconds is None:
        return "-"
    us = seconds * 1e6
    if us < 100:
        return f"{us:.2f}"
    if us < 100_000:
        return f"{us:.0f}"
    return f"{us:,.0f}"


def format_ratio(ours, theirs) -> str:
    if ours is None or theirs is None or theirs == 0:
        return "-"
    return f"{ours / theirs:.2f}"


def print_table(rows, headers, file=None) -> None:
    """Print ``rows`` (lists of str) as a Markdown table with right-aligned numeric columns."""
    file = file or sys.stdout
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    left = {0}  # the first column (the operation) reads better left-aligned
    cells = lambda row: " | ".join(c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths)))  # noqa: E731
    print("| " + cells(headers) + " |", file=file)
    print("|" + "|".join(("-" * (w + 2)) if i in left else ("-" * (w + 1) + ":") for i, w in enumerate(widths)) + "|", file=file)
    for row in rows:
        print("| " + cells(row) + " |", file=file)


def now() -> float:
    return time.perf_counter()
