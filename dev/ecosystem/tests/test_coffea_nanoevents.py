"""coffea NanoEvents on this package, virtual mode, from ROOT (written by uproot) and from
Parquet (written by pyarrow): selections, pairs, invariant mass, nearest, matched_gen,
cross-references and systematics, checked against per-event numpy models of the data."""

from __future__ import annotations

import math

import numpy as np
import pytest

import awkward as ak

pytest.importorskip("coffea")
from coffea.nanoevents import NanoAODSchema, NanoEventsFactory  # noqa: E402
from nanoaod import rows  # noqa: E402


@pytest.fixture(params=["root", "parquet"])
def source(request, nano_root, nano_parquet):
    return request.param, (nano_root if request.param == "root" else nano_parquet)


def _open(source, access_log=None):
    kind, path = source
    if kind == "root":
        factory = NanoEventsFactory.from_root(
            {path: "Events"}, schemaclass=NanoAODSchema, mode="virtual", access_log=access_log
        )
    else:
        factory = NanoEventsFactory.from_parquet(
            path, schemaclass=NanoAODSchema, mode="virtual", access_log=access_log
        )
    return factory.events()


def _four(pt, eta, phi, mass):
    px, py, pz = pt * math.cos(phi), pt * math.sin(phi), pt * math.sinh(eta)
    return px, py, pz, math.sqrt(px * px + py * py + pz * pz + mass * mass)


def _muons(ev):
    keys = ("pt", "eta", "phi", "mass", "charge", "tightId", "genPartIdx", "jetIdx")
    return [
        [dict(zip(keys, values)) for values in zip(*per_event)]
        for per_event in zip(*(rows(ev, f"Muon_{k}") for k in keys))
    ]


def _selected(ev):
    return [[m for m in event if m["pt"] > 20 and abs(m["eta"]) < 2.4 and m["tightId"]] for event in _muons(ev)]


def _delta_r(eta1, phi1, eta2, phi2):
    dphi = (phi1 - phi2 + math.pi) % (2 * math.pi) - math.pi
    return math.hypot(eta1 - eta2, dphi)


def test_structure(source, nano_events):
    events = _open(source)
    assert len(events) == len(nano_events["run"])
    for name in ("Muon", "Jet", "Electron", "GenPart", "MET"):
        assert name in events.fields
    assert ak.to_list(ak.num(events.Muon)) == nano_events["nMuon"].tolist()
    np.testing.assert_array_equal(ak.to_numpy(events.MET.pt), nano_events["MET_pt"])
    assert ak.to_list(events.Jet.btagDeepFlavB) == [r.tolist() for r in rows(nano_events, "Jet_btagDeepFlavB")]


def test_selection_pairs_mass(source, nano_events):
    events = _open(source)
    muons = events.Muon
    good = muons[(muons.pt > 20) & (abs(muons.eta) < 2.4) & muons.tightId]
    selected = _selected(nano_events)
    assert ak.to_list(ak.num(good)) == [len(e) for e in selected]
    pairs = ak.combinations(good, 2, fields=["a", "b"])
    opposite = pairs[pairs.a.charge != pairs.b.charge]
    mass = (opposite.a + opposite.b).mass
    expected = []
    for event in selected:
        masses = []
        for i in range(len(event)):
            for j in range(i + 1, len(event)):
                a, b = event[i], event[j]
                if a["charge"] == b["charge"]:
                    continue
                px, py, pz, e = (x + y for x, y in zip(_four(a["pt"], a["eta"], a["phi"], a["mass"]),
                                                       _four(b["pt"], b["eta"], b["phi"], b["mass"])))
                masses.append(math.sqrt(max(e * e - px * px - py * py - pz * pz, 0.0)))
        expected.append(masses)
    got = ak.to_list(mass)
    assert [len(r) for r in got] == [len(r) for r in expected]
    np.testing.assert_allclose([x for r in got for x in r], [x for r in expected for x in r], rtol=1e-4)
    # the charge sum of the pair is a Candidate property
    assert ak.to_list(ak.flatten((opposite.a + opposite.b).charge)) == [0] * sum(map(len, expected))


def test_nearest(source, nano_events):
    events = _open(source)
    nearest = events.Muon.nearest(events.Jet)
    jet_eta, jet_phi, jet_pt = (rows(nano_events, f"Jet_{k}") for k in ("eta", "phi", "pt"))
    expected = []
    for i, event in enumerate(_muons(nano_events)):
        out = []
        for m in event:
            if len(jet_eta[i]) == 0:
                out.append(None)
                continue
            dr = [_delta_r(m["eta"], m["phi"], e, p) for e, p in zip(jet_eta[i], jet_phi[i])]
            out.append(float(jet_pt[i][int(np.argmin(dr))]))
        expected.append(out)
    assert ak.to_list(nearest.pt) == expected


def test_matched_gen_and_cross_references(source, nano_events):
    events = _open(source)
    gen_pdg = rows(nano_events, "GenPart_pdgId")
    jet_pt = rows(nano_events, "Jet_pt")
    muons = _muons(nano_events)
    expected_pdg = [[int(gen_pdg[i][m["genPartIdx"]]) if m["genPartIdx"] >= 0 else None for m in event]
                    for i, event in enumerate(muons)]
    assert ak.to_list(events.Muon.matched_gen.pdgId) == expected_pdg
    expected_jet = [[float(jet_pt[i][m["jetIdx"]]) if m["jetIdx"] >= 0 else None for m in event]
                    for i, event in enumerate(muons)]
    assert ak.to_list(events.Muon.matched_jet.pt) == expected_jet
    # electrons point into GenPart too
    e_idx = rows(nano_events, "Electron_genPartIdx")
    assert ak.to_list(events.Electron.matched_gen.pt) == [
        [float(rows(nano_events, "GenPart_pt")[i][k]) if k >= 0 else None for k in idx] for i, idx in enumerate(e_idx)
    ]


def test_systematics(source, nano_events):
    events = _open(source)
    muons = events.Muon

    def scale(pt):
        return (1.0 + np.array([0.05, -0.05], dtype=np.float32)) * pt[:, None]

    muons.add_systematic("PtScale", "UpDownSystematic", "pt", scale)
    up = muons.systematics.PtScale.up
    down = muons.systematics.PtScale.down
    pts = rows(nano_events, "Muon_pt")
    np.testing.assert_allclose(ak.to_numpy(ak.flatten(up.pt)), np.concatenate(pts) * np.float32(1.05), rtol=1e-6)
    np.testing.assert_allclose(ak.to_numpy(ak.flatten(down.pt)), np.concatenate(pts) * np.float32(0.95), rtol=1e-6)
    # the varied collection keeps the other fields and its behavior
    assert ak.to_list(up.eta) == [r.tolist() for r in rows(nano_events, "Muon_eta")]
    assert ak.to_list(ak.num(up)) == nano_events["nMuon"].tolist()


def test_virtual_reads_only_touched_branches(source, nano_events):
    log = []
    events = _open(source, access_log=log)
    assert log == []
    muons = events.Muon
    good = muons[muons.pt > 20]
    ak.sum(good.eta, axis=1)
    assert {access.branch for access in log} == {"nMuon", "Muon_pt", "Muon_eta"}
    events.MET.pt + 1
    assert {access.branch for access in log} == {"nMuon", "Muon_pt", "Muon_eta", "MET_pt"}
