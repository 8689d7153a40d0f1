"""The Form base class: a serializable, buffer-free description of a layout.

A form names the structure of a layout (classes, index types, parameters, form keys) and
nothing else. Forms never hold or touch buffers, so every method here is pure metadata.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping

from awkward._nplikes.dtypes import primitive_to_dtype
from awkward._parameters import (
    copy_parameters,
    parameters_are_equal,
    type_parameters_equal,
)
from awkward._util import UNSET

__all__ = ["Form", "index_to_dtype", "INDEX_TYPES"]

# Index types as they are spelled in forms, and the dtypes of their buffers.
INDEX_TYPES = ("i8", "u8", "i32", "u32", "i64")
_INDEX_PRIMITIVES = {
    "i8": "int8",
    "u8": "uint8",
    "i32": "int32",
    "u32": "uint32",
    "i64": "int64",
}


def index_to_dtype(index: str):
    """'i64' -> dtype('int64')."""
    return primitive_to_dtype(_INDEX_PRIMITIVES[index])


def check_index(owner: str, attribute: str, value, allowed: tuple[str, ...]) -> str:
    """Validate an index-type string such as 'i64' against the ones the layout accepts."""
    if not isinstance(value, str):
        raise TypeError(f"{owner} {attribute!r} must be of type str, not {value!r}")
    if value not in allowed:
        raise ValueError(
            f"{owner} {attribute!r} must be one of {', '.join(map(repr, allowed))}, not {value!r}"
        )
    return value


def check_content(owner: str, content) -> Form:
    if not isinstance(content, Form):
        raise TypeError(f"{owner} 'content' must be a Form subclass, not {content!r}")
    return content


def check_contents(owner: str, contents) -> list[Form]:
    if isinstance(contents, (str, bytes, Form, Mapping)) or not isinstance(contents, Iterable):
        raise TypeError(f"{owner} 'contents' must be an iterable of Forms, not {contents!r}")
    out = list(contents)
    for content in out:
        if not isinstance(content, Form):
            raise TypeError(f"{owner} all 'contents' must be Form subclasses, not {content!r}")
    return out


def check_bool(owner: str, attribute: str, value) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"{owner} {attribute!r} must be bool, not {value!r}")
    return value


def _resolve(value, default):
    return default if value is UNSET else value


class Form:
    """Abstract base of the twelve form classes."""

    __slots__ = ("_parameters", "_form_key")

    # Forms compare structurally and their parameters are a mutable dict: not hashable.
    __hash__ = None

    # Set on each subclass: the layout class name used in dicts ("ListOffsetArray", ...).
    _layout_class: str = ""

    # Meta flags; each subclass overrides the ones that apply.
    is_numpy = False
    is_unknown = False
    is_list = False
    is_regular = False
    is_option = False
    is_indexed = False
    is_record = False
    is_union = False
    is_leaf = False

    def _init(self, parameters, form_key) -> None:
        name = type(self).__name__
        if parameters is not None and not isinstance(parameters, Mapping):
            raise TypeError(f"{name} 'parameters' must be of type dict or None, not {parameters!r}")
        try:
            self._parameters = copy_parameters(parameters)
        except TypeError as err:
            raise TypeError(f"{name} 'parameters': {err}") from None
        if form_key is not None and not isinstance(form_key, str):
            raise TypeError(f"{name} 'form_key' must be of type string or None, not {form_key!r}")
        self._form_key = form_key

    # ---- parameters and key ---------------------------------------------------------

    @property
    def parameters(self) -> dict:
        if self._parameters is None:
            self._parameters = {}
        return self._parameters

    def parameter(self, key: str):
        if not self._parameters:
            return None
        return self._parameters.get(key)

    @property
    def form_key(self) -> str | None:
        return self._form_key

    @form_key.setter
    def form_key(self, value: str | None) -> None:
        # settable as in awkward (dask-awkward renames the keys of a form it owns)
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{type(self).__name__} 'form_key' must be of type string or None, not {value!r}")
        self._form_key = value

    def purelist_parameters(self, *keys: str):
        """The first non-None value of `keys` on this node, or down the list-like spine."""
        if self._parameters:
            for key in keys:
                value = self._parameters.get(key)
                if value is not None:
                    return value
        return None

    def purelist_parameter(self, key: str):
        return self.purelist_parameters(key)

    # ---- structure (overridden where it applies) -----------------------------------

    @property
    def fields(self) -> list[str]:
        return []

    @property
    def is_tuple(self) -> bool:
        return False

    @property
    def is_identity_like(self) -> bool:
        return False

    @property
    def dimension_optiontype(self) -> bool:
        return False

    # ---- serialization -----------------------------------------------------------------

    def _to_dict_part(self, verbose: bool, toplevel: bool):
        raise NotImplementedError

    def _to_dict_extra(self, out: dict, verbose: bool) -> dict:
        if verbose or self._parameters:
            out["parameters"] = dict(self._parameters or {})
        if verbose or self._form_key is not None:
            out["form_key"] = self._form_key
        return out

    def to_dict(self, verbose: bool = True):
        """The JSON-ready dict; non-verbose omits defaults and writes plain leaves as strings."""
        return self._to_dict_part(verbose, toplevel=True)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(verbose=True))

    def __str__(self) -> str:
        return json.dumps(self.to_dict(verbose=False), indent=4)

    def _repr_args(self) -> list[str]:
        raise NotImplementedError

    def _repr_extra(self) -> list[str]:
        out = []
        if self._parameters:
            out.append(f"parameters={self._parameters!r}")
        if self._form_key is not None:
            out.append(f"form_key={self._form_key!r}")
        return out

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(self._repr_args() + self._repr_extra())})"

    def __reduce__(self):
        # Rebuild through from_dict: compact, independent of slot layout.
        from awkward.forms._from import from_dict

        return (from_dict, (self.to_dict(verbose=False),))

    # ---- copying -------------------------------------------------------------------

    def _copy_common(self, parameters, form_key) -> dict:
        return {
            "parameters": _resolve(parameters, self._parameters),
            "form_key": _resolve(form_key, self._form_key),
        }

    def __copy__(self):
        return self.copy()

    def __deepcopy__(self, memo):
        return self.copy()

    # ---- equality --------------------------------------------------------------------

    def _is_equal_to(self, other, all_parameters: bool, form_key: bool) -> bool:
        raise NotImplementedError

    def _same_node(self, other, all_parameters: bool, form_key: bool) -> bool:
        """Class, parameters and (optionally) form keys match; subclasses compare the rest."""
        if type(other) is not type(self):
            return False
        if form_key and self._form_key != other._form_key:
            return False
        if all_parameters:
            return parameters_are_equal(self._parameters, other._parameters)
        return type_parameters_equal(self._parameters, other._parameters)

    def is_equal_to(self, other, *, all_parameters: bool = False, form_key: bool = False) -> bool:
        """Structural equality. Only type-defining parameters count unless `all_parameters`;
        form keys count only with `form_key=True`."""
        return self._is_equal_to(other, all_parameters, form_key)

    def __eq__(self, other) -> bool:
        if not isinstance(other, Form):
            return NotImplemented
        return self._is_equal_to(other, False, False)

    def __ne__(self, other) -> bool:
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    # ---- types -----------------------------------------------------------------------

    @property
    def type(self):
        """The high-level type (awkward.types) this form describes."""
        return self._type()

    def _type(self):
        raise NotImplementedError

    # ---- columns ---------------------------------------------------------------------

    def _walk_columns(self, path: tuple, list_indicator, out: list) -> None:
        """Append the path (tuple of names) of every leaf below this node."""
        raise NotImplementedError

    def columns(self, list_indicator=None, column_prefix=()) -> list[str]:
        """Dotted names of the leaves; records add field names, lists add `list_indicator`."""
        if isinstance(column_prefix, str):
            column_prefix = (column_prefix,)
        out: list[tuple] = []
        self._walk_columns(tuple(column_prefix), list_indicator, out)
        return [".".join(path) for path in out]

    def _walk_column_types(self, out: list) -> None:
        raise NotImplementedError

    def column_types(self) -> tuple:
        """dtype of every NumpyForm leaf ('empty' for EmptyForm leaves), depth first."""
        out: list = []
        self._walk_column_types(out)
        return tuple(out)

    def select_columns(self, specifier, expand_braces=True, *, prune_unions_and_records=True):
        """The form restricted to the columns named by `specifier` (see awkward.forms._columns)."""
        from awkward.forms._columns import select_columns

        return select_columns(self, specifier, expand_braces, prune_unions_and_records)

    def _select(self, specs, prune: bool):
        """Selection below this node for path specs (tuples of patterns, () = everything).

        Returns None when nothing below matched (only when `prune`)."""
        raise NotImplementedError

    def _has_leaves(self) -> bool:
        """Whether any NumpyForm/EmptyForm leaf is below (an all-empty record has none)."""
        return True

    def _empty_selection(self):
        """What a top-level selection that matched nothing returns for this form."""
        raise NotImplementedError

    # ---- buffers ---------------------------------------------------------------------

    def _buffer_dtypes(self) -> list[tuple[str, object]]:
        """(attribute, dtype) of this node's own buffers, in from_buffers order."""
        return []

    def _children(self) -> list[Form]:
        return []

    def expected_from_buffers(
        self, buffer_key: str | Callable = "{form_key}-{attribute}", recursive: bool = True
    ) -> dict:
        """{buffer key: dtype} of the buffers that from_buffers reads for this form."""
        if isinstance(buffer_key, str):
            template = buffer_key

            def make_key(form_key, attribute, form):
                return template.format(form_key=form_key, attribute=attribute, form=form)

        elif callable(buffer_key):
            make_key = buffer_key
        else:
            raise TypeError(f"buffer_key must be a format string or a callable, not {buffer_key!r}")
        out: dict = {}
        stack = [self]
        while stack:
            node = stack.pop()
            for attribute, dtype in node._buffer_dtypes():
                out[make_key(form_key=node._form_key, attribute=attribute, form=node)] = dtype
            if recursive:
                stack.extend(reversed(node._children()))
        return out

    def length_zero_array(self, *, backend="cpu", highlevel=False, behavior=None):
        """An empty layout of this form (zero-length buffers of the right dtypes).

        Forms sit below the high-level layer, so only layouts come back: wrap the result in
        ak.Array for a high-level array."""
        if highlevel:
            raise NotImplementedError(
                "Form.length_zero_array returns a layout: call it with highlevel=False and wrap "
                "the result with ak.Array(...)"
            )
        # contents and forms are one layer; imported here because contents imports forms
        from awkward._backends.dispatch import regularize_backend
        from awkward.contents._from_buffers import layout_from_buffers

        backend = regularize_backend(backend)

        def key_of(form_key, attribute, form):
            return (id(form), attribute)  # unique per node, whatever the form keys are

        # one zero per buffer: offsets need their leading 0, longer buffers are trimmed to fit
        container = {
            key: backend.nplike.zeros(1, dtype=dtype)
            for key, dtype in self.expected_from_buffers(key_of).items()
        }
        return layout_from_buffers(self, 0, container, key_of, backend, "<", False, True)

    def length_one_array(self, *, backend="cpu", highlevel=False, behavior=None):
        """A layout of this form with one element, all zeros (lists empty, options as their
        zero mask says, unions at their first content)."""
        if highlevel:
            raise NotImplementedError(
                "Form.length_one_array returns a layout: call it with highlevel=False and wrap "
                "the result with ak.Array(...)"
            )
        from awkward._backends.dispatch import regularize_backend
        from awkward.contents._from_buffers import layout_from_buffers

        backend = regularize_backend(backend)

        def key_of(form_key, attribute, form):
            return (id(form), attribute)

        # zeros long enough for every buffer (regular sizes and inner shapes multiply the
        # one element); from_buffers trims each to what the form and length need
        size = 2 * _items_per_element(self)
        container = {
            key: backend.nplike.zeros(size, dtype=dtype)
            for key, dtype in self.expected_from_buffers(key_of).items()
        }
        return layout_from_buffers(self, 1, container, key_of, backend, "<", False, True)

    # ---- depths ----------------------------------------------------------------------

    @property
    def purelist_depth(self) -> int:
        raise NotImplementedError

    @property
    def purelist_isregular(self) -> bool:
        raise NotImplementedError

    @property
    def minmax_depth(self) -> tuple[int, int]:
        raise NotImplementedError

    @property
    def branch_depth(self) -> tuple[bool, int]:
        raise NotImplementedError


def _items_per_element(form) -> int:
    """The most items one element of ``form`` needs in any of its buffers."""
    own = 1
    size = getattr(form, "size", None)
    if isinstance(size, int) and type(form).__name__ == "RegularForm":
        own = max(size, 1)
    for dim in getattr(form, "inner_shape", ()) or ():
        own *= max(int(dim), 1)
    inner = [_items_per_element(child) for child in _child_forms(form)]
    return own * max(inner, default=1)


def _child_forms(form):
    contents = getattr(form, "contents", None)
    if contents is not None:
        return list(contents)
    content = getattr(form, "content", None)
    return [] if content is None else [content]
