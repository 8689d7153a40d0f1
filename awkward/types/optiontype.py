"""OptionType: values that may be missing (``?T`` / ``option[T]``)."""

from __future__ import annotations

from awkward._parameters import parameters_union
from awkward._util import UNSET
from awkward.types.listtype import ListType, check_content
from awkward.types.regulartype import RegularType
from awkward.types.type import Type
from awkward.types.uniontype import UnionType

__all__ = ["OptionType"]


def _needs_brackets(content: Type) -> bool:
    # "?var * int64" would read as a list of options, so lists print option[...];
    # strings and bytes are single words and keep the short "?" form.
    return isinstance(content, (ListType, RegularType)) and content.parameter("__array__") not in (
        "string",
        "bytestring",
    )


class OptionType(Type):
    """``?T``, or ``option[T]`` when T is a list or the option has parameters."""

    __slots__ = ("_content",)

    def __init__(self, content: Type, *, parameters=None):
        self._content = check_content(content, "OptionType")
        self._init_parameters(parameters)

    @classmethod
    def simplified(cls, content: Type, *, parameters=None) -> Type:
        """An option of `content`, collapsing option-of-option into one option
        (parameters merged, the outer ones winning)."""
        if isinstance(content, OptionType):
            return OptionType(
                content._content, parameters=parameters_union(content._parameters, parameters)
            )
        return cls(content, parameters=parameters)

    @property
    def content(self) -> Type:
        return self._content

    def copy(self, *, content=UNSET, parameters=UNSET) -> OptionType:
        return OptionType(
            self._content if content is UNSET else content,
            parameters=self._parameters if parameters is UNSET else parameters,
        )

    def simplify_option_union(self) -> Type:
        """option[union[A, B]] -> union[?A, ?B] (contents already optional stay as they are)."""
        if not isinstance(self._content, UnionType):
            return self
        contents = [
            c if isinstance(c, OptionType) else OptionType(c, parameters=self._parameters)
            for c in self._content.contents
        ]
        return UnionType(contents, parameters=self._content._parameters)

    def _is_equal_to(self, other, all_parameters: bool) -> bool:
        return (
            isinstance(other, OptionType)
            and self._parameters_match(other, all_parameters)
            and self._content._is_equal_to(other._content, all_parameters)
        )

    def _str(self, indent, compact, behavior):
        content = self._wrap_categorical(self._content._str(indent, compact, behavior))
        params = self._str_parameters()
        if params is not None:
            return ["option[", *content, f", parameters={params}]"]
        if _needs_brackets(self._content):
            return ["option[", *content, "]"]
        return ["?", *content]

    def __repr__(self) -> str:
        return f"OptionType({self._content!r}{self._repr_parameters()})"
