"""GPU against CPU on one jagged array of N float64 values (issue 18's benchmark).

Times ak.sum(axis=1), a jagged mask (x[x > 0.5]) and ak.num(axis=1) on the "cpu" and the
"cuda" backend (cupy.cuda synchronized around every call; medians of several runs, after one
warm-up that also compiles the CUDA kernels), checks that both backends give the same result,
and writes a markdown table to --out. Run by dev/gpu/run_all.sh; needs cupy and a GPU.

    python dev/gpu/bench_gpu.py --n 100000000 --out bench.md
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time


def _parse():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000_000, help="number of float64 values")
    parser.add_argument("--mean-length", type=int, default=10, help="mean list length")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per case (median)")
    parser.add_argument("--out", default=None, help="markdown file to write")
    return parser.parse_args()


def _median_time(function, repeat, sync):
    function()  # warm-up: kernel compilation, allocator pools
    sync()
    times = []
    for _ in range(repeat):
        sync()
        start = time.perf_counter()
        result = function()
        sync()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    args = _parse()
    try:
        import cupy
    except ImportError:
        sys.exit("bench_gpu.py needs cupy (and a CUDA device): cupy is not importable")
    if cupy.cuda.runtime.getDeviceCount() < 1:
        sys.exit("bench_gpu.py needs a CUDA device: cupy sees none")
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
    device = cupy.cuda.Device(0)
    name = cupy.cuda.runtime.getDeviceProperties(0)["name"].decode()
    t0 = time.perf_counter()
    gpu = ak.to_backend(cpu, "cuda")
    device.synchronize()
    transfer = time.perf_counter() - t0
    print(f"{n} values in {len(offsets) - 1} lists; to_backend('cuda') took {transfer:.3f} s", flush=True)

    cases = [
        ("ak.sum(x, axis=1)", lambda x: ak.sum(x, axis=1)),
        ("x[x > 0.5] (jagged mask)", lambda x: x[x > 0.5]),
        ("ak.num(x, axis=1)", lambda x: ak.num(x, axis=1)),
    ]
    rows = []
    for label, function in cases:
        cpu_repeat = max(1, min(args.repeat, 3))
        t_cpu, r_cpu = _median_time(lambda f=function: f(cpu), cpu_repeat, lambda: None)
        t_gpu, r_gpu = _median_time(lambda f=function: f(gpu), args.repeat, device.synchronize)
        back = ak.to_backend(r_gpu, "cpu")
        flat_cpu = numpy.asarray(ak.flatten(r_cpu, axis=None))
        flat_gpu = numpy.asarray(ak.flatten(back, axis=None))
        same = len(r_cpu) == len(back) and flat_cpu.shape == flat_gpu.shape and bool(
            numpy.allclose(flat_cpu, flat_gpu, rtol=1e-9, atol=0)
        )
        rows.append((label, t_cpu, t_gpu, t_cpu / t_gpu if t_gpu else float("inf"), same))
        print(f"{label}: cpu {t_cpu * 1e3:.1f} ms, gpu {t_gpu * 1e3:.2f} ms, "
              f"speed-up {rows[-1][3]:.1f}x, equal: {same}", flush=True)

    lines = [
        "",
        f"## Benchmark: {n} float64 values, {len(offsets) - 1} lists, on {name}",
        "",
        f"medians of {args.repeat} GPU runs (synchronized) and {max(1, min(args.repeat, 3))} CPU "
        f"runs, after a warm-up; to_backend('cuda') of the input: {transfer:.3f} s",
        "",
        "| operation | cpu (ms) | cuda (ms) | speed-up | same result |",
        "|---|---|---|---|---|",
    ]
    for label, t_cpu, t_gpu, ratio, same in rows:
        lines.append(f"| {label} | {t_cpu * 1e3:.1f} | {t_gpu * 1e3:.2f} | {ratio:.1f}x | {same} |")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as file:
            file.write(text)
    if not all(row[4] for row in rows):
        sys.exit("the cuda results differ from the cpu results")


if __name__ == "__main__":
    main()
