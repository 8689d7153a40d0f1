"""awkward._backends: the backends, finding an object's backend, names -> backends."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from awkward._backends import Backend
from awkward._backends.dispatch import (
    backend_of,
    backend_of_obj,
    common_backend,
    regularize_backend,
)
from awkward._backends.numpy import NumpyBackend
from awkward._nplikes.numpy import Numpy
from awkward._nplikes.virtual import VirtualNDArray
from awkward.index import Index64

CPU = NumpyBackend.instance()


class OtherBackend(Backend):
    """A second backend for mixing tests (a real one would need cupy and a GPU)."""

    __slots__ = ()
    name = "other"


class HasBackend:
    """Layouts and high-level arrays expose ``.backend``."""

    def __init__(self, backend):
        self.backend = backend


def test_numpy_backend_singleton_and_surface():
    assert NumpyBackend.instance() is CPU
    assert CPU.name == "cpu"
    assert CPU.nplike is Numpy.instance()
    assert CPU.index_nplike is Numpy.instance()
    assert pickle.loads(pickle.dumps(CPU)) is CPU
    assert "cpu" in repr(CPU)


def test_regularize_backend():
    assert regularize_backend("cpu") is CPU
    assert regularize_backend(CPU) is CPU


def test_unknown_backend_name_lists_the_backends():
    with pytest.raises(ValueError) as info:
        regularize_backend("gpu")
    message = str(info.value)
    assert "'gpu'" in message and "'cpu'" in message and "'cuda'" in message


def test_backend_must_be_a_name_or_backend():
    with pytest.raises(TypeError, match="backend must be"):
        regularize_backend(3)


def test_cuda_backend_without_cupy_is_a_clear_error():
    try:
        import cupy  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("cupy is installed")
    with pytest.raises((ImportError, RuntimeError), match="cupy"):
        regularize_backend("cuda")


def test_backend_of_obj():
    assert backend_of_obj(np.arange(3)) is CPU
    assert backend_of_obj(Index64([1, 2])) is CPU
    assert backend_of_obj(CPU) is CPU
    other = OtherBackend.instance()
    assert backend_of_obj(HasBackend(other)) is other


def test_backend_of_virtual_buffer_reads_nothing():
    calls = []

    def generator():
        calls.append(1)
        return np.arange(3)

    data = VirtualNDArray(Numpy.instance(), (3,), np.int64, generator)
    assert backend_of_obj(data) is CPU
    assert backend_of_obj(Index64(data)) is CPU
    assert calls == []


def test_backend_of_obj_unknown_object():
    with pytest.raises(TypeError, match="list"):
        backend_of_obj([1, 2, 3])
    assert backend_of_obj([1, 2, 3], default=None) is None
    assert backend_of_obj("x", default=CPU) is CPU


def test_backend_of_several_objects():
    assert backend_of(np.arange(2), Index64([1]), 5, None) is CPU
    assert backend_of(1, 2, default="nothing") == "nothing"
    with pytest.raises(TypeError, match="none of the objects"):
        backend_of(1, 2)


def test_mixing_backends():
    other = OtherBackend.instance()
    assert common_backend([CPU, CPU]) is CPU
    with pytest.raises(ValueError, match="to_backend"):
        common_backend([CPU, other])
    with pytest.raises(ValueError, match="different backends"):
        backend_of(np.arange(2), HasBackend(other))
    with pytest.raises(ValueError, match="coerce_to_common"):
        backend_of(np.arange(2), HasBackend(other), coerce_to_common=False)
    with pytest.raises(ValueError, match="at least one"):
        common_backend([])


def test_backend_instances_are_per_class():
    assert OtherBackend.instance() is OtherBackend.instance()
    assert OtherBackend.instance() is not CPU
