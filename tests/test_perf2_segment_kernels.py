"""The branch-free segment kernels (awkward_reduce_sum's blocks of eight, awkward_ListArray_count_mask,
awkward_NumpyArray_compress) and the paths that use them (ak.sum at the innermost axis, jagged
boolean masks), against pure-Python models on random jagged data."""

from __future__ import annotations

import math

import numpy as np
import pytest
from awkward_cpp import _ext
from hypothesis import given, settings
from hypothesis import strategies as st

import awkward as ak

# ---------------------------------------------------------------------- models


def sequential_sum(values, start=0):
    """Added one by one from 0, in order: what the kernels (and awkward 2.14) compute."""
    total = start
    for v in values:
        total = total + v
    return total


def random_segments(rng, nlists, longest, slack):
    counts = rng.integers(0, longest + 1, nlists)
    offsets = np.zeros(nlists + 1, np.int64)
    np.cumsum(counts, out=offsets[1:])
    return offsets, int(offsets[-1]) + slack


# ---------------------------------------------------------------------- kernels directly

SUM_SPECIALIZATIONS = [
    ("float64_float64", np.float64, np.float64),
    ("float32_float32", np.float32, np.float32),
    ("int64_bool", np.bool_, np.int64),
    ("int64_int8", np.int8, np.int64),
    ("int64_int16", np.int16, np.int64),
    ("int64_int32", np.int32, np.int64),
    ("int64_int64", np.int64, np.int64),
    ("uint64_uint8", np.uint8, np.uint64),
    ("uint64_uint32", np.uint32, np.uint64),
    ("uint64_uint64", np.uint64, np.uint64),
]


def _random_values(rng, dtype, n):
    dtype = np.dtype(dtype)
    if dtype.kind == "b":
        return rng.integers(0, 2, n).astype(bool)
    if dtype.kind == "f":
        out = (rng.normal(size=n) * 10.0 ** rng.integers(-3, 12, n)).astype(dtype)
        special = rng.integers(0, n, 3) if n else []
        for where, value in zip(special, [np.nan, np.inf, -0.0]):
            out[where] = value
        return out
    info = np.iinfo(dtype)
    return rng.integers(info.min, info.max, n, dtype=dtype, endpoint=True)


@pytest.mark.parametrize(("suffix", "dtype", "outdtype"), SUM_SPECIALIZATIONS)
@pytest.mark.parametrize("longest", [3, 8, 9, 20])
def test_reduce_sum_kernel_matches_sequential_model(suffix, dtype, outdtype, longest):
    kernel = getattr(_ext, f"awkward_reduce_sum_{suffix}")
    rng = np.random.default_rng(longest)
    for trial in range(20):
        offsets, length = random_segments(rng, int(rng.integers(0, 60)), longest, int(rng.integers(0, 12)))
        data = _random_values(rng, dtype, length)
        starts, stops = offsets[:-1].copy(), offsets[1:].copy()
        if trial % 2:  # any order, overlapping or not: the kernel takes starts and stops
            order = rng.permutation(len(starts))
            starts, stops = starts[order].copy(), stops[order].copy()
        out = np.full(len(starts), 123, dtype=outdtype)
        assert kernel(out, data, starts, stops, len(starts), length) is None
        if np.dtype(dtype).kind == "f":
            expected = np.array(
                [sequential_sum(float(v) for v in data[a:b]) for a, b in zip(starts, stops)],
                dtype=np.float64,
            ).astype(outdtype)
            assert np.array_equal(out, expected, equal_nan=True)
            assert np.array_equal(np.signbit(out), np.signbit(expected))
        else:
            modulus = 2**64
            expected = [sum(int(v) for v in data[a:b]) % modulus for a, b in zip(starts, stops)]
            assert [int(v) % modulus for v in out] == expected


def test_reduce_sum_kernel_keeps_the_order_of_additions():
    # sequential: (1 + 1e16) - 1e16 + 1 = 1; a pairwise or two-accumulator sum gives 0
    data = np.array([1.0, 1e16, -1e16, 1.0, 0.5, 1e16, -1e16, 0.5, 1.0, 2.0, -0.0, 0.0])
    offsets = np.array([0, 4, 10, 11, 12], np.int64)
    out = np.empty(4)
    _ext.awkward_reduce_sum_float64_float64(out, data, offsets[:-1], offsets[1:], 4, len(data))
    assert out.tolist() == [1.0, 3.5, 0.0, 0.0]
    assert not np.signbit(out[2])  # [-0.0] sums to +0.0 (the total starts at +0.0), as in 2.14


def test_count_mask_kernel_matches_model():
    rng = np.random.default_rng(7)
    for longest in [2, 8, 9, 30]:
        for _ in range(20):
            offsets, length = random_segments(rng, int(rng.integers(0, 60)), longest, int(rng.integers(0, 12)))
            mask = rng.integers(0, 2, length).astype(bool)
            starts, stops = offsets[:-1], offsets[1:]
            out = np.full(len(starts), 123, np.int64)
            assert _ext.awkward_ListArray_count_mask_64(out, mask, starts, stops, len(starts), length) is None
            assert out.tolist() == [int(mask[a:b].sum()) for a, b in zip(starts, stops)]


@pytest.mark.parametrize("bits", [8, 16, 32, 64])
def test_compress_kernel_matches_boolean_indexing(bits):
    kernel = getattr(_ext, f"awkward_NumpyArray_compress_uint{bits}")
    dtype = np.dtype(f"uint{bits}")
    rng = np.random.default_rng(bits)
    for n in [0, 1, 2, 7, 100, 1000]:
        data = rng.integers(0, np.iinfo(dtype).max, n, dtype=dtype, endpoint=True)
        for fraction in [0.0, 0.01, 0.5, 0.99, 1.0]:
            mask = rng.random(n) < fraction
            total = int(mask.sum())
            out = np.full(total, 7, dtype=dtype)
            assert kernel(out, data, mask, n, total) is None
            assert np.array_equal(out, data[mask])


def test_compress_kernel_checks_the_count_and_never_writes_past_the_end():
    data = np.arange(10, dtype=np.uint64)
    mask = np.array([True] * 6 + [False] * 4)
    guarded = np.full(8, 99, dtype=np.uint64)
    out = guarded[:5]  # one slot too few: the sixth true value is reported, nothing written after
    assert _ext.awkward_NumpyArray_compress_uint64(out, data, mask, 10, 5) is not None
    assert guarded[5:].tolist() == [99, 99, 99]
    message, index = _ext.awkward_NumpyArray_compress_uint64(np.empty(7, np.uint64), data, mask, 10, 7)
    assert "tolength" in message and index == -1


# ---------------------------------------------------------------------- through ak.*

jagged = st.lists(
    st.lists(st.floats(allow_nan=True, allow_infinity=True, width=64), max_size=13), min_size=1, max_size=40
)


@settings(max_examples=60, deadline=None)
@given(jagged)
def test_sum_axis_minus_one_matches_model(lists):
    array = ak.Array(lists)
    got = ak.sum(array, axis=-1).to_list()
    expected = [sequential_sum(row, 0.0) for row in lists]
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert (math.isnan(g) and math.isnan(e)) or g == e


@settings(max_examples=60, deadline=None)
@given(jagged, st.floats(allow_nan=False, allow_infinity=False, width=64))
def test_jagged_mask_matches_model(lists, threshold):
    array = ak.Array(lists)
    got = array[array > threshold].to_list()
    expected = [[v for v in row if v > threshold] for row in lists]
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert len(g) == len(e) and all((math.isnan(a) and math.isnan(b)) or a == b for a, b in zip(g, e))


LAYOUTS = {
    "ListOffsetArray": lambda d: d,
    "ListArray": lambda d: ak.contents.ListArray(
        ak.index.Index64(d.offsets.data[:-1]), ak.index.Index64(d.offsets.data[1:]), d.content
    ),
    "ListOffsetArray sliced": lambda d: d[1:],
}


@pytest.mark.parametrize("kind", sorted(LAYOUTS))
@pytest.mark.parametrize(
    "dtype", ["int8", "uint16", "int32", "float32", "float64", "bool", "complex128", "datetime64[s]"]
)
def test_jagged_mask_over_dtypes_and_layouts(kind, dtype):
    rows = [[1, 0, 3], [], [4, 5], [0], [6, 7, 8, 9, 10, 11, 12, 13, 14], [2]]
    flat = np.array([v for row in rows for v in row]).astype(dtype)
    counts = np.array([len(r) for r in rows], np.int64)
    offsets = np.zeros(len(rows) + 1, np.int64)
    np.cumsum(counts, out=offsets[1:])
    layout = LAYOUTS[kind](ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(flat)))
    array = ak.Array(layout)
    keep_rows = [[(i + j) % 3 != 0 for j in range(len(r))] for i, r in enumerate(rows)]
    if kind == "ListOffsetArray sliced":
        keep_rows = keep_rows[1:]
    mask = ak.Array(keep_rows)
    got = array[mask]
    values = array.to_list()
    expected = [[v for v, k in zip(row, keep) if k] for row, keep in zip(values, keep_rows)]
    assert got.to_list() == expected
    assert str(got.type.content) == str(array.type.content)
    # the mask computed from the array itself shares its offsets (the fast path)
    if dtype not in ("complex128", "datetime64[s]", "bool"):
        assert array[array > 2].to_list() == [[v for v in row if v > 2] for row in values]


@pytest.mark.parametrize("largest", [True, False])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
def test_min_max_kernels_match_sequential_model(largest, dtype):
    """best = x > best ? x : best (max) from the identity, value by value: NaN never replaces
    the best, and between -0.0 and +0.0 the first seen stays."""
    name = "max" if largest else "min"
    suffix = "float64" if dtype == np.float64 else "float32"
    kernel = getattr(_ext, f"awkward_reduce_{name}_{suffix}")
    rng = np.random.default_rng(11 if largest else 12)
    for longest in [3, 8, 9, 20]:
        for _ in range(20):
            offsets, length = random_segments(rng, int(rng.integers(0, 60)), longest, int(rng.integers(0, 12)))
            data = _random_values(rng, dtype, length)
            if length:
                data[rng.integers(0, length, 4)] = [0.0, -0.0, -np.inf, np.nan]
            identity = np.array([rng.choice([np.inf, -np.inf, 0.0, 1.5])], dtype=dtype)
            starts, stops = offsets[:-1], offsets[1:]
            out = np.full(len(starts), 123, dtype=dtype)
            assert kernel(out, data, identity, starts, stops, len(starts), length) is None
            expected = []
            for a, b in zip(starts, stops):
                best = identity[0]
                for x in data[a:b]:
                    better = x > best if largest else x < best
                    best = x if better else best
                expected.append(best)
            expected = np.array(expected, dtype=dtype)
            assert np.array_equal(out, expected, equal_nan=True)
            assert np.array_equal(np.signbit(out), np.signbit(expected))


@settings(max_examples=40, deadline=None)
@given(jagged)
def test_max_axis_one_matches_model(lists):
    array = ak.Array(lists)
    got = ak.max(array, axis=1).to_list()
    expected = []
    for row in lists:
        best = None
        for x in row:
            if best is None:
                best = x if not math.isnan(x) else None
            elif x > best:
                best = x
        expected.append(best if row and best is not None else (None if not row else -math.inf))
    assert got == expected
