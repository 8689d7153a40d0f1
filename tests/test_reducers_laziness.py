"""Laziness of the reducers, statistics and sorting (issue 11), counted with generators
(tests/counting_buffers.py): only the buffers a result needs are read, each at most once.

What tests elsewhere already count is not repeated here: ak.sum(events.x, axis=1) and
ak.count over an IndexedOptionArray (test_reducers_details.py), ak.sort(events.jets.pt)
(test_ops_sort.py), ak.mean/ak.var at the innermost axis (test_ops_statistics.py).
This file adds: var/std/covar/corr (and weights, nan-variants) at non-innermost axes, ak.count
over ByteMasked/BitMasked/Unmasked options and at non-innermost axes, ak.sum at axis 0 of a
jagged field, and argsort/sort (descending, with missing values) of one field of records.
The values are checked against plain arrays. Plain and virtualized (``--virtualize``)."""

import math

import numpy as np
import pytest
from counting_buffers import Lazy

import awkward as ak
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    IndexedOptionArray,
    ListOffsetArray,
    RecordArray,
    UnmaskedArray,
)
from awkward.index import Index8, IndexU8

X_OUTER = [0, 2, 3, 5]  # 3 events, 5 lists
X_INNER = [0, 2, 2, 5, 6, 8]  # 8 values
X_DATA = [1.0, 2.0, 4.0, 3.0, 0.5, 7.0, 2.5, 6.0]
Y_DATA = [0.5, 1.0, 3.0, 2.0, 4.5, 1.0, 2.0, 8.0]
W_DATA = [1.0, 2.0, 1.0, 1.0, 3.0, 1.0, 2.0, 1.0]


def _nested(lazy, name, data):
    """A var * var * float64 field whose buffers are named ``name.outer/inner/data``."""
    inner = ListOffsetArray(lazy.index(X_INNER, f"{name}.inner"), lazy.numpy(data, f"{name}.data"))
    return ListOffsetArray(lazy.index(X_OUTER, f"{name}.outer"), inner)


def _events(lazy):
    """Records {x, y, w, z}, each field a var * var * float64 with its own buffers."""
    fields = {
        "x": _nested(lazy, "x", X_DATA),
        "y": _nested(lazy, "y", Y_DATA),
        "w": _nested(lazy, "w", W_DATA),
        "z": _nested(lazy, "z", [9.0] * 8),
    }
    return ak.Array(RecordArray(list(fields.values()), list(fields)))


def _plain(data):
    return ak.unflatten(ak.unflatten(np.array(data), np.diff(X_INNER)), np.diff(X_OUTER))


def _buffers(*names):
    return {f"{name}.{part}" for name in names for part in ("outer", "inner", "data")}


def _close(got, want):
    got, want = ak.to_list(got), ak.to_list(want)
    if isinstance(got, list):
        assert isinstance(want, list) and len(got) == len(want)
        for a, b in zip(got, want):
            _close(a, b)
    elif got is None or want is None:
        assert got is None and want is None
    else:
        assert (math.isnan(got) and math.isnan(want)) or got == pytest.approx(want)


def _assert_read_once(lazy, expected):
    assert set(lazy.calls) == expected
    assert all(count == 1 for count in lazy.calls.values()), dict(lazy.calls)


# ---------------------------------------------------------------------- statistics
@pytest.mark.parametrize("axis", [0, 1, -2, -3])
@pytest.mark.parametrize("function", ["var", "std", "nanvar", "nanstd"])
def test_var_std_at_non_innermost_axes_read_one_field(function, axis):
    lazy = Lazy()
    events = _events(lazy)
    got = getattr(ak, function)(events.x, axis=axis)
    _assert_read_once(lazy, _buffers("x"))
    _close(got, getattr(ak, function)(_plain(X_DATA), axis=axis))


@pytest.mark.parametrize("axis", [0, 1, -3])
def test_weighted_var_reads_the_field_and_the_weight_only(axis):
    lazy = Lazy()
    events = _events(lazy)
    got = ak.var(events.x, weight=events.w, axis=axis)
    _assert_read_once(lazy, _buffers("x", "w"))
    _close(got, ak.var(_plain(X_DATA), weight=_plain(W_DATA), axis=axis))


@pytest.mark.parametrize("axis", [0, 1, -2])
@pytest.mark.parametrize("function", ["covar", "corr"])
@pytest.mark.parametrize("weighted", [False, True])
def test_covar_corr_at_non_innermost_axes_read_their_fields(function, axis, weighted):
    lazy = Lazy()
    events = _events(lazy)
    weight = events.w if weighted else None
    got = getattr(ak, function)(events.x, events.y, weight=weight, axis=axis)
    _assert_read_once(lazy, _buffers("x", "y", "w") if weighted else _buffers("x", "y"))
    plain_weight = _plain(W_DATA) if weighted else None
    _close(
        got, getattr(ak, function)(_plain(X_DATA), _plain(Y_DATA), weight=plain_weight, axis=axis)
    )


def test_metadata_of_a_statistics_input_reads_nothing():
    lazy = Lazy()
    events = _events(lazy)
    assert str(events.x.type) == "3 * var * var * float64"
    assert lazy.total == 0


# ---------------------------------------------------------------------- count
def _option_layouts(lazy):
    """Lists over each option class: [[1, None, 3], [], [None, 5]] with named buffers."""
    valid = np.array([True, False, True, False, True])
    data = lambda: lazy.numpy([1.0, 2.0, 3.0, 4.0, 5.0], "data")  # noqa: E731
    offsets = lambda: lazy.index([0, 3, 3, 5], "offsets")  # noqa: E731
    return {
        "ByteMaskedArray": ListOffsetArray(
            offsets(),
            ByteMaskedArray(
                lazy.index(valid.astype(np.int8), "mask", Index8), data(), valid_when=True
            ),
        ),
        "BitMaskedArray": ListOffsetArray(
            offsets(),
            BitMaskedArray(
                lazy.index(np.packbits(valid, bitorder="little"), "mask", IndexU8),
                data(),
                valid_when=True,
                length=5,
                lsb_order=True,
            ),
        ),
        "IndexedOptionArray": ListOffsetArray(
            offsets(),
            IndexedOptionArray(
                lazy.index([0, -1, 1, -1, 2], "mask"), lazy.numpy([1.0, 3.0, 5.0], "data")
            ),
        ),
        "UnmaskedArray": ListOffsetArray(offsets(), UnmaskedArray(data())),
    }


CLASSES = ["ByteMaskedArray", "BitMaskedArray", "IndexedOptionArray", "UnmaskedArray"]


@pytest.mark.parametrize(
    "cls, axis",
    [(cls, axis) for cls in CLASSES for axis in (0, 1, -1, -2, None)],
)
def test_count_reads_offsets_and_masks_never_data(cls, axis):
    lazy = Lazy()
    layout = _option_layouts(lazy)[cls]
    got = ak.count(layout, axis=axis)
    assert "data" not in lazy.calls
    assert set(lazy.calls) <= {"offsets", "mask"}
    plain = [[1, None, 3], [], [None, 5]] if cls != "UnmaskedArray" else [[1, 2, 3], [], [4, 5]]
    assert ak.to_list(got) == ak.to_list(ak.count(ak.Array(plain), axis=axis))


@pytest.mark.parametrize("axis", [0, 1, 2, -1, -2, -3, None])
def test_count_of_nested_lists_never_reads_data(axis):
    lazy = Lazy()
    events = _events(lazy)
    got = ak.count(events.x, axis=axis)
    assert lazy.calls.keys() <= {"x.outer", "x.inner"}
    assert ak.to_list(got) == ak.to_list(ak.count(_plain(X_DATA), axis=axis))


# ---------------------------------------------------------------------- sum, sort
@pytest.mark.parametrize("axis", [0, 1, -2, -3, None])
def test_sum_at_other_axes_reads_one_field(axis):
    lazy = Lazy()
    events = _events(lazy)
    got = ak.sum(events.x, axis=axis)
    _assert_read_once(lazy, _buffers("x"))
    assert ak.to_list(got) == ak.to_list(ak.sum(_plain(X_DATA), axis=axis))


def _jets(lazy):
    """events.jets: lists of records {pt (with missing values), eta}."""
    pt = IndexedOptionArray(
        lazy.index([0, 1, -1, 2, 3, -1], "pt.index"), lazy.numpy([5.0, 9.0, 1.0, 3.0], "pt.data")
    )
    jets = RecordArray([pt, lazy.numpy(np.arange(6.0), "eta")], ["pt", "eta"])
    return ak.Array(
        RecordArray([ListOffsetArray(lazy.index([0, 3, 3, 6], "offsets"), jets)], ["jets"])
    )


@pytest.mark.parametrize("function", ["sort", "argsort"])
@pytest.mark.parametrize("ascending", [True, False])
def test_sort_and_argsort_of_one_field_with_missing_values(function, ascending):
    lazy = Lazy()
    events = _jets(lazy)
    got = getattr(ak, function)(events.jets.pt, ascending=ascending)
    assert "eta" not in lazy.calls
    assert set(lazy.calls) == {"offsets", "pt.index", "pt.data"}
    plain = ak.Array([[5.0, 9.0, None], [], [1.0, 3.0, None]])
    assert got.to_list() == getattr(ak, function)(plain, ascending=ascending).to_list()
