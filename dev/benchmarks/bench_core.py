#!/usr/bin/env python3
"""Core operations: our package (this source tree) against awkward 2.14, same data, same run.

Both sides run this very file as a worker (``--worker``) in their own subprocess: ours with
the source tree on PYTHONPATH, awkward 2.14 from a separate venv (``--ref PYTHON``). The
data are built by the same deterministic code on both sides (no random generator whose
stream could differ between numpy versions). Each operation is timed timeit-style: batches
grow until one lasts ``--min-batch`` seconds, and the minimum over ``--repeat`` batches is
kept. The table gives microseconds per call and the ratio ours/theirs (below 1: we are
faster). An operation our package lacks is reported as "missing" and listed at the end.

    python dev/benchmarks/bench_core.py                        # small (100) and large (10^7 values)
    python dev/benchmarks/bench_core.py --values 1000000 --rounds 1   # quicker
    python dev/benchmarks/bench_core.py --virtual              # same data behind lazy buffers
    python dev/benchmarks/bench_core.py --only mask,arith      # a subset (substring of the name)
    python dev/benchmarks/bench_core.py --profile "jagged mask" --size large [--side theirs]
"""

from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

# ---------------------------------------------------------------------- the data (both sides)
# ``events``: records {x: var * float64, y: float64}; list lengths cycle 0..10 (mean 5),
# values cycle through [0, 1) so that ``x > 0.5`` keeps about half of them.
DATA_SOURCE = """
def make_buffers(n):
    counts = np.arange(n, dtype=np.int64) % 11
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    total = int(offsets[-1])
    x = (np.arange(total, dtype=np.int64) * 7 % 1000) / 1000.0
    y = (np.arange(n, dtype=np.int64) * 13 % 1000) / 1000.0
    return offsets, x, y

def make_layout(n):
    offsets, x, y = make_buffers(n)
    jagged = ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(x))
    return ak.contents.RecordArray([jagged, ak.contents.NumpyArray(y)], ["x", "y"])

def virtualize(layout):
    # the same layout behind lazy buffers: every container value becomes a callable
    form, length, container = ak.to_buffers(layout)
    lazy = {key: (lambda value=value: value) for key, value in container.items()}
    return ak.from_buffers(form, length, lazy, highlevel=False)

def make_records(n):
    offsets, x, y = make_buffers(n)
    xs = x.tolist()
    return [{"x": xs[offsets[i]:offsets[i + 1]], "y": float(y[i])} for i in range(n)]
"""

# (name, sizes, statement, ak functions it needs). ``events`` is the high-level array,
# ``layout`` its layout, ``jag`` = events.x, ``flat`` = events.y, ``raw_x`` the numpy content
# of x. Sizes: "small" and "large" are the two regimes; "fixed" runs once at its own size.
CASES = [
    ("ak.Array(layout)", ("small", "large"), "ak.Array(layout)", ()),
    ("field access array.x", ("small", "large"), "events.x", ()),
    ("range slice array[10:20]", ("small", "large"), "events[10:20]", ()),
    ("integer index array[5]", ("small", "large"), "events[5]", ()),
    ("jagged slice array[:, 1:]", ("small", "large"), "jag[:, 1:]", ()),
    ("jagged mask array[array > 0.5]", ("small", "large"), "jag[jag > 0.5]", ()),
    ("jagged arithmetic array.x * 2 + 1", ("small", "large"), "events.x * 2 + 1", ()),
    ("ak.num(array, axis=1)", ("small", "large"), "ak.num(jag, axis=1)", ("num",)),
    ("ak.flatten(array)", ("small", "large"), "ak.flatten(jag)", ("flatten",)),
    ("ak.sum(array, axis=-1)", ("small", "large"), "ak.sum(jag, axis=-1)", ("sum",)),
    ("ak.to_list(array)", ("small",), "ak.to_list(events)", ("to_list",)),
    ("ak.from_iter(10^5 records)", ("fixed",), "ak.from_iter(records)", ("from_iter",)),
    ("from_buffers(*to_buffers(array))", ("small", "large"), "ak.from_buffers(*ak.to_buffers(events))", ()),
    ("repr(array)", ("small", "large"), "repr(events)", ()),
    ("str(array)", ("small", "large"), "str(events)", ()),
    ("ak.to_numpy(array.y)", ("small", "large"), "ak.to_numpy(flat)", ("to_numpy",)),
    # numpy on the same bytes: the memory-bandwidth floor, and a noise gauge (ratio ~1)
    ("numpy floor: x * 2 + 1", ("small", "large"), "raw_x * 2 + 1", ()),
    ("numpy floor: x[x > 0.5]", ("small", "large"), "raw_x[raw_x > 0.5]", ()),
]
FIXED_RECORDS = 100_000
LAZY_COLUMNS, LAZY_TOUCHED = 100, ("c0", "c50", "c99")


# ---------------------------------------------------------------------- worker (one side)
def _namespace(size_events, virtual):
    import numpy as np

    import awkward as ak

    ns = {"ak": ak, "np": np}
    exec(DATA_SOURCE, ns)
    layout = ns["make_layout"](size_events)
    if virtual:
        layout = ns["virtualize"](layout)
    events = ak.Array(layout)
    ns.update(layout=layout, events=events, jag=events.x, flat=events.y)
    ns["raw_x"] = ns["make_buffers"](size_events)[1]
    return ns


def _run_case(stmt, needs, ns, repeat, min_batch):
    missing = [name for name in needs if not hasattr(ns["ak"], name)]
    if missing:
        return {"missing": "ak." + ", ak.".join(missing)}
    try:
        return {"seconds": _harness.best_seconds(stmt, ns, repeat=repeat, min_batch=min_batch)}
    except Exception as err:  # report, keep going: one broken operation must not hide the rest
        return {"error": f"{type(err).__name__}: {str(err).strip().splitlines()[0][:120] if str(err).strip() else ''}"}


def _lazy_case(n_events, repeat, min_batch):
    """from_buffers over LAZY_COLUMNS jagged columns given as callables, then touch a few.

    Counts generator calls and the bytes they return, against the bytes the touched columns
    need (their offsets and data).
    """
    import numpy as np

    import awkward as ak

    ns = {"ak": ak, "np": np}
    exec(DATA_SOURCE, ns)
    offsets, x, _ = ns["make_buffers"](n_events)
    form = {
        "class": "RecordArray",
        "fields": [f"c{i}" for i in range(LAZY_COLUMNS)],
        "contents": [
            {
                "class": "ListOffsetArray",
                "offsets": "i64",
                "form_key": f"c{i}.list",
                "content": {"class": "NumpyArray", "primitive": "float64", "form_key": f"c{i}.data"},
            }
            for i in range(LAZY_COLUMNS)
        ],
    }
    log = []  # (key, nbytes) of every generator call

    def generator(key, value):
        def generate():
            log.append((key, value.nbytes))
            return value

        return generate

    container = {}
    for i in range(LAZY_COLUMNS):
        container[f"c{i}.list-offsets"] = generator(f"c{i}.list-offsets", offsets)
        container[f"c{i}.data-data"] = generator(f"c{i}.data-data", x)
    needed = len(LAZY_TOUCHED) * (offsets.nbytes + x.nbytes)

    def build():
        return ak.from_buffers(form, n_events, container)

    def touch(array):
        for field in LAZY_TOUCHED:
            array[field] * 2

    out = {"needed_bytes": needed, "total_bytes": LAZY_COLUMNS * (offsets.nbytes + x.nbytes)}
    for stage, action in (
        ("from_buffers", lambda: build()),
        ("touch", lambda: touch(build())),
        ("repr", lambda: repr(build())),
    ):
        del log[:]
        try:
            action()
        except Exception as err:
            out[stage] = {"error": f"{type(err).__name__}: {str(err)[:120]}"}
            continue
        out[stage] = {"calls": len(log), "bytes": sum(n for _, n in log)}
        del log[:]
        ns.update(build=build, touch=touch)
        stmt = {"from_buffers": "build()", "touch": "touch(build())", "repr": "repr(build())"}[stage]
        out[stage]["seconds"] = _harness.best_seconds(stmt, ns, repeat=repeat, min_batch=min_batch)
    return out


def _profile(config):
    import cProfile
    import io
    import pstats

    sizes = {"small": config["small"], "large": config["large_events"]}
    ns = _namespace(sizes[config["size"]], config["virtual"])
    (stmt,) = [stmt for name, _, stmt, _ in CASES if config["profile"].lower() in name.lower()][:1]
    _harness.best_seconds(stmt, ns, repeat=1, min_batch=0.01)  # warm caches first
    code = compile(f"for _ in range({config['profile_loops']}):\n    {stmt}", "<bench>", "exec")
    profiler = cProfile.Profile()
    profiler.runctx(code, ns, ns)
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats(config.get("sort", "cumulative")).print_stats(30)
    return {"profile": f"{stmt!r}, {config['profile_loops']} calls\n" + text.getvalue()}


def worker(config) -> dict:
    if config.get("profile"):
        return _profile(config)
    import awkward as ak

    results = {"version": ak.__version__}
    sizes = {"small": config["small"], "large": config["large_events"]}
    wanted = [c for c in CASES if _selected(c[0], config["only"])]
    for size_name, n_events in sizes.items():
        if not any(size_name in c[1] for c in wanted):
            continue
        try:
            ns = _namespace(n_events, config["virtual"])
        except Exception as err:
            for name, sizes_of_case, _, _ in wanted:
                if size_name in sizes_of_case:
                    results[f"{name}|{size_name}"] = {"error": f"setup: {type(err).__name__}: {err}"[:160]}
            continue
        repeat = config["repeat"] if size_name == "small" else config["large_repeat"]
        for name, sizes_of_case, stmt, needs in wanted:
            if size_name in sizes_of_case:
                results[f"{name}|{size_name}"] = _run_case(stmt, needs, ns, repeat, config["min_batch"])
        del ns
    fixed = [c for c in wanted if "fixed" in c[1]]
    if fixed:
        ns = {"ak": ak, "np": __import__("numpy")}
        exec(DATA_SOURCE, ns)
        ns["records"] = ns["make_records"](FIXED_RECORDS)
        for name, _, stmt, needs in fixed:
            results[f"{name}|fixed"] = _run_case(stmt, needs, ns, config["large_repeat"], config["min_batch"])
    if _selected("lazy", config["only"]):
        for size_name, n_events in (("small", config["small"]), ("large", max(config["large_events"] // LAZY_COLUMNS, 1))):
            try:
                results[f"lazy|{size_name}"] = _lazy_case(n_events, config["repeat"], config["min_batch"])
            except Exception as err:
                results[f"lazy|{size_name}"] = {"error": f"{type(err).__name__}: {err}"[:160]}
    return results


def _selected(name, only) -> bool:
    return not only or any(part.lower() in name.lower() for part in only)


# ---------------------------------------------------------------------- parent: run both, print
def _cell(result):
    if result is None:
        return None, "-"
    if "seconds" in result:
        return result["seconds"], _harness.format_time(result["seconds"])
    if "missing" in result:
        return None, "missing"
    return None, "error"


def _size_label(size_name, config):
    if size_name == "small":
        return f"{config['small']} ev"
    if size_name == "large":
        return f"{config['large_events']:.0e} ev / {config['large_values']:.0e} val".replace("e+0", "e")
    return f"{FIXED_RECORDS:.0e} rec".replace("e+0", "e")


def report(config, ours, theirs) -> None:
    print(f"ours: awkward {ours.get('version')} (source tree); theirs: awkward {theirs.get('version')}")
    print(
        f"best of {config['rounds']} rounds x {config['repeat']} (small) / {config['large_repeat']} (large) batches of >= "
        f"{config['min_batch'] * 1e3:.0f} ms; µs per call; ratio = ours / theirs (< 1: we are faster)"
        + ("; buffers VIRTUAL on both sides" if config["virtual"] else "")
    )
    rows, problems = [], []
    for name, sizes, _, _ in CASES:
        for size_name in sizes:
            key = f"{name}|{size_name}"
            if key not in ours and key not in theirs:
                continue
            o, o_text = _cell(ours.get(key))
            t, t_text = _cell(theirs.get(key))
            rows.append([name, _size_label(size_name, config), o_text, t_text, _harness.format_ratio(o, t)])
            for side, res in (("ours", ours.get(key)), ("theirs", theirs.get(key))):
                if res and "seconds" not in res:
                    problems.append(f"{side:6s} {name} [{size_name}]: {res.get('missing') or res.get('error')}")
    _harness.print_table(rows, ["operation", "size", "ours µs", "theirs µs", "ratio"])
    lazy_rows = []
    for size_name in ("small", "large"):
        o, t = ours.get(f"lazy|{size_name}"), theirs.get(f"lazy|{size_name}")
        if not o and not t:
            continue
        for stage, label in (("from_buffers", "from_buffers"), ("touch", f"+ touch {len(LAZY_TOUCHED)} (col * 2)"), ("repr", "+ repr")):
            line = [label, _lazy_size(o or t, size_name)]
            for side_name, res in (("ours", o), ("theirs", t)):
                part = (res or {}).get(stage)
                if not part or "error" in part:
                    line += ["error", "-"]
                    problems.append(f"{side_name:6s} lazy {stage} [{size_name}]: {(part or {}).get('error')}")
                else:
                    line += [_harness.format_time(part["seconds"]), f"{part['calls']} / {_bytes(part['bytes'])}"]
            so = (o or {}).get(stage, {}).get("seconds")
            st = (t or {}).get(stage, {}).get("seconds")
            line += [_harness.format_ratio(so, st), _bytes((o or t)["needed_bytes"]) if stage == "touch" else "0"]
            lazy_rows.append(line)
    if lazy_rows:
        print(f"\nlazy reading: {LAZY_COLUMNS} jagged float64 columns as callables; calls / bytes materialized")
        _harness.print_table(
            lazy_rows,
            ["lazy stage", "size", "ours µs", "ours calls/bytes", "theirs µs", "theirs calls/bytes", "ratio", "bytes needed"],
        )
    if problems:
        print("\nmissing or failing:")
        for line in problems:
            print("  " + line)


def _lazy_size(res, size_name):
    per_column = res["total_bytes"] // LAZY_COLUMNS
    return f"{size_name}, {_bytes(per_column)}/col"


def _bytes(n) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return str(n)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=100, help="events in the small regime")
    parser.add_argument("--values", type=int, default=10_000_000, help="jagged values in the large regime")
    parser.add_argument("--repeat", type=int, default=7, help="batches per small measurement")
    parser.add_argument("--large-repeat", type=int, default=3, help="batches per large measurement")
    parser.add_argument("--min-batch", type=float, default=0.02, help="seconds one batch lasts at least")
    parser.add_argument("--rounds", type=int, default=2, help="alternating runs per side (best kept)")
    parser.add_argument("--only", default="", help="comma-separated substrings of operation names ('lazy' too)")
    parser.add_argument("--virtual", action="store_true", help="put the data behind callables (from_buffers)")
    parser.add_argument("--ref", default=_harness.default_ref(), help="python with awkward 2.14")
    parser.add_argument("--ours", default=sys.executable, help="python for our side (default: this one)")
    parser.add_argument("--profile", help="cProfile one operation (substring of its name) instead")
    parser.add_argument("--size", default="large", choices=("small", "large"), help="size for --profile")
    parser.add_argument("--side", default="ours", choices=("ours", "theirs"), help="side for --profile")
    parser.add_argument("--sort", default="cumulative", help="pstats order for --profile (cumulative, tottime)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        print(json.dumps(worker(json.loads(sys.stdin.read()))))
        return
    config = {
        "small": args.small,
        "large_values": args.values,
        "large_events": max(args.values // 5, 1),  # list lengths average 5
        "repeat": args.repeat,
        "large_repeat": args.large_repeat,
        "min_batch": args.min_batch,
        "rounds": args.rounds,
        "only": [part for part in args.only.split(",") if part],
        "virtual": args.virtual,
        "profile": args.profile,
        "size": args.size,
        "sort": args.sort,
        "profile_loops": 2000 if args.size == "small" else 5,
    }
    script = os.path.abspath(__file__)
    ref = _harness.ensure_ref(args.ref)
    if args.profile:
        python, ours = (args.ours, True) if args.side == "ours" else (ref, False)
        print(_harness.run_worker(python, script, config, ours=ours)["profile"])
        return
    print(f"load average before: {_harness.load_average()}")
    # Rounds alternate theirs/ours so that a burst of load from elsewhere hits both sides;
    # each measurement keeps its best round.
    theirs, ours, wall = {}, {}, {"theirs": 0.0, "ours": 0.0}
    for _ in range(args.rounds):
        for side, python, into in (("theirs", ref, theirs), ("ours", args.ours, ours)):
            start = _harness.now()
            _keep_best(into, _harness.run_worker(python, script, config, ours=side == "ours"))
            wall[side] += _harness.now() - start
    print(
        f"load average after:  {_harness.load_average()}; wall: theirs {wall['theirs']:.0f} s, "
        f"ours {wall['ours']:.0f} s, {args.rounds} round(s)\n"
    )
    report(config, ours, theirs)


def _keep_best(best: dict, new: dict) -> None:
    """Merge one round's results into ``best``, keeping the smaller time per measurement."""
    for key, value in new.items():
        old = best.get(key)
        if not isinstance(value, dict) or old is None:
            best[key] = value
        elif "seconds" in value and "seconds" in old:
            old["seconds"] = min(old["seconds"], value["seconds"])
        elif key.startswith("lazy|"):
            for stage, part in value.items():
                if isinstance(part, dict) and "seconds" in part and "seconds" in old.get(stage, {}):
                    old[stage]["seconds"] = min(old[stage]["seconds"], part["seconds"])


if __name__ == "__main__":
    main()
