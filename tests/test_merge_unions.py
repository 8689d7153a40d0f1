"""Merging layouts whose contents are unions (awkward/contents/_merge.py): as in awkward 2.14,
a union is mergeable with anything and absorbs the other layout (its contents merge where they
can), inside lists, regular lists, options and records. The expected types are awkward 2.14's
(checked with ak-compare); the values are checked against a pure-Python model (concatenation
or selection of to_list data)."""

from __future__ import annotations

import numpy as np
import pytest
from counting_buffers import Lazy

import awkward as ak
from awkward.contents import ListArray, ListOffsetArray, NumpyArray, UnionArray
from awkward.contents._merge import merge_layouts, mergeable
from awkward.index import Index8, Index64


def lists_of_union():
    return ak.Array([[1, [2, 3]], [], [4]])


def regular(values):
    return ak.to_regular(ak.Array(values), axis=1)


def as_listarray(array):
    layout = ak.to_layout(array)
    offsets = np.asarray(layout.offsets.data)
    return ak.Array(ListArray(Index64(offsets[:-1].copy()), Index64(offsets[1:].copy()), layout.content))


# (left, right, mergebool, awkward 2.14's type of ak.concatenate([left, right]))
CONCATENATE_CASES = [
    ("regular-1", lists_of_union, lambda: regular([[5], [6]]), True, "5 * var * union[int64, var * int64]"),
    ("var-int", lists_of_union, lambda: ak.Array([[5], [6]]), True, "5 * var * union[int64, var * int64]"),
    ("var-float", lists_of_union, lambda: ak.Array([[5.5], [6]]), True, "5 * var * union[float64, var * int64]"),
    ("listarray", lists_of_union, lambda: as_listarray(ak.Array([[5.5], [6]])), True,
     "5 * var * union[float64, var * int64]"),
    ("var-string", lists_of_union, lambda: ak.Array([["x"], ["y"]]), True,
     "5 * var * union[int64, var * int64, string]"),
    ("var-record", lists_of_union, lambda: ak.Array([[{"x": 1}]]), True,
     "4 * var * union[int64, var * int64, {x: int64}]"),
    ("var-var-int-first", lambda: ak.Array([[[5]], [[6, 7]]]), lambda: ak.Array([[1, [2, 3]]]), True,
     "3 * var * union[var * int64, int64]"),
    ("var-var-float", lambda: ak.Array([[1, [2, 3]]]), lambda: ak.Array([[[1.5]]]), False,
     "2 * var * union[int64, var * float64]"),
    ("union-union", lambda: ak.Array([[1, "x"]]), lambda: ak.Array([[1, [2, 3]]]), True,
     "2 * var * union[int64, string, var * int64]"),
    ("int-first", lambda: ak.Array([[5, 6]]), lambda: ak.Array([[1, [2, 3]]]), True,
     "2 * var * union[int64, var * int64]"),
    ("option-in-list", lambda: ak.Array([[None, 1]]), lambda: ak.Array([[1, [2, 3]]]), True,
     "2 * var * union[?int64, option[var * int64]]"),
    ("union-then-option", lambda: ak.Array([[1, [2, 3]]]), lambda: ak.Array([[None, 1]]), True,
     "2 * var * union[?int64, option[var * int64]]"),
    ("option-list-in-list", lambda: ak.Array([[None, [5]]]), lambda: ak.Array([[1, [2, 3]]]), True,
     "2 * var * union[option[var * int64], ?int64]"),
    ("outer-option", lambda: ak.Array([None, [1, [2, 3]]]), lambda: ak.Array([[5]]), True,
     "3 * option[var * union[int64, var * int64]]"),
    # below the top level, the union keeps bool apart from numbers even with mergebool
    ("bool-mergebool", lists_of_union, lambda: ak.Array([[True]]), True,
     "4 * var * union[int64, var * int64, bool]"),
    ("bool-no-mergebool", lists_of_union, lambda: ak.Array([[True]]), False,
     "4 * var * union[int64, var * int64, bool]"),
    ("bool-union", lambda: ak.Array([[True, [2]]]), lambda: ak.Array([[1, [2, 3]]]), True,
     "2 * var * union[bool, var * int64, int64]"),
    ("bool-first", lambda: ak.Array([[True]]), lambda: ak.Array([[1, [2, 3]]]), True,
     "2 * var * union[bool, int64, var * int64]"),
    ("record-field", lambda: ak.Array([{"a": 1}, {"a": [2]}]), lambda: ak.Array([{"a": 1.5}]), True,
     "3 * {a: union[float64, var * int64]}"),
    ("record-field-bool", lambda: ak.Array([{"x": 1}, {"x": [2]}]), lambda: ak.Array([{"x": True}]), True,
     "3 * {x: union[int64, var * int64, bool]}"),
    ("record-two-fields", lambda: ak.Array([{"x": 1, "y": [1]}, {"x": [2], "y": [2]}]),
     lambda: ak.Array([{"x": 1.5, "y": [None]}]), True, "3 * {x: union[float64, var * int64], y: var * ?int64}"),
    # at the top level the union is built by the merge itself, with mergebool
    ("top-union-bool", lambda: ak.Array([1, [2, 3]]), lambda: ak.Array([True]), True,
     "3 * union[int64, var * int64]"),
    ("top-option-bool", lambda: ak.Array([None, True]), lambda: ak.Array([1, [2, 3]]), True,
     "4 * union[?int64, option[var * int64]]"),
    ("top-union-numbers", lambda: ak.Array([1, [2, 3]]), lambda: ak.Array([5, 6]), True,
     "4 * union[int64, var * int64]"),
]


@pytest.mark.parametrize("name, left, right, mergebool, expected", CONCATENATE_CASES, ids=[c[0] for c in CONCATENATE_CASES])
def test_concatenate_axis0(name, left, right, mergebool, expected):
    one, two = left(), right()
    out = ak.concatenate([one, two], mergebool=mergebool)
    assert str(out.type) == expected
    model = one.to_list() + two.to_list()
    assert out.to_list() == model
    if name == "top-union-bool":  # True became the int64 1
        assert [type(v) for v in out.to_list()] == [int, list, int]


NUMPY_CASES = [c for c in CONCATENATE_CASES if c[3] and "bool" not in c[0]]  # np.concatenate: no mergebool


@pytest.mark.parametrize("name, left, right, mergebool, expected", NUMPY_CASES, ids=[c[0] for c in NUMPY_CASES])
def test_numpy_concatenate_axis0(name, left, right, mergebool, expected):
    one, two = left(), right()
    out = np.concatenate([one, two])
    assert str(out.type) == expected
    assert out.to_list() == one.to_list() + two.to_list()


def test_concatenate_both_orders_merge_into_one_list():
    one, two = lists_of_union(), ak.Array([[5.5], [6]])
    for pieces in ([one, two], [two, one], [one, two, one]):
        out = ak.concatenate(pieces)
        assert str(out.type).endswith("var * union[float64, var * int64]")
        assert out.to_list() == [x for p in pieces for x in p.to_list()]


def test_mergeable_says_yes_for_unions():
    union = ak.Array([1, [2, 3]]).layout
    others = [
        ak.Array([5, 6]).layout,
        ak.Array([[5], [6]]).layout,
        ak.Array([{"x": 1}]).layout,
        ak.Array([None, 1]).layout,
        ak.Array([None, 1, [2]]).layout,
        ak.Array(["a"]).layout,
        union,
    ]
    for other in others:
        assert mergeable(union, other) and mergeable(other, union)
        assert ak._do.mergeable(union, other) and ak._do.mergeable(other, union)
    nested = ak.Array([[1, [2, 3]]]).layout
    for other in [ak.Array([[5, 6]]), ak.Array([[[5]]]), ak.Array([[None, 1]]), ak.Array([["a"]])]:
        assert mergeable(nested, other.layout) and mergeable(other.layout, nested)
    records = ak.Array([{"a": 1}, {"a": [2]}]).layout
    assert mergeable(records, ak.Array([{"a": 1.5}]).layout)
    assert not mergeable(records, ak.Array([{"b": 1.5}]).layout)  # fields still must agree


# ---------------------------------------------------------------------- users of the merge
FILL_CASES = [
    ([[1, [2]], None], [7], 0, "2 * var * union[int64, var * int64]"),
    ([[1, [2, 3]], None], [7.5], 0, "2 * var * union[float64, var * int64]"),
    ([[1, [2, 3]], None], 7, 0, "2 * union[var * union[int64, var * int64], int64]"),
    ([[1, [2, 3]], [None]], [7.5], 1, "2 * var * union[int64, var * float64]"),
]


def fill_model(values, value, axis):
    if axis == 0:
        return [value if v is None else v for v in values]
    return [[value if x is None else x for x in v] for v in values]


@pytest.mark.parametrize("values, value, axis, expected", FILL_CASES)
def test_fill_none_with_a_list_merges_into_the_union(values, value, axis, expected):
    out = ak.fill_none(ak.Array(values), value, axis=axis)
    assert str(out.type) == expected
    assert out.to_list() == fill_model(values, value, axis)


def test_fill_none_regular_value_on_the_issue_example():
    u2 = ak.Array([[1, [2, 3]], [], [4]])
    assert str(u2.type) == "3 * var * union[int64, var * int64]"
    padded = ak.concatenate([u2, ak.Array([None])])
    out = ak.fill_none(padded, [7], axis=0)
    assert str(out.type) == "4 * var * union[int64, var * int64]"
    assert out.to_list() == [[1, [2, 3]], [], [4], [7]]


WHERE_CASES = [
    ([[1, [2, 3]], [4]], [[1.5], [2.5]], [True, False], "2 * var * union[float64, var * int64]"),
    ([[1.5], [2.5]], [[1, [2, 3]], [4]], [True, False], "2 * var * union[float64, var * int64]"),
    ([[1, [2, 3]]], [[True]], [False], "1 * var * union[int64, var * int64, bool]"),
    ([1, [2, 3]], [1.5, 2.5], [False, True], "2 * union[float64, var * int64]"),
]


@pytest.mark.parametrize("x, y, condition, expected", WHERE_CASES)
def test_where(x, y, condition, expected):
    out = ak.where(ak.Array(condition), ak.Array(x), ak.Array(y))
    assert str(out.type) == expected
    assert out.to_list() == [a if c else b for c, a, b in zip(condition, x, y)]


# ---------------------------------------------------------------------- laziness
def test_mergeable_reads_nothing():
    lazy = Lazy()
    union = UnionArray(
        lazy.index([0, 1], "tags", Index8),
        lazy.index([0, 0], "index"),
        [lazy.numpy([1], "ints"), ListOffsetArray(lazy.index([0, 2], "inner"), lazy.numpy([2, 3], "items"))],
    )
    outer = ListOffsetArray(lazy.index([0, 2], "offsets"), union)
    other = ListOffsetArray(lazy.index([0, 1], "other_offsets"), NumpyArray(lazy.buffer([0.5], "floats")))
    assert mergeable(outer, other) and mergeable(other, outer)
    assert lazy.total == 0
    out = merge_layouts([outer, other])
    assert ak.Array(out).to_list() == [[1, [2, 3]], [0.5]]
    assert str(ak.Array(out).type) == "2 * var * union[float64, var * int64]"
