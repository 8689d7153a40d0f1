"""UnknownType: the type of an array whose content is not known (e.g. empty)."""

from __future__ import annotations

from collections.abc import Mapping

from awkward._util import UNSET
from awkward.types.type import Type

__all__ = ["UnknownType"]


class UnknownType(Type):
    """``unknown``: carries no parameters."""

    __slots__ = ()

    def __init__(self, *, parameters=None):
        if parameters is not None and (not isinstance(parameters, Mapping) or len(parameters)):
            raise TypeError(f"UnknownType cannot contain parameters, got {parameters!r}")
        self._parameters = None

    def copy(self, *, parameters=UNSET) -> UnknownType:
        return UnknownType(parameters=None if parameters is UNSET else parameters)

    def _is_equal_to(self, other, all_parameters: bool) -> bool:
        return isinstance(other, UnknownType)

    def _str(self, indent, compact, behavior):
        return ["unknown"]

    def __repr__(self) -> str:
        return "UnknownType()"
