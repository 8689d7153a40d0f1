"""Every specification case against the CUDA kernels, run on the CPU (no GPU needed).

Each awkward/_connect/cuda/kernels/<family>.cu is compiled by g++ as C++20 with
tests/cuda_emulation/cuda_emulation.h force-included: CUDA threads become real threads (one
Python thread each, through ctypes, which releases the GIL), so the block scans' barriers and
warp shuffles and the error word's atomics behave as on a device, blocks one after another. The
launch is deliberately unlike the convention (40 threads per block: a full warp and a partial one;
up to 3 blocks), since every kernel must be correct for any launch shape. Skipped where g++ is absent.
tests-cuda/test_cuda_kernels.py runs the same cases on a real GPU.
"""

from __future__ import annotations

import ctypes
import importlib.util
import math
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("yaml")
if shutil.which("g++") is None:
    pytest.skip("g++ is not on PATH", allow_module_level=True)

REPO = Path(__file__).resolve().parent.parent
KERNELS_DIR = REPO / "awkward" / "_connect" / "cuda" / "kernels"
SHIM = Path(__file__).resolve().parent / "cuda_emulation" / "cuda_emulation.h"
BLOCK = 40
MAX_BLOCKS = 3

sys.path.insert(0, str(REPO / "dev"))
from kernelgen.spec import case_fits, load_all  # noqa: E402

sys.path.remove(str(REPO / "dev"))

_spec = importlib.util.spec_from_file_location(
    "emulated_kernel_harness", REPO / "tests" / "generated" / "_kernel_harness.py"
)
harness = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(harness)
_spec = importlib.util.spec_from_file_location("cuda_large_cases", SHIM.parent / "large_cases.py")
large_cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(large_cases)

FAMILIES = [f for f in load_all(REPO / "kernel-specification") if f.cuda_threads is not None]
FAMILIES = [f for f in FAMILIES if (KERNELS_DIR / f"{f.name}.cu").exists()]
# every case once, on the widest specialization it fits (the dtypes are nvcc's business,
# tests/test_cuda_sources_compile.py; here it is the parallel logic)
PARAMS = [
    (family, fitting[-1], case)
    for family in FAMILIES
    for case in family.tests
    for fitting in [[s for s in family.specializations if case_fits(family, s, case)]]
    if fitting
]
_libraries: dict[str, ctypes.CDLL] = {}
_compile_lock = threading.Lock()


@pytest.fixture(scope="session")
def build_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("cuda_emulation")


def library(family: str, build_dir: Path, defines: tuple[str, ...] = ()) -> ctypes.CDLL:
    key = "-".join((family, *defines))
    with _compile_lock:
        if key not in _libraries:
            out = build_dir / f"{key}.so"
            result = subprocess.run(
                ["g++", "-std=c++20", "-O0", "-shared", "-fPIC", "-pthread", "-include", str(SHIM),
                 *(f"-D{d}" for d in defines),
                 f"-I{KERNELS_DIR}", "-x", "c++", str(KERNELS_DIR / f"{family}.cu"), "-o", str(out)],
                capture_output=True, text=True, timeout=600,
            )
            assert result.returncode == 0, result.stderr[-3000:]
            _libraries[key] = ctypes.CDLL(str(out))
        return _libraries[key]


def run_emulated(lib, symbol, threads_expression):
    def runner(kernel, spec, call_args):
        function = getattr(lib, symbol)
        arguments = []
        for arg, value in zip(kernel.args, call_args):
            if arg["pointer"]:
                arguments.append(ctypes.c_void_p(value.ctypes.data if value.size else 0))
            elif arg["type"] == "bool":
                arguments.append(ctypes.c_bool(bool(value)))
            else:
                arguments.append(ctypes.c_int64(int(value)))
        err = np.full(1, harness.CUDA_NO_ERROR, dtype=np.int64)
        arguments.append(ctypes.c_void_p(err.ctypes.data))
        function.restype = None
        threads = harness.length_of(threads_expression, kernel.scalars_from_args(call_args))
        blocks = min(max(math.ceil(threads / BLOCK), 1), MAX_BLOCKS)
        for block in range(blocks):
            lib.awkward_emu_begin_block(ctypes.c_uint(BLOCK), ctypes.c_uint(blocks))

            def one_thread(block=block, thread=0):
                lib.awkward_emu_set_thread(ctypes.c_uint(block), ctypes.c_uint(thread))
                function(*arguments)
                lib.awkward_emu_end_thread()

            workers = [threading.Thread(target=one_thread, args=(block, t), daemon=True) for t in range(BLOCK)]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join(timeout=60)
                assert not worker.is_alive(), f"{symbol}: block {block} did not finish (a barrier deadlock?)"
        return harness.decode_cuda_error(err[0], kernel.messages)

    return runner


def _as_harness(family, spec, case):
    args = [
        {"name": a.name, "pointer": a.is_pointer, "dir": a.dir, "type": a.type, "min_length": a.min_length}
        for a in family.args
    ]
    kernel = harness.Kernel(family.name, args, [list(e) for e in family.errors], family.cuda_threads)
    return (
        kernel,
        {"dtypes": spec.dtypes, "has_cuda": True},
        {"inputs": case.inputs, "outputs": case.outputs, "error": case.error},
    )


@pytest.mark.parametrize(
    "family,spec,case", PARAMS, ids=[f"{s.symbol}-{c.name}" for _, s, c in PARAMS]
)
def test_cuda_kernel_case_emulated(family, spec, case, build_dir):
    kernel, spec_record, case_record = _as_harness(family, spec, case)
    lib = library(family.name, build_dir)
    kernel.check(run_emulated(lib, spec.symbol, family.cuda_threads), spec_record, case_record)


# every segment of more than one item through the block-per-segment path of awkward_cuda_reduce.h
BLOCK_REDUCE = ("AWKWARD_CUDA_REDUCE_SHORT=1",)
ORDERED = ("awkward_reduce_sum", "awkward_reduce_prod")  # float results depend on the order


def _reducer_params():
    """Every case of the reducers on their widest specialization; for sums and products an
    integer one (the block path adds in another order, exact for integers only), or none."""
    out = []
    for family in FAMILIES:
        if "awkward_cuda_reduce.h" not in (KERNELS_DIR / f"{family.name}.cu").read_text():
            continue
        for case in family.tests:
            fitting = [s for s in family.specializations if case_fits(family, s, case)]
            if family.name in ORDERED:
                fitting = [s for s in fitting if not s.dtypes["toptr"].startswith("float")]
            if fitting:
                out.append((family, fitting[-1], case))
    return out


REDUCERS = _reducer_params()


@pytest.mark.parametrize(
    "family,spec,case", REDUCERS, ids=[f"{s.symbol}-{c.name}" for _, s, c in REDUCERS]
)
def test_reducer_case_emulated_with_every_segment_long(family, spec, case, build_dir):
    kernel, spec_record, case_record = _as_harness(family, spec, case)
    lib = library(family.name, build_dir, BLOCK_REDUCE)
    kernel.check(run_emulated(lib, spec.symbol, family.cuda_threads), spec_record, case_record)


LARGE = large_cases.large_params(FAMILIES)


@pytest.mark.parametrize("family,spec,inputs,number", LARGE, ids=[f"{f.name}-{n}" for f, _, _, n in LARGE])
def test_kernels_on_many_tiles_match_the_reference(family, spec, inputs, number, build_dir):
    kernel, spec_record, _ = _as_harness(family, spec, next(iter(family.tests)))
    runner = run_emulated(library(family.name, build_dir), spec.symbol, family.cuda_threads)
    large_cases.check_against_reference(harness, family, kernel, spec_record, inputs, runner)
    if family in [p[0] for p in REDUCERS]:  # and with short segments long too
        runner = run_emulated(library(family.name, build_dir, BLOCK_REDUCE), spec.symbol, family.cuda_threads)
        large_cases.check_against_reference(harness, family, kernel, spec_record, inputs, runner)
