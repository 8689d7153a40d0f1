"""Awkward indices below the first dimension (awkward._slicing._nested): ``a[:, j]`` with a jagged
index, or with a flat index with missing values, applies ``j`` to every row like ``a[i][j]``.
Results against a reference slicer on Python lists, plain and through lazy buffers; the
dimension the index lands on becomes regular; errors; laziness."""

from __future__ import annotations

import numpy as np
import pytest
from test_slicing import RefError, Source, ref_jagged

import awkward as ak
from awkward._slicing import getitem
from awkward.contents import (
    ByteMaskedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
)
from awkward.index import Index8, Index64

S = slice

# ---------------------------------------------------------------------------------- reference model


class J:
    """A jagged index in the reference model (nested Python lists)."""

    def __init__(self, lists):
        self.lists = lists

    @property
    def depth(self):
        depth, level = 1, [x for x in self.lists if x is not None]
        while level and all(isinstance(x, list) for x in level):
            depth += 1
            level = [y for x in level for y in x if y is not None]
        return depth

    def __repr__(self):
        return f"J({self.lists!r})"


class M:
    """A flat index with missing values (ints or bools) in the reference model."""

    def __init__(self, values):
        self.values = values

    def positions(self):
        if any(isinstance(x, bool) for x in self.values):
            return [None if b is None else k for k, b in enumerate(self.values) if b is None or b]
        return self.values

    def __repr__(self):
        return f"M({self.values!r})"


def ref(data, items):
    """``items`` (slices, None, J, M) applied to ``data``: J/M pick in every row alike."""
    if not items:
        return data
    head, tail = items[0], items[1:]
    if head is None:
        return [ref(data, tail)]
    if data is None:
        return None
    if isinstance(data, dict):
        return {k: ref(v, items) for k, v in data.items()}
    if not isinstance(data, list):
        raise RefError("too deep")
    if isinstance(head, slice):
        return [ref(x, tail) for x in data[head]]
    if isinstance(head, J):
        if len(data) != len(head.lists):
            raise RefError("row length differs from the index length")
        try:
            picked = ref_jagged(data, head.lists)
        except (AssertionError, IndexError, TypeError) as err:
            raise RefError(str(err)) from None
        return ref(picked, (S(None),) * head.depth + tail)
    assert isinstance(head, M)
    out = []
    for k in head.positions():
        if k is None:
            out.append(None)
        elif not -len(data) <= k < len(data):
            raise RefError("out of range")
        else:
            out.append(ref(data[k], tail))
    return out


def as_index(item):
    if isinstance(item, J):
        return ak.Array(item.lists)
    if isinstance(item, M):
        return ak.Array(item.values)
    return item


def check(layout, items):
    data = layout.to_list()
    where = tuple(as_index(x) for x in items)
    try:
        expected = ref(data, items)
    except RefError:
        with pytest.raises((IndexError, ValueError)):
            getitem(layout, where)
        return None
    out = getitem(layout, where)
    assert out.to_list() == expected
    assert out.validity_error() == ""
    # the same through lazy buffers (every buffer behind a generator)
    assert getitem(Source(layout).array, where).to_list() == expected
    return out


# ---------------------------------------------------------------------------------- layouts


def nested():
    """Three rows of two lists each: [[[0, 1, 2], []], [[3], [4, 5]], [[6, 7], [8]]]."""
    inner = ListOffsetArray(Index64(np.array([0, 3, 3, 4, 6, 8, 9])), NumpyArray(np.arange(9) * 1.5))
    return ListOffsetArray(Index64(np.array([0, 2, 4, 6])), inner)


def uniform():
    """Rows whose inner lengths agree (2, 1): boolean jagged indices fit every row."""
    inner = ListOffsetArray(Index64(np.array([0, 2, 3, 5, 6, 8, 9])), NumpyArray(np.arange(9)))
    return ListOffsetArray(Index64(np.array([0, 2, 4, 6])), inner)


def layouts():
    inner = nested().content
    return {
        "listoffset": nested(),
        "uniform": uniform(),
        # outer rows out of order, with a gap (not contiguous: the rows' elements are carried)
        "list": ListArray(Index64(np.array([4, 0, 2])), Index64(np.array([6, 2, 4])), inner),
        "offsets_from_1": ListOffsetArray(Index64(np.array([1, 3, 5])), inner),
        "regular": RegularArray(inner, 2),
        "numpy3d": NumpyArray(np.arange(18).reshape(3, 2, 3)),
        "option_rows": IndexedOptionArray(Index64(np.array([2, -1, 0, 1])), nested()),
        "option_inside": ListOffsetArray(
            Index64(np.array([0, 2, 4, 6])),
            ByteMaskedArray(Index8(np.array([1, 0, 1, 1, 1, 0], np.int8)), inner, True),
        ),
        "record": RecordArray([nested(), RegularArray(inner, 2)], ["x", "y"]),
        "list_of_records": ListOffsetArray(
            Index64(np.array([0, 2, 4, 6])),
            RecordArray([inner, NumpyArray(np.arange(6))], ["a", "n"]),
        ),
        "union": UnionArray(
            Index8(np.array([0, 1, 0], np.int8)),
            Index64(np.array([0, 0, 2])),
            [nested(), RegularArray(RegularArray(NumpyArray(np.arange(8) + 100), 2), 2)],
        ),
        "depth4": ListOffsetArray(Index64(np.array([0, 2, 3])), RegularArray(nested(), 1)),
    }


JAGGED = [
    J([[0], [1]]),
    J([[1, -1], []]),
    J([[], [0, 0, 0]]),
    J([[0, None], [-1]]),
    J([[0, 1], None]),
    J([None, [0]]),
    J([[True, False], [True]]),
    J([[True, None], [False]]),
    J([[0], [1], [0]]),  # length 3: fits no row of length 2
    J([[5], []]),
    J([[[0]], [[]]]),  # deeper than most of the layouts
]
MISSING = [
    M([0, None]),
    M([None, -1, 0]),
    M([None, None]),
    M([True, None]),
    M([None, True, False]),
    M([2, None]),
]
SLICES = (
    [(S(None), j) for j in JAGGED]
    + [(S(None), m) for m in MISSING]
    + [
        (S(1, None), J([[0], [0]])),
        (S(None, None, -1), J([[1, 0], [0]]), S(None, None, -1)),
        (S(None), J([[1], [0]]), None),
        (None, S(None), J([[0], [1]])),
        (S(None), S(None), M([0, None])),
        (S(None), M([0, None]), S(1, None)),
        (S(None), M([1, None]), None),
        (S(None), M([None, 0]), S(None), S(None, 1)),
        (S(None), S(None), J([[0], [0]])),
    ]
)


@pytest.mark.parametrize("name", list(layouts()))
@pytest.mark.parametrize("items", SLICES, ids=[repr(s) for s in SLICES])
def test_table(name, items):
    check(layouts()[name], items)


@pytest.mark.parametrize("name", ["listoffset", "uniform", "list", "regular", "numpy3d"])
def test_ellipsis_counts_the_index_depth(name):
    layout = layouts()[name]
    for index in [J([[0], [1]]), J([[True, False], [True]])]:
        try:
            expected = ref(layout.to_list(), (S(None), index))
        except RefError:
            continue
        assert getitem(layout, (Ellipsis, as_index(index))).to_list() == expected
        assert getitem(layout, (S(None), as_index(index), Ellipsis)).to_list() == expected
    try:
        expected = ref(layout.to_list(), (S(None), S(None), M([0, None])))
    except RefError:  # an empty list at the last dimension
        with pytest.raises(IndexError, match="out of bounds in dimension 2"):
            getitem(layout, (Ellipsis, as_index(M([0, None]))))
        return
    assert getitem(layout, (Ellipsis, as_index(M([0, None])))).to_list() == expected


def test_randomized_rows_against_reference():
    rng = np.random.default_rng(7)
    for _ in range(40):
        size = int(rng.integers(0, 4))
        lengths = [int(rng.integers(0, 4)) for _ in range(size)]
        data = [[[int(rng.integers(0, 50)) for _ in range(n)] for n in lengths] for _ in range(int(rng.integers(0, 5)))]
        layout = ak.from_iter(data, highlevel=False) if data else nested()[0:0]
        index = J([[int(rng.integers(-n, n)) for _ in range(int(rng.integers(0, 3)))] if n else [] for n in lengths])
        check(layout, (S(None), index))
        mask = J([[bool(rng.random() < 0.5) for _ in range(n)] for n in lengths])
        check(layout, (S(None), mask))
        flat = M([None if rng.random() < 0.3 else int(rng.integers(-1, 1)) for _ in range(size)])
        check(layout, (S(None), flat))


# ---------------------------------------------------------------------------------- types


def test_the_indexed_dimension_becomes_regular():
    array = ak.Array(uniform())
    out = array[:, ak.Array([[0], [0]])]
    assert str(out.type) == "3 * 2 * var * int64"
    assert isinstance(out.layout, RegularArray) and out.layout.size == 2
    out = array[:, :, ak.Array([0, None])]
    assert str(out.type) == "3 * var * 2 * ?int64"
    out = array[:, ak.Array([1, None]), 1:]
    assert str(out.type) == "3 * 2 * option[var * int64]"
    out = ak.Array(layouts()["option_rows"])[:, ak.Array([[0], []])]
    assert str(out.type) == "4 * option[2 * var * float64]"
    # an empty index on empty rows: size 0, length kept
    empty_rows = ak.Array(ListOffsetArray(Index64(np.array([0, 0, 0])), nested().content))
    out = empty_rows[:, ak.Array(ak.contents.ListOffsetArray(Index64(np.zeros(1, np.int64)), NumpyArray(np.zeros(0, np.int64))))]
    assert len(out) == 2 and out.to_list() == [[], []]
    assert isinstance(out.layout, RegularArray) and out.layout.size == 0


# ---------------------------------------------------------------------------------- errors


def test_error_row_length_differs():
    with pytest.raises(IndexError, match=r"jagged index of length 3 into dimension 1 at row 0 \(list of length 2\)"):
        getitem(nested(), (S(None), ak.Array([[0], [0], [0]])))
    ragged = ak.from_iter([[[1], [2]], [[3]]], highlevel=False)
    with pytest.raises(IndexError, match=r"length 2 into dimension 1 at row 1 \(list of length 1\)"):
        getitem(ragged, (S(None), ak.Array([[0], [0]])))
    with pytest.raises(IndexError, match=r"into dimension 2 at row 0 \(list of length 1\)"):
        getitem(layouts()["depth4"], (S(None), S(None), ak.Array([[0], [0]])))


def test_error_out_of_range():
    with pytest.raises(IndexError, match=r"index 5 is out of bounds in dimension 2 at row 0 \(list of length 3\)"):
        getitem(nested(), (S(None), ak.Array([[5], []])))
    with pytest.raises(IndexError, match=r"index 0 is out of bounds in dimension 2 at row 1 \(list of length 0\)"):
        getitem(nested(), (S(None), ak.Array([[0], [0]])))
    with pytest.raises(IndexError, match=r"index 2 is out of bounds in dimension 1 at row 0 \(list of length 2\)"):
        getitem(nested(), (S(None), ak.Array([2, None])))
    with pytest.raises(IndexError, match=r"index -3 is out of bounds in dimension 1 at row 1 \(list of length 2\)"):
        getitem(ak.from_iter([[1, 2, 3], [4, 5]], highlevel=False), (S(None), ak.Array([0, None, -3])))


def test_boolean_inner_length_differs():
    # as awkward 2.14: the True positions of each inner mask pick (no length check)
    data = nested().to_list()
    mask = [[True, False, False, False], []]
    expected = [[[inner[k] for k, b in enumerate(m) if b] for inner, m in zip(row, mask)] for row in data]
    assert getitem(nested(), (S(None), ak.Array(mask))).to_list() == expected
    with pytest.raises(IndexError, match=r"index 3 is out of bounds in dimension 2 at row 0 \(list of length 3\)"):
        getitem(nested(), (S(None), ak.Array([[False, False, False, True], [True]])))


@pytest.mark.parametrize(
    "where,position",
    [
        ((0, ak.Array([[0], [0]])), 1),
        ((np.array([1, 0]), ak.Array([[0], [0]])), 1),
        ((S(None), ak.Array([[0], [1]]), 0), 1),
        ((S(None), ak.Array([[0], [1]]), ak.Array([[0], [1]])), 2),
        ((S(None), ak.Array([0, None]), 0), 1),
        ((0, ak.Array([0, None])), 1),
        ((S(None), ak.Array([0, None]), np.array([0])), 1),
    ],
)
def test_error_cannot_mix(where, position):
    with pytest.raises(ValueError, match=rf"cannot mix a jagged index .*\(slice item {position}\) with integers"):
        getitem(nested(), where)


def test_error_index_deeper_than_data():
    with pytest.raises(IndexError, match="goes deeper than the array"):
        getitem(uniform(), (S(None), ak.Array([[[0], [0]], [[0]]])))


# ---------------------------------------------------------------------------------- laziness


def lazy_source():
    # x: depth 3, y: depth 2, z: depth 1
    y = ListOffsetArray(Index64(np.array([0, 2, 3, 5])), NumpyArray(np.arange(5.0)))
    return Source(RecordArray([nested(), y, NumpyArray(np.arange(3))], ["x", "y", "z"]))


def test_lazy_only_the_touched_field_runs():
    source = lazy_source()
    out = getitem(source.array, ("x", S(None), ak.Array([[0, -1], []])))
    assert set(source.calls) == source.keys_of("x")
    assert out.to_list() == ref(nested().to_list(), (S(None), J([[0, -1], []])))
    source = lazy_source()
    out = getitem(source.array, ("y", S(None), ak.Array([None, 0])))
    assert set(source.calls) == source.keys_of("y")
    assert out.to_list() == ref([row["y"] for row in source.array.to_list()], (S(None), M([None, 0])))


def test_lazy_highlevel_field_then_nested_index():
    source = lazy_source()
    array = ak.Array(source.array)
    assert array.x[:, ak.Array([[0], []])].to_list() == ref(nested().to_list(), (S(None), J([[0], []])))
    assert set(source.calls) == source.keys_of("x")
    assert all(count == 1 for count in source.calls.values())
