"""The kernel-dispatch choke point: backend[family, *dtypes](...) on the cpu backend."""

from __future__ import annotations

import os

import awkward_cpp
import numpy as np
import pytest

from awkward._backends.backend import KernelNotFoundError, kernel_specs
from awkward._backends.numpy import NumpyBackend
from awkward._connect.cuda import loader
from awkward._kernels import CudaComputeKernel, KernelError, KernelSpec, NumpyKernel
from awkward._nplikes.numpy import Numpy
from awkward._nplikes.placeholder import PlaceholderArray
from awkward._nplikes.virtual import VirtualNDArray
from awkward.index import Index32, Index64

NUMPY = Numpy.instance()
BACKEND = NumpyBackend.instance()
LIST_NUM = ("awkward_ListArray_num", np.int64, np.int64, np.int64)


class Counter:
    def __init__(self, array):
        self.array = array
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.array


def virtual(array, key="buffer"):
    array = np.asarray(array)
    gen = Counter(array)
    return VirtualNDArray(NUMPY, array.shape, array.dtype, gen, buffer_key=key), gen


class FakeCupyArray:
    """Stands in for a cupy.ndarray where cupy is absent: device memory, no buffer protocol,
    no numpy conversion (like cupy, it refuses implicit conversion to numpy)."""

    def __init__(self, values, dtype):
        self._host = np.asarray(values, dtype=dtype)
        self.dtype = self._host.dtype
        self.shape = self._host.shape

    @property
    def __cuda_array_interface__(self):
        return {"shape": self.shape, "typestr": self.dtype.str, "data": (0, False), "version": 3}

    def __array__(self, *args, **kwargs):
        raise TypeError("Implicit conversion to a NumPy array is not allowed")


class OtherNplike:
    """An nplike that is not numpy (for a lazy buffer belonging to another backend)."""

    ndarray = FakeCupyArray


# ---------------------------------------------------------------------- calling kernels
def test_concrete_call():
    starts = np.array([0, 3, 3, 7], dtype=np.int64)
    stops = np.array([3, 3, 7, 10], dtype=np.int64)
    out = np.empty(4, dtype=np.int64)
    assert BACKEND[LIST_NUM](out, starts, stops, 4) is None
    assert out.tolist() == [3, 0, 4, 3]


def test_virtual_arguments_are_materialized_and_give_the_same_result():
    starts = np.array([0, 3, 3, 7], dtype=np.int64)
    stops = np.array([3, 3, 7, 10], dtype=np.int64)
    expected = np.empty(4, dtype=np.int64)
    BACKEND[LIST_NUM](expected, starts, stops, 4)

    vstarts, starts_gen = virtual(starts, "starts")
    vstops, stops_gen = virtual(stops, "stops")
    out_buffer = np.zeros(4, dtype=np.int64)
    vout, out_gen = virtual(out_buffer, "out")
    assert starts_gen.calls == stops_gen.calls == out_gen.calls == 0
    BACKEND[LIST_NUM](vout, vstarts, vstops, 4)
    assert starts_gen.calls == stops_gen.calls == out_gen.calls == 1
    # the kernel wrote into the output buffer's (cached) data
    assert vout.materialize().tolist() == expected.tolist()
    assert out_gen.calls == 1
    # a second call uses the cached data
    BACKEND[LIST_NUM](vout, vstarts, vstops, 4)
    assert starts_gen.calls == stops_gen.calls == 1


def test_lazy_slices_of_virtual_arguments():
    offsets = np.array([0, 2, 2, 5, 9], dtype=np.int64)
    voffsets, gen = virtual(offsets)
    out = np.empty(4, dtype=np.int64)
    BACKEND[LIST_NUM](out, voffsets[:-1], voffsets[1:], 4)
    assert gen.calls == 1
    assert out.tolist() == np.diff(offsets).tolist()


def test_index_arguments():
    starts = Index64(np.array([1, 2], dtype=np.int64))
    stops = Index64(np.array([4, 2], dtype=np.int64))
    out = Index64.empty(2, NUMPY)
    BACKEND[LIST_NUM](out, starts, stops, 2)
    assert np.asarray(out).tolist() == [3, 0]

    starts32 = Index32(np.array([0, 5], dtype=np.int32))
    stops32 = Index32(np.array([5, 6], dtype=np.int32))
    out = Index64.zeros(2, NUMPY)
    BACKEND["awkward_ListArray_num", np.int64, np.int32, np.int32](out, starts32, stops32, 2)
    assert np.asarray(out).tolist() == [5, 1]


def test_index_with_virtual_data():
    vstarts, gen = virtual(np.array([0, 1, 4], dtype=np.int64))
    out = np.empty(2, dtype=np.int64)
    index = Index64(vstarts)
    BACKEND[LIST_NUM](out, index[:-1], index[1:], 2)
    assert out.tolist() == [1, 3]
    assert gen.calls == 1


def test_kernel_error_names_kernel_problem_and_index():
    out = np.empty(3, dtype=np.int64)
    with pytest.raises(ValueError) as info:
        BACKEND[LIST_NUM](out, np.array([0, 3, 5]), np.array([3, 4, 2]), 3)
    assert isinstance(info.value, KernelError)
    message = str(info.value)
    assert "awkward_ListArray_num" in message
    assert "stops[i] < starts[i]" in message
    assert "at index 2" in message


def test_kernel_error_after_materializing():
    vstops, gen = virtual(np.array([3, 1], dtype=np.int64))
    with pytest.raises(ValueError, match=r"awkward_ListArray_num.*at index 1"):
        BACKEND[LIST_NUM](np.empty(2, np.int64), np.array([0, 2]), vstops, 2)
    assert gen.calls == 1


def test_carry_kernel_error_index():
    kernel = BACKEND["awkward_Index_carry", np.int64, np.int64, np.int64]
    out = np.empty(3, dtype=np.int64)
    with pytest.raises(ValueError, match=r"awkward_Index_carry: .* \(at index 1\)"):
        kernel(out, np.array([10, 20]), np.array([1, 7, 0]), 2, 3)
    kernel(out, np.array([10, 20]), np.array([1, 1, 0]), 2, 3)
    assert out.tolist() == [20, 20, 10]


# ---------------------------------------------------------------------- bad arguments
def test_foreign_gpu_array_on_cpu_backend():
    out = np.empty(2, dtype=np.int64)
    with pytest.raises(TypeError) as info:
        BACKEND[LIST_NUM](out, FakeCupyArray([0, 1], np.int64), np.array([1, 2]), 2)
    message = str(info.value)
    assert "awkward_ListArray_num" in message
    assert "fromstarts" in message
    assert "cpu" in message
    assert "to_backend" in message


def test_real_cupy_array_on_cpu_backend():
    cupy = pytest.importorskip("cupy")
    try:
        starts = cupy.asarray([0, 1], dtype=cupy.int64)
    except Exception as err:  # cupy installed without a usable GPU
        pytest.skip(f"cupy cannot allocate: {err}")
    with pytest.raises(TypeError, match=r"awkward_ListArray_num.*fromstarts.*cpu"):
        BACKEND[LIST_NUM](np.empty(2, np.int64), starts, np.array([1, 2]), 2)


def test_lazy_buffer_of_another_nplike_is_refused_without_reading():
    gen = Counter(np.array([0, 1], dtype=np.int64))
    foreign = VirtualNDArray(OtherNplike(), (2,), np.int64, gen, buffer_key="gpu.starts")
    with pytest.raises(TypeError, match=r"awkward_ListArray_num.*fromstarts.*OtherNplike"):
        BACKEND[LIST_NUM](np.empty(2, np.int64), foreign, np.array([1, 2]), 2)
    assert gen.calls == 0


def test_placeholder_argument_names_its_buffer():
    placeholder = PlaceholderArray(NUMPY, (2,), np.dtype(np.int64), buffer_key="x.starts")
    with pytest.raises(RuntimeError, match="x.starts"):
        BACKEND[LIST_NUM](np.empty(2, np.int64), placeholder, np.array([1, 2]), 2)


def test_wrong_dtype_is_a_type_error():
    with pytest.raises(TypeError, match=r"awkward_ListArray_num.*fromstarts.*int64"):
        BACKEND[LIST_NUM](np.empty(2, np.int64), np.array([0, 1], np.int32), np.array([1, 2]), 2)
    vstarts, _ = virtual(np.array([0, 1], np.int32))
    with pytest.raises(TypeError, match=r"fromstarts.*dtype int64, not int32"):
        BACKEND[LIST_NUM](np.empty(2, np.int64), vstarts, np.array([1, 2]), 2)


def test_wrong_number_of_arguments():
    with pytest.raises(TypeError, match="4"):
        BACKEND[LIST_NUM](np.empty(2, np.int64), np.array([0, 1]))


def test_non_array_argument():
    with pytest.raises(TypeError, match=r"fromstarts.*list"):
        BACKEND[LIST_NUM](np.empty(2, np.int64), [0, 1], np.array([1, 2]), 2)


def test_short_or_strided_buffers_never_reach_the_loop():
    with pytest.raises(ValueError, match="fromstops"):
        BACKEND[LIST_NUM](np.empty(3, np.int64), np.array([0, 1, 2]), np.array([1, 2]), 3)
    with pytest.raises(ValueError, match="contiguous"):
        BACKEND[LIST_NUM](np.empty(2, np.int64), np.arange(4)[::2], np.array([1, 2]), 2)


# ---------------------------------------------------------------------- lookup
def test_lookup_is_cached_across_spellings():
    kernel = BACKEND[LIST_NUM]
    assert isinstance(kernel, NumpyKernel)
    assert BACKEND[LIST_NUM] is kernel
    assert BACKEND["awkward_ListArray_num", "int64", "int64", "int64"] is kernel
    dt = np.dtype(np.int64)
    assert BACKEND["awkward_ListArray_num", dt, dt, dt] is kernel
    assert BACKEND["awkward_ListArray_num", ("int64", "int64", "int64")] is kernel
    assert kernel.spec.symbol == "awkward_ListArray_num_64"


def test_missing_specialization_lists_existing_ones():
    with pytest.raises(KeyError) as info:
        BACKEND["awkward_ListArray_num", np.int64, np.int8, np.int8]
    assert isinstance(info.value, KernelNotFoundError)
    message = str(info.value)
    assert "int8" in message
    for spec in kernel_specs()["awkward_ListArray_num"]:
        assert ", ".join(spec.dtypes) in message


def test_missing_family_suggests_close_names():
    with pytest.raises(KernelNotFoundError, match="awkward_ListArray_num"):
        BACKEND["awkward_ListArray_nom", np.int64, np.int64, np.int64]
    with pytest.raises(KernelNotFoundError, match="no kernel family"):
        BACKEND["not_a_kernel"]


@pytest.mark.parametrize("key", [5, (), (1, 2), ("awkward_ListArray_num", "notadtype")])
def test_malformed_keys(key):
    with pytest.raises(TypeError):
        BACKEND[key]


def test_every_registered_specialization_is_built():
    for family, specs in kernel_specs().items():
        for spec in specs:
            assert hasattr(awkward_cpp._ext, spec.symbol), spec.symbol
            assert BACKEND[(family, *spec.dtypes)].spec is spec


# ---------------------------------------------------------------------- spec helpers, CUDA glue
def test_spec_signature_and_required_lengths():
    spec = kernel_specs()["awkward_Offsets_to_lengths"][-1]
    assert spec.signature().startswith("awkward_Offsets_to_lengths(")
    assert spec.pointer_positions == (0, 1)
    needs = {pos: need for pos, need, _ in spec.required_lengths((None, None, 4))}
    assert needs == {0: 4, 1: 5}


def test_spec_rejects_inconsistent_dtypes():
    with pytest.raises(ValueError, match="pointer"):
        KernelSpec("f", ("int64",), "f_64", (("a", "int64_t*", "out"), ("b", "int64_t*", "in")))


def test_cuda_error_word_decoding_and_launch_shape():
    errors = ("first problem", "second problem")
    assert loader.decode_error(loader.NO_ERROR, errors, "fam") is None
    assert loader.decode_error(((7 + 1) << 8) | 2, errors, "fam") == ("second problem", 7)
    assert loader.decode_error(((-1 + 1) << 8) | 1, errors, "fam") == ("first problem", -1)
    assert "unknown error code 9" in loader.decode_error((1 << 8) | 9, errors, "fam")[0]
    assert loader.launch_shape(0) == (1, 256)
    assert loader.launch_shape(257) == (2, 256)
    assert loader.launch_shape(10**9) == (1024, 256)


def test_cuda_launcher_threads_and_sources():
    for specs in kernel_specs().values():
        for spec in specs:
            if spec.has_cuda:
                assert os.path.exists(loader.source_path(spec.family)), spec.family
    spec = BACKEND[LIST_NUM].spec
    assert loader.Launcher(spec).threads((None, None, None, 7)) == 7


class RecordingImpl:
    """Stands in for a CUDA launcher: records what it is called with, returns a result."""

    def __init__(self, result=None):
        self.result = result
        self.calls = []

    def __call__(self, *args):
        self.calls.append(args)
        return self.result


def test_cuda_kernel_checks_buffers_in_python():
    # The device path has no binding that checks buffers, so CudaComputeKernel does; numpy
    # arrays stand in for device arrays here (the checks only use dtype, flags and size).
    spec = BACKEND[LIST_NUM].spec
    impl = RecordingImpl()
    kernel = CudaComputeKernel(spec, impl, NUMPY, "cuda")
    vstarts, gen = virtual(np.array([0, 1], dtype=np.int64))
    kernel(np.empty(2, np.int64), vstarts, np.array([1, 2]), 2)
    assert gen.calls == 1
    assert not any(isinstance(a, VirtualNDArray) for a in impl.calls[0])
    with pytest.raises(ValueError, match=r"fromstops.*needs at least length = 3"):
        kernel(np.empty(3, np.int64), np.array([0, 1, 2]), np.array([1, 2]), 3)
    with pytest.raises(ValueError, match="contiguous"):
        kernel(np.empty(2, np.int64), np.arange(4)[::2], np.array([1, 2]), 2)
    with pytest.raises(ValueError, match="negative"):
        kernel(np.empty(2, np.int64), np.array([0, 1]), np.array([1, 2]), -1)
    assert len(impl.calls) == 1

    failing = CudaComputeKernel(spec, RecordingImpl(("stops[i] < starts[i]", 4)), NUMPY, "cuda")
    with pytest.raises(KernelError, match=r"awkward_ListArray_num: stops\[i\] < starts\[i\] \(at index 4\)"):
        failing(np.empty(2, np.int64), np.array([0, 1]), np.array([1, 2]), 2)
