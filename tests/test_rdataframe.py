"""ak.to_rdataframe / ak.from_rdataframe (needs ROOT: `pip install ROOT`; skipped without it):
round trips of numbers, lists of numbers and strings, only the converted buffers read, the
refusals (options, nested types, offsets_type) and from_rdataframe of columns ROOT defines."""

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
    "uint8": [1, 2, 255],
    "uint32": [1, 2, 3],
    "bool": [True, False, True],
}


def _round_trip(column, **kwargs):
    rdf = ak.to_rdataframe({"x": column}, **kwargs)
    return rdf, ak.from_rdataframe(rdf, columns=("x",))


@pytest.mark.parametrize("dtype", sorted(NUMBERS))
def test_numbers_round_trip(dtype):
    column = ak.values_astype(ak.Array(NUMBERS[dtype]), dtype)
    rdf, back = _round_trip(column)
    assert back.fields == ["x"] and back.x.to_list() == NUMBERS[dtype]
    assert str(back.x.type) == f"3 * {dtype}"


@pytest.mark.parametrize("dtype", ["float64", "int64", "int32", "bool"])
def test_lists_of_numbers_are_rvecs(dtype):
    value = [[1, 0], [], [1, 1, 0]]
    column = ak.values_astype(ak.Array(value), dtype)
    rdf, back = _round_trip(column)
    assert str(rdf.GetColumnType("x")).startswith("ROOT::VecOps::RVec<")
    expected = [[type(v)(x) for x in row] for row, v in ((r, NUMBERS[dtype][0]) for r in value)]
    assert back.x.to_list() == expected and str(back.x.type) == f"3 * var * {dtype}"


@pytest.mark.parametrize(
    "layout",
    [
        ak.contents.ListArray(
            ak.index.Index64(np.array([3, 0, 1])), ak.index.Index64(np.array([5, 1, 1])),
            ak.contents.NumpyArray(np.arange(6.0)),
        ),
        ak.contents.RegularArray(ak.contents.NumpyArray(np.arange(6.0)), 2),
        ak.contents.ListOffsetArray(ak.index.Index64(np.array([2, 4, 4, 6])), ak.contents.NumpyArray(np.arange(6.0))),
    ],
    ids=["ListArray", "RegularArray", "offsets start 2"],
)
def test_list_kinds(layout):
    _, back = _round_trip(layout)
    assert back.x.to_list() == layout.to_list()


def test_strings_and_several_columns():
    words = ak.Array(strings())
    numbers = ak.Array([1.0, 2.0, 3.0, 4.0, 5.0])
    rdf = ak.to_rdataframe({"w": words, "n": numbers})
    back = ak.from_rdataframe(rdf, columns=("w", "n"), with_name="Thing")
    assert back.to_list() == [{"w": w, "n": n} for w, n in zip(words.to_list(), numbers.to_list())]
    assert str(back.type) == "5 * Thing[w: string, n: float64]"
    assert ak.from_rdataframe(rdf, columns="n").to_list() == numbers.to_list()


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


def test_from_columns_root_defines():
    rdf = ROOT.RDataFrame(5).Define("x", "(double)rdfentry_").Define(
        "v", "ROOT::VecOps::RVec<int>(rdfentry_ % 3, 7)"
    )
    back = ak.from_rdataframe(rdf, columns=("x", "v"), keep_order=True)
    assert back.to_list() == [{"x": float(i), "v": [7] * (i % 3)} for i in range(5)]
    assert str(back.type) == "5 * {x: float64, v: var * int32}"
    for offsets_type in ("int32", "uint32", "int64"):
        out = ak.from_rdataframe(rdf, columns="v", offsets_type=offsets_type)
        assert out.layout.offsets.data.dtype == np.dtype(offsets_type)
        assert out.to_list() == [[7] * (i % 3) for i in range(5)]


def test_errors():
    with pytest.raises(TypeError, match="optional"):
        ak.to_rdataframe({"x": ak.Array([1.0, None])})
    with pytest.raises(ValueError, match="lengths"):
        ak.to_rdataframe({"a": ak.Array([1]), "b": ak.Array([1, 2])})
    with pytest.raises(TypeError, match="dict"):
        ak.to_rdataframe([1, 2])
    with pytest.raises(NotImplementedError, match="var \\* var \\* float64"):
        ak.to_rdataframe({"x": ak.Array([[[1.0]]])})
    with pytest.raises(NotImplementedError, match="flatlist_as_rvec"):
        ak.to_rdataframe({"x": ak.Array([[1.0]])}, flatlist_as_rvec=False)
    rdf = ROOT.RDataFrame(2).Define("x", "(double)rdfentry_")
    with pytest.raises(TypeError, match="offsets_type"):
        ak.from_rdataframe(rdf, columns=("x",), offsets_type="int8")
