"""NanoAOD-like event samples for the ecosystem tests, and the per-event model of them.

``make_events(n, seed)`` returns a dict of numpy columns: flat event columns (``MET_pt``,
``run``, ...) as arrays, and each collection column (``Muon_pt``, ``GenPart_genPartIdxMother``,
...) as ``(counts, flat values)``. The same dict is written to ROOT (uproot, NanoAOD branch
names with ``nMuon`` counters) and to Parquet (pyarrow list columns), and the tests compute
their expectations from it with plain Python/numpy (``rows``).
"""

from __future__ import annotations

import numpy as np

COLLECTIONS = ("GenPart", "Jet", "Muon", "Electron")


def _indices(rng, counts, targets):
    """Per-object index into the same event's target collection (-1: no match)."""
    return np.concatenate(
        [rng.integers(-1, targets[i], k).astype(np.int32) for i, k in enumerate(counts)]
        + [np.zeros(0, np.int32)]
    )


def make_events(n, seed):
    rng = np.random.default_rng(seed)
    out = {}

    def collection(name, most, extra):
        counts = rng.integers(0, most + 1, n)
        m = int(counts.sum())
        columns = {
            "pt": rng.uniform(3, 100, m).astype(np.float32),
            "eta": rng.uniform(-2.5, 2.5, m).astype(np.float32),
            "phi": rng.uniform(-3.14, 3.14, m).astype(np.float32),
            "mass": rng.uniform(0, 1, m).astype(np.float32),
        }
        columns.update(extra(m, counts))
        out["n" + name] = counts.astype(np.int32)
        for field, values in columns.items():
            out[f"{name}_{field}"] = (counts, values)
        return counts

    def mothers(m, counts):
        # a mother always comes earlier in the event's list (as in NanoAOD), -1 for none
        return np.concatenate(
            [np.array([rng.integers(-1, i) for i in range(k)], dtype=np.int32) for k in counts]
            + [np.zeros(0, np.int32)]
        )

    gen = collection("GenPart", 6, lambda m, c: {
        "pdgId": rng.choice([13, -13, 11, -11, 1, 21], m).astype(np.int32),
        "genPartIdxMother": mothers(m, c),
        "status": rng.integers(1, 3, m).astype(np.int32),
        "statusFlags": rng.integers(0, 1 << 14, m).astype(np.int32),
    })
    jet = collection("Jet", 5, lambda m, c: {
        "btagDeepFlavB": rng.uniform(0, 1, m).astype(np.float32),
        "jetId": rng.integers(0, 7, m).astype(np.int32),
    })
    collection("Muon", 4, lambda m, c: {
        "charge": rng.choice([-1, 1], m).astype(np.int32),
        "tightId": rng.integers(0, 2, m).astype(bool),
        "pfRelIso04_all": rng.uniform(0, 0.5, m).astype(np.float32),
        "genPartIdx": _indices(rng, c, gen),
        "jetIdx": _indices(rng, c, jet),
        "dxy": rng.normal(0, 0.01, m).astype(np.float32),
    })
    collection("Electron", 3, lambda m, c: {
        "charge": rng.choice([-1, 1], m).astype(np.int32),
        "cutBased": rng.integers(0, 5, m).astype(np.int32),
        "genPartIdx": _indices(rng, c, gen),
        "jetIdx": _indices(rng, c, jet),
    })
    out["MET_pt"] = rng.uniform(0, 100, n).astype(np.float32)
    out["MET_phi"] = rng.uniform(-3.14, 3.14, n).astype(np.float32)
    out["run"] = np.ones(n, np.uint32)
    out["luminosityBlock"] = (np.arange(n) // 100).astype(np.uint32)
    out["event"] = np.arange(n, dtype=np.uint64) + np.uint64(seed * 1_000_000)
    return out


def rows(events, column):
    """The per-event lists of a collection column (numpy arrays), or the flat column."""
    value = events[column]
    if not isinstance(value, tuple):
        return value
    counts, flat = value
    return np.split(flat, np.cumsum(counts)[:-1])


def branch_names(events):
    return sorted(events)


def write_root(path, events, baskets=1):
    """NanoAOD branch layout: ``nMuon`` counters and ``Muon_pt[nMuon]`` branches, written in
    ``baskets`` extend calls (one basket per branch each)."""
    import uproot

    import awkward as ak

    n = len(events["run"])
    edges = np.linspace(0, n, baskets + 1).astype(int)

    def part(start, stop):
        groups, flat = {}, {}
        for key, value in events.items():
            if isinstance(value, tuple):
                name, field = key.split("_", 1)
                offsets = np.concatenate([[0], np.cumsum(value[0])])
                counts = value[0][start:stop]
                values = value[1][offsets[start]:offsets[stop]]
                groups.setdefault(name, {})[field] = ak.unflatten(values, counts)
            elif not (key.startswith("n") and key[1:] in COLLECTIONS):
                flat[key] = value[start:stop]
        return {**{name: ak.zip(fields) for name, fields in groups.items()}, **flat}

    with uproot.recreate(path) as file:
        first = part(edges[0], edges[1])
        file.mktree(
            "Events",
            {key: value.type.content if hasattr(value, "type") else value.dtype for key, value in first.items()},
            counter_name=lambda name: "n" + name,
            field_name=lambda outer, inner: f"{outer}_{inner}",
        )
        for start, stop in zip(edges[:-1], edges[1:]):
            file["Events"].extend(part(start, stop))


def write_parquet(path, events):
    """One Parquet column per NanoAOD branch (list columns for collections), as coffea's
    Parquet NanoAOD files have them."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {}
    for key, value in events.items():
        if isinstance(value, tuple):
            offsets = np.concatenate([[0], np.cumsum(value[0])]).astype(np.int32)
            columns[key] = pa.ListArray.from_arrays(pa.array(offsets), pa.array(value[1]))
        else:
            columns[key] = pa.array(value)
    pq.write_table(pa.table(columns), path)
