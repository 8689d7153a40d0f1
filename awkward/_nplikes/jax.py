"""The jax nplike (backend "jax", deprecated in awkward 2.14 as here).

jax arrays cannot be written in place, and awkward's structure code fills arrays it allocated
(offsets, carries), so this nplike keeps two kinds of arrays apart:

* data at rest in a layout (NumpyArray buffers) are jax arrays (or jax tracers inside
  ``jax.grad``): ``asarray`` of anything else gives a jax array;
* scratch arrays (``empty``, ``zeros``, ``arange``, ...) and the results of the reading methods
  are numpy arrays, computed by numpy over the jax arrays' host memory, as the cpu backend does;
  the backend's Index nplike is numpy (structure buffers are numpy arrays on both backends).

The methods that move data values (``concat``, ``where``, ``astype``, ``reshape``, the ufuncs,
``__getitem__`` on the arrays themselves) stay in jax.numpy when an argument is a jax array, so
``jax.grad`` follows them; kernels and reading methods see numpy views (a tracer there is a
clear error naming the kernel). jax is imported only when this nplike is first created.
"""

from __future__ import annotations

import sys
import warnings

import numpy

from awkward._nplikes.array_like import MaterializableArray, maybe_materialize
from awkward._nplikes.numpy_like import NumpyLike

__all__ = ["DEPRECATION_MESSAGE", "Jax", "import_jax", "is_jax_array", "warn_deprecated"]

DEPRECATION_MESSAGE = (
    "The JAX backend is deprecated and will be removed in a future release of Awkward "
    "Array. Please plan to migrate your code accordingly."
)


def warn_deprecated(stacklevel: int = 3) -> None:
    warnings.warn(DEPRECATION_MESSAGE, DeprecationWarning, stacklevel=stacklevel)


def import_jax(*, require_x64: bool = True):
    """The jax module, or an ImportError saying what to install (and, as 2.14, a RuntimeError
    when 64-bit dtypes are off)."""
    try:
        import jax
    except ModuleNotFoundError as err:
        raise ModuleNotFoundError(
            "install the 'jax' package to use the JAX features of Awkward Array:\n\n"
            "    pip install jax\n\n(or `pip install jax[cpu]`)"
        ) from err
    if require_x64 and not jax.config.jax_enable_x64:
        raise RuntimeError(
            "The JAX backend requires 64-bit dtypes. You can enable them with "
            "jax.config.update('jax_enable_x64', True) or by setting JAX_ENABLE_X64=1."
        )
    return jax


def _jax_types():
    jax = sys.modules.get("jax")
    if jax is None:
        return None
    return jax.Array, jax.core.Tracer


def is_jax_array(obj) -> bool:
    """A jax array or tracer (False without importing jax when jax is not imported)."""
    types = _jax_types()
    return types is not None and isinstance(obj, types)


def _is_tracer(obj) -> bool:
    jax = sys.modules.get("jax")
    return jax is not None and isinstance(obj, jax.core.Tracer)


def _m(x):
    return x.materialize() if isinstance(x, MaterializableArray) else x


def to_host(x, where: str = "this operation", *, primal_ok: bool = False):
    """A numpy view of a concrete jax array (other arrays unchanged); a tracer is an error:
    ``where`` has no derivative. ``primal_ok``: a tracer of ``jax.grad`` gives its primal
    value (for results that have no derivative: positions, booleans, counts)."""
    x = _m(x)
    while primal_ok and _is_tracer(x) and hasattr(x, "primal"):
        x = x.primal
    if _is_tracer(x):
        raise ValueError(
            f"Encountered {x!r} as an (invalid) input to {where}: it is not differentiable "
            "by JAX (only ufuncs, reducers sum/prod/min/max and data-moving operations are)"
        )
    if is_jax_array(x):
        return numpy.asarray(x)
    return x


class Jax(NumpyLike):
    """jax.numpy for data, numpy for scratch and reading; ``Jax.instance()``."""

    __slots__ = ("_jnp",)

    _module = numpy
    supports_structured_dtypes = False

    def __init__(self):
        import_jax(require_x64=False)
        import jax.numpy

        warn_deprecated(stacklevel=4)
        self._jnp = jax.numpy

    @property
    def ndarray(self):
        return sys.modules["jax"].Array

    @classmethod
    def is_own_array_type(cls, type_: type) -> bool:
        types = _jax_types()
        return types is not None and issubclass(type_, types)

    @classmethod
    def is_own_array(cls, obj) -> bool:
        if isinstance(obj, MaterializableArray):
            return super().is_own_array(obj)
        return is_jax_array(obj)

    @property
    def ma(self):
        raise ValueError("jax has no masked arrays (numpy.ma); use the cpu backend")

    @property
    def char(self):
        raise ValueError("jax has no string routines (numpy.char); use the cpu backend")

    # ------------------------------------------------------------------ data at rest: jax
    def _asarray(self, obj, dtype, copy):
        if is_jax_array(obj):
            if dtype is not None and numpy.dtype(dtype) != obj.dtype:
                return obj.astype(dtype)
            return obj
        if copy is False and not is_jax_array(obj):
            raise ValueError("asarray(copy=False): a jax array cannot share numpy's memory")
        return self._jnp.asarray(numpy.asarray(obj, dtype=dtype))

    def _any_jax(self, arrays) -> bool:
        return any(is_jax_array(x) for x in arrays)

    def ascontiguousarray(self, x):
        if is_jax_array(x):
            return x  # jax arrays are always contiguous
        return super().ascontiguousarray(x)

    def reshape(self, x, shape, *, copy=None):
        if is_jax_array(x):
            return self._jnp.reshape(x, shape)
        return super().reshape(x, shape, copy=copy)

    def broadcast_to(self, x, shape):
        x = _m(x)
        if is_jax_array(x):
            return self._jnp.broadcast_to(x, shape)
        return super().broadcast_to(x, shape)

    def concat(self, arrays, *, axis=0):
        arrays = maybe_materialize(*arrays)
        if self._any_jax(arrays):
            return self._jnp.concatenate(arrays, axis=axis)
        return super().concat(arrays, axis=axis)

    def stack(self, arrays, *, axis=0):
        arrays = maybe_materialize(*arrays)
        if self._any_jax(arrays):
            return self._jnp.stack(arrays, axis=axis)
        return super().stack(arrays, axis=axis)

    def where(self, condition, x1, x2):
        args = maybe_materialize(condition, x1, x2)
        if self._any_jax(args[1:]):
            return self._jnp.where(to_host(args[0], "where's condition"), args[1], args[2])
        return super().where(*(to_host(a) for a in args))

    def astype(self, x, dtype, *, copy=True):
        x = _m(x)
        if is_jax_array(x):
            return x if numpy.dtype(dtype) == x.dtype and not copy else x.astype(dtype)
        return super().astype(x, dtype, copy=copy)

    def apply_ufunc(self, ufunc, method, args, kwargs=None):
        """A numpy ufunc through its jax.numpy twin (differentiable) when an argument is a
        jax array; numpy otherwise."""
        args = maybe_materialize(*args)
        if method == "__call__" and not kwargs and self._any_jax(args):
            twin = getattr(self._jnp, ufunc.__name__, None)
            if twin is not None:
                return twin(*args)
        return super().apply_ufunc(ufunc, method, [to_host(a, f"numpy.{ufunc.__name__}") for a in args], kwargs)

    def _elementwise(self, name, args, maybe_out=None, **kwargs):
        args = maybe_materialize(*args)
        if maybe_out is None and self._any_jax(args):
            return getattr(self._jnp, name)(*args, **kwargs)
        return super()._elementwise(name, [to_host(a, name) for a in args], maybe_out, **kwargs)

    # ------------------------------------------------------------------ memory (metadata)
    def is_c_contiguous(self, x) -> bool:
        if is_jax_array(x):
            return True
        return super().is_c_contiguous(x)

    def memory_ptr(self, x) -> int:
        return int(to_host(x, "memory_ptr").ctypes.data)

    def strides(self, x):
        if is_jax_array(x):
            itemsize = x.dtype.itemsize
            out = []
            for extent in reversed(x.shape):
                out.append(itemsize)
                itemsize *= extent
            return tuple(reversed(out))
        return super().strides(x)

    def same_buffer(self, x, y) -> bool:
        if is_jax_array(x) or is_jax_array(y):
            return x is y
        return super().same_buffer(x, y)

    # ------------------------------------------------------------------ reductions
    def segment_reduce(self, kind, data, starts, stops, dtype, identity=None):
        """sum/prod/min/max of every ``data[starts[i]:stops[i]]`` with jax's segment
        reductions (differentiable); ``identity`` bounds min/max as the kernels' start value."""
        import jax

        starts = numpy.asarray(to_host(starts), dtype=numpy.int64)
        counts = numpy.asarray(to_host(stops), dtype=numpy.int64) - starts
        n = starts.shape[0]
        ids = numpy.repeat(numpy.arange(n, dtype=numpy.int64), counts)
        within = numpy.arange(ids.shape[0], dtype=numpy.int64) - numpy.repeat(
            numpy.cumsum(counts) - counts, counts
        )
        values = _m(data)[numpy.repeat(starts, counts) + within].astype(dtype)
        if kind == "sum":
            return jax.ops.segment_sum(values, ids, num_segments=n)
        if kind == "prod":  # a padded (segments x longest) product: segment_prod has no grad
            longest = int(counts.max()) if n else 0
            column = numpy.arange(longest, dtype=numpy.int64)
            gather = numpy.where(
                column < counts[:, None], (numpy.cumsum(counts) - counts)[:, None] + column, -1
            )
            padded = self._jnp.concatenate([values, self._jnp.ones(1, dtype=dtype)])
            return self._jnp.prod(padded[gather], axis=1)
        if kind == "max":
            out = jax.ops.segment_max(values, ids, num_segments=n)
            return out if identity is None else self._jnp.maximum(out, identity)
        out = jax.ops.segment_min(values, ids, num_segments=n)
        return out if identity is None else self._jnp.minimum(out, identity)
