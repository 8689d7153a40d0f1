"""ak.sort / ak.argsort through the awkward_sort_segments / awkward_argsort_segments kernels,
and reductions at a non-innermost axis through awkward_reduce_nonlocal_carry, against
pure-Python models on to_list() data: every kernel dtype, lists long enough to leave the
kernels' insertion sort (> 32 values), NaN, ties of -0.0 and 0.0, missing values."""

from __future__ import annotations

import math

import numpy as np
import pytest

import awkward as ak


def _lists(rng, n, longest):
    counts = rng.integers(0, longest + 1, n)
    counts[::7] = longest  # some long lists in every array
    return counts


def model_argsort(row, ascending):
    """Stable; NaN first (in their order) whatever the direction, as awkward 2.14 does."""
    nans = [i for i, x in enumerate(row) if isinstance(x, float) and math.isnan(x)]
    rest = [i for i, x in enumerate(row) if not (isinstance(x, float) and math.isnan(x))]
    rest = sorted(rest, key=lambda i: row[i], reverse=not ascending)
    return nans + rest


DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
          "float16", "float32", "float64"]  # fmt: skip


def _array(dtype, seed, longest=40, n=60):
    rng = np.random.default_rng(seed)
    counts = _lists(rng, n, longest)
    total = int(counts.sum())
    if dtype == "bool":
        values = rng.integers(0, 2, total).astype(bool)
    elif dtype.startswith(("int", "uint")):
        info = np.iinfo(dtype)
        values = rng.integers(max(info.min, -50), min(info.max, 50) + 1, total).astype(dtype)
        values[::11] = info.max
        values[1::13] = info.min
    else:
        values = rng.choice([-2.5, -1.0, -0.0, 0.0, 0.5, 3.0, np.inf, -np.inf, np.nan], total)
        values = values.astype(dtype)
    offsets = np.zeros(n + 1, np.int64)
    np.cumsum(counts, out=offsets[1:])
    layout = ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values))
    return ak.Array(layout)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("ascending", [True, False])
def test_argsort_and_sort_match_the_model(dtype, ascending):
    array = _array(dtype, seed=len(dtype) + ascending)
    rows = array.to_list()
    got = ak.argsort(array, axis=1, ascending=ascending).to_list()
    assert got == [model_argsort(row, ascending) for row in rows]
    sorted_rows = ak.sort(array, axis=1, ascending=ascending)
    assert str(sorted_rows.type) == str(array.type)
    for row, order, out in zip(rows, got, sorted_rows.to_list()):
        want = [row[i] for i in order]
        # compare bit patterns of floats: NaN equal, -0.0 and 0.0 in their stable order
        assert [repr(x) for x in out] == [repr(x) for x in want]


@pytest.mark.parametrize("ascending", [True, False])
def test_sort_with_missing_values_and_nan(ascending):
    rng = np.random.default_rng(5)
    rows = []
    for count in _lists(rng, 50, 40):
        choice = rng.choice([None, np.nan, -0.0, 0.0, 1.5, -3.0], count).tolist()
        rows.append([None if x is None else float(x) for x in choice])
    array = ak.Array(rows)
    got = ak.sort(array, axis=1, ascending=ascending).to_list()
    want = []
    for row in rows:
        present = [x for x in row if x is not None]
        ordered = [present[i] for i in model_argsort(present, ascending)]
        want.append(ordered + [None] * (len(row) - len(present)))
    assert [[repr(x) for x in r] for r in got] == [[repr(x) for x in r] for r in want]
    args = ak.argsort(array, axis=1, ascending=ascending).to_list()
    for row, order, out in zip(rows, args, got):
        assert [repr(row[i]) for i in order] == [repr(x) for x in out]


def test_datetimes_sort_by_their_integers():
    days = np.array(["2020-01-02", "NaT", "2019-01-01", "2021-05-05"], dtype="datetime64[D]")
    array = ak.unflatten(ak.Array(days), [3, 1])
    out = ak.sort(array, axis=1)
    want = np.sort(days[:3].view(np.int64)).view("datetime64[D]")
    assert out[0].to_numpy().view(np.int64).tolist() == want.view(np.int64).tolist()


# ---------------------------------------------------------------------- non-innermost reductions
def _nested(seed):
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(40):
        out.append([
            [float(x) for x in rng.integers(-9, 10, rng.integers(0, 6))]
            for _ in range(rng.integers(0, 5))
        ])  # fmt: skip
    return out


def _model_across(rows, combine):
    """Reduce a list of lists position by position (item k of every list together)."""
    width = max((len(r) for r in rows), default=0)
    return [combine([r[k] for r in rows if len(r) > k]) for k in range(width)]


def _argmax(values_with_positions):
    best = None
    for position, value in values_with_positions:
        if best is None or value > best[1]:
            best = (position, value)
    return best[0]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sum_and_any_at_axis_1_of_three_levels(seed):
    rows = _nested(seed)
    array = ak.Array(rows)
    assert ak.sum(array, axis=1).to_list() == [_model_across(r, sum) for r in rows]
    assert ak.any(array, axis=1).to_list() == [
        _model_across(r, lambda xs: any(x != 0 for x in xs)) for r in rows
    ]


@pytest.mark.parametrize("seed", [0, 1])
def test_sum_and_argmax_at_axis_0(seed):
    rows = [inner for outer in _nested(seed) for inner in outer]  # var * var * float64
    array = ak.Array(rows)
    assert ak.sum(array, axis=0).to_list() == _model_across(rows, sum)
    width = max((len(r) for r in rows), default=0)
    want = [_argmax([(i, r[k]) for i, r in enumerate(rows) if len(r) > k]) for k in range(width)]
    assert ak.argmax(array, axis=0).to_list() == want


def test_argmax_at_axis_1_of_three_levels_gives_list_positions():
    rows = _nested(7)
    array = ak.Array(rows)
    want = []
    for r in rows:
        width = max((len(x) for x in r), default=0)
        want.append(
            [_argmax([(i, x[k]) for i, x in enumerate(r) if len(x) > k]) for k in range(width)]
        )
    assert ak.argmax(array, axis=1).to_list() == want


def test_regular_inner_dimension_at_axis_0():
    values = np.arange(24, dtype=np.float64).reshape(4, 3, 2)
    array = ak.Array(ak.to_layout(values))
    assert ak.sum(array, axis=0).to_list() == values.sum(axis=0).tolist()
    assert ak.sum(array, axis=1).to_list() == values.sum(axis=1).tolist()


@pytest.mark.parametrize(
    "dtype", ["bool", "int8", "uint16", "int32", "float16", "float32", "complex128"]
)
def test_axis_0_moves_every_item_size(dtype):
    rows = [[1, 0, 3], [], [2], [0, 5, 1, 4], [3, 3]]
    array = ak.values_astype(ak.Array(rows), dtype)
    typed = array.to_list()
    width = max(len(r) for r in typed)
    columns = [[r[k] for r in typed if len(r) > k] for k in range(width)]
    assert ak.sum(array, axis=0).to_list() == [sum(c) for c in columns]
    if dtype != "complex128":
        assert ak.max(array, axis=0).to_list() == [max(c) for c in columns]
        rows_of = [[i for i, r in enumerate(typed) if len(r) > k] for k in range(width)]
        assert ak.argmin(array, axis=0).to_list() == [
            min(rows, key=lambda i: (typed[i][k], i)) for k, rows in enumerate(rows_of)
        ]


def test_axis_0_of_datetimes():
    days = np.array(["2020-01-02", "2019-01-01", "2021-05-05", "2018-03-03"], dtype="datetime64[D]")
    array = ak.unflatten(ak.Array(days), [2, 0, 2])
    assert ak.min(array, axis=0).to_list() == [days[[0, 2]].min().item(), days[[1, 3]].min().item()]
