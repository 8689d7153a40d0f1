"""Slicing (awkward._slicing.getitem): a table of slices x layouts checked against a reference
slicer on Python lists, jagged indices, errors, and laziness counted by generator calls."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

import awkward as ak
from awkward._slicing import getitem
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
from awkward.index import Index8, Index64, IndexU8
from awkward.record import Record

# ---------------------------------------------------------------------------------- reference model


class RefError(Exception):
    pass


def ref_fields(data, name):
    if data is None:
        return None
    if isinstance(data, dict):
        if name not in data:
            raise RefError(name)
        return data[name]
    if isinstance(data, tuple):
        return data[int(name)]
    if isinstance(data, list):
        return [ref_fields(x, name) for x in data]
    raise RefError(name)


def ref_project(data, names):
    if data is None:
        return None
    if isinstance(data, list):
        return [ref_project(x, names) for x in data]
    return {k: data[k] for k in names}


def ref_apply(data, items, adv=None):
    """NumPy/awkward semantics on Python lists: ints, slices, None, Ellipsis, 1-d int lists
    (advanced; several adjacent ones are zipped)."""
    if not items:
        return data
    head, tail = items[0], items[1:]
    if head is None:  # newaxis wraps even a missing row: [None]
        return [ref_apply(data, tail, adv)]
    if data is None:
        return None
    if isinstance(data, dict):
        return {k: ref_apply(v, items, adv) for k, v in data.items()}
    if not isinstance(data, list):
        raise RefError("too deep")
    if isinstance(head, int):
        if not -len(data) <= head < len(data):
            raise RefError("out of range")
        return ref_apply(data[head], tail, adv)
    if isinstance(head, slice):
        return [ref_apply(x, tail, adv) for x in data[head]]
    # an advanced index (a list of ints)
    for i in head if adv is None else [head[adv]]:
        if not -len(data) <= i < len(data):
            raise RefError("out of range")
    if adv is None:
        return [ref_apply(data[i], tail, k) for k, i in enumerate(head)]
    return ref_apply(data[head[adv]], tail, adv)


def reference(data, where, depths=None):
    """``where`` applied to ``data``; ``depths`` is the (min, max) number of dimensions of the
    data's type, which an Ellipsis needs (the data alone cannot tell it for empty lists)."""
    items = where if isinstance(where, tuple) else (where,)
    if any(x is Ellipsis for x in items):
        low, high = depths
        after = items[[i for i, x in enumerate(items) if x is Ellipsis][0] + 1 :]
        if low != high and any(not isinstance(x, str) for x in after):
            raise RefError("Ellipsis over data with different numbers of dimensions")
        at = [i for i, x in enumerate(items) if x is Ellipsis][0]
        dims = sum(1 for x in items if not isinstance(x, (str, type(None), type(Ellipsis))))
        items = items[:at] + (slice(None),) * max(low - dims, 0) + items[at + 1 :]
    rest = []
    for item in items:
        if isinstance(item, str):
            data = ref_fields(data, item)
        elif isinstance(item, list) and item and isinstance(item[0], str):
            data = ref_project(data, item)
        else:
            if isinstance(item, np.ndarray):
                item = np.nonzero(item)[0].tolist() if item.dtype == bool else item.tolist()
            rest.append(item)
    return ref_apply(data, tuple(rest))


# ---------------------------------------------------------------------------------- layouts


def jagged():
    # [[0.0, 1.1, 2.2], [], [3.3, 4.4], [5.5], [6.6, 7.7, 8.8, 9.9]]
    return ListOffsetArray(Index64(np.array([0, 3, 3, 5, 6, 10])), NumpyArray(np.arange(10) * 1.1))


def layouts():
    flat = NumpyArray(np.arange(10) * 1.5)
    two_d = NumpyArray(np.arange(15).reshape(5, 3))
    listarray = ListArray(
        Index64(np.array([4, 0, 7, 7, 1])),
        Index64(np.array([7, 2, 7, 9, 4])),
        NumpyArray(np.arange(10)),
    )
    regular = RegularArray(NumpyArray(np.arange(15)), 3)
    indexed = IndexedArray(Index64(np.array([4, 2, 0, 3, 1])), jagged())
    option = IndexedOptionArray(Index64(np.array([4, -1, 0, 3, -1])), jagged())
    bytemasked = ByteMaskedArray(Index8(np.array([1, 0, 1, 1, 0], np.int8)), jagged(), True)
    bitmasked = BitMaskedArray(IndexU8(np.array([0b01101], np.uint8)), jagged(), True, 5, True)
    unmasked = UnmaskedArray(jagged())
    record = RecordArray([jagged(), regular], ["x", "y"])
    list_of_records = ListOffsetArray(
        Index64(np.array([0, 2, 2, 5])),
        RecordArray(
            [NumpyArray(np.arange(5)), ListOffsetArray(Index64(np.array([0, 1, 3, 3, 4, 6])), NumpyArray(np.arange(6)))],
            ["a", "b"],
        ),
    )
    union = UnionArray(
        Index8(np.array([0, 1, 0, 1, 0], np.int8)),
        Index64(np.array([0, 0, 1, 1, 2])),
        [jagged(), RegularArray(NumpyArray(np.arange(100, 112)), 3)],
    )
    list_of_options = ListOffsetArray(
        Index64(np.array([0, 2, 2, 5])),
        IndexedOptionArray(Index64(np.array([0, -1, 1, 2, -1])), NumpyArray(np.arange(3))),
    )
    doubly = ListOffsetArray(Index64(np.array([0, 2, 2, 4])), jagged())
    regular_of_lists = RegularArray(jagged(), 2, 2)
    return {
        "numpy": flat,
        "numpy2d": two_d,
        "empty": EmptyArray(),
        "listoffset": jagged(),
        "list": listarray,
        "regular": regular,
        "indexed": indexed,
        "indexedoption": option,
        "bytemasked": bytemasked,
        "bitmasked": bitmasked,
        "unmasked": unmasked,
        "record": record,
        "list_of_records": list_of_records,
        "union": union,
        "list_of_options": list_of_options,
        "doubly_jagged": doubly,
        "regular_of_lists": regular_of_lists,
    }


S = slice
SLICES = [
    0,
    -1,
    2,
    S(1, 3),
    S(None, None, -1),
    S(None, None, 2),
    S(-2, None),
    S(3, 1),
    (S(None), 0),
    (S(None), -1),
    (S(None), S(1, None)),
    (S(None), S(None, -1)),
    (S(None), S(None, None, -1)),
    (S(None), S(None, None, 2)),
    (S(1, None, 2), S(-2, None, -1)),
    (Ellipsis, 0),
    (0, Ellipsis),
    (Ellipsis,),
    (Ellipsis, S(1, None)),
    (None, 0),
    (S(None), None),
    (S(1, 4), None, 0),
    (S(None), S(None), 0),
    (S(None), 0, 0),
    (1, 1),
    (-1, S(None, 1)),
    np.array([0, 2, -1]),
    np.array([], np.int64),
    np.array([True, False, True, True, False]),
    (np.array([0, 2]), np.array([0, 0])),
    (np.array([3, 0]), np.array([-1, 1])),
    (S(None), np.array([0])),
    (S(1, None), np.array([0, -1])),
    (np.array([1, 3]), S(None, 1)),
    (0, 0, 0),
    (S(None), S(None), S(None), S(None)),
]


def check(layout, where):
    data = layout.to_list()
    try:
        expected = reference(data, where, layout.form.minmax_depth)
    except (RefError, IndexError, TypeError):
        with pytest.raises((IndexError, ValueError, TypeError)):
            getitem(layout, where)
        return
    out = getitem(layout, where)
    if isinstance(out, (ak.contents.Content, Record)):
        assert out.to_list() == expected
        assert out.validity_error() == ""
    else:
        assert out == expected


@pytest.mark.parametrize("name", list(layouts()))
@pytest.mark.parametrize("where", SLICES, ids=[repr(s) for s in SLICES])
def test_table(name, where):
    layout = layouts()[name]
    if isinstance(where, np.ndarray) and where.dtype == bool and len(where) != len(layout):
        where = np.resize(where, len(layout))
    if name == "empty" and _dims(where) > 1:
        # an EmptyArray has no type below its first dimension (as in awkward)
        with pytest.raises(IndexError, match="too many indices: dimension 1|out of bounds"):
            getitem(layout, where)
        return
    check(layout, where)


def _dims(where):
    items = where if isinstance(where, tuple) else (where,)
    return sum(1 for x in items if x is not None and x is not Ellipsis)


@pytest.mark.parametrize("name", list(layouts()))
@pytest.mark.parametrize("where", SLICES, ids=[repr(s) for s in SLICES])
def test_table_length_zero(name, where):
    layout = layouts()[name][0:0]
    if isinstance(where, np.ndarray) and where.dtype == bool:
        where = np.zeros(0, bool)
    items = where if isinstance(where, tuple) else (where,)
    dims = sum(1 for x in items if x is not None and x is not Ellipsis)
    if dims > layout.form.minmax_depth[0]:
        # with no data the reference cannot see the type; the type says it is too deep
        with pytest.raises(IndexError, match="too many indices|out of bounds"):
            getitem(layout, where)
    elif items[0] is Ellipsis and dims < layout.form.minmax_depth[0] and len(set(layout.form.minmax_depth)) == 1:
        # NumPy: a leading Ellipsis over an empty array selects nothing, whatever follows it
        assert getitem(layout, where).to_list() == []
    else:
        check(layout, where)


def test_regular_size_zero():
    layout = RegularArray(NumpyArray(np.zeros(0)), 0, zeros_length=3)
    assert getitem(layout, (S(None), S(1, None))).to_list() == [[], [], []]
    assert getitem(layout, np.array([2, 0])).to_list() == [[], []]
    with pytest.raises(IndexError, match="dimension 1"):
        getitem(layout, (S(None), 0))


FIELD_SLICES = [
    "x",
    ["y"],
    ["y", "x"],
    ("x", S(None), 0),
    (S(None), "x"),
    (S(1, None), "y", -1),
    (Ellipsis, "y", 0),
    ("y", np.array([0, 1])),
    (S(None), ["x"], S(1, None)),
]


@pytest.mark.parametrize("where", FIELD_SLICES, ids=[repr(s) for s in FIELD_SLICES])
def test_fields(where):
    check(layouts()["record"], where)


@pytest.mark.parametrize("where", ["a", "b", (S(None), "b"), ("b", S(None), 0), (S(None), S(None), "a"), ["b"]])
def test_list_of_records_fields(where):
    check(layouts()["list_of_records"], where)


def test_nested_fields_at_depth():
    inner = RecordArray([NumpyArray(np.arange(3.0)), NumpyArray(np.arange(3) * 10)], ["pt", "eta"])
    muons = ListOffsetArray(Index64(np.array([0, 2, 2, 3])), inner)
    events = RecordArray([muons, NumpyArray(np.arange(3))], ["muons", "run"])
    assert getitem(events, ("muons", "pt")).to_list() == [[0.0, 1.0], [], [2.0]]
    assert getitem(events, (S(None), "muons", "eta")).to_list() == [[0, 10], [], [20]]
    assert getitem(events, ("muons", S(0, None, 2), 0, "pt")).to_list() == [0.0, 2.0]
    assert getitem(events, 2)["muons"].to_list() == [{"pt": 2.0, "eta": 20}]
    record = getitem(events, 0)
    assert isinstance(record, Record)
    assert getitem(record, "run") == 0
    assert getitem(record, ("muons", "pt")).to_list() == [0.0, 1.0]
    assert getitem(record, ("muons", 1, "eta")) == 10
    assert getitem(record, ["run"]).to_list() == {"run": 0}


def test_multidimensional_advanced_matches_numpy():
    data = np.arange(24).reshape(4, 6)
    layout = RegularArray(NumpyArray(np.arange(24)), 6)
    for where in [
        np.array([[0, 1], [3, 2]]),
        (np.array([[0], [3]]), np.array([1, 5, 2])),
        (S(None), np.array([[0, 1], [5, 4]])),
        (np.array([True, False, True, False]), S(1, 3)),
        (np.array([1, 2]), None),
        (np.array(1), np.array([0, 1])),
    ]:
        assert getitem(layout, where).to_list() == data[where].tolist(), where
        assert getitem(NumpyArray(data), where).to_list() == data[where].tolist(), where


def test_highlevel_array_in_slice():
    array = ak.Array([[1, 2, 3], [], [4, 5]])
    assert getitem(array.layout, ak.Array([2, 0])).to_list() == [[4, 5], [1, 2, 3]]
    assert getitem(array.layout, [True, False, True]).to_list() == [[1, 2, 3], [4, 5]]
    assert getitem(array.layout, [0, 0]).to_list() == [[1, 2, 3], [1, 2, 3]]


# ---------------------------------------------------------------------------------- jagged indices


def ref_jagged(data, index):
    if index is None:
        return None
    if isinstance(data, dict):
        return {k: ref_jagged(v, index) for k, v in data.items()}
    if data is None:
        return None
    if len(index) and all(isinstance(x, list) or x is None for x in index):
        assert len(index) == len(data)
        return [ref_jagged(d, i) for d, i in zip(data, index)]
    if index and all(isinstance(x, bool) or x is None for x in index):
        # as awkward 2.14, a mask of another length than its list picks its True positions
        # (None gives None); a True past the end of the list is out of range
        if any(b and k >= len(data) for k, b in enumerate(index)):
            raise RefError("out of range")
        return [None if b is None else data[k] for k, b in enumerate(index) if b is None or b]
    return [None if i is None else data[i] for i in index]


JAGGED_CASES = [
    ("listoffset", [[2, 0], [], [1, 1, -1], [0], []]),
    ("listoffset", [[True, False, True], [], [False, True], [True], [False, False, True, True]]),
    ("listoffset", [[None, 0], [], [1, None], None, [3]]),
    ("listoffset", [[True, None, False], [], [None, True], [False], [True, None, None, None]]),
    ("list", [[2, 0], [1], [], [-1], [0, 1, 2]]),
    ("indexedoption", [[0, 0], None, [1], [], [2]]),
    ("bytemasked", [[1], [], [0, 0], [], []]),
    ("record", [[0], [], [1], [0], [2, 1]]),
    ("regular", [[2, 1], [0], [], [1, 1, 1], [-3]]),
    ("list_of_records", [[1, 0], [], [2]]),
    ("doubly_jagged", [[[1], []], [], [[1, 0], [0, 0]]]),
    ("doubly_jagged", [[[True, False, True], []], [], [[False, True], [True]]]),
    ("list_of_options", [[1], [], [2, 0]]),
    ("regular_of_lists", [[[0, 2], []], [[], [-1]]]),
    ("union", [[1], [2, 0], [], [0, 1, 2], [0]]),
    ("union", [[0, -1], [1], [], [1], [3]]),
]


@pytest.mark.parametrize("name,index", JAGGED_CASES, ids=[f"{n}-{i}" for n, i in JAGGED_CASES])
def test_jagged(name, index):
    layout = layouts()[name]
    try:
        expected = ref_jagged(layout.to_list(), index)
    except (RefError, IndexError):
        with pytest.raises((ValueError, IndexError)):
            getitem(layout, ak.from_iter(index, highlevel=False))
        return
    index_layout = ak.from_iter(index, highlevel=False)
    out = getitem(layout, index_layout)
    assert out.to_list() == expected
    assert out.validity_error() == ""
    # the same through the high-level wrapper (duck-typed .layout)
    assert getitem(layout, ak.Array(index)).to_list() == expected


def test_jagged_argsort_like():
    layout = ak.from_iter([[3.0, 1.0, 2.0], [], [5.0, 4.0]], highlevel=False)
    order = ak.from_iter([[1, 2, 0], [], [1, 0]], highlevel=False)
    assert getitem(layout, order).to_list() == [[1.0, 2.0, 3.0], [], [4.0, 5.0]]


def test_flat_index_with_missing_values():
    layout = jagged()
    index = ak.from_iter([3, None, 0, -1], highlevel=False)
    data = layout.to_list()
    assert getitem(layout, index).to_list() == [data[3], None, data[0], data[-1]]


# ---------------------------------------------------------------------------------- errors


def test_error_integer_out_of_range_top():
    with pytest.raises(IndexError, match=r"index 5 is out of bounds for dimension 0"):
        getitem(jagged(), 5)
    with pytest.raises(IndexError, match=r"index -6 .*dimension 0"):
        getitem(jagged(), -6)


def test_error_integer_out_of_range_nested():
    with pytest.raises(IndexError, match=r"index 0 is out of bounds in dimension 1 at row 1 \(list of length 0\)"):
        getitem(jagged(), (S(None), 0))
    with pytest.raises(IndexError, match=r"index 3 is out of bounds in dimension 1 .*length 3"):
        getitem(layouts()["regular"], (S(None), 3))
    with pytest.raises(IndexError, match=r"index 7 is out of bounds in dimension 0"):
        getitem(jagged(), np.array([0, 7]))
    with pytest.raises(IndexError, match=r"index 2 is out of bounds in dimension 1 at row 1 \(list of length 0\)"):
        getitem(jagged(), (S(None), np.array([2])))
    with pytest.raises(IndexError, match=r"index 1 is out of bounds in dimension 1 at row 1 \(list of length 0\)"):
        getitem(jagged(), (S(None), np.array([1])))


def test_error_too_many_dimensions():
    with pytest.raises(IndexError, match=r"too many indices.*dimension 2"):
        getitem(jagged(), (S(None), S(None), 0))
    for where in [(S(None), 0), (S(None), S(None)), (S(None), S(1, None, 2))]:
        with pytest.raises(IndexError, match=r"too many indices: dimension 1 .*empty"):
            getitem(EmptyArray(), where)
    nested_empty = ak.from_iter([[], []], highlevel=False)  # var * unknown
    assert getitem(nested_empty, (S(None), S(None))).to_list() == [[], []]
    with pytest.raises(IndexError, match=r"too many indices: dimension 2"):
        getitem(nested_empty, (S(None), S(None), 0))


def test_missing_index_then_slices():
    layout = ak.from_iter([[1, 2, 3], [4], [5, 6]], highlevel=False)
    data = layout.to_list()
    for index, tail in [([0, None, 2], (S(1, None),)), ([True, None, False], (S(None, None, -1),)),
                        ([2, None], (None,)), ([None, 1], (S(None, 1), None))]:
        rows = [None if i is None else data[i] for i in index] if not isinstance(index[0], bool) else \
            [None if b is None else d for d, b in zip(data, index) if b is None or b]
        expected = [None if row is None else ref_apply(row, tail) for row in rows]
        out = getitem(layout, (ak.from_iter(index, highlevel=False), *tail))
        assert out.to_list() == expected, (index, tail)
        assert out.validity_error() == ""
    with pytest.raises(ValueError, match="cannot mix an index with missing values"):
        getitem(layout, (ak.from_iter([0, None], highlevel=False), 0))
    # below the first dimension it applies to every row (tests/test_slicing_jagged_nested.py)
    with pytest.raises(ValueError, match=r"cannot mix a jagged index or an index with missing values \(slice item 1\)"):
        getitem(layout, (0, ak.from_iter([0, None], highlevel=False)))


def test_error_jagged_mismatch():
    with pytest.raises(IndexError, match=r"length 2 into array of length 5 in dimension 0"):
        getitem(jagged(), ak.from_iter([[0], [1]], highlevel=False))
    # a jagged mask whose rows have other lengths picks the True positions (awkward 2.14)
    mask = [[True], [], [True, False], [True], [True, True, False, True]]
    expected = [[row[k] for k, b in enumerate(m) if b] for row, m in zip(jagged().to_list(), mask)]
    assert getitem(jagged(), ak.from_iter(mask, highlevel=False)).to_list() == expected
    with pytest.raises(IndexError, match=r"index 3 is out of bounds in dimension 1 at row 0 \(list of length 3\)"):
        getitem(jagged(), ak.from_iter([[False, False, False, True], [], [], [], []], highlevel=False))
    with pytest.raises(IndexError, match=r"index 5 is out of bounds in dimension 1 at row 2 \(list of length 2\)"):
        getitem(jagged(), ak.from_iter([[0], [], [5], [], []], highlevel=False))


def test_error_bad_types():
    with pytest.raises(TypeError, match="integer or boolean"):
        getitem(jagged(), np.array([0.5]))
    with pytest.raises(ValueError, match="step cannot be zero"):
        getitem(jagged(), (S(None), S(None, None, 0)))
    with pytest.raises(TypeError, match="mixes lists and numbers"):
        getitem(jagged(), [[0, 1], 0])
    with pytest.raises(TypeError, match="integer or boolean type, not float64"):
        getitem(jagged(), [[0.5], [], [], [], []])
    with pytest.raises(IndexError, match="no field|not found"):
        getitem(layouts()["record"], "nope")


# ---------------------------------------------------------------------------------- laziness


class Source:
    def __init__(self, layout):
        self.form, self.length, self.buffers = ak.to_buffers(layout)
        self.calls = Counter()
        self.array = ak.from_buffers(
            self.form, self.length, {key: self._generator(key) for key in self.buffers}, highlevel=False
        )

    def _generator(self, key):
        def generate():
            self.calls[key] += 1
            return self.buffers[key]

        return generate

    def keys_of(self, field):
        index = self.form.fields.index(field)
        return set(self.form.contents[index].expected_from_buffers())


def lazy_source():
    x = jagged()
    y = ListOffsetArray(Index64(np.array([0, 1, 1, 2, 3, 3])), NumpyArray(np.arange(3)))
    z = IndexedOptionArray(Index64(np.array([1, -1, 0, 2, 1])), NumpyArray(np.arange(3.0)))
    return Source(RecordArray([x, y, z], ["x", "y", "z"]))


def test_lazy_range_slice_runs_nothing():
    source = lazy_source()
    out = getitem(source.array, S(1, 4))
    assert len(out) == 3
    assert source.calls == {}
    out = getitem(source.array, (S(1, 4),))
    assert source.calls == {}
    assert out.to_list() == source.array.to_list()[1:4]


def test_lazy_field_access_runs_nothing():
    source = lazy_source()
    getitem(source.array, "x")
    getitem(source.array, ["x", "z"])
    getitem(source.array, (S(None), "y"))
    assert source.calls == {}


def test_lazy_field_then_first_element_reads_only_that_field():
    source = lazy_source()
    out = getitem(getitem(source.array, "y"), (S(None), S(0, 1)))
    assert out.to_list() == [[0], [], [1], [2], []]
    assert set(source.calls) <= source.keys_of("y")
    source = lazy_source()
    out = getitem(getitem(source.array, "x"), (S(0, 1), 0))
    assert out.to_list() == [0.0]
    assert set(source.calls) <= source.keys_of("x")
    assert set(source.calls) == source.keys_of("x")
    assert all(count == 1 for count in source.calls.values())


def test_lazy_x_column_first_element():
    layout = RecordArray([jagged(), NumpyArray(np.arange(5))], ["x", "n"])
    source = Source(layout)
    x = getitem(source.array, "x")
    out = getitem(x, (S(None), S(None, 1)))
    assert out.to_list() == [x[:1] for x in jagged().to_list()]
    assert set(source.calls) <= source.keys_of("x")
    source = Source(RecordArray([ListOffsetArray(Index64(np.array([0, 1, 3])), NumpyArray(np.arange(3.0))),
                                 NumpyArray(np.arange(2))], ["x", "n"]))
    out = getitem(getitem(source.array, "x"), (S(None), 0))
    assert out.to_list() == [0.0, 1.0]
    assert set(source.calls) == source.keys_of("x")


def test_lazy_element_reads_only_its_path():
    source = lazy_source()
    element = getitem(source.array, 2)
    assert source.calls == {}
    assert getitem(element, "y").to_list() == [1]
    assert set(source.calls) <= source.keys_of("y")


# ---------------------------------------------------------------------------------- Python lists as indices


def test_python_lists_are_awkward_data():
    layout = ak.from_iter([[1, 2, 3], [5, 6], [4, 5]], highlevel=False)
    # nested Python lists are jagged (even when rectangular), NumPy arrays are advanced
    assert getitem(layout, [[0, 1], [0, 0], [1, 0]]).to_list() == [[1, 2], [5, 5], [5, 4]]
    assert getitem(layout, np.array([[0, 1], [2, 0]])).to_list() == [
        [[1, 2, 3], [5, 6]],
        [[4, 5], [1, 2, 3]],
    ]
    mask = [[True, False, True], [False, True], [False, False]]
    assert getitem(layout, mask).to_list() == [[1, 3], [6], []]


def test_python_list_with_missing_values():
    layout = ak.from_iter([[1, 2, 3], [], [4, 5]], highlevel=False)
    assert getitem(layout, [0, None, 2]).to_list() == [[1, 2, 3], None, [4, 5]]
    assert getitem(layout, [True, None, False]).to_list() == [[1, 2, 3], None]
    assert getitem(layout, ak.from_iter([True, None, True], highlevel=False)).to_list() == [
        [1, 2, 3],
        None,
        [4, 5],
    ]
    assert getitem(layout, [[None, 0], [], [-1]]).to_list() == [[None, 1], [], [5]]


def test_separated_advanced_indices_are_rejected():
    layout = ak.from_iter([[[1, 2], [3]], [[4, 5]]], highlevel=False)
    with pytest.raises(ValueError, match="separated by None"):
        getitem(layout, (np.array([0, 1]), S(None), np.array([0, 0])))
    regular = RegularArray(RegularArray(NumpyArray(np.arange(8)), 2), 2)
    data = np.arange(8).reshape(2, 2, 2)
    where = (np.array([0, 1]), 0, np.array([1, 0]))
    assert getitem(regular, where).to_list() == data[where].tolist()


def test_jagged_then_more_indices():
    layout = ak.from_iter([[[1, 2], [3]], [], [[4, 5, 6]]], highlevel=False)
    index = ak.from_iter([[1, 0], [], [0]], highlevel=False)
    # deliberate superset: awkward 2.14 raises ValueError "cannot mix Awkward slicing ... with NumPy
    # advanced slicing" for a jagged index first followed by an int/array; we apply the rest below
    # the dimensions the jagged index consumed (same as slicing twice), so code valid there runs here
    assert getitem(layout, (index, 0)).to_list() == [[3, 1], [], [4]]
    assert getitem(layout, (index, S(1, None))).to_list() == [[[], [2]], [], [[5, 6]]]
    # below the first dimension the same index applies to every row: rows must have its length
    with pytest.raises(IndexError, match=r"length 3 into dimension 1 at row 0 \(list of length 2\)"):
        getitem(layout, (S(None), index))


def test_highlevel_x_column_first_element_laziness():
    layout = RecordArray(
        [ListOffsetArray(Index64(np.array([0, 1, 3])), NumpyArray(np.arange(3.0))), jagged()[:2]],
        ["x", "y"],
    )
    source = Source(layout)
    array = ak.Array(source.array)
    assert array[1:].layout is not None
    assert array.x is not None
    assert source.calls == {}
    assert array.x[:, 0].to_list() == [0.0, 1.0]
    assert set(source.calls) == source.keys_of("x")


def test_boolean_mask_of_another_length_picks_its_true_positions():
    # awkward 2.14 does not check a 1-d mask's length against the dimension: its True
    # positions act as an integer index (user code relying on it must run unchanged)
    data = jagged().to_list()
    regular = layouts()["regular"]
    rows = regular.to_list()
    for mask in ([True, False, True], [False, True], [True, False, False, False, True, False, False], []):
        positions = [k for k, b in enumerate(mask) if b]
        assert getitem(jagged(), np.array(mask, dtype=bool)).to_list() == [data[k] for k in positions]
        assert getitem(jagged(), list(mask)).to_list() == [data[k] for k in positions]
    for mask in ([True, False], [False, False, True, False, False], [True]):
        positions = [k for k, b in enumerate(mask) if b]
        assert getitem(regular, (S(None), np.array(mask))).to_list() == [[r[k] for k in positions] for r in rows]
    fits = ak.from_iter([[1, 2, 3], [4, 5], [6, 7, 8]], highlevel=False)
    assert getitem(fits, (S(None), [True, True, False, False])).to_list() == [[1, 2], [4, 5], [6, 7]]
    # a True past the end is out of range, in the first dimension and below it
    with pytest.raises(IndexError, match=r"index 5 is out of bounds in dimension 0"):
        getitem(jagged(), np.array([True, False, False, False, False, True]))
    with pytest.raises(IndexError, match=r"index 2 is out of bounds in dimension 1 at row 1 \(list of length 2\)"):
        getitem(fits, (S(None), [False, False, True]))
    with pytest.raises(IndexError, match=r"index 3 is out of bounds in dimension 1 at row 0 \(list of length 3\)"):
        getitem(layouts()["regular"], (S(None), [True, True, True, True]))
    # with missing values too: None positions give None, at any length
    assert getitem(jagged(), [True, None]).to_list() == [data[0], None]
    mask = [None, True, False, False]
    assert getitem(fits, (S(None), mask)).to_list() == [[None, row[1]] for row in fits.to_list()]


def test_boolean_mask_with_other_advanced_indices():
    grid = np.arange(6).reshape(2, 3)
    regular = NumpyArray(grid).to_RegularArray()
    # the masks and arrays broadcast as given: a ValueError when their lengths do not fit
    with pytest.raises(ValueError, match="shape mismatch"):
        getitem(regular, ([True, False, True], [1, 0]))
    with pytest.raises(ValueError, match="shape mismatch"):
        getitem(regular, ([1, 0], [True, False, True]))
    # then each mask gives its True positions; the first advanced index sets the length
    assert getitem(regular, ([True, False], [1, 0])).to_list() == [grid[0, 1]]
    assert getitem(regular, ([True, True], [1, 0])).to_list() == [grid[0, 1], grid[1, 0]]
    assert getitem(regular, ([True], [1, 0])).to_list() == [grid[0, 1], grid[1, 0]]
    lists = ak.from_iter([[1, 2, 3], [], [4, 5]], highlevel=False)
    assert getitem(lists, ([True, False, True], [0])).to_list() == [1, 4]
    assert getitem(lists, ([True, False, True], 0)).to_list() == [1, 4]
    with pytest.raises(IndexError, match="fewer than the 3 of the first advanced index"):
        getitem(regular, ([1], [True, False, True]))


# ---------------------------------------------------------------------------------- randomized


def random_data(rng, depth, missing):
    if depth == 0:
        return int(rng.integers(0, 100))
    if missing and rng.random() < 0.15:
        return None
    return [random_data(rng, depth - 1, missing) for _ in range(int(rng.integers(0, 5)))]


def random_item(rng, allow_ellipsis):
    kind = rng.integers(0, 6 if allow_ellipsis else 5)
    if kind == 0:
        return int(rng.integers(-3, 3))
    if kind in (1, 2):
        step = int(rng.choice([None, 1, 2, -1, -2, 3]) or 0) or None
        start = None if rng.random() < 0.4 else int(rng.integers(-4, 5))
        stop = None if rng.random() < 0.4 else int(rng.integers(-4, 5))
        return slice(start, stop, step)
    if kind == 3:
        return None
    if kind == 4:
        return np.array(rng.integers(-2, 2, size=2))
    return Ellipsis


@pytest.mark.parametrize("seed", range(60))
def test_randomized_against_reference(seed):
    rng = np.random.default_rng(seed)
    depth = int(rng.integers(1, 4))
    outer = [random_data(rng, depth - 1, seed % 2 == 1) for _ in range(int(rng.integers(1, 6)))]
    layout = ak.from_iter(outer, highlevel=False)
    for _ in range(15):
        items, has_ellipsis, arrays = [], False, 0
        for _ in range(int(rng.integers(1, depth + 2))):
            item = random_item(rng, not has_ellipsis)
            if isinstance(item, np.ndarray):
                if arrays and not isinstance(items[-1], np.ndarray):
                    continue  # keep advanced indices adjacent
                arrays += 1
            has_ellipsis = has_ellipsis or item is Ellipsis
            items.append(item)
        dims = sum(1 for x in items if x is not None and x is not Ellipsis)
        if dims > depth and "unknown" not in str(layout.form.type):
            with pytest.raises(IndexError, match="too many indices|out of bounds"):
                getitem(layout, tuple(items))
        elif dims <= depth:
            if "unknown" in str(layout.form.type):
                # items reaching below an EmptyArray raise, as in awkward; the lists cannot tell
                try:
                    getitem(layout, tuple(items))
                except IndexError as err:
                    if "too many indices" in str(err):
                        continue
            check(layout, tuple(items))


def test_error_ellipsis_over_different_depths():
    layout = layouts()["list_of_records"]  # a: 2 dimensions, b: 3 dimensions
    with pytest.raises(IndexError, match=r"Ellipsis .* different numbers of dimensions \(2 to 3\)"):
        getitem(layout, (Ellipsis, 0))
    assert getitem(layout, (Ellipsis,)).to_list() == layout.to_list()


def test_lazy_advanced_index_then_field_reads_only_that_field():
    source = lazy_source()
    picked = getitem(source.array, np.array([4, 0, 2]))
    masked = getitem(source.array, np.array([True, False, True, False, True]))
    assert source.calls == {}
    assert getitem(picked, "y").to_list() == [[], [0], [1]]
    assert getitem(masked, "y").to_list() == [[0], [1], []]
    assert set(source.calls) == source.keys_of("y")


def test_lazy_int_then_range_reads_offsets_only():
    source = lazy_source()
    out = getitem(source.array, (3, "x", S(1, None)))
    offsets_keys = {k for k in source.keys_of("x") if k.endswith("offsets")}
    assert offsets_keys and set(source.calls) == offsets_keys
    assert out.to_list() == jagged().to_list()[3][1:]


# ---------------------------------------------------------------------------------- scalar records


@pytest.mark.parametrize(
    "where,message",
    [
        (0, "by an integer"),
        (-1, "by an integer"),
        (np.int64(1), "by an integer"),
        ((0,), "by an integer"),
        (S(1, None), r"by a range slice \(`:`\)"),
        (None, r"by np.newaxis \(`None`\)"),
        (Ellipsis, r"by an ellipsis \(`...`\)"),
        ([0], "by an array"),
        (np.array([0]), "by an array"),
        ((0, "x"), "by an array"),
        ((["x"], 0), "by an array"),
    ],
)
def test_scalar_record_takes_field_names_only(where, message):
    # awkward 2.14: a scalar record is never indexed by position, not even a tuple-record
    for record in (ak.Record({"x": [1, 2], "y": 3}), ak.Array([([1, 2], 3)])[0]):
        with pytest.raises(IndexError, match=f"scalar Record cannot be sliced {message}"):
            record[where]


def test_scalar_record_field_access():
    record = ak.Record({"x": [1, 2], "y": 3})
    assert record[()].to_list() == record.to_list()
    assert record[("x",)].to_list() == [1, 2]
    assert record["x", 1] == 2
    assert record[["y"]].to_list() == {"y": 3}
    assert record[[]].to_list() == {}
    pair = ak.Array([([1, 2], 3)])[0]
    assert pair["1"] == 3
    assert pair["0", -1] == 2
    with pytest.raises(TypeError, match="only field name"):
        record[True]
    with pytest.raises(TypeError, match="only field name"):
        record[1.5]


def test_char_taken_out_of_a_string_in_a_union():
    # an element of a string is a char: to_list gives a one-character str (bytes: an int)
    words = ["hello", "wé"]
    strings = ak.Array([[1, 2, 3], words[0], words[1]])
    assert strings[:, 0].to_list() == [1, "h", "w"]
    assert strings[:, -1].to_list() == [3, "o", words[1].encode()[-1:].decode("utf-8", "surrogateescape")]
    assert strings[1][0] == "h"
    raw = ak.Array([[1, 2, 3], b"hello"])
    assert raw[:, 0].to_list() == [1, b"hello"[0]]
