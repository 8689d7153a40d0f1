"""Tiny helpers shared by every layer (no imports from the rest of the package)."""

from __future__ import annotations

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
