"""Style and layering checks run as part of the suite (ruff's banned-api keeps numpy/cupy inside
awkward/_nplikes and awkward/_connect; import-linter keeps the layers pointing one way)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).parent / name)
    if not Path(found).exists():
        pytest.fail(f"{name} is a test dependency (pip install '.[test]') but is not installed")
    return found


def test_ruff_check_passes():
    result = subprocess.run(
        [_tool("ruff"), "check", "awkward", "tests", "tests-cuda", "dev", "conftest.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_layers_are_kept():
    result = subprocess.run(
        [_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
