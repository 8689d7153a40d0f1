"""The order in which broadcasting (awkward/_broadcasting.py) takes a level apart, as in
awkward 2.14: IndexedArrays are projected first (over records, the index goes into each field,
unread), then unions are split by tags, then options are split. So a union member or an indexed
record meets a missing value of another input as a record, and with_field keeps that None
inside the record. The node sequences and types below were checked with ak-compare against
awkward 2.14; values are compared with pure-Python models on to_list data. Plain and
virtualized."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import awkward as ak
from awkward.contents import (
    IndexedArray,
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    UnionArray,
)
from awkward.index import Index8, Index64
from tests.counting_buffers import Lazy


def _num(values, dtype=np.int64):
    return NumpyArray(np.asarray(values, dtype=dtype))


def _union_num_list():
    # union[int64, var * float64]: [1, [1.5, 2.5], 2]
    return UnionArray(
        Index8(np.array([0, 1, 0], np.int8)),
        Index64(np.array([0, 0, 1])),
        [_num([1, 2]), ListOffsetArray(Index64(np.array([0, 2])), _num([1.5, 2.5], np.float64))],
    )


def _union_of_options():
    # union[?int64, option[var * float64]]: [1, None, None, [5.5, 6.6], 2]
    a = IndexedOptionArray(Index64(np.array([0, -1, 1])), _num([1, 2]))
    b = IndexedOptionArray(
        Index64(np.array([-1, 0])), ListOffsetArray(Index64(np.array([0, 2])), _num([5.5, 6.6], np.float64))
    )
    return UnionArray(Index8(np.array([0, 1, 0, 1, 0], np.int8)), Index64(np.array([0, 0, 1, 1, 2])), [a, b])


def _union_of_records():
    # union[{a: int64}, {b: float64}]: [{a: 1}, {b: 1.5}, {a: 2}]
    return UnionArray(
        Index8(np.array([0, 1, 0], np.int8)),
        Index64(np.array([0, 0, 1])),
        [RecordArray([_num([1, 2])], ["a"]), RecordArray([_num([1.5], np.float64)], ["b"])],
    )


def _indexed_record():
    # [{a: 3}, {a: 1}, {a: 2}]
    return IndexedArray(Index64(np.array([2, 0, 1])), RecordArray([_num([1, 2, 3])], ["a"]))


# ---------------------------------------------------------------------- models
def broadcast_model(f, *items):
    """Awkward's broadcasting on Python data: None anywhere gives None; lists meet lists of
    the same length or scalars (a scalar goes into every element)."""
    if any(x is None for x in items):
        return None
    if any(isinstance(x, list) for x in items):
        (n,) = {len(x) for x in items if isinstance(x, list)}
        return [broadcast_model(f, *[x[i] if isinstance(x, list) else x for x in items]) for i in range(n)]
    return f(*items)


def with_field_model(record, value, field):
    """A record with ``field`` set to the value of its own row, None included."""
    if record is None:
        return None
    return {**record, field: value}


def _seen(*arrays):
    """The kinds of node the transform callback meets, in order."""
    seen = []

    def action(layouts, **kwargs):
        seen.append(tuple(type(x).__name__ for x in layouts))

    ak.transform(action, *arrays)
    return seen


# ---------------------------------------------------------------------- the order
ORDER_CASES = {
    # union split before the option: each member meets the option value
    "union, option": (
        lambda: (ak.Array(_union_of_records()), ak.Array([1, None, 3])),
        [
            ("RegularArray", "RegularArray"),
            ("UnionArray", "IndexedOptionArray"),
            ("IndexedArray", "IndexedOptionArray"),
            ("RecordArray", "IndexedOptionArray"),
            ("IndexedArray", "NumpyArray"),
            ("RecordArray", "NumpyArray"),
            ("IndexedArray", "NumpyArray"),
            ("NumpyArray", "NumpyArray"),
            ("IndexedArray", "IndexedOptionArray"),
            ("RecordArray", "IndexedOptionArray"),
            ("IndexedArray", "NumpyArray"),
            ("RecordArray", "NumpyArray"),
            ("IndexedArray", "NumpyArray"),
            ("NumpyArray", "NumpyArray"),
        ],
    ),
    # an indexed record is projected before the option is split
    "indexed record, option": (
        lambda: (ak.Array(_indexed_record()), ak.Array([1, None, 3])),
        [
            ("RegularArray", "RegularArray"),
            ("IndexedArray", "IndexedOptionArray"),
            ("RecordArray", "IndexedOptionArray"),
            ("IndexedArray", "NumpyArray"),
            ("RecordArray", "NumpyArray"),
            ("IndexedArray", "NumpyArray"),
            ("NumpyArray", "NumpyArray"),
        ],
    ),
    # an IndexedArray is projected before the union is split
    "union, indexed": (
        lambda: (ak.Array(_union_num_list()), ak.Array(IndexedArray(Index64(np.array([2, 0, 1])), _num([1, 2, 3])))),
        [
            ("RegularArray", "RegularArray"),
            ("UnionArray", "IndexedArray"),
            ("UnionArray", "NumpyArray"),
            ("NumpyArray", "NumpyArray"),
            ("ListArray", "NumpyArray"),
            ("NumpyArray", "NumpyArray"),
        ],
    ),
    "union, option of numbers": (
        lambda: (ak.Array(_union_num_list()), ak.Array([1, None, 3])),
        [
            ("RegularArray", "RegularArray"),
            ("UnionArray", "IndexedOptionArray"),
            ("NumpyArray", "IndexedOptionArray"),
            ("NumpyArray", "NumpyArray"),
            ("ListArray", "IndexedOptionArray"),
            ("ListArray", "NumpyArray"),
            ("NumpyArray", "NumpyArray"),
        ],
    ),
}


@pytest.mark.parametrize("name", list(ORDER_CASES))
def test_transform_meets_nodes_in_awkward_order(name):
    make, expected = ORDER_CASES[name]
    assert _seen(*make()) == expected


# ---------------------------------------------------------------------- ufuncs
UFUNC_CASES = {
    "union + option": (lambda: ak.Array([1, [2, 3], 4]), lambda: ak.Array([1, None, 2]),
                       "3 * union[?int64, option[var * int64]]"),
    "union + all None": (lambda: ak.Array([1, [2, 3], 4, [5]]), lambda: ak.Array([None, None, 2, 3]),
                         "4 * union[?int64, option[var * int64]]"),
    "union of options + 1": (lambda: ak.Array(_union_of_options()), lambda: 1,
                             "5 * union[?int64, option[var * float64]]"),
    "union of options + option": (lambda: ak.Array(_union_of_options()), lambda: ak.Array([1, 2, None, 4, 5]),
                                  "5 * union[?int64, option[var * float64]]"),
    "option + union": (lambda: ak.Array([None, 2, 3]), lambda: ak.Array([1, [2, 3], 4]),
                       "3 * union[?int64, option[var * int64]]"),
    "nested union in lists": (lambda: ak.Array([[1, [2, 3]], [4]]), lambda: ak.Array([[1, None], [5]]),
                              "2 * var * union[?int64, option[var * int64]]"),
}


@pytest.mark.parametrize("name", list(UFUNC_CASES))
def test_ufunc_union_with_options(name):
    left, right, type_ = UFUNC_CASES[name]
    x, y = left(), right()
    out = x + y
    py_y = y.to_list() if isinstance(y, ak.Array) else y
    assert out.to_list() == broadcast_model(lambda a, b: a + b, x.to_list(), py_y)
    assert str(out.type) == type_


def test_where_union_and_option():
    u, o = ak.Array([1, [2, 3], 4]), ak.Array([1, None, 2])
    condition = ak.Array([True, False, True])
    out = ak.where(condition, u, o)
    assert out.to_list() == [1, None, 4]
    assert str(out.type) == "3 * union[?int64, option[var * int64]]"


def test_broadcast_arrays_union_and_option():
    u, o = ak.Array([1, [2, 3], 4]), ak.Array([1, None, 2])
    left, right = ak.broadcast_arrays(u, o)
    assert left.to_list() == [1, None, 4]
    assert right.to_list() == [1, None, 2]
    assert str(left.type) == str(right.type) == "3 * union[?int64, option[var * int64]]"
    nested = ak.broadcast_arrays(ak.Array([[1, [2, 3]], [4]]), ak.Array([[1, None], None]))
    assert [x.to_list() for x in nested] == [[[1, None], None]] * 2
    assert {str(x.type) for x in nested} == {"2 * option[var * union[?int64, option[var * int64]]]"}


def test_broadcast_arrays_indexed_record_and_option():
    left, right = ak.broadcast_arrays(ak.Array(_indexed_record()), ak.Array([1, None, 3]))
    assert left.to_list() == [{"a": 3}, None, {"a": 2}]
    assert str(left.type) == "3 * ?{a: int64}"
    assert right.to_list() == [1, None, 3]


# ---------------------------------------------------------------------- with_field
WITH_FIELD_BASES = {
    "union of records": _union_of_records,
    "indexed record": _indexed_record,
}


@pytest.mark.parametrize("base_name", list(WITH_FIELD_BASES))
@pytest.mark.parametrize("values", [[1, None, 3], [None, None, None], [None, 2, None], [[1], None, []]])
def test_with_field_keeps_none_inside_the_record(base_name, values):
    base = ak.Array(WITH_FIELD_BASES[base_name]())
    value = ak.Array(values)
    out = ak.with_field(base, value, "z")
    assert out.to_list() == [with_field_model(r, v, "z") for r, v in zip(base.to_list(), value.to_list())]
    assert not out.layout.is_option  # the None is in the field, not around the record


def test_with_field_union_in_lists_keeps_none_inside():
    base = ak.Array(ListOffsetArray(Index64(np.array([0, 1, 1, 3])), _union_of_records()))
    value = ak.Array([[None], [], [5, None]])
    out = ak.with_field(base, value, "z")
    expected = [
        [with_field_model(r, v, "z") for r, v in zip(rs, vs)] for rs, vs in zip(base.to_list(), value.to_list())
    ]
    assert out.to_list() == expected
    # a None meeting a list (not a record) masks the whole list, as in awkward 2.14
    scalar_rows = ak.with_field(base, ak.Array([None, 1, 2]), "z")
    assert scalar_rows.to_list() == [
        None if v is None else [with_field_model(r, v, "z") for r in rs]
        for rs, v in zip(base.to_list(), [None, 1, 2])
    ]


def test_with_field_indexed_record_form_as_awkward():
    # the index goes into each field (checked with ak-compare)
    out = ak.with_field(ak.Array(_indexed_record()), ak.Array([1, None, 3]), "z")
    assert str(out.type) == "3 * {a: int64, z: ?int64}"
    assert out.layout.is_record
    assert out.layout.content("a").is_indexed and not out.layout.content("a").is_option


def test_with_field_union_of_record_and_list_is_an_error():
    base = ak.Array([{"x": 1}, [1, 2], {"x": 3}])
    with pytest.raises(ValueError, match="no tuples or records"):
        ak.with_field(base, ak.Array([1, None, 3]), "z")


# ---------------------------------------------------------------------- laziness
def test_with_field_indexed_record_reads_nothing():
    lazy = Lazy()
    base = IndexedArray(lazy.index([2, 0, 1], "index"), RecordArray([lazy.numpy([1, 2, 3], "a")], ["a"]))
    value = IndexedOptionArray(lazy.index([0, -1, 1], "vindex"), lazy.numpy([7, 8], "v"))
    out = ak.with_field(ak.Array(base), ak.Array(value), "z")
    assert out.fields == ["a", "z"]
    assert lazy.total == 0
    assert out.to_list() == [{"a": 3, "z": 7}, {"a": 1, "z": None}, {"a": 2, "z": 8}]


def test_with_field_union_base_reads_no_field_data():
    lazy = Lazy()
    base = UnionArray(
        lazy.index([0, 1, 0], "tags", Index8),
        lazy.index([0, 0, 1], "uindex"),
        [RecordArray([lazy.numpy([1, 2], "a")], ["a"]), RecordArray([lazy.numpy([1.5], "b")], ["b"])],
    )
    value = IndexedOptionArray(lazy.index([0, -1, 1], "vindex"), lazy.numpy([7, 8], "v"))
    out = ak.with_field(ak.Array(base), ak.Array(value), "z")
    assert len(out) == 3
    # the union's tags and index decide the split; no field's values are read
    assert lazy.calls["a"] == lazy.calls["b"] == lazy.calls["v"] == 0
    assert out.to_list() == [{"a": 1, "z": 7}, {"b": 1.5, "z": None}, {"a": 2, "z": 8}]


def test_ufunc_on_indexed_numbers_reads_values_once():
    lazy = Lazy()
    array = IndexedArray(lazy.index([2, 0, 1], "index"), lazy.numpy([1, 2, 3], "x"))
    out = ak.Array(array) + ak.Array([10, 20, 30])
    assert out.to_list() == [13, 21, 32]
    assert lazy.calls["x"] == 1 and lazy.calls["index"] == 1


# ---------------------------------------------------------------------- hypothesis
_item = st.one_of(
    st.none(),
    st.integers(-5, 5),
    st.lists(st.integers(-5, 5), max_size=3),
)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_union_option_broadcast_against_model(data):
    left = data.draw(st.lists(_item, min_size=1, max_size=6))
    right = data.draw(
        st.lists(st.one_of(st.none(), st.integers(-5, 5)), min_size=len(left), max_size=len(left))
    )
    x, y = ak.Array(left), ak.Array(right)
    assert (x * 2 + y).to_list() == broadcast_model(lambda a, b: a * 2 + b, left, right)
    assert (y - x).to_list() == broadcast_model(lambda a, b: b - a, left, right)
    condition = [i % 2 == 0 for i in range(len(left))]
    # ak.where picks whole rows here (a 1-d condition): the other side's None does not leak
    expected = [a if c else b for c, a, b in zip(condition, left, right)]
    assert ak.where(ak.Array(condition), x, y).to_list() == expected
