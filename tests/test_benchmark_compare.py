"""dev/benchmarks/compare.py end to end at a tiny scale, so that the script cannot rot (issue 20).

The script needs awkward 2.14 in its own venv; the test uses one that is already there and
skips otherwise (making the venv downloads packages, which a test must not do). No timing is
asserted: only that the run completes, prints the table with its columns, and that both sides
computed the same results.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(ROOT, "dev", "benchmarks", "compare.py")
REFERENCES = ("/tmp/ak-compare-ref-2.14.0/bin/python", "/tmp/ak214/bin/python")
HEADERS = ["operation", "size", "ours µs", "2.14 µs", "ours/2.14", "ours/floor", "2.14/floor",
           "ours MB", "2.14 MB", "same result"]
# a few cases of different kinds: a floor case (memory bound), a reducer, a Python-bound one
CASES = {"slice jagged mask x[x > 0.5]", "ak.sum axis=1", "ArrayBuilder filling (records)"}


def _reference():
    for python in REFERENCES:
        if os.path.exists(python):
            probe = subprocess.run([python, "-c", "import awkward, pyarrow"], cwd="/", capture_output=True)
            if probe.returncode == 0:
                return python
    return None


def _table(text):
    """The rows of the first Markdown table in ``text``, as lists of stripped cells."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    reference = _reference()
    if reference is None:
        pytest.skip("no awkward 2.14 reference venv with pyarrow at " + " or ".join(REFERENCES)
                    + " (compare.py would create one with pip; run it once by hand)")
    markdown = tmp_path_factory.mktemp("compare") / "results.md"
    command = [sys.executable, SCRIPT, "--values", "2000", "--samples", "1", "--min-batch", "0.001",
               "--only", ",".join(sorted(CASES)), "--ref", reference, "--markdown", str(markdown)]
    env = {k: v for k, v in os.environ.items() if k != "AWKWARD_TEST_VIRTUALIZE"}
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout, markdown.read_text()


def test_prints_the_table_with_every_column(run):
    stdout, _ = run
    table = _table(stdout)
    assert table[0] == HEADERS, stdout
    rows = table[2:]  # after the header and the |---| line
    assert {row[0] for row in rows} == CASES, stdout
    assert sorted(row[1] for row in rows if row[0] == "ak.sum axis=1") == ["100 lists", "2e3 val"]
    assert len(rows) == 2 * len(CASES), stdout
    for row in rows:
        assert len(row) == len(HEADERS), stdout
        assert row[-1] == "yes", stdout  # both sides computed the same result
        ours, theirs = row[2], row[3]
        assert float(ours.replace(",", "")) > 0 and float(theirs.replace(",", "")) > 0, stdout
        assert row[4] != "-", stdout  # the ratio
    floors = [row for row in rows if row[0] != "ArrayBuilder filling (records)"]
    # memory-bound cases: multiples of the floor
    assert all(row[5] != "-" and row[6] != "-" for row in floors), stdout
    large = [row for row in rows if row[1] != "100 lists"]
    assert all(row[7] != "-" and row[8] != "-" for row in large), stdout  # peak memory, large size


def test_prints_header_and_summary(run):
    stdout, _ = run
    assert "load average before:" in stdout
    assert "ours: awkward" in stdout and "theirs: awkward 2.14" in stdout
    assert "streaming bandwidth" in stdout
    assert "small: geometric mean of ours/2.14" in stdout
    assert "large: " in stdout and "operations slower than 2.14" in stdout
    assert "differences and errors" not in stdout


def test_writes_the_markdown_file(run):
    stdout, markdown = run
    assert markdown.startswith("# compare.py, ")
    assert _table(markdown) == _table(stdout)
