"""x[mask] where the jagged mask shares the array's offsets buffer (x[x > 0.5], issue 20's
short cut: no lengths to compare) gives what a pure-Python model of the mask gives, as does a
mask with equal lists in another buffer; lists of other lengths still pick positions as 2.14."""

from __future__ import annotations

import numpy as np
import pytest

import awkward as ak


def model(values, mask):
    return [[v for v, m in zip(row, mrow) if m is None or m] if mrow is not None else None
            for row, mrow in zip(values, mask)]


def jagged(offsets, values):
    return ak.Array(ak.contents.ListOffsetArray(ak.index.Index64(np.array(offsets, np.int64)),
                                                ak.contents.NumpyArray(np.array(values))))


CASES = [
    ([0, 2, 2, 5], [0.1, 0.9, 0.7, 0.2, 0.6]),
    ([1, 3, 3, 4], [9.0, 0.1, 0.9, 0.7]),  # offsets not starting at 0
    ([0, 0, 0], []),
    ([0, 3], [0.6, 0.7, 0.8]),
]


@pytest.mark.parametrize(("offsets", "values"), CASES)
def test_mask_from_the_array_itself(offsets, values):
    x = jagged(offsets, values)
    mask = x > 0.5
    assert x[mask].to_list() == model(x.to_list(), mask.to_list())
    assert str(x[mask].type) == str(x.type)


@pytest.mark.parametrize(("offsets", "values"), CASES)
def test_mask_with_equal_lists_in_another_buffer(offsets, values):
    x = jagged(offsets, values)
    mask = ak.Array(ak.to_list(x > 0.5))  # new offsets, same lengths
    assert x[mask].to_list() == model(x.to_list(), mask.to_list())


def test_mask_from_a_sibling_field():
    events = ak.zip({"x": jagged([0, 2, 2, 5], [0.1, 0.9, 0.7, 0.2, 0.6]),
                     "y": jagged([0, 2, 2, 5], [1, 0, 1, 1, 0])})
    mask = events.y == 1
    assert events[mask].to_list() == model(events.to_list(), mask.to_list())
    assert events.x[mask].to_list() == model(events.x.to_list(), mask.to_list())


def test_option_mask_keeps_missing_values():
    x = jagged([0, 2, 2, 5], [0.1, 0.9, 0.7, 0.2, 0.6])
    mask = ak.mask(x > 0.5, x != 0.2)
    assert x[mask].to_list() == [[0.9], [], [0.7, None, 0.6]]


def test_integer_index_with_the_same_offsets():
    x = jagged([0, 2, 2, 5], [0.1, 0.9, 0.7, 0.2, 0.6])
    index = ak.Array(ak.contents.ListOffsetArray(x.layout.offsets, ak.contents.NumpyArray(np.array([1, 0, 2, 2, 0]))))
    assert x[index].to_list() == [[0.9, 0.1], [], [0.6, 0.6, 0.7]]


def test_lists_of_other_lengths_are_still_checked():
    x = jagged([0, 2, 2, 5], [0.1, 0.9, 0.7, 0.2, 0.6])
    with pytest.raises(IndexError):
        x[ak.Array([[True, False, True], [], [True]])]


def test_mask_from_the_array_itself_reads_each_buffer_once_and_nothing_else():
    from counting_buffers import Lazy

    lazy = Lazy()
    offsets, values = [0, 2, 2, 5], [0.1, 0.9, 0.7, 0.2, 0.6]
    x = ak.contents.ListOffsetArray(lazy.index(offsets, "x-offsets"), lazy.numpy(values, "x-data"))
    y = ak.contents.ListOffsetArray(lazy.index(offsets, "y-offsets"), lazy.numpy(values, "y-data"))
    events = ak.Array(ak.contents.RecordArray([x, y], ["x", "y"]))
    assert lazy.total == 0
    out = events.x[events.x > 0.5]
    rows = [values[0:2], [], values[2:5]]
    assert out.to_list() == model(rows, [[v > 0.5 for v in row] for row in rows])
    assert lazy.calls == {"x-offsets": 1, "x-data": 1}  # y never read, each buffer read once
