"""Kernel callables: the one place where compiled (C++ or CUDA) kernels are called from.

A backend's ``backend[family, *dtypes]`` returns one of these. Calling it

1. materializes every virtual argument (VirtualNDArray; a PlaceholderArray raises
   RuntimeError naming its buffer), so no kernel ever sees a lazy buffer,
2. unwraps ``awkward.index.Index`` arguments to their buffers,
3. checks that every array argument belongs to this backend's nplike and has the dtype
   of the specialization (a cupy array on the cpu backend is a TypeError naming the
   kernel and the argument),
4. calls the kernel and turns its error result ``(message, index)`` into a
   ``KernelError`` (a ValueError) naming the kernel, the problem and the position.

Hot path on the cpu backend: the awkward_cpp bindings check dtype, C-contiguity,
writability and minimum lengths of every buffer before the loop runs, and reject
anything that is not a buffer with TypeError. So a NumpyKernel calls the binding
directly and only on a TypeError (nothing has run yet) goes through ``_prepare_slow``,
which materializes/unwraps/checks and calls again. CUDA kernels have no such binding,
so CudaComputeKernel always prepares its arguments in Python (a launch costs more anyway).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from awkward._nplikes.array_like import MaterializableArray

__all__ = [
    "KernelSpec",
    "KernelError",
    "BaseKernel",
    "NumpyKernel",
    "CupyKernel",
    "CudaComputeKernel",
    "TypeTracerKernel",
]


class KernelError(ValueError):
    """A kernel reported bad input (message and position come from the kernel)."""


class KernelSpec:
    """What a backend needs to know about one specialization of a kernel family.

    ``args`` is ``((name, ctype, direction), ...)`` in call order; an argument whose ctype
    is a pointer (ends with "*") takes an array, every other one a Python int.
    ``dtypes`` are the numpy dtype names of the pointer arguments, in order;
    ``min_lengths`` per argument a length expression over the int arguments (or None).
    """

    __slots__ = (
        "family",
        "dtypes",
        "symbol",
        "args",
        "has_cuda",
        "min_lengths",
        "cuda_threads",
        "errors",
        "pointer_positions",
        "arg_names",
        "_length_checker",
    )

    def __init__(
        self,
        family: str,
        dtypes: tuple[str, ...],
        symbol: str,
        args: tuple[tuple[str, str, str], ...],
        has_cuda: bool = False,
        min_lengths: tuple[str | None, ...] | None = None,
        cuda_threads: str | None = None,
        errors: tuple[str, ...] = (),
    ):
        self.family = family
        self.dtypes = tuple(dtypes)
        self.symbol = symbol
        self.args = tuple(tuple(a) for a in args)
        self.has_cuda = bool(has_cuda)
        self.min_lengths = tuple(min_lengths) if min_lengths is not None else (None,) * len(args)
        self.cuda_threads = cuda_threads
        self.errors = tuple(errors)
        self.arg_names = tuple(a[0] for a in self.args)
        self.pointer_positions = tuple(
            i for i, a in enumerate(self.args) if a[1].replace(" ", "").endswith("*")
        )
        self._length_checker = None
        if len(self.pointer_positions) != len(self.dtypes):
            raise ValueError(
                f"kernel {symbol}: {len(self.pointer_positions)} pointer arguments but "
                f"{len(self.dtypes)} dtypes {self.dtypes}"
            )

    def signature(self) -> str:
        parts = []
        dtype_iter = iter(self.dtypes)
        for name, ctype, _ in self.args:
            if "*" in ctype:
                parts.append(f"{name}: {next(dtype_iter)}[]")
            else:
                parts.append(f"{name}: {'bool' if ctype.strip() == 'bool' else 'int'}")
        return f"{self.family}({', '.join(parts)})"

    def is_output(self, position: int) -> bool:
        return self.args[position][2] != "in"

    def required_lengths(self, args: tuple) -> tuple[tuple[int, int, str], ...]:
        """``(position, minimum length, expression)`` for every buffer with a min_length,
        evaluated over the scalar arguments of ``args`` (used where no binding checks it)."""
        checker = self._length_checker
        if checker is None:
            checker = self._length_checker = self._compile_length_checker()
        return checker(args)

    def _compile_length_checker(self) -> Callable[[tuple], tuple]:
        scalar_names = [
            (i, name) for i, name in enumerate(self.arg_names) if i not in self.pointer_positions
        ]
        compiled = [
            (pos, compile(expr, f"<min_length of {self.symbol}.{self.arg_names[pos]}>", "eval"), expr)
            for pos, expr in enumerate(self.min_lengths)
            if expr is not None and pos in self.pointer_positions
        ]

        def checker(args: tuple) -> tuple:
            scope = {name: int(args[i]) for i, name in scalar_names}
            return tuple((pos, eval(code, {"__builtins__": {}}, scope), expr) for pos, code, expr in compiled)

        return checker

    def __repr__(self) -> str:
        return f"<KernelSpec {self.symbol}: {self.signature()}>"


def _type_name(obj: Any) -> str:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


class BaseKernel:
    """A callable for one specialization on one backend (see the module docstring)."""

    __slots__ = ("_spec", "_impl", "_nplike", "_array_type", "_expected_dtypes", "_backend_name")

    def __init__(self, spec: KernelSpec, impl: Callable, nplike, backend_name: str):
        from awkward._nplikes.dtypes import dtype as to_dtype

        self._spec = spec
        self._impl = impl
        self._nplike = nplike
        self._array_type = nplike.ndarray
        self._expected_dtypes = tuple(to_dtype(d) for d in spec.dtypes)
        self._backend_name = backend_name

    @property
    def spec(self) -> KernelSpec:
        return self._spec

    @property
    def nplike(self):
        return self._nplike

    @property
    def impl(self) -> Callable:
        """The underlying compiled callable (no checks, no materialization): do not call it."""
        return self._impl

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._spec.symbol} ({self._backend_name})>"

    def _prepare_slow(self, args: tuple) -> tuple:
        """Materialize, unwrap and check every array argument; return the arguments to pass."""
        spec = self._spec
        if len(args) != len(spec.args):
            raise TypeError(
                f"{spec.family} takes {len(spec.args)} arguments "
                f"({', '.join(spec.arg_names)}), got {len(args)}"
            )
        out = list(args)
        family, names, array_type = spec.family, spec.arg_names, self._array_type
        for slot, pos in enumerate(spec.pointer_positions):
            arg = out[pos]
            name = names[pos]
            if getattr(arg, "_is_awkward_index", False):  # an awkward Index: pass its buffer
                arg = arg.data
            if isinstance(arg, MaterializableArray):
                owner = arg.nplike
                if owner is not self._nplike and type(owner) is not type(self._nplike):
                    # another backend's lazy buffer: refuse before running its generator
                    raise TypeError(
                        f"{family}: argument {name!r} is a lazy buffer of "
                        f"{type(owner).__name__}, but this is the {self._backend_name!r} backend; "
                        "move the array with ak.to_backend first"
                    )
                arg = arg.materialize()
            if not isinstance(arg, array_type):
                hint = (
                    "; move the array with ak.to_backend first"
                    if hasattr(arg, "dtype") and hasattr(arg, "shape")
                    else ""
                )
                raise TypeError(
                    f"{family}: argument {name!r} must be an array of the "
                    f"{self._backend_name!r} backend ({array_type.__module__}."
                    f"{array_type.__qualname__}), not {_type_name(arg)}{hint}"
                )
            expected = self._expected_dtypes[slot]
            if arg.dtype != expected:
                raise TypeError(
                    f"{family}: argument {name!r} must have dtype {expected}, not {arg.dtype} "
                    f"(specialization {spec.symbol})"
                )
            out[pos] = arg
        return tuple(out)

    def _raise(self, result) -> None:
        spec = self._spec
        try:
            message, index = result
        except (TypeError, ValueError):
            message, index = str(result), -1
        where = "" if index is None or int(index) < 0 else f" (at index {int(index)})"
        raise KernelError(f"{spec.family}: {message}{where} [kernel {spec.symbol}]")

    def __call__(self, *args):
        raise NotImplementedError


class NumpyKernel(BaseKernel):
    """A C++ kernel from awkward_cpp called on numpy arrays."""

    __slots__ = ()

    def __call__(self, *args):
        try:
            result = self._impl(*args)
        except TypeError:
            # The binding rejected an argument before running (lazy buffer, Index, foreign
            # array, wrong dtype): prepare the arguments (raising a clear error if they cannot
            # be used) and call again.
            result = self._impl(*self._prepare_slow(args))
        if result is not None:
            self._raise(result)


class CupyKernel(BaseKernel):
    """A kernel implemented with cupy array operations (no compiled source)."""

    __slots__ = ()

    def __call__(self, *args):
        result = self._impl(*self._prepare_slow(args))
        if result is not None:
            self._raise(result)


class CudaComputeKernel(BaseKernel):
    """A CUDA kernel compiled from awkward/_connect/cuda/kernels through cupy.RawModule.

    ``impl`` is a launcher from awkward._connect.cuda.loader: it takes the prepared
    arguments and returns None or ``(message, index)``. Nothing checks buffers on the
    device side, so dtype, contiguity, writability and minimum lengths are checked here.
    """

    __slots__ = ()

    def __call__(self, *args):
        args = self._prepare_slow(args)
        spec = self._spec
        for pos in spec.pointer_positions:
            if not args[pos].flags.c_contiguous:
                raise ValueError(f"{spec.symbol}: argument {spec.arg_names[pos]!r} must be C-contiguous")
        for pos, need, expr in spec.required_lengths(args):
            have = args[pos].size
            if need < 0:
                raise ValueError(
                    f"{spec.symbol}: argument {spec.arg_names[pos]!r} would need a negative "
                    f"length ({expr} = {need})"
                )
            if have < need:
                raise ValueError(
                    f"{spec.symbol}: argument {spec.arg_names[pos]!r} has {have} items but "
                    f"needs at least {expr} = {need}"
                )
        result = self._impl(*args)
        if result is not None:
            self._raise(result)


class TypeTracerKernel(BaseKernel):
    """A kernel on the typetracer backend: touches the data of every array argument (what
    running it would read, or write) and computes nothing; outputs keep unknown values."""

    __slots__ = ()

    def __call__(self, *args):
        spec = self._spec
        if len(args) != len(spec.args):
            raise TypeError(
                f"{spec.family} takes {len(spec.args)} arguments "
                f"({', '.join(spec.arg_names)}), got {len(args)}"
            )
        for pos in spec.pointer_positions:
            arg = args[pos]
            if getattr(arg, "_is_awkward_index", False):
                arg = arg.data
            touch = getattr(arg, "touch_data", None)
            if touch is not None:
                touch()
            elif isinstance(arg, MaterializableArray):  # a virtual buffer of another nplike
                raise TypeError(
                    f"{spec.family}: argument {spec.arg_names[pos]!r} is a lazy buffer of "
                    f"{type(arg.nplike).__name__}, but this is the 'typetracer' backend; "
                    "move the array with ak.to_backend first"
                )
