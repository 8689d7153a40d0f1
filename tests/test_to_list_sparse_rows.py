"""to_list of list rows that cover a small part of their content (a strided or fancy slice of a
long jagged array) converts only the items the rows hold, with the same result."""

from __future__ import annotations

import pytest

import awkward as ak


def _model_rows(rows, picks):
    return [rows[i] for i in picks]


@pytest.mark.parametrize(
    "rows",
    [
        [[i, i + 1] if i % 3 else [] for i in range(300)],
        [[{"x": i, "y": [i] * (i % 3)}] * (i % 4) for i in range(300)],
        [[None if i % 5 == 0 else float(i)] * (i % 3) for i in range(300)],
        [[str(i)] * (i % 2 + 1) for i in range(300)],
        [[[i, i], []] if i % 2 else [[i]] for i in range(300)],
    ],
    ids=["numbers", "records", "options", "strings", "nested"],
)
@pytest.mark.parametrize("picks", [slice(None, None, 37), slice(5, None, 100), [299, 0, 150, 150]])
def test_sparse_rows_convert_like_the_python_model(rows, picks):
    array = ak.Array(rows)
    expected = rows[picks] if isinstance(picks, slice) else _model_rows(rows, picks)
    sliced = array[picks]
    assert sliced.to_list() == expected
    # the same rows as a ListArray over the whole content
    layout = ak.to_layout(array)
    as_list_array = ak.contents.ListArray(
        layout.offsets[:-1], layout.offsets[1:], layout.content
    )
    assert ak.Array(as_list_array)[picks].to_list() == expected


def test_dense_and_empty_rows_unchanged():
    rows = [[1, 2], [], [3]]
    assert ak.Array(rows)[::-1].to_list() == rows[::-1]
    assert ak.Array([[], []])[::2].to_list() == [[]]
