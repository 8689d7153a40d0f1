"""NumpyType: a primitive (numeric, bool, datetime64, timedelta64) leaf type."""

from __future__ import annotations

import json

from awkward._nplikes import dtypes
from awkward._util import UNSET
from awkward.types.type import Type

__all__ = ["NumpyType", "primitive_to_dtype", "dtype_to_primitive", "is_primitive"]


def _unrecognized(what: str) -> str:
    return (
        f"unrecognized primitive: {what}. Must be one of "
        f"{', '.join(dtypes.all_primitives())}, datetime64, timedelta64, "
        f"or a datetime64/timedelta64 with units (e.g. 'datetime64[15us]')"
    )


def primitive_to_dtype(primitive: str):
    """'float64' -> dtype('float64'). Raises TypeError for an unknown primitive name."""
    if not isinstance(primitive, str):
        raise TypeError(f"primitive must be a str, not {type(primitive).__name__}")
    try:
        return dtypes.primitive_to_dtype(primitive)
    except ValueError:
        raise TypeError(_unrecognized(repr(primitive))) from None


def dtype_to_primitive(dtype) -> str:
    """dtype('float64') -> 'float64'. Raises TypeError for a dtype awkward does not support."""
    try:
        return dtypes.dtype_to_primitive(dtype)
    except TypeError:
        raise TypeError(_unrecognized(f"unsupported dtype {dtype!r}")) from None


def is_primitive(primitive) -> bool:
    return isinstance(primitive, str) and dtypes.is_supported_primitive(primitive)


class NumpyType(Type):
    """A primitive leaf: ``NumpyType("float64")``, ``NumpyType("datetime64[ms]")``."""

    __slots__ = ("_primitive",)

    def __init__(self, primitive: str, *, parameters=None):
        primitive_to_dtype(primitive)  # validates (TypeError for unknown names)
        self._primitive = primitive
        self._init_parameters(parameters)

    @property
    def primitive(self) -> str:
        return self._primitive

    def copy(self, *, primitive=UNSET, parameters=UNSET) -> NumpyType:
        return NumpyType(
            self._primitive if primitive is UNSET else primitive,
            parameters=self._parameters if parameters is UNSET else parameters,
        )

    def _is_equal_to(self, other, all_parameters: bool) -> bool:
        return (
            isinstance(other, NumpyType)
            and self._primitive == other._primitive
            and self._parameters_match(other, all_parameters)
        )

    def _str(self, indent, compact, behavior):
        array = self.parameter("__array__")
        if array in ("char", "byte"):
            return self._wrap_categorical([array])
        extras = []
        unit = self.parameter("__unit__")
        if unit is not None:
            extras.append(f"unit={json.dumps(unit)}")
        params = self._str_parameters(exclude=("__unit__",))
        if params is not None:
            extras.append(f"parameters={params}")
        text = self._primitive + (f"[{', '.join(extras)}]" if extras else "")
        return self._wrap_categorical([text])

    def __repr__(self) -> str:
        return f"NumpyType({self._primitive!r}{self._repr_parameters()})"
