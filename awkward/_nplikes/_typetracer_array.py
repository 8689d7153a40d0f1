"""TypeTracerArray: a buffer with a dtype and a shape (dimensions may be ``unknown_length``) and
no data, and TypeTracerReport, the record of which buffers an operation read.

Touch semantics mirror the virtual buffer (VirtualNDArray) exactly, so that a tracer run and an
eager run over virtual buffers agree on which buffers were read:

* what is lazy for a virtual buffer is a *derivation* here (basic axis-0 slices, ``view``,
  ``.T``, reshape, a dtype change by ``nplike.asarray``): the result keeps the buffer's
  ``form_key`` and ``report``, so reading the derived array later counts as reading the buffer;
* what materializes a virtual buffer (fancy indexing, an integer index, ufuncs, reductions,
  ``materialize()`` itself, a kernel call) *touches data*: the buffer's key goes into
  ``report.data_touched``, and any result is a new tracer without a key (its values are unknown).

A value that must be known in Python (``bool()``, ``int()``, ``tolist()``, ``__array__``)
raises TypeError saying that the data are unknown.
"""

from __future__ import annotations

import numpy
from numpy.lib.mixins import NDArrayOperatorsMixin

from awkward._nplikes._declared import c_strides
from awkward._nplikes.array_like import MaterializableArray
from awkward._nplikes.shape import unknown_length

__all__ = ["TypeTracerArray", "TypeTracerReport", "broadcast_shapes", "unknown_data_error"]

_UNKNOWN = unknown_length


def unknown_data_error(what: str) -> TypeError:
    return TypeError(
        f"cannot {what}: this is a typetracer array, which knows its type (dtype and shape) "
        "but not its data (the data are unknown)"
    )


class TypeTracerReport:
    """The buffers (named by form_key) whose shape or data an operation needed."""

    __slots__ = ("_shape_touched", "_data_touched", "_labels")

    def __init__(self):
        self._shape_touched: dict[str, None] = {}  # dicts keep the order of first touch
        self._data_touched: dict[str, None] = {}
        self._labels = None

    def __repr__(self) -> str:
        return (
            f"<TypeTracerReport with {len(self._shape_touched)} shape_touched, "
            f"{len(self._data_touched)} data_touched>"
        )

    def set_labels(self, labels):
        self._labels = frozenset(labels)

    def touch_shape(self, label: str) -> None:
        self._shape_touched[label] = None

    def touch_data(self, label: str) -> None:
        self._shape_touched[label] = None  # reading the data needs its shape too
        self._data_touched[label] = None

    def commit(self, node_id: str) -> None:
        self.touch_data(node_id)

    @property
    def shape_touched(self) -> list[str]:
        return list(self._shape_touched)

    @property
    def data_touched(self) -> list[str]:
        return list(self._data_touched)

    def shape_touched_in(self, node_ids) -> list[str]:
        wanted = set(node_ids)
        return [x for x in self._shape_touched if x in wanted]

    def data_touched_in(self, node_ids) -> list[str]:
        wanted = set(node_ids)
        return [x for x in self._data_touched if x in wanted]


def _dim_str(dim) -> str:
    return "##" if dim is _UNKNOWN else str(dim)


def _broadcast_two(a, b):
    if a is _UNKNOWN:
        return b if (b is not _UNKNOWN and b != 1) else _UNKNOWN
    if b is _UNKNOWN:
        return a if a != 1 else _UNKNOWN
    if a == b or b == 1:
        return a
    if a == 1:
        return b
    raise ValueError(f"shapes with dimensions {a} and {b} cannot be broadcast together")


def broadcast_shapes(*shapes):
    """numpy's broadcasting rule over shapes whose dimensions may be unknown_length."""
    ndim = max((len(s) for s in shapes), default=0)
    out = [1] * ndim
    for shape in shapes:
        padded = (1,) * (ndim - len(shape)) + tuple(shape)
        out = [_broadcast_two(a, b) for a, b in zip(out, padded)]
    return tuple(out)


def _slice_length(sl: slice, length):
    """Number of items ``sl`` picks from ``length`` (unknown if either is unknown)."""
    parts = (sl.start, sl.stop, sl.step)
    if length is _UNKNOWN or any(p is _UNKNOWN or isinstance(p, TypeTracerArray) for p in parts):
        if sl.start is None and sl.stop is None and sl.step in (None, 1):
            return length
        return _UNKNOWN
    return len(range(*sl.indices(length)))


def _reduced_shape(shape, axis, keepdims):
    if axis is None:
        return tuple(1 for _ in shape) if keepdims else ()
    axes = axis if isinstance(axis, tuple) else (axis,)
    ndim = len(shape)
    axes = {a + ndim if a < 0 else a for a in axes}
    if keepdims:
        return tuple(1 if i in axes else d for i, d in enumerate(shape))
    return tuple(d for i, d in enumerate(shape) if i not in axes)


class TypeTracerArray(NDArrayOperatorsMixin, MaterializableArray):
    """dtype and shape, no data; ``form_key``/``report`` name the buffer it stands for."""

    __slots__ = ("_dtype", "_shape", "_form_key", "_report", "_origin")

    # layouts ask this (awkward.contents.content.as_length) without importing this class
    _is_unknown_value = True

    def __init__(self, dtype, shape=None, form_key=None, report=None):
        self._dtype = numpy.dtype(dtype)
        self._shape = () if shape is None else tuple(shape)
        for dim in self._shape:
            if dim is not _UNKNOWN and (not isinstance(dim, (int, numpy.integer)) or dim < 0):
                raise TypeError(f"a TypeTracerArray dimension must be a non-negative int or unknown_length, not {dim!r}")
        self._shape = tuple(d if d is _UNKNOWN else int(d) for d in self._shape)
        self._form_key = form_key
        self._report = report
        self._origin = None  # (root, steps) of a derivation: same_buffer compares it

    @classmethod
    def _new(cls, dtype, shape, form_key=None, report=None):
        return cls(dtype, shape, form_key, report)

    @classmethod
    def from_array(cls, array, dtype=None):
        """A tracer with the metadata of a concrete (or virtual/placeholder) array; no key."""
        shape = getattr(array, "declared_shape", None)
        if shape is None:
            shape = array.shape
        return cls(array.dtype if dtype is None else dtype, shape)

    def _derive(self, dtype, shape, step):
        out = TypeTracerArray(dtype, shape, self._form_key, self._report)
        root, steps = self._origin if self._origin is not None else (self, ())
        out._origin = (root, steps + (step,))
        return out

    # ------------------------------------------------------------------ metadata
    @property
    def nplike(self):
        from awkward._nplikes.typetracer import TypeTracer

        return TypeTracer.instance()

    @property
    def dtype(self):
        return self._dtype

    @property
    def shape(self):
        self.touch_shape()
        return self._shape

    @property
    def declared_shape(self):
        return self._shape

    @property
    def ndim(self) -> int:
        return len(self._shape)

    @property
    def inner_shape(self):
        return self._shape[1:]

    @property
    def size(self):
        out = 1
        for dim in self._shape:
            out = out * dim
        return out

    @property
    def nbytes(self):
        return self.size * self._dtype.itemsize

    @property
    def strides(self):
        return c_strides(self._shape, self._dtype.itemsize)

    @property
    def form_key(self):
        return self._form_key

    @form_key.setter
    def form_key(self, value):
        self._form_key = value

    @property
    def report(self):
        return self._report

    @property
    def buffer_key(self):
        return self._form_key

    @property
    def is_materialized(self) -> bool:
        return False

    @property
    def ctypes(self):
        raise unknown_data_error("get the memory address of its data")

    def _real_part(self):
        """numpy's ``.real`` (and ``.imag``): the real dtype of a complex array (touches data)."""
        self.touch_data()
        return TypeTracerArray(numpy.zeros(0, dtype=self._dtype).real.dtype, self._shape)

    def _set_part(self, value):
        self.touch_data()  # no data to write into: a write is a touch

    real = property(_real_part, _set_part)
    imag = property(_real_part, _set_part)

    @property
    def T(self):
        if self.ndim < 2:
            return self
        return self._derive(self._dtype, self._shape[::-1], "T")

    def __len__(self):
        if not self._shape:
            raise TypeError("len() of unsized object")
        self.touch_shape()
        length = self._shape[0]
        if length is _UNKNOWN:
            raise TypeError("the length of this typetracer array is unknown")
        return length

    def __repr__(self) -> str:
        dims = ", ".join(_dim_str(d) for d in self._shape) + ("," if len(self._shape) == 1 else "")
        return f"TypeTracerArray({self._dtype!r}, shape=({dims}))"

    def __str__(self) -> str:
        return "##" if not self._shape else repr(self)

    # ------------------------------------------------------------------ touches
    def touch_shape(self):
        if self._report is not None and self._form_key is not None:
            self._report.touch_shape(self._form_key)

    def touch_data(self):
        if self._report is not None and self._form_key is not None:
            self._report.touch_data(self._form_key)

    def materialize(self):
        """What reading the data means for a tracer: touch it; the values stay unknown."""
        self.touch_data()
        return self

    def forget_length(self):
        if not self._shape:
            return self
        out = TypeTracerArray(self._dtype, (_UNKNOWN,) + self._shape[1:], self._form_key, self._report)
        out._origin = self._origin
        return out

    def copy(self):
        self.touch_data()
        return TypeTracerArray(self._dtype, self._shape)

    def __copy__(self):
        out = TypeTracerArray(self._dtype, self._shape, self._form_key, self._report)
        out._origin = self._origin
        return out

    def __deepcopy__(self, memo):
        return self.__copy__()

    def __reduce__(self):
        return (TypeTracerArray, (self._dtype, self._shape))

    # ------------------------------------------------------------------ values: unknown
    def __array__(self, dtype=None, copy=None):
        self.touch_data()
        raise unknown_data_error("convert it to a NumPy array")

    def tolist(self):
        self.touch_data()
        raise unknown_data_error("convert it to a Python list")

    def tobytes(self, order="C"):
        self.touch_data()
        raise unknown_data_error("convert it to bytes")

    def item(self, *args):
        self.touch_data()
        raise unknown_data_error("get one of its values as a Python scalar")

    def __iter__(self):
        self.touch_data()
        raise unknown_data_error("iterate over its values")

    def _scalar(self, what):
        self.touch_data()
        raise unknown_data_error(f"take its {what}")

    def __bool__(self):
        self._scalar("truth value")

    def __int__(self):
        self._scalar("value as an int")

    def __index__(self):
        self._scalar("value as an index")

    def __float__(self):
        self._scalar("value as a float")

    def __complex__(self):
        self._scalar("value as a complex number")

    def __dlpack__(self, *args, **kwargs):
        self._scalar("data through DLPack")

    # ------------------------------------------------------------------ indexing
    def __getitem__(self, key):
        if type(key) is not tuple:
            key = (key,)
        shape = self._shape
        out_shape: list = []
        dim = 0
        basic = True
        reads = False
        advanced_shapes = []
        n_consuming = sum(1 for k in key if k is not None and k is not Ellipsis)
        for item in key:
            if item is None:
                out_shape.append(1)
                continue
            if item is Ellipsis:
                skip = len(shape) - n_consuming
                out_shape.extend(shape[dim : dim + skip])
                dim += skip
                continue
            if dim >= len(shape):
                raise IndexError(f"too many indices for a typetracer array of dimension {len(shape)}")
            if isinstance(item, slice):
                out_shape.append(_slice_length(item, shape[dim]))
                if not (item.start is None and item.stop is None and item.step in (None, 1)):
                    self.touch_shape()
                dim += 1
                continue
            if item is _UNKNOWN:  # an index known to exist whose value is unknown
                reads = True
                dim += 1
                continue
            if isinstance(item, (int, numpy.integer)) and not isinstance(item, bool):
                reads = True
                length = shape[dim]
                if length is not _UNKNOWN and not -length <= item < length:
                    raise IndexError(f"index {item} is out of bounds for axis {dim} with size {length}")
                dim += 1
                continue
            # an array (or a tracer scalar) as index: values of both are read
            basic = False
            reads = True
            if isinstance(item, TypeTracerArray):
                item.touch_data()
                index = item
            elif isinstance(item, MaterializableArray) or hasattr(item, "dtype"):
                index = TypeTracerArray.from_array(item)
            else:
                index = TypeTracerArray.from_array(numpy.asarray(item))
            if index.dtype == numpy.bool_:
                advanced_shapes.append((_UNKNOWN,) if index.ndim else ())
                dim += max(index.ndim, 1)
            else:
                if index.dtype.kind not in "iu":
                    raise IndexError("arrays used as indices must be of integer (or boolean) type")
                advanced_shapes.append(index._shape)
                dim += 1
        if advanced_shapes:
            out_shape = list(broadcast_shapes(*advanced_shapes)) + out_shape
        out_shape.extend(shape[dim:])
        if reads:
            self.touch_data()
            return TypeTracerArray(self._dtype, out_shape)
        if basic and _same_shape(out_shape, shape) and all(
            isinstance(k, slice) and k.start is None and k.stop is None and k.step in (None, 1) for k in key
        ):
            return self
        step = "getitem" + repr(tuple(_key_repr(k) for k in key))
        return self._derive(self._dtype, out_shape, step)

    def __setitem__(self, key, value):
        self.touch_data()
        if isinstance(value, TypeTracerArray):
            value.touch_data()
        if isinstance(key, TypeTracerArray):
            key.touch_data()

    def view(self, dtype):
        dtype = numpy.dtype(dtype)
        if dtype == self._dtype:
            return self
        shape = self._shape
        if shape and dtype.itemsize != self._dtype.itemsize:
            last = shape[-1]
            if last is not _UNKNOWN:
                total = last * self._dtype.itemsize
                if total % dtype.itemsize != 0:
                    raise ValueError(f"cannot view {self!r} as {dtype}: the last axis is not a multiple of its itemsize")
                last = total // dtype.itemsize
            shape = shape[:-1] + (last,)
        return self._derive(dtype, shape, f"view:{dtype.str}")

    def reshape(self, *shape):
        from awkward._nplikes.typetracer import TypeTracer

        if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
            shape = tuple(shape[0])
        return TypeTracer.instance().reshape(self, shape)

    def ravel(self):
        return self.reshape(-1)

    flatten = ravel

    def astype(self, dtype, copy=True, **kwargs):
        dtype = numpy.dtype(dtype)
        if dtype == self._dtype and not copy:
            return self
        self.touch_data()
        return TypeTracerArray(dtype, self._shape)

    def byteswap(self, inplace=False):
        self.touch_data()
        return TypeTracerArray(self._dtype, self._shape)

    def fill(self, value):
        self.touch_data()

    # ------------------------------------------------------------------ numpy-like methods
    def _nplike_call(self, name, *args, **kwargs):
        from awkward._nplikes.typetracer import TypeTracer

        return getattr(TypeTracer.instance(), name)(self, *args, **kwargs)

    def sum(self, axis=None, dtype=None, out=None, keepdims=False):
        return self._nplike_call("sum", axis=axis, keepdims=keepdims, dtype=dtype)

    def prod(self, axis=None, dtype=None, out=None, keepdims=False):
        return self._nplike_call("sum", axis=axis, keepdims=keepdims, dtype=dtype)

    def max(self, axis=None, out=None, keepdims=False):
        return self._nplike_call("max", axis=axis, keepdims=keepdims)

    def min(self, axis=None, out=None, keepdims=False):
        return self._nplike_call("min", axis=axis, keepdims=keepdims)

    def any(self, axis=None, out=None, keepdims=False):
        return self._nplike_call("any", axis=axis, keepdims=keepdims)

    def all(self, axis=None, out=None, keepdims=False):
        return self._nplike_call("all", axis=axis, keepdims=keepdims)

    def argmax(self, axis=None, out=None, keepdims=False):
        self.touch_data()
        return TypeTracerArray(numpy.int64, _reduced_shape(self._shape, axis, keepdims))

    argmin = argmax

    def cumsum(self, axis=None, dtype=None, out=None):
        return self._nplike_call("cumsum", axis=axis)

    def nonzero(self):
        return self._nplike_call("nonzero")

    def searchsorted(self, values, side="left", sorter=None):
        return self._nplike_call("searchsorted", values, side=side, sorter=sorter)

    def argsort(self, axis=-1, kind=None, order=None):
        return self._nplike_call("argsort", axis=axis)

    def sort(self, axis=-1, kind=None, order=None):
        self.touch_data()

    def repeat(self, repeats, axis=None):
        return self._nplike_call("repeat", repeats, axis=axis)

    # ------------------------------------------------------------------ ufuncs
    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        from awkward._nplikes.typetracer import TypeTracer

        return TypeTracer.instance().apply_ufunc(ufunc, method, list(inputs), kwargs)

    def __array_function__(self, func, types, args, kwargs):
        from awkward._nplikes.typetracer import TypeTracer

        nplike = TypeTracer.instance()
        name = func.__name__
        method = {"concatenate": "concat", "unique": "unique_values"}.get(name, name)
        if hasattr(nplike, method) and method not in ("asarray", "ndarray"):
            return getattr(nplike, method)(*args, **kwargs)
        for arg in args:
            if isinstance(arg, TypeTracerArray):
                arg.touch_data()
        raise unknown_data_error(f"call numpy.{name} on it")


def _same_shape(a, b) -> bool:
    """Equal shapes (unknown dimensions equal only to unknown ones; never compares with ==)."""
    return len(a) == len(b) and all(
        x is y or (x is not _UNKNOWN and y is not _UNKNOWN and x == y) for x, y in zip(a, b)
    )


def _key_repr(item):
    if isinstance(item, slice):
        return ("slice", str(item.start), str(item.stop), str(item.step))
    return repr(item)
