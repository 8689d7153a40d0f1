"""UnionType: each element is one of several types (``union[A, B]``)."""

from __future__ import annotations

from collections.abc import Iterable

from awkward._util import UNSET
from awkward.types.type import Type, render_items

__all__ = ["UnionType"]


def check_contents(contents, owner: str) -> list[Type]:
    if isinstance(contents, (str, bytes, Type)) or not isinstance(contents, Iterable):
        raise TypeError(f"{owner} 'contents' must be iterable, not {contents!r}")
    contents = list(contents)
    for content in contents:
        if not isinstance(content, Type):
            raise TypeError(f"{owner} all 'contents' must be Type subclasses, not {content!r}")
    return contents


def _same_multiset(left: list[Type], right: list[Type], all_parameters: bool) -> bool:
    # Order does not matter, multiplicity does: pair each item with an unused equal one.
    if len(left) != len(right):
        return False
    unused = list(right)
    for item in left:
        for i, candidate in enumerate(unused):
            if item._is_equal_to(candidate, all_parameters):
                del unused[i]
                break
        else:
            return False
    return True


class UnionType(Type):
    """``union[A, B, ...]``; equality ignores the order of the contents."""

    __slots__ = ("_contents",)

    def __init__(self, contents: Iterable[Type], *, parameters=None):
        self._contents = check_contents(contents, "UnionType")
        self._init_parameters(parameters)

    @property
    def contents(self) -> list[Type]:
        return self._contents

    def copy(self, *, contents=UNSET, parameters=UNSET) -> UnionType:
        return UnionType(
            self._contents if contents is UNSET else contents,
            parameters=self._parameters if parameters is UNSET else parameters,
        )

    def _is_equal_to(self, other, all_parameters: bool) -> bool:
        return (
            isinstance(other, UnionType)
            and self._parameters_match(other, all_parameters)
            and _same_multiset(self._contents, other._contents, all_parameters)
        )

    def _str(self, indent, compact, behavior):
        inner = indent if compact else indent + "    "
        items = [c._str(inner, compact, behavior) for c in self._contents]
        params = self._str_parameters()
        return self._wrap_categorical(render_items("union[", items, "]", params, indent, compact))

    def __repr__(self) -> str:
        return f"UnionType({self._contents!r}{self._repr_parameters()})"
