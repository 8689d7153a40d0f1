"""VirtualNDArray: a buffer whose data is produced by a generator on first touch.

Design (see DESIGN.md, "The virtual buffer"):

* A *root* virtual array owns the generator, the declared shape/dtype and the cache.
* Once a buffer is materialized, what is derived from it (slices, ``view``, ``.T``, reshape,
  ``nplike.asarray``, ``materialize()``) is a plain array of its nplike.
* A *derived* virtual array (lazy slice on axis 0, ``view``, ``.T``, known-shape reshape,
  ``copy.copy``), taken while unmaterialized, points straight at the root and carries a flat tuple of transforms to apply to
  the root's data. Deriving from a derived array appends to (or merges into) that tuple, so
  chains of slices never recurse, and a derived array always reads the root's cached data.
* The root's materialized data is always C-contiguous (converted once if the generator returns
  a strided array), so strides and contiguity of unmaterialized arrays are known exactly.
* Materialization of a caching root runs under a per-root lock: with N threads touching it at
  once the generator runs once. Once materialized, reads are lock-free.
* A generator (or shape_generator) that raises: the caller gets the same exception object, of
  its own type (``except OSError`` keeps working), with a note naming the buffer_key, declared
  dtype and shape (``add_note``; on Python < 3.11 appended to a one-string message). Nothing is
  cached, and the next touch runs the generator again (threads waiting on the lock each retry in
  turn).
* A generator may return another VirtualNDArray, which is materialized in turn (then checked).
  Otherwise it must return an array of the nplike (converted with ``nplike.asarray``); lists
  and other objects are a TypeError unless ``__wrap_generator_asarray__=True``. dtype and every
  known dimension are checked (ValueError naming buffer_key, declared and actual dtype/shape).
* With ``__enable_caching__=False`` every touch regenerates and nothing is retained;
  ``__setitem__`` then raises ValueError (the write would be lost).
* With an external cache (``__cache__``: any MutableMapping, e.g. a dict or a byte-bounded
  ``cachetools.LRUCache``) the root keeps nothing itself: its data is looked up under
  ``__cache_key__`` (default: the buffer_key) and stored there after generating; an evicted
  entry only means the generator runs again (same values). Derived arrays keep nothing either,
  so memory is what the mapping holds. A mapping that refuses an entry (cachetools raises
  ValueError for one larger than its bound) leaves it uncached.
* ``pickle`` stores the materialized data (unpickles as a plain array); ``copy.deepcopy`` and
  ``.copy()`` stay lazy and materialize to an independent copy of the data; ``copy.copy``
  shares the root and its cache.
"""

from __future__ import annotations

import os
import threading

import numpy
from numpy.lib.mixins import NDArrayOperatorsMixin

from awkward._nplikes import materialization_report as _report
from awkward._nplikes._declared import DeclaredMetadata, c_strides
from awkward._nplikes.array_like import MaterializableArray
from awkward._nplikes.shape import is_known_shape, unknown_length

__all__ = ["VirtualNDArray", "virtualize_for_tests", "TEST_VIRTUALIZE", "materialize_if_virtual"]

TEST_VIRTUALIZE: bool = os.environ.get("AWKWARD_TEST_VIRTUALIZE") == "1"

_SLICE, _VIEW, _TRANSPOSE, _RESHAPE = "slice", "view", "T", "reshape"


def _apply(array, transforms):
    for kind, arg in transforms:
        if kind == _SLICE:
            stop = arg.stop if arg.stop >= 0 else None
            array = array[arg.start : stop : arg.step]
        elif kind == _VIEW:
            array = array.view(arg)
        elif kind == _TRANSPOSE:
            array = array.T
        else:
            array = array.reshape(arg)
    return array


def _describe(key):
    return "virtual buffer" if key is None else f"virtual buffer {key!r}"


def _name_the_buffer(err, note):
    """Add ``note`` (which buffer was being generated) to an exception that a generator raised,
    keeping the exception itself: callers catch it by its own type (``except OSError``).

    Python >= 3.11 shows it as a note; older Pythons get it appended to a one-string message
    (other exceptions, e.g. an OSError with errno, are re-raised unchanged)."""
    if note in getattr(err, "__notes__", ()):
        return  # the same buffer, touched again through a derived array
    add_note = getattr(err, "add_note", None)
    if add_note is not None:
        add_note(note)
        return
    args = err.args
    if len(args) == 1 and isinstance(args[0], str):
        err.args = (f"{args[0]} ({note})",)
    try:
        err.__notes__ = [*getattr(err, "__notes__", ()), note]
    except (AttributeError, TypeError):
        pass


def _is_basic_axis0_slice(index):
    if type(index) is slice:
        return index
    if type(index) is tuple and len(index) == 1 and type(index[0]) is slice:
        return index[0]
    return None


class VirtualNDArray(NDArrayOperatorsMixin, DeclaredMetadata, MaterializableArray):
    """A lazily generated array with known dtype and (possibly partly unknown) shape."""

    __slots__ = (
        "_nplike",
        "_shape",
        "_shape_known",
        "_dtype",
        "_generator",
        "_shape_generator",
        "_buffer_key",
        "_wrap_asarray",
        "_caching",
        "_array",
        "_lock",
        "_root",
        "_transforms",
        "_contiguous",
        "_cache",
        "_cache_key",
    )

    def __init__(
        self,
        nplike,
        shape,
        dtype,
        generator,
        shape_generator=None,
        buffer_key=None,
        *,
        __wrap_generator_asarray__: bool = False,
        __enable_caching__: bool = True,
        __cache__=None,
        __cache_key__=None,
    ) -> None:
        if not callable(generator):
            raise TypeError(
                f"{_describe(buffer_key)}: generator must be callable, not {type(generator).__name__}"
            )
        if shape_generator is not None and not callable(shape_generator):
            raise TypeError(f"{_describe(buffer_key)}: shape_generator must be callable or None")
        shape = tuple(shape)
        if len(shape) == 1 and type(shape[0]) is int and shape[0] >= 0:
            # the common case (a 1-d buffer of known length): nothing to convert
            self._shape_known = True
        elif len(shape) == 1 and shape[0] is unknown_length:
            self._shape_known = False
        else:
            for item in shape:
                if not (
                    item is unknown_length
                    or (isinstance(item, (int, numpy.integer)) and item >= 0)
                ):
                    raise TypeError(
                        f"{_describe(buffer_key)}: shape items must be non-negative ints or unknown_length, not {item!r}"
                    )
            shape = tuple(item if item is unknown_length else int(item) for item in shape)
            self._shape_known = is_known_shape(shape)
        self._nplike = nplike
        self._shape = shape
        self._dtype = dtype if isinstance(dtype, numpy.dtype) else numpy.dtype(dtype)
        self._generator = generator
        self._shape_generator = shape_generator
        self._buffer_key = buffer_key
        self._wrap_asarray = bool(__wrap_generator_asarray__)
        self._caching = bool(__enable_caching__)
        self._array = None
        self._lock = threading.Lock() if self._caching else None
        self._root = None
        self._transforms = ()
        self._contiguous = True
        self._cache = None
        self._cache_key = None
        if __cache__ is not None and self._caching:
            self._set_cache(__cache__, buffer_key if __cache_key__ is None else __cache_key__)

    def _set_cache(self, cache, key):
        if not (hasattr(cache, "__getitem__") and hasattr(cache, "__setitem__")):
            raise TypeError(
                f"{_describe(self._buffer_key)}: a cache must be a MutableMapping, "
                f"not {type(cache).__name__}"
            )
        if key is None:
            raise TypeError(
                "a virtual buffer with an external cache needs a buffer_key or a cache key "
                "to name its entry"
            )
        self._cache = cache
        self._cache_key = key

    # ------------------------------------------------------------------ derived arrays
    def _derive(self, shape, transforms, dtype, contiguous):
        """A new lazy array reading the root's data through ``transforms`` (a flat tuple)."""
        root = self if self._root is None else self._root
        out = object.__new__(VirtualNDArray)
        out._nplike = self._nplike
        out._shape = shape
        out._shape_known = is_known_shape(shape)
        out._dtype = dtype
        out._generator = None
        out._shape_generator = None
        out._buffer_key = root._buffer_key
        out._wrap_asarray = root._wrap_asarray
        out._caching = root._caching
        out._lock = None
        out._root = root
        out._transforms = transforms
        out._contiguous = contiguous
        out._cache = root._cache
        out._cache_key = root._cache_key
        # a child of a materialized parent reuses the parent's data (views, no regeneration)
        out._array = _apply(root._array, transforms) if root._array is not None else None
        return out

    # ------------------------------------------------------------------ materialization
    def _generate_checked(self):
        """Run the root generator once, convert and check the result (no caching here)."""
        # open materialization reports hear of every generator run; one check when none is open
        mark = _report.begin() if _report.OPEN else None
        try:
            out = self._generator()
        except Exception as err:
            _name_the_buffer(err, f"while generating {self._what()}")
            raise
        # a generator may hand back another lazy buffer: materialize it in turn (its own
        # generator runs once, its own checks apply), then check it against this declaration
        while isinstance(out, MaterializableArray):
            try:
                out = out.materialize()
            except Exception as err:
                _name_the_buffer(err, f"while generating {self._what()}")
                raise
        nplike = self._nplike
        if type(out) is not nplike.ndarray and not nplike.is_own_array_type(type(out)):
            if not self._wrap_asarray:
                raise TypeError(
                    f"the generator of {self._what()} returned {type(out).__name__}, not a "
                    f"{type(nplike).__name__} array (build the buffer with "
                    "__wrap_generator_asarray__=True to convert other objects)"
                )
            try:
                out = nplike.asarray(out)
            except Exception as err:
                raise TypeError(
                    f"the generator of {self._what()} returned {type(out).__name__}, which cannot "
                    f"be converted to an array: {err}"
                ) from err
        else:
            out = nplike.asarray(out)
        actual = tuple(out.shape)
        ok = len(actual) == len(self._shape) and all(
            want is unknown_length or want == got for want, got in zip(self._shape, actual)
        )
        if out.dtype != self._dtype or not ok:
            problem = "dtype" if out.dtype != self._dtype else "shape"
            raise ValueError(
                f"{_describe(self._buffer_key)} was declared with dtype {self._dtype} and shape "
                f"{self._shape_str()}, but its generator returned dtype {out.dtype} and shape "
                f"{actual} (ndim {len(actual)}): wrong {problem}"
            )
        if not nplike.is_c_contiguous(out):
            out = nplike.ascontiguousarray(out)
        if not self._shape_known:
            self._shape = actual
            self._shape_known = True
        if mark is not None:
            _report.record(mark, self._buffer_key, out.nbytes, self._generator)
        return out

    def _what(self) -> str:
        """The buffer as errors name it: key, declared dtype and shape."""
        return f"{_describe(self._buffer_key)} (declared dtype {self._dtype}, shape {self._shape_str()})"

    def materialize(self):
        """Return the concrete array (generating, checking and caching it if needed)."""
        array = self._array
        if array is not None:
            return array
        root = self._root
        if root is None:
            if self._cache is not None:
                return self._materialize_through_cache()
            if not self._caching:
                return self._generate_checked()
            with self._lock:
                array = self._array
                if array is None:
                    array = self._generate_checked()
                    self._array = array
            return array
        array = _apply(root.materialize(), self._transforms)
        if self._caching and self._cache is None:
            self._array = array
        return array

    def _cached_entry(self):
        """This buffer's data in the external cache, or None (missing, evicted or not fitting)."""
        try:
            array = self._cache[self._cache_key]
        except KeyError:
            return None
        if getattr(array, "dtype", None) != self._dtype or len(array.shape) != len(self._shape):
            return None
        if self._shape_known and tuple(array.shape) != self._shape:
            return None
        return array

    def _materialize_through_cache(self):
        array = self._cached_entry()
        if array is not None:
            return array
        with self._lock:
            # another thread may have stored it while this one waited
            array = self._cached_entry()
            if array is None:
                array = self._generate_checked()
                try:
                    self._cache[self._cache_key] = array
                except ValueError:
                    pass  # larger than the cache's bound: used now, regenerated next time
        return array

    def _data_if_materialized(self):
        """The concrete data when this array (or its root) is materialized, else None: what is
        derived from a materialized buffer is a plain array of its nplike."""
        array = self._array
        if array is not None:
            return array
        root = self._root
        if root is not None and root._array is not None:
            return self.materialize()
        return None

    @property
    def is_materialized(self) -> bool:
        if self._array is not None:
            return True
        root = self if self._root is None else self._root
        if root._cache is not None:
            return root._cached_entry() is not None
        return root._array is not None

    # ------------------------------------------------------------------ metadata (lazy)
    @property
    def declared_shape(self) -> tuple:
        """The shape as declared, unknown_length where not learnt yet; never runs a generator."""
        return self._shape

    @property
    def shape(self):
        if not self._shape_known:
            self.get_shape()
        return self._shape

    def get_shape(self) -> None:
        """Resolve unknown dimensions: run shape_generator if given, else materialize."""
        if self._shape_known:
            return
        root = self._root
        if root is not None:
            # only a copy.copy of an unknown-shape root gets here (other lazy ops resolve first)
            root.get_shape()
            self._shape = root._shape
            self._shape_known = True
            return
        if self._shape_generator is None:
            self.materialize()
            return
        try:
            shape = tuple(self._shape_generator())
        except Exception as err:
            _name_the_buffer(err, f"while computing the shape of {self._what()}")
            raise
        if len(shape) != len(self._shape) or not all(
            want is unknown_length or want == got for want, got in zip(self._shape, shape)
        ):
            raise ValueError(
                f"{self._what()}: its shape_generator returned {shape}, which does not fit"
            )
        if not is_known_shape(shape):
            raise ValueError(
                f"the shape_generator of {_describe(self._buffer_key)} returned an unknown shape {shape}"
            )
        self._shape = tuple(int(x) for x in shape)
        self._shape_known = True

    @property
    def strides(self):
        if self._array is not None:
            return self._array.strides
        if self._root is None:
            return c_strides(self.shape, self._dtype.itemsize)
        strides = c_strides(self._root.shape, self._root._dtype.itemsize)
        shape = self._root.shape
        for kind, arg in self._transforms:
            if kind == _SLICE:
                strides = (strides[0] * arg.step,) + strides[1:]
                shape = (len(arg),) + shape[1:]
            elif kind == _VIEW:
                old = shape[-1] * strides[-1]
                shape = shape[:-1] + (old // arg.itemsize,)
                strides = strides[:-1] + (arg.itemsize,)
            elif kind == _TRANSPOSE:
                strides = strides[::-1]
                shape = shape[::-1]
            else:
                shape = arg
                strides = c_strides(arg, self._dtype.itemsize)
        return strides

    @property
    def is_c_contiguous(self) -> bool:
        """Exact without materializing (root data is made C-contiguous when generated)."""
        if self._array is not None:
            return self._nplike.is_c_contiguous(self._array)
        return self._contiguous

    def __repr__(self) -> str:
        state = "materialized" if self.is_materialized else "unmaterialized"
        key = "" if self._buffer_key is None else f", buffer_key={self._buffer_key!r}"
        return f"VirtualNDArray({state}, dtype={self._dtype}, shape={self._shape_str()}{key})"

    def __str__(self) -> str:
        data = self._data_if_materialized()
        if data is not None:
            return str(data)
        if not self._shape:
            return "??"  # an unread scalar, as printing shows unread values
        return repr(self)

    # ------------------------------------------------------------------ lazy operations
    def __getitem__(self, index):
        sl = _is_basic_axis0_slice(index)
        if sl is None or not self._shape:
            return self.materialize()[index]
        data = self._data_if_materialized()
        if data is not None:
            return data[index]
        length = self.shape[0]
        picked = range(length)[sl]
        if picked == range(length):
            return self
        contiguous = self._contiguous and (picked.step == 1 or len(picked) <= 1)
        shape = (len(picked),) + self._shape[1:]
        transforms = self._transforms
        if transforms and transforms[-1][0] == _SLICE:
            # compose with the previous slice: chains of slices stay one transform long
            transforms = transforms[:-1] + ((_SLICE, transforms[-1][1][sl]),)
        else:
            transforms = transforms + ((_SLICE, picked),)
        return self._derive(shape, transforms, self._dtype, contiguous)

    def view(self, dtype):
        dtype = numpy.dtype(dtype)
        data = self._data_if_materialized()
        if data is not None:
            return data.view(dtype)
        if dtype == self._dtype:
            return self
        shape = self.shape
        if not shape:
            return self.materialize().view(dtype)
        old_size, new_size = self._dtype.itemsize, dtype.itemsize
        last = shape[-1] * old_size
        if not self.is_c_contiguous or last % new_size != 0:
            # let the array library raise its own error (or handle the odd layout)
            return self.materialize().view(dtype)
        return self._derive(
            shape[:-1] + (last // new_size,), self._transforms + ((_VIEW, dtype),), dtype, True
        )

    @property
    def T(self):
        data = self._data_if_materialized()
        if data is not None:
            return data.T
        if self.ndim < 2:
            return self
        shape = self.shape
        contiguous = self._contiguous and sum(1 for dim in shape if dim != 1) <= 1
        return self._derive(
            shape[::-1], self._transforms + ((_TRANSPOSE, None),), self._dtype, contiguous
        )

    def reshape_lazily(self, shape):
        """Reshape a C-contiguous array with a known shape without materializing (None if not possible,
        and once materialized: then the caller reshapes the plain data)."""
        if not self._shape_known or self.is_materialized:
            # the size is needed and would cost a shape_generator call or a materialization
            return None
        if not self.is_c_contiguous:
            return None
        shape = tuple(shape)
        if any(dim is unknown_length or not isinstance(dim, (int, numpy.integer)) for dim in shape):
            return None
        total = self.size
        unknown = [i for i, dim in enumerate(shape) if dim == -1]
        if len(unknown) > 1:
            return None
        known = 1
        for dim in shape:
            if dim != -1:
                known *= dim
        if unknown:
            if known == 0 or total % known != 0:
                return None
            shape = shape[: unknown[0]] + (total // known,) + shape[unknown[0] + 1 :]
        elif known != total:
            return None
        shape = tuple(int(x) for x in shape)
        if shape == self.shape:
            return self
        return self._derive(shape, self._transforms + ((_RESHAPE, shape),), self._dtype, True)

    def lazy_cast(self, dtype):
        """A lazy array of this one's data cast to ``dtype`` (an independent copy), cast when
        first touched; this array's generator runs then, once (its data is cached as usual)."""
        dtype = numpy.dtype(dtype)
        if dtype == self._dtype:
            return self._independent_copy()
        source, nplike = self, self._nplike

        def generate_cast():
            return nplike.ascontiguousarray(source.materialize().astype(dtype))

        shape_generator = None if self._shape_known else (lambda: source.shape)
        return VirtualNDArray(
            nplike,
            self._shape,
            dtype,
            generate_cast,
            shape_generator,
            self._buffer_key,
            __enable_caching__=self._caching,
        )

    def __copy__(self):
        # shares the root (and so its cache); shape may still be unknown when transforms are empty
        return self._derive(self._shape, self._transforms, self._dtype, self._contiguous)

    def copy(self):
        """A lazy array that materializes to an independent copy of this array's data."""
        return self._independent_copy()

    def __deepcopy__(self, memo):
        return self._independent_copy()

    def _independent_copy(self):
        source = self
        nplike = self._nplike
        if self._cache is None and self.is_materialized:
            data = nplike.asarray(self.materialize(), copy=True)
            out = VirtualNDArray(
                nplike,
                data.shape,
                data.dtype,
                lambda: nplike.asarray(data, copy=True),
                buffer_key=self._buffer_key,
                __enable_caching__=self._caching,
            )
            if self._caching:
                out._array = data
            return out
        root = self if self._root is None else self._root
        transforms = self._transforms

        def generate_copy():
            # read the source as any touch would (cached when caching is on: one generator run)
            base = root.materialize()
            data = _apply(base, transforms)
            return nplike.ascontiguousarray(nplike.asarray(data, copy=True))

        shape_generator = None
        if not source._shape_known and root._shape_generator is not None:
            shape_generator = root._shape_generator
        return VirtualNDArray(
            nplike,
            source._shape,
            source._dtype,
            generate_copy,
            shape_generator,
            self._buffer_key,
            __enable_caching__=self._caching,
        )

    def __reduce__(self):
        # pickling stores the data itself: unpickles as a plain array
        return (_identity, (self.materialize(),))

    # ------------------------------------------------------------------ value-dependent (materialize)
    def __array__(self, dtype=None, copy=None):
        array = self.materialize()
        if not isinstance(array, numpy.ndarray):
            # e.g. cupy: let the array library refuse (or allow) the implicit conversion itself
            return array.__array__() if dtype is None else array.__array__(dtype)
        if copy:
            return numpy.array(array, dtype=dtype, copy=True)
        if dtype is not None and numpy.dtype(dtype) != array.dtype:
            if copy is False:
                raise ValueError("a copy is needed to change the dtype of a virtual buffer's data")
            return array.astype(dtype)
        return array

    @property
    def __array_interface__(self):
        array = self.materialize()
        try:
            return array.__array_interface__
        except AttributeError:
            raise AttributeError(
                "__array_interface__ is only available for numpy-backed buffers"
            ) from None

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        inputs = tuple(x.materialize() if isinstance(x, MaterializableArray) else x for x in inputs)
        out = kwargs.get("out")
        if out is not None:
            kwargs["out"] = tuple(
                x.materialize() if isinstance(x, MaterializableArray) else x for x in out
            )
        return getattr(ufunc, method)(*inputs, **kwargs)

    # export protocols: materialize, then let the array library export its data
    def __dlpack__(self, *args, **kwargs):
        return self.materialize().__dlpack__(*args, **kwargs)

    def __dlpack_device__(self):
        return self.materialize().__dlpack_device__()

    def tolist(self):
        return self.materialize().tolist()

    def tobytes(self, order="C"):
        return self.materialize().tobytes(order)

    def __iter__(self):
        return iter(self.materialize())

    def __bool__(self):
        return bool(self.materialize())

    def __int__(self):
        return int(self.materialize())

    def __float__(self):
        return float(self.materialize())

    def __complex__(self):
        return complex(self.materialize())

    def __index__(self):
        return self.materialize().__index__()

    def __setitem__(self, key, value):
        if not self._caching:
            raise ValueError(
                f"cannot assign into {_describe(self._buffer_key)}: caching is disabled, so the "
                "write would be lost at the next touch"
            )
        if self._cache is not None:
            raise ValueError(
                f"cannot assign into {_describe(self._buffer_key)}: its data lives in an external "
                "cache, so the write would be lost when the entry is evicted"
            )
        if isinstance(value, MaterializableArray):
            value = value.materialize()
        if isinstance(key, MaterializableArray):
            key = key.materialize()
        self.materialize()[key] = value


def _identity(x):
    return x


def materialize_if_virtual(x):
    """The concrete data of a virtual/placeholder array; anything else unchanged."""
    return x.materialize() if isinstance(x, MaterializableArray) else x


def virtualize_for_tests(data, nplike):
    """In the virtualized test mode, wrap a concrete array in a caching VirtualNDArray.

    Returns ``data`` unchanged when the mode is off, or when it is already virtual/placeholder
    or not an array of ``nplike``.
    """
    if not TEST_VIRTUALIZE or isinstance(data, MaterializableArray):
        return data
    if not nplike.is_own_array_type(type(data)):
        return data
    return VirtualNDArray(nplike, data.shape, data.dtype, lambda: data, buffer_key=None)
