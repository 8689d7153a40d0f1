"""Run every specification test case against the CUDA kernels (cupy.RawModule).

Skipped unless cupy imports and a CUDA device is present. The cases, the launch convention and
the error decoding are the ones of tests/generated/_kernel_harness.py (loaded from there).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "dev"))
from kernelgen.spec import case_fits, load_all  # noqa: E402

sys.path.remove(str(REPO / "dev"))

_spec = importlib.util.spec_from_file_location(
    "cuda_kernel_harness", REPO / "tests" / "generated" / "_kernel_harness.py"
)
harness = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(harness)

pytestmark = pytest.mark.skipif(not harness.cuda_available(), reason="cupy and a CUDA device are needed")

FAMILIES = load_all(REPO / "kernel-specification")
PARAMS = [
    (family, spec, case)
    for family in FAMILIES
    if family.cuda_threads is not None
    for spec in family.specializations
    for case in family.tests
    if case_fits(family, spec, case)
]


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
def test_cuda_kernel_case(family, spec, case):
    kernel, spec_record, case_record = _as_harness(family, spec, case)
    runner = harness.run_cuda(family.name, spec.symbol, family.cuda_threads)
    kernel.check(runner, spec_record, case_record)


@pytest.mark.parametrize("family", [f for f in FAMILIES if f.cuda_threads], ids=lambda f: f.name)
def test_cuda_module_compiles_with_nvrtc(family):
    module = harness.cuda_module(family.name)
    for spec in family.specializations:
        module.get_function(spec.symbol)


_spec = importlib.util.spec_from_file_location("cuda_large_cases", REPO / "tests" / "cuda_emulation" / "large_cases.py")
large_cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(large_cases)
WITH_CUDA = [f for f in FAMILIES if f.cuda_threads is not None]
# scale 1: the emulation's sizes; scale 8: many tiles of a real 256-thread block too
LARGE = (
    [(f, s, i, f"{n}x{scale}") for scale in (1, 8) for f, s, i, n in large_cases.large_params(WITH_CUDA, scale)]
    if harness.cuda_available()
    else []  # nothing to build where these tests are skipped
)


@pytest.mark.parametrize("family,spec,inputs,number", LARGE, ids=[f"{f.name}-{n}" for f, _, _, n in LARGE])
def test_cuda_kernel_on_large_inputs(family, spec, inputs, number):
    """The .cu kernels (block scans, the nonlocal sort) over many tiles, errors included."""
    kernel, spec_record, _ = _as_harness(family, spec, next(iter(family.tests)))
    runner = harness.run_cuda(family.name, spec.symbol, family.cuda_threads)
    large_cases.check_against_reference(harness, family, kernel, spec_record, inputs, runner)


def test_cupy_overrides_on_large_inputs():
    """cupy_kernels.OVERRIDES (device-wide cupy primitives) on the same large inputs, with cupy."""
    import cupy

    _spec = importlib.util.spec_from_file_location("cupy_override_cases", REPO / "tests" / "test_cuda_cupy_kernels.py")
    module = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(module)
    for scale in (1, 8):
        overridden = [module.FAMILIES[name] for name in sorted(module.cupy_kernels.OVERRIDES)]
        for family, spec, inputs, _ in large_cases.large_params(overridden, scale):
            module.run_large_case(family, spec, inputs, cupy)
