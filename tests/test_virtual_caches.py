"""External caches for virtual buffers: ``cache=`` on ak.from_buffers and ak.virtual.

A MutableMapping (dict, byte-bounded cachetools.LRUCache, a user's own) holds the generated
data instead of the virtual buffers; an evicted entry regenerates with the same values, and a
byte-bounded cache keeps memory under its bound while a scan touches far more."""

import collections
import gc
import tracemalloc
from collections.abc import MutableMapping

import numpy as np
import pytest

import awkward as ak

cachetools = pytest.importorskip("cachetools")

MB = 1_000_000


def nbytes(value):
    return value.nbytes


class Columns:
    """A file of jagged float columns: form, length and a container of counting callables."""

    def __init__(self, n_columns, n_events, per_event, seed=0):
        rng = np.random.default_rng(seed)
        self.fields = [f"c{i}" for i in range(n_columns)]
        counts = rng.integers(0, 2 * per_event, n_events)
        self.offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self.data = {f: rng.normal(size=int(self.offsets[-1])) for f in self.fields}
        self.length = n_events
        self.calls = collections.Counter()
        self.form = ak.forms.RecordForm(
            [
                ak.forms.ListOffsetForm("i64", ak.forms.NumpyForm("float64", form_key=f"{f}.data"), form_key=f)
                for f in self.fields
            ],
            self.fields,
        )

    def container(self):
        out = {}
        for f in self.fields:
            out[f"{f}-offsets"] = self._reader(f"{f}-offsets", self.offsets)
            out[f"{f}.data-data"] = self._reader(f"{f}.data-data", self.data[f])

        return out

    def _reader(self, key, array):
        def read():
            self.calls[key] += 1
            return array.copy()  # a fresh buffer, as a file read would give

        return read

    def expected_sums(self, field):
        return np.add.reduceat(self.data[field], self.offsets[:-1])[np.diff(self.offsets) > 0]

    @property
    def total_bytes(self):
        return sum(a.nbytes for a in self.data.values()) + len(self.fields) * self.offsets.nbytes


def _nonempty_sums(array, field):
    sums = ak.sum(array[field], axis=1)
    return np.asarray(sums)[np.asarray(ak.num(array[field], axis=1)) > 0]


# ---------------------------------------------------------------------- the bound
def test_lru_bounded_at_1mb_while_scanning_20mb():
    cols = Columns(n_columns=42, n_events=10_000, per_event=6)
    assert cols.total_bytes > 20 * MB
    cache = cachetools.LRUCache(maxsize=1 * MB, getsizeof=nbytes)
    array = ak.from_buffers(cols.form, cols.length, cols.container(), cache=cache, cache_key="file")
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        touched = 0
        for field in cols.fields:
            got = _nonempty_sums(array, field)
            np.testing.assert_allclose(got, cols.expected_sums(field))
            touched += cols.data[field].nbytes + cols.offsets.nbytes
            assert cache.currsize < 1 * MB
            assert sum(v.nbytes for v in cache.values()) < 1 * MB
        gc.collect()
        retained = tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()
    assert touched > 20 * MB
    # what the array keeps after the scan is what the cache holds (plus bookkeeping), far from
    # the 20 MB touched; tracemalloc counts every thread of the process (threads left by other
    # tests in the same worker allocate too), hence the margin
    assert retained < 5 * MB
    assert all(key.startswith("file:") for key in cache)
    # every column read exactly once (nothing re-read within one column's computation)
    assert all(cols.calls[f"{f}.data-data"] == 1 for f in cols.fields)


def test_same_scan_without_cache_keeps_everything():
    cols = Columns(n_columns=6, n_events=2_000, per_event=5)
    array = ak.from_buffers(cols.form, cols.length, cols.container())
    for field in cols.fields:
        np.testing.assert_allclose(_nonempty_sums(array, field), cols.expected_sums(field))
        np.testing.assert_allclose(_nonempty_sums(array, field), cols.expected_sums(field))
    assert all(n == 1 for n in cols.calls.values())


def test_eviction_regenerates_the_same_values():
    cols = Columns(n_columns=3, n_events=50, per_event=3)
    cache = {}
    array = ak.from_buffers(cols.form, cols.length, cols.container(), cache=cache, cache_key="f")
    before = array.to_list()
    assert cols.calls["c1.data-data"] == 1
    assert set(cache) == {f"f:{k}" for k in cols.container()}
    assert array.to_list() == before
    assert cols.calls["c1.data-data"] == 1  # served from the cache
    del cache["f:c1.data-data"]
    assert array.to_list() == before
    assert cols.calls["c1.data-data"] == 2
    assert cols.calls["c0.data-data"] == 1
    cache.clear()
    assert array.c2.to_list() == [r["c2"] for r in before]
    assert cols.calls["c2.data-data"] == 2


def test_lru_evicts_and_regenerates_during_repeated_scans():
    cols = Columns(n_columns=8, n_events=4_000, per_event=4)
    cache = cachetools.LRUCache(maxsize=300_000, getsizeof=nbytes)
    array = ak.from_buffers(cols.form, cols.length, cols.container(), cache=cache)
    for _ in range(2):
        for field in cols.fields:
            np.testing.assert_allclose(_nonempty_sums(array, field), cols.expected_sums(field))
            assert cache.currsize <= 300_000
    # the second scan had to read every column again
    assert all(cols.calls[f"{f}.data-data"] == 2 for f in cols.fields)


def test_entry_larger_than_the_bound_is_used_not_kept():
    cols = Columns(n_columns=1, n_events=1_000, per_event=5)
    cache = cachetools.LRUCache(maxsize=100, getsizeof=nbytes)
    array = ak.from_buffers(cols.form, cols.length, cols.container(), cache=cache)
    np.testing.assert_allclose(_nonempty_sums(array, "c0"), cols.expected_sums("c0"))
    assert len(cache) == 0
    np.testing.assert_allclose(_nonempty_sums(array, "c0"), cols.expected_sums("c0"))
    assert cols.calls["c0.data-data"] == 2


def test_default_cache_keys_are_unique_per_call():
    cols = Columns(n_columns=1, n_events=10, per_event=2)
    cache = {}
    a = ak.from_buffers(cols.form, cols.length, cols.container(), cache=cache)
    b = ak.from_buffers(cols.form, cols.length, cols.container(), cache=cache)
    a.to_list()
    b.to_list()
    assert len(cache) == 4
    # the same cache_key shares the entries (a reopened file)
    c = ak.from_buffers(cols.form, cols.length, cols.container(), cache=cache, cache_key="x")
    d = ak.from_buffers(cols.form, cols.length, cols.container(), cache=cache, cache_key="x")
    c.to_list()
    calls = sum(cols.calls.values())
    assert d.to_list() == c.to_list()
    assert sum(cols.calls.values()) == calls


class CountingMapping(MutableMapping):
    """A user's own mapping: counts reads and writes."""

    def __init__(self):
        self.store = {}
        self.gets = 0
        self.sets = 0

    def __getitem__(self, key):
        self.gets += 1
        return self.store[key]

    def __setitem__(self, key, value):
        self.sets += 1
        self.store[key] = value

    def __delitem__(self, key):
        del self.store[key]

    def __iter__(self):
        return iter(self.store)

    def __len__(self):
        return len(self.store)


def test_users_own_mapping():
    cols = Columns(n_columns=2, n_events=20, per_event=2)
    cache = CountingMapping()
    array = ak.from_buffers(cols.form, cols.length, cols.container(), cache=cache, cache_key="u")
    assert len(array) == 20 and array.fields == ["c0", "c1"]
    assert cache.gets == 0 and cache.sets == 0  # metadata reads nothing
    array.c0.to_list()
    assert cache.sets == 2
    array.c0.to_list()
    assert cache.sets == 2 and cache.gets > 2


# ---------------------------------------------------------------------- today's caching switch
def test_caching_switch_false_ignores_the_cache_and_regenerates():
    cols = Columns(n_columns=1, n_events=10, per_event=2)
    cache = {}
    array = ak.from_buffers(
        cols.form, cols.length, cols.container(), cache=cache, enable_virtualarray_caching=False
    )
    array.to_list()
    array.to_list()
    assert cache == {}
    assert cols.calls["c0.data-data"] == 2


def test_caching_rule_per_buffer():
    cols = Columns(n_columns=2, n_events=10, per_event=2)
    cache = {}

    def rule(form_key, attribute):
        return attribute == "offsets"

    array = ak.from_buffers(
        cols.form, cols.length, cols.container(), cache=cache, cache_key="r",
        enable_virtualarray_caching=rule,
    )
    array.to_list()
    array.to_list()
    assert set(cache) == {"r:c0-offsets", "r:c1-offsets"}
    assert cols.calls["c0-offsets"] == 1
    assert cols.calls["c0.data-data"] == 2


def test_caching_switch_true_without_cache_is_unchanged():
    cols = Columns(n_columns=1, n_events=10, per_event=2)
    array = ak.from_buffers(cols.form, cols.length, cols.container(), enable_virtualarray_caching=True)
    array.to_list()
    array.to_list()
    assert cols.calls["c0.data-data"] == 1


def test_cache_argument_errors():
    cols = Columns(n_columns=1, n_events=10, per_event=2)
    with pytest.raises(TypeError, match="ak.from_buffers: 'cache' must be a MutableMapping"):
        ak.from_buffers(cols.form, cols.length, cols.container(), cache=3)
    with pytest.raises(TypeError, match="ak.from_buffers: 'cache_key' must be a str"):
        ak.from_buffers(cols.form, cols.length, cols.container(), cache={}, cache_key=3)


def test_buffer_in_external_cache_refuses_writes():
    cols = Columns(n_columns=1, n_events=10, per_event=2)
    array = ak.from_buffers(cols.form, cols.length, cols.container(), cache={})
    data = array.layout.content("c0").content.data
    with pytest.raises(ValueError, match="external cache"):
        data[0] = 1.0


# ---------------------------------------------------------------------- ak.virtual with a bounded cache
def test_virtual_chunks_with_lru_bound():
    rng = np.random.default_rng(1)
    chunks = [rng.normal(size=62_000) for _ in range(41)]  # 496 kB each, 20 MB in all
    calls = collections.Counter()

    def read(i):
        calls[i] += 1
        return chunks[i].copy()

    cache = cachetools.LRUCache(maxsize=1 * MB, getsizeof=nbytes)
    form = ak.forms.NumpyForm("float64")
    arrays = [
        ak.virtual(read, (i,), form=form, length=62_000, cache=cache, cache_key=f"chunk{i}")
        for i in range(41)
    ]
    for i, array in enumerate(arrays):
        assert ak.sum(array) == pytest.approx(chunks[i].sum())
        assert ak.max(array) == chunks[i].max()
        assert cache.currsize < 1 * MB
    assert all(calls[i] == 1 for i in range(41))
    # chunk 0 was evicted long ago: regenerated, same values
    assert ak.sum(arrays[0]) == pytest.approx(chunks[0].sum())
    assert calls[0] == 2


# ---------------------------------------------------------------------- the buffer layer itself
def _virtual(values, cache, key="k", calls=None):
    from awkward._nplikes.numpy import Numpy
    from awkward._nplikes.virtual import VirtualNDArray

    array = np.asarray(values)

    def generate():
        if calls is not None:
            calls.append(1)
        return array.copy()

    return VirtualNDArray(
        Numpy.instance(), array.shape, array.dtype, generate, buffer_key=key, __cache__=cache
    )


def test_virtual_buffer_reads_through_the_cache():
    cache, calls = {}, []
    buffer = _virtual([1.0, 2.0, 3.0], cache, calls=calls)
    assert not buffer.is_materialized
    assert buffer.materialize().tolist() == [1.0, 2.0, 3.0]
    assert buffer.is_materialized and list(cache) == ["k"]
    assert buffer._array is None  # kept by the cache, not by the buffer
    buffer.materialize()
    assert len(calls) == 1
    cache.clear()
    assert not buffer.is_materialized
    assert buffer.materialize().tolist() == [1.0, 2.0, 3.0]
    assert len(calls) == 2


def test_derived_buffers_keep_nothing():
    cache, calls = {}, []
    buffer = _virtual(np.arange(10.0), cache, calls=calls)
    part = buffer[2:5]
    assert part.materialize().tolist() == [2.0, 3.0, 4.0]
    assert part._array is None
    cache.clear()
    assert part.materialize().tolist() == [2.0, 3.0, 4.0]
    assert len(calls) == 2


def test_a_wrong_entry_is_not_trusted():
    cache, calls = {"k": np.zeros(2, dtype=np.int32)}, []
    buffer = _virtual([1.0, 2.0, 3.0], cache, calls=calls)
    assert buffer.materialize().tolist() == [1.0, 2.0, 3.0]
    assert len(calls) == 1 and cache["k"].dtype == np.float64


def test_copies_are_independent_of_the_cache():
    import copy

    cache = {}
    buffer = _virtual([1.0, 2.0], cache)
    buffer.materialize()
    clone = copy.deepcopy(buffer)
    clone[0] = 5.0
    assert buffer.materialize().tolist() == [1.0, 2.0]
    assert clone.materialize().tolist() == [5.0, 2.0]


def test_threads_generate_once_through_the_cache():
    import threading

    cache, calls = {}, []
    buffer = _virtual(np.arange(1000.0), cache, calls=calls)
    out = []
    threads = [threading.Thread(target=lambda: out.append(buffer.materialize().sum())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert out == [499500.0] * 8 and len(calls) == 1


def test_cache_needs_a_key():
    with pytest.raises(TypeError, match="needs a buffer_key or a cache key"):
        _virtual([1.0], {}, key=None)
    with pytest.raises(TypeError, match="must be a MutableMapping"):
        _virtual([1.0], 3)
