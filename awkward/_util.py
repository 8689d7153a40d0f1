"""Tiny helpers shared by every layer (no imports from the rest of the package)."""

from __future__ import annotations

import sys
from typing import Final


class Sentinel:
    """A named marker object, e.g. UNSET for 'argument not given' (distinct from None)."""

    __slots__ = ("_name", "_module")

    def __init__(self, name: str, module: str | None):
        self._name = name
        self._module = module

    def __repr__(self) -> str:
        return f"{self._module}.{self._name}" if self._module else self._name

    def __reduce__(self):
        return self._name


UNSET: Final = Sentinel("UNSET", __name__)


native_byteorder: Final = "<" if sys.byteorder == "little" else ">"
"""The machine's byte order as a numpy dtype prefix ("<" or ">")."""


def copy_behaviors(from_name: str, to_name: str, behavior: dict) -> dict:
    """The entries of ``behavior`` that mention ``from_name`` (as the key, or as an element
    of a tuple key), re-keyed to ``to_name``: how a library gives a subclass of records its
    parent's methods and operator overloads (``behavior.update(copy_behaviors("A", "B", ...))``)."""
    out = {}
    for key, value in behavior.items():
        if key == from_name:
            out[to_name] = value
        elif isinstance(key, tuple) and from_name in key:
            out[tuple(to_name if part == from_name else part for part in key)] = value
    return out
