"""Acceptance checks for issue 6 (slicing) through ak.Array, as a user writes them.

Expected values come from a small slicer on Python lists (to_list data) or from NumPy;
laziness is measured by counting generator calls of arrays rebuilt by ak.from_buffers."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

import awkward as ak

# ---------------------------------------------------------------------- a reference on lists


def ref(data, items, depth):
    """``items`` (ints, slices, None, Ellipsis, field names) applied to nested Python lists;
    ``depth`` is the number of list dimensions (an Ellipsis needs it). Field names commute with
    the other items: they are applied first."""
    for name in [x for x in items if isinstance(x, str)]:
        data = _field(data, name)
    items = tuple(x for x in items if not isinstance(x, str))
    if Ellipsis in items:
        at = items.index(Ellipsis)
        used = sum(1 for x in items if isinstance(x, (int, slice)))
        items = items[:at] + (slice(None),) * (depth - used) + items[at + 1 :]
    return _ref(data, items)


def _field(data, name):
    if data is None:
        return None
    if isinstance(data, dict):
        return data[name]
    return [_field(x, name) for x in data]


def _ref(data, items):
    if not items:
        return data
    head, tail = items[0], items[1:]
    if head is None:
        return [_ref(data, tail)]
    if data is None:
        return None
    if isinstance(data, dict):
        return {k: _ref(v, items) for k, v in data.items()}
    if isinstance(head, int):
        return _ref(data[head], tail)
    return [_ref(x, tail) for x in data[head]]


def ref_jagged(data, index):
    """A jagged index on lists: lists line up; integers pick, booleans keep, None gives None."""
    if index is None or data is None:
        return None
    if isinstance(data, dict):
        return {k: ref_jagged(v, index) for k, v in data.items()}
    if any(isinstance(x, list) for x in index):
        return [ref_jagged(d, i) for d, i in zip(data, index)]
    if any(isinstance(x, bool) for x in index):
        return [None if b is None else d for d, b in zip(data, index) if b is None or b]
    return [None if i is None else data[i] for i in index]


def lazy_copy(array):
    """``array`` rebuilt from generators that count their calls (key -> calls)."""
    form, length, buffers = ak.to_buffers(ak.materialize(array) if hasattr(ak, "materialize") else array)
    calls = Counter()

    def generator(key):
        def generate():
            calls[key] += 1
            return buffers[key]

        return generate

    lazy = ak.from_buffers(form, length, {key: generator(key) for key in buffers})
    FORMS[id(calls)] = form
    return lazy, calls


FORMS = {}  # id(calls) -> the form with the buffer keys of that lazy copy


S = slice

EVENTS = [
    {"run": 1, "muons": [{"pt": 10.0, "eta": 0.5}, {"pt": 31.0, "eta": -1.0}], "jets": [[1, 2], []]},
    {"run": 2, "muons": [], "jets": []},
    {"run": 3, "muons": [{"pt": 25.0, "eta": 2.0}], "jets": [[3]]},
    {"run": 4, "muons": [{"pt": 5.0, "eta": 0.1}, {"pt": 50.0, "eta": 0.2}, {"pt": 21.0, "eta": 0.3}],
     "jets": [[4, 5, 6], [7], []]},
]

# ---------------------------------------------------------------------- item 1-3: the user's slices

JAGGED3 = [[[1, 2], [3]], [], [[4, 5, 6], [], [7]], [[8]]]

USER_SLICES = [
    ([[1, 2, 3, 4], [], [5, 6], [7]], (S(None), S(1, -1)), 2),
    ([[1, 2, 3, 4], [], [5, 6], [7]], (S(None), S(None, None, -2)), 2),
    ([[1, 2, 3, 4], [], [5, 6], [7]], (S(-1, 0, -1), S(-3, None)), 2),
    ([[1, 2, 3], [4, 5]], (Ellipsis, 0), 2),
    ([[1, 2, 3], [4, 5]], (Ellipsis, -1), 2),
    (JAGGED3, (Ellipsis, S(1, None)), 3),
    (JAGGED3, (S(None), S(None), S(None, 1)), 3),
    (JAGGED3, (S(2, None), -1, S(None, None, -1)), 3),
    (JAGGED3, (0, Ellipsis), 3),
    (JAGGED3, (None, S(1, 3), None), 3),
    (JAGGED3, (S(None), None, S(None, 1)), 3),
    (EVENTS, ("muons", "pt"), 2),
    (EVENTS, (S(None), "muons"), 2),
    (EVENTS, ("muons", S(None), S(None, 1)), 2),
    (EVENTS, (S(0, 4, 2), "muons", 0), 2),
    (EVENTS, (S(1, None), "muons", "eta"), 2),
    (EVENTS, (-1, "muons", 1, "pt"), 2),
    (EVENTS, ("jets", S(None), S(None), S(None, 1)), 3),
    (EVENTS, (0, "jets", 0), 3),
]


@pytest.mark.parametrize("data,where,depth", USER_SLICES, ids=[repr(w) for _, w, _ in USER_SLICES])
def test_user_slices_match_the_list_model(data, where, depth):
    array = ak.Array(data)
    out = array[where]
    expected = ref(data, where, depth)
    assert (out.to_list() if isinstance(out, (ak.Array, ak.Record)) else out) == expected


def test_field_at_any_depth_and_projection():
    events = ak.Array(EVENTS)
    lists_of_records = ak.Array([[{"x": 1, "y": 2.0}], [], [{"x": 3, "y": 4.0}, {"x": 5, "y": 6.0}]])
    assert lists_of_records[:, "x"].to_list() == [[r["x"] for r in row] for row in lists_of_records.to_list()]
    assert lists_of_records[["y"]].to_list() == [[{"y": r["y"]} for r in row] for row in lists_of_records.to_list()]
    assert events[["run", "jets"]].fields == ["run", "jets"]
    assert events.muons.pt.to_list() == events["muons", "pt"].to_list()
    assert events[2]["muons", 0, "pt"] == 25.0
    record = events[3]
    assert record["muons", "eta"].to_list() == [0.1, 0.2, 0.3]
    assert record["muons", 1:, "pt"].to_list() == [50.0, 21.0]
    assert record[["run"]].to_list() == {"run": 4}
    with pytest.raises(IndexError, match="no field|not found"):
        events["electrons"]


def test_records_of_lists_and_lists_of_records():
    data = {"x": [[1, 2, 3], [], [4]], "y": [[0.5], [1.5, 2.5], []]}
    array = ak.Array(data)
    rows = array.to_list()
    assert array[:, 0:1].to_list() == [{"x": r["x"][0:1], "y": r["y"][0:1]} for r in rows]
    assert array[::-1, "x", ::-1].to_list() == [r["x"][::-1] for r in rows[::-1]]
    lists = ak.Array(EVENTS).muons
    data = lists.to_list()
    assert lists[:, ::-1].to_list() == [row[::-1] for row in data]
    assert lists[[3, 0], -1].to_list() == [data[3][-1], data[0][-1]]


# ---------------------------------------------------------------------- item 4: advanced indices


def test_numpy_advanced_indexing_matches_numpy():
    values = np.arange(24).reshape(2, 3, 4)
    array = ak.Array(values)
    for where in [
        (np.array([1, 0]), np.array([2, 0])),
        (np.array([[0], [1]]), np.array([0, 2])),
        (S(None), np.array([True, False, True])),
        (0, np.array([2, 1]), S(1, 3)),
        (np.array([[1, 0], [0, 1]]),),
        (Ellipsis, np.array([3, 0])),
    ]:
        assert array[where].to_list() == values[where].tolist(), where
    jagged = ak.Array([[1, 2, 3], [4, 5], [6, 7, 8, 9]])
    assert jagged[[2, 0], 1].to_list() == [7, 2]
    assert jagged[np.array([[2], [0]]), np.array([0, 1])].to_list() == [[6, 7], [1, 2]]


@pytest.mark.parametrize("make", [lambda v: ak.Array(v), lambda v: ak.to_regular(ak.Array(v.tolist()), axis=1)])
def test_an_index_with_only_regular_dimensions_is_a_numpy_array(make):
    # awkward treats an ak.Array index without var lists or missing values as the NumPy array
    # it equals: advanced indexing, not a jagged index
    values = np.arange(12).reshape(3, 4)
    for index in [np.array([[0, 2], [1, 0]]), np.array([[True, False, True, False]] * 3)]:
        expected = values[index].tolist()
        assert ak.Array(values)[make(index)].to_list() == expected
        assert ak.Array(values.tolist())[make(index)].to_list() == expected
    # with a missing value it is an awkward index again: row by row
    index = ak.to_regular(ak.Array([[0, None], [3, 1], [None, None]]), axis=1)
    assert ak.Array(values)[index].to_list() == ref_jagged(values.tolist(), index.to_list())


# ---------------------------------------------------------------------- item 5: jagged indices


def test_jagged_masks_and_argsort_like_indices():
    events = ak.Array(EVENTS)
    muons = events.muons
    selected = muons[muons.pt > 20]
    assert selected.to_list() == [[m for m in row if m["pt"] > 20] for row in muons.to_list()]
    assert events[ak.Array([len(m) > 0 for m in muons.to_list()])].run.to_list() == [1, 3, 4]
    values = ak.Array([[3.0, 1.0, 2.0], [], [5.0, 4.0]])
    order = ak.Array([sorted(range(len(r)), key=r.__getitem__) for r in values.to_list()])
    assert values[order].to_list() == [sorted(r) for r in values.to_list()]
    if hasattr(ak, "argsort"):  # (not implemented yet at the time of writing)
        assert values[ak.argsort(values)].to_list() == [sorted(r) for r in values.to_list()]


@pytest.mark.parametrize(
    "index",
    [
        [[0, None], [], [None, 1]],
        [[True, None, False], [], [None, True]],
        [None, [2, 0], [1]],
        [[-1], None, []],
    ],
)
def test_masked_jagged_indices_give_none(index):
    data = [[1, 2, 3], [], [4, 5]] if index[0] is not None else [[1, 2], [3, 4, 5], [6, 7]]
    if index[1] is None:
        data = [[1, 2, 3], [9], [4, 5]]
    out = ak.Array(data)[ak.Array(index)]
    assert out.to_list() == ref_jagged(data, index)


def test_flat_index_with_missing_values_gives_none():
    array = ak.Array([[1, 2], [], [3]])
    data = array.to_list()
    assert array[ak.Array([2, None, -3])].to_list() == [data[2], None, data[0]]
    assert array[ak.Array([True, None, False])].to_list() == [data[0], None]


# ---------------------------------------------------------------------- item 6: through node types


def test_slicing_through_option_union_regular():
    option = ak.Array([[1, 2, 3], None, [4, 5]])
    data = option.to_list()
    assert option[:, 0].to_list() == [None if r is None else r[0] for r in data]
    assert option[:, -2:].to_list() == [None if r is None else r[-2:] for r in data]
    assert option[[0, 1], 0].to_list() == [1, None]
    inner = ak.Array([[[1, 2], None, [3]], [], [None, [4]]])
    data = inner.to_list()
    assert inner[..., -1].to_list() == [[None if x is None else x[-1] for x in r] for r in data]
    union = ak.Array([[1, 2, 3], [[4], [5]], [4, 5]])
    data = union.to_list()
    assert union[:, 1:].to_list() == [r[1:] for r in data]
    assert union[:, ::-1].to_list() == [r[::-1] for r in data]
    assert union[:, 0].to_list() == [r[0] for r in data]
    records_union = ak.Array([{"x": 1, "y": 2}, {"x": [1, 2]}])
    assert records_union["x"].to_list() == [1, [1, 2]]
    regular = ak.to_regular(ak.Array([[1, 2, 3], [4, 5, 6]]), axis=1)
    assert regular[:, ::-1].to_list() == [[3, 2, 1], [6, 5, 4]]
    assert str(regular[:, ::2].type) == "2 * 2 * int64"
    assert regular[:, [True, False, True]].to_list() == [[1, 3], [4, 6]]


def test_carried_records_slice_below():
    array = ak.Array([{"x": [1, 2]}, {"x": [3]}, {"x": [4, 5, 6]}])
    picked = array[[2, 0]]
    assert picked[:, 0].to_list() == [{"x": 4}, {"x": 1}]
    assert picked["x", :, -1].to_list() == [6, 2]


# ---------------------------------------------------------------------- item 7: errors


def test_errors_name_the_dimension_and_position():
    array = ak.Array([[1, 2, 3], [], [4, 5]])
    with pytest.raises(IndexError, match=r"index 5 is out of bounds for dimension 0"):
        array[5]
    with pytest.raises(IndexError, match=r"index -4 is out of bounds for dimension 0"):
        array[-4]
    with pytest.raises(IndexError, match=r"index 2 is out of bounds in dimension 1 at row 1 \(list of length 0\)"):
        array[:, 2]
    with pytest.raises(IndexError, match=r"index 7 is out of bounds in dimension 1 at row 2 \(list of length 2\)"):
        array[ak.Array([[0], [], [7]])]
    with pytest.raises(IndexError, match=r"jagged slice with length 2 into array of length 3 in dimension 0"):
        array[ak.Array([[0], [0]])]
    # a jagged mask of other row lengths picks its True positions (awkward 2.14); past the end: an error
    assert array[ak.Array([[True], [], [True, False, False]])].to_list() == [[1], [], [4]]
    with pytest.raises(IndexError, match=r"index 3 is out of bounds in dimension 1 at row 0 \(list of length 3\)"):
        array[ak.Array([[False, False, False, True], [], []])]
    with pytest.raises(IndexError, match=r"index 3 is out of bounds in dimension 0"):
        array[[True, False, True, True]]
    deep = ak.Array([[[1, 2], [3]], [[4, 5, 6]], [[]]])
    with pytest.raises(IndexError, match=r"out of bounds in dimension 2 at row 3 \(list of length 0\)"):
        deep[..., 0]
    with pytest.raises(IndexError, match=r"too many indices.*dimension 2"):
        array[:, :, 0]
    with pytest.raises(ValueError, match=r"step cannot be zero"):
        array[::0]
    with pytest.raises(TypeError, match=r"integers or booleans"):
        array[ak.Array([[0.5], [], []])]


# ---------------------------------------------------------------------- laziness

LAZY_FIELDS = {
    "numpy": [1.5, 2.5, 3.5, 4.5, 5.5],
    "lists": [[1, 2], [], [3], [4, 5, 6], [7]],
    "nested": [[[1], []], [], [[2, 3]], [[4]], [[5], [6]]],
    "options": [[1, None], None, [None], [2], []],
    "strings": ["a", "bc", "", "def", "g"],
    "union": [1, [2], 3, [4, 5], 6],
    "records": [{"a": [1]}, {"a": []}, {"a": [2, 3]}, {"a": [4]}, {"a": [5]}],
}


def events_with_every_kind():
    array = ak.Array(LAZY_FIELDS)
    array["regular"] = ak.to_regular(ak.Array([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]), axis=1)
    return array


def lazy_events():
    return lazy_copy(events_with_every_kind())


def keys_of(calls, field):
    form = FORMS[id(calls)]
    return set(form.contents[form.fields.index(field)].expected_from_buffers())


def test_range_slices_and_fields_run_no_generator():
    lazy, calls = lazy_events()
    part = lazy[1:4]
    for field in lazy.fields:
        part[field]
        lazy[field]
        lazy[1:][field][:2]
    lazy[["lists", "union"]]
    lazy[2:-1, "nested"]
    assert lazy.lists is not None
    assert calls == {}
    assert part.to_list() == events_with_every_kind().to_list()[1:4]


@pytest.mark.parametrize("field", [*LAZY_FIELDS, "regular"])
def test_a_column_sliced_below_runs_only_that_column(field):
    lazy, calls = lazy_events()
    column = lazy[field]
    where = (S(1, 4),) if field in ("numpy", "union", "strings") else (S(1, 4), S(None, 1))
    expected = ref(events_with_every_kind()[field].to_list(), where, 2)
    assert column[where].to_list() == expected
    assert calls and set(calls) <= keys_of(calls, field)


def test_x_column_first_element_runs_only_x():
    lazy, calls = lazy_copy(ak.Array({"x": [[1.0, 2.0], [3.0]], "y": [[4], [5, 6]]}))
    assert lazy.x[:, 0].to_list() == [1.0, 3.0]
    assert set(calls) == keys_of(calls, "x")


@pytest.mark.parametrize("field", ["lists", "nested", "options", "union", "records", "regular"])
def test_element_reads_structure_not_content(field):
    """array[i] reads offsets/index/tags of the path to element i, never a data buffer; the
    element's content stays virtual until it is used."""
    lazy, calls = lazy_events()
    column = lazy[field]
    element = column[3]
    assert not any(key.endswith("-data") for key in calls), dict(calls)
    expected = ak.Array(LAZY_FIELDS[field] if field in LAZY_FIELDS else [[7, 8]] * 4)[3]
    got = element.to_list() if isinstance(element, (ak.Array, ak.Record)) else element
    assert got == (expected.to_list() if isinstance(expected, (ak.Array, ak.Record)) else expected)


def test_element_of_a_jagged_array_is_a_slice_of_the_content():
    lazy, calls = lazy_copy(ak.Array([[1.0, 2.0, 3.0], [], [4.0, 5.0], [6.0]] * 50))
    element = lazy[102]
    assert set(calls) == {key for key in calls if key.endswith("-offsets")} and calls
    data = element.layout.data
    assert len(data) == 2  # exactly the element's values, not the whole content
    assert getattr(data, "is_materialized", False) is False
    assert element.to_list() == [4.0, 5.0]


def test_a_second_ellipsis_is_refused():
    array = ak.Array([[1, 2, 3], [], [4, 5]])
    for where in [(Ellipsis, Ellipsis), (Ellipsis, 0, Ellipsis)]:
        with pytest.raises(IndexError, match=r"only have a single Ellipsis"):
            array[where]
    assert array[..., 0:1].to_list() == [row[0:1] for row in array.to_list()]


# ---------------------------------------------------------------------- more nestings in the table


def more_nestings():
    """Nestings the table in tests/test_slicing.py does not have (same slices, same reference)."""
    from awkward.contents import (
        BitMaskedArray,
        IndexedArray,
        IndexedOptionArray,
        ListOffsetArray,
        NumpyArray,
        RecordArray,
        RegularArray,
        UnionArray,
    )
    from awkward.index import Index8, Index64, IndexU8

    def lists():
        return ListOffsetArray(Index64(np.array([0, 2, 2, 5, 6, 9])), NumpyArray(np.arange(9) * 1.5))

    records = RecordArray([lists(), NumpyArray(np.arange(5))], ["x", "n"])
    return {
        "option_of_records": IndexedOptionArray(Index64(np.array([3, -1, 0, 4, 1])), records),
        "indexed_records": IndexedArray(Index64(np.array([4, 0, 0, 2, 3])), records),
        "union_of_records": UnionArray(
            Index8(np.array([0, 1, 1, 0, 1], np.int8)),
            Index64(np.array([0, 0, 1, 1, 2])),
            [records, RecordArray([RegularArray(NumpyArray(np.arange(9.0)), 3)], ["x"])],
        ),
        "union_with_option": UnionArray(
            Index8(np.array([1, 0, 1, 0, 1], np.int8)),
            Index64(np.array([0, 0, 1, 1, 2])),
            [
                IndexedOptionArray(Index64(np.array([4, -1])), lists()),
                IndexedOptionArray(Index64(np.array([2, -1, 0])), RegularArray(NumpyArray(np.arange(9)), 3)),
            ],
        ),
        "bitmasked_msb": BitMaskedArray(IndexU8(np.array([0b10110000], np.uint8)), lists(), True, 5, False),
        "list_of_unions": ListOffsetArray(
            Index64(np.array([0, 3, 3, 5])),
            UnionArray(
                Index8(np.array([0, 1, 0, 1, 1], np.int8)),
                Index64(np.array([0, 0, 1, 1, 2])),
                [RegularArray(NumpyArray(np.arange(6)), 3), lists()],
            ),
        ),
        "regular_of_records": RegularArray(records, 1),
        "list_of_option_records": ListOffsetArray(
            Index64(np.array([0, 2, 3, 5])), IndexedOptionArray(Index64(np.array([0, -1, 2, 3, 1])), records)
        ),
    }


@pytest.mark.parametrize("name", list(more_nestings()))
def test_table_of_more_nestings(name):
    from test_slicing import SLICES, check

    from awkward._slicing import getitem

    layout = more_nestings()[name]
    assert layout.validity_error() == ""
    for where in SLICES:
        if isinstance(where, np.ndarray) and where.dtype == bool:
            where = np.resize(where, len(layout))
        items = where if isinstance(where, tuple) else (where,)
        dims = sum(1 for x in items if x is not None and x is not Ellipsis)
        if dims > layout.form.minmax_depth[0]:
            # deeper than a field's type: an error even where the data has a None (as awkward)
            with pytest.raises(IndexError, match="too many indices|out of bounds"):
                getitem(layout, where)
        else:
            check(layout, where)
        if "records" in name:  # the same slice on the x column (field access keeps the nesting)
            check(getitem(layout, "x"), where)
