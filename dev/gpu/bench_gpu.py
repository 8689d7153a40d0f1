"""GPU against CPU on one jagged array of N float64 values (issue 18's benchmark).

Times ak.sum(axis=1), a jagged mask (x[x > 0.5]), ak.num(axis=1) and ak.sum(axis=0) on the "cpu"
and the "cuda" backend (cupy.cuda synchronized around every call; medians of several runs, after
one warm-up that also compiles the CUDA kernels), checks that both backends give the same result,
and writes a markdown table to --out, rewritten after every case so that a later failure or a
timeout keeps what was measured. A case that raises is reported as an error row and the others
still run. Run by dev/gpu/run_all.sh; needs cupy and a GPU.

    python dev/gpu/bench_gpu.py --n 100000000 --out bench.md
    python dev/gpu/bench_gpu.py --n 1000000 --device-backend cpu   # dry run without a GPU
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import traceback


def _parse():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000_000, help="number of float64 values")
    parser.add_argument("--mean-length", type=int, default=10, help="mean list length")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per case (median)")
    parser.add_argument("--out", default=None, help="markdown file to write")
    parser.add_argument(
        "--device-backend", default="cuda", choices=("cuda", "cpu"),
        help="backend of the 'device' side; cpu is a dry run of this script without a GPU",
    )
    return parser.parse_args()


def _median_time(function, repeat, sync):
    function()  # warm-up: kernel compilation, allocator pools
    sync()
    times = []
    result = None
    for _ in range(repeat):
        sync()
        start = time.perf_counter()
        result = function()
        sync()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _same(ak, numpy, r_cpu, r_dev):
    back = ak.to_backend(r_dev, "cpu")
    flat_cpu = numpy.asarray(ak.flatten(r_cpu, axis=None))
    flat_dev = numpy.asarray(ak.flatten(back, axis=None))
    return (
        len(r_cpu) == len(back)
        and flat_cpu.shape == flat_dev.shape
        and bool(numpy.allclose(flat_cpu, flat_dev, rtol=1e-9, atol=0))
        and ak.to_list(ak.num(r_cpu, axis=0)) == ak.to_list(ak.num(back, axis=0))
    )


def _write(path, header, rows):
    lines = header + ["| operation | cpu (ms) | device (ms) | speed-up | same result |", "|---|---|---|---|---|"]
    for label, t_cpu, t_dev, same, error in rows:
        if error is not None:
            lines.append(f"| {label} | {'' if t_cpu is None else f'{t_cpu * 1e3:.1f}'} | ERROR | | {error} |")
        else:
            lines.append(f"| {label} | {t_cpu * 1e3:.1f} | {t_dev * 1e3:.2f} | {t_cpu / t_dev if t_dev else float('inf'):.1f}x | {same} |")
    text = "\n".join(lines) + "\n"
    if path:
        with open(path, "w", encoding="utf-8") as file:
            file.write(text)
    return text


def main():
    args = _parse()
    if args.device_backend == "cuda":
        try:
            import cupy
        except ImportError:
            sys.exit("bench_gpu.py needs cupy (and a CUDA device): cupy is not importable")
        if cupy.cuda.runtime.getDeviceCount() < 1:
            sys.exit("bench_gpu.py needs a CUDA device: cupy sees none")
        device = cupy.cuda.Device(0)
        sync = device.synchronize
        name = cupy.cuda.runtime.getDeviceProperties(0)["name"].decode()
    else:
        def sync():
            return None

        name = "the CPU (dry run: --device-backend cpu)"
    import numpy

    import awkward as ak

    rng = numpy.random.default_rng(12345)
    n = args.n
    lengths = rng.integers(0, 2 * args.mean_length + 1, size=n // args.mean_length + 1)
    offsets = numpy.zeros(len(lengths) + 1, dtype=numpy.int64)
    numpy.cumsum(lengths, out=offsets[1:])
    offsets = numpy.minimum(offsets, n)  # the last lists absorb the rounding
    if offsets[-1] < n:
        offsets[-1] = n
    values = rng.random(n)
    layout = ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values))
    cpu = ak.Array(layout)
    t0 = time.perf_counter()
    dev = ak.to_backend(cpu, args.device_backend)
    sync()
    transfer = time.perf_counter() - t0
    print(f"{n} values in {len(offsets) - 1} lists; to_backend({args.device_backend!r}) took {transfer:.3f} s", flush=True)

    cpu_repeat = max(1, min(args.repeat, 3))
    header = [
        "",
        f"## Benchmark: {n} float64 values, {len(offsets) - 1} lists, on {name}",
        "",
        f"medians of {args.repeat} device runs (synchronized) and {cpu_repeat} CPU runs, after a "
        f"warm-up; to_backend({args.device_backend!r}) of the input: {transfer:.3f} s",
        "",
    ]
    cases = [
        ("ak.sum(x, axis=1)", lambda x: ak.sum(x, axis=1)),
        ("x[x > 0.5] (jagged mask)", lambda x: x[x > 0.5]),
        ("ak.num(x, axis=1)", lambda x: ak.num(x, axis=1)),
        ("ak.sum(x, axis=0)", lambda x: ak.sum(x, axis=0)),
    ]
    rows = []
    _write(args.out, header, rows)
    for label, function in cases:
        t_cpu = None
        try:
            t_cpu, r_cpu = _median_time(lambda f=function: f(cpu), cpu_repeat, lambda: None)
            t_dev, r_dev = _median_time(lambda f=function: f(dev), args.repeat, sync)
            same = _same(ak, numpy, r_cpu, r_dev)
            rows.append((label, t_cpu, t_dev, same, None))
            print(f"{label}: cpu {t_cpu * 1e3:.1f} ms, device {t_dev * 1e3:.2f} ms, "
                  f"speed-up {t_cpu / t_dev if t_dev else float('inf'):.1f}x, equal: {same}", flush=True)
        except Exception as err:  # one broken case must not cost the others' figures
            traceback.print_exc()
            message = f"{type(err).__name__}: {err}".replace("|", "/").replace("\n", " ")[:200]
            rows.append((label, t_cpu, None, False, message))
            print(f"{label}: ERROR {message}", flush=True)
        _write(args.out, header, rows)
    print(_write(args.out, header, rows))
    if not all(row[3] for row in rows):
        sys.exit("some device results differ from the cpu results, or a case failed (see the table)")


if __name__ == "__main__":
    main()
