"""ArrayType: the type of a whole high-level array (``length * T``)."""

from __future__ import annotations

from awkward._util import UNSET
from awkward.types._shape import length_str, lengths_equal, normalize_length
from awkward.types.type import Type, check_behavior, write_shown

__all__ = ["ArrayType"]


class ArrayType:
    """``length * content`` for an ak.Array; `length` may be unknown_length (``##``).
    Not a Type: it cannot be nested inside other types and has no parameters."""

    __slots__ = ("_content", "_length", "_behavior")

    __hash__ = None

    def __init__(self, content: Type, length, behavior=None):
        if not isinstance(content, Type):
            raise TypeError(f"ArrayType 'content' must be a Type subclass, not {content!r}")
        self._content = content
        self._length = normalize_length(length, "ArrayType", "length")
        self._behavior = check_behavior(behavior, "ArrayType")

    @property
    def content(self) -> Type:
        return self._content

    @property
    def length(self):
        return self._length

    @property
    def behavior(self):
        return self._behavior

    def _str(self, indent, compact, behavior=None):
        behavior = self._behavior if behavior is None else behavior
        return [f"{length_str(self._length)} * ", *self._content._str(indent, compact, behavior)]

    def __str__(self) -> str:
        return "".join(self._str("", True))

    def show(self, stream=UNSET):
        """Print the multi-line form; `stream=None` returns it as a string instead."""
        return write_shown("".join(self._str("", False)), stream)

    def __repr__(self) -> str:
        return f"ArrayType({self._content!r}, {self._length!r}, {self._behavior!r})"

    def is_equal_to(self, other, *, all_parameters: bool = False) -> bool:
        return (
            isinstance(other, ArrayType)
            and lengths_equal(self._length, other._length)
            and self._content._is_equal_to(other._content, all_parameters)
        )

    def __eq__(self, other) -> bool:
        return self.is_equal_to(other)

    def __ne__(self, other) -> bool:
        return not self.is_equal_to(other)

    def __getstate__(self):
        return (self._content, self._length, self._behavior)

    def __setstate__(self, state):
        self._content, self._length, self._behavior = state
