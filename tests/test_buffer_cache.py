"""The buffer cache (awkward_cpp._memory, awkward/_nplikes/buffer_cache.py): large outputs of
awkward's ufuncs and kernel outputs come from a NumPy memory handler that keeps freed blocks;
arrays made outside awkward's calls never use it. Values are checked against numpy models."""

import os
import subprocess
import sys
import threading

import numpy as np
import pytest

import awkward as ak
from awkward._nplikes import buffer_cache
from awkward._nplikes.virtual import materialize_if_virtual

get_handler_name = getattr(np, "_core", np.core).multiarray.get_handler_name
pytestmark = pytest.mark.skipif(not buffer_cache.ENABLED, reason="buffer cache unavailable")

CACHE = "awkward_buffer_cache"
LARGE = 3 * buffer_cache.MIN_BYTES // 8  # float64 values: 3 MiB


def _memory():
    from awkward_cpp import _memory

    return _memory


def jagged(n_values, seed=0):
    rng = np.random.default_rng(seed)
    counts = rng.integers(0, 7, n_values // 3 + 1)
    offsets = np.zeros(len(counts) + 1, np.int64)
    np.cumsum(counts, out=offsets[1:])
    values = rng.random(int(offsets[-1]))
    layout = ak.contents.ListOffsetArray(ak.index.Index64(offsets), ak.contents.NumpyArray(values))
    return ak.Array(layout), offsets, values


def flat_data(array):
    return materialize_if_virtual(array.layout.content.data)  # the buffer itself, not a copy


def handler_of(data):
    """The handler that allocated ``data``'s memory (views report None: ask their owner)."""
    while isinstance(data.base, np.ndarray):
        data = data.base
    return get_handler_name(data)


def test_large_ufunc_output_comes_from_the_cache_and_is_right():
    array, offsets, values = jagged(LARGE)
    result = array * 2 + 1
    np.testing.assert_array_equal(flat_data(result), values * 2 + 1)
    np.testing.assert_array_equal(np.asarray(result.layout.offsets), offsets)
    assert handler_of(flat_data(result)) == CACHE
    assert get_handler_name() != CACHE  # not left current after the call


def test_small_outputs_and_outside_arrays_use_numpy_default():
    array, _, values = jagged(300)
    result = array + 1
    assert handler_of(flat_data(result)) != CACHE
    np.testing.assert_array_equal(flat_data(result), values + 1)
    big, _, _ = jagged(LARGE)
    _ = big * 2
    outside = np.empty(LARGE)
    assert handler_of(outside) != CACHE


def test_freed_blocks_are_reused():
    array, _, values = jagged(LARGE, seed=1)
    _memory().clear()
    first = array * 3
    data = flat_data(first)
    nbytes = data.nbytes
    del first, data
    stats = _memory().stats()
    assert stats["kept_bytes"] >= nbytes
    hits = stats["hits"]
    again = array * 3
    assert _memory().stats()["hits"] == hits + 1
    np.testing.assert_array_equal(flat_data(again), values * 3)


def test_stale_contents_never_leak():
    memory = _memory()
    memory.clear()
    previous = memory.use()
    try:
        dirty = np.empty(LARGE)
        dirty.fill(7.0)
        del dirty
        zeros = np.zeros(LARGE)  # calloc from a kept block: must be zeroed
    finally:
        memory.restore(previous)
    assert handler_of(zeros) == CACHE
    assert not zeros.any()
    array, _, values = jagged(LARGE, seed=2)
    np.testing.assert_array_equal(flat_data(array - 0.5), values - 0.5)


def test_realloc_keeps_data():
    memory = _memory()
    memory.clear()
    previous = memory.use()
    try:
        grown = np.arange(LARGE, dtype=np.float64)
        grown.resize(2 * LARGE, refcheck=False)
        shrunk = np.arange(LARGE, dtype=np.float64)
        shrunk.resize(10, refcheck=False)
    finally:
        memory.restore(previous)
    np.testing.assert_array_equal(grown[:LARGE], np.arange(LARGE, dtype=np.float64))
    assert not grown[LARGE:].any()
    np.testing.assert_array_equal(shrunk, np.arange(10, dtype=np.float64))
    kept = memory.stats()["kept_bytes"]
    del grown  # tracked at its new size: kept for reuse
    assert memory.stats()["kept_bytes"] == kept + 2 * LARGE * 8
    kept_blocks = memory.stats()["kept_blocks"]
    del shrunk  # 80 bytes: below min_bytes, handed back to malloc
    assert memory.stats()["kept_blocks"] == kept_blocks


def test_limit_bounds_kept_bytes_and_clear_frees_them():
    memory = _memory()
    array, _, _ = jagged(LARGE, seed=3)
    try:
        memory.configure(buffer_cache.MIN_BYTES * 4, buffer_cache.MIN_BYTES)
        results = [array * k for k in range(5)]
        del results
        assert 0 < memory.stats()["kept_bytes"] <= buffer_cache.MIN_BYTES * 4
        memory.configure(0, buffer_cache.MIN_BYTES)  # nothing is kept
        assert memory.stats()["kept_bytes"] == 0
        result = array * 2
        del result
        assert memory.stats()["kept_bytes"] == 0
    finally:
        memory.configure(buffer_cache._LIMIT, buffer_cache.MIN_BYTES)
    _ = array * 2
    memory.clear()
    assert memory.stats()["kept_bytes"] == 0 and memory.stats()["kept_blocks"] == 0


def test_bad_configuration_and_restore_arguments():
    memory = _memory()
    with pytest.raises(ValueError, match="limit_bytes"):
        memory.configure(-1, 10)
    with pytest.raises(TypeError, match="use\\(\\) returned"):
        memory.restore("not a handler")


def test_handler_is_restored_when_the_ufunc_raises():
    array, _, _ = jagged(LARGE, seed=4)
    with pytest.raises(TypeError):
        np.left_shift(array, 1.5)  # float shift: numpy raises inside the cached call
    assert get_handler_name() != CACHE


def test_kernel_outputs_use_the_cache():
    array, offsets, values = jagged(LARGE, seed=5)
    selected = array[array > 0.5]
    model = [list(values[a:b][values[a:b] > 0.5]) for a, b in zip(offsets[:-1], offsets[1:])]
    assert selected.to_list() == model
    sums = ak.sum(array, axis=1)
    np.testing.assert_allclose(
        sums.to_numpy(), [values[a:b].sum() for a, b in zip(offsets[:-1], offsets[1:])]
    )


def test_threads_computing_at_once_get_correct_results():
    arrays = [jagged(LARGE, seed=10 + k) for k in range(4)]
    errors = []

    def work(array, values):
        try:
            for _ in range(3):
                np.testing.assert_array_equal(flat_data(array * 2 - 1), values * 2 - 1)
        except Exception as err:  # reported below
            errors.append(err)

    threads = [threading.Thread(target=work, args=(a, v)) for a, _, v in arrays]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_virtual_buffers_stay_lazy_until_the_ufunc():
    array, offsets, values = jagged(LARGE, seed=6)
    form, length, container = ak.to_buffers(array)
    calls = []

    def generator(key):
        def make():
            calls.append(key)
            return container[key]

        return make

    lazy = ak.from_buffers(form, length, {k: generator(k) for k in container})
    assert len(lazy) == length
    assert "??" in str(lazy)
    assert str(lazy.type) == f"{length} * var * float64"
    assert lazy.layout.form == form
    assert calls == []  # none of these reads a buffer
    result = lazy * 2
    # offsets (broadcasting) and data (the ufunc), each generator once
    assert sorted(calls) == sorted(container)
    np.testing.assert_array_equal(flat_data(result), values * 2)


def _run(env_value):
    env = dict(os.environ, AWKWARD_BUFFER_CACHE_BYTES=env_value)
    code = (
        "import numpy as np, awkward as ak\n"
        "from awkward._nplikes import buffer_cache\n"
        "a = ak.Array(np.arange(1 << 20, dtype=np.float64))\n"
        "print(buffer_cache.ENABLED, getattr(np, '_core', np.core).multiarray.get_handler_name(np.asarray(a * 2)))\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )


def test_environment_variable_turns_it_off_or_is_rejected():
    off = _run("0")
    assert off.returncode == 0, off.stderr
    assert off.stdout.split() == ["False", "default_allocator"]
    bad = _run("lots")
    assert bad.returncode != 0
    assert "AWKWARD_BUFFER_CACHE_BYTES must be a non-negative integer" in bad.stderr


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_forked_child_allocates_from_the_cache():
    array, _, values = jagged(LARGE, seed=7)
    _ = array * 2  # the parent has used the cache
    pid = os.fork()
    if pid == 0:  # child: exit status 0 only if its results are right
        ok = np.array_equal(flat_data(array * 3), values * 3)
        os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
