"""NumpyArray: a leaf node holding an N-dimensional rectangular buffer of primitive values."""

from __future__ import annotations

from awkward._backends.dispatch import backend_of_obj, backend_of_raw_array, regularize_backend
from awkward._nplikes import virtual as _virtual
from awkward._nplikes.dtypes import dtype_to_primitive
from awkward._nplikes.shape import unknown_length
from awkward._util import UNSET
from awkward.contents.content import Content, FormClass, concrete, declared_shape


def _backend_for_data(data, backend):
    found = backend_of_raw_array(data)  # the common case: one dict lookup
    if found is not None and (backend is None or backend is found):
        return data, found
    if backend is not None:
        backend = regularize_backend(backend)
        if not backend.nplike.is_own_array(data):
            data = backend.nplike.asarray(data)
        return data, backend
    found = backend_of_obj(data, default=None)
    if found is None:
        found = regularize_backend("cpu")
        try:
            data = found.nplike.asarray(data)
        except (TypeError, ValueError) as err:
            raise TypeError(
                f"NumpyArray 'data' must be an array, not {type(data).__name__}: {err}"
            ) from err
    elif not found.nplike.is_own_array(data):
        data = found.nplike.asarray(data)
    return data, found


class NumpyArray(Content):
    """Primitive values (bool, ints, floats, complex, datetime/timedelta) in an N-d buffer.

    The first dimension is the array's length; the others are its ``inner_shape``."""

    __slots__ = ("_data",)

    is_numpy = True
    is_leaf = True
    form_cls = FormClass("NumpyForm")

    def __init__(self, data, *, parameters=None, backend=None):
        data, backend = _backend_for_data(data, backend)
        if len(declared_shape(data)) == 0:
            raise TypeError(f"NumpyArray 'data' must be an array, not a scalar (0-d): {data!r:.80}")
        try:
            dtype_to_primitive(data.dtype)
        except TypeError as err:
            raise TypeError(f"NumpyArray 'data' has an unsupported dtype: {err}") from None
        self._data = _virtual.virtualize_for_tests(data, backend.nplike)
        self._init(parameters, backend)

    @classmethod
    def _from_checked(cls, data, parameters, backend) -> NumpyArray:
        """For callers that already checked ``data``: an array (>= 1-d) of ``backend``'s
        nplike with a supported dtype (ak.from_buffers, whose buffers match their form)."""
        out = cls.__new__(cls)
        out._data = _virtual.virtualize_for_tests(data, backend.nplike)
        out._init(parameters, backend)
        return out

    @classmethod
    def simplified(cls, data, *, parameters=None, backend=None):
        return cls(data, parameters=parameters, backend=backend)

    def copy(self, data=UNSET, *, parameters=UNSET, backend=UNSET):
        return NumpyArray(
            self._data if data is UNSET else data,
            parameters=self._parameters if parameters is UNSET else parameters,
            backend=self._backend if backend is UNSET else backend,
        )

    def _with_data(self, data) -> NumpyArray:
        """Same parameters and backend, new data of the same nplike (no validation)."""
        out = NumpyArray.__new__(NumpyArray)
        out._data = data
        out._parameters = self._parameters
        out._backend = self._backend
        out._form_cache = None
        return out

    # ------------------------------------------------------------------ properties
    @property
    def data(self):
        return self._data

    @property
    def dtype(self):
        return self._data.dtype

    @property
    def shape(self) -> tuple:
        return declared_shape(self._data)

    @property
    def inner_shape(self) -> tuple:
        return declared_shape(self._data)[1:]

    @property
    def strides(self) -> tuple:
        return self._data.strides

    @property
    def length(self):
        return declared_shape(self._data)[0]

    def _resolve_length(self) -> int:
        return len(self._data)

    @property
    def is_contiguous(self) -> bool:
        return self._backend.nplike.is_c_contiguous(self._data)

    def _buffers_by_attribute(self) -> dict:
        return {"data": self._data}

    def _build_form(self, getkey):
        return self.form_cls(
            dtype_to_primitive(self._data.dtype),
            self.inner_shape,
            parameters=self._parameters,
            form_key=self._key_of(self, getkey),
        )

    # ------------------------------------------------------------------ conversions
    def to_contiguous(self) -> NumpyArray:
        if self.is_contiguous:
            return self
        return self._with_data(self._backend.nplike.ascontiguousarray(self._data))

    def maybe_to_NumpyArray(self) -> NumpyArray:
        return self

    def to_RegularArray(self):
        """Nested RegularArrays for each inner dimension, over a 1-d NumpyArray."""
        shape = self._data.shape  # resolves unknown dimensions
        if len(shape) == 1:
            return self
        from awkward.contents.regulararray import RegularArray

        nplike = self._backend.nplike
        data = nplike.ascontiguousarray(self._data)
        flat_length = 1
        for item in shape:
            flat_length = flat_length * item
        out = NumpyArray(
            nplike.reshape(data, (flat_length,)), parameters=self._parameters, backend=self._backend
        )
        for depth in range(len(shape) - 1, 0, -1):
            outer = 1
            for item in shape[:depth]:
                outer = outer * item
            out = RegularArray(out, shape[depth], outer)
        return out

    # ------------------------------------------------------------------ element access
    def _getitem_at(self, where: int):
        at = self._normalize_at(where)
        (data,) = concrete(self._data)
        if data.ndim == 1:
            return data[at]
        return self._with_data(data[at])

    def _getitem_range(self, start: int, stop: int) -> Content:
        return self._with_data(self._data[start:stop])

    def _carry(self, carry, allow_lazy: bool) -> Content:
        data, where = concrete(self._data, carry.data)
        try:
            return self._with_data(data[where])
        except IndexError as err:
            raise IndexError(f"NumpyArray of length {len(data)}: {err}") from None

    # ------------------------------------------------------------------ whole-array operations
    def _to_list(self, behavior) -> list:
        (data,) = concrete(self._data)
        if self.parameter("__array__") == "char" and len(data.shape) == 1:
            from awkward.contents.strings import chars_to_python

            return chars_to_python(data)
        return data.tolist()

    def _validity_error(self, path: str) -> str:
        if len(self._data.shape) == 0:
            return self._validity_message(path, "shape is zero-dimensional")
        return ""

    def _to_packed(self, recursive: bool) -> Content:
        return self.to_contiguous()

    def _repr(self, indent: str, pre: str, post: str) -> str:
        shape = self.shape
        if len(shape) == 1:
            length = self._repr_length()
            size = f"len={length!r}"
        else:
            size = "shape='(" + ", ".join("??" if s is unknown_length else str(s) for s in shape) + ")'"
        params = self._repr_parameters(indent)
        values = self._repr_buffer(self._data)
        if not params:
            return (
                f"{indent}{pre}<NumpyArray dtype={str(self._data.dtype)!r} {size}>"
                f"{values}</NumpyArray>{post}"
            )
        return (
            f"{indent}{pre}<NumpyArray dtype={str(self._data.dtype)!r} {size}>\n"
            f"{params}{indent}    {values}\n{indent}</NumpyArray>{post}"
        )
