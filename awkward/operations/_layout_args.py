"""Arguments in, results out: the one place where ak.* functions turn their inputs into layouts
and wrap layouts back into high-level objects.

The operations layer must not import the high-level layer (ak.Array, ak.Record), so that layer
registers its classes here at import time with ``register_highlevel``. Until it does, functions
accept layouts (Content, layout Record) and ``highlevel=True`` raises NotImplementedError.
"""

from __future__ import annotations

from awkward.contents.content import Content
from awkward.record import Record

__all__ = [
    "register_highlevel",
    "highlevel_classes",
    "to_layout_arg",
    "wrap_layout",
]

# (array class, record class) registered by the high-level module; None until then
_HIGHLEVEL: list = [None, None]


def register_highlevel(array_cls, record_cls) -> None:
    """Called once by the high-level module: ``array_cls(layout, behavior=, attrs=)`` wraps a
    Content, ``record_cls(record, behavior=, attrs=)`` a layout Record; both expose ``.layout``."""
    if not isinstance(array_cls, type) or not isinstance(record_cls, type):
        raise TypeError("register_highlevel needs the high-level Array and Record classes")
    _HIGHLEVEL[0] = array_cls
    _HIGHLEVEL[1] = record_cls


def highlevel_classes() -> tuple:
    """(array class, record class) or (None, None) when no high-level layer is registered."""
    return _HIGHLEVEL[0], _HIGHLEVEL[1]


def to_layout_arg(obj, function: str, *, allow_record: bool = True):
    """The layout (Content, or layout Record when ``allow_record``) behind an argument.

    Layouts and instances of the registered high-level classes pass through; anything else
    (Python lists, numpy arrays ...) goes through ak.to_layout, as in awkward 2.14. A value
    that cannot be an array is a TypeError naming the function."""
    if isinstance(obj, Content):
        return obj
    if isinstance(obj, Record):
        if not allow_record:
            raise TypeError(f"ak.{function}: records are not allowed here, only arrays")
        return obj
    array_cls, record_cls = _HIGHLEVEL
    if array_cls is not None and isinstance(obj, array_cls):
        return obj.layout
    if record_cls is not None and isinstance(obj, record_cls):
        if not allow_record:
            raise TypeError(f"ak.{function}: ak.Record objects are not allowed here, only arrays")
        return obj.layout
    # imported here: ak_to_layout itself uses this module
    from awkward.operations.ak_to_layout import to_layout

    try:
        return to_layout(
            obj, allow_record=allow_record, primitive_policy="error", string_policy="error"
        )
    except (TypeError, ValueError) as err:
        raise TypeError(
            f"ak.{function}: expected an array-like argument, "
            f"not {type(obj).__name__}: {obj!r:.80} ({err})"
        ) from err


def wrap_layout(layout, *, highlevel: bool = True, behavior=None, attrs=None):
    """Return ``layout`` itself (highlevel=False) or wrapped in the registered high-level class."""
    if not highlevel:
        return layout
    array_cls, record_cls = _HIGHLEVEL
    cls = record_cls if isinstance(layout, Record) else array_cls
    if cls is None:
        raise NotImplementedError(
            "no high-level array class is available yet: pass highlevel=False to get the layout; "
            "ak.Array arrives with the high-level issue"
        )
    return cls(layout, behavior=behavior, attrs=attrs)
