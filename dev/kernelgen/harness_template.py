"""Runs the specification's test cases against one implementation of a kernel.

Implementations: the Python reference (the spec's `definition:`), the C++ kernel
(awkward_cpp._ext.<symbol>), the CUDA kernel (cupy.RawModule over the family's .cu file) and
the numpy backend's kernel wrapper (which must raise ValueError on kernel errors).
"""

import functools
import math
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
CUDA_KERNELS_DIR = REPO / "awkward" / "_connect" / "cuda" / "kernels"
CUDA_NO_ERROR = np.iinfo(np.int64).max  # initial value of a CUDA kernel's `err` slot
CUDA_BLOCK = 256
CUDA_MAX_BLOCKS = 1024
UNWRITTEN = 123  # fills output buffers, so that a kernel that skips an element is caught


def length_of(expression, scalars):
    return int(eval(str(expression), {"__builtins__": {}}, dict(scalars)))


class Kernel:
    """One family's argument layout and error table, as the spec gives them."""

    def __init__(self, family, args, errors, cuda_threads):
        self.family = family
        self.args = args
        self.errors = dict(errors)  # key -> message
        self.messages = [message for _, message in errors]  # CUDA error code - 1 -> message
        self.cuda_threads = cuda_threads

    def scalars_from_args(self, call_args):
        return {a["name"]: v for a, v in zip(self.args, call_args) if not a["pointer"]}

    def scalars(self, case):
        return {a["name"]: case["inputs"][a["name"]] for a in self.args if not a["pointer"]}

    def build(self, spec, case):
        """Positional call arguments: numpy arrays for pointers, Python ints/bools for scalars."""
        scalars = self.scalars(case)
        call_args = []
        for arg in self.args:
            name = arg["name"]
            if not arg["pointer"]:
                call_args.append(case["inputs"][name])
                continue
            dtype = np.dtype(spec["dtypes"][name])
            if name in case["inputs"]:
                array = np.array(case["inputs"][name], dtype=dtype)
            else:
                fill = 1 if dtype.kind == "b" else UNWRITTEN
                array = np.full(max(length_of(arg["min_length"], scalars), 0), fill, dtype=dtype)
            call_args.append(array)
        return call_args

    def check(self, runner, spec, case):
        call_args = self.build(spec, case)
        result = runner(self, spec, call_args)
        if case["error"] is not None:
            expected = (self.errors[case["error"]["key"]], case["error"]["index"])
            assert result == expected, f"{self.family}: expected error {expected}, got {result}"
            return
        assert result is None, f"{self.family}: unexpected error {result}"
        for position, arg in enumerate(self.args):
            if arg["name"] in case["outputs"]:
                got = call_args[position]
                want = np.array(case["outputs"][arg["name"]], dtype=got.dtype)
                assert same_values(got, want), f"{arg['name']}: got {got}, expected {want}"

    def check_backend_error(self, spec, case):
        backend_module = pytest.importorskip("awkward._backends.numpy")
        backend = backend_module.NumpyBackend.instance()
        dtypes = [np.dtype(spec["dtypes"][a["name"]]).type for a in self.args if a["pointer"]]
        kernel = backend[(self.family, *dtypes)]
        call_args = self.build(spec, case)
        with pytest.raises(ValueError) as info:
            kernel(*call_args)
        text = str(info.value)
        message = self.errors[case["error"]["key"]]
        assert self.family in text, text
        assert message in text, text
        if case["error"]["index"] >= 0:
            assert str(case["error"]["index"]) in text, text


def same_values(got, want):
    """Equal element by element; for floats NaN equals NaN and the sign of zero counts
    (a stable sort must keep -0.0 and 0.0 in their order)."""
    if got.dtype.kind != "f":
        return got.tolist() == want.tolist()
    return bool(
        np.array_equal(got, want, equal_nan=True)
        and np.array_equal(np.signbit(got), np.signbit(want))
    )


def run_reference(function):
    def runner(kernel, spec, call_args):
        result = function(*call_args)
        if result is None:
            return None
        key, index = result
        return (kernel.errors[key], index)

    return runner


def run_cpp(symbol):
    def runner(kernel, spec, call_args):
        ext = pytest.importorskip("awkward_cpp._ext")
        result = getattr(ext, symbol)(*call_args)
        assert result is None or (isinstance(result, tuple) and len(result) == 2)
        return result

    return runner


def cuda_available():
    try:
        import cupy
    except ImportError:
        return False
    try:
        return cupy.cuda.runtime.getDeviceCount() > 0
    except Exception:
        return False


def require_cuda(spec):
    if not spec["has_cuda"]:
        pytest.skip("no CUDA implementation")
    if not cuda_available():
        pytest.skip("cupy and a CUDA device are needed")


@functools.cache
def cuda_module(family):
    import cupy

    source = (CUDA_KERNELS_DIR / f"{family}.cu").read_text()
    return cupy.RawModule(code=source, options=(f"-I{CUDA_KERNELS_DIR}",))


def cuda_launch_shape(threads):
    """Every kernel strides over its range, so any shape is correct; this one is the convention."""
    blocks = min(max(math.ceil(threads / CUDA_BLOCK), 1), CUDA_MAX_BLOCKS)
    return (blocks,), (CUDA_BLOCK,)


def decode_cuda_error(value, messages):
    value = int(value)
    if value == CUDA_NO_ERROR:
        return None
    code, index = value & 0xFF, (value >> 8) - 1
    return (messages[code - 1], index)


def run_cuda(family, symbol, threads_expression):
    def runner(kernel, spec, call_args):
        import cupy

        device_args = []
        for arg, value in zip(kernel.args, call_args):
            if arg["pointer"]:
                device_args.append(cupy.asarray(value))
            elif arg["type"] == "bool":
                device_args.append(np.bool_(value))
            else:
                device_args.append(np.int64(value))
        err = cupy.full(1, CUDA_NO_ERROR, dtype=np.int64)
        threads = length_of(threads_expression, kernel.scalars_from_args(call_args))
        grid, block = cuda_launch_shape(threads)
        cuda_module(family).get_function(symbol)(grid, block, (*device_args, err))
        cupy.cuda.runtime.deviceSynchronize()
        for arg, host, device in zip(kernel.args, call_args, device_args):
            if arg["pointer"] and arg["dir"] == "out":
                np.copyto(host, cupy.asnumpy(device))
        return decode_cuda_error(err.get()[0], kernel.messages)

    return runner


def check_cpp_rejects_bad_arguments(kernel, symbol, spec, case):
    """Wrong dtype, short, strided, read-only or non-buffer arguments raise before the call."""
    ext = pytest.importorskip("awkward_cpp._ext")
    function = getattr(ext, symbol)
    good = kernel.build(spec, case)
    scalars = kernel.scalars(case)

    def call_with(position, value):
        args = list(good)
        args[position] = value
        return function(*args)

    for position, arg in enumerate(kernel.args):
        name = arg["name"]
        if not arg["pointer"]:
            with pytest.raises(TypeError, match=f"{symbol}.*'{name}'"):
                call_with(position, 1.5)
            if arg["type"] == "int64_t":
                with pytest.raises(ValueError, match=f"{symbol}.*'{name}'.*int64"):
                    call_with(position, 2**70)
            continue
        array = good[position]
        need = length_of(arg["min_length"], scalars)
        wrong = np.float64 if array.dtype != np.float64 else np.int8
        with pytest.raises(TypeError, match=f"{symbol}.*'{name}'.*{array.dtype.name}"):
            call_with(position, array.astype(wrong))
        with pytest.raises(TypeError, match=f"{symbol}.*'{name}'"):
            call_with(position, array.tolist())
        if need > 0:
            with pytest.raises(ValueError, match=f"{symbol}.*'{name}'.*{need}"):
                call_with(position, array[: need - 1].copy())
        if len(array) > 1:
            with pytest.raises(ValueError, match=f"{symbol}.*'{name}'.*C-contiguous"):
                call_with(position, np.repeat(array, 2)[::2])
        if arg["dir"] == "out":
            frozen = array.copy()
            frozen.flags.writeable = False
            with pytest.raises(ValueError, match=f"{symbol}.*'{name}'.*writable"):
                call_with(position, frozen)


def check_cpp_survives_negative_scalars(kernel, symbol, spec, case):
    """Any int argument set to -1 gives a ValueError or a kernel error, never a crash."""
    ext = pytest.importorskip("awkward_cpp._ext")
    function = getattr(ext, symbol)
    for position, arg in enumerate(kernel.args):
        if arg["type"] != "int64_t":
            continue
        args = kernel.build(spec, case)
        args[position] = -1
        try:
            result = function(*args)
        except ValueError as err:
            assert symbol in str(err)
        else:
            assert result is None or isinstance(result, tuple)
