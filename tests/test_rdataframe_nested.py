"""ak.to_rdataframe / ak.from_rdataframe, part 2 (needs ROOT: `pip install ROOT`, the test-root
extra; skipped without it): nested lists, records (fields as methods, x.pt()), options (every
option layout), indexed arrays, flatlist_as_rvec=False, keep_order under ROOT's implicit
multithreading, and laziness of nested columns. Each column goes through Define/Filter/Take
and back through ak.from_rdataframe, compared with pure-Python models of the to_list() data."""

import numpy as np
import pytest

import awkward as ak
from tests.counting_buffers import Lazy

ROOT = pytest.importorskip("ROOT", reason="ROOT is not installed (pip install ROOT)")


def take(node, expression, ctype="double"):
    return list(node.Define("awkward_test_", expression).Take[ctype]("awkward_test_").GetValue())


def round_trip(layout, **kwargs):
    rdf = ak.to_rdataframe({"x": layout}, **kwargs)
    back = ak.from_rdataframe(rdf, columns="x")
    assert back.to_list() == ak.to_list(layout)
    return rdf, back


NESTED = [[[1.0, 2.0], []], [], [[3.0], [4.0, 5.0, 6.0]]]


@pytest.mark.parametrize("flatlist_as_rvec", [True, False])
def test_nested_lists(flatlist_as_rvec):
    rdf, back = round_trip(ak.Array(NESTED), flatlist_as_rvec=flatlist_as_rvec)
    assert str(back.type) == "3 * var * var * float64"
    assert str(rdf.GetColumnType("x")).startswith("awkward_rdf::Item<")
    code = "double t = 0; for (auto row : x) { t += 100 * row.size(); for (auto v : row) t += v; } return t;"
    assert take(rdf, code) == [sum(100 * len(r) + sum(r) for r in rows) for rows in NESTED]
    selected = rdf.Filter("x.size() > 0 && x[0].size() > 1")
    assert ak.from_rdataframe(selected, "x").to_list() == [r for r in NESTED if r and len(r[0]) > 1]


def test_regular_and_deeper_lists():
    cube = np.arange(24, dtype=np.int32).reshape(2, 3, 4)
    rdf, back = round_trip(ak.contents.NumpyArray(cube))
    assert str(back.type) == "2 * var * var * int32"
    assert take(rdf, "double(x[2][3] + x.size() * 100 + x[1].size())") == [
        float(m[2][3] + 304) for m in cube.tolist()
    ]
    deep = ak.Array([[[[1], [2, 3]]], [], [[[], [4]]]])
    round_trip(deep)
    round_trip(deep, flatlist_as_rvec=False)


def test_lists_of_strings():
    words = [["a", "bc"], [], ["", "def", "g"]]
    rdf, back = round_trip(ak.Array(words))
    assert str(back.type) == "3 * var * string"
    code = "double t = 0; for (const auto& s : x) t += s.size(); return t * 10 + x.size();"
    assert take(rdf, code) == [sum(len(w) for w in r) * 10 + len(r) for r in words]


RECORDS = [
    {"pt": 1.5, "eta": [0.5, -1.0], "name": "a", "jets": [{"e": 10.0}, {"e": 20.0}]},
    {"pt": 2.5, "eta": [], "name": "", "jets": []},
    {"pt": 3.5, "eta": [2.0], "name": "ccc", "jets": [{"e": 30.0}]},
]


def test_records_fields_are_methods():
    rdf, back = round_trip(ak.Array(RECORDS))
    assert str(back.type) == "3 * {pt: float64, eta: var * float64, name: string, jets: var * {e: float64}}"
    assert take(rdf, "x.pt() * 2 + x.eta().size() + x.name().size()") == [
        r["pt"] * 2 + len(r["eta"]) + len(r["name"]) for r in RECORDS
    ]
    code = "double t = 0; for (auto jet : x.jets()) t += jet.e(); return t;"
    assert take(rdf, code) == [sum(j["e"] for j in r["jets"]) for r in RECORDS]
    selected = rdf.Filter("x.pt() > 2")
    assert ak.from_rdataframe(selected, "x").to_list() == [r for r in RECORDS if r["pt"] > 2]
    # the same record type again: the generated C++ struct is reused
    again = ak.to_rdataframe({"y": ak.Array(RECORDS[::-1])})
    assert str(again.GetColumnType("y")) == str(rdf.GetColumnType("x"))
    assert take(again, "y.pt()") == [r["pt"] for r in RECORDS[::-1]]


def test_tuples_and_unusual_field_names():
    tuples = ak.Array([(1, 2.5), (3, 4.5)])
    rdf, back = round_trip(tuples)
    assert take(rdf, "x._0() * 10 + x._1()") == [t[0] * 10 + t[1] for t in tuples.to_list()]
    odd = ak.Array([{"a b": 1, "class": 2, "_c": 3, "ok": 4}])
    rdf, back = round_trip(odd)
    assert back.fields == ["a b", "class", "_c", "ok"]
    assert take(rdf, "double(x._0() * 1000 + x._1() * 100 + x._2() * 10 + x.ok())") == [1234.0]


def _option_layouts():
    content = ak.contents.NumpyArray(np.array([1.5, 2.5, 3.5, 4.5]))
    valid = np.array([True, False, True, True])
    bits = np.packbits(valid, bitorder="little")
    return {
        "IndexedOptionArray": ak.contents.IndexedOptionArray(
            ak.index.Index64(np.array([0, -1, 2, 3])), content
        ),
        "IndexedOptionArray32": ak.contents.IndexedOptionArray(
            ak.index.Index32(np.array([3, -1, 0, 1], np.int32)), content
        ),
        "ByteMaskedArray": ak.contents.ByteMaskedArray(
            ak.index.Index8(valid.astype(np.int8)), content, valid_when=True
        ),
        "ByteMaskedArray-invalid": ak.contents.ByteMaskedArray(
            ak.index.Index8((~valid).astype(np.int8)), content, valid_when=False
        ),
        "BitMaskedArray": ak.contents.BitMaskedArray(
            ak.index.IndexU8(bits), content, valid_when=True, length=4, lsb_order=True
        ),
        "UnmaskedArray": ak.contents.UnmaskedArray(content),
    }


@pytest.mark.parametrize("kind", sorted(_option_layouts()))
def test_options(kind):
    layout = _option_layouts()[kind]
    data = layout.to_list()
    rdf, back = round_trip(layout)
    assert str(rdf.GetColumnType("x")) in ("optional<double>", "std::optional<double>")
    assert str(back.type) == "4 * ?float64"
    assert take(rdf, "x.has_value() ? *x : -1.0") == [-1.0 if v is None else v for v in data]
    assert take(rdf.Filter("x.has_value()"), "x.value()") == [v for v in data if v is not None]


def test_options_inside_and_outside_lists():
    outer = ak.Array([[1, 2], None, [], [3]])
    rdf, back = round_trip(outer)
    assert str(back.type) == "4 * option[var * int64]"
    assert take(rdf, "x.has_value() ? double(ROOT::VecOps::Sum(*x)) : -1.0") == [
        -1.0 if r is None else float(sum(r)) for r in outer.to_list()
    ]
    inner = ak.Array([[1, None], [], [None, 3, 4]])
    rdf, back = round_trip(inner)
    assert str(back.type) == "3 * var * ?int64"
    assert take(rdf, "double t = 0; for (auto v : x) t += v.value_or(100); return t;") == [
        sum(100 if v is None else v for v in r) for r in inner.to_list()
    ]
    records = ak.Array([{"a": 1.0, "b": None}, None, {"a": 3.0, "b": [1]}])
    rdf, back = round_trip(records)
    assert str(back.type) == "3 * ?{a: float64, b: option[var * int64]}"
    assert take(rdf, "x.has_value() ? x->a() + x->b().has_value() : -1.0") == [
        -1.0 if r is None else r["a"] + (r["b"] is not None) for r in records.to_list()
    ]


def test_indexed_and_empty():
    indexed = ak.contents.IndexedArray(
        ak.index.Index64(np.array([2, 0, 0])), ak.contents.NumpyArray(np.array([1, 2, 3]))
    )
    rdf, back = round_trip(indexed)
    assert take(rdf, "double(x)") == [3.0, 1.0, 1.0]
    categorical = ak.contents.IndexedArray(
        ak.index.Index32(np.array([1, 1, 0], np.int32)),
        ak.contents.NumpyArray(np.array([5.0, 6.0])),
        parameters={"__array__": "categorical"},
    )
    round_trip(categorical)
    empty_lists = ak.contents.ListOffsetArray(
        ak.index.Index64(np.array([0, 0, 0])), ak.contents.EmptyArray()
    )
    rdf, back = round_trip(empty_lists)
    assert take(rdf, "double(x.size())") == [0.0, 0.0]
    nothing = ak.to_rdataframe({"x": ak.contents.EmptyArray()})
    assert ak.from_rdataframe(nothing, "x").to_list() == []


def test_reads_only_the_exposed_nested_columns():
    lazy = Lazy()
    muons = ak.contents.ListOffsetArray(
        lazy.index([0, 2, 2, 3], "muons.offsets"),
        ak.contents.RecordArray(
            [lazy.numpy([1.0, 2.0, 3.0], "muons.pt"), lazy.numpy([4, 5, 6], "muons.charge")],
            ["pt", "charge"],
        ),
    )
    jets = ak.contents.ListOffsetArray(lazy.index([0, 1, 1, 1], "jets.offsets"), lazy.numpy([7.0], "jets.e"))
    events = ak.Array(ak.contents.RecordArray([muons, jets], ["muons", "jets"]))
    rdf = ak.to_rdataframe({"pt": events.muons.pt, "mu": events.muons})
    assert dict(lazy.calls) == {"muons.offsets": 1, "muons.pt": 1, "muons.charge": 1}
    assert take(rdf, "double(pt.size()) + (mu.size() ? mu[0].charge() : 0)") == [6.0, 0.0, 7.0]
    assert lazy.calls["jets.offsets"] == lazy.calls["jets.e"] == 0


@pytest.fixture
def implicit_mt():
    if not hasattr(ROOT, "EnableImplicitMT"):
        pytest.skip("ROOT was built without implicit multithreading")
    ROOT.EnableImplicitMT(2)
    try:
        yield ROOT.IsImplicitMTEnabled()
    finally:
        ROOT.DisableImplicitMT()


def test_keep_order_with_a_filter_multithreaded(implicit_mt):
    count = 20000
    lists = ak.Array([[i] * (i % 3) for i in range(count)])
    rdf = ak.to_rdataframe({"v": lists, "i": ak.Array(np.arange(count))}).Filter("i % 7 != 3")
    model = [{"v": [i] * (i % 3), "i": i} for i in range(count) if i % 7 != 3]
    ordered = ak.from_rdataframe(rdf, columns=("v", "i"), keep_order=True, offsets_type="int32")
    assert ordered.to_list() == model
    assert ordered.v.layout.offsets.data.dtype == np.dtype(np.int32)
    loose = ak.from_rdataframe(rdf, columns=("v", "i"))
    # without keep_order the entries may come in any order, but each row stays whole
    assert sorted(loose.to_list(), key=lambda row: row["i"]) == model
