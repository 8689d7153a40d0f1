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
