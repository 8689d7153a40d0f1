"""``Attrs``: the mapping that ``ak.Array.attrs`` returns, at the private path coffea imports.

Keys are strings; entries whose names begin with "@" are transient (they travel with arrays
through operations but are dropped when arrays are pickled or serialized).
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["Attrs", "attrs_of", "attrs_of_obj", "without_transient_attrs"]


def _enforce_str_key(key):
    if not isinstance(key, str):
        raise TypeError(f"'attrs' keys must be strings, got: {key!r}")
    return key


class Attrs(Mapping):
    """A string-keyed mapping that can be added to (``attrs[key] = value``) but not removed
    from; constructing one copies its source."""

    __slots__ = ("_data",)

    def __init__(self, data: Mapping):
        self._data = {_enforce_str_key(key): value for key, value in data.items()}

    def __getitem__(self, key):
        return self._data[key]

    def __setitem__(self, key, value):
        self._data[_enforce_str_key(key)] = value

    def __iter__(self):
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:
        return f"Attrs({self._data!r})"

    def to_dict(self) -> dict:
        return dict(self._data)


def attrs_of_obj(obj, attrs: Mapping | None = None) -> Mapping | None:
    """``attrs`` if given, else the attrs of a high-level array or record (None otherwise)."""
    if attrs is not None:
        return attrs
    return getattr(obj, "_attrs", None) or None


def attrs_of(*arrays, attrs: Mapping | None = None) -> Mapping | None:
    """``attrs`` if given, else the attrs of the arguments merged (earlier ones win)."""
    if attrs is not None:
        return attrs
    found = [obj_attrs for obj_attrs in map(attrs_of_obj, arrays) if obj_attrs is not None]
    if len(found) <= 1:
        return found[0] if found else None
    merged = {}
    for obj_attrs in reversed(found):
        merged.update(obj_attrs)
    return merged

def without_transient_attrs(attrs: Mapping) -> dict:
    """The entries whose names do not begin with "@" (those that may be serialized)."""
    return {key: value for key, value in attrs.items() if not key.startswith("@")}
