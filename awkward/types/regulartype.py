"""RegularType: fixed-size lists (``N * T``)."""

from __future__ import annotations

from awkward._util import UNSET
from awkward.types._shape import length_str, lengths_equal, normalize_length
from awkward.types.listtype import check_content
from awkward.types.type import Type, typestr_of

__all__ = ["RegularType"]


class RegularType(Type):
    """``size * T``; the size may be ``unknown_length`` (printed ``##``)."""

    __slots__ = ("_content", "_size")

    def __init__(self, content: Type, size, *, parameters=None):
        self._content = check_content(content, "RegularType")
        self._size = normalize_length(size, "RegularType", "size")
        self._init_parameters(parameters)

    @property
    def content(self) -> Type:
        return self._content

    @property
    def size(self):
        return self._size

    def copy(self, *, content=UNSET, size=UNSET, parameters=UNSET) -> RegularType:
        return RegularType(
            self._content if content is UNSET else content,
            self._size if size is UNSET else size,
            parameters=self._parameters if parameters is UNSET else parameters,
        )

    def _is_equal_to(self, other, all_parameters: bool) -> bool:
        return (
            isinstance(other, RegularType)
            and lengths_equal(self._size, other._size)
            and self._parameters_match(other, all_parameters)
            and self._content._is_equal_to(other._content, all_parameters)
        )

    def _str(self, indent, compact, behavior):
        size = length_str(self._size)
        array = self.parameter("__array__")
        if array == "string":
            return self._wrap_categorical([f"string[{size}]"])
        if array == "bytestring":
            return self._wrap_categorical([f"bytes[{size}]"])
        name = typestr_of(behavior, self.parameter("__list__"))
        if name is not None:
            return self._wrap_categorical([f"{name}[{size}]"])
        content = self._content._str(indent, compact, behavior)
        params = self._str_parameters()
        if params is None:
            return self._wrap_categorical([f"{size} * ", *content])
        return self._wrap_categorical([f"[{size} * ", *content, f", parameters={params}]"])

    def __repr__(self) -> str:
        return f"RegularType({self._content!r}, {self._size!r}{self._repr_parameters()})"
