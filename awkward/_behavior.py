"""Behavior lookup: which Python class wraps an array or record, given its parameters.

``awkward.behavior`` is the global registry (a plain dict). A per-array behavior overlays it:
lookups try the array's own behavior first, then the global one.

Keys used here:
* ``behavior[name]`` for a record whose ``__record__`` parameter is ``name`` (an ak.Record
  subclass), and for a list node whose ``__list__`` (or ``__array__``) parameter is ``name``
  (an ak.Array subclass);
* ``behavior["*", name]`` for an array whose records (through lists/options) are named ``name``;
* ``behavior[ufunc, name, ...]`` for ufunc overloads (registered by ak.mixin_class; dispatch
  belongs to the broadcasting layer).
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["behavior", "lookup", "array_class", "record_class"]

behavior: dict = {}


def lookup(own: Mapping | None, key):
    """``own[key]`` if present, else the global registry's, else None."""
    if own is not None:
        try:
            return own[key]
        except (KeyError, TypeError):
            pass
    try:
        return behavior.get(key)
    except TypeError:  # unhashable key
        return None


def _subclass_or_none(candidate, base):
    if isinstance(candidate, type) and issubclass(candidate, base):
        return candidate
    return None


def array_class(layout, own: Mapping | None, default):
    """The ak.Array subclass for ``layout`` (``default`` when no behavior names one)."""
    params = layout._parameters
    if params:
        for key in ("__list__", "__array__"):
            name = params.get(key)
            if isinstance(name, str):
                found = _subclass_or_none(lookup(own, name), default)
                if found is not None:
                    return found
    name = layout.purelist_parameters("__record__")
    if isinstance(name, str):
        found = _subclass_or_none(lookup(own, ("*", name)), default)
        if found is not None:
            return found
    return default


def record_class(record, own: Mapping | None, default):
    """The ak.Record subclass for a layout Record (``default`` when none is named)."""
    name = record.array.parameter("__record__")
    if isinstance(name, str):
        found = _subclass_or_none(lookup(own, name), default)
        if found is not None:
            return found
    return default
