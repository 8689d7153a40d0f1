"""Index: a one-dimensional integer buffer of a layout (offsets, starts, tags, masks, ...).

Five fixed dtypes (Index8, IndexU8, Index32, IndexU32, Index64). The buffer may be a
concrete array of the Index's nplike or a lazy one (VirtualNDArray, PlaceholderArray);
lazy buffers are kept as they are: length, dtype, form and basic slices never touch the
values. Reading values (integer or array keys, comparisons, kernels) materializes.
"""

from __future__ import annotations

import copy as _copy
from typing import Any

from awkward._nplikes import dtypes as _dtypes
from awkward._nplikes.array_like import MaterializableArray, declared_shape, maybe_materialize
from awkward._nplikes.dispatch import nplike_of_obj
from awkward._nplikes.numpy import Numpy
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.virtual import VirtualNDArray, virtualize_for_tests
from awkward._util import UNSET

__all__ = ["Index", "Index8", "IndexU8", "Index32", "IndexU32", "Index64"]

# VirtualNDArray and PlaceholderArray: buffers whose values are not (necessarily) there
_LAZY_TYPES = MaterializableArray
_NUMPY = Numpy.instance()
_NUMPY_NDARRAY = _NUMPY.ndarray
_ALLOWED_NAMES = "int8, uint8, int32, uint32, int64"
# how many values a repr shows at each end of a long index
_REPR_EDGE = 8


def _dtype_error(dtype: Any) -> TypeError:
    return TypeError(f"Index data must be {_ALLOWED_NAMES}, not {dtype!r}")


def _native(dtype):
    return dtype if dtype.byteorder in ("=", "|") else dtype.newbyteorder("=")


class Index:
    """A 1-D integer buffer; ``Index(data)`` picks the subclass from ``data``'s dtype."""

    __slots__ = ("_data", "_metadata", "_nplike")

    _expected_dtype: Any = None
    _form: str | None = None
    # lets the kernel layer recognize an Index without importing this (higher) module
    _is_awkward_index = True

    def __new__(cls, data=None, *, metadata=None, nplike=None):
        if cls is Index:
            cls = _class_for_data(data, nplike)
        return object.__new__(cls)

    def __init__(self, data, *, metadata: dict | None = None, nplike=None):
        if metadata is not None and not isinstance(metadata, dict):
            raise TypeError("Index metadata must be None or a dict")
        # fast path: a contiguous 1-D numpy array of exactly our dtype (the common case)
        if (
            type(data) is _NUMPY_NDARRAY
            and (nplike is None or nplike is _NUMPY)
            and data.dtype is self._expected_dtype
            and data.ndim == 1
            and data.flags.c_contiguous
        ):
            self._data = virtualize_for_tests(data, _NUMPY)
            self._metadata = metadata
            self._nplike = _NUMPY
            return
        if isinstance(data, Index):
            if nplike is None:
                nplike = data._nplike
            data = data._data
        if nplike is None:
            nplike = nplike_of_obj(data, default=None) or Numpy.instance()
        expected = self._expected_dtype
        if isinstance(data, _LAZY_TYPES):
            if data.dtype != expected:
                raise TypeError(
                    f"{type(self).__name__} needs {expected} data; this lazy buffer has dtype "
                    f"{data.dtype} (it cannot be cast without materializing it)"
                )
            if data.ndim != 1:
                raise TypeError("Index data must be one-dimensional")
        else:
            dtype = getattr(data, "dtype", None)
            if dtype is None:  # list, tuple, scalar
                data = nplike.asarray(data, dtype=expected)
            elif dtype != expected:
                if getattr(dtype, "kind", None) not in ("i", "u", "b"):
                    raise _dtype_error(dtype)
                data = nplike.asarray(data, dtype=expected)
            elif not isinstance(data, nplike.ndarray):
                data = nplike.asarray(data)
            ndim = len(data.shape)
            if ndim != 1:
                if ndim != 0:
                    raise TypeError("Index data must be one-dimensional")
                data = nplike.reshape(data, (1,))
            if not nplike.is_c_contiguous(data):
                data = nplike.ascontiguousarray(data)
            data = virtualize_for_tests(data, nplike)
        self._data = data
        self._metadata = metadata
        self._nplike = nplike

    @classmethod
    def _unchecked(cls, data, metadata, nplike) -> Index:
        """A new Index around already-validated data (slices, copies)."""
        out = object.__new__(cls)
        out._data = data
        out._metadata = metadata
        out._nplike = nplike
        return out

    # ------------------------------------------------------------------ constructors
    @classmethod
    def zeros(cls, length, nplike, dtype=None) -> Index:
        target = _class_for_dtype(dtype if dtype is not None else cls._default_dtype())
        return target(nplike.zeros(length, dtype=target._expected_dtype), nplike=nplike)

    @classmethod
    def empty(cls, length, nplike, dtype=None) -> Index:
        target = _class_for_dtype(dtype if dtype is not None else cls._default_dtype())
        return target(nplike.empty(length, dtype=target._expected_dtype), nplike=nplike)

    @classmethod
    def _default_dtype(cls):
        return cls._expected_dtype if cls._expected_dtype is not None else _dtypes.int64

    # ------------------------------------------------------------------ metadata (lazy-safe)
    @property
    def data(self):
        return self._data

    @property
    def nplike(self):
        return self._nplike

    @property
    def dtype(self):
        return self._data.dtype

    @property
    def length(self):
        """Axis-0 length; unknown_length while a virtual buffer has not learnt it (lazy).
        ``len(index)`` resolves it instead (shape_generator, else the generator)."""
        return _length_without_resolving(self._data)

    def __len__(self) -> int:
        return len(self._data)

    @property
    def form(self) -> str:
        return self._form  # type: ignore[return-value]

    @property
    def metadata(self) -> dict:
        if self._metadata is None:
            self._metadata = {}
        return self._metadata

    @property
    def is_all_materialized(self) -> bool:
        data = self._data
        if isinstance(data, MaterializableArray):
            return bool(data.is_materialized)
        return True

    @property
    def is_any_materialized(self) -> bool:
        # a single buffer: any == all
        return self.is_all_materialized

    @property
    def ptr(self) -> int:
        (data,) = maybe_materialize(self._data)
        return self._nplike.memory_ptr(data)

    # ------------------------------------------------------------------ values
    def materialize(self, type_=UNSET) -> Index:
        """A new Index whose data is concrete (runs the generator if it has not run).

        ``type_`` (optional) restricts materialization to data of that array type.
        """
        data = self._data
        if isinstance(data, _LAZY_TYPES) and (type_ is UNSET or isinstance(data, type_)):
            (data,) = maybe_materialize(data)
        return type(self)._unchecked(data, self._metadata, self._nplike)

    def __getitem__(self, where):
        if type(where) is slice:  # basic slice: stays 1-D, same dtype, lazy for virtual data
            out = object.__new__(type(self))
            out._data = self._data[where]
            out._metadata = self._metadata
            out._nplike = self._nplike
            return out
        if isinstance(where, Index):
            where = where._data
        if isinstance(where, _LAZY_TYPES):
            (where,) = maybe_materialize(where)
        out = self._data[where]
        shape = getattr(out, "shape", None)
        if shape is None or len(shape) == 0:
            return out
        if len(shape) != 1:
            raise TypeError("Index data must be one-dimensional (the key added a dimension)")
        if out.dtype != self._expected_dtype:  # not expected for any key, but stay honest
            return Index(out, metadata=self._metadata, nplike=self._nplike)
        return type(self)._unchecked(out, self._metadata, self._nplike)

    def __setitem__(self, where, what):
        if isinstance(where, Index):
            where = where._data
        if isinstance(what, Index):
            what = what._data
        where, what = maybe_materialize(where, what)
        self._data[where] = what

    def __array__(self, dtype=None, copy=None):
        (data,) = maybe_materialize(self._data)
        kwargs = {} if copy is None else {"copy": copy}
        if dtype is None:
            return data.__array__(**kwargs)
        return data.__array__(dtype, **kwargs)

    def raw(self, nplike):
        return self.to_nplike(nplike)._data

    def to_nplike(self, nplike) -> Index:
        if nplike is self._nplike:
            return self
        data = self._data
        if isinstance(data, VirtualNDArray) and not data.is_materialized:
            moved = VirtualNDArray(
                nplike,
                data.shape,
                data.dtype,
                _MoveGenerator(data, nplike),
                buffer_key=data.buffer_key,
            )
            return type(self)._unchecked(moved, self._metadata, nplike)
        (data,) = maybe_materialize(data)
        return type(self)(_moved(data, nplike), metadata=self._metadata, nplike=nplike)

    def to64(self) -> Index64:
        data = self._data
        if data.dtype == _dtypes.int64:
            return Index64._unchecked(data, self._metadata, self._nplike)
        if isinstance(data, VirtualNDArray) and not data.is_materialized:
            cast = VirtualNDArray(
                self._nplike,
                data.shape,
                _dtypes.int64,
                _CastGenerator(data, self._nplike, _dtypes.int64),
                buffer_key=data.buffer_key,
            )
            return Index64._unchecked(cast, self._metadata, self._nplike)
        (data,) = maybe_materialize(data)
        return Index64(self._nplike.astype(data, _dtypes.int64), nplike=self._nplike)

    def is_equal_to(self, other: Any, index_dtype: bool = True, numpyarray: bool = True) -> bool:
        if not isinstance(other, Index):
            return False
        if index_dtype and self.dtype != other.dtype:
            return False
        if other._nplike is not self._nplike:
            return False
        mine, theirs = self.length, other.length
        if mine is not unknown_length and theirs is not unknown_length and mine != theirs:
            return False
        if not self._nplike.known_data:
            return True  # tracers (2.14): equal when their lengths may be, no data read
        a, b = maybe_materialize(self._data, other._data)
        return bool(self._nplike.array_equal(a, b))

    # ------------------------------------------------------------------ copies, pickling
    def __copy__(self) -> Index:
        return type(self)._unchecked(self._data, self._metadata, self._nplike)

    def __deepcopy__(self, memo) -> Index:
        return type(self)._unchecked(
            _copy.deepcopy(self._data, memo), _copy.deepcopy(self._metadata, memo), self._nplike
        )

    def __reduce__(self):
        return (_rebuild_index, (type(self), self._data, self._metadata))

    # ------------------------------------------------------------------ display
    def __repr__(self) -> str:
        return self._repr("", "", "")

    def __str__(self) -> str:
        return self._repr("", "", "")

    def _repr(self, indent: str, pre: str, post: str) -> str:
        data = self._data
        length = _length_without_resolving(data)
        length_text = "??" if length is unknown_length else str(length)
        head = f"{indent}{pre}<Index dtype={str(self.dtype)!r} len={length_text!r}>"
        if isinstance(data, MaterializableArray) and not data.is_materialized:
            # placeholders never have values; virtual buffers are not read for a repr
            body = "[?? ... ??]" if length is unknown_length or length > 0 else "[]"
        else:
            (concrete,) = maybe_materialize(data)  # already materialized: no generator call
            body = _format_values(concrete)
        if len(body) < 60:
            return f"{head}{body}</Index>{post}"
        return f"{head}\n{indent}    {body}\n{indent}</Index>{post}"


def _length_without_resolving(data):
    """Axis-0 length, or unknown_length for a lazy buffer whose shape is not resolved yet
    (asking a VirtualNDArray for ``shape`` would run its shape_generator or generator)."""
    return declared_shape(data)[0]


def _format_values(data) -> str:
    n = data.shape[0]
    if n <= 2 * _REPR_EDGE:
        return "[" + " ".join(str(x) for x in data.tolist()) + "]"
    head = " ".join(str(x) for x in data[:_REPR_EDGE].tolist())
    tail = " ".join(str(x) for x in data[n - _REPR_EDGE :].tolist())
    return f"[{head} ... {tail}]"


class _MoveGenerator:
    """Generator for a buffer moved to another nplike without reading it yet."""

    __slots__ = ("_source", "_nplike")

    def __init__(self, source, nplike):
        self._source = source
        self._nplike = nplike

    def __call__(self):
        (data,) = maybe_materialize(self._source)
        return _moved(data, self._nplike)


def _moved(data, nplike):
    """``data`` as an array of ``nplike``; device arrays reach the host through ``.get()``
    (numpy.asarray refuses cupy arrays)."""
    if not nplike.is_own_array(data):
        get = getattr(data, "get", None)
        if callable(get):
            data = get()
    return nplike.asarray(data)


class _CastGenerator:
    """Generator for a lazy dtype cast (to64 of a virtual buffer)."""

    __slots__ = ("_source", "_nplike", "_dtype")

    def __init__(self, source, nplike, dtype):
        self._source = source
        self._nplike = nplike
        self._dtype = dtype

    def __call__(self):
        (data,) = maybe_materialize(self._source)
        return self._nplike.astype(data, self._dtype)


def _rebuild_index(cls, data, metadata):
    return cls(data, metadata=metadata)


class Index8(Index):
    __slots__ = ()
    _expected_dtype = _dtypes.int8
    _form = "i8"


class IndexU8(Index):
    __slots__ = ()
    _expected_dtype = _dtypes.uint8
    _form = "u8"


class Index32(Index):
    __slots__ = ()
    _expected_dtype = _dtypes.int32
    _form = "i32"


class IndexU32(Index):
    __slots__ = ()
    _expected_dtype = _dtypes.uint32
    _form = "u32"


class Index64(Index):
    __slots__ = ()
    _expected_dtype = _dtypes.int64
    _form = "i64"


_CLASS_FOR_DTYPE: dict[Any, type[Index]] = {
    _dtypes.int8: Index8,
    _dtypes.uint8: IndexU8,
    _dtypes.int32: Index32,
    _dtypes.uint32: IndexU32,
    _dtypes.int64: Index64,
}


def _class_for_dtype(dtype) -> type[Index]:
    try:
        dtype = _native(_dtypes.dtype(dtype))
    except TypeError as err:
        raise TypeError(f"Index dtype must be {_ALLOWED_NAMES}, not {dtype!r}") from err
    found = _CLASS_FOR_DTYPE.get(dtype)
    if found is None:
        raise _dtype_error(dtype)
    return found


def _class_for_data(data, nplike) -> type[Index]:
    if isinstance(data, Index):
        return type(data)
    dtype = getattr(data, "dtype", None)
    if dtype is None:
        if nplike is None:
            nplike = Numpy.instance()
        dtype = nplike.asarray(data).dtype
    found = _CLASS_FOR_DTYPE.get(_native(dtype))
    if found is None:
        raise _dtype_error(dtype)
    return found
