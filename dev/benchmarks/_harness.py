"""Shared timing code for the benchmarks in this folder.

Our package and awkward 2.14 are never imported into one process: every side runs the same
worker script in its own subprocess (ours with the source tree first on sys.path, theirs
from a separate venv with the working directory outside the tree), and the parent only
collects JSON and prints ratios.

``run_cli`` is the whole command line of a ``bench_<area>.py`` script that times a table of
statements on a small and a large array: the script gives its cases and the source that builds
its data, and ``run_cli`` parses the options, runs both sides and prints the table.
"""

from __future__ import annotations

import argparse
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


# --- run_cli: the two-sided command line of the bench_<area>.py scripts ---------------------

# option name -> (flag, type, help); a script picks the options it takes, with their defaults
OPTIONS = {
    "small": ("--small", int, "lists in the small array"),
    "lists": ("--lists", int, "lists in the large array"),
    "only": ("--only", str, "comma-separated substrings of operation names"),
    "repeat": ("--repeat", int, "batches per figure"),  # both sizes, unless --large-repeat is there
    "large_repeat": ("--large-repeat", int, "batches per figure on the large array"),
    "min_batch": ("--min-batch", float, "seconds a timed batch lasts at least"),
    "rounds": ("--rounds", int, "rounds of theirs, ours; each figure keeps its best round"),
}

DEFAULT_HEADERS = ("operation", "size", "ours µs", "2.14 µs", "ours/2.14")


def run_cli(cases, build_source, description, *, options=None, size_format=None, headers=DEFAULT_HEADERS, floor=None):
    """Time ``cases`` on both sides and print a Markdown table; the ``main`` of a bench script.

    ``cases``: ``(name, statement)`` pairs. ``build_source``: Python source run once per size,
    in a namespace that holds ``N`` (the number of lists), ``np`` and ``ak`` (each side's own);
    it defines the names the statements use. ``options``: the optional flags the script takes
    (names of ``OPTIONS``) and their defaults; ``--lists`` (default 3e6), ``--ref`` and
    ``--worker`` are always there. Without ``--repeat``/``--large-repeat``, a figure is the best
    of 7 batches (small) or 3 (large); without ``--rounds``, one round. ``size_format``: None
    labels the sizes "small"/"large", else they read "<small> lists" and "<lists:size_format>
    lists". ``floor(name, ours_figures)``, if given, returns the seconds of the floor for case
    ``name`` (``ours_figures``: our figures at that size, by name) and adds an ``ours/floor``
    column. Returns ``(ours, theirs)``, each ``{size: {name: seconds or error text}}``, or
    None in a worker.
    """
    args = _parse_args(description, {"lists": 3_000_000, **(options or {})})
    if args.worker:
        print(json.dumps(_time_cases(build_source, json.loads(sys.stdin.read()))))
        return None
    only = [x for x in getattr(args, "only", "").split(",") if x]
    cases = [case for case in cases if not only or any(o in case[0] for o in only)]
    small = getattr(args, "small", 100)
    if size_format is None:
        sizes = {"small": small, "large": args.lists}
    else:
        sizes = {f"{small} lists": small, f"{args.lists:{size_format}} lists": args.lists}
    repeat = getattr(args, "repeat", 7)
    payload = {
        "sizes": sizes,
        "cases": cases,
        "repeat": [repeat, getattr(args, "large_repeat", getattr(args, "repeat", 3))],
        "min_batch": getattr(args, "min_batch", 0.02),
    }
    ref = ensure_ref(args.ref)
    script = os.path.abspath(sys.modules["__main__"].__file__)
    print(f"load average before: {load_average()}")
    ours, theirs = {}, {}
    for _ in range(getattr(args, "rounds", 1)):
        _keep_best(theirs, run_worker(ref, script, payload, ours=False))
        _keep_best(ours, run_worker(sys.executable, script, payload, ours=True))
    print(f"load average after:  {load_average()}\n")
    rows = []
    for size in sizes:
        for name, _ in cases:
            mine, their = ours[size].get(name), theirs[size].get(name)
            row = [name, size, _cell(mine), _cell(their), _ratio(mine, their)]
            if floor is not None:
                row.append(_ratio(mine, floor(name, ours[size])))
            rows.append(row)
    print_table(rows, list(headers) + (["ours/floor"] if floor is not None else []))
    return ours, theirs


def _parse_args(description, defaults):
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name, default in defaults.items():
        flag, kind, text = OPTIONS[name]
        if name == "repeat" and "large_repeat" in defaults:
            text += " on the small array"
        parser.add_argument(flag, type=kind, default=default, help=f"{text} (default: {default})")
    parser.add_argument("--ref", default=default_ref(), help="python with awkward 2.14 (default: %(default)s)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def _time_cases(build_source, payload) -> dict:
    """The worker: build the data per size, time every case; failures become error text."""
    out = {}
    for (size, n), repeat in zip(payload["sizes"].items(), payload["repeat"]):
        namespace = {"N": n}
        exec("import numpy as np\nimport awkward as ak\n" + build_source, namespace)
        out[size] = {}
        for name, stmt in payload["cases"]:
            try:
                out[size][name] = best_seconds(stmt, namespace, repeat=repeat, min_batch=payload["min_batch"])
            except Exception as err:  # noqa: BLE001  (a missing or failing operation shows up in the table)
                out[size][name] = f"{type(err).__name__}: {err}"[:200]
    return out


def _keep_best(best: dict, figures: dict) -> None:
    """Merge one round's figures into ``best``: a time beats an error, a smaller time a larger."""
    for size, by_name in figures.items():
        into = best.setdefault(size, {})
        for name, value in by_name.items():
            old = into.get(name)
            if not isinstance(old, float) or (isinstance(value, float) and value < old):
                into[name] = value


def _cell(value) -> str:
    return value[:40] if isinstance(value, str) else format_time(value)


def _ratio(ours, theirs) -> str:
    return format_ratio(ours, theirs) if isinstance(ours, float) and isinstance(theirs, float) else "-"
