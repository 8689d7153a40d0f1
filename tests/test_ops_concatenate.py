"""ak.concatenate over every layout kind and axis, against a pure-Python model on to_list data.

The model: at axis 0 the Python lists are added; at axis n > 0 the arrays are walked in
lockstep (records field by field, None anywhere above the depth gives None) and at depth n
the lists are added, a missing list counting as empty and a scalar as a one-item list.
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import awkward as ak
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
from awkward.errors import AxisError
from awkward.index import Index8, Index32, Index64, IndexU8


# ---------------------------------------------------------------------- the model
def model(values, axis):
    """``values``: the to_list() of every array (scalars as they are)."""
    if axis == 0:
        out = []
        for v in values:
            out.extend(v if isinstance(v, list) else [v])
        return out
    length = next(len(v) for v in values if isinstance(v, list))
    return [
        _model_elem([v[i] if isinstance(v, list) else v for v in values], axis - 1)
        for i in range(length)
    ]


def _model_elem(elems, axis):
    if all(isinstance(e, dict) for e in elems):
        return {k: _model_elem([e[k] for e in elems], axis) for k in elems[0]}
    if all(isinstance(e, tuple) for e in elems):
        return tuple(_model_elem([e[j] for e in elems], axis) for j in range(len(elems[0])))
    if axis == 0:
        out = []
        for e in elems:
            if e is None:
                continue
            out.extend(e if isinstance(e, list) else [e])
        return out
    if any(e is None for e in elems):
        return None
    length = next(len(e) for e in elems if isinstance(e, list))
    return [
        _model_elem([e[j] if isinstance(e, list) else e for e in elems], axis - 1)
        for j in range(length)
    ]


# ---------------------------------------------------------------------- layouts of every kind
def num(values, dtype=np.int64):
    return NumpyArray(np.asarray(values, dtype=dtype))


def offsets_list(lists, dtype=np.int64, index=Index64):
    offsets = np.cumsum([0] + [len(x) for x in lists]).astype(dtype)
    flat = [y for x in lists for y in x]
    return ListOffsetArray(
        index(offsets),
        num(flat, np.float64 if any(isinstance(y, float) for y in flat) else np.int64),
    )


def list_array(lists):
    # starts/stops out of order, with unused content in between
    flat, starts, stops = [99], [], []
    for x in reversed(lists):
        starts.append(len(flat))
        flat.extend(x)
        stops.append(len(flat))
        flat.append(99)
    return ListArray(Index64(np.array(starts[::-1])), Index64(np.array(stops[::-1])), num(flat))


def regular(rows):
    size = len(rows[0])
    return RegularArray(num([y for x in rows for y in x]), size, zeros_length=len(rows))


def indexed_option(lists):
    inner = offsets_list([x for x in lists if x is not None])
    index, k = [], 0
    for x in lists:
        if x is None:
            index.append(-1)
        else:
            index.append(k)
            k += 1
    return IndexedOptionArray(Index64(np.array(index)), inner)


def byte_masked(lists):
    content = offsets_list([x if x is not None else [7, 7] for x in lists])
    return ByteMaskedArray(Index8(np.array([x is not None for x in lists], np.int8)), content, True)


def bit_masked(lists):
    content = offsets_list([x if x is not None else [7] for x in lists])
    bits = np.packbits(np.array([x is None for x in lists], np.uint8), bitorder="little")
    return BitMaskedArray(IndexU8(bits), content, False, len(lists), True)


def unmasked(lists):
    return UnmaskedArray(offsets_list(lists))


def indexed(lists):
    inner = offsets_list(lists[::-1])
    return IndexedArray(Index64(np.arange(len(lists))[::-1].copy()), inner)


def list_of_options(lists):
    flat = [y for x in lists for y in x]
    index, values = [], []
    for y in flat:
        if y is None:
            index.append(-1)
        else:
            index.append(len(values))
            values.append(y)
    offsets = np.cumsum([0] + [len(x) for x in lists])
    return ListOffsetArray(
        Index64(offsets), IndexedOptionArray(Index64(np.array(index)), num(values))
    )


def union_lists(lists):
    # a list of a union: ints and inner lists
    return ak.to_layout(ak.Array(lists))


def union_at_depth(lists):
    # a union of two list types (different parameters), each element a list
    tags = np.array([i % 2 for i in range(len(lists))], np.int8)
    left = offsets_list([x for i, x in enumerate(lists) if i % 2 == 0])
    right = offsets_list([x for i, x in enumerate(lists) if i % 2 == 1])
    right = right.copy(parameters={"__list__": "Other"})
    index = np.array([i // 2 for i in range(len(lists))])
    return UnionArray(Index8(tags), Index64(index), [left, right])


def records(xs, ys):
    return RecordArray([offsets_list(xs), ak.to_layout(ak.Array(ys))], ["x", "y"])


def tuples(xs, ys):
    return RecordArray([offsets_list(xs), offsets_list(ys)], None)


def list_of_records(rows):
    xs = [r["x"] for row in rows for r in row]
    ys = [r["y"] for row in rows for r in row]
    offsets = np.cumsum([0] + [len(row) for row in rows])
    return ListOffsetArray(
        Index64(offsets), RecordArray([num(xs), num(ys, np.float64)], ["x", "y"])
    )


def strings_in_lists(rows):
    return ak.to_layout(ak.Array(rows))


def deep(rows):
    return ak.to_layout(ak.Array(rows))


def empty_lists(n):
    return ListOffsetArray(Index64(np.zeros(n + 1, np.int64)), EmptyArray())


A = [[1, 2], [], [3]]
B = [[4], [5, 6], []]
WITH_NONE_A = [[1, 2], None, [3]]
WITH_NONE_B = [None, [5, 6], [7]]

PAIRS = {
    "numpy-1d": (num([1, 2, 3]), num([4.5, 5.5, 6.5], np.float64), (0,)),
    "numpy-2d": (
        NumpyArray(np.arange(6).reshape(3, 2)),
        NumpyArray(np.arange(9).reshape(3, 3)),
        (0, 1, -1),
    ),
    "regular": (regular([[1, 2], [3, 4], [5, 6]]), regular([[7], [8], [9]]), (0, 1, -1)),
    "listoffset": (offsets_list(A), offsets_list(B), (0, 1, -1)),
    "listoffset32": (offsets_list(A, np.int32, Index32), offsets_list(B), (0, 1, -1)),
    "listarray": (list_array(A), list_array(B), (0, 1, -1)),
    "list+regular": (offsets_list(A), regular([[7], [8], [9]]), (0, 1, -1)),
    "listarray+listoffset": (list_array(A), offsets_list(B), (0, 1, -1)),
    "int+float": (offsets_list(A), offsets_list([[1.5], [], [2.5, 3.5]]), (0, 1, -1)),
    "indexedoption": (indexed_option(WITH_NONE_A), indexed_option(WITH_NONE_B), (0, 1, -1)),
    "bytemasked": (byte_masked(WITH_NONE_A), byte_masked(WITH_NONE_B), (0, 1, -1)),
    "bitmasked": (bit_masked(WITH_NONE_A), bit_masked(WITH_NONE_B), (0, 1, -1)),
    "unmasked": (unmasked(A), unmasked(B), (0, 1, -1)),
    "indexed": (indexed(A), indexed(B), (0, 1, -1)),
    "option+list": (indexed_option(WITH_NONE_A), offsets_list(B), (0, 1, -1)),
    "list-of-options": (
        list_of_options([[1, None], [], [3]]),
        list_of_options([[None], [5], []]),
        (0, 1, -1),
    ),
    "list-of-union": (union_lists([[1, [2]], [], [3]]), union_lists([[4], [[5], 6], []]), (0, 1)),
    "union-at-depth": (union_at_depth(A), union_at_depth(B), (0, 1, -1)),
    "records": (records(A, [[[1]], [], [[2, 3]]]), records(B, [[], [[4]], [[5], []]]), (0, 1)),
    "tuples": (tuples(A, B), tuples(B, A), (0, 1, -1)),
    "list-of-records": (
        list_of_records([[{"x": 1, "y": 1.5}], [], [{"x": 2, "y": 2.5}]]),
        list_of_records([[], [{"x": 3, "y": 3.5}], [{"x": 4, "y": 4.5}]]),
        (0, 1, -1),
    ),
    "strings-in-lists": (
        strings_in_lists([["ab", "c"], [], ["d"]]),
        strings_in_lists([["e"], ["fg"], []]),
        (0, 1, -1),
    ),
    "strings": (
        ak.to_layout(ak.Array(["ab", "c", ""])),
        ak.to_layout(ak.Array(["d", "ef", "g"])),
        (0, -1),
    ),
    "empty-lists": (empty_lists(3), offsets_list(B), (0, 1, -1)),
    "deep": (deep([[[1], [2, 3]], [], [[4]]]), deep([[[5], []], [], [[6, 7]]]), (0, 1, 2, -1, -2)),
    "deep-options": (
        deep([[[1], None], None, [[4]]]),
        deep([[[5], [8]], [[9]], [None]]),
        (0, 1, 2, -1),
    ),
}

CASES = [(name, axis) for name, (_, _, axes) in PAIRS.items() for axis in axes]


@pytest.mark.parametrize(("name", "axis"), CASES, ids=[f"{n}-axis{a}" for n, a in CASES])
def test_table_against_model(name, axis):
    a, b, _ = PAIRS[name]
    out = ak.concatenate([a, b], axis=axis, highlevel=False)
    depth = max(a.form.minmax_depth[1], b.form.minmax_depth[1])
    posaxis = axis if axis >= 0 else axis + (1 if name == "strings" else depth)
    assert out.to_list() == model([a.to_list(), b.to_list()], posaxis)
    assert out.validity_error() == ""
    three = ak.concatenate([a, b, a], axis=axis, highlevel=False)
    assert three.to_list() == model([a.to_list(), b.to_list(), a.to_list()], posaxis)


@pytest.mark.parametrize(("name", "axis"), CASES, ids=[f"{n}-axis{a}" for n, a in CASES])
def test_highlevel_and_numpy_protocol(name, axis):
    a, b, _ = PAIRS[name]
    expected = ak.concatenate([a, b], axis=axis, highlevel=False).to_list()
    assert ak.concatenate([ak.Array(a), ak.Array(b)], axis=axis).to_list() == expected
    assert np.concatenate([ak.Array(a), ak.Array(b)], axis=axis).to_list() == expected


# ---------------------------------------------------------------------- types and parameters
def test_types_at_axis0_merge_into_unions_and_options():
    assert (
        str(ak.concatenate([ak.Array([1, 2]), ak.Array([[3]])]).type)
        == "3 * union[int64, var * int64]"
    )
    assert (
        str(ak.concatenate([ak.Array([[1]]), ak.Array([None])]).type) == "2 * option[var * int64]"
    )
    assert str(ak.concatenate([ak.Array([1]), ak.Array([True])]).type) == "2 * int64"
    out = ak.concatenate([ak.Array([1]), ak.Array([True])], mergebool=False)
    assert str(out.type) == "2 * union[int64, bool]"
    assert out.to_list() == [1, True]
    records = ak.concatenate([ak.Array([{"x": 1}]), ak.Array([{"y": 2}])])
    assert str(records.type) == "2 * union[{x: int64}, {y: int64}]"
    assert str(ak.concatenate([ak.Array(["a"]), ak.Array(["b"])]).type) == "2 * string"


def test_types_at_axis1():
    reg = ak.concatenate([regular([[1, 2], [3, 4]]), regular([[5], [6]])], axis=1)
    assert str(reg.type) == "2 * 3 * int64"
    assert isinstance(reg.layout, RegularArray)
    mixed = ak.concatenate([regular([[1, 2], [3, 4]]), offsets_list([[5], [6, 7]])], axis=1)
    assert str(mixed.type) == "2 * var * int64"
    assert (
        str(ak.concatenate([offsets_list(A), offsets_list([[1.5], [], []])], axis=1).type)
        == "3 * var * float64"
    )
    unions = ak.concatenate([ak.Array([[1, 2]]), ak.Array([["x"]])], axis=1)
    assert str(unions.type) == "1 * var * union[int64, string]"
    bools = ak.concatenate([ak.Array([[1, 2]]), ak.Array([[True]])], axis=1, mergebool=False)
    assert str(bools.type) == "1 * var * union[int64, bool]"
    # a missing list at the depth counts as empty: the result has no option there
    opt = ak.concatenate([ak.Array([[1], None]), ak.Array([None, [2]])], axis=1)
    assert str(opt.type) == "2 * var * int64"
    assert opt.to_list() == [[1], [2]]
    # missing values above the depth stay missing
    deep_opt = ak.concatenate([ak.Array([[[1]], None]), ak.Array([[[2]], [[3]]])], axis=2)
    assert str(deep_opt.type) == "2 * option[var * var * int64]"
    strings = ak.concatenate([ak.Array([["ab"], []]), ak.Array([["c"], ["d"]])], axis=1)
    assert str(strings.type) == "2 * var * string"


def test_parameters():
    a = ak.with_parameter(ak.Array([[1, 2]]), "__list__", "foo")
    b = ak.with_parameter(ak.Array([[3]]), "__list__", "foo")
    c = ak.with_parameter(ak.Array([[3]]), "__list__", "bar")
    # axis 0 keeps the parameters all arrays agree on
    assert ak.parameters(ak.concatenate([a, b])) == {"__list__": "foo"}
    assert ak.parameters(
        ak.concatenate([ak.with_parameter(a, "x", 1), ak.with_parameter(b, "x", 2)])
    ) == {"__list__": "foo"}
    assert str(ak.concatenate([a, c]).type).startswith("2 * union[")
    # axis 1: the joined lists are new lists, without parameters (as awkward 2.14)
    assert ak.parameters(ak.concatenate([a, b], axis=1)) == {}
    # parameters of the content survive (strings)
    out = ak.concatenate([ak.Array([["x"]]), ak.Array([["y"]])], axis=1)
    assert out.layout.content.parameter("__array__") == "string"


def test_behavior_and_attrs_are_carried():
    behavior = {"marker": 1}
    a = ak.Array([[1, 2]], behavior=behavior, attrs={"@factory": "f", "name": "a"})
    b = ak.Array([[3]], attrs={"other": 2})
    for axis in (0, 1):
        out = ak.concatenate([a, b], axis=axis)
        assert out.behavior == behavior
        assert out.attrs["@factory"] == "f"
        assert out.attrs["other"] == 2
    explicit = ak.concatenate([a, b], axis=1, behavior={"x": 2}, attrs={"y": 3})
    assert explicit.behavior == {"x": 2}
    assert dict(explicit.attrs) == {"y": 3}


def test_scalars_broadcast_at_axis_above_zero():
    a = ak.Array([[1, 2], [3]])
    assert ak.concatenate([a, 5], axis=1).to_list() == model([a.to_list(), 5], 1)
    assert ak.concatenate([a, 5, a], axis=-1).to_list() == [[1, 2, 5, 1, 2], [3, 5, 3]]
    assert ak.concatenate([a, np.float32(0.5)], axis=1).to_list() == [[1.0, 2.0, 0.5], [3.0, 0.5]]
    d = ak.Array([[[1, 2]], [[3]]])
    assert ak.concatenate([d, 9], axis=2).to_list() == [[[1, 2, 9]], [[3, 9]]]
    # axis 0: a scalar is one more element
    assert ak.concatenate([ak.Array([1, 2]), 3]).to_list() == [1, 2, 3]


def test_other_argument_forms():
    assert ak.concatenate([[1, 2], [3]]).to_list() == [1, 2, 3]
    assert ak.concatenate([ak.Array([1, 2])]).to_list() == [1, 2]
    # one array: its elements are concatenated
    assert ak.concatenate(ak.Array([[1], [2, 3]])).to_list() == [1, 2, 3]
    assert isinstance(ak.concatenate([offsets_list(A)], highlevel=False), ListOffsetArray)


def test_records_at_negative_axis_resolve_per_field():
    # awkward 2.14 refuses this (fields of different depths); each field joins at its own depth
    a = ak.Array([{"x": [1], "y": [[2]]}])
    b = ak.Array([{"x": [3], "y": [[4]]}])
    assert ak.concatenate([a, b], axis=-1).to_list() == [{"x": [1, 3], "y": [[2, 4]]}]
    assert ak.concatenate([a, b], axis=1).to_list() == [{"x": [1, 3], "y": [[2], [4]]}]


# ---------------------------------------------------------------------- errors
def test_errors():
    a = ak.Array([[1, 2], [3]])
    with pytest.raises(AxisError, match=r"ak.concatenate: axis=2 exceeds the depth"):
        ak.concatenate([a, a], axis=2)
    with pytest.raises(AxisError, match=r"axis=-3 exceeds the depth"):
        ak.concatenate([a, a], axis=-3)
    with pytest.raises(
        ValueError,
        match=r"ak.concatenate: at axis=1 the arrays must have the same length, not 2, 3",
    ):
        ak.concatenate([a, ak.Array([[1], [2], [3]])], axis=1)
    with pytest.raises(ValueError, match="ak.concatenate: need at least one array"):
        ak.concatenate([])
    with pytest.raises(ValueError, match="need at least one array"):
        ak.concatenate([1, 2], axis=1)
    with pytest.raises(ValueError, match="not deep enough to concatenate at axis=1"):
        ak.concatenate([a, ak.Array([10, 20])], axis=1)
    with pytest.raises(ValueError, match="not deep enough to concatenate at axis=1"):
        ak.concatenate([ak.Array([(1, [2])]), ak.Array([(3, [4])])], axis=1)
    with pytest.raises(ValueError, match="not deep enough to concatenate at axis=1"):
        ak.concatenate([ak.Array([["a"]]), "x"], axis=1)
    with pytest.raises(ValueError, match="not deep enough to concatenate at axis=1"):
        ak.concatenate([ak.Array([[1, 2], "x"]), a], axis=1)
    with pytest.raises(AxisError, match="axis=1 exceeds the depth"):
        ak.concatenate([ak.Array(["ab"]), ak.Array(["c"])], axis=1)
    with pytest.raises(ValueError, match="do not have the same depth, so axis=-1"):
        ak.concatenate([ak.Array([[[1]]]), ak.Array([[2]])], axis=-1)
    with pytest.raises(ValueError, match="cannot broadcast nested list"):
        ak.concatenate([ak.Array([[[1]]]), ak.Array([[[2], [3]]])], axis=2)
    mixed = ak.Array([[1, [2]]])
    with pytest.raises(
        ValueError, match="axis=-1 is ambiguous: a union holds types of different depths"
    ):
        ak.concatenate([mixed, mixed], axis=-1)
    with pytest.raises(TypeError, match="'axis' must be an integer"):
        ak.concatenate([a, a], axis=1.0)
    assert issubclass(AxisError, ValueError)


# ---------------------------------------------------------------------- mergemany and mergeable in _do
def test_do_exports():
    from awkward._do import mergeable, mergemany

    a, b = offsets_list(A), offsets_list(B)
    assert mergeable(a, b)
    assert not mergeable(a, num([1, 2, 3]))
    assert mergemany([a, b]).to_list() == A + B
    assert mergemany([a, num([1])]).to_list() == A + [1]


# ---------------------------------------------------------------------- hypothesis
jagged = st.lists(st.lists(st.integers(-5, 5), max_size=4), min_size=0, max_size=6)


@settings(max_examples=40, deadline=None)
@given(st.lists(jagged, min_size=1, max_size=4), st.sampled_from([0, 1, -1]))
def test_random_jagged(arrays, axis):
    if axis != 0:
        length = len(arrays[0])
        arrays = [(x + [[]] * length)[:length] for x in arrays]
        if length == 0:
            return
    layouts = [offsets_list(x) if x else ak.to_layout(ak.Array(x)) for x in arrays]
    out = ak.concatenate(layouts, axis=axis, highlevel=False)
    assert out.to_list() == model(arrays, 1 if axis == -1 else axis)


# ---------------------------------------------------------------------- the number-joining kernel
def _python_fill_joined(toptr, tocursor, fromptr, fromstarts, fromstops, length, lentoptr, lenfromptr):
    # the reference definition of kernel-specification/awkward_ListArray_fill_joined.yaml
    for i in range(length):
        start, stop, at = int(fromstarts[i]), int(fromstops[i]), int(tocursor[i])
        assert start <= stop <= lenfromptr and at + (stop - start) <= lentoptr
        toptr[at : at + stop - start] = fromptr[start:stop]
        tocursor[i] = at + stop - start


@pytest.mark.parametrize("dtype", [np.float64, np.int32, np.int16, np.bool_, np.float32])
def test_join_numbers_glue(monkeypatch, dtype):
    """The fast path for flat numbers (a kernel that may not be built yet): with the kernel's
    reference definition standing in for it, the result matches the model."""
    from awkward._backends.numpy import NumpyBackend
    from awkward._nplikes import dtypes

    backend = NumpyBackend.instance()
    for unsigned in (dtypes.uint8, dtypes.uint16, dtypes.uint32, dtypes.uint64):
        key = ("awkward_ListArray_fill_joined", unsigned, dtypes.int64, unsigned, dtypes.int64, dtypes.int64)
        monkeypatch.setitem(backend._kernel_cache, key, _python_fill_joined)
    a = ListOffsetArray(Index64(np.array([0, 2, 2, 3])), NumpyArray(np.array([1, 0, 1], dtype=dtype)))
    b = list_array([[1], [0, 1], []])
    b = ListArray(b.starts, b.stops, NumpyArray(np.asarray(b.content.to_list(), dtype=dtype)))
    out = ak.concatenate([a, b, a], axis=1, highlevel=False)
    assert out.to_list() == model([a.to_list(), b.to_list(), a.to_list()], 1)
    assert out.content.dtype == np.dtype(dtype)
