"""ListType: variable-length lists (``var * T``)."""

from __future__ import annotations

from awkward._util import UNSET
from awkward.types.type import Type, typestr_of

__all__ = ["ListType"]


def check_content(content, owner: str) -> Type:
    if not isinstance(content, Type):
        raise TypeError(f"{owner} 'content' must be a Type subtype, not {content!r}")
    return content


class ListType(Type):
    """``var * T``; prints ``string``/``bytes`` for ``__array__`` = string/bytestring."""

    __slots__ = ("_content",)

    def __init__(self, content: Type, *, parameters=None):
        self._content = check_content(content, "ListType")
        self._init_parameters(parameters)

    @property
    def content(self) -> Type:
        return self._content

    def copy(self, *, content=UNSET, parameters=UNSET) -> ListType:
        return ListType(
            self._content if content is UNSET else content,
            parameters=self._parameters if parameters is UNSET else parameters,
        )

    def _is_equal_to(self, other, all_parameters: bool) -> bool:
        return (
            isinstance(other, ListType)
            and self._parameters_match(other, all_parameters)
            and self._content._is_equal_to(other._content, all_parameters)
        )

    def _str(self, indent, compact, behavior):
        array = self.parameter("__array__")
        if array == "string":
            return self._wrap_categorical(["string"])
        if array == "bytestring":
            return self._wrap_categorical(["bytes"])
        name = typestr_of(behavior, self.parameter("__list__"))
        if name is not None:
            return self._wrap_categorical([name])
        content = self._content._str(indent, compact, behavior)
        params = self._str_parameters()
        if params is None:
            return self._wrap_categorical(["var * ", *content])
        return self._wrap_categorical(["[var * ", *content, f", parameters={params}]"])

    def __repr__(self) -> str:
        return f"ListType({self._content!r}{self._repr_parameters()})"
