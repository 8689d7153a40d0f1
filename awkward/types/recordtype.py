"""RecordType: records with named fields (``{x: T}``) or tuples (``(T, U)``)."""

from __future__ import annotations

import operator
from collections.abc import Iterable

from awkward._util import UNSET
from awkward.types.type import (
    INDENT_STEP,
    Type,
    field_str,
    is_identifier,
    render_block,
    render_items,
    typestr_of,
)
from awkward.types.uniontype import check_contents

__all__ = ["RecordType"]


def _check_fields(fields, n: int) -> list[str] | None:
    if fields is None:
        return None
    if isinstance(fields, (str, bytes)) or not isinstance(fields, Iterable):
        raise TypeError(f"RecordType 'fields' must be an iterable of str or None, not {fields!r}")
    fields = list(fields)
    for field in fields:
        if not isinstance(field, str):
            raise TypeError(f"RecordType 'fields' must all be str, not {field!r}")
    if len(fields) != n:
        raise ValueError(
            f"RecordType has {n} contents but {len(fields)} fields; they must match in length"
        )
    return fields


class RecordType(Type):
    """A record type. ``fields=None`` makes a tuple. A ``__record__`` parameter names it:
    ``Point[x: float64]``."""

    __slots__ = ("_contents", "_fields")

    def __init__(self, contents: Iterable[Type], fields: Iterable[str] | None, *, parameters=None):
        self._contents = check_contents(contents, "RecordType")
        self._fields = _check_fields(fields, len(self._contents))
        self._init_parameters(parameters)

    @property
    def contents(self) -> list[Type]:
        return self._contents

    @property
    def fields(self) -> list[str] | None:
        return self._fields

    @property
    def is_tuple(self) -> bool:
        return self._fields is None

    def copy(self, *, contents=UNSET, fields=UNSET, parameters=UNSET) -> RecordType:
        return RecordType(
            self._contents if contents is UNSET else contents,
            self._fields if fields is UNSET else fields,
            parameters=self._parameters if parameters is UNSET else parameters,
        )

    # ---- fields ------------------------------------------------------------------

    def _field_names(self) -> list[str]:
        if self._fields is None:
            return [str(i) for i in range(len(self._contents))]
        return self._fields

    def has_field(self, field: str) -> bool:
        return field in self._field_names()

    def field_to_index(self, field: str) -> int:
        try:
            return self._field_names().index(field)
        except ValueError:
            raise IndexError(
                f"no field {field!r} in record with {len(self._contents)} fields"
            ) from None

    def index_to_field(self, index: int) -> str:
        names = self._field_names()
        if 0 <= index < len(names):
            return names[index]
        raise IndexError(f"no index {index} in record with {len(names)} fields")

    def content(self, index_or_field: int | str) -> Type:
        if isinstance(index_or_field, str):
            return self._contents[self.field_to_index(index_or_field)]
        try:
            index = operator.index(index_or_field)
        except TypeError:
            raise TypeError(
                f"RecordType.content needs an int index or a str field, not {index_or_field!r}"
            ) from None
        if not -len(self._contents) <= index < len(self._contents):
            raise IndexError(f"no index {index} in record with {len(self._contents)} fields")
        return self._contents[index]

    # ---- equality ----------------------------------------------------------------

    def _is_equal_to(self, other, all_parameters: bool) -> bool:
        if not isinstance(other, RecordType) or self.is_tuple != other.is_tuple:
            return False
        if len(self._contents) != len(other._contents):
            return False
        if not self._parameters_match(other, all_parameters):
            return False
        if self.is_tuple:
            return all(
                a._is_equal_to(b, all_parameters) for a, b in zip(self._contents, other._contents)
            )
        # Named fields: the order does not matter.
        if set(self._fields) != set(other._fields):
            return False
        return all(
            content._is_equal_to(other.content(field), all_parameters)
            for field, content in zip(self._fields, self._contents)
        )

    # ---- printing ----------------------------------------------------------------

    def _str(self, indent, compact, behavior):
        name = self.parameter("__record__")
        typestr = typestr_of(behavior, name) if isinstance(name, str) else None
        if typestr is not None:
            return self._wrap_categorical([typestr])

        inner = indent if compact else indent + INDENT_STEP
        if self._fields is None:
            items = [c._str(inner, compact, behavior) for c in self._contents]
        else:
            items = [
                [f"{field_str(f)}: ", *c._str(inner, compact, behavior)]
                for f, c in zip(self._fields, self._contents)
            ]

        if is_identifier(name):
            params = self._str_parameters(exclude=("__record__",))
            out = render_items(
                f"{name}[", items, "]", params, indent, compact, comma_when_empty=False
            )
        else:
            params = self._str_parameters()
            if self._fields is None:
                keyword, head, close = "tuple", "(", ")"
            else:
                keyword, head, close = "struct", "{", "}"
            if params is None:
                out = render_block(head, items, close, indent, compact)
            else:
                # With parameters, tuples list their items in [...] inside tuple[...].
                if keyword == "tuple":
                    head, close = "[", "]"
                block = render_block(head, items, close, indent, compact)
                out = [f"{keyword}[", *block, f", parameters={params}]"]
        return self._wrap_categorical(out)

    def __repr__(self) -> str:
        return f"RecordType({self._contents!r}, {self._fields!r}{self._repr_parameters()})"
