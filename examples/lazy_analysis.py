"""A collision-event analysis that reads only the columns it uses.

    python examples/lazy_analysis.py                    # writes a 100,000-event sample first
    python examples/lazy_analysis.py --events 5000      # a smaller sample
    python examples/lazy_analysis.py --plot mass.png    # also draw the histogram (matplotlib)
    python examples/lazy_analysis.py my.parquet --muons Muon --jets Jet --weight genWeight

Without a path it writes a sample to a temporary Parquet file: events with jagged muons,
electrons and jets (47 float columns in all) and flat event columns, where some events hold
a Z boson decaying to two muons. It then opens the file lazily (``ak.from_parquet(...,
virtual=True)``: the footer only), selects muons with cuts, pairs them with
``ak.combinations``, computes the invariant mass of opposite-charge pairs, finds each
event's leading jet with ``ak.argmax(keepdims=True)``, fills a numpy histogram, and prints
it with the columns that were read (``ak.materialization_report``), the bytes read against
the file size, and the time.

A file of your own needs a list-of-records column for the muons (fields pt, eta, phi, mass,
charge, renamed with --pt etc.) and one for the jets (field pt); --weight names a flat
per-event weight column ("" for none).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time

import numpy as np

import awkward as ak

MUON_FIELDS = ["pt", "eta", "phi", "mass", "charge", "dxy", "dz", "dxyErr", "dzErr",
               "pfRelIso03_all", "pfRelIso04_all", "ip3d", "sip3d", "ptErr", "tkRelIso"]
ELECTRON_FIELDS = ["pt", "eta", "phi", "mass", "charge", "dxy", "dz", "pfRelIso03_all",
                   "sieie", "hoe", "eInvMinusPInv", "deltaEtaSC", "r9", "mvaIso", "ip3d"]
JET_FIELDS = ["pt", "eta", "phi", "mass", "btagDeepFlavB", "btagCSVV2", "chEmEF", "chHEF",
              "neEmEF", "neHEF", "muEF", "area", "qgl", "rawFactor", "puIdDisc", "nConstituents"]
INT_FIELDS = {"charge": np.int32, "nConstituents": np.int32}
MUON_MASS = 0.1057


# ---------------------------------------------------------------------- the sample
def _particles(rng, counts, fields, mass, pt_scale):
    n = int(counts.sum())
    columns = {}
    for name in fields:
        if name == "pt":
            columns[name] = (5.0 + rng.exponential(pt_scale, n)).astype(np.float32)
        elif name == "eta":
            columns[name] = rng.uniform(-2.5, 2.5, n).astype(np.float32)
        elif name == "phi":
            columns[name] = rng.uniform(-np.pi, np.pi, n).astype(np.float32)
        elif name == "mass":
            columns[name] = (np.full(n, mass) if mass is not None else rng.gamma(3.0, 3.0, n)).astype(np.float32)
        elif name == "charge":
            columns[name] = rng.choice(np.array([-1, 1], np.int32), n)
        elif name in INT_FIELDS:
            columns[name] = rng.poisson(20, n).astype(INT_FIELDS[name])
        else:
            columns[name] = rng.normal(0.0, 1.0, n).astype(np.float32)
    return columns


def _with_z_decays(rng, counts, muons, fraction=0.3):
    """Replace the first two muons of a fraction of events by a Z -> mu mu decay (massless
    kinematics: m^2 = 2 pt1 pt2 (cosh(d eta) - cos(d phi)))."""
    starts = np.cumsum(counts) - counts
    chosen = starts[(counts >= 2) & (rng.uniform(0, 1, len(counts)) < fraction)]
    m = rng.normal(91.19, 2.5, len(chosen))
    eta1 = rng.uniform(-2.3, 2.3, len(chosen))
    eta2 = rng.uniform(-2.3, 2.3, len(chosen))
    phi1 = rng.uniform(-np.pi, np.pi, len(chosen))
    phi2 = phi1 + np.pi + rng.normal(0, 0.5, len(chosen))
    pt1 = rng.uniform(25, 60, len(chosen))
    pt2 = m**2 / (2 * pt1 * (np.cosh(eta1 - eta2) - np.cos(phi1 - phi2)))
    for index, (pt, eta, phi) in ((chosen, (pt1, eta1, phi1)), (chosen + 1, (pt2, eta2, phi2))):
        muons["pt"][index] = pt
        muons["eta"][index] = eta
        muons["phi"][index] = np.angle(np.exp(1j * phi))
    muons["charge"][chosen] = 1
    muons["charge"][chosen + 1] = -1


def sample_chunk(rng, n):
    """``n`` collision-like events as an awkward array of records."""
    counts = {
        "muons": rng.poisson(1.6, n),
        "electrons": rng.poisson(1.2, n),
        "jets": rng.poisson(4.5, n),
    }
    muons = _particles(rng, counts["muons"], MUON_FIELDS, MUON_MASS, 15.0)
    _with_z_decays(rng, counts["muons"], muons)
    electrons = _particles(rng, counts["electrons"], ELECTRON_FIELDS, 0.000511, 12.0)
    jets = _particles(rng, counts["jets"], JET_FIELDS, None, 30.0)
    events = {
        "run": np.full(n, 1, np.int32),
        "luminosityBlock": (np.arange(n) // 1000).astype(np.int32),
        "event": np.arange(n, dtype=np.int64),
        "weight": rng.normal(1.0, 0.1, n).astype(np.float32),
        "MET_pt": rng.exponential(25.0, n).astype(np.float32),
        "MET_phi": rng.uniform(-np.pi, np.pi, n).astype(np.float32),
        "PV_npvs": rng.poisson(30, n).astype(np.int32),
    }
    for name, columns in (("muons", muons), ("electrons", electrons), ("jets", jets)):
        flat = ak.zip({k: v for k, v in columns.items()}, depth_limit=1)
        events[name] = ak.unflatten(flat, counts[name])
    return ak.zip(events, depth_limit=1)


def write_sample(path, events, chunk=10_000, seed=12345, out=sys.stdout):
    """Write ``events`` events to ``path`` in row groups of ``chunk``, with a progress line."""
    rng = np.random.default_rng(seed)
    start = time.perf_counter()
    done = 0

    def chunks():
        nonlocal done
        while done < events:
            n = min(chunk, events - done)
            array = sample_chunk(rng, n)
            done += n
            yield array
            print(f"\rwriting the sample: {done:,}/{events:,} events", end="", file=out, flush=True)

    ak.to_parquet_row_groups(chunks(), path, row_group_size=chunk)
    print(f" ({time.perf_counter() - start:.1f} s)", file=out)


# ---------------------------------------------------------------------- the analysis
def analyse(events, names, bins=60, mass_range=(60.0, 120.0)):
    """The histogram of opposite-charge dimuon masses and the leading jets' pt."""
    muons = events[names.muons]
    pt, eta = muons[names.pt], muons[names.eta]
    good = muons[(pt > 20) & (abs(eta) < 2.4)]
    pairs = ak.combinations(good, 2, fields=["a", "b"])
    opposite = pairs.a[names.charge] != pairs.b[names.charge]
    mass = invariant_mass(pairs.a, pairs.b, names)[opposite]

    jets = events[names.jets]
    leading = jets[ak.argmax(jets[names.jet_pt], axis=1, keepdims=True)]
    leading_pt = ak.flatten(leading[names.jet_pt], axis=1)  # events without jets drop out

    flat_mass = ak.to_numpy(ak.flatten(mass, axis=None))
    weights = None
    if names.weight:
        weight, _ = ak.broadcast_arrays(events[names.weight], mass)
        weights = ak.to_numpy(ak.flatten(weight, axis=None))
    counts, edges = np.histogram(flat_mass, bins=bins, range=mass_range, weights=weights)
    return counts, edges, len(flat_mass), ak.to_numpy(ak.drop_none(leading_pt))


def invariant_mass(a, b, names):
    def four_vector(p):
        pt, eta, phi, m = p[names.pt], p[names.eta], p[names.phi], p[names.mass]
        px, py, pz = pt * np.cos(phi), pt * np.sin(phi), pt * np.sinh(eta)
        return px, py, pz, np.sqrt(px**2 + py**2 + pz**2 + m**2)

    ax, ay, az, ae = four_vector(a)
    bx, by, bz, be = four_vector(b)
    m2 = (ae + be) ** 2 - (ax + bx) ** 2 - (ay + by) ** 2 - (az + bz) ** 2
    return np.sqrt(np.maximum(m2, 0))


def text_plot(counts, edges, width=50, out=sys.stdout):
    top = max(float(np.max(counts)), 1.0)
    for count, low, high in zip(counts, edges[:-1], edges[1:]):
        bar = "#" * int(round(width * count / top))
        print(f"{low:7.1f} - {high:6.1f} | {bar} {count:,.0f}", file=out)


def draw(path, counts, edges, title, out=sys.stdout):
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print(f"--plot: matplotlib is not installed (pip install matplotlib); {path} not written",
              file=out)
        return
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ax.stairs(counts, edges, fill=True)
    ax.set_xlabel("dimuon mass [GeV]")
    ax.set_ylabel("weighted pairs per bin")
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(path)
    print(f"histogram drawn in {path}", file=out)


def _megabytes(n):
    return f"{n / 1e6:.2f} MB"


def main(argv=None, out=sys.stdout):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", help="a Parquet file (default: write a sample)")
    parser.add_argument("--events", type=int, default=100_000, help="events in the sample")
    parser.add_argument("--plot", metavar="FILE.png", help="draw the histogram (matplotlib)")
    parser.add_argument("--muons", default="muons", help="the muon collection column")
    parser.add_argument("--jets", default="jets", help="the jet collection column")
    parser.add_argument("--pt", default="pt", help="muon pt field")
    parser.add_argument("--eta", default="eta", help="muon eta field")
    parser.add_argument("--phi", default="phi", help="muon phi field")
    parser.add_argument("--mass", default="mass", help="muon mass field")
    parser.add_argument("--charge", default="charge", help="muon charge field")
    parser.add_argument("--jet-pt", default="pt", help="jet pt field")
    parser.add_argument("--weight", default="weight", help='per-event weight column ("": none)')
    names = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        path = names.path
        if path is None:
            path = os.path.join(tmp, "events.parquet")
            write_sample(path, names.events, out=out)
        run(path, names, out)


def run(path, names, out):
    start = time.perf_counter()
    events = ak.from_parquet(path, virtual=True)
    opened = time.perf_counter() - start
    metadata = ak.metadata_from_parquet(path)
    file_size = os.path.getsize(path)
    n_columns = len(metadata["columns"])
    print(f"opened {path} lazily in {opened * 1e3:.1f} ms: {len(events):,} events, "
          f"{n_columns} columns, {metadata['num_row_groups']} row groups, "
          f"{_megabytes(file_size)}", file=out)

    start = time.perf_counter()
    with ak.materialization_report() as report:
        counts, edges, n_pairs, leading_pt = analyse(events, names)
    elapsed = time.perf_counter() - start

    title = f"opposite-charge dimuon mass ({names.pt} > 20 GeV, |{names.eta}| < 2.4)"
    print(f"\n{title}: {n_pairs:,} pairs", file=out)
    text_plot(counts, edges, out=out)
    if len(leading_pt):
        print(f"\nleading jet {names.jet_pt}: mean {leading_pt.mean():.1f} GeV over "
              f"{len(leading_pt):,} events with jets", file=out)
    columns = sorted(report.columns)
    print(f"\ncolumns read ({len(columns)} of {n_columns}): {', '.join(columns)}", file=out)
    print(f"bytes read: {_megabytes(report.file_bytes)} of {_megabytes(file_size)} "
          f"({100 * report.file_bytes / file_size:.1f}% of the file; "
          f"{_megabytes(report.nbytes)} in memory)", file=out)
    print(f"time: {elapsed:.2f} s for the analysis (open {opened * 1e3:.1f} ms)", file=out)
    if names.plot:
        draw(names.plot, counts, edges, title, out)


if __name__ == "__main__":
    main()
