"""vector on this package (register_awkward, vector.zip, +, mass, deltaR, boosts,
projections, ak.sum through the reducer behaviors, the same code on type tracers) and hist
filled from awkward arrays. Expectations come from numpy formulas on the generated values."""

from __future__ import annotations

import math

import numpy as np
import pytest

import awkward as ak

vector = pytest.importorskip("vector")
vector.register_awkward()

N = 300


@pytest.fixture(scope="module")
def model():
    rng = np.random.default_rng(5)
    counts = rng.integers(0, 5, N)
    m = int(counts.sum())
    return {
        "counts": counts,
        "pt": rng.uniform(5, 80, m),
        "eta": rng.uniform(-2.5, 2.5, m),
        "phi": rng.uniform(-math.pi, math.pi, m),
        "mass": rng.uniform(0.1, 5, m),
    }


def _rows(model, key):
    return np.split(model[key], np.cumsum(model["counts"])[:-1])


def _four(pt, eta, phi, mass):
    px, py, pz = pt * np.cos(phi), pt * np.sin(phi), pt * np.sinh(eta)
    return px, py, pz, np.sqrt(px**2 + py**2 + pz**2 + mass**2)


def _momenta(model):
    return vector.zip({key: ak.unflatten(model[key], model["counts"]) for key in ("pt", "eta", "phi", "mass")})


def _pairs_model(model):
    """Per event, for each pair i < j: (mass of the sum, deltaR)."""
    out_mass, out_dr = [], []
    for pt, eta, phi, mass in zip(*(_rows(model, k) for k in ("pt", "eta", "phi", "mass"))):
        masses, drs = [], []
        for i in range(len(pt)):
            for j in range(i + 1, len(pt)):
                a = _four(pt[i], eta[i], phi[i], mass[i])
                b = _four(pt[j], eta[j], phi[j], mass[j])
                px, py, pz, e = (x + y for x, y in zip(a, b))
                masses.append(math.sqrt(max(e**2 - px**2 - py**2 - pz**2, 0.0)))
                dphi = (phi[i] - phi[j] + math.pi) % (2 * math.pi) - math.pi
                drs.append(math.hypot(eta[i] - eta[j], dphi))
        out_mass.append(masses)
        out_dr.append(drs)
    return out_mass, out_dr


def _assert_close_lists(got, expected, rtol=1e-9):
    assert [len(row) for row in got] == [len(row) for row in expected]
    flat_got = [x for row in got for x in row]
    flat_expected = [x for row in expected for x in row]
    np.testing.assert_allclose(flat_got, flat_expected, rtol=rtol, atol=1e-9)


def test_zip_is_momentum(model):
    p = _momenta(model)
    assert isinstance(p, vector.backends.awkward.MomentumArray4D)
    # vector stores its canonical coordinate names
    assert str(p.type.content) == "var * Momentum4D[rho: float64, phi: float64, eta: float64, tau: float64]"
    px, py, pz, e = _four(model["pt"], model["eta"], model["phi"], model["mass"])
    np.testing.assert_allclose(ak.to_numpy(ak.flatten(p.px)), px)
    np.testing.assert_allclose(ak.to_numpy(ak.flatten(p.pz)), pz)
    np.testing.assert_allclose(ak.to_numpy(ak.flatten(p.E)), e)


def test_pairs_sum_mass_deltaR(model):
    p = _momenta(model)
    a, b = ak.unzip(ak.combinations(p, 2))
    mass_model, dr_model = _pairs_model(model)
    _assert_close_lists(ak.to_list((a + b).mass), mass_model, rtol=1e-7)
    _assert_close_lists(ak.to_list(a.deltaR(b)), dr_model)


def test_boost_and_projections(model):
    p = _momenta(model)
    first = p[ak.num(p) > 0][:, 0]
    leading_model = [(pt[0], eta[0], phi[0], m[0]) for pt, eta, phi, m in
                     zip(*(_rows(model, k) for k in ("pt", "eta", "phi", "mass"))) if len(pt)]
    # boosting a particle into its own rest frame leaves (mass, 0, 0, 0)
    rest = first.boost_p4(-first)
    np.testing.assert_allclose(ak.to_numpy(rest.px), 0, atol=1e-6)
    np.testing.assert_allclose(ak.to_numpy(rest.E), [m for *_, m in leading_model], rtol=1e-6)
    # beta3 projection and a boost back along it (jagged: every particle by the event's first)
    beta = first.to_beta3()
    px, py, pz, e = _four(*map(np.array, zip(*leading_model)))
    np.testing.assert_allclose(ak.to_numpy(beta.x), px / e)
    np.testing.assert_allclose(ak.to_numpy(beta.z), pz / e)
    events = p[ak.num(p) > 0]
    boosted = events.boost(-beta)
    np.testing.assert_allclose(ak.to_numpy(ak.flatten(boosted.mass)), ak.to_numpy(ak.flatten(events.mass)), rtol=1e-6)
    # projections to 3D and 2D
    xyz = p.to_Vector3D()
    assert ak.fields(xyz) == ["rho", "phi", "eta"]
    np.testing.assert_allclose(ak.to_numpy(ak.flatten(p.to_xyz().z)), _four(model["pt"], model["eta"], model["phi"], model["mass"])[2])
    np.testing.assert_allclose(ak.to_numpy(ak.flatten(p.to_Vector2D().rho)), model["pt"])


def test_sum_of_vectors_through_reducer_behavior(model):
    p = _momenta(model)
    total = ak.sum(p, axis=1)
    assert isinstance(total, vector.backends.awkward.MomentumArray4D)
    rows = [_four(pt, eta, phi, m) for pt, eta, phi, m in zip(*(_rows(model, k) for k in ("pt", "eta", "phi", "mass")))]
    np.testing.assert_allclose(ak.to_numpy(total.px), [r[0].sum() for r in rows], atol=1e-9)
    np.testing.assert_allclose(ak.to_numpy(total.t), [r[3].sum() for r in rows], atol=1e-9)
    masses = [math.sqrt(max(r[3].sum() ** 2 - r[0].sum() ** 2 - r[1].sum() ** 2 - r[2].sum() ** 2, 0)) for r in rows]
    np.testing.assert_allclose(ak.to_numpy(total.mass), masses, rtol=1e-6, atol=1e-6)


def _analysis(p):
    a, b = ak.unzip(ak.combinations(p, 2))
    return {"mass": (a + b).mass, "dr": a.deltaR(b), "sum": ak.sum(p, axis=1), "beta": p.to_beta3(),
            "boosted": p.boost_p4(p)}


def test_same_code_on_typetracer(model):
    p = _momenta(model)
    eager = _analysis(p)
    tracer = ak.Array(p.layout.to_typetracer(forget_length=True), behavior=p.behavior)
    assert isinstance(tracer, vector.backends.awkward.MomentumArray4D)
    traced = _analysis(tracer)
    for key, value in eager.items():
        assert ak.backend(traced[key]) == "typetracer", key
        assert traced[key].type.content == value.type.content, key
        assert type(traced[key]) is type(value), key


def test_hist_fill_from_awkward(model):
    hist = pytest.importorskip("hist")
    p = _momenta(model)
    h = hist.Hist.new.Reg(16, 0, 80, name="pt").Reg(5, -2.5, 2.5, name="eta").Double()
    h.fill(pt=ak.flatten(p.pt), eta=ak.flatten(p.eta))
    expected, _, _ = np.histogram2d(model["pt"], model["eta"], bins=[np.linspace(0, 80, 17), np.linspace(-2.5, 2.5, 6)])
    np.testing.assert_array_equal(h.values(), expected)
    weighted = hist.Hist.new.Reg(10, 0, 10, name="n").Weight()
    weighted.fill(n=ak.num(p), weight=ak.sum(p.pt, axis=1))
    per_event = [row.sum() for row in _rows(model, "pt")]
    w_expected, _ = np.histogram(model["counts"], bins=np.linspace(0, 10, 11), weights=per_event)
    np.testing.assert_allclose(weighted.values(), w_expected)
