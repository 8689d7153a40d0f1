"""The README's first command, examples/lazy_analysis.py, end to end at a small size.

The columns it prints are checked against a model of what the analysis reads: the fields it
uses (muon pt, eta, phi, mass, charge; jet pt; the event weight) and nothing else: each
jagged collection's offsets come from the read of a field the analysis projects (every leaf
carries its ancestors' offsets), never from an extra leaf. The histogram is checked against a
pure-Python computation on to_list() data."""

from __future__ import annotations

import importlib.util
import io
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import awkward as ak

pq = pytest.importorskip("pyarrow.parquet")

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "examples" / "lazy_analysis.py"


@pytest.fixture(scope="module")
def example():
    spec = importlib.util.spec_from_file_location("lazy_analysis", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample(example, tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "events.parquet"
    example.write_sample(str(path), 3000, chunk=1000, out=io.StringIO())
    return str(path)


def run_main(example, argv):
    out = io.StringIO()
    example.main(argv, out=out)
    return out.getvalue()


def printed_columns(text):
    match = re.search(r"columns read \((\d+) of (\d+)\): (.*)", text)
    assert match, text
    columns = set(match.group(3).split(", "))
    assert len(columns) == int(match.group(1))
    return columns, int(match.group(2))


def model_columns(path, muons="muons", jets="jets", fields=("pt", "eta", "phi", "mass", "charge"),
                  jet_pt="pt", weight="weight"):
    used = {f"{muons}.list.item.{f}" for f in fields} | {f"{jets}.list.item.{jet_pt}"}
    if weight:
        used.add(weight)
    return used


def model_histogram(path, muons="muons", names=("pt", "eta", "phi", "mass", "charge"), weight="weight"):
    pt_, eta_, phi_, mass_, charge_ = names
    events = ak.from_parquet(path).to_list()
    masses, weights = [], []
    for event in events:
        good = [m for m in event[muons] if m[pt_] > 20 and abs(m[eta_]) < 2.4]
        for i in range(len(good)):
            for j in range(i + 1, len(good)):
                a, b = good[i], good[j]
                if a[charge_] == b[charge_]:
                    continue
                px = py = pz = e = 0.0
                for p in (a, b):
                    x = p[pt_] * math.cos(p[phi_])
                    y = p[pt_] * math.sin(p[phi_])
                    z = p[pt_] * math.sinh(p[eta_])
                    px, py, pz = px + x, py + y, pz + z
                    e += math.sqrt(x * x + y * y + z * z + p[mass_] ** 2)
                masses.append(math.sqrt(max(e * e - px * px - py * py - pz * pz, 0)))
                weights.append(event[weight] if weight else 1.0)
    return np.histogram(masses, bins=60, range=(60.0, 120.0), weights=weights)[0], len(masses)


def printed_histogram(text):
    rows = re.findall(r"^\s*([\d.]+) -\s+([\d.]+) \| #* ([\d,.]+)$", text, re.MULTILINE)
    return np.array([float(count.replace(",", "")) for _, _, count in rows])


def test_runs_end_to_end_with_no_path(tmp_path):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])))
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--events", "2000"],
        capture_output=True, text=True, cwd=tmp_path, timeout=300, env=env,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "writing the sample: 2,000/2,000 events" in out
    assert "opened" in out and "lazily" in out and "2,000 events" in out
    assert len(printed_histogram(out)) == 60
    columns, total = printed_columns(out)
    assert total >= 50  # 47 float columns + ints + flat event columns
    assert re.search(r"bytes read: [\d.]+ MB of [\d.]+ MB \([\d.]+% of the file", out)
    assert re.search(r"time: [\d.]+ s", out)


def test_sample_has_the_promised_columns(sample):
    schema = pq.ParquetFile(sample).schema_arrow
    meta = pq.ParquetFile(sample).metadata
    leaves = [meta.schema.column(i) for i in range(meta.num_columns)]
    floats = [c for c in leaves if c.physical_type in ("FLOAT", "DOUBLE")]
    assert len(floats) >= 40
    assert {"muons", "electrons", "jets", "run", "event", "weight"} <= set(schema.names)
    assert meta.num_rows == 3000


def test_printed_columns_match_the_model(example, sample):
    out = run_main(example, [sample])
    columns, total = printed_columns(out)
    assert columns == model_columns(sample)
    assert total == pq.ParquetFile(sample).metadata.num_columns


def test_histogram_matches_a_python_model(example, sample):
    out = run_main(example, [sample])
    expected, n_pairs = model_histogram(sample)
    got = printed_histogram(out)
    np.testing.assert_allclose(got, np.round(expected), atol=1.0)
    assert f"{n_pairs:,} pairs" in out


def test_bytes_read_are_a_fraction_of_the_file(example, sample):
    out = run_main(example, [sample])
    read, size, percent = re.search(
        r"bytes read: ([\d.]+) MB of ([\d.]+) MB \(([\d.]+)% of the file", out
    ).groups()
    assert float(read) < float(size) and float(percent) < 50
    assert float(size) == pytest.approx(os.path.getsize(sample) / 1e6, abs=0.01)


def test_a_users_file_with_other_column_names(example, tmp_path):
    rng = np.random.default_rng(3)
    counts = rng.poisson(2.5, 500)
    n = int(counts.sum())
    muon = ak.zip(
        {
            "PT": rng.uniform(10, 80, n), "ETA": rng.uniform(-2.5, 2.5, n),
            "PHI": rng.uniform(-3, 3, n), "M": np.full(n, 0.1057),
            "Q": rng.choice([-1, 1], n).astype(np.int32), "extra": rng.normal(size=n),
        }
    )
    jcounts = rng.poisson(3, 500)
    jet = ak.zip({"JPT": rng.uniform(20, 200, int(jcounts.sum())), "area": rng.normal(size=int(jcounts.sum()))})
    events = ak.zip(
        {"Muon": ak.unflatten(muon, counts), "Jet": ak.unflatten(jet, jcounts),
         "genWeight": rng.normal(1, 0.1, 500), "other": rng.normal(size=500)},
        depth_limit=1,
    )
    path = str(tmp_path / "mine.parquet")
    ak.to_parquet(events, path)
    argv = [path, "--muons", "Muon", "--jets", "Jet", "--pt", "PT", "--eta", "ETA", "--phi",
            "PHI", "--mass", "M", "--charge", "Q", "--jet-pt", "JPT", "--weight", "genWeight"]
    out = run_main(example, argv)
    columns, _ = printed_columns(out)
    assert columns == model_columns(path, "Muon", "Jet", ("PT", "ETA", "PHI", "M", "Q"), "JPT", "genWeight")
    expected, _ = model_histogram(path, "Muon", ("PT", "ETA", "PHI", "M", "Q"), "genWeight")
    np.testing.assert_allclose(printed_histogram(out), np.round(expected), atol=1.0)

    out = run_main(example, [*argv[:-1], ""])  # no weight column
    columns, _ = printed_columns(out)
    assert "genWeight" not in columns


def test_plot_needs_matplotlib_or_says_so(example, sample, tmp_path):
    target = tmp_path / "mass.png"
    out = run_main(example, [sample, "--plot", str(target)])
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        assert "matplotlib is not installed" in out
        assert not target.exists()
    else:
        assert target.exists() and target.stat().st_size > 0
