"""High-level operations on the cuda backend give the CPU's results (issue 18 items 1, 3, 4).

Skipped unless cupy imports and a CUDA device is present. Every case runs on three inputs built
from the same data: a plain cuda array (ak.to_backend), a virtual cuda array from
ak.from_buffers(..., backend="cuda") whose generators return numpy or cupy arrays, and a virtual
CPU array moved with ak.to_backend (it must stay virtual until touched). Results are moved back
with ak.to_backend(..., "cpu") and compared with the CPU result by to_list().
"""

from __future__ import annotations

import collections
import math

import numpy as np
import pytest

import awkward as ak


def _cuda_available():
    try:
        import cupy

        return cupy.cuda.runtime.getDeviceCount() > 0
    except Exception:
        return False


pytestmark = pytest.mark.skipif(not _cuda_available(), reason="cupy and a CUDA device are needed")

DATA = {
    "floats": [[1.1, 2.2, 3.3], [], [4.4, 5.5], [6.6], [7.7, 8.8, 9.9, 10.1]],
    "ints": [[3, 1, 2], [5], [], [9, 8, 7, 6]],
    "options": [[1.5, None, 3.5], None, [4.5, 5.5], [None]],
    "records": [[{"x": 1, "y": 1.5}, {"x": 2, "y": 2.5}], [], [{"x": 3, "y": 3.5}]],
    "strings": [["one", "two", "three"], [], ["four", "five"]],
}
MODES = ["plain", "virtual_from_buffers", "virtual_to_backend"]


class Counting:
    def __init__(self):
        self.calls = collections.Counter()


def make(data, mode, counter=None):
    import cupy

    cpu = ak.Array(data)
    if mode == "plain":
        return ak.to_backend(cpu, "cuda")
    form, length, container = ak.to_buffers(cpu)

    def generator(key, value, as_cupy):
        def generate():
            if counter is not None:
                counter.calls[key] += 1
            return cupy.asarray(value) if as_cupy else value

        return generate

    lazy = {
        key: generator(key, value, i % 2 == 0) for i, (key, value) in enumerate(container.items())
    }
    if mode == "virtual_from_buffers":
        return ak.from_buffers(form, length, lazy, backend="cuda")
    host = {key: generator(key, value, False) for key, value in container.items()}
    return ak.to_backend(ak.from_buffers(form, length, host), "cuda")


def same(gpu_result, cpu_result):
    if isinstance(cpu_result, ak.Array):
        assert ak.backend(gpu_result) == "cuda"
        got = ak.to_backend(gpu_result, "cpu").to_list()
        want = cpu_result.to_list()
    else:
        got = gpu_result.item() if hasattr(gpu_result, "item") else gpu_result
        want = cpu_result.item() if hasattr(cpu_result, "item") else cpu_result
    assert _close(got, want), (got, want)


def _close(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and (
            math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12) or (math.isnan(a) and math.isnan(b))
        )
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    return a == b


CASES = {
    "floats": {
        "getitem_range": lambda x: x[1:-1],
        "getitem_reversed": lambda x: x[::-1],
        "getitem_carry": lambda x: x[[4, 0, 2]],
        "getitem_first_of_nonempty": lambda x: x[ak.num(x) > 0][:, 0],
        "jagged_mask": lambda x: x[x > 3],
        "jagged_index": lambda x: x[ak.argmax(x, axis=1, keepdims=True)],
        "add_scalar": lambda x: x + 1,
        "multiply_self": lambda x: x * x,
        "broadcast_num": lambda x: x + ak.num(x),
        "ufunc": lambda x: np.sqrt(x),
        "num": lambda x: ak.num(x),
        "flatten": lambda x: ak.flatten(x),
        "pad_none": lambda x: ak.pad_none(x, 3),
        "pad_none_clip": lambda x: ak.pad_none(x, 2, clip=True),
        "fill_none": lambda x: ak.fill_none(ak.pad_none(x, 3), -1.0),
        "concatenate_axis0": lambda x: ak.concatenate([x, x]),
        "concatenate_axis1": lambda x: ak.concatenate([x, x], axis=1),
        "zip": lambda x: ak.zip({"a": x, "b": x * 2}),
        "unflatten": lambda x: ak.unflatten(ak.flatten(x), ak.num(x)),
        "cartesian": lambda x: ak.cartesian([x, x]),
        "combinations": lambda x: ak.combinations(x, 2),
        "local_index": lambda x: ak.local_index(x),
        "firsts": lambda x: ak.firsts(x),
        "singletons": lambda x: ak.singletons(ak.firsts(x)),
        "sum": lambda x: ak.sum(x, axis=1),
        "sum_all": lambda x: ak.sum(x),
        "prod": lambda x: ak.prod(x, axis=1),
        "min": lambda x: ak.min(x, axis=1),
        "max": lambda x: ak.max(x, axis=-1),
        "argmin": lambda x: ak.argmin(x, axis=1),
        "argmax": lambda x: ak.argmax(x, axis=1),
        "any": lambda x: ak.any(x > 5, axis=1),
        "all": lambda x: ak.all(x > 5, axis=1),
        "count": lambda x: ak.count(x, axis=1),
        "count_nonzero": lambda x: ak.count_nonzero(x, axis=1),
        "mean": lambda x: ak.mean(x, axis=1),
        "std": lambda x: ak.std(x, axis=1),
        "sum_axis0": lambda x: ak.sum(x, axis=0),
        "sort": lambda x: ak.sort(x, axis=1),
        "sort_descending": lambda x: ak.sort(x, axis=1, ascending=False),
        "argsort": lambda x: ak.argsort(x, axis=1),
        "where": lambda x: ak.where(x > 3, x, -x),
        "ravel": lambda x: ak.ravel(x),
        "run_lengths": lambda x: ak.run_lengths(ak.flatten(x) > 5),
    },
    "ints": {
        "sum": lambda x: ak.sum(x, axis=1),
        "prod": lambda x: ak.prod(x, axis=1),
        "min": lambda x: ak.min(x, axis=1),
        "max": lambda x: ak.max(x, axis=1),
        "sort": lambda x: ak.sort(x),
        "argsort": lambda x: ak.argsort(x, stable=True),
        "mask": lambda x: x[x % 2 == 0],
        "floor_divide": lambda x: x // 2,
        "values_astype": lambda x: ak.values_astype(x, np.float32),
    },
    "options": {
        "is_none": lambda x: ak.is_none(x),
        "is_none_axis1": lambda x: ak.is_none(x, axis=1),
        "fill_none": lambda x: ak.fill_none(x, 0.0),
        "drop_none": lambda x: ak.drop_none(x),
        "sum": lambda x: ak.sum(x, axis=1),
        "max": lambda x: ak.max(x, axis=1),
        "num": lambda x: ak.num(x, axis=1),
        "add": lambda x: x + 1,
        "sort": lambda x: ak.sort(x),
        "argsort": lambda x: ak.argsort(x),
    },
    "records": {
        "field": lambda x: x.x,
        "fields_add": lambda x: x.x + x.y,
        "zip_back": lambda x: ak.zip({"s": x.x + x.y, "x": x.x}),
        "sum_field": lambda x: ak.sum(x.y, axis=1),
        "flatten": lambda x: ak.flatten(x),
        "unzip": lambda x: ak.unzip(x)[1],
        "with_field": lambda x: ak.with_field(x, x.x * 2, "z"),
    },
    "strings": {
        "num_strings": lambda x: ak.num(x),
        "num_chars": lambda x: ak.num(x, axis=2),
        "equal": lambda x: x == "two",
        "flatten": lambda x: ak.flatten(x),
        "sort": lambda x: ak.sort(x),
        "getitem": lambda x: x[x != "two"],
    },
}
PARAMS = [(data, name) for data, cases in CASES.items() for name in cases]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("data,name", PARAMS, ids=[f"{d}-{n}" for d, n in PARAMS])
def test_operation_matches_cpu(data, name, mode):
    function = CASES[data][name]
    want = function(ak.Array(DATA[data]))
    got = function(make(DATA[data], mode))
    same(got, want)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("data", sorted(DATA))
def test_conversions(data, mode):
    import cupy

    x = make(DATA[data], mode)
    assert ak.backend(x) == "cuda"
    assert x.to_list() == ak.Array(DATA[data]).to_list()
    assert str(x) == str(ak.Array(DATA[data]))
    assert repr(x).split("\n")[0].startswith("<Array")
    back = ak.to_backend(x, "cpu")
    assert ak.backend(back) == "cpu" and back.to_list() == DATA[data]
    if data == "floats":
        regular = ak.to_regular(ak.pad_none(x, 4, clip=True))
        assert regular.to_list() == ak.pad_none(ak.Array(DATA[data]), 4, clip=True).to_list()
        flat = ak.flatten(x)
        as_cupy = ak.to_cupy(flat)
        assert isinstance(as_cupy, cupy.ndarray)
        np.testing.assert_array_equal(cupy.asnumpy(as_cupy), np.array(ak.flatten(ak.Array(DATA[data]))))
        as_numpy = ak.to_numpy(flat)
        np.testing.assert_array_equal(
            cupy.asnumpy(as_numpy) if isinstance(as_numpy, cupy.ndarray) else as_numpy,
            np.array(ak.flatten(ak.Array(DATA[data]))),
        )
        assert ak.from_cupy(as_cupy).to_list() == ak.flatten(ak.Array(DATA[data])).to_list()


def test_array_constructor_with_backend():
    x = ak.Array(DATA["floats"], backend="cuda")
    assert ak.backend(x) == "cuda"
    assert ak.sum(x, axis=1).to_list() == ak.sum(ak.Array(DATA["floats"]), axis=1).to_list()


@pytest.mark.parametrize("mode", ["virtual_from_buffers", "virtual_to_backend"])
def test_virtual_cuda_arrays_stay_virtual_until_touched(mode):
    counter = Counting()
    x = make(DATA["records"], mode, counter)
    assert len(x) == 3 and ak.fields(x) == ["x", "y"]
    str(ak.type(x))
    assert sum(counter.calls.values()) == 0
    assert ak.sum(x.y, axis=1).to_list() == [4.0, 0.0, 3.5]
    assert "node2-data" not in counter.calls  # the other field is not read
    assert max(counter.calls.values()) == 1  # cached: each generator ran once
    x.x.to_list()
    assert max(counter.calls.values()) == 1


def test_virtual_cuda_materialization_is_thread_safe():
    import threading

    counter = Counting()
    x = make(DATA["floats"], "virtual_from_buffers", counter)
    results = []
    threads = [threading.Thread(target=lambda: results.append(ak.sum(x, axis=1).to_list())) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8 and all(r == results[0] for r in results)
    assert max(counter.calls.values()) == 1


def test_kernel_errors_surface_as_the_cpu_error():
    """An invalid layout fails validity checks with the same ValueError on both backends."""
    bad_cpu = ak.contents.ListArray(
        ak.index.Index64(np.array([0, 3])), ak.index.Index64(np.array([2, 1])),
        ak.contents.NumpyArray(np.arange(4.0)),
    )
    bad_gpu = ak.to_backend(bad_cpu, "cuda", highlevel=False)
    assert ak.validity_error(bad_gpu) == ak.validity_error(bad_cpu) != ""


def test_cupy_launchers_match_the_spec_cases():
    """The cupy-primitive kernels (cupy_kernels.OVERRIDES) on the spec cases, with cupy."""
    import importlib.util
    import sys
    from pathlib import Path

    import cupy

    path = Path(__file__).resolve().parent.parent / "tests" / "test_cuda_cupy_kernels.py"
    spec = importlib.util.spec_from_file_location("cuda_cupy_kernel_cases", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for family, specialization, case in module.CASES:
        module.run_case(family, specialization, case, cupy)
    assert "cupy" in sys.modules
