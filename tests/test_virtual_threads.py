"""Concurrent first touches of one virtual buffer: the generator runs once."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from awkward._nplikes.numpy import Numpy
from awkward._nplikes.virtual import VirtualNDArray

nplike = Numpy.instance()
N_THREADS = 8


def _touch_together(array, touch):
    barrier = threading.Barrier(N_THREADS)
    results = [None] * N_THREADS
    errors = [None] * N_THREADS

    def work(i):
        barrier.wait()
        try:
            results[i] = touch(array)
        except Exception as err:
            errors[i] = err

    threads = [threading.Thread(target=work, args=(i,)) for i in range(N_THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
        assert not t.is_alive(), "materialization hung"
    return results, errors


class SlowGenerator:
    def __init__(self, data, error=None):
        self.data = data
        self.error = error
        self.calls = 0
        self._count_lock = threading.Lock()

    def __call__(self):
        with self._count_lock:
            self.calls += 1
        time.sleep(0.001)  # widen the window for a race
        if self.error is not None:
            raise self.error
        return self.data


@pytest.mark.parametrize("repeat", range(50))
def test_eight_threads_materialize_once(repeat):
    gen = SlowGenerator(np.arange(100, dtype=np.int64))
    v = VirtualNDArray(nplike, (100,), np.int64, gen, buffer_key="threads")
    results, errors = _touch_together(v, lambda a: a.materialize())
    assert errors == [None] * N_THREADS
    assert gen.calls == 1
    assert all(r is results[0] for r in results)
    assert results[0].tolist() == list(range(100))


@pytest.mark.parametrize("repeat", range(10))
def test_eight_threads_through_lazy_children(repeat):
    gen = SlowGenerator(np.arange(100, dtype=np.int64))
    v = VirtualNDArray(nplike, (100,), np.int64, gen)
    children = [v[i:] for i in range(N_THREADS)]
    results, errors = _touch_together(children, lambda cs: [c.tolist() for c in cs])
    assert errors == [None] * N_THREADS
    assert gen.calls == 1
    assert results[0][3] == list(range(3, 100))


@pytest.mark.parametrize("repeat", range(10))
def test_failing_generator_raises_in_every_thread(repeat):
    original = OSError("unreadable")
    gen = SlowGenerator(None, error=original)
    v = VirtualNDArray(nplike, (3,), np.int64, gen, buffer_key="threads.err")
    results, errors = _touch_together(v, lambda a: a.materialize())
    for err in errors:
        # the generator's own exception, naming the buffer once however many threads raised it
        assert err is original
        assert "".join(err.__notes__).count("threads.err") == 1
    assert not v.is_materialized
    # each caller retried under the lock: no caller saw a half-built cache
    assert gen.calls == N_THREADS
