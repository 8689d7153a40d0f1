"""Every snippet of docs/migration-from-awkward1.md runs.

Blocks fenced ```python run, each in a fresh namespace, and must not raise. Blocks fenced
```python awkward1 show awkward 1 code for comparison: they need awkward 1, so they are only
compiled (a syntax error in the guide still fails)."""

import pathlib
import re

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
        return  # awkward 1 code: needs awkward 1 to run
    assert tags == [], f"unknown fence tags {tags} at line {line}"
    exec(compiled, {"__name__": f"migration_guide_line{line}"})
