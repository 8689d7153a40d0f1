"""The cupy-primitive kernels of the cuda backend (awkward/_connect/cuda/cupy_kernels.py) on
every specification case of their families.

cupy's array API is numpy's for everything these functions use (cumsum with out=, argmax,
count_nonzero, searchsorted, arange, astype), so without a GPU they run here with numpy standing
in for cupy; tests-cuda/ runs the same cases with cupy on a device.
"""

from __future__ import annotations

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
            assert got.tolist() == list(case.outputs[arg.name]), arg.name


@pytest.mark.parametrize("family,spec,case", CASES, ids=[f"{s.symbol}-{c.name}" for _, s, c in CASES])
def test_cupy_kernel_with_numpy_standing_in(family, spec, case, monkeypatch):
    monkeypatch.setitem(sys.modules, "cupy", np)
    run_case(family, spec, case, np)


def test_every_override_is_a_spec_family():
    assert set(cupy_kernels.OVERRIDES) <= set(FAMILIES)
    assert len(CASES) >= 20
