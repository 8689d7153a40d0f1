"""The type tracer: an nplike whose arrays have a dtype and a shape but no data.

``TypeTracer`` implements every NumpyLike method on ``TypeTracerArray`` arguments: it returns
arrays of the right dtype and shape (``unknown_length`` where the values would decide a length)
and records, in the arrays' ``TypeTracerReport``, every buffer whose values a real
implementation would read. The rule for what counts as a read is the concrete nplike's: where
``NumpyLike`` materializes a virtual argument, ``TypeTracer`` touches the tracer's data, so a
tracer run and an eager run over virtual buffers name the same buffers.

``TypeTracer`` has no ``_module`` (no array library behind it): reading it raises
AttributeError, as in awkward 2.14.
"""

from __future__ import annotations

import numbers

import numpy

from awkward._nplikes._typetracer_array import (
    TypeTracerArray,
    TypeTracerReport,
    _reduced_shape,
    _same_shape,
    broadcast_shapes,
    unknown_data_error,
)
from awkward._nplikes.array_like import MaterializableArray
from awkward._nplikes.numpy_like import NumpyLike, UniqueAllResult
from awkward._nplikes.placeholder import PlaceholderArray
from awkward._nplikes.shape import is_unknown_length, unknown_length

__all__ = [
    "TypeTracer",
    "TypeTracerArray",
    "TypeTracerReport",
    "MaybeNone",
    "OneOf",
    "is_unknown_length",
    "is_unknown_scalar",
    "is_unknown_array",
    "is_unknown_integer",
    "create_unknown_scalar",
    "typetracer_with_report",
    "try_touch_data",
    "shape_item",
]

_UNKNOWN = unknown_length


class MaybeNone:
    """A scalar result that may be missing (a reducer's value over an option type)."""

    __slots__ = ("_content",)

    def __init__(self, content):
        self._content = content

    @property
    def content(self):
        return self._content

    def __eq__(self, other):
        return isinstance(other, MaybeNone) and self._content == other._content

    def __hash__(self):
        return hash((MaybeNone, id(self._content)))

    def __repr__(self):
        return f"MaybeNone({self._content!r})"

    def __str__(self):
        return f"?{self._content}"


class OneOf:
    """A scalar result that is one of several types (a union's value)."""

    __slots__ = ("_contents",)

    def __init__(self, contents):
        self._contents = list(contents)

    @property
    def contents(self):
        return self._contents

    def __eq__(self, other):
        return isinstance(other, OneOf) and len(self._contents) == len(other._contents) and all(
            a == b for a, b in zip(self._contents, other._contents)
        )

    def __hash__(self):
        return hash((OneOf, len(self._contents)))

    def __repr__(self):
        return f"OneOf({self._contents!r})"


def is_unknown_scalar(array) -> bool:
    return isinstance(array, TypeTracerArray) and array.ndim == 0


def is_unknown_array(array) -> bool:
    return isinstance(array, TypeTracerArray) and array.ndim > 0


def is_unknown_integer(array) -> bool:
    return is_unknown_scalar(array) and array.dtype.kind in "iu"


def create_unknown_scalar(dtype) -> TypeTracerArray:
    return TypeTracerArray(numpy.dtype(dtype), ())


def shape_item(value):
    """A length from a value read out of a buffer: an int, or unknown_length for a tracer."""
    if value is _UNKNOWN or isinstance(value, TypeTracerArray):
        return _UNKNOWN
    return int(value)


def try_touch_data(array):
    if isinstance(array, TypeTracerArray):
        array.touch_data()
    elif getattr(array, "_is_awkward_index", False) and isinstance(array.data, TypeTracerArray):
        array.data.touch_data()


def _touch(*arrays):
    for x in arrays:
        if isinstance(x, TypeTracerArray):
            x.touch_data()
        elif isinstance(x, (list, tuple)):
            _touch(*x)


def _dtype_of(x):
    if isinstance(x, (TypeTracerArray, MaterializableArray)) or hasattr(x, "dtype"):
        return x.dtype
    return None


def _shape_of(x):
    if x is _UNKNOWN:
        return ()
    if isinstance(x, TypeTracerArray):
        return x._shape
    if isinstance(x, MaterializableArray):
        return getattr(x, "declared_shape", None) or x.shape
    shape = getattr(x, "shape", None)
    return () if shape is None else tuple(shape)


def _stand_in(x):
    """A zero-size numpy array (or the Python scalar) with ``x``'s dtype, for result-type rules."""
    if x is _UNKNOWN:  # an unknown length is an unknown int64 scalar
        return numpy.zeros((), dtype=numpy.int64)
    dtype = _dtype_of(x)
    if dtype is None:
        return x
    if isinstance(x, TypeTracerArray) and x.ndim == 0:
        return numpy.zeros((), dtype=dtype)
    return numpy.zeros((0,), dtype=dtype)


def _result_dtypes(func, args, **kwargs):
    """dtypes numpy gives ``func(*args)``, found by running it on empty stand-ins."""
    with numpy.errstate(all="ignore"):
        out = func(*[_stand_in(a) for a in args], **kwargs)
    if isinstance(out, tuple):
        return tuple(numpy.asarray(o).dtype for o in out)
    return numpy.asarray(out).dtype


def _as_shape(shape):
    if isinstance(shape, (list, tuple)):
        return tuple(shape)
    return (shape,)


def _length_of_range(start, stop, step):
    parts = (start, stop, step)
    if any(p is _UNKNOWN or isinstance(p, TypeTracerArray) for p in parts):
        return _UNKNOWN
    return len(range(int(start), int(stop), int(step)))


class TypeTracer(NumpyLike):
    """The nplike of TypeTracerArray; ``TypeTracer.instance()``."""

    __slots__ = ()

    known_data = False
    is_eager = True
    supports_structured_dtypes = False
    supports_virtual_arrays = False

    @property
    def _module(self):
        raise AttributeError("'TypeTracer' object has no attribute '_module' (it has no array library)")

    @property
    def ndarray(self):
        return TypeTracerArray

    @property
    def ma(self):
        raise unknown_data_error("use numpy.ma")

    @property
    def char(self):
        raise unknown_data_error("use numpy.char")

    @classmethod
    def is_own_array_type(cls, type_: type) -> bool:
        return issubclass(type_, TypeTracerArray)

    @classmethod
    def is_own_array(cls, obj) -> bool:
        if isinstance(obj, TypeTracerArray):
            return True
        return isinstance(obj, PlaceholderArray) and isinstance(obj.nplike, cls)

    # ------------------------------------------------------------------ creation
    def asarray(self, obj, *, dtype=None, copy=None):
        """A tracer of ``obj``: a tracer stays the same buffer (a dtype change is a lazy cast,
        as for a virtual buffer); anything else gives its metadata and no data (no key)."""
        if isinstance(obj, TypeTracerArray):
            if dtype is None or numpy.dtype(dtype) == obj.dtype:
                return obj
            return obj._derive(numpy.dtype(dtype), obj._shape, f"cast:{numpy.dtype(dtype).str}")
        if isinstance(obj, MaterializableArray):  # virtual or placeholder: metadata only
            out = TypeTracerArray.from_array(obj, dtype)
            out._form_key = getattr(obj, "buffer_key", None)
            return out
        if getattr(obj, "_is_awkward_index", False):
            return self.asarray(obj.data, dtype=dtype, copy=copy)
        if hasattr(obj, "shape") and hasattr(obj, "dtype") and not isinstance(obj, numpy.ndarray):
            return TypeTracerArray(obj.dtype if dtype is None else dtype, obj.shape)
        if isinstance(obj, (list, tuple)) and any(isinstance(x, TypeTracerArray) for x in obj):
            parts = [self.asarray(x) for x in obj]
            _touch(parts)
            out_dtype = dtype or numpy.result_type(*[p.dtype for p in parts])
            inner = broadcast_shapes(*[p._shape for p in parts])
            return TypeTracerArray(out_dtype, (len(parts), *inner))
        array = numpy.asarray(obj, dtype=dtype)
        return TypeTracerArray(array.dtype, array.shape)

    def ascontiguousarray(self, x):
        return x

    def frombuffer(self, buffer, *, dtype=None, count=-1):
        dtype = numpy.dtype(numpy.float64 if dtype is None else dtype)
        if isinstance(buffer, TypeTracerArray):
            buffer.touch_data()
            return TypeTracerArray(dtype, (_UNKNOWN if count == -1 else count,))
        return TypeTracerArray.from_array(numpy.frombuffer(buffer, dtype=dtype, count=count))

    def from_dlpack(self, x):
        return self.asarray(x)

    def empty(self, shape, *, dtype=None):
        return TypeTracerArray(numpy.float64 if dtype is None else dtype, _as_shape(shape))

    zeros = ones = empty

    def full(self, shape, fill_value, *, dtype=None):
        if dtype is None:
            dtype = _dtype_of(fill_value) or numpy.asarray(fill_value).dtype
        _touch(fill_value)
        return TypeTracerArray(dtype, _as_shape(shape))

    def empty_like(self, x, *, dtype=None):
        return TypeTracerArray(x.dtype if dtype is None else dtype, _shape_of(x))

    zeros_like = ones_like = empty_like

    def full_like(self, x, fill_value, *, dtype=None):
        _touch(fill_value)
        return TypeTracerArray(x.dtype if dtype is None else dtype, _shape_of(x))

    def arange(self, start, stop=None, step=1, *, dtype=None):
        if stop is None:
            start, stop = 0, start
        if dtype is None:
            known = [p for p in (start, stop, step) if not (p is _UNKNOWN or isinstance(p, TypeTracerArray))]
            dtype = numpy.arange(*known[:1] or [0]).dtype if all(
                isinstance(p, numbers.Integral) for p in known
            ) else numpy.float64
        return TypeTracerArray(dtype, (_length_of_range(start, stop, step),))

    # ------------------------------------------------------------------ shape manipulation
    def reshape(self, x, shape, *, copy=None):
        shape = _as_shape(shape)
        x = self.asarray(x)
        size = x.size
        if sum(1 for d in shape if d is not _UNKNOWN and d == -1) > 1:
            raise ValueError("can only specify one unknown dimension (-1)")
        new = []
        for dim in shape:
            if dim is not _UNKNOWN and dim == -1:
                known = 1
                for other in shape:
                    if other is _UNKNOWN:
                        known = _UNKNOWN
                        break
                    if other != -1:
                        known *= other
                if size is _UNKNOWN or known is _UNKNOWN or known == 0:
                    new.append(_UNKNOWN)
                else:
                    if size % known != 0:
                        raise ValueError(f"cannot reshape an array of size {size} into shape {shape}")
                    new.append(size // known)
            else:
                new.append(dim)
        if _same_shape(new, x._shape):
            return x
        if copy:
            x.touch_data()
            return TypeTracerArray(x.dtype, new)
        return x._derive(x.dtype, new, "reshape" + repr(tuple(str(d) for d in new)))

    def broadcast_to(self, x, shape):
        _touch(x)
        return TypeTracerArray(x.dtype, broadcast_shapes(_shape_of(x), _as_shape(shape)))

    def broadcast_arrays(self, *arrays):
        _touch(*arrays)
        shape = broadcast_shapes(*[_shape_of(a) for a in arrays])
        return [TypeTracerArray(_dtype_of(a) or numpy.asarray(a).dtype, shape) for a in arrays]

    def broadcast_shapes(self, *shapes):
        return broadcast_shapes(*shapes)

    def concat(self, arrays, *, axis=0):
        arrays = [self.asarray(a) for a in arrays]
        _touch(*arrays)
        if axis is None:
            total = 0
            for a in arrays:
                total = total + a.size
            return TypeTracerArray(numpy.result_type(*[a.dtype for a in arrays]), (total,))
        first = arrays[0]._shape
        axis = axis + len(first) if axis < 0 else axis
        total = 0
        for a in arrays:
            total = total + a._shape[axis]
        shape = first[:axis] + (total,) + first[axis + 1 :]
        return TypeTracerArray(numpy.result_type(*[a.dtype for a in arrays]), shape)

    def stack(self, arrays, *, axis=0):
        arrays = [self.asarray(a) for a in arrays]
        _touch(*arrays)
        inner = broadcast_shapes(*[a._shape for a in arrays])
        axis = axis + len(inner) + 1 if axis < 0 else axis
        shape = inner[:axis] + (len(arrays),) + inner[axis:]
        return TypeTracerArray(numpy.result_type(*[a.dtype for a in arrays]), shape)

    def repeat(self, x, repeats, *, axis=None):
        x = self.asarray(x)
        _touch(x, repeats)
        shape = x._shape if axis is not None else (x.size,)
        axis = 0 if axis is None else (axis + len(shape) if axis < 0 else axis)
        if isinstance(repeats, numbers.Integral) and not isinstance(repeats, bool):
            length = shape[axis] * int(repeats)
        else:
            length = _UNKNOWN
        return TypeTracerArray(x.dtype, shape[:axis] + (length,) + shape[axis + 1 :])

    # ------------------------------------------------------------------ value-dependent
    def searchsorted(self, x, values, *, side="left", sorter=None):
        _touch(x, values, sorter)
        return TypeTracerArray(numpy.int64, _shape_of(values))

    def cumsum(self, x, *, axis=None, maybe_out=None):
        x = self.asarray(x)
        _touch(x)
        dtype = _result_dtypes(numpy.cumsum, [x])
        return TypeTracerArray(dtype, (x.size,) if axis is None else x._shape)

    def nonzero(self, x):
        x = self.asarray(x)
        _touch(x)
        return tuple(TypeTracerArray(numpy.int64, (_UNKNOWN,)) for _ in range(max(x.ndim, 1)))

    def unique_values(self, x):
        _touch(x)
        return TypeTracerArray(x.dtype, (_UNKNOWN,))

    def unique_all(self, x):
        _touch(x)
        n = (_UNKNOWN,)
        return UniqueAllResult(
            TypeTracerArray(x.dtype, n),
            TypeTracerArray(numpy.int64, n),
            TypeTracerArray(numpy.int64, _shape_of(x)),
            TypeTracerArray(numpy.int64, n),
        )

    def sort(self, x, *, axis=-1, descending=False, stable=True):
        _touch(x)
        return TypeTracerArray(x.dtype, _shape_of(x))

    def argsort(self, x, *, axis=-1, descending=False, stable=True):
        _touch(x)
        return TypeTracerArray(numpy.int64, _shape_of(x))

    def where(self, condition, x1, x2):
        _touch(condition, x1, x2)
        dtype = _result_dtypes(numpy.where, [numpy.bool_(True), x1, x2])
        shape = broadcast_shapes(_shape_of(condition), _shape_of(x1), _shape_of(x2))
        return TypeTracerArray(dtype, shape)

    def _logical(self, *args):
        _touch(*args)
        return TypeTracerArray(numpy.bool_, broadcast_shapes(*[_shape_of(a) for a in args]))

    def logical_and(self, x1, x2, maybe_out=None):
        return self._logical(x1, x2)

    def logical_or(self, x1, x2, maybe_out=None):
        return self._logical(x1, x2)

    def logical_not(self, x, maybe_out=None):
        return self._logical(x)

    def isclose(self, x1, x2, *, rtol=1e-05, atol=1e-08, equal_nan=False):
        return self._logical(x1, x2)

    def _reduce(self, x, axis, keepdims, dtype):
        x = self.asarray(x)
        _touch(x)
        return TypeTracerArray(dtype, _reduced_shape(x._shape, axis, keepdims))

    def min(self, x, *, axis=None, keepdims=False, maybe_out=None):
        return self._reduce(x, axis, keepdims, x.dtype)

    max = min

    def all(self, x, *, axis=None, keepdims=False, maybe_out=None):
        return self._reduce(x, axis, keepdims, numpy.bool_)

    any = all

    def sum(self, x, *, axis=None, keepdims=False, maybe_out=None, dtype=None):
        if dtype is None:
            dtype = numpy.sum(numpy.zeros(1, dtype=x.dtype)).dtype
        return self._reduce(x, axis, keepdims, dtype)

    def count_nonzero(self, x, *, axis=None):
        return self._reduce(x, axis, False, numpy.int64)

    def array_equal(self, x1, x2, *, equal_nan=False) -> bool:
        """The values are unknown, so there is no answer: a RuntimeError, as 2.14's, touching
        nothing (callers check ``known_data`` first and take their general path)."""
        raise RuntimeError(
            "TypeTracer.array_equal: typetracer arrays have no values to compare (the data are unknown)"
        )

    def astype(self, x, dtype, *, copy=True):
        x = self.asarray(x)
        if numpy.dtype(dtype) == x.dtype and not copy:
            return x
        x.touch_data()
        return TypeTracerArray(dtype, x._shape)

    def apply_ufunc(self, ufunc, method, args, kwargs=None):
        """``ufunc.method(*args)``: touches every tracer argument; result dtype from numpy's
        rules, shape from broadcasting (or the reduction's)."""
        kwargs = dict(kwargs or {})
        kwargs.pop("out", None)
        _touch(*args)
        if method == "__call__":
            dtypes = _result_dtypes(ufunc, args, **{k: v for k, v in kwargs.items() if k in ("dtype", "casting")})
            shape = broadcast_shapes(*[_shape_of(a) for a in args])
            if isinstance(dtypes, tuple):
                return tuple(TypeTracerArray(d, shape) for d in dtypes)
            return TypeTracerArray(dtypes, shape)
        x = self.asarray(args[0])
        if method == "reduce":
            dtype = _result_dtypes(lambda a: ufunc.reduce(a, dtype=kwargs.get("dtype")), [x])
            return TypeTracerArray(dtype, _reduced_shape(x._shape, kwargs.get("axis", 0), kwargs.get("keepdims", False)))
        if method == "accumulate":
            return TypeTracerArray(kwargs.get("dtype") or x.dtype, x._shape)
        if method == "at":
            return None
        raise unknown_data_error(f"apply {ufunc.__name__}.{method}")

    def _elementwise(self, name, args, maybe_out=None, **kwargs):
        return self.apply_ufunc(getattr(numpy, name), "__call__", list(args), kwargs)

    def round(self, x, decimals=0):
        _touch(x)
        return TypeTracerArray(x.dtype, _shape_of(x))

    def nan_to_num(self, x, *, copy=True, nan=0.0, posinf=None, neginf=None):
        _touch(x)
        return TypeTracerArray(x.dtype, _shape_of(x))

    def angle(self, x, deg=False):
        _touch(x)
        dtype = numpy.angle(numpy.zeros(0, dtype=x.dtype)).dtype
        return TypeTracerArray(dtype, _shape_of(x))

    def real(self, x):
        _touch(x)
        return TypeTracerArray(numpy.zeros(0, dtype=x.dtype).real.dtype, _shape_of(x))

    imag = real

    def meshgrid(self, *arrays, indexing="xy"):
        _touch(*arrays)
        dims = [a.size for a in arrays]
        if indexing == "xy" and len(dims) >= 2:
            dims[0], dims[1] = dims[1], dims[0]
        return [TypeTracerArray(a.dtype, tuple(dims)) for a in arrays]

    def can_cast(self, from_, to, casting="same_kind") -> bool:
        from_, to = (x if isinstance(x, (type, str, numpy.dtype)) else x.dtype for x in (from_, to))
        return bool(numpy.can_cast(from_, to, casting=casting))

    def strides(self, x):
        return tuple(x.strides)

    def array_str(self, x, *, max_line_width=None, precision=None, suppress_small=None):
        return "??" if x.ndim == 0 else "[?? ... ??]"

    @staticmethod
    def derive_slice_for_length(slice_, length):
        """(start, stop, step, number of items); unknown where the length decides them."""
        parts = (slice_.start, slice_.stop, slice_.step)
        if length is not _UNKNOWN and not any(isinstance(p, TypeTracerArray) for p in parts):
            start, stop, step = slice_.indices(length)
            return start, stop, step, len(range(start, stop, step))
        step = 1 if slice_.step is None else slice_.step
        start = slice_.start
        if start is None:
            start = 0 if _positive(step) else _UNKNOWN
        elif not (isinstance(start, numbers.Integral) and start >= 0):
            start = _UNKNOWN
        stop = slice_.stop
        if stop is None or not (isinstance(stop, numbers.Integral) and stop >= 0):
            stop = _UNKNOWN
        return start, stop, step, _UNKNOWN

    def index_as_shape_item(self, x1):
        return shape_item(x1)

    def shape_item_as_index(self, x1):
        if x1 is _UNKNOWN:
            return TypeTracerArray(numpy.int64, ())
        return int(x1)

    def regularize_index_for_length(self, index, length):
        if length is _UNKNOWN or isinstance(index, TypeTracerArray):
            return TypeTracerArray(numpy.int64, ())
        if index < 0:
            index += length
        return index

    def packbits(self, x, *, axis=None, bitorder="big"):
        x = self.asarray(x)
        _touch(x)
        size = x.size
        length = _UNKNOWN if size is _UNKNOWN else (size + 7) // 8
        return TypeTracerArray(numpy.uint8, (length,))

    def unpackbits(self, x, *, axis=None, count=None, bitorder="big"):
        x = self.asarray(x)
        _touch(x)
        size = x.size
        length = _UNKNOWN if size is _UNKNOWN else size * 8
        if count is not None and length is not _UNKNOWN:
            length = count if count >= 0 else length + count
        return TypeTracerArray(numpy.uint8, (length,))

    def byteswap(self, x):
        _touch(x)
        return TypeTracerArray(x.dtype, _shape_of(x))

    # ------------------------------------------------------------------ memory (metadata)
    def is_c_contiguous(self, x) -> bool:
        return True

    def memory_ptr(self, x) -> int:
        raise unknown_data_error("get the memory address of its data")

    def same_buffer(self, x, y) -> bool:
        """Same buffer by construction: one tracer, or the same derivation of one tracer."""
        if x is y:
            return True
        if not (isinstance(x, TypeTracerArray) and isinstance(y, TypeTracerArray)):
            return False
        ox, oy = x._origin, y._origin
        if ox is None or oy is None:
            return (ox is None and oy is not None and oy[0] is x and not oy[1]) or (
                oy is None and ox is not None and ox[0] is y and not ox[1]
            )
        return ox[0] is oy[0] and ox[1] == oy[1] and x.dtype == y.dtype


def _positive(step):
    return isinstance(step, numbers.Integral) and step > 0


# the contents layer's form -> tracer-layout builder, registered by it at import (this layer
# cannot import it)
_LAYOUT_FROM_FORM: list = [None]


def register_layout_from_form(builder) -> None:
    _LAYOUT_FROM_FORM[0] = builder


def typetracer_with_report(form, getkey=None):
    """(layout, report) for a Form: every buffer a TypeTracerArray of unknown length whose
    form_key is ``getkey(form, attribute)`` (default ``"{form_key}-{attribute}"``), all
    reporting to one TypeTracerReport."""
    layout_from_form = _LAYOUT_FROM_FORM[0]
    if layout_from_form is None:
        raise RuntimeError("typetracer_with_report needs awkward.contents (import awkward first)")
    report = TypeTracerReport()
    if getkey is None:

        def getkey(form, attribute):
            return f"{form.form_key}-{attribute}"

    return layout_from_form(form, getkey, report), report
