"""awkward_reduce_sum/max/min pick, as they run, between the block loop and the plain per-value
loop (awkward-cpp/src/kernels/reduce_adaptive.h). Each strategy, forced through the test-only
switch awkward_cpp._ext._set_reduce_strategy, must give the same bits and the same first bad
segment, and equal a sequential model, on inputs long enough for several trial rounds."""

from __future__ import annotations

import contextlib
import functools

import numpy as np
import pytest
from awkward_cpp import _ext

import awkward as ak

STRATEGIES = ["adaptive", "block", "plain"]
NSEGMENTS = 300_000  # a trial every 139264 segments (68 chunks of 2048): several rounds


@contextlib.contextmanager
def strategy(name):
    previous = _ext._set_reduce_strategy(name)
    try:
        yield
    finally:
        _ext._set_reduce_strategy(previous)


def test_switch_returns_the_previous_strategy_and_rejects_unknown_names():
    with strategy("plain"):
        assert _ext._set_reduce_strategy("block") == "plain"
        assert _ext._set_reduce_strategy("adaptive") == "block"
        assert _ext._set_reduce_strategy("plain") == "adaptive"
    assert _ext._set_reduce_strategy("adaptive") == "adaptive"  # the default, restored
    with pytest.raises(ValueError, match="adaptive"):
        _ext._set_reduce_strategy("fast")


# ---------------------------------------------------------------------- data


def lengths(rng, pattern, n):
    if pattern == "random":  # mostly short, some longer than a block of 8
        out = rng.integers(0, 11, n)
        longer = rng.random(n) < 0.05
        out[longer] = rng.integers(9, 30, int(longer.sum()))
        return out.astype(np.int64)
    if pattern == "periodic":  # what a branch predictor learns: the plain loop's best case
        return np.arange(n, dtype=np.int64) % 11
    raise AssertionError(pattern)


def values(rng, dtype, n):
    out = (rng.normal(size=n) * 10.0 ** rng.integers(-3, 8, n)).astype(dtype)
    special = rng.random(n)
    out[special < 0.02] = np.nan
    out[(special >= 0.02) & (special < 0.04)] = np.inf
    out[(special >= 0.04) & (special < 0.06)] = -np.inf
    out[(special >= 0.06) & (special < 0.12)] = -0.0
    out[(special >= 0.12) & (special < 0.18)] = 0.0
    return out


def segments(rng, pattern, layout, n=NSEGMENTS):
    """starts, stops, buffer length. The last segment always ends at the buffer's end (a block
    of 8 would read past it)."""
    counts = lengths(rng, pattern, n)
    if layout == "contiguous":
        offsets = np.zeros(n + 1, np.int64)
        np.cumsum(counts, out=offsets[1:])
        return offsets[:-1].copy(), offsets[1:].copy(), int(offsets[-1])
    if layout == "gaps":  # starts and stops not adjacent, random order
        gaps = rng.integers(0, 4, n)
        offsets = np.zeros(n + 1, np.int64)
        np.cumsum(counts + gaps, out=offsets[1:])
        starts = offsets[:-1] + gaps
        stops = starts + counts
        order = rng.permutation(n)
        order[np.argmax(order == n - 1)], order[-1] = order[-1], n - 1  # keep the end last
        return starts[order].copy(), stops[order].copy(), int(stops[-1])
    if layout == "overlapping":  # anywhere in a shorter buffer
        length = max(int(counts.sum()) // 3, 40)
        counts = np.minimum(counts, length)
        starts = rng.integers(0, length - counts + 1)
        starts[-1] = length - counts[-1]
        return starts.astype(np.int64), (starts + counts).astype(np.int64), length
    raise AssertionError(layout)


# ---------------------------------------------------------------------- models


def model_sum(data, starts, stops, outdtype):
    """Added one by one from +0.0 in order, in float64 (what the kernels and 2.14 do), the k-th
    value of every segment at once."""
    total = np.zeros(len(starts), np.float64)
    counts = stops - starts
    with np.errstate(invalid="ignore"):  # inf + -inf
        for k in range(int(counts.max(initial=0))):
            live = np.nonzero(counts > k)[0]
            total[live] = total[live] + data[starts[live] + k].astype(np.float64)
    return total.astype(outdtype)


def model_best(data, starts, stops, identity, largest):
    """best = x > best ? x : best (max) from the identity, value by value."""
    best = np.full(len(starts), identity, dtype=data.dtype)
    counts = stops - starts
    for k in range(int(counts.max(initial=0))):
        live = np.nonzero(counts > k)[0]
        x = data[starts[live] + k]
        better = x > best[live] if largest else x < best[live]
        best[live] = np.where(better, x, best[live])
    return best


def python_best(data, start, stop, identity, largest):
    best = identity
    for x in data[start:stop]:
        better = x > best if largest else x < best
        best = x if better else best
    return best


def bits(array):
    return array.view(np.uint64 if array.dtype.itemsize == 8 else np.uint32)


def same_as_model(got, expected):
    """Same bits (zeros' signs included), except NaN's sign and payload, which depend on the
    order of operands that the model's numpy loops use (the strategies are compared bit for
    bit among themselves, NaNs included)."""
    nan = np.isnan(expected)
    return np.array_equal(np.isnan(got), nan) and np.array_equal(
        bits(got)[~nan], bits(expected)[~nan]
    )


def run_kernel(kind, dtype, data, starts, stops, length, identity=None):
    suffix = np.dtype(dtype).name
    if kind == "sum":
        kernel = getattr(_ext, f"awkward_reduce_sum_{suffix}_{suffix}")
        out = np.full(len(starts), 7, dtype=dtype)
        return out, kernel(out, data, starts, stops, len(starts), length)
    kernel = getattr(_ext, f"awkward_reduce_{kind}_{suffix}")
    out = np.full(len(starts), 7, dtype=dtype)
    ident = np.array([identity], dtype=dtype)
    return out, kernel(out, data, ident, starts, stops, len(starts), length)


# ---------------------------------------------------------------------- kernels directly

IDENTITIES = {"sum": None, "max": -np.inf, "min": np.inf}


@pytest.mark.parametrize("layout", ["contiguous", "gaps", "overlapping"])
@pytest.mark.parametrize("pattern", ["random", "periodic"])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("kind", ["sum", "max", "min"])
def test_every_strategy_gives_the_same_bits_as_the_model(kind, dtype, pattern, layout):
    rng = np.random.default_rng([ord(kind[1]), np.dtype(dtype).itemsize, len(pattern), len(layout)])
    starts, stops, length = segments(rng, pattern, layout)
    data = values(rng, dtype, length)
    identity = IDENTITIES[kind]
    if kind == "sum":
        expected = model_sum(data, starts, stops, dtype)
    else:
        expected = model_best(data, starts, stops, identity, kind == "max")
    results = {}
    for name in STRATEGIES:
        with strategy(name):
            out, error = run_kernel(kind, dtype, data, starts, stops, length, identity)
        assert error is None
        results[name] = out
    for name, out in results.items():
        assert np.array_equal(bits(out), bits(results["plain"])), name
    assert same_as_model(results["plain"], expected)


@pytest.mark.parametrize("identity", [0.0, -0.0, 1.5, np.nan])
@pytest.mark.parametrize("kind", ["max", "min"])
def test_min_max_identities_and_the_pure_python_model(kind, identity):
    """Other identities (a zero: which zero is seen first matters; NaN: nothing replaces it),
    against value-by-value Python on part of the segments."""
    rng = np.random.default_rng(5)
    starts, stops, length = segments(rng, "random", "contiguous", n=20_000)
    data = values(rng, np.float64, length)
    expected = model_best(data, starts, stops, identity, kind == "max")
    for k in list(range(0, 20_000, 37)) + [19_999]:
        python = python_best(data, starts[k], stops[k], np.float64(identity), kind == "max")
        assert same_as_model(np.array([python]), expected[k : k + 1])
    for name in STRATEGIES:
        with strategy(name):
            out, error = run_kernel(kind, np.float64, data, starts, stops, length, identity)
        assert error is None
        assert same_as_model(out, expected), name


@pytest.mark.parametrize("pattern", ["random", "periodic"])
def test_sum_model_equals_pure_python(pattern):
    rng = np.random.default_rng(9)
    starts, stops, length = segments(rng, pattern, "gaps", n=20_000)
    data = values(rng, np.float32, length)
    expected = model_sum(data, starts, stops, np.float32)
    for k in range(0, 20_000, 41):
        total = 0.0
        for x in data[starts[k] : stops[k]]:
            total += float(x)
        assert same_as_model(np.array([total], np.float32), expected[k : k + 1])
    with strategy("adaptive"):
        out, error = run_kernel("sum", np.float32, data, starts, stops, length)
    assert error is None and same_as_model(out, expected)


@pytest.mark.parametrize(
    ("kernel", "dtype", "outdtype", "identity"),
    [
        ("awkward_reduce_sum_int64_int32", np.int32, np.int64, None),
        ("awkward_reduce_max_int64", np.int64, np.int64, 0),
    ],
)
def test_integer_kernels_keep_the_plain_loop(kernel, dtype, outdtype, identity):
    rng = np.random.default_rng(3)
    starts, stops, length = segments(rng, "random", "gaps")
    data = rng.integers(-1000, 1000, length).astype(dtype)
    if identity is None:
        running = np.zeros(length + 1, outdtype)
        np.cumsum(data, out=running[1:])
        expected = running[stops] - running[starts]
    else:
        expected = model_best(data, starts, stops, identity, largest=True)
    for name in STRATEGIES:
        out = np.full(len(starts), 7, outdtype)
        with strategy(name):
            if identity is None:
                error = getattr(_ext, kernel)(out, data, starts, stops, len(starts), length)
            else:
                error = getattr(_ext, kernel)(
                    out, data, np.array([identity], dtype), starts, stops, len(starts), length
                )
        assert error is None
        assert np.array_equal(out, expected), name


# ---------------------------------------------------------------------- errors


@functools.cache
def periodic_input(dtype):
    rng = np.random.default_rng(17)
    starts, stops, length = segments(rng, "periodic", "contiguous")
    return starts, stops, length, values(rng, dtype, length)


@pytest.mark.parametrize("kind", ["sum", "max", "min"])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize(
    "bad",
    [
        [0],
        [3000],  # in the first trial chunk (block loop)
        [2048 + 5, 2048 * 3 + 1],  # second trial chunk (plain) first
        [2048 * 2 + 7, 2048 * 3 + 1],  # third and fourth trial chunks
        [2048 * 3 - 1, 2048 * 3],  # on either side of a chunk boundary
        [2048 * 3 + 2047],  # the last of the trial's chunks
        [2048 * 4, 2048 * 70],  # the first of a run, and in the next trial
        [200_000, 250_000],  # inside a run after a trial
        [NSEGMENTS - 1],
    ],
)
@pytest.mark.parametrize("problem", ["negative start", "stop before start", "stop past the end"])
def test_every_strategy_reports_the_first_bad_segment(kind, dtype, bad, problem):
    starts, stops, length, data = periodic_input(np.dtype(dtype).name)
    starts, stops = starts.copy(), stops.copy()
    for i in bad:
        if problem == "negative start":
            starts[i] = -1
        elif problem == "stop before start":
            starts[i], stops[i] = 5, 4
        else:
            stops[i] = length + 1
    answers = set()
    for name in STRATEGIES:
        with strategy(name):
            _, error = run_kernel(kind, dtype, data, starts, stops, length, IDENTITIES[kind])
        assert error is not None, name
        message, index = error
        assert index == bad[0], name
        answers.add((message, index))
    assert len(answers) == 1
    assert "is not inside [0, fromlength]" in next(iter(answers))[0]


# ---------------------------------------------------------------------- through ak.*

OPERATIONS = {
    "sum": lambda a: ak.sum(a, axis=1),
    "max": lambda a: ak.max(a, axis=1, mask_identity=False),
    "min": lambda a: ak.min(a, axis=-1, mask_identity=False),
}


@pytest.mark.parametrize("layout", ["ListOffsetArray", "ListArray"])
@pytest.mark.parametrize("pattern", ["random", "periodic"])
@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("kind", sorted(OPERATIONS))
def test_axis_one_reducers_agree_across_strategies(kind, dtype, pattern, layout):
    rng = np.random.default_rng([len(kind), np.dtype(dtype).itemsize, len(pattern), len(layout)])
    if layout == "ListOffsetArray":
        starts, stops, length = segments(rng, pattern, "contiguous")
        offsets = np.append(starts, stops[-1])
        data = values(rng, dtype, length)
        array = ak.Array(
            ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(data))
        )
    else:
        starts, stops, length = segments(rng, pattern, "gaps")
        data = values(rng, dtype, length)
        array = ak.Array(
            ak.contents.ListArray(
                ak.index.Index64(starts), ak.index.Index64(stops), ak.contents.NumpyArray(data)
            )
        )
    if kind == "sum":
        expected = model_sum(data, starts, stops, np.float64)
    else:
        expected = model_best(data, starts, stops, IDENTITIES[kind], kind == "max")
    results = {}
    for name in STRATEGIES:
        with strategy(name):
            results[name] = ak.to_numpy(OPERATIONS[kind](array))
    for name, got in results.items():
        assert got.dtype == results["plain"].dtype
        assert np.array_equal(bits(got), bits(results["plain"])), name
    assert same_as_model(results["plain"], expected.astype(results["plain"].dtype))
