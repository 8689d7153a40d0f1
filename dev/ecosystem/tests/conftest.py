"""Fixtures of the ecosystem tests: NanoAOD-like samples written once per session."""

from __future__ import annotations

import os
import sys
import warnings

import pytest

# coffea's NanoAOD schema warns about every cross-reference our small files leave out, in
# every thread and worker process
warnings.filterwarnings("ignore", "Missing cross-reference", RuntimeWarning)
os.environ["PYTHONWARNINGS"] = "ignore:Missing cross-reference:RuntimeWarning"

sys.path.insert(0, os.path.dirname(__file__))
import nanoaod  # noqa: E402


@pytest.fixture(scope="session")
def nano_events():
    """The event columns of the main sample (the model the tests compare against)."""
    return nanoaod.make_events(400, seed=7)


@pytest.fixture(scope="session")
def nano_root(tmp_path_factory, nano_events):
    pytest.importorskip("uproot")
    path = str(tmp_path_factory.mktemp("nano") / "nano.root")
    nanoaod.write_root(path, nano_events, baskets=3)
    return path


@pytest.fixture(scope="session")
def nano_parquet(tmp_path_factory, nano_events):
    pytest.importorskip("pyarrow")
    path = str(tmp_path_factory.mktemp("nano") / "nano.parquet")
    nanoaod.write_parquet(path, nano_events)
    return path


@pytest.fixture(scope="session")
def nano_fileset(tmp_path_factory):
    """Several NanoAOD files in two datasets, with their event columns: {dataset: [(path, events)]}."""
    pytest.importorskip("uproot")
    folder = tmp_path_factory.mktemp("fileset")
    datasets = {}
    for i, dataset in enumerate(["DYJets", "DYJets", "TTbar"]):
        events = nanoaod.make_events(250 + 50 * i, seed=100 + i)
        path = str(folder / f"{dataset}_{i}.root")
        nanoaod.write_root(path, events, baskets=2)
        datasets.setdefault(dataset, []).append((path, events))
    return datasets
