"""Without cupy, or with cupy but no CUDA device, every way into the cuda backend is a clear
error naming what is missing (issue 18 item 5). Runs everywhere: cupy is hidden (or faked with no
device) through sys.modules, so the result does not depend on what this machine has.
"""

from __future__ import annotations

import sys
import types

import numpy as np
import pytest

import awkward as ak
from awkward._backends.cupy import CupyBackend
from awkward._nplikes.cupy import Cupy

DATA = [[1.5, 2.5], [], [3.5]]


def _from_buffers(lazy):
    form, length, container = ak.to_buffers(ak.Array(DATA))
    if lazy:
        container = {key: (lambda value=value: value) for key, value in container.items()}
    return ak.from_buffers(form, length, container, backend="cuda")


ENTRY_POINTS = {
    "to_backend": lambda: ak.to_backend(ak.Array(DATA), "cuda"),
    "to_backend_layout": lambda: ak.to_backend(ak.Array(DATA).layout, "cuda", highlevel=False),
    "Array_backend": lambda: ak.Array(DATA, backend="cuda"),
    "from_numpy_backend": lambda: ak.Array(np.arange(3), backend="cuda"),
    "from_buffers": lambda: _from_buffers(lazy=False),
    "from_buffers_virtual": lambda: _from_buffers(lazy=True),
    "to_cupy": lambda: ak.to_cupy(ak.Array([1, 2, 3])),
}


@pytest.fixture
def fresh_cuda_singletons(monkeypatch):
    """Forget a Cupy/CupyBackend made earlier in this process (their creation is what fails)."""
    for cls in (Cupy, CupyBackend):
        if "_instance" in cls.__dict__:
            monkeypatch.delattr(cls, "_instance")


class _NoDeviceRuntime:
    def __init__(self, count=0, error=None):
        self._count, self._error = count, error

    def getDeviceCount(self):
        if self._error is not None:
            raise self._error
        return self._count


def _fake_cupy(**kwargs):
    module = types.ModuleType("cupy")
    module.ndarray = type("ndarray", (), {})
    module.cuda = types.SimpleNamespace(runtime=_NoDeviceRuntime(**kwargs))
    return module


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
def test_without_cupy(name, monkeypatch, fresh_cuda_singletons):
    monkeypatch.setitem(sys.modules, "cupy", None)  # `import cupy` raises ModuleNotFoundError
    with pytest.raises(ModuleNotFoundError, match="cupy") as info:
        ENTRY_POINTS[name]()
    assert "pip install" in str(info.value)


@pytest.mark.parametrize("name", sorted(set(ENTRY_POINTS) - {"to_cupy"}))
@pytest.mark.parametrize(
    "fake", [dict(count=0), dict(error=RuntimeError("cudaErrorNoDevice: no CUDA-capable device"))],
    ids=["zero_devices", "driver_error"],
)
def test_cupy_without_a_device(name, fake, monkeypatch, fresh_cuda_singletons):
    monkeypatch.setitem(sys.modules, "cupy", _fake_cupy(**fake))
    with pytest.raises(RuntimeError, match="no CUDA device is available for the cuda backend"):
        ENTRY_POINTS[name]()


def test_cpu_arrays_are_untouched_by_a_failed_move(monkeypatch, fresh_cuda_singletons):
    monkeypatch.setitem(sys.modules, "cupy", None)
    array = ak.Array(DATA)
    with pytest.raises(ModuleNotFoundError):
        ak.to_backend(array, "cuda")
    assert ak.backend(array) == "cpu" and array.to_list() == DATA


def test_index_moves_device_arrays_to_the_host_through_get():
    """numpy.asarray refuses cupy arrays; moving an Index to the cpu goes through ``.get()``."""
    from awkward._nplikes.numpy import Numpy
    from awkward.index import _moved

    class DeviceArray:  # what cupy.ndarray offers for the move
        def __init__(self, host):
            self._host = host

        def get(self):
            return self._host

        def __array__(self, *args, **kwargs):
            raise TypeError("Implicit conversion to a NumPy array is not allowed")

    moved = _moved(DeviceArray(np.array([0, 2, 3])), Numpy.instance())
    assert isinstance(moved, np.ndarray) and moved.tolist() == [0, 2, 3]
