"""The client code paths that need awkward arrays inside numba: vector's momenta in njit
functions, coffea's numba-built parent/children/distinctParent indices and its eager mode
(which builds every column, those included). Checked against numpy models of the data."""

from __future__ import annotations

import math

import numpy as np
import pytest

import awkward as ak

numba = pytest.importorskip("numba")
from nanoaod import rows  # noqa: E402


def test_numba_finds_awkward_through_its_entry_point():
    """coffea hands ak.Arrays to njit functions without registering anything itself."""
    import importlib.metadata

    groups = {(e.group, e.name) for e in importlib.metadata.distribution("awkward").entry_points}
    assert ("numba_extensions", "init") in groups

    @numba.njit
    def total(array):
        s = 0.0
        for row in array:
            for x in row:
                s += x
        return s

    assert total(ak.Array([[1.0, 2.0], [], [3.5]])) == 6.5


def test_vector_momenta_in_numba():
    vector = pytest.importorskip("vector")
    vector.register_awkward()
    rng = np.random.default_rng(3)
    counts = rng.integers(0, 4, 60)
    m = int(counts.sum())
    cols = {"pt": rng.uniform(5, 50, m), "eta": rng.uniform(-2, 2, m), "phi": rng.uniform(-3, 3, m), "mass": rng.uniform(0.1, 1, m)}
    p = vector.zip({k: ak.unflatten(v, counts) for k, v in cols.items()})

    @numba.njit
    def pair_mass_sums(events):
        out = np.zeros(len(events))
        for i, event in enumerate(events):
            for j in range(len(event)):
                for k in range(j + 1, len(event)):
                    out[i] += (event[j] + event[k]).mass
        return out

    @numba.njit
    def pt_sum(events):
        s = 0.0
        for event in events:
            for v in event:
                s += v.pt
        return s

    expected = []
    split = {k: np.split(v, np.cumsum(counts)[:-1]) for k, v in cols.items()}
    for i in range(len(counts)):
        four = [(pt * math.cos(ph), pt * math.sin(ph), pt * math.sinh(et), 0.0, ma) for pt, et, ph, ma in
                zip(split["pt"][i], split["eta"][i], split["phi"][i], split["mass"][i])]
        total = 0.0
        for j in range(len(four)):
            for k in range(j + 1, len(four)):
                px, py, pz = (four[j][n] + four[k][n] for n in range(3))
                e = sum(math.sqrt(f[0] ** 2 + f[1] ** 2 + f[2] ** 2 + f[4] ** 2) for f in (four[j], four[k]))
                total += math.sqrt(max(e * e - px * px - py * py - pz * pz, 0.0))
        expected.append(total)
    np.testing.assert_allclose(pair_mass_sums(p), expected, rtol=1e-9)
    assert pt_sum(p) == pytest.approx(cols["pt"].sum())


@pytest.fixture()
def virtual_events(nano_root):
    pytest.importorskip("coffea")
    from coffea.nanoevents import NanoAODSchema, NanoEventsFactory

    return NanoEventsFactory.from_root({nano_root: "Events"}, schemaclass=NanoAODSchema, mode="virtual").events()


def _gen_model(nano_events):
    mothers = rows(nano_events, "GenPart_genPartIdxMother")
    pdg = rows(nano_events, "GenPart_pdgId")
    return mothers, pdg


def test_coffea_genpart_parent_and_children(virtual_events, nano_events):
    mothers, pdg = _gen_model(nano_events)
    assert ak.to_list(virtual_events.GenPart.parent.pdgId) == [
        [int(p[m]) if m >= 0 else None for m in mo] for mo, p in zip(mothers, pdg)
    ]
    assert ak.to_list(virtual_events.GenPart.children.pdgId) == [
        [[int(p[k]) for k in range(len(mo)) if mo[k] == i] for i in range(len(mo))] for mo, p in zip(mothers, pdg)
    ]


def test_coffea_distinct_parent(virtual_events, nano_events):
    mothers, pdg = _gen_model(nano_events)
    expected = []
    for mo, p in zip(mothers, pdg):
        out = []
        for i in range(len(mo)):
            parent = mo[i]
            while parent >= 0 and p[parent] == p[i]:
                parent = mo[parent]
            out.append(int(p[parent]) if parent >= 0 else None)
        expected.append(out)
    assert ak.to_list(virtual_events.GenPart.distinctParent.pdgId) == expected


def test_coffea_eager_mode(nano_root, nano_events):
    pytest.importorskip("coffea")
    from coffea.nanoevents import NanoAODSchema, NanoEventsFactory

    events = NanoEventsFactory.from_root({nano_root: "Events"}, schemaclass=NanoAODSchema, mode="eager").events()
    assert ak.to_list(events.Muon.pt) == [r.tolist() for r in rows(nano_events, "Muon_pt")]
    mothers, pdg = _gen_model(nano_events)
    assert ak.to_list(events.GenPart.parent.pdgId) == [
        [int(p[m]) if m >= 0 else None for m in mo] for mo, p in zip(mothers, pdg)
    ]
