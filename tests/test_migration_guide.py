"""Every snippet of docs/migration-from-awkward1.md runs.

Blocks fenced ```python run, each in a fresh namespace, and must not raise. Blocks fenced
```python awkward1 show awkward 1 code for comparison: they run in a subprocess under an
interpreter that has awkward 1 (``AWKWARD1_PYTHON``; .ci/run makes one), and are skipped, after
a syntax check, where there is none."""

import os
import pathlib
import re
import subprocess

import pytest

GUIDE = pathlib.Path(__file__).resolve().parent.parent / "docs" / "migration-from-awkward1.md"
FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)


def _blocks():
    text = GUIDE.read_text()
    out = []
    for match in FENCE.finditer(text):
        info = match.group(1).split()
        if not info or info[0] != "python":
            continue
        line = text.count("\n", 0, match.start()) + 1
        out.append(pytest.param(info[1:], match.group(2), line, id=f"line{line}"))
    return out


BLOCKS = _blocks()


def test_guide_has_runnable_snippets_for_every_topic():
    text = GUIDE.read_text()
    for topic in ("ak.virtual", "cache", "Partitioned", "awkward 1", "Renamed"):
        assert topic in text
    runnable = [b for b in BLOCKS if not b.values[0]]
    assert len(runnable) >= 10


@pytest.mark.parametrize(("tags", "code", "line"), BLOCKS)
def test_snippet(tags, code, line):
    compiled = compile(code, f"{GUIDE.name}:{line}", "exec")
    if tags == ["awkward1"]:
        _run_under_awkward1(code, line)
        return
    assert tags == [], f"unknown fence tags {tags} at line {line}"
    exec(compiled, {"__name__": f"migration_guide_line{line}"})


def _awkward1_python():
    python = os.environ.get("AWKWARD1_PYTHON") or "/tmp/ak1venv/bin/python"
    return python if os.path.exists(python) else None


def _run_under_awkward1(code, line):
    python = _awkward1_python()
    if python is None:
        pytest.skip("awkward 1 is not installed: set AWKWARD1_PYTHON to a Python that has awkward==1.10.3")
    # from outside the repository and without PYTHONPATH, so that `import awkward` is awkward 1
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = subprocess.run([python, "-c", code], cwd="/", env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, f"awkward 1 block at line {line} failed:\n{result.stderr}"
