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
        [_tool("ruff"), "check", "awkward", "tests", "tests-cuda", "dev", "examples", "conftest.py"],
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


LOWER_LAYERS = ["_nplikes", "_backends", "_kernels.py", "index.py", "contents", "forms", "types", "record.py"]


def test_lower_layers_do_not_import_the_top_level_package():
    # `import awkward` / `import awkward as ak` from a lower layer would reach every higher layer.
    offenders = []
    for name in LOWER_LAYERS:
        path = ROOT / "awkward" / name
        files = [path] if path.is_file() else sorted(path.rglob("*.py"))
        for file in files:
            for number, line in enumerate(file.read_text().splitlines(), 1):
                stripped = line.strip()
                if stripped == "import awkward" or stripped.startswith("import awkward as "):
                    offenders.append(f"{file.relative_to(ROOT)}:{number}: {stripped}")
    assert not offenders, "\n".join(offenders)
