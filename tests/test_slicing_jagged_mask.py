"""Jagged boolean masks and jagged integer indices on every list kind (the fast paths of
awkward._slicing._jagged): results against the reference slicer of test_slicing, laziness."""

from __future__ import annotations

import numpy as np
import pytest
from counting_buffers import Lazy
from test_slicing import ref_jagged

import awkward as ak
from awkward._slicing import getitem
from awkward.contents import (
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
)
from awkward.index import Index64


def lists():
    values = NumpyArray(np.arange(12) * 1.5)
    return {
        # offsets that do not start at 0 and leave content unused at the end
        "offsets_from_2": ListOffsetArray(Index64(np.array([2, 5, 5, 7, 8])), values),
        # starts/stops in order and touching: packed, but not starting at 0
        "list_packed": ListArray(Index64(np.array([1, 4, 4, 6])), Index64(np.array([4, 4, 6, 9])), values),
        # out of order, overlapping, with gaps
        "list_scattered": ListArray(Index64(np.array([6, 0, 9, 1])), Index64(np.array([9, 2, 9, 4])), values),
        "regular": RegularArray(values, 3),
        "numpy2d_content": ListOffsetArray(
            Index64(np.array([0, 2, 2, 3, 5])), NumpyArray(np.arange(12).reshape(6, 2))
        ),
        "record_content": ListOffsetArray(
            Index64(np.array([1, 3, 3, 4, 6])),
            RecordArray([NumpyArray(np.arange(7)), NumpyArray(np.arange(7) * 10.0)], ["a", "b"]),
        ),
        "option_content": ListOffsetArray(
            Index64(np.array([0, 2, 2, 5, 6])),
            IndexedOptionArray(Index64(np.array([0, -1, 1, 2, -1, 3])), NumpyArray(np.arange(4.0))),
        ),
    }


def masks_for(data, rng):
    """A random same-structure mask, a mask with missing values, and a random in-range int index."""
    mask = [[bool(rng.random() < 0.5) for _ in row] for row in data]
    missing = [[None if rng.random() < 0.3 else bool(rng.random() < 0.5) for _ in row] for row in data]
    ints = [[int(rng.integers(-len(row), len(row))) for _ in range(int(rng.integers(0, 4)))] if row else []
            for row in data]
    return [mask, missing, ints]


@pytest.mark.parametrize("name", list(lists()))
@pytest.mark.parametrize("seed", range(4))
def test_jagged_index_on_every_list_kind(name, seed):
    layout = lists()[name]
    data = layout.to_list()
    for index in masks_for(data, np.random.default_rng(seed)):
        out = getitem(layout, ak.from_iter(index, highlevel=False))
        assert out.to_list() == ref_jagged(data, index), index
        assert out.validity_error() == ""


def test_all_true_and_all_false():
    layout = lists()["offsets_from_2"]
    data = layout.to_list()
    assert getitem(layout, ak.Array([[True] * len(r) for r in data])).to_list() == data
    assert getitem(layout, ak.Array([[False] * len(r) for r in data])).to_list() == [[] for _ in data]


def test_empty_and_single_row():
    layout = lists()["list_scattered"]
    assert getitem(layout[0:0], ak.Array([[True]])[0:0]).to_list() == []
    assert getitem(layout[0:1], ak.Array([[True, False, True]])).to_list() == [[9.0, 12.0]]


def test_mask_keeps_the_content_type():
    layout = lists()["offsets_from_2"]
    mask = ak.Array([[True, False, True], [], [False, True], [True]])
    out = getitem(layout, mask)
    assert isinstance(out, ListOffsetArray)
    assert out.content.data.dtype == np.float64
    assert out.form.type == layout.form.type


def test_large_mask_matches_numpy():
    rng = np.random.default_rng(0)
    counts = rng.integers(0, 7, size=2000)
    offsets = np.concatenate([[0], np.cumsum(counts)])
    values = rng.random(int(offsets[-1]))
    layout = ListOffsetArray(Index64(offsets), NumpyArray(values))
    mask = ListOffsetArray(Index64(offsets), NumpyArray(values > 0.5))
    out = getitem(layout, mask)
    expected = [row[row > 0.5].tolist() for row in np.split(values, offsets[1:-1])]
    assert out.to_list() == expected


def test_mask_reads_only_the_masked_field():
    lazy = Lazy()
    x = ListOffsetArray(lazy.index([0, 2, 2, 5], "x.offsets"), lazy.numpy([0.1, 0.9, 0.7, 0.2, 0.6], "x.data"))
    y = ListOffsetArray(lazy.index([0, 1, 1, 2], "y.offsets"), lazy.numpy([1, 2], "y.data"))
    events = RecordArray([x, y], ["x", "y"])
    mask = ak.Array([[False, True], [], [True, False, True]])
    out = getitem(getitem(events, "x"), mask)
    assert set(lazy.calls) == {"x.offsets", "x.data"}
    assert all(count == 1 for count in lazy.calls.values())
    assert out.to_list() == [[0.9], [], [0.7, 0.6]]


def test_mask_of_other_row_lengths_picks_true_positions():
    # awkward 2.14: rows of the mask need not match the lists; their True positions pick
    for name in ("list_packed", "list_scattered"):
        layout = lists()[name]
        data = layout.to_list()
        mask = [[True, False, False, False, True][: len(row) + 1] for row in data]
        mask = [[b and k < len(row) for k, b in enumerate(m)] for m, row in zip(mask, data)]
        expected = [[row[k] for k, b in enumerate(m) if b] for row, m in zip(data, mask)]
        assert getitem(layout, ak.Array(mask)).to_list() == expected
        with_none = [m + [None] for m in mask]
        expected = [[row[k] for k, b in enumerate(m) if b] + [None] for row, m in zip(data, mask)]
        assert getitem(layout, ak.Array(with_none)).to_list() == expected


def test_mask_true_past_the_end_names_the_row():
    layout = lists()["list_packed"]
    lengths = [len(row) for row in layout.to_list()]
    mask = [[True] * n for n in lengths]
    mask[2] = [False] * lengths[2] + [True]
    with pytest.raises(IndexError, match=rf"index {lengths[2]} is out of bounds in dimension 1 at row 2"):
        getitem(layout, ak.Array(mask))


def test_integer_index_out_of_range_names_the_row():
    layout = lists()["list_scattered"]
    with pytest.raises(IndexError, match=r"index 3 is out of bounds in dimension 1 at row 3 \(list of length 3\)"):
        getitem(layout, ak.Array([[0], [1], [], [0, 3]]))
    with pytest.raises(IndexError, match=r"index -3 is out of bounds in dimension 1 at row 1 \(list of length 2\)"):
        getitem(layout, ak.Array([[0], [-3], [], [0]]))
