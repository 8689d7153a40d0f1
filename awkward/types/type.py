"""Base class of the high-level types and the shared printing machinery.

Every type renders itself with ``_str(indent, compact, behavior)``, which returns a
list of string pieces. ``compact=True`` gives the one-line notation used by ``str()``;
``compact=False`` gives the multi-line layout used by ``show()``, where record and
union items go on their own lines, indented by four spaces per level.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping

from awkward._parameters import (
    copy_parameters,
    parameters_are_equal,
    type_parameters_equal,
)
from awkward._util import UNSET

__all__ = ["Type"]

INDENT_STEP = "    "
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z_0-9]*$")


def is_identifier(name) -> bool:
    """Names that print bare (record names, field names); others are JSON-quoted."""
    return isinstance(name, str) and _IDENTIFIER.match(name) is not None


def field_str(field: str) -> str:
    return field if is_identifier(field) else json.dumps(field)


def typestr_of(behavior: Mapping | None, name) -> str | None:
    """The ``behavior[("__typestr__", name)]`` override for a named list/record, if any."""
    if behavior is None or name is None:
        return None
    found = behavior.get(("__typestr__", name))
    if found is None:
        return None
    if not isinstance(found, str):
        raise TypeError(
            f'behavior[("__typestr__", {name!r})] must be a str, not {type(found).__name__}'
        )
    return found


def check_behavior(behavior, owner: str):
    if behavior is not None and not isinstance(behavior, Mapping):
        raise TypeError(f"{owner} 'behavior' must be a Mapping or None, not {behavior!r}")
    return behavior


def write_shown(text: str, stream):
    """Implementation of show(): write to `stream` (stdout by default); None returns the text."""
    if stream is None:
        return text
    if stream is UNSET:
        stream = sys.stdout
    stream.write(text + "\n")
    return None


class Type:
    """Abstract base of NumpyType, ListType, RegularType, RecordType, OptionType,
    UnionType and UnknownType. Types are immutable metadata; they are not hashable."""

    __slots__ = ("_parameters",)

    __hash__ = None  # mutable-looking parameters dict; equality is structural

    def _init_parameters(self, parameters) -> None:
        try:
            self._parameters = copy_parameters(parameters)
        except TypeError as err:
            raise TypeError(f"{type(self).__name__} 'parameters': {err}") from None

    # ---- parameters --------------------------------------------------------------

    @property
    def parameters(self) -> dict:
        if self._parameters is None:
            self._parameters = {}
        return self._parameters

    def parameter(self, key: str):
        if not self._parameters:
            return None
        return self._parameters.get(key)

    def copy(self, *, parameters=UNSET):
        raise NotImplementedError

    # ---- equality ----------------------------------------------------------------

    def _parameters_match(self, other: Type, all_parameters: bool) -> bool:
        if all_parameters:
            return parameters_are_equal(self._parameters, other._parameters)
        return type_parameters_equal(self._parameters, other._parameters)

    def _is_equal_to(self, other, all_parameters: bool) -> bool:
        raise NotImplementedError

    def is_equal_to(self, other, *, all_parameters: bool = False) -> bool:
        """Structural equality; only the type-defining parameters (``__array__``,
        ``__list__``, ``__record__``, ``__categorical__``) count unless `all_parameters`."""
        return self._is_equal_to(other, all_parameters)

    def __eq__(self, other) -> bool:
        if not isinstance(other, Type):
            return False
        return self._is_equal_to(other, False)

    def __ne__(self, other) -> bool:
        return not self.__eq__(other)

    # ---- printing ----------------------------------------------------------------

    def _str(self, indent: str, compact: bool, behavior: Mapping | None) -> list[str]:
        raise NotImplementedError

    def _is_categorical(self) -> bool:
        return self.parameter("__categorical__") is not None

    def _wrap_categorical(self, pieces: list[str]) -> list[str]:
        if self._is_categorical():
            return ["categorical[type=", *pieces, "]"]
        return pieces

    def _str_parameters(self, exclude: tuple[str, ...] = ()) -> str | None:
        """JSON text of the printable parameters, or None when there are none."""
        if not self._parameters:
            return None
        shown = {
            k: v
            for k, v in self._parameters.items()
            if v is not None and k != "__categorical__" and k not in exclude
        }
        if not shown:
            return None
        return json.dumps(shown)

    def __str__(self) -> str:
        return "".join(self._str("", True, None))

    def show(self, stream=UNSET):
        """Print the multi-line form; `stream=None` returns it as a string instead."""
        return write_shown("".join(self._str("", False, None)), stream)

    def _repr_parameters(self) -> str:
        return f", parameters={self._parameters!r}" if self._parameters else ""

    def __repr__(self) -> str:
        raise NotImplementedError

    # ---- pickling (slots, no __dict__) --------------------------------------------

    def __getstate__(self):
        return {name: getattr(self, name) for name in _all_slots(type(self))}

    def __setstate__(self, state):
        for name, value in state.items():
            object.__setattr__(self, name, value)


def _all_slots(cls) -> list[str]:
    out = []
    for klass in cls.__mro__:
        out.extend(getattr(klass, "__slots__", ()))
    return out


def render_items(
    head: str,
    items: list[list[str]],
    close: str,
    params: str | None,
    indent: str,
    compact: bool,
    comma_when_empty: bool = True,
) -> list[str]:
    """Lay out ``head item, item, ... close`` (unions, named records).

    With parameters, ``, parameters={...}`` comes after the last item and takes the
    place of the closing newline in the multi-line layout. Without items, unions keep
    the comma (``union[, parameters=...]``) and named records drop it (``P[parameters=...]``).
    """
    comma = ", " if items or comma_when_empty else ""
    if compact:
        out = [head]
        for i, item in enumerate(items):
            if i:
                out.append(", ")
            out.extend(item)
        out.append(f"{comma}parameters={params}{close}" if params else close)
        return out
    inner = indent + INDENT_STEP
    out = [head, "\n", inner]
    for i, item in enumerate(items):
        if i:
            out.append(",\n" + inner)
        out.extend(item)
    if params:
        out.append(f"{comma}\n{indent}parameters={params}{close}")
    else:
        out.append(f"\n{indent}{close}")
    return out


def render_block(
    head: str, items: list[list[str]], close: str, indent: str, compact: bool
) -> list[str]:
    """Lay out ``{item, item}`` / ``(item, item)`` blocks without parameters."""
    if compact:
        out = [head]
        for i, item in enumerate(items):
            if i:
                out.append(", ")
            out.extend(item)
        out.append(close)
        return out
    inner = indent + INDENT_STEP
    out = [head, "\n", inner]
    for i, item in enumerate(items):
        if i:
            out.append(",\n" + inner)
        out.extend(item)
    out.append(f"\n{indent}{close}")
    return out
