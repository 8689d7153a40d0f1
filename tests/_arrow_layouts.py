"""Layouts of every kind for the Arrow/Parquet tests, built node by node (each class exactly the
one named), with the dtypes Arrow can carry."""

import numpy as np

from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    EmptyArray,
    IndexedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
    UnmaskedArray,
)
from awkward.index import Index8, Index32, Index64, IndexU8

DTYPES = [
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "float32", "float64", "datetime64[s]", "datetime64[ms]", "datetime64[us]",
    "datetime64[ns]", "timedelta64[s]", "timedelta64[ns]",
]


def numbers(values=(1, 1, 2, 3, 3, 3, 4, 5, 5), dtype=np.int64):
    return NumpyArray(np.array(values, dtype=dtype))


def jagged(offsets=(0, 3, 3, 5, 9), content=None, cls=Index64):
    return ListOffsetArray(cls(np.array(offsets, dtype=cls._expected_dtype)),
                           content if content is not None else numbers())


def text(words=("ab", "ab", "c", "", "dé"), kind="string"):
    data = "".join(words).encode()
    offsets = np.cumsum([0] + [len(w.encode()) for w in words])
    inner = "char" if kind == "string" else "byte"
    chars = NumpyArray(np.frombuffer(data, dtype=np.uint8).copy(), parameters={"__array__": inner})
    return ListOffsetArray(Index64(offsets), chars, parameters={"__array__": kind})


def bitmask(valid):
    return IndexU8(np.packbits(np.array(valid, dtype=bool), bitorder="little"))


def dtype_layout(dtype):
    dtype = np.dtype(dtype)
    if dtype == np.bool_:
        return NumpyArray(np.array([True, False, True, True, False]))
    return NumpyArray(np.array([0, 1, 5, 3, 7]).astype(dtype))


def make_layouts():
    out = {}
    for dtype in DTYPES:
        out[f"NumpyArray {dtype}"] = dtype_layout(dtype)
    out["NumpyArray 2d"] = NumpyArray(np.arange(12, dtype=np.int64).reshape(4, 3))
    out["RegularArray"] = RegularArray(numbers(), 3)
    out["RegularArray size 0"] = RegularArray(NumpyArray(np.zeros(0, np.int64)), 0, 3)
    out["ListOffsetArray"] = jagged()
    out["ListOffsetArray start 2"] = jagged((2, 3, 3, 5, 9))
    out["ListOffsetArray int32"] = jagged((0, 2, 2, 6), cls=Index32)
    out["ListArray"] = ListArray(Index64(np.array([5, 0, 3, 3])), Index64(np.array([9, 3, 3, 5])),
                                 numbers())
    out["ListOffsetArray 3d"] = jagged((0, 2, 2, 3), jagged())
    out["RegularArray of lists"] = RegularArray(jagged(), 2)
    out["IndexedOptionArray"] = IndexedOptionArray(Index64(np.array([3, -1, 0, 1, -1])), numbers())
    out["IndexedOptionArray of lists"] = IndexedOptionArray(Index64(np.array([3, -1, 0, 1, -1])),
                                                            jagged())
    out["ByteMaskedArray"] = ByteMaskedArray(Index8(np.array([1, 0, 1, 1], dtype=np.int8)),
                                             numbers(), valid_when=True)
    out["ByteMaskedArray valid_when False of lists"] = ByteMaskedArray(
        Index8(np.array([0, 1, 0, 0], dtype=np.int8)), jagged(), valid_when=False)
    out["BitMaskedArray of lists"] = BitMaskedArray(bitmask([True, True, False, True]), jagged(),
                                                    valid_when=True, length=4, lsb_order=True)
    out["BitMaskedArray msb valid_when False"] = BitMaskedArray(
        IndexU8(np.array([0b01000000], np.uint8)), numbers(), valid_when=False, length=5,
        lsb_order=False)
    out["UnmaskedArray of lists"] = UnmaskedArray(jagged())
    out["IndexedArray of lists"] = IndexedArray(Index64(np.array([3, 3, 0, 2])), jagged())
    out["option all missing"] = IndexedOptionArray(Index64(np.array([-1, -1])), numbers(()))
    out["option of EmptyArray"] = IndexedOptionArray(Index64(np.array([-1, -1, -1])), EmptyArray())
    out["lists of options"] = jagged((0, 2, 2, 5), IndexedOptionArray(
        Index64(np.array([0, -1, 1, 1, -1])), numbers()))
    out["lists of bool options"] = jagged((0, 2, 3), ByteMaskedArray(
        Index8(np.array([1, 0, 1], np.int8)), NumpyArray(np.array([True, False, False])),
        valid_when=True))
    out["union"] = UnionArray(Index8(np.array([0, 1, 0, 1], dtype=np.int8)),
                              Index64(np.array([0, 0, 1, 2])),
                              [numbers(), text()])
    out["union of lists"] = UnionArray(
        Index8(np.array([0, 1, 0, 1], dtype=np.int8)), Index64(np.array([0, 0, 1, 2])),
        [jagged((0, 2, 3)), jagged((0, 1, 1, 4), NumpyArray(np.array([1.5, 2.5, 2.5, 3.5])))])
    out["lists of union"] = jagged((0, 2, 4), UnionArray(
        Index8(np.array([0, 1, 1, 0], dtype=np.int8)), Index64(np.array([0, 0, 1, 1])),
        [numbers(), text()]))
    out["union of options"] = UnionArray(
        Index8(np.array([0, 1, 0], dtype=np.int8)), Index64(np.array([0, 0, 1])),
        [IndexedOptionArray(Index64(np.array([0, -1])), numbers()), UnmaskedArray(text())])
    out["record"] = RecordArray([numbers(), jagged((0, 1, 2, 2, 4, 4, 5, 6, 8, 9))], ["x", "y"])
    out["record of lists"] = RecordArray([jagged(), jagged((0, 1, 2, 2, 4))], ["x", "y"])
    out["named record"] = RecordArray([numbers((1, 2))], ["x"], parameters={"__record__": "Point"})
    out["record with option fields"] = RecordArray(
        [IndexedOptionArray(Index64(np.array([0, -1, 2])), numbers()), text(("a", "b", "c"))],
        ["x", "s"])
    out["option of record"] = IndexedOptionArray(
        Index64(np.array([1, -1, 0])),
        RecordArray([numbers((1, 2)), IndexedOptionArray(Index64(np.array([-1, 0])), numbers())],
                    ["x", "y"]))
    out["bytemasked record"] = ByteMaskedArray(
        Index8(np.array([1, 0], np.int8)), RecordArray([numbers((1, 2))], ["x"]),
        valid_when=True)
    out["lists of records"] = jagged((0, 2, 2, 4), RecordArray(
        [numbers(), jagged((0, 1, 1, 2, 4, 4))], ["a", "b"]))
    out["lists of option records"] = jagged((0, 2, 3), IndexedOptionArray(
        Index64(np.array([0, -1, 1])), RecordArray([numbers((5, 6))], ["a"])))
    out["tuple"] = RecordArray([jagged(), RegularArray(numbers(), 2)], None)
    out["empty record"] = RecordArray([], [], length=3)
    out["strings"] = text()
    out["bytestrings"] = text(("a", "", "xyz"), kind="bytestring")
    out["option strings"] = IndexedOptionArray(Index64(np.array([0, -1, 4])), text())
    out["lists of strings"] = jagged((0, 2, 2, 5), text())
    out["regular bytestrings"] = RegularArray(
        NumpyArray(np.frombuffer(b"abcdef", np.uint8).copy(), parameters={"__array__": "byte"}),
        2, parameters={"__array__": "bytestring"})
    out["categorical strings"] = IndexedArray(Index64(np.array([0, 1, 0, 2])),
                                              text(("x", "y", "z")),
                                              parameters={"__array__": "categorical"})
    out["categorical numbers"] = IndexedArray(Index64(np.array([1, 1, 0])), numbers((5, 6)),
                                              parameters={"__array__": "categorical"})
    out["optional categorical"] = IndexedOptionArray(Index64(np.array([1, -1, 0])),
                                                     text(("x", "y")),
                                                     parameters={"__array__": "categorical"})
    out["EmptyArray"] = EmptyArray()
    out["lists of EmptyArray"] = ListOffsetArray(Index64(np.zeros(3, dtype=np.int64)), EmptyArray())
    out["parameters"] = ListOffsetArray(
        Index64(np.array([0, 2, 3])), NumpyArray(np.array([1.0, 2.0, 3.0]),
                                                 parameters={"units": "GeV"}),
        parameters={"__list__": "Jet", "meta": [1, {"a": None}]})
    out["nested everything"] = jagged((0, 1, 3), RecordArray([
        IndexedOptionArray(Index64(np.array([0, -1, 1])), jagged((0, 2, 3), text(("p", "q", "r")))),
        RegularArray(NumpyArray(np.arange(6, dtype=np.float32)), 2),
    ], ["s", "r"]))
    return out


LAYOUTS = make_layouts()

# layouts that a Parquet file cannot hold (Arrow unions, empty structs; pyarrow cannot read
# back a fixed-size list of size 0)
NOT_PARQUET = {"union", "union of lists", "lists of union", "union of options", "empty record",
               "RegularArray size 0"}


def _merged(layout):
    if isinstance(layout, UnionArray):
        return UnionArray.simplified(layout.tags, layout.index, layout.contents,
                                     parameters=layout.parameters)
    return layout


def expected_type(layout):
    """The type a round trip gives: awkward (2.14 too) merges a union's mergeable contents
    when reading Arrow unions (int64 and float64 lists become one list type)."""
    import awkward as ak

    return str(ak.Array(_merged(layout)).type)


def expected_values(layout):
    return _merged(layout).to_list()
