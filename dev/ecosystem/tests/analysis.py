"""The coffea processor of the executor tests, and its pure-Python model.

Per event it keeps the invariant masses of the opposite-charge pairs of good muons (keyed by
(dataset, event number), so merging chunks in any order gives identical results), fills a
histogram, counts events, and opens a materialization report around its work: the reports
come back inside the output and add up across chunks, processes and dask workers.
"""

from __future__ import annotations

import math

import numpy as np
from nanoaod import rows

import awkward as ak

TOUCHED = {"nMuon", "Muon_pt", "Muon_eta", "Muon_phi", "Muon_mass", "Muon_charge", "Muon_tightId", "MET_pt", "event"}


def make_processor():
    import hist
    from coffea import processor

    class DimuonProcessor(processor.ProcessorABC):
        def process(self, events):
            dataset = events.metadata["dataset"]
            with ak.materialization_report() as report:
                muons = events.Muon
                good = muons[(muons.pt > 20) & (abs(muons.eta) < 2.4) & muons.tightId]
                pairs = ak.combinations(good, 2, fields=["a", "b"])
                pairs = pairs[pairs.a.charge != pairs.b.charge]
                mass = (pairs.a + pairs.b).mass
                h = hist.Hist.new.StrCat([], name="dataset", growth=True).Reg(30, 0, 300, name="mass").Double()
                h.fill(dataset=dataset, mass=ak.flatten(mass))
                per_event = {
                    (dataset, int(e)): (tuple(m), float(met))
                    for e, m, met in zip(ak.to_list(events.event), ak.to_list(mass), ak.to_list(events.MET.pt))
                }
            return {"entries": {dataset: len(events)}, "mass": h, "per_event": per_event, "report": report}

        def postprocess(self, accumulator):
            return accumulator

    return DimuonProcessor()


def model(datasets):
    """What the processor must return for {dataset: [(path, events)]} (no report)."""
    per_event, entries, masses = {}, {}, {}
    for dataset, files in datasets.items():
        for _, ev in files:
            entries[dataset] = entries.get(dataset, 0) + len(ev["event"])
            keys = ("pt", "eta", "phi", "mass", "charge", "tightId")
            for e, met, *cols in zip(ev["event"], ev["MET_pt"], *(rows(ev, f"Muon_{k}") for k in keys)):
                good = [m for m in zip(*cols) if m[0] > 20 and abs(m[1]) < 2.4 and m[5]]
                out = []
                for i in range(len(good)):
                    for j in range(i + 1, len(good)):
                        if good[i][4] == good[j][4]:
                            continue
                        p = [0.0, 0.0, 0.0, 0.0]
                        for pt, eta, phi, mass, *_ in (good[i], good[j]):
                            px, py, pz = pt * math.cos(phi), pt * math.sin(phi), pt * math.sinh(eta)
                            for k, v in enumerate((px, py, pz, math.sqrt(px * px + py * py + pz * pz + mass * mass))):
                                p[k] += v
                        out.append(math.sqrt(max(p[3] ** 2 - p[0] ** 2 - p[1] ** 2 - p[2] ** 2, 0.0)))
                per_event[(dataset, int(e))] = (tuple(out), float(met))
                masses.setdefault(dataset, []).extend(out)
    counts = {d: np.histogram(m, bins=np.linspace(0, 300, 31))[0] for d, m in masses.items()}
    return entries, per_event, counts
