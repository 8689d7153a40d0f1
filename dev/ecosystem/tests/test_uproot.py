"""uproot on this package: TTrees (flat, jagged, several baskets) eager and virtual, the
access log, concatenate/iterate, RNTuple writing and reading, uproot.dask."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest

import awkward as ak

uproot = pytest.importorskip("uproot")

N = 1200
BASKETS = 4


@pytest.fixture(scope="module")
def model():
    rng = np.random.default_rng(11)
    counts = rng.integers(0, 6, N)
    return {
        "x": rng.normal(size=N),
        "i": rng.integers(-100, 100, N).astype(np.int32),
        "counts": counts,
        "pt": rng.uniform(0, 50, counts.sum()).astype(np.float32),
        "flag": rng.integers(0, 2, N).astype(bool),
    }


def _jagged_rows(model):
    return np.split(model["pt"], np.cumsum(model["counts"])[:-1])


@pytest.fixture(scope="module")
def tree_file(tmp_path_factory, model):
    path = str(tmp_path_factory.mktemp("uproot") / "tree.root")
    offsets = np.concatenate([[0], np.cumsum(model["counts"])])
    edges = np.linspace(0, N, BASKETS + 1).astype(int)
    with uproot.recreate(path) as file:
        file.mktree("tree", {"x": np.float64, "i": np.int32, "flag": np.bool_, "pt": "var * float32"})
        for start, stop in zip(edges[:-1], edges[1:]):
            file["tree"].extend({
                "x": model["x"][start:stop],
                "i": model["i"][start:stop],
                "flag": model["flag"][start:stop],
                "pt": ak.unflatten(model["pt"][offsets[start]:offsets[stop]], model["counts"][start:stop]),
            })
    return path


def _check_values(array, model):
    assert len(array) == N
    np.testing.assert_array_equal(ak.to_numpy(array.x), model["x"])
    np.testing.assert_array_equal(ak.to_numpy(array.i), model["i"])
    assert ak.to_list(array.flag) == model["flag"].tolist()
    assert ak.to_list(array.pt) == [row.tolist() for row in _jagged_rows(model)]


def test_baskets_written(tree_file):
    tree = uproot.open(tree_file)["tree"]
    assert tree.num_entries == N
    assert all(tree[name].num_baskets == BASKETS for name in ("x", "i", "flag", "pt"))


def test_eager_arrays(tree_file, model):
    array = uproot.open(tree_file)["tree"].arrays()
    assert str(array.type.content) == "{x: float64, i: int32, flag: bool, npt: int32, pt: var * float32}"
    _check_values(array, model)
    assert ak.to_list(array.npt) == model["counts"].tolist()


def test_virtual_reads_only_touched_branches(tree_file, model):
    log = []
    array = uproot.open(tree_file)["tree"].arrays(virtual=True, access_log=log)
    assert log == []  # opening reads no branch
    total = ak.sum(array.x)
    assert total == pytest.approx(model["x"].sum())
    assert {access.branch for access in log} == {"x"}
    row_sums = ak.sum(array.pt, axis=1)
    expected = [float(np.sum(row, dtype=np.float32)) for row in _jagged_rows(model)]
    np.testing.assert_allclose(ak.to_numpy(row_sums), expected, rtol=1e-5)
    assert {access.branch for access in log} == {"x", "pt"}
    # the result reads equal to the eager one
    _check_values(array, model)
    assert {access.branch for access in log} == {"x", "i", "flag", "pt"}


def test_virtual_slice_then_touch(tree_file, model):
    log = []
    array = uproot.open(tree_file)["tree"].arrays(virtual=True, access_log=log)
    selected = array[array.i > 0]
    assert {access.branch for access in log} == {"i"}
    assert ak.to_list(selected.pt) == [
        row.tolist() for row, keep in zip(_jagged_rows(model), model["i"] > 0) if keep
    ]
    assert {access.branch for access in log} == {"i", "pt"}


def test_concatenate(tree_file, model):
    array = uproot.concatenate([f"{tree_file}:tree", f"{tree_file}:tree"], ["x", "pt"])
    assert ak.fields(array) == ["x", "pt"]
    np.testing.assert_array_equal(ak.to_numpy(array.x), np.concatenate([model["x"], model["x"]]))
    assert ak.to_list(array.pt) == 2 * [row.tolist() for row in _jagged_rows(model)]


def test_iterate(tree_file, model):
    seen = []
    for batch in uproot.iterate(f"{tree_file}:tree", ["i", "pt"], step_size=500):
        assert len(batch) <= 500
        seen.append(batch)
    assert [len(batch) for batch in seen] == [500, 500, 200]
    joined = ak.concatenate(seen)
    np.testing.assert_array_equal(ak.to_numpy(joined.i), model["i"])
    assert ak.to_list(joined.pt) == [row.tolist() for row in _jagged_rows(model)]


def _rntuple_model(n):
    return {
        "x": [float(i) * 0.5 for i in range(n)],
        "pt": [[float(i + j) for j in range(i % 4)] for i in range(n)],
        "opt": [None if i % 3 == 0 else i for i in range(n)],
        "rec": [{"a": i, "b": i * 2.0} for i in range(n)],
        "name": [f"p{i}" for i in range(n)],
        "nested": [[[i] * (j % 2) for j in range(i % 3)] for i in range(n)],
    }


def test_rntuple_write_read(tmp_path):
    columns = _rntuple_model(120)
    array = ak.zip({key: ak.Array(value) for key, value in columns.items()}, depth_limit=1)
    path = str(tmp_path / "ntuple.root")
    with uproot.recreate(path) as file:
        file.mkrntuple("ntuple", array)
    back = uproot.open(path)["ntuple"].arrays()
    assert back.type.content == array.type.content
    for key, value in columns.items():
        assert ak.to_list(back[key]) == value, key


def test_rntuple_extend_and_virtual(tmp_path):
    columns = _rntuple_model(90)
    array = ak.zip({key: ak.Array(value) for key, value in columns.items()}, depth_limit=1)
    path = str(tmp_path / "ntuple.root")
    with uproot.recreate(path) as file:
        ntuple = file.mkrntuple("ntuple", array[:30])
        ntuple.extend(array[30:60])
        ntuple.extend(array[60:])
    ntuple = uproot.open(path)["ntuple"]
    assert ntuple.num_entries == 90
    lazy = ntuple.arrays(virtual=True)
    assert ak.to_list(lazy.pt) == columns["pt"]
    assert ak.to_list(lazy.rec.b) == [r["b"] for r in columns["rec"]]


def test_uproot_dask(tree_file, model):
    dak = pytest.importorskip("dask_awkward")
    lazy = uproot.dask(f"{tree_file}:tree", step_size=400)
    assert lazy.npartitions == 3
    row_sums = ak.sum(lazy.pt, axis=1)
    selected = lazy.x[lazy.i > 0]
    # only the branches the graph uses are read
    (columns,) = dak.necessary_columns(row_sums).values()
    assert set(columns) == {"pt"}
    (columns,) = dak.necessary_columns(selected).values()
    assert set(columns) == {"x", "i"}
    expected = [float(np.sum(row, dtype=np.float32)) for row in _jagged_rows(model)]
    np.testing.assert_allclose(row_sums.compute().to_numpy(), expected, rtol=1e-5)
    np.testing.assert_array_equal(selected.compute().to_numpy(), model["x"][model["i"] > 0])
    # an event-level branch broadcast into a jagged one (the graph runs on type tracers first)
    weighted = lazy.pt * lazy.x
    (columns,) = dak.necessary_columns(weighted).values()
    assert set(columns) == {"pt", "x"}
    assert weighted.compute().tolist() == [
        (row.astype(np.float64) * x).tolist() for row, x in zip(_jagged_rows(model), model["x"])
    ]
    eager = uproot.open(tree_file)["tree"].arrays(["x", "pt"])
    assert ak.to_list(lazy[["x", "pt"]].compute()) == ak.to_list(eager)


# ---- a file written by ROOT itself (dev/ecosystem/make_root_samples.py) -------------------

ROOT_SAMPLE = os.path.join(os.path.dirname(__file__), os.pardir, "data", "root_types.root")
# the branches uproot reads with a generated AwkwardForth program (AsObjects interpretations)
FORTH_BRANCHES = ["vstr", "vvf", "vvi", "pairs", "particles", "imap"]


def _root_sample_expected():
    with open(ROOT_SAMPLE[: -len(".root")] + ".json", encoding="utf-8") as stream:
        expected = json.load(stream)
    columns = expected["columns"]
    # uproot's types: pairs are records, maps lists of (key, value) tuples, TLorentzVector
    # a record of fP (a TVector3) and fE
    columns["pairs"] = [[{"first": a, "second": b} for a, b in row] for row in columns["pairs"]]
    columns["imap"] = [[(k, v) for k, v in row] for row in columns["imap"]]
    columns["lv"] = [{"fP": {"fX": x, "fY": y, "fZ": z}, "fE": e} for x, y, z, e in columns["lv"]]
    return expected


def test_root_written_types_read_through_our_forth_machine(monkeypatch):
    """Strings, nested vectors, a vector of pairs, a vector of a class with string and vector
    members and a std::map, as ROOT 6.40 wrote them: uproot reads each with library="ak",
    running its generated Forth program on our ForthMachine64, and the values equal those
    make_root_samples.py filled."""
    import awkward.forth

    expected = _root_sample_expected()
    made, begun = [], []
    base = awkward.forth.ForthMachine64

    class CountingMachine(base):
        def __init__(self, source, *args, **kwargs):
            made.append(source)
            super().__init__(source, *args, **kwargs)

        def begin(self, *args, **kwargs):
            begun.append(self)
            return super().begin(*args, **kwargs)

    monkeypatch.setattr(awkward.forth, "ForthMachine64", CountingMachine)
    tree = uproot.open(ROOT_SAMPLE)["types"]
    assert tree.num_entries == expected["entries"]
    assert all(tree[name].num_baskets == expected["baskets"] for name in expected["columns"])
    for name, values in expected["columns"].items():
        made.clear()
        begun.clear()
        array = tree[name].array(library="ak")
        assert isinstance(array, ak.Array)
        assert ak.to_list(array) == values, name
        if name in FORTH_BRANCHES:
            # the program is discovered on the first basket, then the machine reads the others
            assert len(made) >= 1, f"{name}: uproot did not build a ForthMachine64"
            assert len(begun) >= expected["baskets"] - 1, (
                f"{name}: the machine read {len(begun)} baskets"
            )
    # the record types uproot gives them
    particles = tree["particles"].array(library="ak")
    assert ak.fields(particles) == ["id", "pt", "name", "hits"]
    assert str(ak.type(particles.name)).endswith("var * string")
    imap = tree["imap"].array(library="ak")
    assert ak.parameters(imap.layout.content) == {"__array__": "sorted_map"}
    # all branches at once (one ak.Array of records) agree with the branch-by-branch reads
    everything = tree.arrays(library="ak")
    for name, values in expected["columns"].items():
        assert ak.to_list(everything[name]) == values, name
