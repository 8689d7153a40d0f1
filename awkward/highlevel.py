"""ak.Array, ak.Record and ak.ArrayBuilder: the user-facing wrappers around layouts.

An ak.Array holds one layout (Content), an optional behavior mapping (overlaying the global
``ak.behavior``) and optional ``attrs``. Its Python class is chosen from the behavior by the
layout's ``__list__``/``__array__``/``__record__`` names (see awkward/_behavior.py), so a
behavior class's methods and properties appear on the array. Printing goes through
awkward/prettyprint.py, which never materializes a virtual buffer.
"""

from __future__ import annotations

import copy as _copy
import sys
from collections.abc import Iterable, Mapping, Sized

from awkward import _behavior, prettyprint
from awkward._attrs import Attrs, without_transient_attrs
from awkward._connect.numpy_operators import NDArrayOperatorsMixin  # noqa: F401 (dask-awkward)
from awkward._reducers import register_highlevel as _register_reducer_lookup
from awkward._util import UNSET
from awkward.contents.content import Content, concrete
from awkward.errors import FieldNotFoundError
from awkward.operations import _named_axis as _na
from awkward.operations._layout_args import register_highlevel
from awkward.operations.ak_from_json import from_json
from awkward.operations.ak_to_layout import to_layout
from awkward.operations.ak_to_numpy import to_numpy
from awkward.record import Record as LayoutRecord

__all__ = ["Array", "Record", "ArrayBuilder"]

_DEFAULT_WIDTH = 80


def _terminal_width() -> int:
    """The width used by repr/str: 80 columns, fewer when the terminal is narrower."""
    import shutil

    columns = shutil.get_terminal_size((_DEFAULT_WIDTH, 24)).columns
    return max(min(columns, _DEFAULT_WIDTH), 40)


def _named_axis_text(named, separator: str) -> str:
    # ordered by axis (as printed by awkward 2.14: a negative axis comes first)
    return separator.join(f"{name}:{position}" for name, position in sorted(named.items(), key=lambda item: item[1]))


def _check_mapping(value, what: str):
    if value is not None and not isinstance(value, Mapping):
        raise TypeError(f"{what} must be a mapping (dict) or None, not {type(value).__name__}")
    return value


# ---------------------------------------------------------------------- anything -> layout
def _to_layout(data, *, allow_record: bool):
    if isinstance(data, Content):
        return data
    if isinstance(data, LayoutRecord):
        if not allow_record:
            raise TypeError("ak.Array cannot wrap a record: use ak.Record (or wrap record.array)")
        return data
    if isinstance(data, (Array, Record)):
        return data.layout
    if isinstance(data, ArrayBuilder):
        return data._snapshot_layout()
    if isinstance(data, str):
        return from_json(data, highlevel=False)
    if isinstance(data, Mapping):
        return _dict_of_arrays(data)
    if data is None or _is_scalar(data):
        raise TypeError(
            f"cannot make an array from a scalar ({type(data).__name__}): wrap it in a list"
        )
    try:
        return to_layout(data)
    except TypeError as err:
        raise TypeError(f"cannot make an ak.Array from {type(data).__name__}: {err}") from err


def _dict_of_arrays(data: Mapping):
    from awkward.contents import RecordArray

    if not data:
        raise ValueError("ak.Array from a dict needs at least one field")
    fields, contents = [], []
    for key, value in data.items():
        if not isinstance(key, str):
            raise TypeError(f"ak.Array from a dict: field names must be strings, not {key!r}")
        layout = _to_layout(value, allow_record=False)
        fields.append(key)
        contents.append(layout)
    lengths = {len(c) for c in contents}
    if len(lengths) != 1:
        raise ValueError(f"ak.Array from a dict: all fields must have the same length, got {sorted(lengths)}")
    return RecordArray(contents, fields, lengths.pop())


def _with_name(layout, name):
    """Set ``__record__`` on the outermost record nodes (through lists, options, indexes)."""
    if layout.is_record:
        return layout.with_parameter("__record__", name)
    if layout.is_union:
        return layout.copy(contents=[_with_name(c, name) for c in layout.contents])
    if layout.is_list or layout.is_option or layout.is_indexed:
        return layout.copy(content=_with_name(layout.content, name))
    return layout


# ---------------------------------------------------------------------- field assignment
def _set_field(layout, path: tuple, what):
    """A layout with field ``path`` (a tuple of names) set to ``what`` (layout or scalar),
    broadcast down to the records as ak.with_field does (awkward._do.with_field)."""
    from awkward._do import with_field

    return with_field(layout, what, path, "ak.Array.__setitem__")


def _delete_field(layout, where, owner: str):
    """``del array[where]``: the field (a name or a tuple of names) removed from the outermost
    records by awkward._do.without_field, as ak.without_field does (an unknown field is a
    FieldNotFoundError, an array without records comes back unchanged; nothing is read)."""
    from awkward._do import without_field

    if isinstance(where, str):
        path = (where,)
    elif isinstance(where, tuple) and where and all(isinstance(x, str) for x in where):
        path = where
    else:
        raise TypeError(f"only fields may be removed in-place (by field name or tuple of names), not {where!r}")
    return without_field(layout, path, f"ak.{owner}.__delitem__")


def _field_path(where) -> tuple:
    if isinstance(where, str):
        return (where,)
    if isinstance(where, tuple) and where and all(isinstance(x, str) for x in where):
        return where
    raise TypeError(f"only fields may be assigned in-place (by field name or tuple of names), not {where!r}")


# ---------------------------------------------------------------------- item access
def _getitem(layout, where):
    # every kind of slice goes through the slicing layer (one implementation, one set of errors)
    from awkward._slicing import getitem

    return getitem(layout, where)


def _string_scalar(layout):
    """One string (``char`` content) as ``str``, one bytestring (``byte`` content) as ``bytes``:
    what picking a single element of a string array gives, as in awkward."""
    (data,) = concrete(layout.data)
    raw = data.tobytes()
    if layout.parameter("__array__") == "char":
        return raw.decode("utf-8", errors="surrogateescape")
    return raw


class _Wrapping:
    """Shared by Array and Record: behavior, attrs, wrapping results, printing, pickling."""

    __slots__ = ()

    def _set_state(self, layout, behavior, attrs, named_axis, backend, check_valid):
        """The end of both constructors: move to ``backend``, validate on request, store."""
        if backend is not None:
            layout = layout.to_backend(backend)
        if check_valid:
            message = layout.validity_error()
            if message:
                raise ValueError(f"ak.{type(self).__name__}: invalid layout: {message}")
        object.__setattr__(self, "_layout", layout)
        object.__setattr__(self, "_behavior", behavior)
        if named_axis is not None:  # kept in attrs, as in awkward 2.14, so operations carry it
            attrs = {**(attrs or {}), _na.NAMED_AXIS_KEY: _na.normalize_named_axis(named_axis, _na.ndim_of(layout))}
        object.__setattr__(self, "_attrs", None if attrs is None else Attrs(attrs))
        object.__setattr__(self, "_named_axis", None)
        self._update_class()

    @classmethod
    def _from_layout(cls, layout, behavior, attrs):
        """``cls(layout, behavior=, attrs=)`` for a layout of the right kind (a Content for
        Array, a layout Record for Record): what operations return, wrapped without the
        constructor's argument dispatch."""
        _check_mapping(behavior, "behavior")
        _check_mapping(attrs, "attrs")
        out = object.__new__(cls)
        out._set_state(layout, behavior, attrs, None, None, False)
        return out

    def _update_class(self):
        # the behavior decides the class (e.g. a "Point" record class); the base class of this
        # wrapper is the first of Array/Record in the MRO
        base = Array if isinstance(self, Array) else Record
        cls = self._behavior_class()
        if type(self) is not cls and (type(self) is base or cls is not base):
            object.__setattr__(self, "__class__", cls)

    @property
    def layout(self):
        return self._layout

    @layout.setter
    def layout(self, layout):
        wanted, name = (Content, "Content") if isinstance(self, Array) else (LayoutRecord, "layout Record")
        if not isinstance(layout, wanted):
            raise TypeError(f"layout must be a {name}, not {type(layout).__name__}")
        object.__setattr__(self, "_layout", layout)
        self._update_class()

    def _wrap(self, result):
        if isinstance(result, Content):
            if result.is_numpy and result.parameter("__array__") in ("char", "byte"):
                if result.backend.nplike.known_data:
                    return _string_scalar(result)
                # a typetracer's string is unknown: its characters (read) stand for it
                concrete(result.data)
            return Array(result, behavior=self._behavior, attrs=self._attrs)
        if isinstance(result, LayoutRecord):
            return Record(result, behavior=self._behavior, attrs=self._attrs)
        return result

    @property
    def behavior(self):
        return self._behavior

    @behavior.setter
    def behavior(self, behavior):
        self._behavior = _check_mapping(behavior, "behavior")
        self._update_class()

    @property
    def attrs(self) -> Attrs:
        if self._attrs is None:
            self._attrs = Attrs({})
        return self._attrs

    @attrs.setter
    def attrs(self, value):
        self._attrs = Attrs(_check_mapping(value, "attrs") or {})

    @property
    def named_axis(self) -> dict:
        return dict(_na.named_axis_of(self))

    @property
    def positional_axis(self) -> tuple:
        return tuple(range(_na.ndim_of(self._layout)))

    @property
    def fields(self) -> list:
        return self._layout.fields

    @property
    def is_tuple(self) -> bool:
        return self._layout.is_tuple

    @property
    def typestr(self) -> str:
        return str(self.type)

    @property
    def nbytes(self) -> int:
        layout = self._layout
        return (layout.array if isinstance(layout, LayoutRecord) else layout).nbytes

    @property
    def numba_type(self):
        """The numba type of this array/record inside ``@numba.njit`` functions (needs numba)."""
        from awkward._connect.numba import numba_type_of

        return numba_type_of(self)

    @property
    def _numba_type_(self):
        # numba's dispatcher reads this attribute before its slower typeof machinery: with the
        # type cached on the array, calling a compiled function costs little
        from awkward._connect.numba import numba_type_of

        return numba_type_of(self)

    def to_list(self):
        return self._layout.to_list(self._behavior)

    def tolist(self):
        return self.to_list()

    # -------------------------------------------------------------- attribute access
    def __getattr__(self, where):
        if where.startswith("_"):
            raise AttributeError(where)
        try:
            layout = object.__getattribute__(self, "_layout")
        except AttributeError:
            raise AttributeError(where) from None
        if where in layout.fields:
            try:
                return self[where]
            except Exception as err:
                raise AttributeError(f"while reading field {where!r}: {err}") from err
        raise AttributeError(f"no field named {where!r}")

    def __setattr__(self, name, value):
        if name.startswith("_") or hasattr(type(self), name):
            object.__setattr__(self, name, value)
        elif name in self._layout.fields:
            raise AttributeError(f"assign fields with brackets: array[{name!r}] = ...")
        else:
            # as in awkward: an attribute set by mistake would look like a new field but is not
            raise AttributeError(
                f"cannot set attribute {name!r}: only private attributes (starting with '_') can "
                f"be set on arrays; to add a field use array[{name!r}] = ..."
            )

    def __dir__(self):
        names = set(super().__dir__())
        names.update(f for f in self._layout.fields if prettyprint.is_identifier.match(f))
        return sorted(names)

    # -------------------------------------------------------------- printing
    def _custom_str(self):
        """A hook for prettyprint: records whose behavior class overrides __str__/__repr__."""
        own = self._behavior

        def custom(view):
            if not isinstance(view, prettyprint.RecordView):
                return None
            name = view.array.parameter("__record__")
            if not isinstance(name, str):
                return None
            cls = _behavior.record_class(LayoutRecord(view.array, view.at), own, Record)
            if cls is Record:
                return None
            if cls.__str__ is not Record.__str__:
                return str(cls(LayoutRecord(view.array, view.at), behavior=own))
            if cls.__repr__ is not Record.__repr__:
                return repr(cls(LayoutRecord(view.array, view.at), behavior=own))
            return None

        return custom

    def _repr_text(self, limit_cols: int) -> str:
        kind = "Record" if isinstance(self, Record) else "Array"
        named = _na.named_axis_of(self)  # awkward 2.14: <Array [...] x:0,y:1 type='...'>
        extra = _named_axis_text(named, ",") if named else ""
        return prettyprint.repr_line(kind, self._layout, str(self.type), limit_cols, self._custom_str(), extra)

    def __repr__(self) -> str:
        return self._repr_text(_terminal_width())

    def __str__(self) -> str:
        return prettyprint.valuestr_horiz(self._layout, _terminal_width(), None, self._custom_str())

    def show(
        self,
        limit_rows=20,
        limit_cols=80,
        *,
        type=False,
        named_axis=False,
        nbytes=False,
        backend=False,
        all=False,
        stream=UNSET,
        formatter=None,
        precision=3,
    ):
        """Print up to ``limit_rows`` lines of ``limit_cols`` columns (``stream=None``: return
        the text). Unmaterialized values print as ``??``; nothing is materialized."""
        if all:
            type = nbytes = backend = named_axis = True
        if not isinstance(formatter, prettyprint.Formatter):
            formatter = prettyprint.Formatter(formatter, precision=precision)
        lines = []
        if type:
            text = "type: " + self.type.show(stream=None).rstrip("\n")
            if len(text) > limit_cols:  # awkward cuts the type block at limit_cols characters
                text = text[: max(limit_cols - 3, 0)] + "..."
            lines.append(text)
        if nbytes:
            lines.append("nbytes: " + prettyprint.bytes_repr(self.nbytes))
        if backend:
            layout = self._layout
            lines.append("backend: " + (layout.array if isinstance(layout, LayoutRecord) else layout).backend.name)
        if named_axis and _na.named_axis_of(self):
            lines.append("named axis: " + _named_axis_text(_na.named_axis_of(self), ", "))
        layout = self._layout
        if isinstance(layout, LayoutRecord) or len(layout) > 0 or limit_rows <= 1:
            # (on several lines, an empty array shows nothing, as in awkward)
            lines.append(prettyprint.valuestr(layout, limit_rows, limit_cols, formatter, self._custom_str()))
        else:
            lines.append("")
        text = "\n".join(lines)
        if stream is None:
            return text
        if stream is UNSET:
            stream = sys.stdout
        stream.write(text + "\n")
        return None

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/plain": self._repr_text(_DEFAULT_WIDTH)}

    # -------------------------------------------------------------- copying and pickling
    def __copy__(self):
        return type(self)(self._layout, behavior=self._behavior, attrs=self._attrs)

    def __deepcopy__(self, memo):
        return type(self)(
            _copy.deepcopy(self._layout, memo),
            behavior=_copy.deepcopy(self._behavior, memo),
            attrs=_copy.deepcopy(self._attrs, memo),
        )

    def __reduce__(self):
        # the layout pickles itself materialized; the global behavior and transient ("@") attrs
        # are not pickled
        kind = "record" if isinstance(self, Record) else "array"
        attrs = None if self._attrs is None else without_transient_attrs(self._attrs)
        return (_unpickle, (kind, self._layout, self._behavior, attrs))

    def __setstate__(self, state):
        # only arrays pickled by awkward 1 get here (ours unpickle through _unpickle)
        from awkward.operations._awkward1_state import layout_from_awkward1_state

        layout, behavior = layout_from_awkward1_state(state, isinstance(self, Record))
        self._set_state(layout, behavior, None, None, None, False)


def _unpickle(kind, layout, behavior, attrs):
    cls = Record if kind == "record" else Array
    return cls(layout, behavior=behavior, attrs=attrs)


# ---------------------------------------------------------------------- ak.Array
class Array(_Wrapping, Iterable, Sized):
    """A (possibly nested, jagged, lazy) array: ``ak.Array(data, *, behavior=None, ...)``.

    ``data`` may be a layout, an ak.Array, a list or other iterable of Python objects, a dict
    of equal-length arrays (fields of records), a numpy array, or a JSON string."""

    __slots__ = ("_layout", "_behavior", "_attrs", "_named_axis", "__weakref__", "__dict__")

    def __init__(
        self,
        data,
        *,
        behavior=None,
        with_name=None,
        check_valid=False,
        backend=None,
        attrs=None,
        named_axis=None,
    ):
        _check_mapping(behavior, "behavior")
        _check_mapping(attrs, "attrs")
        if isinstance(data, Array):
            behavior = data._behavior if behavior is None else behavior
            attrs = data._attrs if attrs is None else attrs
        layout = _to_layout(data, allow_record=False)
        if isinstance(layout, LayoutRecord):
            raise TypeError("ak.Array cannot wrap a record: use ak.Record")
        if with_name is not None:
            layout = _with_name(layout, with_name)
        self._set_state(layout, behavior, attrs, named_axis, backend, check_valid)

    # -------------------------------------------------------------- structure
    def _behavior_class(self):
        return _behavior.array_class(self._layout, self._behavior, Array)

    @property
    def type(self):
        from awkward.types import ArrayType

        return ArrayType(self._layout.form.type, self._layout.length, self._behavior)

    @property
    def ndim(self) -> int:
        return self._layout.form.purelist_depth

    def __len__(self) -> int:
        return len(self._layout)

    def __iter__(self):
        layout = self._layout
        if layout.is_numpy and len(layout.inner_shape) == 0:
            yield from layout.to_list()
            return
        for i in range(len(layout)):
            yield self._wrap(layout._getitem_at(i))

    def __getitem__(self, where):
        named = _na.named_axis_of(self)
        if isinstance(where, Mapping):  # named slicing, as 2.14: array[{"x": 0, "y": 1:}]
            where = _na.named_slice(where, named, _na.ndim_of(self._layout))
        out = self._wrap(_getitem(self._layout, where))
        if named and isinstance(out, _Wrapping):
            out = _na.set_named_axis(out, _na.sliced_named_axis(named, _na.ndim_of(self._layout), where))
        return out

    def __setitem__(self, where, what):
        path = _field_path(where)
        if isinstance(what, (Array, Record)) or not _is_scalar(what):
            what = _to_layout(what, allow_record=False)
        object.__setattr__(self, "_layout", _set_field(self._layout, path, what))
        self._update_class()

    def __delitem__(self, where):
        object.__setattr__(self, "_layout", _delete_field(self._layout, where, "Array"))
        self._update_class()

    class Mask:
        """``array.mask[m]`` is ``ak.mask(array, m)``: None where ``m`` is False."""

        __slots__ = ("_array",)

        def __init__(self, array):
            self._array = array

        def __getitem__(self, where):
            from awkward.operations.ak_mask import mask

            return mask(self._array, where)

    @property
    def mask(self):
        """``array.mask[m]``: the array with None where the boolean array ``m`` is False."""
        return Array.Mask(self)

    # -------------------------------------------------------------- conversions
    def to_numpy(self, allow_missing=True):
        return to_numpy(self, allow_missing=allow_missing)

    def __array__(self, dtype=None, copy=None):
        out = to_numpy(self, allow_missing=False)
        if dtype is not None:
            out = out.astype(dtype)
        return out

    def __bool__(self):
        if len(self) == 1:
            return bool(self[0])
        raise ValueError(
            "the truth value of an array whose length is not 1 is ambiguous; use ak.any() or ak.all()"
        )


def _is_scalar(value) -> bool:
    return isinstance(value, (bool, int, float, complex, str, bytes)) or (
        getattr(value, "ndim", None) == 0
    )


# ---------------------------------------------------------------------- ak.Record
class Record(_Wrapping):
    """One record: ``ak.Record({"x": 1, "y": 2.2})`` or a layout Record."""

    __slots__ = ("_layout", "_behavior", "_attrs", "_named_axis", "__weakref__", "__dict__")

    def __init__(
        self,
        data,
        *,
        behavior=None,
        with_name=None,
        check_valid=False,
        backend=None,
        attrs=None,
        named_axis=None,
    ):
        _check_mapping(behavior, "behavior")
        _check_mapping(attrs, "attrs")
        if isinstance(data, Record):
            behavior = data._behavior if behavior is None else behavior
            attrs = data._attrs if attrs is None else attrs
            layout = data._layout
        elif isinstance(data, LayoutRecord):
            layout = data
        elif isinstance(data, Mapping) or isinstance(data, tuple):
            array = _to_layout([data], allow_record=False)
            layout = array._getitem_at(0)
            if not isinstance(layout, LayoutRecord):
                raise TypeError(f"ak.Record: {type(data).__name__} did not make a record")
        elif isinstance(data, str):
            layout = from_json(data, highlevel=False)
        else:
            raise TypeError(f"ak.Record needs a dict, a tuple or a layout Record, not {type(data).__name__}")
        if not isinstance(layout, LayoutRecord):
            raise TypeError(f"ak.Record needs record data, got {type(layout).__name__}")
        if with_name is not None:
            layout = LayoutRecord(layout.array.with_parameter("__record__", with_name), layout.at)
        self._set_state(layout, behavior, attrs, named_axis, backend, check_valid)

    def _behavior_class(self):
        return _behavior.record_class(self._layout, self._behavior, Record)

    @property
    def type(self):
        from awkward.types import ScalarType

        return ScalarType(self._layout.array.form.type, self._behavior)

    def __getitem__(self, where):
        # field names only, as awkward 2.14 (record[0] is an IndexError): the slicing layer decides
        layout = self._layout
        if isinstance(where, str):
            if where not in layout.fields:
                raise FieldNotFoundError(f"no field {where!r} in record with fields {layout.fields}")
            return self._wrap(layout.content(where))
        return self._wrap(_getitem(layout, where))

    def __setitem__(self, where, what):
        path = _field_path(where)
        if isinstance(what, (Array, Record)) or not _is_scalar(what):
            raise TypeError("a field of a single record can only be set to a scalar here")
        array = self._layout.array
        one = array._getitem_range(self._layout.at, self._layout.at + 1)
        object.__setattr__(self, "_layout", LayoutRecord(_set_field(one, path, what), 0))
        self._update_class()

    def __delitem__(self, where):
        object.__setattr__(self, "_layout", _delete_field(self._layout, where, "Record"))
        self._update_class()

    def __iter__(self):
        # iterating over a record yields its field names, like a dict
        return iter(self._layout.fields)


from awkward._highlevel.builder import ArrayBuilder  # noqa: E402  (needs Array above)

_dir_pattern = prettyprint.is_identifier  # attribute-like field names (dask-awkward uses it)

register_highlevel(Array, Record)
_register_reducer_lookup(lookup=_behavior.lookup)  # record overloads of ak.sum ...


# ---------------------------------------------------------------------- numpy ufuncs and operators
# ak.Array takes part in numpy's ufunc protocol; the operators are the same ufuncs, applied by
# broadcasting (awkward/_broadcasting.py through awkward/_connect/numpy_ufuncs.py).
_REFLECTABLE_OPERATORS = (
    "add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul", "divmod",
    "lshift", "rshift", "and", "or", "xor",
)  # fmt: skip
_COMPARISON_OPERATORS = ("eq", "ne", "lt", "le", "gt", "ge")
_UNARY_OPERATORS = ("neg", "pos", "abs", "invert")


def _with_broadcast_names(inputs, compute):
    """``compute()`` with the named axes of the inputs unified onto its results (two different
    names for one dimension are a ValueError, raised before computing)."""
    named = [(_na.named_axis_of(x), x) for x in inputs if isinstance(x, _Wrapping)]
    named = [(names, _na.ndim_of(x._layout)) for names, x in named if names]
    if not named:
        return compute()
    names = _na.unify_named_axes(named) if len(named) > 1 else named[0][0]
    out = compute()
    if isinstance(out, tuple):
        return tuple(_na.set_named_axis(x, names) if isinstance(x, _Wrapping) else x for x in out)
    return _na.set_named_axis(out, names) if isinstance(out, _Wrapping) else out


def _array_ufunc(self, ufunc, method, *inputs, **kwargs):
    from awkward._connect.numpy_ufuncs import array_ufunc

    return _with_broadcast_names(inputs, lambda: array_ufunc(ufunc, method, inputs, kwargs))


def _operator_method(name: str, *, reflected: bool = False):
    def method(self, *other):
        from awkward._connect.numpy_ufuncs import apply_operator

        return _with_broadcast_names((self, *other), lambda: apply_operator(name, self, *other, reflected=reflected))

    method.__name__ = f"__{'r' if reflected else ''}{name}__"
    method.__doc__ = f"elementwise {name} through numpy's ufunc (broadcasting awkward structure)"
    return method


def _install_operators(cls) -> None:
    cls.__array_ufunc__ = _array_ufunc
    for name in _REFLECTABLE_OPERATORS:
        setattr(cls, f"__{name}__", _operator_method(name))
        setattr(cls, f"__r{name}__", _operator_method(name, reflected=True))
    for name in _COMPARISON_OPERATORS:
        setattr(cls, f"__{name}__", _operator_method(name))
    for name in _UNARY_OPERATORS:
        setattr(cls, f"__{name}__", _operator_method(name))
    cls.__hash__ = None  # defining __eq__ elementwise makes arrays unhashable, as in awkward


_install_operators(Array)
_install_operators(Record)  # a record takes part in ufuncs as a scalar (named-record overloads)


def _array_function(self, func, types, args, kwargs):
    # numpy functions (np.concatenate, np.where, np.round, ...): awkward/_connect/numpy_functions.py
    from awkward._connect.numpy_functions import array_function

    return array_function(func, types, args, kwargs)


Array.__array_function__ = _array_function
