"""The cupy-primitive kernels of the cuda backend (awkward/_connect/cuda/cupy_kernels.py) on
every specification case of their families, and on the large inputs of
tests/cuda_emulation/large_cases.py (many segments, long ones, NaN, ties, errors).

cupy's array API is numpy's for everything these functions use (cumsum with out=, argmax,
count_nonzero, searchsorted, bincount, argsort(kind="stable"), arange, astype, view, fancy
indexing), so without a GPU they run here with numpy standing in for cupy; tests-cuda/ runs the
same cases with cupy on a device.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("yaml")

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "dev"))
from kernelgen.spec import case_fits, load_all  # noqa: E402

sys.path.remove(str(REPO / "dev"))

from awkward._connect.cuda import cupy_kernels  # noqa: E402

FAMILIES = {f.name: f for f in load_all(REPO / "kernel-specification")}
UNWRITTEN = 123
CASES = [
    (FAMILIES[name], spec, case)
    for name in sorted(cupy_kernels.OVERRIDES)
    for spec in FAMILIES[name].specializations
    for case in FAMILIES[name].tests
    if case_fits(FAMILIES[name], spec, case)
]


def _length(expression, scalars):
    return int(eval(str(expression), {"__builtins__": {}}, dict(scalars)))


def run_case(family, spec, case, xp):
    scalars = {a.name: case.inputs[a.name] for a in family.args if not a.is_pointer}
    args = []
    for arg in family.args:
        if not arg.is_pointer:
            args.append(case.inputs[arg.name])
        elif arg.name in case.inputs:
            args.append(xp.asarray(np.array(case.inputs[arg.name], dtype=spec.dtypes[arg.name])))
        else:
            n = max(_length(arg.min_length, scalars), 0)
            args.append(xp.asarray(np.full(n, UNWRITTEN, dtype=spec.dtypes[arg.name])))
    launcher = cupy_kernels.CupyLauncher(
        type("Spec", (), {"family": family.name, "errors": tuple(m for _, m in family.errors)})()
    )
    result = launcher(*args)
    if case.error is not None:
        key, index = case.error["key"], case.error["index"]
        messages = dict(family.errors)
        assert result == (messages[key], index)
        return
    assert result is None
    for position, arg in enumerate(family.args):
        if arg.name in case.outputs:
            got = args[position]
            got = got.get() if hasattr(got, "get") else got
            want = np.array(case.outputs[arg.name], dtype=got.dtype)
            assert harness.same_values(got, want), f"{arg.name}: got {got}, expected {want}"


@pytest.mark.parametrize("family,spec,case", CASES, ids=[f"{s.symbol}-{c.name}" for _, s, c in CASES])
def test_cupy_kernel_with_numpy_standing_in(family, spec, case, monkeypatch):
    monkeypatch.setitem(sys.modules, "cupy", np)
    run_case(family, spec, case, np)


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


harness = _load("cupy_kernels_harness", REPO / "tests" / "generated" / "_kernel_harness.py")
large_cases = _load("cupy_kernels_large_cases", REPO / "tests" / "cuda_emulation" / "large_cases.py")
LARGE = large_cases.large_params([FAMILIES[name] for name in sorted(cupy_kernels.OVERRIDES)])


def run_large_case(family, spec, inputs, xp):
    """One large input (tests/cuda_emulation/large_cases.py) through the override, with `xp`
    for cupy, against the spec's definition."""
    args = [
        {"name": a.name, "pointer": a.is_pointer, "dir": a.dir, "type": a.type, "min_length": a.min_length}
        for a in family.args
    ]
    kernel = harness.Kernel(family.name, args, [list(e) for e in family.errors], family.cuda_threads)
    launcher = cupy_kernels.CupyLauncher(
        type("Spec", (), {"family": family.name, "errors": tuple(m for _, m in family.errors)})()
    )

    def runner(kernel, spec_record, call_args):
        moved = [xp.asarray(a) if isinstance(a, np.ndarray) else a for a in call_args]
        result = launcher(*moved)
        for host, device in zip(call_args, moved):
            if isinstance(host, np.ndarray) and device is not host:
                np.copyto(host, device.get() if hasattr(device, "get") else device)
        return result

    large_cases.check_against_reference(harness, family, kernel, {"dtypes": spec.dtypes, "has_cuda": True}, inputs, runner)


@pytest.mark.parametrize("family,spec,inputs,number", LARGE, ids=[f"{f.name}-{n}" for f, _, _, n in LARGE])
def test_cupy_kernel_on_large_inputs_with_numpy_standing_in(family, spec, inputs, number, monkeypatch):
    monkeypatch.setitem(sys.modules, "cupy", np)
    run_large_case(family, spec, inputs, np)


def test_every_override_is_a_spec_family():
    assert set(cupy_kernels.OVERRIDES) <= set(FAMILIES)
    assert len(CASES) >= 20
