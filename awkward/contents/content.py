"""Content: the base class of every layout node, and the internal protocol subclasses implement.

A layout is a tree of Content nodes. Each node holds buffers (``Index`` objects for
offsets/starts/stops/index/tags/mask, or a raw array for ``NumpyArray.data``), child
contents, and a parameters dict. Any buffer may be virtual (a ``VirtualNDArray``): the
methods here never materialize a buffer unless they need its values (``to_list``,
``validity_error``, ``materialize``, ``_carry``, pickling ...). Metadata (``length``,
``form``, ``fields``, ``repr``) never reads data.

Subclass contract (what a new Content class must provide)
---------------------------------------------------------
Class attributes
    ``is_numpy, is_unknown, is_list, is_regular, is_option, is_indexed, is_record,
    is_union, is_leaf`` (flags, default False) and ``form_cls`` (the matching Form class).
    ``__slots__`` naming its own attributes. Slots listed in ``_derived_slots`` are caches
    that are reset (to None) whenever the layout is rebuilt by a generic transformation.

Properties
    ``length`` -> int or ``unknown_length``; computed from metadata only (Index.length,
        data.shape, size ...). Never reads buffer values.
    ``contents`` -> list of child Contents ([] for leaves).

Methods (all internal; arguments are already validated/normalized by callers)
    ``_build_form(getkey) -> Form``
        Build this node's form. ``getkey`` is None (no form keys) or a callable
        ``getkey(layout) -> str | None``; call ``getkey(self)`` BEFORE recursing into
        children (ids are assigned in pre-order), and get child forms with
        ``child._form_with_key(getkey)`` (which uses the child's form cache when getkey is None).
    ``_buffers_by_attribute() -> dict[str, ArrayLike]``
        This node's own buffers as raw arrays keyed by the to_buffers attribute name,
        e.g. {"offsets": ...}, {"starts": ..., "stops": ...}, {"data": ...}, {"tags": ...,
        "index": ...}, {"mask": ...}. Nothing for EmptyArray/RecordArray/RegularArray.
    ``_getitem_at(where: int)``
        One element; ``where`` may be negative, bounds are checked here (IndexError).
        Returns a Python/numpy scalar, a Content (for list types) or a Record.
    ``_getitem_range(start: int, stop: int) -> Content``
        Rows ``start:stop`` with 0 <= start <= stop <= length (caller normalizes).
        Lazy: uses basic slices of buffers only, never reads data it does not have to.
    ``_getitem_field(name: str) -> Content`` / ``_getitem_fields(names: list[str]) -> Content``
        Project record fields through this node (lists/options/indexed pass through to
        their content, keeping their own buffers). Non-record leaves raise FieldNotFoundError
        (an IndexError), as does a missing field.
    ``_carry(carry: Index64, allow_lazy: bool) -> Content``
        Take rows ``carry`` (0 <= carry < length, checked by the buffers' fancy indexing
        or a kernel). With allow_lazy=True a node may return an IndexedArray over itself
        instead of carrying its contents (RecordArray does this).
    ``_to_list(behavior) -> list``
        Python values for every row (strings for __array__="string", bytes for
        "bytestring", dicts/tuples for records, None for missing values).
    ``_validity_error(path: str) -> str``
        "" when valid, else ``f"at {path} ({type(self)!r}): message"``; recurse into
        children with paths ``path + ".content"`` / ``path + ".content(i)"`` /
        ``path + ".field(i)"``. Uses kernels through ``self.backend``.
    ``_to_packed(recursive: bool) -> Content``
        Same values with no unreachable data (offsets start at 0, contents trimmed),
        keeping untouched buffers virtual wherever possible.
    ``_repr(indent: str, pre: str, post: str) -> str``
        Structure only (use ``_repr_buffer`` for buffers, which never materializes).
    ``copy(...)``
        Shallow copy with any attribute replaced (UNSET = keep); buffers are not copied.
    ``_to_list``, ``to_ListOffsetArray64`` etc. as their class's API requires.

Generic machinery provided here (subclasses normally do not override)
    ``form``, ``form_with_key``, ``materialize``, ``is_all_materialized``,
    ``is_any_materialized``, ``to_backend``, pickling (materializes), ``is_equal_to``,
    ``with_parameter``, ``to_list``, ``validity_error``, ``to_packed``, ``__len__``,
    ``__getitem__`` (int/slice/field names here; every other slice through the slicing layer,
    registered with ``register_getitem``).
    The generic rebuild (``_map_slots``) walks the instance's slots: Index values,
    raw buffers (``_data``), child Contents (``_content``) and sequences of Contents
    (``_contents``) are transformed, everything else is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from awkward._nplikes.array_like import MaterializableArray, declared_shape, maybe_materialize
from awkward._nplikes.shape import unknown_length
from awkward._parameters import (
    parameters_are_empty,
    parameters_are_equal,
    type_parameters_equal,
    validate_parameters,
)
from awkward._util import UNSET
from awkward.errors import FieldNotFoundError

__all__ = ["Content", "UNSET", "unknown_length", "register_getitem"]

# Slot names that the generic rebuild treats specially.
_CHILD_SLOT = "_content"
_CHILDREN_SLOT = "_contents"
_RAW_BUFFER_SLOT = "_data"
_BACKEND_SLOT = "_backend"


def _is_index(value: Any) -> bool:
    # Index marks itself with _is_awkward_index (no import of awkward.index needed here)
    return getattr(type(value), "_is_awkward_index", False)


def _raw_is_materialized(array: Any) -> bool:
    if isinstance(array, MaterializableArray):
        return bool(getattr(array, "is_materialized", False))
    return True


_SLOTS_BY_CLASS: dict[type, list[str]] = {}


def _all_slots(cls: type) -> list[str]:
    found = _SLOTS_BY_CLASS.get(cls)
    if found is not None:
        return found
    out: list[str] = []
    for klass in reversed(cls.__mro__):
        slots = klass.__dict__.get("__slots__", ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name not in out and name not in ("__weakref__", "__dict__"):
                out.append(name)
    _SLOTS_BY_CLASS[cls] = out
    return out


def _no_form_key(layout):
    return None


class FormClass:
    """Class attribute resolving to a Form class by name on first use (forms load lazily)."""

    __slots__ = ("_name", "_cls")

    def __init__(self, name: str):
        self._name = name
        self._cls = None

    def __get__(self, instance, owner):
        cls = self._cls
        if cls is None:
            import importlib

            module = importlib.import_module("awkward.forms." + self._name.lower())
            cls = self._cls = getattr(module, self._name)
        return cls


# the slicing layer's getitem(layout, where), registered by awkward._slicing at import
_GETITEM: list = [None]


def register_getitem(getitem) -> None:
    """Called once by ``awkward._slicing``: layouts delegate every slice that is not an int, a
    step-1 slice or field names to ``getitem(layout, where)`` (Content or layout Record)."""
    if not callable(getitem):
        raise TypeError("register_getitem needs a callable getitem(layout, where)")
    _GETITEM[0] = getitem


def getitem_hook():
    """The registered slicing function, or None before awkward._slicing is imported."""
    return _GETITEM[0]


def concrete(*arrays):
    """Materialize the given buffers explicitly (for code that needs their values)."""
    return maybe_materialize(*arrays)


def length_of(layout):
    """``len(layout)``, except on the typetracer backend, where an unknown length stays
    ``unknown_length`` (a tracer never learns one; Python's len() must give an int)."""
    length = layout.length
    if length is unknown_length and layout._backend.nplike.known_data:
        return layout._resolve_length()
    return length


def as_length(value):
    """A length read out of a buffer value (``int(offsets[-1])``): an int, or unknown_length
    when the value is a typetracer's unknown scalar."""
    if value is unknown_length or getattr(value, "_is_unknown_value", False):
        return unknown_length
    return int(value)


def is_true(value, unknown: bool = False) -> bool:
    """``bool(value)``; for a typetracer's unknown scalar, ``unknown``. Callers pass the answer
    that takes the general path (the one reading at least what the data could require)."""
    if getattr(value, "_is_unknown_value", False):
        return unknown
    return bool(value)


def maybe_nonempty(array) -> bool:
    """``len(array) > 0`` for a buffer; True when its length is unknown (a typetracer's)."""
    length = array.shape[0]
    return length is unknown_length or length > 0


def maybe_equal(a, b) -> bool:
    """``a == b`` for lengths, True when either is unknown_length (a typetracer cannot tell)."""
    return a is unknown_length or b is unknown_length or a == b


def buffer_length(array):
    """First dimension of a buffer, or unknown_length if a virtual buffer has not learnt it."""
    return declared_shape(array)[0]


def index_int(index, at: int) -> int:
    """One value of an Index as a Python int (reads the buffer)."""
    (data,) = concrete(index.data)
    return as_length(data[at])


class Content:
    """Base class of all layout nodes. See the module docstring for the subclass contract."""

    __slots__ = ("_parameters", "_backend", "_form_cache")

    is_numpy = False
    is_unknown = False
    is_list = False
    is_regular = False
    is_option = False
    is_indexed = False
    is_record = False
    is_union = False
    is_leaf = False

    # caches reset by generic rebuilds; subclasses may extend
    _derived_slots: tuple[str, ...] = ("_form_cache",)

    form_cls: Any = None

    # ------------------------------------------------------------------ construction helpers
    def _init(self, parameters: Mapping[str, Any] | None, backend) -> None:
        """Common constructor tail for subclasses: store parameters and backend."""
        if parameters is not None:
            if not isinstance(parameters, dict):
                validate_parameters(parameters)
                parameters = dict(parameters)
            elif parameters:
                validate_parameters(parameters)
            if not parameters:
                parameters = None
        self._parameters = parameters
        self._backend = backend
        self._form_cache = None

    @staticmethod
    def _check_content(content: Any, cls_name: str, what: str = "content") -> None:
        if not isinstance(content, Content):
            raise TypeError(
                f"{cls_name} {what} must be a Content subtype (layout node), "
                f"not {type(content).__name__}: {content!r:.80}"
            )

    @staticmethod
    def _check_index(index: Any, cls_name: str, what: str, allowed: tuple) -> None:
        """Raise TypeError unless `index` is an instance of one of the `allowed` Index classes."""
        if not isinstance(index, allowed):
            names = ", ".join(c.__name__ for c in allowed)
            got = type(index).__name__
            dtype = getattr(index, "dtype", None)
            if dtype is not None:
                got = f"{got} with dtype {dtype}"
            raise TypeError(f"{cls_name} {what} must be an Index of type {names}, not {got}")

    # ------------------------------------------------------------------ basic properties
    @property
    def parameters(self) -> dict[str, Any]:
        params = self._parameters
        return {} if params is None else params

    def parameter(self, key: str) -> Any:
        params = self._parameters
        return None if params is None else params.get(key)

    @property
    def backend(self):
        return self._backend

    @property
    def length(self):
        raise NotImplementedError

    def _resolve_length(self) -> int:
        """The concrete length when ``length`` is unknown_length (may read buffers)."""
        raise TypeError(f"the length of this {type(self).__name__} is unknown")

    def __len__(self) -> int:
        length = self.length
        if length is unknown_length:
            return self._resolve_length()
        return length

    @property
    def contents(self) -> list[Content]:
        return []

    @property
    def fields(self) -> list[str]:
        """Record field names visible through this node (tuples: "0", "1", ...)."""
        return []

    @property
    def is_tuple(self) -> bool:
        return False

    def content(self, index_or_field=None):
        """The child content (single-content nodes ignore the argument when it is None)."""
        kids = self.contents
        if index_or_field is None:
            if len(kids) == 1:
                return kids[0]
            raise TypeError(f"{type(self).__name__}.content() needs an index or field name")
        if isinstance(index_or_field, str):
            raise FieldNotFoundError(f"no field {index_or_field!r}: {type(self).__name__} is not an array of records")
        return kids[index_or_field]

    def _buffers_by_attribute(self) -> dict[str, Any]:
        return {}

    # depths come from the (cached) form: metadata only, never buffers
    @property
    def purelist_depth(self) -> int:
        return self.form.purelist_depth

    @property
    def purelist_isregular(self) -> bool:
        return self.form.purelist_isregular

    @property
    def minmax_depth(self) -> tuple[int, int]:
        return self.form.minmax_depth

    @property
    def branch_depth(self) -> tuple[bool, int]:
        return self.form.branch_depth

    @property
    def dimension_optiontype(self) -> bool:
        return self.form.dimension_optiontype

    @property
    def nbytes(self) -> int:
        """Bytes held by this node's buffers and its children's (metadata only)."""
        total = sum(buffer.nbytes for buffer in self._buffers_by_attribute().values())
        return total + sum(child.nbytes for child in self.contents)

    def maybe_to_NumpyArray(self):
        """This node as a NumpyArray when that is possible without copying; else None."""
        return None

    # ------------------------------------------------------------------ forms
    @property
    def form(self):
        """This node's Form without form keys (built once and cached)."""
        form = self._form_cache
        if form is None:
            form = self._form_cache = self._build_form(None)
        return form

    def _form_with_key(self, getkey):
        if getkey is None:
            return self.form
        return self._build_form(getkey)

    def _build_form(self, getkey):
        raise NotImplementedError

    def form_with_key(self, form_key="node{id}", id_start: int = 0):
        """The Form with form_key on every node: a format string using {id} (pre-order
        numbering from ``id_start``), None, or a callable ``f(*, id, layout) -> str | None``."""
        if form_key is None:
            return self._build_form(_no_form_key)
        counter = [id_start]
        if isinstance(form_key, str):

            def getkey(layout):
                out = form_key.format(id=counter[0])
                counter[0] += 1
                return out

        elif callable(form_key):

            def getkey(layout):
                out = form_key(id=counter[0], layout=layout)
                counter[0] += 1
                return out

        else:
            raise TypeError(
                f"form_key must be None, a format string or a callable, not {type(form_key).__name__}"
            )
        return self._build_form(getkey)

    @staticmethod
    def _key_of(layout, getkey):
        return None if getkey is None else getkey(layout)

    # ------------------------------------------------------------------ parameters
    def with_parameter(self, key: str, value: Any):
        params = dict(self.parameters)
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
        return self.copy(parameters=params or None)

    def purelist_parameter(self, key: str):
        return self.purelist_parameters(key)

    def purelist_parameters(self, *keys: str):
        params = self._parameters
        if params is not None:
            for key in keys:
                if params.get(key) is not None:
                    return params[key]
        if self.is_list or self.is_option or self.is_indexed:
            return self.contents[0].purelist_parameters(*keys)
        return None

    # ------------------------------------------------------------------ generic rebuild
    def _map_slots(self, on_index, on_raw, on_content):
        """A new node of the same class with every Index/raw buffer/child transformed."""
        cls = type(self)
        out = cls.__new__(cls)
        derived = self._derived_slots
        for name in _all_slots(cls):
            try:
                value = getattr(self, name)
            except AttributeError:
                continue
            if name in derived:
                value = None
            elif name == _CHILD_SLOT:
                value = on_content(value)
            elif name == _CHILDREN_SLOT:
                value = [on_content(x) for x in value]
            elif name == _RAW_BUFFER_SLOT:
                value = on_raw(value)
            elif _is_index(value):
                value = on_index(value)
            object.__setattr__(out, name, value)
        return out

    def materialize(self, type_=MaterializableArray):
        """A new layout whose buffers are all concrete (runs every pending generator).

        When every buffer is already concrete, returns self after resolving lazily known
        metadata (length generators) in place on every node: the values are the same."""
        known = self._backend.nplike.known_data  # (a tracer's unknown lengths stay unknown)
        if self.is_all_materialized:
            return self._resolve_metadata_in_place() if known else self
        out = self._map_slots(
            lambda index: index.materialize(),
            lambda raw: raw.materialize() if isinstance(raw, type_) else raw,
            lambda child: child.materialize(type_),
        )
        return out._after_materialize() if known else out

    def _after_materialize(self):
        """Hook: resolve lazily known metadata (e.g. a length generator) in place; returns self."""
        return self

    def _resolve_metadata_in_place(self):
        for child in self.contents:
            child._resolve_metadata_in_place()
        return self._after_materialize()

    @property
    def is_all_materialized(self) -> bool:
        for buffer in self._buffers_by_attribute().values():
            if not _raw_is_materialized(buffer):
                return False
        for child in self.contents:
            if not child.is_all_materialized:
                return False
        return True

    @property
    def is_any_materialized(self) -> bool:
        for buffer in self._buffers_by_attribute().values():
            if isinstance(buffer, MaterializableArray):
                if getattr(buffer, "is_materialized", False):
                    return True
            else:
                return True
        return any(child.is_any_materialized for child in self.contents)

    def to_backend(self, backend=None):
        """The same layout on another backend (buffers converted; same backend: self)."""
        from awkward._backends import regularize_backend

        if backend is None:
            return self
        backend = regularize_backend(backend)
        if backend is self._backend:
            return self
        nplike, index_nplike = backend.nplike, backend.index_nplike
        if not nplike.known_data:
            return self.to_typetracer()
        if not self._backend.nplike.known_data:
            raise TypeError(
                f"cannot move a typetracer array to the {backend.name!r} backend: its data are "
                "unknown (a typetracer array has a type and no values)"
            )

        def convert_raw(raw):
            return _move_buffer(raw, nplike)

        def convert_index(index):
            return index.to_nplike(index_nplike)

        out = self._map_slots(convert_index, convert_raw, lambda child: child.to_backend(backend))
        object.__setattr__(out, _BACKEND_SLOT, backend)
        return out

    def to_typetracer(self, forget_length: bool = False):
        """This layout on the typetracer backend, reading no buffer (a virtual buffer's
        buffer_key names its tracer); ``forget_length`` makes the length unknown_length."""
        from awkward.contents._typetracer import to_typetracer

        return to_typetracer(self, forget_length)

    # ------------------------------------------------------------------ pickling
    def __reduce__(self):
        # materialize first; Index and numpy arrays pickle themselves, backends by name
        done = self.materialize()
        state = {}
        derived = done._derived_slots
        for name in _all_slots(type(done)):
            if name in derived:
                continue
            try:
                value = getattr(done, name)
            except AttributeError:
                continue
            if name == _BACKEND_SLOT:
                value = None if value is None else value.name
            state[name] = value
        return (_unpickle_layout, (type(done), state))

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        import copy

        return self._map_slots(
            lambda index: type(index)(copy.deepcopy(index.data, memo)),
            lambda raw: copy.deepcopy(raw, memo),
            lambda child: copy.deepcopy(child, memo),
        )

    # ------------------------------------------------------------------ conversions
    def to_list(self, behavior: dict | None = None) -> list:
        """Python objects for every row (materializes only the buffers it reads)."""
        return self._to_list(behavior)

    def _to_list(self, behavior) -> list:
        raise NotImplementedError

    def validity_error(self, path: str = "layout") -> str:
        """"" when the layout is internally consistent, else a message naming the node."""
        return self._validity_error(path)

    def _validity_error(self, path: str) -> str:
        return ""

    def _validity_message(self, path: str, message: str) -> str:
        return f"at {path} ({type(self)!r}): {message}"

    def to_packed(self, recursive: bool = True) -> Content:
        return self._to_packed(recursive)

    def _to_packed(self, recursive: bool) -> Content:
        raise NotImplementedError

    # ------------------------------------------------------------------ equality
    def is_equal_to(
        self,
        other: Content,
        index_dtype: bool = True,
        numpyarray: bool = True,
        *,
        all_parameters: bool = False,
    ) -> bool:
        """Same node types, attributes, parameters and buffer values (reads data)."""
        return self._is_equal_to(other, index_dtype, numpyarray, all_parameters)

    def _is_equal_to_attributes(self, other: Content) -> bool:
        """Hook: compare non-buffer attributes (size, fields, valid_when ...)."""
        return True

    def _is_equal_to(self, other, index_dtype, numpyarray, all_parameters) -> bool:
        if type(self) is not type(other):
            return False
        if all_parameters:
            if not parameters_are_equal(self._parameters, other._parameters):
                return False
        elif not type_parameters_equal(self._parameters, other._parameters):
            return False
        if not self._is_equal_to_attributes(other):
            return False
        if not maybe_equal(length_of(self), length_of(other)):
            return False
        mine, theirs = self._buffers_by_attribute(), other._buffers_by_attribute()
        if mine.keys() != theirs.keys():
            return False
        for key, left in mine.items():
            right = theirs[key]
            if self.is_numpy:
                if left.dtype != right.dtype:
                    return False
                if not numpyarray:
                    continue
            elif index_dtype and left.dtype != right.dtype:
                return False
            if not _buffers_equal(left, right):
                return False
        kids, other_kids = self.contents, other.contents
        if len(kids) != len(other_kids):
            return False
        return all(
            a._is_equal_to(b, index_dtype, numpyarray, all_parameters)
            for a, b in zip(kids, other_kids)
        )

    # ------------------------------------------------------------------ element access
    def __getitem__(self, where):
        """``layout[where]``: every slice ak.Array accepts.

        The common cases (int, step-1 slice, field name, list of field names) are answered
        here; everything else (arrays, masks, tuples, jagged indices, None, Ellipsis, an Index
        or a Content as an index) goes to the slicing layer, which registers itself with
        ``register_getitem`` when awkward is imported (this layer must not import it)."""
        kind = type(where)
        if kind is str:
            return self._getitem_field(where)
        if kind is int:
            return self._getitem_at(where)
        if kind is slice and (where.step is None or where.step == 1):
            start, stop, _ = where.indices(len(self))
            return self._getitem_range(start, max(start, stop))
        if kind is list and where and all(type(x) is str for x in where):
            return self._getitem_fields(where)
        getitem = _GETITEM[0]
        if getitem is None:
            raise TypeError(
                f"layouts support int, slice, field name and list of field names until "
                f"awkward._slicing is imported, not {kind.__name__}"
            )
        return getitem(self, where)

    def _normalize_at(self, where: int) -> int:
        length = length_of(self)
        if length is unknown_length or where is unknown_length:  # typetracer: no bounds to check
            return unknown_length if where is unknown_length or where < 0 else where
        at = where + length if where < 0 else where
        if not 0 <= at < length:
            raise IndexError(f"index {where} is out of bounds for {type(self).__name__} of length {length}")
        return at

    def _getitem_at(self, where: int):
        raise NotImplementedError

    def _getitem_range(self, start: int, stop: int) -> Content:
        raise NotImplementedError

    def _getitem_field(self, where: str) -> Content:
        raise FieldNotFoundError(f"no field {where!r}: {type(self).__name__} is not an array of records")

    def _getitem_fields(self, where: list[str]) -> Content:
        raise FieldNotFoundError(f"no fields {where!r}: {type(self).__name__} is not an array of records")

    def _carry(self, carry, allow_lazy: bool) -> Content:
        raise NotImplementedError

    def __iter__(self):
        for i in range(len(self)):
            yield self._getitem_at(i)

    # ------------------------------------------------------------------ repr
    def __repr__(self) -> str:
        return self._repr("", "", "")

    def _repr(self, indent: str, pre: str, post: str) -> str:
        raise NotImplementedError

    def _repr_length(self) -> str:
        length = self.length
        return "??" if length is unknown_length else str(length)

    def _repr_parameters(self, indent: str) -> str:
        if parameters_are_empty(self._parameters):
            return ""
        items = "".join(
            f"{indent}    <parameter name={key!r}>{value!r}</parameter>\n"
            for key, value in self._parameters.items()
        )
        return items

    @staticmethod
    def _repr_buffer(array: Any, limit: int = 6) -> str:
        """A few values of a buffer, or '??' when it is virtual and not materialized yet."""
        if isinstance(array, MaterializableArray):
            if not getattr(array, "is_materialized", False):
                return "[??]"
            array = array.materialize()
        length = len(array) if array.ndim > 0 else 0
        if length <= limit:
            values = array.tolist()
            return "[" + " ".join(repr(x) for x in values) + "]"
        head = array[: limit // 2].tolist()
        tail = array[length - limit // 2 :].tolist()
        return "[" + " ".join(repr(x) for x in head) + " ... " + " ".join(repr(x) for x in tail) + "]"

    @staticmethod
    def _repr_index(index, indent: str, tag: str) -> str:
        return index._repr(indent, f"<{tag}>", f"</{tag}>")


def _unpickle_layout(cls, state):
    out = cls.__new__(cls)
    for name in _all_slots(cls):
        if name in state:
            value = state[name]
            if name == _BACKEND_SLOT and value is not None:
                from awkward._backends import regularize_backend

                value = regularize_backend(value)
            object.__setattr__(out, name, value)
        elif name in cls._derived_slots:
            object.__setattr__(out, name, None)
    return out


def _buffers_equal(left, right) -> bool:
    from awkward._backends import backend_of_obj

    nplike = backend_of_obj(left).nplike
    if not nplike.known_data:
        # tracers (2.14): equal when their shapes may be, and no data is read
        shapes = declared_shape(left), declared_shape(right)
        return len(shapes[0]) == len(shapes[1]) and all(maybe_equal(a, b) for a, b in zip(*shapes))
    left, right = concrete(left, right)
    if left.shape != right.shape:
        return False
    return nplike.array_equal(left, right)


def _host_or_device(array, nplike):
    if not nplike.is_own_array(array):
        get = getattr(array, "get", None)  # cupy -> numpy goes through .get()
        if callable(get):
            array = get()
    return nplike.asarray(array)


def _move_buffer(raw, nplike):
    """The buffer on another nplike; an untouched virtual buffer stays virtual."""
    if nplike.is_own_array(raw):
        return raw
    from awkward._nplikes.virtual import VirtualNDArray

    if isinstance(raw, VirtualNDArray) and not raw.is_materialized:
        return VirtualNDArray(
            nplike,
            declared_shape(raw),
            raw.dtype,
            lambda: _host_or_device(raw.materialize(), nplike),
            buffer_key=raw.buffer_key,
        )
    (raw,) = concrete(raw)
    return _host_or_device(raw, nplike)

