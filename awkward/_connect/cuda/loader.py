"""Load the CUDA kernels (awkward/_connect/cuda/kernels/<family>.cu) through cupy.RawModule.

Each family's file is compiled on first use, once per device, and cached; nothing is
compiled (and cupy is not imported) until a cuda-backend kernel is called. The launch
convention (see kernels/awkward_cuda.h): the kernel takes the C++ kernel's arguments
plus a trailing ``int64_t* err`` preset to AWKWARD_CUDA_NO_ERROR; a failure stores
``((index + 1) << 8) | code`` with atomicMin, and ``code`` is the 1-based position of the
message in the family's error list (kernel_registry.ERRORS). Messages therefore come from
the specification, never from parsing the source.
"""

from __future__ import annotations

import os
import threading
from typing import Any

import numpy

KERNEL_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kernels")
NO_ERROR = 0x7FFFFFFFFFFFFFFF
THREADS_PER_BLOCK = 256
MAX_BLOCKS = 1024

_modules: dict[tuple[int, str], Any] = {}
_functions: dict[tuple[int, str], Any] = {}
_lock = threading.Lock()

# scalar C types of kernel arguments -> the numpy scalar type RawKernel needs to pass them
_SCALAR_TYPES = {
    "int64_t": numpy.int64,
    "int32_t": numpy.int32,
    "int8_t": numpy.int8,
    "uint8_t": numpy.uint8,
    "uint32_t": numpy.uint32,
    "uint64_t": numpy.uint64,
    "bool": numpy.bool_,
    "double": numpy.float64,
    "float": numpy.float32,
}


def source_path(family: str) -> str:
    from awkward._generated.kernel_registry import CUDA_SOURCES

    return os.path.join(KERNEL_DIR, CUDA_SOURCES.get(family, f"{family}.cu"))


def launch_shape(threads: int) -> tuple[int, int]:
    """(blocks, threads per block) for a grid-stride kernel over ``threads`` items."""
    blocks = -(-max(int(threads), 0) // THREADS_PER_BLOCK)
    return min(max(blocks, 1), MAX_BLOCKS), THREADS_PER_BLOCK


def decode_error(value: int, errors: tuple[str, ...], family: str) -> tuple[str, int] | None:
    """The kernel's error word -> None (success) or (message, index)."""
    value = int(value)
    if value == NO_ERROR:
        return None
    code = value & 0xFF
    index = (value >> 8) - 1
    if 1 <= code <= len(errors):
        return errors[code - 1], index
    return f"unknown error code {code} reported by the CUDA kernel of {family}", index


def _compile(family: str, device_id: int):
    import cupy

    path = source_path(family)
    try:
        with open(path, encoding="utf-8") as file:
            source = file.read()
    except FileNotFoundError as err:
        raise NotImplementedError(
            f"no CUDA source for kernel family {family} (expected {path})"
        ) from err
    return cupy.RawModule(code=source, options=("-I" + KERNEL_DIR, "--std=c++14"))


def get_function(family: str, symbol: str):
    """The compiled kernel ``symbol`` of ``family`` on the current device (cached)."""
    import cupy

    device_id = cupy.cuda.runtime.getDevice()
    key = (device_id, symbol)
    function = _functions.get(key)
    if function is not None:
        return function
    with _lock:
        module = _modules.get((device_id, family))
        if module is None:
            module = _compile(family, device_id)
            _modules[device_id, family] = module
        function = module.get_function(symbol)  # compiles on first access
        _functions[key] = function
    return function


class Launcher:
    """Calls one CUDA kernel specialization: prepared cupy arrays and ints in, error out."""

    __slots__ = ("_spec", "_scalar_positions", "_threads_code")

    def __init__(self, spec):
        self._spec = spec
        self._scalar_positions = tuple(
            (i, _SCALAR_TYPES.get(ctype.replace("const", "").strip(), numpy.int64))
            for i, (_, ctype, _) in enumerate(spec.args)
            if i not in spec.pointer_positions
        )
        expr = spec.cuda_threads if spec.cuda_threads is not None else "1"
        self._threads_code = compile(str(expr), f"<cuda threads of {spec.symbol}>", "eval")

    def threads(self, args: tuple) -> int:
        scope = {self._spec.arg_names[i]: int(args[i]) for i, _ in self._scalar_positions}
        return int(eval(self._threads_code, {"__builtins__": {}}, scope))

    def __call__(self, *args):
        import cupy

        spec = self._spec
        function = get_function(spec.family, spec.symbol)
        call_args = list(args)
        for i, scalar_type in self._scalar_positions:
            call_args[i] = scalar_type(args[i])
        err = cupy.full(1, NO_ERROR, dtype=cupy.int64)
        call_args.append(err)
        blocks, per_block = launch_shape(self.threads(args))
        function((blocks,), (per_block,), tuple(call_args))
        return decode_error(int(err.get()[0]), spec.errors, spec.family)


def make_launcher(spec):
    """The launcher of one specialization: cupy's own primitives for the families listed in
    cupy_kernels.OVERRIDES (running sums, counts), the family's .cu kernel otherwise."""
    from awkward._connect.cuda.cupy_kernels import OVERRIDES, CupyLauncher

    if spec.family in OVERRIDES:
        return CupyLauncher(spec)
    return Launcher(spec)
