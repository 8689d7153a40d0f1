#!/usr/bin/env python3
"""Write tests/data/awkward1/samples.pkl: arrays made and pickled by awkward 1 itself.

Run with a Python that has awkward 1 (e.g. ``pip install awkward==1.10.3 numpy==1.26.4`` in a
scratch venv), from outside this repository (so that ``import awkward`` is awkward 1):

    cd /tmp && /path/to/awkward1-venv/bin/python /path/to/repo/dev/make_awkward1_samples.py /path/to/repo

The file is a pickled dict ``name -> {"pickles": {protocol: bytes}, "buffers": (form JSON,
length, container), "to_list": ..., "type": str}``; loading it needs only numpy (the inner
pickles are bytes, unpickled by the tests). ``to_list`` and ``type`` are awkward 1's own
answers: the tests compare against them.
"""

import os
import pickle
import sys

import numpy as np

import awkward as ak

assert ak.__version__.startswith("1."), ak.__version__
L = ak.layout


def samples():
    out = {}
    jagged = ak.Array([[1.1, 2.2, 3.3], [], [4.4, 5.5]])
    out["numpy"] = ak.Array(np.arange(5.0))
    out["numpy 2d"] = ak.Array(np.arange(6).reshape(3, 2))
    out["bool"] = ak.Array(np.array([True, False, True]))
    out["complex"] = ak.Array(np.array([1 + 2j, 3 - 1j]))
    out["int32"] = ak.Array(np.array([1, 2, 3], dtype=np.int32))
    out["jagged"] = jagged
    out["jagged sliced"] = jagged[[2, 0]]
    out["ListArray32"] = ak.Array(
        L.ListArray32(L.Index32(np.array([0, 1], np.int32)), L.Index32(np.array([1, 3], np.int32)),
                      L.NumpyArray(np.arange(3.0)))
    )
    out["ListOffsetArrayU32"] = ak.Array(
        L.ListOffsetArrayU32(L.IndexU32(np.array([0, 1, 3], np.uint32)), L.NumpyArray(np.arange(3.0)))
    )
    out["regular"] = ak.to_regular(ak.Array([[1, 2], [3, 4]]), axis=1)
    out["records"] = ak.Array([{"x": 1, "y": [1.5]}, {"x": 2, "y": []}])
    out["tuples"] = ak.Array([(1, "a"), (2, "bc")])
    out["options"] = ak.Array([1, None, 3])
    out["jagged options"] = ak.Array([[1.5, None], None, [2.5]])
    out["ByteMaskedArray"] = ak.Array(
        L.ByteMaskedArray(L.Index8(np.array([1, 0, 1], np.int8)), L.NumpyArray(np.arange(3.0)), True)
    )
    out["BitMaskedArray"] = ak.Array(
        L.BitMaskedArray(L.IndexU8(np.array([5], np.uint8)), L.NumpyArray(np.arange(3.0)), True, 3, True)
    )
    out["UnmaskedArray"] = ak.Array(L.UnmaskedArray(L.NumpyArray(np.arange(3.0))))
    out["IndexedArray"] = ak.Array(L.IndexedArray64(L.Index64(np.array([2, 0, 0])), L.NumpyArray(np.arange(3.0))))
    out["union"] = ak.Array([1, [2, 3], "x", {"a": 1}])
    out["strings"] = ak.Array(["one", "", "three"])
    out["bytestrings"] = ak.Array([b"ab", b"c"])
    out["empty"] = ak.Array([])
    out["muons"] = ak.Array(
        [
            {"run": 1, "muons": [{"pt": 30.5, "eta": 0.1, "charge": 1}, {"pt": 12.0, "eta": -1.2, "charge": -1}]},
            {"run": 1, "muons": []},
            {"run": 2, "muons": [{"pt": 45.0, "eta": 2.0, "charge": -1}]},
        ]
    )
    out["named records"] = ak.Array([{"x": 1.0, "y": 2.0}], with_name="Point")
    out["partitioned"] = ak.partitioned([jagged, ak.Array([[6.6]]), ak.Array([[], [7.7]])])
    out["virtual"] = ak.virtual(lambda: jagged, length=3, form=jagged.layout.form)
    out["record"] = ak.Record({"x": 1, "y": [1.5, 2.5]})
    out["record in array"] = out["muons"][2]
    return out


def main(repo):
    data = {}
    for name, value in samples().items():
        entry = {
            "pickles": {p: pickle.dumps(value, protocol=p) for p in (2, 4, 5)},
            "to_list": value.tolist(),
            "type": str(ak.type(value)),
        }
        if isinstance(value, ak.Array):
            form, length, container = ak.to_buffers(value)
            entry["buffers"] = (form.tojson(), length, {k: np.asarray(v) for k, v in container.items()})
        data[name] = entry
    path = os.path.join(repo, "tests", "data", "awkward1", "samples.pkl")
    with open(path, "wb") as file:
        pickle.dump({"awkward_version": ak.__version__, "samples": data}, file, protocol=4)
    print(f"wrote {len(data)} samples to {path}")


if __name__ == "__main__":
    main(sys.argv[1])
