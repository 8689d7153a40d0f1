"""NumPy's __array_function__ on ak.Array (awkward/_connect/numpy_functions.py): np.concatenate
along axis 0 on every layout kind against a Python model (plain and rebuilt from counting
generators), the element-wise numpy functions routed to ak.*, errors, and unknown functions."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest

import awkward as ak
from awkward._connect.numpy_functions import IMPLEMENTATIONS, concatenate_layouts
from awkward.contents import (
    ByteMaskedArray,
    IndexedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
)
from awkward.index import Index8, Index64


def jagged(counts, content):
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return ListOffsetArray(Index64(offsets), content)


def ints(start, n):
    return NumpyArray(np.arange(start, start + n, dtype=np.int64))


KINDS = {
    "numpy": lambda s: ints(s, 3),
    "numpy_float": lambda s: NumpyArray(np.array([0.5, 1.5]) + s),
    "numpy_bool": lambda s: NumpyArray(np.array([True, False])),
    "regular": lambda s: RegularArray(ints(s, 6), 2),
    "regular3": lambda s: RegularArray(ints(s, 6), 3),
    "listoffset": lambda s: jagged([2, 0, 1], ints(s, 3)),
    "listoffset_shifted": lambda s: ListOffsetArray(Index64(np.array([1, 2, 4])), ints(s, 5)),
    "list": lambda s: ListArray(Index64(np.array([2, 0])), Index64(np.array([4, 1])), ints(s, 4)),
    "indexed": lambda s: IndexedArray(Index64(np.array([1, 1, 0])), ints(s, 2)),
    "indexedoption": lambda s: IndexedOptionArray(Index64(np.array([1, -1, 0])), ints(s, 2)),
    "bytemasked_lists": lambda s: ByteMaskedArray(
        Index8(np.array([0, 1], dtype=np.int8)), jagged([1, 2], ints(s, 3)), valid_when=False
    ),
    "record": lambda s: RecordArray([ints(s, 2), jagged([1, 1], ints(s, 2))], ["x", "y"]),
    "record_yx": lambda s: RecordArray([jagged([0, 2], ints(s, 2)), ints(s, 2)], ["y", "x"]),
    "record_z": lambda s: RecordArray([ints(s, 2)], ["z"]),
    "tuple": lambda s: RecordArray([ints(s, 2), ints(s + 5, 2)], None),
    "string": lambda s: ak.Array(["a", "bc"]).layout,
    "union": lambda s: UnionArray(
        Index8(np.array([0, 1], dtype=np.int8)), Index64(np.array([0, 0])), [ints(s, 1), jagged([2], ints(s, 2))]
    ),
}


class LazySource:
    def __init__(self, layout):
        form, length, buffers = ak.to_buffers(layout)
        self.calls = Counter()

        def generator(key):
            def generate():
                self.calls[key] += 1
                return buffers[key]

            return generate

        self.layout = ak.from_buffers(form, length, {k: generator(k) for k in buffers}, highlevel=False)


def build(kind, start, mode):
    layout = KINDS[kind](start)
    return LazySource(layout).layout if mode == "lazy" else layout


PAIRS = [(k, k) for k in sorted(KINDS)] + [
    ("numpy", "numpy_float"),
    ("numpy", "numpy_bool"),
    ("regular", "listoffset"),
    ("regular", "regular3"),
    ("listoffset", "list"),
    ("listoffset_shifted", "indexedoption"),
    ("indexedoption", "numpy"),
    ("bytemasked_lists", "listoffset"),
    ("record", "record_yx"),
    ("record", "record_z"),
    ("record", "numpy"),
    ("string", "listoffset"),
    ("union", "numpy"),
    ("union", "listoffset"),
    ("tuple", "record_z"),
]


@pytest.mark.parametrize("mode", ["plain", "lazy"])
@pytest.mark.parametrize("left, right", PAIRS, ids=[f"{a}+{b}" for a, b in PAIRS])
def test_concatenate_axis0_against_model(left, right, mode):
    a, b = build(left, 0, mode), build(right, 100, mode)
    expected = KINDS[left](0).to_list() + KINDS[right](100).to_list()
    out = np.concatenate([ak.Array(a), ak.Array(b)])
    assert isinstance(out, ak.Array)
    assert out.to_list() == expected
    assert out.layout.validity_error() == ""
    three = concatenate_layouts([a, b, a])
    assert three.to_list() == expected + KINDS[left](0).to_list()


def test_concatenate_types():
    def concatenated_type(*arrays):
        return str(np.concatenate([ak.Array(x) for x in arrays]).type)

    assert concatenated_type([[1, 2]], [[3.5]]) == "2 * var * float64"
    assert concatenated_type([[1]], [["a"]]) == "2 * union[var * int64, var * string]"
    assert concatenated_type([1, None], [2.5]) == "3 * ?float64"
    assert concatenated_type([{"x": 1}], [{"y": 1}]) == "2 * union[{x: int64}, {y: int64}]"
    assert concatenated_type([True], [2]) == "2 * int64"
    assert concatenated_type([1, 2], ak.Array([])) == "2 * int64"
    with_numpy = np.concatenate([ak.Array([[1.5]]), np.array([1, 2])])
    assert with_numpy.to_list() == [[1.5], 1, 2]


def test_concatenate_errors():
    array = ak.Array([[1, 2]])
    # axis != 0 goes to ak.concatenate (tests/test_ops_concatenate.py covers it)
    assert np.concatenate([array, array], axis=1).to_list() == [[1, 2, 1, 2]]
    with pytest.raises(TypeError, match="'out'"):
        np.concatenate([array, array], out=np.zeros(2))


def test_where():
    condition = ak.Array([[True, False], [], [False]])
    out = np.where(condition, ak.Array([[1, 2], [], [3]]), 0)
    assert isinstance(out, ak.Array)
    assert out.to_list() == [[1, 0], [], [0]]


def test_elementwise_numpy_functions():
    array = ak.Array([[1.26, float("nan")], [], [float("inf"), -2.5]])
    model = array.to_list()
    assert np.round(array, 1).to_list()[0][0] == 1.3
    assert np.around(array).to_list()[2] == [float("inf"), -2.0]
    assert np.nan_to_num(array, nan=-1.0, posinf=9.0).to_list() == [[1.26, -1.0], [], [9.0, -2.5]]
    assert np.isclose(array, array, equal_nan=True).to_list() == [[True, True], [], [True, True]]
    assert np.real(array).to_list()[2] == model[2]
    assert np.imag(array).to_list() == [[0.0, 0.0], [], [0.0, 0.0]]
    assert np.angle(array, deg=True).to_list()[2] == [0.0, 180.0]
    assert np.zeros_like(array, dtype=np.int8).to_list() == [[0, 0], [], [0, 0]]
    assert np.ones_like(array).to_list() == [[1.0, 1.0], [], [1.0, 1.0]]
    assert np.full_like(array, 4).to_list() == [[4.0, 4.0], [], [4.0, 4.0]]
    assert str(np.zeros_like(array, dtype=np.int8).type) == "3 * var * int8"
    assert math.isclose(np.sqrt(ak.Array([[4.0]]))[0, 0], 2.0)  # ufuncs still go through __array_ufunc__
    with pytest.raises(TypeError, match="shape"):
        np.zeros_like(array, shape=(2,))
    with pytest.raises(TypeError, match="'out'"):
        np.round(array, out=np.zeros(3))


def test_behavior_is_kept():
    behavior = {"marker": object()}
    array = ak.Array([[1.0]], behavior=behavior)
    assert np.round(array).behavior is behavior
    assert np.concatenate([array, array]).behavior is behavior
    assert np.where(ak.Array([[True]]), array, 0).behavior is behavior


@pytest.mark.parametrize("function", [np.sum, np.any, np.all, np.min, np.max, np.prod, np.mean])
def test_reducers_say_they_are_not_there_yet(function):
    if getattr(ak, function.__name__, None) is not None:
        pytest.skip("the reducer exists now")
    with pytest.raises(NotImplementedError, match="reducers arrive with a later issue"):
        function(ak.Array([[1, 2], [3]]))


@pytest.mark.parametrize("function", [np.sort, np.argsort])
def test_sorting_says_it_is_not_there_yet(function):
    if getattr(ak, function.__name__, None) is not None:
        pytest.skip("ak.sort/ak.argsort exist now")
    with pytest.raises(NotImplementedError, match=f"ak.{function.__name__}"):
        function(ak.Array([[2, 1], [3]]))


def test_unknown_functions_raise_numpys_type_error():
    assert np.median not in IMPLEMENTATIONS
    with pytest.raises(TypeError, match="no implementation found"):
        np.median(ak.Array([[1.0, 2.0]]))
    array = ak.Array([[1]])
    assert array.__array_function__(np.median, (ak.Array,), (array,), {}) is NotImplemented
    assert array.__array_function__(np.where, (ak.Array, object), (array,), {}) is NotImplemented


def test_concatenate_reads_only_what_it_merges():
    # x and y of a record are merged field by field: every buffer is read, each at most once
    source = LazySource(KINDS["record"](0))
    out = concatenate_layouts([source.layout, source.layout])
    assert out.to_list() == KINDS["record"](0).to_list() * 2
    assert all(n == 1 for n in source.calls.values())
