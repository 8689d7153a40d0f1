"""Regression tests for three reducer/sort fixes of issue 11, against the pure-Python model
of tests/_reducer_model.py (plain and ``--virtualize``):

1. every value missing (``[None]``, ``[[None], []]``, ints sliced to their missing ones,
   ``?unknown``): argmin/argmax (and the nan-variants) give None / -1 as awkward 2.14 does,
   and so do the other reducers (identity, or None under mask_identity), at every axis;
2. ak.count at a non-innermost axis reads offsets and masks only, never data (counted with
   generators), over every option class, ListArray, RegularArray and deeper nesting;
3. sort/argsort of lists with missing values (the fast path of _do/_sort.py) against a
   model: present values sorted, missing ones last, stable argsort."""

import math

import numpy as np
import pytest
from _reducer_model import reduce_at, reduce_values, same
from counting_buffers import Lazy

import awkward as ak
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    EmptyArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RegularArray,
    UnmaskedArray,
)
from awkward.index import Index8, Index64, IndexU8

# ---------------------------------------------------------------------- 1. all missing
REDUCERS = [
    "argmin",
    "argmax",
    "nanargmin",
    "nanargmax",
    "min",
    "max",
    "sum",
    "prod",
    "count",
    "count_nonzero",
    "any",
    "all",
]


def _all_missing_layouts():
    """(name, layout, leaf kind): arrays whose values are all missing, or that hold none."""
    ints = ak.Array([[None, 1]]).layout
    return [
        ("?unknown", ak.Array([None, None]).layout, "f"),
        ("?unknown one", ak.Array([None]).layout, "f"),
        ("EmptyArray", EmptyArray(), "f"),
        ("var * ?unknown", ak.Array([[None], []]).layout, "f"),
        ("ints sliced to None", ak.Array(ints)[:, :1].layout, "i"),
        (
            "ByteMasked all masked",
            ListOffsetArray(
                Index64(np.array([0, 2, 2, 3])),
                ByteMaskedArray(
                    Index8(np.zeros(3, np.int8)), NumpyArray(np.arange(3.0)), valid_when=True
                ),
            ),
            "f",
        ),
        (
            "BitMasked all masked",
            ListOffsetArray(
                Index64(np.array([0, 1, 3])),
                BitMaskedArray(
                    IndexU8(np.zeros(1, np.uint8)),
                    NumpyArray(np.arange(3, dtype=np.int64)),
                    valid_when=True,
                    length=3,
                    lsb_order=True,
                ),
            ),
            "i",
        ),
        ("var * var * ?unknown", ak.Array([[[None]], [[]], []]).layout, "f"),
        ("?var * ?unknown", ak.Array([None, [None]]).layout, "f"),
        ("var * var * empty", ak.Array([[[], []], []]).layout, "f"),
    ]


ALL_MISSING = _all_missing_layouts()


def _model_op(op):
    return op[3:] if op.startswith("nan") else op


def _as_list(out):
    if isinstance(out, ak.Array):
        return out.to_list()
    if isinstance(out, np.generic):
        return out.item()
    return out


def _leaves_at(data, depth):
    if depth == 1:
        return list(data)
    return [x for e in data if e is not None for x in _leaves_at(e, depth - 1)]


def _model_everything(op, data, depth, kind, mask_identity, keepdims):
    pairs = [(j, v) for j, v in enumerate(_leaves_at(data, depth)) if v is not None]
    # argmin/argmax: a position in the raveled array, missing values counted
    value = reduce_values(_model_op(op), pairs, kind, mask_identity)
    if keepdims:
        for _ in range(depth):
            value = [value]
    return value


@pytest.mark.parametrize("op", REDUCERS)
@pytest.mark.parametrize("name, layout, kind", ALL_MISSING, ids=[c[0] for c in ALL_MISSING])
def test_reducers_of_all_missing_values_every_axis(op, name, layout, kind):
    function = getattr(ak, op)
    array = ak.Array(layout)
    data = array.to_list()
    depth = layout.purelist_depth
    for mask_identity in (False, True):
        for keepdims in (False, True):
            for axis in list(range(depth)) + list(range(-depth, 0)):
                posaxis = axis + depth if axis < 0 else axis
                got = function(array, axis=axis, keepdims=keepdims, mask_identity=mask_identity)
                want = reduce_at(_model_op(op), data, posaxis, kind, mask_identity, keepdims, depth)
                assert same(_as_list(got), want), (axis, keepdims, mask_identity, got, want)
            got = function(array, axis=None, keepdims=keepdims, mask_identity=mask_identity)
            want = _model_everything(op, data, depth, kind, mask_identity, keepdims)
            assert same(_as_list(got), want), (None, keepdims, mask_identity, got, want)


@pytest.mark.parametrize("op", ["argmin", "argmax", "nanargmin", "nanargmax"])
def test_arg_reducers_of_all_missing_values(op):
    # the cases of the report (awkward 2.14 gives None; ours raised IndexError / TypeError)
    function = getattr(ak, op)
    assert function(ak.Array([None]), axis=0) is None
    assert function(ak.Array([None]), axis=0, keepdims=True).to_list() == [None]
    assert function(ak.Array([None, None]), axis=None) is None
    assert function(ak.Array([None, None]), axis=None, keepdims=True).to_list() == [None]
    assert function(ak.Array([[None], []]), axis=None) is None
    assert function(ak.Array([[None], []]), axis=1).to_list() == [None, None]
    assert function(ak.Array([[None, 1]])[:, :1], axis=1).to_list() == [None]
    out = function(ak.Array([None, None]), axis=None, keepdims=True, mask_identity=False)
    assert out.to_list() == [-1]


@pytest.mark.parametrize("op", ["argmin", "argmax"])
def test_arg_reducers_with_some_segments_all_missing(op):
    # segments with values next to segments of missing values only: positions stay right
    array = ak.Array([[None, None], [3, None, 1], [None], [], [2, 5]])
    data = array.to_list()
    for axis in (0, 1, -1):
        got = getattr(ak, op)(array, axis=axis, mask_identity=True)
        want = reduce_at(op, data, axis % 2, "i", True, False, 2)
        assert got.to_list() == want
    got = getattr(ak, op)(array, axis=None)
    assert got == _model_everything(op, data, 2, "i", True, False)


# ---------------------------------------------------------------------- 2. count laziness
def _offsets(lazy, values, key):
    return lazy.index(values, key)


def _count_layouts(lazy):
    """(name, layout, allowed buffer keys): lists whose count needs no data buffer."""
    valid = np.array([True, False, True, True, False, True])
    data = lambda: lazy.numpy([1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "data")  # noqa: E731
    outer = lambda: _offsets(lazy, [0, 2, 2, 4], "outer")  # noqa: E731
    inner = lambda: _offsets(lazy, [0, 2, 2, 5, 6], "inner")  # noqa: E731
    bytemask = lambda: lazy.index(valid.astype(np.int8), "mask", Index8)  # noqa: E731
    return [
        # var * var * ?float64 with a masked leaf
        (
            "ByteMasked leaf",
            ListOffsetArray(
                outer(), ListOffsetArray(inner(), ByteMaskedArray(bytemask(), data(), True))
            ),
        ),
        (
            "BitMasked leaf",
            ListOffsetArray(
                outer(),
                ListOffsetArray(
                    inner(),
                    BitMaskedArray(
                        lazy.index(np.packbits(valid, bitorder="little"), "mask", IndexU8),
                        data(),
                        valid_when=True,
                        length=6,
                        lsb_order=True,
                    ),
                ),
            ),
        ),
        (
            "Unmasked leaf",
            ListOffsetArray(outer(), ListOffsetArray(inner(), UnmaskedArray(data()))),
        ),
        # var * ?var * float64: the option sits on the inner lists
        (
            "ByteMasked lists",
            ListOffsetArray(
                outer(),
                ByteMaskedArray(
                    lazy.index(np.array([1, 0, 1, 1], np.int8), "mask", Index8),
                    ListOffsetArray(inner(), data()),
                    valid_when=True,
                ),
            ),
        ),
        # ListArray (starts/stops, not contiguous) above the lists
        (
            "ListArray",
            ListArray(
                lazy.index([2, 0, 2], "starts"),
                lazy.index([4, 2, 2], "stops"),
                ListOffsetArray(inner(), data()),
            ),
        ),
        ("RegularArray", RegularArray(ListOffsetArray(inner(), data()), 2, zeros_length=0)),
        (
            "three levels",
            ListOffsetArray(
                _offsets(lazy, [0, 1, 3], "top"),
                ListOffsetArray(outer(), ListOffsetArray(inner(), data())),
            ),
        ),
    ]


def _plain(layout):
    """The same array with every buffer read (the values to compare with)."""
    return ak.Array(ak.to_list(layout))


COUNT_NAMES = [name for name, _ in _count_layouts(Lazy())]


@pytest.mark.parametrize("op", ["count"])
@pytest.mark.parametrize("name", COUNT_NAMES)
def test_count_at_every_axis_reads_no_data(op, name):
    depth = dict(_count_layouts(Lazy()))[name].purelist_depth
    for axis in [None] + list(range(depth)) + list(range(-depth, 0)):
        for keepdims in (False, True):
            lazy = Lazy()
            layout = dict(_count_layouts(lazy))[name]
            got = getattr(ak, op)(layout, axis=axis, keepdims=keepdims)
            assert "data" not in lazy.calls, (axis, dict(lazy.calls))
            assert all(n <= 1 for n in lazy.calls.values()), dict(lazy.calls)
            data = _plain(layout).to_list()
            if axis is None:
                want = sum(1 for v in _leaves_at(data, depth) if v is not None)
                got = _as_list(got)
                want = [want] if keepdims else want
                assert same(got if not keepdims else _flatten_all(got), want)
            else:
                posaxis = axis + depth if axis < 0 else axis
                want = reduce_at("count", data, posaxis, "f", False, keepdims, depth)
                assert same(_as_list(got), want), (axis, keepdims, got, want)


def _flatten_all(value):
    while isinstance(value, list) and len(value) == 1 and isinstance(value[0], list):
        value = value[0]
    return value


@pytest.mark.parametrize("op", ["sum", "max", "argmax", "count_nonzero", "any"])
@pytest.mark.parametrize("name", COUNT_NAMES)
def test_other_reducers_on_the_same_layouts_match_the_model(op, name):
    # the reducers that read data, on the same layouts (the ListArray path reads starts and
    # stops directly now): values against the model
    layout = dict(_count_layouts(Lazy()))[name]
    depth = layout.purelist_depth
    data = _plain(layout).to_list()
    for axis in range(depth):
        got = getattr(ak, op)(layout, axis=axis, mask_identity=True)
        want = reduce_at(op, data, axis, "f", True, False, depth)
        assert same(_as_list(got), want), (axis, got, want)


# ---------------------------------------------------------------------- 3. sort with missing
def _model_sort(data, ascending):
    out = []
    for lst in data:
        if lst is None:
            out.append(None)
            continue
        present = [v for v in lst if v is not None]
        nan = [v for v in present if isinstance(v, float) and math.isnan(v)]
        rest = sorted((v for v in present if v not in nan), reverse=not ascending)
        out.append(nan + rest + [None] * (len(lst) - len(present)))
    return out


def _model_argsort(data, ascending):
    out = []
    for lst in data:
        if lst is None:
            out.append(None)
            continue
        idx = [i for i, v in enumerate(lst) if v is not None]
        nan = [i for i in idx if math.isnan(lst[i])]
        rest = [i for i in idx if i not in nan]
        rest.sort(key=lambda i: lst[i] if ascending else -lst[i])  # stable
        out.append(nan + rest + [i for i, v in enumerate(lst) if v is None])
    return out


def _sort_layouts():
    values = np.array([3.0, 1.0, np.nan, 2.0, 1.0, 5.0, 0.5, 4.0, 2.0, 1.0])
    index = np.array([0, -1, 1, 2, -1, -1, 3, 4, 5, 6, 7, -1, 8, 9])
    opt = IndexedOptionArray(Index64(index), NumpyArray(values))
    mask = np.array([1, 0, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 1, 1], np.int8)
    full = NumpyArray(np.array([3.0, 9, 1, np.nan, 9, 9, 2, 1, 5, 0.5, 4, 9, 2, 1]))
    bytemasked = ByteMaskedArray(Index8(mask), full, valid_when=True)
    offsets = Index64(np.array([0, 3, 3, 4, 9, 11, 14]))
    return [
        ("IndexedOption", ListOffsetArray(offsets, opt)),
        ("ByteMasked", ListOffsetArray(offsets, bytemasked)),
        (
            "ListArray",
            ListArray(Index64(np.array([9, 0, 3, 3])), Index64(np.array([14, 3, 3, 9])), opt),
        ),
        (
            "all missing",
            ListOffsetArray(Index64(np.array([0, 2, 2, 3])), ak.Array([None] * 3).layout),
        ),
        (
            "option of lists",
            IndexedOptionArray(
                Index64(np.array([0, -1, 3, 2, -1, 5])), ListOffsetArray(offsets, opt)
            ),
        ),
    ]


SORT_LAYOUTS = _sort_layouts()


@pytest.mark.parametrize("ascending", [True, False])
@pytest.mark.parametrize("name, layout", SORT_LAYOUTS, ids=[c[0] for c in SORT_LAYOUTS])
def test_sort_and_argsort_with_missing_values_match_the_model(name, layout, ascending):
    array = ak.Array(layout)
    data = array.to_list()
    assert same(ak.sort(array, axis=1, ascending=ascending).to_list(), _model_sort(data, ascending))
    assert same(
        ak.sort(array, axis=-1, ascending=ascending).to_list(), _model_sort(data, ascending)
    )
    got = ak.argsort(array, axis=1, ascending=ascending)
    assert got.to_list() == _model_argsort(data, ascending)
    assert str(ak.sort(array).type) == str(array.type)


def test_sort_of_a_record_field_with_missing_values():
    # a field sorted by the lists above its record (offsets not starting at 0)
    pt = IndexedOptionArray(
        Index64(np.array([0, 1, -1, 2, 3, -1, 4])), NumpyArray(np.array([5.0, 9.0, 1.0, 3.0, 7.0]))
    )
    jets = ak.contents.RecordArray([pt, NumpyArray(np.arange(7.0))], ["pt", "eta"])
    lists = ListOffsetArray(Index64(np.array([1, 3, 3, 7])), jets)
    array = ak.Array(lists)
    data = array.pt.to_list()
    for ascending in (True, False):
        assert same(ak.sort(array.pt, ascending=ascending).to_list(), _model_sort(data, ascending))
        assert ak.argsort(array.pt, ascending=ascending).to_list() == _model_argsort(
            data, ascending
        )
