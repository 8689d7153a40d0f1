"""Every CUDA kernel source compiles with nvcc (skipped where nvcc is not on PATH).

No GPU is needed: this catches syntax and type errors in awkward/_connect/cuda/kernels/*.cu,
and checks that each .cu file defines every symbol its specification lists.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
KERNELS_DIR = REPO / "awkward" / "_connect" / "cuda" / "kernels"
SOURCES = sorted(KERNELS_DIR.glob("*.cu"))


def test_there_are_cuda_sources():
    assert len(SOURCES) >= 12


@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_cuda_source_defines_the_spec_symbols(source):
    yaml = pytest.importorskip("yaml")
    spec = yaml.safe_load((REPO / "kernel-specification" / f"{source.stem}.yaml").read_text())
    defined = set(re.findall(r'extern\s+"C"\s+__global__\s+void\s+(\w+)\s*\(', source.read_text()))
    assert defined == {s["symbol"] for s in spec["specializations"]}


@pytest.mark.skipif(shutil.which("nvcc") is None, reason="nvcc is not on PATH")
@pytest.mark.parametrize("source", SOURCES, ids=[p.stem for p in SOURCES])
def test_cuda_source_compiles(source, tmp_path):
    result = subprocess.run(
        ["nvcc", "-c", "-std=c++17", f"-I{KERNELS_DIR}", "-o", str(tmp_path / "kernel.o"), str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
