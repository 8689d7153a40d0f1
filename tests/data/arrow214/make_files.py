"""Writes the files of this directory with awkward 2.14 (run it with the reference
environment's python: /tmp/ak-compare-ref-2.14.0/bin/python make_files.py OUTDIR). For each
case: NAME.parquet, NAME.feather and an entry in expected.json with the type and values that
awkward 2.14 gives when it reads them back (Parquet turns datetime64[s] into [ms]). The test suite also runs it in a subprocess when that
environment exists."""

import json
import os
import sys

import numpy as np

import awkward as ak


def cases():
    L, Ix = ak.contents, ak.index
    return {
        "record": ak.Array([{"x": 1, "y": [1.1, None]}, {"x": 2, "y": None}]),
        "option_record": ak.with_name(
            ak.Array([{"x": 1, "y": [[1.5, None]], "z": (1, "s")}, None]), "P"),
        "jagged": ak.Array([[1, 2], [], [3]]),
        "tuple": ak.Array([(1, 2.5), (3, 4.5)]),
        "strings": ak.Array(["a", None, "bcd"]),
        "bytestrings": ak.Array([b"a", b"", b"xyz"]),
        "bools": ak.Array([[True, None], [False]]),
        "datetimes": ak.Array(np.array(["2020-01-01", "2021-06-01"], dtype="datetime64[s]")),
        "timedeltas": ak.Array(np.array([1, 2], dtype="timedelta64[ms]")),
        "regular": ak.to_regular(ak.Array([[1, None], [2, 3]])),
        "categorical": ak.Array(L.IndexedArray(
            Ix.Index64(np.array([0, 1, 0])), ak.to_layout(["u", "v"]),
            parameters={"__array__": "categorical"})),
        "parameters": ak.with_parameter(ak.Array([[1.0], [2.0, 3.0]]), "units", "GeV"),
        "unmasked": ak.Array(L.UnmaskedArray(L.NumpyArray(np.array([1, 2])))),
        "empty_lists": ak.Array(L.ListOffsetArray(Ix.Index64(np.array([0, 0, 0])), L.EmptyArray())),
        "nested": ak.Array([{"a": [{"b": 1, "c": [None, "x"]}]}, {"a": []}]),
        "floats32": ak.Array(np.array([1.5, 2.5], dtype=np.float32)),
    }


CATEGORICAL_AS_DICTIONARY = {"categorical"}


def main(outdir):
    os.makedirs(outdir, exist_ok=True)
    expected = {}
    for name, array in cases().items():
        kwargs = {"categorical_as_dictionary": name in CATEGORICAL_AS_DICTIONARY}
        ak.to_parquet(array, os.path.join(outdir, name + ".parquet"), **kwargs)
        ak.to_feather(array, os.path.join(outdir, name + ".feather"), **kwargs)
        for kind, read in (("parquet", ak.from_parquet), ("feather", ak.from_feather)):
            back = read(os.path.join(outdir, f"{name}.{kind}"))
            expected[f"{name}.{kind}"] = {"type": str(back.type), "values": repr(back.to_list())}
    with open(os.path.join(outdir, "expected.json"), "w") as file:
        json.dump(expected, file, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
