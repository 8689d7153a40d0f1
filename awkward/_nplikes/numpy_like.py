"""The NumpyLike protocol: everything layouts and operations need from an array library.

``NumpyLike`` implements it once on top of an array module (``self._module``: numpy or cupy);
``Numpy`` and ``Cupy`` only choose the module and patch the few places where they differ.

Choke point for virtual buffers: every method that reads values passes its array arguments
through ``maybe_materialize`` first. Methods that only need metadata (``*_like`` constructors,
``is_c_contiguous``) and lazy-safe ones (``asarray`` without a conversion, ``ascontiguousarray``
of a contiguous virtual array, ``reshape`` of a contiguous known shape) keep virtual arrays lazy.
The protocol is deliberately narrow: add a method when a caller needs it.
"""

from __future__ import annotations

import threading
from typing import Any, NamedTuple

import numpy

from awkward._nplikes import buffer_cache
from awkward._nplikes.array_like import MaterializableArray, maybe_materialize
from awkward._nplikes.placeholder import PlaceholderArray
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.virtual import VirtualNDArray

__all__ = ["NumpyLike", "NumpyMetadata", "UniqueAllResult"]

_INSTANCE_LOCK = threading.Lock()


class UniqueAllResult(NamedTuple):
    values: Any
    indices: Any
    inverse_indices: Any
    counts: Any

_NUMPY_HAS_COPY_KEYWORD = numpy.lib.NumpyVersion(numpy.__version__) >= "2.0.0"


def _m(x):
    return x.materialize() if isinstance(x, MaterializableArray) else x


class NumpyMetadata:
    """numpy's non-array names (dtypes, ufunc types) without going through an nplike."""

    __slots__ = ()

    def __getattr__(self, name):
        return getattr(numpy, name)

    @classmethod
    def instance(cls):
        return _NUMPY_METADATA


_NUMPY_METADATA = NumpyMetadata()


class NumpyLike:
    """Base of the concrete nplikes; subclasses provide ``_module`` (the array module)."""

    __slots__ = ()

    _module = numpy
    known_data: bool = True
    is_eager: bool = True
    supports_structured_dtypes: bool = True
    supports_virtual_arrays: bool = True

    _instance = None

    @classmethod
    def instance(cls):
        """The shared instance of this nplike (created on first use)."""
        inst = cls.__dict__.get("_instance")
        if inst is None:
            with _INSTANCE_LOCK:
                inst = cls.__dict__.get("_instance")
                if inst is None:
                    inst = cls()
                    cls._instance = inst
        return inst

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    def __eq__(self, other):
        return type(self) is type(other)

    def __hash__(self):
        return hash(type(self))

    def __reduce__(self):
        return (_nplike_instance, (type(self),))

    @property
    def ndarray(self):
        return self._module.ndarray

    @classmethod
    def is_own_array_type(cls, type_: type) -> bool:
        raise NotImplementedError

    @classmethod
    def is_own_array(cls, obj) -> bool:
        """True for this library's arrays and for virtual/placeholder arrays belonging to it."""
        if isinstance(obj, (VirtualNDArray, PlaceholderArray)):
            return isinstance(obj.nplike, cls)
        return cls.is_own_array_type(type(obj))

    # ------------------------------------------------------------------ creation
    def asarray(self, obj, *, dtype=None, copy=None):
        """Convert to an array of this library. An unmaterialized virtual array stays virtual:
        a cast or a copy (``copy`` None or True) is applied when it is first touched; a
        materialized one gives its plain data (converted as asked)."""
        if isinstance(obj, (VirtualNDArray, PlaceholderArray)):
            if obj.nplike is not self and type(obj.nplike) is not type(self):
                raise TypeError(
                    f"{obj!r} belongs to {obj.nplike!r}, not {self!r}; move arrays between "
                    "backends with ak.to_backend"
                )
            same = dtype is None or numpy.dtype(dtype) == obj.dtype
            if isinstance(obj, VirtualNDArray) and obj.is_materialized:
                obj = obj.materialize()
            elif copy is False and not same:
                raise ValueError(
                    f"asarray(copy=False) cannot change the dtype of a virtual array (from "
                    f"{obj.dtype} to {numpy.dtype(dtype)}): that needs a copy; use copy=None"
                )
            elif same and copy is not True:
                return obj
            elif isinstance(obj, VirtualNDArray):
                return obj.lazy_cast(obj.dtype if same else dtype)
            else:
                obj = obj.materialize()  # a placeholder refuses, naming itself
        return self._asarray(obj, dtype, copy)

    def _asarray(self, obj, dtype, copy):
        module = self._module
        if copy:
            return module.array(obj, dtype=dtype, copy=True)
        if copy is False:
            if _NUMPY_HAS_COPY_KEYWORD or module is not numpy:
                return module.asarray(obj, dtype=dtype, copy=False)
            out = module.asarray(obj, dtype=dtype)
            if out is not obj and not (isinstance(obj, module.ndarray) and out.base is obj):
                raise ValueError("asarray(copy=False) would need a copy")
            return out
        return module.asarray(obj, dtype=dtype)

    def ascontiguousarray(self, x):
        if isinstance(x, PlaceholderArray):
            return x
        if isinstance(x, VirtualNDArray):
            if x.is_c_contiguous:
                return x
            x = x.materialize()
        return self._module.ascontiguousarray(x)

    def frombuffer(self, buffer, *, dtype=None, count=-1):
        return self._module.frombuffer(
            _m(buffer), dtype=numpy.float64 if dtype is None else dtype, count=count
        )

    def empty(self, shape, *, dtype=None):
        if self._module is numpy and isinstance(shape, int) and shape >= buffer_cache.MIN_ITEMS:
            return buffer_cache.call(numpy.empty, (shape,), {"dtype": dtype})  # a kernel's output
        return self._module.empty(shape, dtype=dtype)

    def zeros(self, shape, *, dtype=None):
        return self._module.zeros(shape, dtype=dtype)

    def ones(self, shape, *, dtype=None):
        return self._module.ones(shape, dtype=dtype)

    def full(self, shape, fill_value, *, dtype=None):
        return self._module.full(shape, _m(fill_value), dtype=dtype)

    # the *_like constructors read only shape and dtype: virtual arrays stay lazy
    def empty_like(self, x, *, dtype=None):
        return self._module.empty(x.shape, dtype=x.dtype if dtype is None else dtype)

    def zeros_like(self, x, *, dtype=None):
        return self._module.zeros(x.shape, dtype=x.dtype if dtype is None else dtype)

    def ones_like(self, x, *, dtype=None):
        return self._module.ones(x.shape, dtype=x.dtype if dtype is None else dtype)

    def full_like(self, x, fill_value, *, dtype=None):
        return self._module.full(x.shape, _m(fill_value), dtype=x.dtype if dtype is None else dtype)

    def arange(self, start, stop=None, step=1, *, dtype=None):
        if stop is None:
            return self._module.arange(start, dtype=dtype)
        return self._module.arange(start, stop, step, dtype=dtype)

    # ------------------------------------------------------------------ shape manipulation
    def reshape(self, x, shape, *, copy=None):
        if isinstance(x, VirtualNDArray) and copy is not True:
            lazy = x.reshape_lazily(shape)
            if lazy is not None:
                return lazy
        x = _m(x)
        if copy:
            return self._module.reshape(x, shape).copy()
        out = self._module.reshape(x, shape)
        if copy is False and not self._shares_memory_view(out, x):
            raise ValueError("reshape(copy=False) would need a copy")
        return out

    @staticmethod
    def _shares_memory_view(out, x):
        return out is x or out.base is x or (x.base is not None and out.base is x.base)

    def broadcast_to(self, x, shape):
        return self._module.broadcast_to(_m(x), shape)

    def broadcast_arrays(self, *arrays):
        return list(self._module.broadcast_arrays(*maybe_materialize(*arrays)))

    def concat(self, arrays, *, axis=0):
        return self._module.concatenate(maybe_materialize(*arrays), axis=axis)

    def stack(self, arrays, *, axis=0):
        return self._module.stack(maybe_materialize(*arrays), axis=axis)

    def repeat(self, x, repeats, *, axis=None):
        x, repeats = maybe_materialize(x, repeats)
        return self._module.repeat(x, repeats, axis=axis)

    # ------------------------------------------------------------------ value-dependent
    def searchsorted(self, x, values, *, side="left", sorter=None):
        x, values, sorter = maybe_materialize(x, values, sorter)
        return self._module.searchsorted(x, values, side=side, sorter=sorter)

    def cumsum(self, x, *, axis=None, maybe_out=None):
        return self._module.cumsum(_m(x), axis=axis, out=_m(maybe_out))

    def nonzero(self, x):
        return self._module.nonzero(_m(x))

    def unique_values(self, x):
        return self._module.unique(_m(x))

    def sort(self, x, *, axis=-1, descending=False, stable=True):
        out = self._module.sort(_m(x), axis=axis, kind="stable" if stable else None)
        return self._module.flip(out, axis=axis) if descending else out

    def argsort(self, x, *, axis=-1, descending=False, stable=True):
        x = _m(x)
        if descending:
            # stable descending order: sort the reversed array, then map indices back
            flipped = self._module.flip(x, axis=axis)
            out = self._module.argsort(flipped, axis=axis, kind="stable" if stable else None)
            out = self._module.flip(out, axis=axis)
            return (x.shape[axis] - 1) - out
        return self._module.argsort(x, axis=axis, kind="stable" if stable else None)

    def where(self, condition, x1, x2):
        return self._module.where(*maybe_materialize(condition, x1, x2))

    def logical_and(self, x1, x2, maybe_out=None):
        return self._module.logical_and(*maybe_materialize(x1, x2), out=_m(maybe_out))

    def logical_or(self, x1, x2, maybe_out=None):
        return self._module.logical_or(*maybe_materialize(x1, x2), out=_m(maybe_out))

    def logical_not(self, x, maybe_out=None):
        return self._module.logical_not(_m(x), out=_m(maybe_out))

    def min(self, x, *, axis=None, keepdims=False, maybe_out=None):
        return self._module.min(_m(x), axis=axis, keepdims=keepdims, out=_m(maybe_out))

    def max(self, x, *, axis=None, keepdims=False, maybe_out=None):
        return self._module.max(_m(x), axis=axis, keepdims=keepdims, out=_m(maybe_out))

    def all(self, x, *, axis=None, keepdims=False, maybe_out=None):
        return self._module.all(_m(x), axis=axis, keepdims=keepdims, out=_m(maybe_out))

    def any(self, x, *, axis=None, keepdims=False, maybe_out=None):
        return self._module.any(_m(x), axis=axis, keepdims=keepdims, out=_m(maybe_out))

    def sum(self, x, *, axis=None, keepdims=False, maybe_out=None, dtype=None):
        return self._module.sum(_m(x), axis=axis, keepdims=keepdims, out=_m(maybe_out), dtype=dtype)

    def count_nonzero(self, x, *, axis=None):
        return self._module.count_nonzero(_m(x), axis=axis)

    def isclose(self, x1, x2, *, rtol=1e-05, atol=1e-08, equal_nan=False):
        x1, x2 = maybe_materialize(x1, x2)
        return self._module.isclose(x1, x2, rtol=rtol, atol=atol, equal_nan=equal_nan)

    def array_equal(self, x1, x2, *, equal_nan=False) -> bool:
        x1, x2 = maybe_materialize(x1, x2)
        if not equal_nan and x1.dtype == x2.dtype:  # what array_equal does, minus its overhead
            if x1.shape != x2.shape:
                return False
            if x1.dtype.kind in "iu" and x1.size <= 4096 and type(x1) is type(x2) is numpy.ndarray:
                return x1.tobytes() == x2.tobytes()  # small integers: equal bytes, equal values
            return bool((x1 == x2).all())
        return bool(self._module.array_equal(x1, x2, equal_nan=equal_nan))

    def astype(self, x, dtype, *, copy=True):
        if isinstance(x, VirtualNDArray) and not copy and numpy.dtype(dtype) == x.dtype:
            return x
        return _m(x).astype(dtype, copy=copy)

    def apply_ufunc(self, ufunc, method, args, kwargs=None):
        """Call ``ufunc.method(*args, **kwargs)`` on materialized arguments."""
        args = maybe_materialize(*args)
        if kwargs:
            kwargs = dict(kwargs)
            out = kwargs.get("out")
            if out is not None:
                kwargs["out"] = maybe_materialize(*out) if isinstance(out, tuple) else _m(out)
        else:
            kwargs = {}
        function = getattr(ufunc, method)
        if self._module is numpy and buffer_cache.ENABLED and buffer_cache.has_large(args):
            return buffer_cache.call(function, args, kwargs)  # large outputs reuse freed buffers
        return function(*args, **kwargs)

    # ufunc-like methods that downstream code calls (with virtual arguments): one implementation
    def _elementwise(self, name, args, maybe_out=None, **kwargs):
        if maybe_out is not None:
            kwargs["out"] = _m(maybe_out)
        return getattr(self._module, name)(*maybe_materialize(*args), **kwargs)

    def add(self, x1, x2, maybe_out=None):
        return self._elementwise("add", (x1, x2), maybe_out)

    def divide(self, x1, x2, maybe_out=None):
        return self._elementwise("divide", (x1, x2), maybe_out)

    def minimum(self, x1, x2, maybe_out=None):
        return self._elementwise("minimum", (x1, x2), maybe_out)

    def maximum(self, x1, x2, maybe_out=None):
        return self._elementwise("maximum", (x1, x2), maybe_out)

    def sqrt(self, x, maybe_out=None):
        return self._elementwise("sqrt", (x,), maybe_out)

    def exp(self, x, maybe_out=None):
        return self._elementwise("exp", (x,), maybe_out)

    def isnan(self, x):
        return self._elementwise("isnan", (x,))

    def real(self, x):
        return self._elementwise("real", (x,))

    def angle(self, x, deg=False):
        return self._elementwise("angle", (x,), deg=deg)

    def round(self, x, decimals=0):
        return self._elementwise("round", (x,), decimals=decimals)

    def nan_to_num(self, x, *, copy=True, nan=0.0, posinf=None, neginf=None):
        return self._elementwise("nan_to_num", (x,), copy=copy, nan=nan, posinf=posinf, neginf=neginf)

    def meshgrid(self, *arrays, indexing="xy"):
        return self._elementwise("meshgrid", arrays, indexing=indexing)

    def can_cast(self, from_, to, casting="same_kind") -> bool:
        """Reads dtypes only: a (virtual) array stands for its dtype and is not materialized."""
        from_, to = (x if isinstance(x, (type, str, numpy.dtype)) else x.dtype for x in (from_, to))
        return bool(numpy.can_cast(from_, to, casting=casting))

    def unique_all(self, x):
        """(values, indices, inverse_indices, counts) of the flattened array, as the array API."""
        x = _m(x)
        values, indices, inverse, counts = self._module.unique(
            x, return_index=True, return_inverse=True, return_counts=True
        )
        return UniqueAllResult(values, indices, self._module.reshape(inverse, x.shape), counts)

    def strides(self, x):
        """Metadata: exact for an unmaterialized virtual array without running its generator."""
        return tuple(x.strides)

    def array_str(self, x, *, max_line_width=None, precision=None, suppress_small=None):
        """Text of the values; an unread virtual buffer prints ``??`` (printing reads nothing)."""
        if isinstance(x, MaterializableArray) and not x.is_materialized:
            return "??" if x.ndim == 0 else "[?? ... ??]"
        return self._module.array_str(
            _m(x), max_line_width=max_line_width, precision=precision, suppress_small=suppress_small
        )

    @staticmethod
    def derive_slice_for_length(slice_, length):
        """(start, stop, step, number of items) of ``slice_`` over ``length`` items."""
        if length is unknown_length:
            raise TypeError("cannot interpret unknown lengths as concrete index values")
        start, stop, step = slice_.indices(length)
        return start, stop, step, len(range(start, stop, step))

    # (uproot's RNTuple writer converts between scalar index values and shape items with these)
    def index_as_shape_item(self, x1):
        return int(_m(x1))

    def shape_item_as_index(self, x1):
        if x1 is unknown_length:
            raise TypeError("cannot interpret unknown lengths as concrete index values")
        return int(x1)

    def packbits(self, x, *, axis=None, bitorder="big"):
        return self._module.packbits(_m(x), axis=axis, bitorder=bitorder)

    def unpackbits(self, x, *, axis=None, count=None, bitorder="big"):
        return self._module.unpackbits(_m(x), axis=axis, count=count, bitorder=bitorder)

    def byteswap(self, x):
        return _m(x).byteswap(inplace=False)

    # ------------------------------------------------------------------ memory (metadata)
    def is_c_contiguous(self, x) -> bool:
        if isinstance(x, VirtualNDArray):
            return x.is_c_contiguous
        if isinstance(x, PlaceholderArray):
            return True
        try:
            return bool(x.flags["C_CONTIGUOUS"])
        except AttributeError:  # a jax array handed to the numpy index nplike: always contiguous
            return True

    def memory_ptr(self, x) -> int:
        return int(_m(x).ctypes.data)

    def same_buffer(self, x, y) -> bool:
        """True when ``x`` and ``y`` hold the same values by construction, decided from
        metadata alone (no generator runs): the same object, the same view of one virtual
        root, or concrete arrays over the same memory with the same dtype/shape/strides.
        False means "not known to be the same", not "different"."""
        if x is y:
            return True
        if isinstance(x, VirtualNDArray) or isinstance(y, VirtualNDArray):
            if not (isinstance(x, VirtualNDArray) and isinstance(y, VirtualNDArray)):
                return False
            return (
                (x if x._root is None else x._root) is (y if y._root is None else y._root)
                and x._transforms == y._transforms
                and x._dtype == y._dtype
                and len(x._shape) == len(y._shape)
                # unknown_length refuses == with ints: compare item by item
                and all(a is b or (type(a) is int and type(b) is int and a == b) for a, b in zip(x._shape, y._shape))
            )
        if isinstance(x, PlaceholderArray) or isinstance(y, PlaceholderArray):
            return False
        # (small arrays: comparing values is as cheap as asking for the memory address)
        return (
            x.size > 4096
            and x.dtype == y.dtype
            and x.shape == y.shape
            and x.strides == y.strides
            and self.memory_ptr(x) == self.memory_ptr(y)
        )


def _nplike_instance(cls):
    return cls.instance()
