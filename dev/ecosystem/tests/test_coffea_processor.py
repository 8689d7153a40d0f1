"""coffea's processor.Runner on this package: IterativeExecutor, FuturesExecutor and a
DaskExecutor on a distributed.LocalCluster over several files, in virtual mode. The outputs
are identical across executors, equal to a direct run and to the numpy model; only the
touched branches are read; the materialization reports, merged across chunks, processes and
dask workers, name everything the run read."""

from __future__ import annotations

import os

import numpy as np
import pytest

import awkward as ak

pytest.importorskip("coffea")
import analysis  # noqa: E402
from coffea import processor  # noqa: E402
from coffea.nanoevents import NanoAODSchema, NanoEventsFactory  # noqa: E402
from coffea.nanoevents.util import key_to_tuple  # noqa: E402

# the executors' worker processes import the processor's module from here
os.environ["PYTHONPATH"] = os.pathsep.join([os.path.dirname(__file__), os.environ.get("PYTHONPATH", "")])


def _fileset(datasets):
    return {d: {"files": {path: "Events" for path, _ in files}} for d, files in datasets.items()}


def _branches(report):
    """coffea's buffer keys name the branch first in their form-key part."""
    return {key_to_tuple(key)[4].split(",")[0] for key in report.buffer_keys}


def _run(executor, datasets):
    runner = processor.Runner(executor=executor, schema=NanoAODSchema, chunksize=120, savemetrics=True)
    return runner(_fileset(datasets), processor_instance=analysis.make_processor(), treename="Events")


def _check_against_model(output, datasets):
    entries, per_event, counts = analysis.model(datasets)
    assert output["entries"] == entries
    assert output["per_event"].keys() == per_event.keys()
    for key, (masses, met) in per_event.items():
        got_masses, got_met = output["per_event"][key]
        np.testing.assert_allclose(got_masses, masses, rtol=1e-4)
        assert got_met == met
    h = output["mass"]
    for dataset, expected in counts.items():
        # bin edges may move a mass computed in float32 across a boundary: compare totals
        # exactly and bins within one entry
        got = h[{"dataset": dataset}].values()
        assert got.sum() == expected.sum()
        assert np.abs(got - expected).max() <= 1


@pytest.fixture(scope="module")
def runs(nano_fileset):
    from distributed import Client, LocalCluster

    out = {}
    out["iterative"] = _run(processor.IterativeExecutor(), nano_fileset)
    out["futures"] = _run(processor.FuturesExecutor(workers=2, status=False), nano_fileset)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            out["dask"] = _run(processor.DaskExecutor(client=client, status=False), nano_fileset)
            out["dask_workers"] = set(client.scheduler_info()["workers"])
    return out


def _by_dataset(h):
    """A histogram's values per dataset (the category order follows the merge order)."""
    return {d: h[{"dataset": d}].values().tolist() for d in h.axes["dataset"]}


def test_executors_agree_with_each_other_and_a_direct_run(runs, nano_fileset):
    iterative, _ = runs["iterative"]
    for name in ("futures", "dask"):
        other, _ = runs[name]
        assert other["entries"] == iterative["entries"]
        assert other["per_event"] == iterative["per_event"], name
        assert _by_dataset(other["mass"]) == _by_dataset(iterative["mass"]), name
    # a direct single-process run over whole files
    direct = None
    for dataset, files in nano_fileset.items():
        for path, _ in files:
            events = NanoEventsFactory.from_root(
                {path: "Events"}, schemaclass=NanoAODSchema, mode="virtual", metadata={"dataset": dataset}
            ).events()
            result = analysis.make_processor().process(events)
            direct = result if direct is None else processor.accumulate([direct, result])
    assert direct["per_event"] == iterative["per_event"]
    assert direct["entries"] == iterative["entries"]
    assert _by_dataset(direct["mass"]) == _by_dataset(iterative["mass"])


@pytest.mark.parametrize("name", ["iterative", "futures", "dask"])
def test_against_model(runs, nano_fileset, name):
    output, _ = runs[name]
    _check_against_model(output, nano_fileset)


@pytest.mark.parametrize("name", ["iterative", "futures", "dask"])
def test_virtual_mode_reads_only_touched_branches(runs, name):
    _, metrics = runs[name]
    assert {column.rsplit("-", 1)[0] for column in metrics["columns"]} == analysis.TOUCHED


@pytest.mark.parametrize("name", ["iterative", "futures", "dask"])
def test_materialization_report_aggregated(runs, nano_fileset, name):
    output, metrics = runs[name]
    report = output["report"]
    assert isinstance(report, ak._nplikes.materialization_report.MaterializationReport)
    # merged across every chunk (and worker): the branches the whole run read, no other
    assert _branches(report) == analysis.TOUCHED
    n_chunks = metrics["chunks"]
    assert len({key_to_tuple(k)[2] + k.split("/")[0] for k in report.buffer_keys}) == n_chunks
    assert report.nbytes > 0


def test_report_across_dask_workers_names_parquet_columns(tmp_path):
    """ak.from_parquet(virtual=True) labels its reads with the file's columns: reports made on
    dask workers come back pickled and add up to the columns of the whole run."""
    distributed = pytest.importorskip("distributed")
    paths = []
    for i in range(4):
        array = ak.Array({"pt": [[1.0 * i, 2.0]] * 10, "eta": [[0.5]] * 10, "phi": [[0.1]] * 10, "n": list(range(10))})
        paths.append(str(tmp_path / f"part{i}.parquet"))
        ak.to_parquet(array, paths[-1])

    def task(path, column):
        lazy = ak.from_parquet(path, virtual=True)
        with ak.materialization_report() as report:
            total = float(ak.sum(lazy[column]))
        return total, report

    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            futures = client.map(task, paths, ["pt", "pt", "n", "pt"])
            results = client.gather(futures)
    merged = sum(report for _, report in results)
    assert [t for t, _ in results] == [10 * (0 + 2.0), 10 * (1 + 2.0), 45.0, 10 * (3 + 2.0)]
    schema = pytest.importorskip("pyarrow.parquet").ParquetFile(paths[0]).schema
    leaf = {schema.column(i).path.split(".")[0]: schema.column(i).path for i in range(len(schema))}
    assert merged.columns == {leaf["pt"], leaf["n"]}
    assert merged.file_bytes > 0
    assert len(merged.entries) == sum(len(r.entries) for _, r in results)
