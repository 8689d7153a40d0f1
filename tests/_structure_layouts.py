"""Layouts of every kind for the structure-operation tests (num, flatten, unflatten, ravel,
local_index, run_lengths), built node by node so that each class is exactly the one named,
and pure-Python helpers over to_list data."""

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


def numbers(values=(1, 1, 2, 3, 3, 3, 4, 5, 5)):
    return NumpyArray(np.array(values, dtype=np.int64))


def jagged(offsets=(0, 3, 3, 5, 9), content=None):
    return ListOffsetArray(Index64(np.array(offsets, dtype=np.int64)), content or numbers())


def strings(words=("ab", "ab", "c", "", "de")):
    data = "".join(words).encode()
    offsets = np.cumsum([0] + [len(w.encode()) for w in words])
    chars = NumpyArray(np.frombuffer(data, dtype=np.uint8).copy(), parameters={"__array__": "char"})
    return ListOffsetArray(Index64(offsets), chars, parameters={"__array__": "string"})


def _bitmask(valid):
    bits = np.packbits(np.array(valid, dtype=bool), bitorder="little")
    return IndexU8(bits)


def make_layouts():
    """name -> layout; every layout has at least two dimensions where it can."""
    out = {}
    out["NumpyArray"] = numbers()
    out["NumpyArray 2d"] = NumpyArray(np.arange(12, dtype=np.int64).reshape(4, 3) % 5)
    out["RegularArray"] = RegularArray(numbers(), 3)
    out["ListOffsetArray"] = jagged()
    out["ListOffsetArray start 2"] = jagged((2, 3, 3, 5, 9))
    out["ListOffsetArray int32"] = ListOffsetArray(
        Index32(np.array([0, 2, 2, 6], dtype=np.int32)), numbers()
    )
    out["ListArray"] = ListArray(
        Index64(np.array([5, 0, 3, 3])), Index64(np.array([9, 3, 3, 5])), numbers()
    )
    out["ListOffsetArray 3d"] = jagged((0, 2, 2, 3), jagged())
    out["RegularArray of lists"] = RegularArray(jagged(), 2)
    out["ListArray of RegularArray"] = ListArray(
        Index64(np.array([1, 0])), Index64(np.array([3, 1])), RegularArray(numbers(), 3)
    )
    out["IndexedOptionArray of lists"] = IndexedOptionArray(Index64(np.array([3, -1, 0, 1, -1])), jagged())
    out["ByteMaskedArray of lists"] = ByteMaskedArray(
        Index8(np.array([1, 0, 1, 1], dtype=np.int8)), jagged(), valid_when=True
    )
    out["BitMaskedArray of lists"] = BitMaskedArray(
        _bitmask([True, True, False, True]), jagged(), valid_when=True, length=4, lsb_order=True
    )
    out["UnmaskedArray of lists"] = UnmaskedArray(jagged())
    out["IndexedArray of lists"] = IndexedArray(Index64(np.array([3, 3, 0, 2])), jagged())
    out["lists of options"] = jagged(
        (0, 2, 2, 5), IndexedOptionArray(Index64(np.array([0, -1, 1, 1, -1])), numbers())
    )
    out["lists of ByteMasked"] = jagged(
        (0, 3, 4), ByteMaskedArray(Index8(np.array([0, 0, 1, 0], dtype=np.int8)), numbers(), valid_when=False)
    )
    out["lists of IndexedArray"] = jagged((0, 1, 4), IndexedArray(Index64(np.array([4, 4, 2, 0])), numbers()))
    out["union of lists"] = UnionArray(
        Index8(np.array([0, 1, 0, 1], dtype=np.int8)),
        Index64(np.array([0, 0, 1, 2])),
        [jagged((0, 2, 3)), jagged((0, 1, 1, 4), NumpyArray(np.array([1.5, 2.5, 2.5, 3.5])))],
    )
    out["lists of union"] = jagged(
        (0, 2, 4),
        UnionArray(
            Index8(np.array([0, 1, 1, 0], dtype=np.int8)),
            Index64(np.array([0, 0, 1, 1])),
            [numbers(), strings()],
        ),
    )
    out["record of lists"] = RecordArray([jagged(), jagged((0, 1, 2, 2, 4))], ["x", "y"])
    out["lists of records"] = jagged(
        (0, 2, 2, 4), RecordArray([numbers(), jagged((0, 1, 1, 2, 4, 4))], ["a", "b"])
    )
    out["tuple of lists"] = RecordArray([jagged(), RegularArray(numbers(), 2)], None)
    out["strings"] = strings()
    out["lists of strings"] = jagged((0, 2, 2, 5), strings())
    out["EmptyArray"] = EmptyArray()
    out["lists of EmptyArray"] = ListOffsetArray(Index64(np.zeros(3, dtype=np.int64)), EmptyArray())
    return out


LAYOUTS = make_layouts()


def depth_of(layout):
    return layout.form.minmax_depth[1]


def is_list(value):
    return isinstance(value, (list, str, bytes))
