"""unknown_length, the NumpyLike methods (concrete vs virtual inputs), dispatch and Cupy."""

from __future__ import annotations

import copy
import importlib.util
import pickle

import numpy as np
import pytest

from awkward._nplikes.cupy import Cupy
from awkward._nplikes.dispatch import nplike_of_obj
from awkward._nplikes.numpy import Numpy
from awkward._nplikes.shape import UnknownLength, is_known_shape, unknown_length
from awkward._nplikes.virtual import VirtualNDArray
from awkward._util import UNSET

nplike = Numpy.instance()


# ---------------------------------------------------------------- unknown_length
def test_unknown_length_arithmetic():
    u = unknown_length
    for result in (u + 1, 1 + u, u - 3, 3 - u, u * 2, 2 * u, u // 4, 4 // u, u + u, u * u):
        assert result is u
    assert u + np.int64(1) is u
    assert np.int64(1) + u is u
    for bad in (lambda: u + 1.5, lambda: u / 2, lambda: u % 2, lambda: -u, lambda: u**2):
        with pytest.raises(TypeError):
            bad()


def test_unknown_length_comparisons_and_conversions():
    u = unknown_length
    assert u == u
    assert not (u != u)
    assert (3, u) == (3, u)
    for bad in (lambda: u == 1, lambda: u != 1, lambda: u < 1, lambda: u >= u, lambda: max(u, 3)):
        with pytest.raises(TypeError, match="unknown length"):
            bad()
    for convert in (int, float, bool, lambda x: [0][x]):
        with pytest.raises(TypeError, match="unknown length"):
            convert(u)


def test_unknown_length_is_a_singleton():
    assert UnknownLength() is unknown_length
    assert copy.copy(unknown_length) is unknown_length
    assert copy.deepcopy(unknown_length) is unknown_length
    assert pickle.loads(pickle.dumps(unknown_length)) is unknown_length
    assert str(unknown_length) == "##"
    assert "unknown_length" in repr(unknown_length)
    assert hash(unknown_length) == hash(unknown_length)
    assert is_known_shape((1, 2))
    assert not is_known_shape((1, unknown_length))


# ---------------------------------------------------------------- nplike singletons and dispatch
def test_numpy_instance_and_flags():
    assert Numpy.instance() is Numpy.instance()
    assert nplike.supports_virtual_arrays
    assert nplike.known_data
    assert nplike.ndarray is np.ndarray
    assert Numpy.is_own_array_type(np.ndarray)
    assert not Numpy.is_own_array_type(list)
    assert Numpy.is_own_array(np.zeros(1))
    assert not Numpy.is_own_array([1])
    assert pickle.loads(pickle.dumps(nplike)) is nplike


def test_nplike_of_obj():
    v = VirtualNDArray(nplike, (1,), np.int64, lambda: np.zeros(1, np.int64))
    assert nplike_of_obj(np.zeros(3)) is nplike
    assert nplike_of_obj(v) is nplike
    assert nplike.is_own_array(v)
    with pytest.raises(TypeError, match="list"):
        nplike_of_obj([1, 2])
    assert nplike_of_obj([1, 2], default=None) is None
    assert nplike_of_obj(5, default=UNSET.__class__) is UNSET.__class__


@pytest.mark.skipif(importlib.util.find_spec("cupy") is not None, reason="cupy is installed")
def test_cupy_missing_is_a_clear_error():
    with pytest.raises(ModuleNotFoundError, match="cupy is not installed"):
        Cupy.instance()
    assert not Cupy.is_own_array_type(np.ndarray)


# ---------------------------------------------------------------- asarray & friends
class Counting:
    def __init__(self, data):
        self.data = data
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.data


def virtual(data):
    gen = Counting(np.ascontiguousarray(data))
    return VirtualNDArray(nplike, data.shape, data.dtype, gen, buffer_key="t"), gen


def test_asarray_keeps_virtual_unless_conversion():
    data = np.arange(5, dtype=np.int64)
    v, gen = virtual(data)
    assert nplike.asarray(v) is v
    assert nplike.asarray(v, dtype=np.int64) is v
    assert gen.calls == 0
    # issue 21: a cast or a copy of an unmaterialized buffer stays lazy until touched
    converted = nplike.asarray(v, dtype=np.float64)
    assert isinstance(converted, VirtualNDArray) and converted.dtype == np.float64
    copied = nplike.asarray(v, copy=True)
    assert isinstance(copied, VirtualNDArray)
    assert gen.calls == 0
    assert converted.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]
    copied[0] = 99
    assert v[0] == 0
    assert gen.calls == 1
    with pytest.raises(ValueError, match="copy=False"):
        nplike.asarray(v.copy(), dtype=np.float64, copy=False)
    assert nplike.asarray([1, 2], dtype=np.int8).dtype == np.int8
    with pytest.raises(ValueError):
        nplike.asarray(np.arange(3), dtype=np.float64, copy=False)


def test_metadata_functions_stay_lazy():
    data = np.arange(12, dtype=np.int32)
    v, gen = virtual(data)
    assert nplike.is_c_contiguous(v)
    assert not nplike.is_c_contiguous(v[::2])
    assert nplike.ascontiguousarray(v) is v
    assert nplike.zeros_like(v).shape == (12,)
    assert nplike.full_like(v, 3, dtype=np.int8).tolist() == [3] * 12
    r = nplike.reshape(v, (3, -1))
    assert isinstance(r, VirtualNDArray) and r.shape == (3, 4)
    assert nplike.astype(v, np.int32, copy=False) is v
    assert gen.calls == 0
    assert r.tolist() == data.reshape(3, 4).tolist()
    assert nplike.ascontiguousarray(v[::2]).tolist() == data[::2].tolist()


VALUE_FUNCTIONS = {
    "cumsum": lambda n, a, b: n.cumsum(a),
    "searchsorted": lambda n, a, b: n.searchsorted(a, b, side="right"),
    "concat": lambda n, a, b: n.concat([a, b]),
    "stack": lambda n, a, b: n.stack([a, b]),
    "repeat": lambda n, a, b: n.repeat(a, b % 3),
    "nonzero": lambda n, a, b: n.nonzero(a)[0],
    "unique_values": lambda n, a, b: n.unique_values(b),
    "sort": lambda n, a, b: n.sort(b, descending=True),
    "argsort": lambda n, a, b: n.argsort(b),
    "argsort_desc": lambda n, a, b: n.argsort(b, descending=True),
    "where": lambda n, a, b: n.where(a > 3, a, b),
    "logical_and": lambda n, a, b: n.logical_and(a > 2, b > 2),
    "logical_or": lambda n, a, b: n.logical_or(a > 2, b > 2),
    "logical_not": lambda n, a, b: n.logical_not(a > 2),
    "min": lambda n, a, b: n.min(a),
    "max": lambda n, a, b: n.max(b, keepdims=True),
    "all": lambda n, a, b: n.all(a),
    "any": lambda n, a, b: n.any(b),
    "sum": lambda n, a, b: n.sum(a, dtype=np.float64),
    "count_nonzero": lambda n, a, b: n.count_nonzero(a),
    "isclose": lambda n, a, b: n.isclose(a, b),
    "array_equal": lambda n, a, b: n.array_equal(a, b),
    "astype": lambda n, a, b: n.astype(a, np.float32),
    "apply_ufunc": lambda n, a, b: n.apply_ufunc(np.add, "__call__", [a, b]),
    "apply_reduce": lambda n, a, b: n.apply_ufunc(np.maximum, "reduce", [b]),
    "broadcast_to": lambda n, a, b: n.broadcast_to(a, (2, 7)),
    "broadcast_arrays": lambda n, a, b: n.broadcast_arrays(a, b)[1],
    "packbits": lambda n, a, b: n.packbits(n.astype(a, np.uint8), bitorder="little"),
    "unpackbits": lambda n, a, b: n.unpackbits(n.astype(a, np.uint8)),
    "byteswap": lambda n, a, b: n.byteswap(a),
    "frombuffer": lambda n, a, b: n.frombuffer(a, dtype=np.int32),
}


@pytest.mark.parametrize("name", sorted(VALUE_FUNCTIONS))
def test_value_functions_materialize_and_match_concrete(name):
    a = np.array([0, 5, 2, 7, 1, 3, 9], dtype=np.int64)
    b = np.array([1, 5, 2, 2, 8, 8, 0], dtype=np.int64)
    func = VALUE_FUNCTIONS[name]
    expected = func(nplike, a, b)
    va, gen_a = virtual(a)
    vb, gen_b = virtual(b)
    got = func(nplike, va, vb)
    assert not isinstance(got, VirtualNDArray) or got.is_materialized
    np.testing.assert_array_equal(np.asarray(got), np.asarray(expected))
    assert gen_a.calls + gen_b.calls >= 1


def test_sort_and_argsort_descending_are_stable():
    x = np.array([3, 1, 3, 2, 1], dtype=np.int64)
    assert nplike.sort(x, descending=True).tolist() == [3, 3, 2, 1, 1]
    order = nplike.argsort(x, descending=True)
    assert x[order].tolist() == [3, 3, 2, 1, 1]


def test_output_arguments_accept_virtual_arrays():
    a = np.arange(4, dtype=np.int64)
    out, _ = virtual(np.zeros(4, dtype=np.int64))
    nplike.cumsum(a, maybe_out=out)
    assert out.tolist() == [0, 1, 3, 6]


def test_memory_ptr_and_creation():
    data = np.arange(3, dtype=np.int64)
    v, gen = virtual(data)
    assert nplike.memory_ptr(v) == v.materialize().ctypes.data
    assert nplike.arange(5).tolist() == [0, 1, 2, 3, 4]
    assert nplike.arange(1, 7, 2, dtype=np.int8).dtype == np.int8
    assert nplike.full(3, 2.5).tolist() == [2.5] * 3
    assert nplike.empty((2, 2), dtype=np.int8).shape == (2, 2)
    assert nplike.ones(2, dtype=np.bool_).tolist() == [True, True]
    assert nplike.zeros(2).dtype == np.float64


def test_asarray_rejects_other_nplike_virtual():
    class OtherNumpy(Numpy):
        __slots__ = ()

    other = OtherNumpy()
    v = VirtualNDArray(other, (1,), np.int64, lambda: np.zeros(1, np.int64))
    with pytest.raises(TypeError, match="to_backend"):
        nplike.asarray(v)


# ---------------------------------------------------------------- Cupy without a GPU (fake module)
class _FakeRuntime:
    def __init__(self, count=None, error=None):
        self.count = count
        self.error = error

    def getDeviceCount(self):
        if self.error is not None:
            raise self.error
        return self.count


def _fake_cupy(count=None, error=None):
    import types

    fake = types.ModuleType("cupy")
    for name in ("ndarray", "asarray", "ascontiguousarray", "uint8", "cumsum", "packbits"):
        setattr(fake, name, getattr(np, name))
    fake.cuda = types.SimpleNamespace(runtime=_FakeRuntime(count, error))
    return fake


@pytest.mark.parametrize(
    "fake", [lambda: _fake_cupy(count=0), lambda: _fake_cupy(error=OSError("driver missing"))]
)
def test_cupy_without_device_is_a_clear_error(monkeypatch, fake):
    monkeypatch.setitem(__import__("sys").modules, "cupy", fake())
    with pytest.raises(RuntimeError, match="no CUDA device"):
        Cupy()


def test_cupy_shared_methods_run_on_its_module(monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "cupy", _fake_cupy(count=1))
    cp = Cupy()
    x = np.array([1, 256, 65536], dtype=np.int32)
    np.testing.assert_array_equal(cp.byteswap(x), x.byteswap())
    np.testing.assert_array_equal(cp.frombuffer(x.tobytes(), dtype=np.int32), x)
    v = VirtualNDArray(cp, (3,), np.int32, lambda: x)
    np.testing.assert_array_equal(cp.cumsum(v), np.cumsum(x))
    assert cp.is_c_contiguous(v)
