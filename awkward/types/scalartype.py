"""ScalarType: the type of a single record or value taken out of an array."""

from __future__ import annotations

from awkward._util import UNSET
from awkward.types.type import Type, check_behavior, write_shown

__all__ = ["ScalarType"]


class ScalarType:
    """Wraps a Type with an optional behavior; prints as the content alone."""

    __slots__ = ("_content", "_behavior")

    __hash__ = None

    def __init__(self, content: Type, behavior=None):
        if not isinstance(content, Type):
            raise TypeError(f"ScalarType 'content' must be a Type subclass, not {content!r}")
        self._content = content
        self._behavior = check_behavior(behavior, "ScalarType")

    @property
    def content(self) -> Type:
        return self._content

    @property
    def behavior(self):
        return self._behavior

    def _str(self, indent, compact, behavior=None):
        behavior = self._behavior if behavior is None else behavior
        return self._content._str(indent, compact, behavior)

    def __str__(self) -> str:
        return "".join(self._str("", True))

    def show(self, stream=UNSET):
        """Print the multi-line form; `stream=None` returns it as a string instead."""
        return write_shown("".join(self._str("", False)), stream)

    def __repr__(self) -> str:
        return f"ScalarType({self._content!r}, {self._behavior!r})"

    def is_equal_to(self, other, *, all_parameters: bool = False) -> bool:
        return isinstance(other, ScalarType) and self._content._is_equal_to(
            other._content, all_parameters
        )

    def __eq__(self, other) -> bool:
        return self.is_equal_to(other)

    def __ne__(self, other) -> bool:
        return not self.is_equal_to(other)

    def __getstate__(self):
        return (self._content, self._behavior)

    def __setstate__(self, state):
        self._content, self._behavior = state
