"""ak.to_rdataframe / ak.from_rdataframe, part 1 (needs ROOT: `pip install ROOT`, the test-root
extra; skipped without it): numbers, lists of numbers as RVecs, strings, the C++ types ROOT
defines read back (nested RVec/std::vector, strings, every number type, optional), offsets_type
and with_name, the refusals, and which buffers are read. Expected values come from pure-Python
models over to_list() data. Nested lists, records, options: tests/test_rdataframe_nested.py."""

import gc

import numpy as np
import pytest

import awkward as ak
from tests._structure_layouts import strings
from tests.counting_buffers import Lazy

ROOT = pytest.importorskip("ROOT", reason="ROOT is not installed (pip install ROOT)")

NUMBERS = {
    "float64": [1.5, -2.0, 3.25],
    "float32": [1.5, -2.0, 3.25],
    "int64": [1, -2, 3],
    "int32": [1, -2, 3],
    "int16": [1, -2, 3],
    "int8": [1, -2, 3],
    "uint64": [1, 2, 3],
    "uint32": [1, 2, 3],
    "uint16": [1, 2, 65535],
    "uint8": [1, 2, 255],
    "bool": [True, False, True],
}


def take(node, expression, ctype="double"):
    """The values of a C++ expression over ``node``'s entries, as a Python list."""
    return list(node.Define("awkward_test_", expression).Take[ctype]("awkward_test_").GetValue())


def _round_trip(column, **kwargs):
    rdf = ak.to_rdataframe({"x": column}, **kwargs)
    return rdf, ak.from_rdataframe(rdf, columns=("x",))


@pytest.mark.parametrize("dtype", sorted(NUMBERS))
def test_numbers_round_trip(dtype):
    column = ak.values_astype(ak.Array(NUMBERS[dtype]), dtype)
    rdf, back = _round_trip(column)
    assert back.fields == ["x"] and back.x.to_list() == NUMBERS[dtype]
    assert str(back.x.type) == f"3 * {dtype}"
    assert take(rdf, "double(x) * 2") == [float(v) * 2 for v in NUMBERS[dtype]]


@pytest.mark.parametrize("dtype", ["float64", "int64", "int32", "bool"])
def test_lists_of_numbers_are_rvecs(dtype):
    value = [[1, 0], [], [1, 1, 0]]
    column = ak.values_astype(ak.Array(value), dtype)
    rdf, back = _round_trip(column)
    assert str(rdf.GetColumnType("x")).startswith("ROOT::VecOps::RVec<")
    expected = [[type(v)(x) for x in row] for row, v in ((r, NUMBERS[dtype][0]) for r in value)]
    assert back.x.to_list() == expected and str(back.x.type) == f"3 * var * {dtype}"
    assert take(rdf, "double(ROOT::VecOps::Sum(x)) + x.size()") == [
        float(sum(row) + len(row)) for row in value
    ]


@pytest.mark.parametrize(
    "layout",
    [
        ak.contents.ListArray(
            ak.index.Index64(np.array([3, 0, 1])), ak.index.Index64(np.array([5, 1, 1])),
            ak.contents.NumpyArray(np.arange(6.0)),
        ),
        ak.contents.ListArray(
            ak.index.IndexU32(np.array([3, 0, 1], np.uint32)),
            ak.index.IndexU32(np.array([5, 1, 1], np.uint32)),
            ak.contents.NumpyArray(np.arange(6.0)),
        ),
        ak.contents.RegularArray(ak.contents.NumpyArray(np.arange(6.0)), 2),
        ak.contents.NumpyArray(np.arange(6.0).reshape(3, 2)),
        ak.contents.ListOffsetArray(
            ak.index.Index64(np.array([2, 4, 4, 6])), ak.contents.NumpyArray(np.arange(6.0))
        ),
        ak.contents.ListOffsetArray(
            ak.index.Index32(np.array([0, 1, 1, 6], np.int32)), ak.contents.NumpyArray(np.arange(6.0))
        ),
    ],
    ids=["ListArray", "ListArray-u32", "RegularArray", "NumpyArray-2d", "offsets-start-2", "int32"],
)
@pytest.mark.parametrize("flatlist_as_rvec", [True, False])
def test_list_kinds(layout, flatlist_as_rvec):
    rdf, back = _round_trip(layout, flatlist_as_rvec=flatlist_as_rvec)
    data = layout.to_list()
    assert back.x.to_list() == data and str(back.x.type) == "3 * var * float64"
    summed = "double t = 0; for (auto v : x) t += v; return t * 10 + x.size();"
    assert take(rdf, summed) == [sum(row) * 10 + len(row) for row in data]
    assert take(rdf, "x.empty() ? -1.0 : x[x.size() - 1]") == [r[-1] if r else -1 for r in data]
    kind = "ROOT::VecOps::RVec<double>" if flatlist_as_rvec else "awkward_rdf::Item<"
    assert str(rdf.GetColumnType("x")).startswith(kind)


def test_strings_and_several_columns():
    words = ak.Array(strings())
    numbers = ak.Array([1.0, 2.0, 3.0, 4.0, 5.0])
    binary = ak.Array([b"x", b"", b"\x00y", b"zz", b"w"])
    rdf = ak.to_rdataframe({"w": words, "n": numbers, "b": binary})
    assert str(rdf.GetColumnType("w")) == "string"
    assert take(rdf, "double(w.size() + b.size())") == [
        float(len(w) + len(b)) for w, b in zip(words.to_list(), binary.to_list())
    ]
    back = ak.from_rdataframe(rdf, columns=("w", "n"), with_name="Thing")
    assert back.to_list() == [{"w": w, "n": n} for w, n in zip(words.to_list(), numbers.to_list())]
    assert str(back.type) == "5 * Thing[w: string, n: float64]"
    assert ak.from_rdataframe(rdf, columns="n").to_list() == numbers.to_list()
    # bytestrings come back as std::string, i.e. as strings of the same bytes
    assert [s.encode("latin-1") for s in ak.from_rdataframe(rdf, "b").to_list()] == binary.to_list()


def test_filter_histogram_and_derived_nodes_keep_the_buffers():
    values = np.linspace(0.0, 9.0, 1000)
    node = ak.to_rdataframe({"x": ak.Array(values)}).Filter("x > 4.5")
    gc.collect()  # the Python object of the first node is gone: the graph holds the buffers
    histogram = node.Histo1D(("h", "h", 10, 0.0, 10.0), "x")
    selected = [v for v in values.tolist() if v > 4.5]
    assert histogram.GetEntries() == len(selected)
    assert histogram.GetMean() == pytest.approx(sum(selected) / len(selected))
    assert ak.from_rdataframe(node, "x").to_list() == selected


def test_reads_only_the_converted_columns():
    lazy = Lazy()
    layout = ak.contents.RecordArray(
        [
            ak.contents.ListOffsetArray(lazy.index([0, 2, 3], "x.offsets"), lazy.numpy([1.0, 2.0, 3.0], "x.data")),
            lazy.numpy([10, 20], "y"),
        ],
        ["x", "y"],
    )
    array = ak.Array(layout)
    rdf = ak.to_rdataframe({"x": array.x})
    assert dict(lazy.calls) == {"x.offsets": 1, "x.data": 1}
    assert ak.from_rdataframe(rdf, columns="x").to_list() == [[1.0, 2.0], [3.0]]
    assert dict(lazy.calls) == {"x.offsets": 1, "x.data": 1}


CPP_NUMBERS = {
    "double": "float64", "float": "float32", "Double32_t": "float64", "long": "int64",
    "long long": "int64", "Long64_t": "int64", "int": "int32", "short": "int16",
    "signed char": "int8", "char": "int8", "unsigned long": "uint64", "ULong64_t": "uint64",
    "unsigned int": "uint32", "unsigned short": "uint16", "unsigned char": "uint8",
    "bool": "bool",
}


def test_every_cpp_number_type():
    rdf = ROOT.RDataFrame(4)
    names = []
    for i, ctype in enumerate(CPP_NUMBERS):
        names.append(f"c{i}")
        rdf = rdf.Define(names[-1], f"({ctype})(rdfentry_ + 1)")
    back = ak.from_rdataframe(rdf, columns=names)
    for name, (ctype, dtype) in zip(names, CPP_NUMBERS.items()):
        assert str(back[name].type) == f"4 * {dtype}", ctype
        model = [bool(i + 1) if dtype == "bool" else i + 1 for i in range(4)]
        assert back[name].to_list() == model


def test_from_columns_root_defines():
    rdf = (
        ROOT.RDataFrame(5)
        .Define("x", "(double)rdfentry_")
        .Define("v", "ROOT::VecOps::RVec<int>(rdfentry_ % 3, 7)")
        .Define("vv", "ROOT::RVec<ROOT::RVec<float>>(rdfentry_ % 3, ROOT::RVec<float>(rdfentry_, 0.5f))")
        .Define("sv", "std::vector<std::vector<double>>(rdfentry_ % 2, {1.0 * rdfentry_})")
        .Define("s", "std::string(rdfentry_, 'a')")
        .Define("rs", "ROOT::RVec<std::string>(rdfentry_ % 3, std::to_string(rdfentry_))")
        .Define("b", "rdfentry_ % 2 == 0")
        .Define("rb", "ROOT::RVec<bool>{rdfentry_ % 2 == 0, true}")
        .Define("o", "rdfentry_ % 2 ? std::optional<long>(rdfentry_) : std::nullopt")
    )
    names = ("x", "v", "vv", "sv", "s", "rs", "b", "rb", "o")
    back = ak.from_rdataframe(rdf, columns=names, keep_order=True)
    model = [
        {
            "x": float(i), "v": [7] * (i % 3), "vv": [[0.5] * i] * (i % 3),
            "sv": [[1.0 * i]] * (i % 2), "s": "a" * i, "rs": [str(i)] * (i % 3),
            "b": i % 2 == 0, "rb": [i % 2 == 0, True], "o": i if i % 2 else None,
        }
        for i in range(5)
    ]
    assert back.to_list() == model
    assert str(back.type) == (
        "5 * {x: float64, v: var * int32, vv: var * var * float32, sv: var * var * float64, "
        "s: string, rs: var * string, b: bool, rb: var * bool, o: ?int64}"
    )
    for offsets_type in ("int32", "uint32", "int64"):
        out = ak.from_rdataframe(rdf, columns="vv", offsets_type=offsets_type)
        assert out.layout.offsets.data.dtype == np.dtype(offsets_type)
        assert out.layout.content.offsets.data.dtype == np.dtype(offsets_type)
        assert out.to_list() == [row["vv"] for row in model]
    named = ak.from_rdataframe(rdf.Filter("x > 2"), columns=("x", "s"), with_name="Point")
    assert named.to_list() == [{"x": r["x"], "s": r["s"]} for r in model if r["x"] > 2]
    assert named.layout.parameter("__record__") == "Point"


def test_errors():
    with pytest.raises(ValueError, match="ak.to_rdataframe: lengths"):
        ak.to_rdataframe({"a": ak.Array([1]), "b": ak.Array([1, 2])})
    with pytest.raises(TypeError, match="dict"):
        ak.to_rdataframe([1, 2])
    with pytest.raises(TypeError, match="ak.to_rdataframe: column names must be C\\+\\+ identifiers"):
        ak.to_rdataframe({"a b": ak.Array([1])})
    tracer = ak.Array(ak.Array([1, 2]).layout.to_typetracer(forget_length=True))
    with pytest.raises(TypeError, match="ak.to_rdataframe: column 't' is a typetracer"):
        ak.to_rdataframe({"t": tracer})
    union = ak.Array([1.0, "a"])
    with pytest.raises(TypeError, match="ak.to_rdataframe: column 'u'.*union"):
        ak.to_rdataframe({"u": union})
    with pytest.raises(TypeError, match="ak.to_rdataframe: column 'c'.*complex128"):
        ak.to_rdataframe({"c": ak.Array(np.array([1 + 1j]))})
    with pytest.raises(TypeError, match="ak.to_rdataframe: column 'd'.*datetime64"):
        ak.to_rdataframe({"d": ak.Array(np.array(["2020-01-01"], "datetime64[D]"))})
    rdf = ROOT.RDataFrame(2).Define("x", "(double)rdfentry_").Define("m", "std::map<int, int>()")
    with pytest.raises(TypeError, match="offsets_type"):
        ak.from_rdataframe(rdf, columns=("x",), offsets_type="int8")
    with pytest.raises(TypeError, match="ak.from_rdataframe: column 'm'.*map<int,int>"):
        ak.from_rdataframe(rdf, columns=("x", "m"))
    with pytest.raises(ValueError, match="ak.from_rdataframe: .*no column named 'nope'"):
        ak.from_rdataframe(rdf, columns=("nope",))
    with pytest.raises(TypeError, match="ak.from_rdataframe: column names must be strings"):
        ak.from_rdataframe(rdf, columns=(1,))
    with pytest.raises(TypeError, match="ak.from_rdataframe: 'rdf' must be a ROOT RDataFrame"):
        ak.from_rdataframe([1, 2], columns="x")
