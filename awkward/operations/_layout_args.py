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
    "HighLevelContext",
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
    if isinstance(layout, Record):
        cls = record_cls
    elif isinstance(layout, Content):
        cls = array_cls
        if cls is not None and hasattr(cls, "_from_layout"):
            return cls._from_layout(layout, behavior, attrs)  # no argument dispatch needed
    else:
        cls = array_cls
    if cls is None:
        raise NotImplementedError(
            "no high-level array class is available yet: pass highlevel=False to get the layout; "
            "ak.Array arrives with the high-level issue"
        )
    return cls(layout, behavior=behavior, attrs=attrs)


class HighLevelContext:
    """Behavior and attrs for one ak.* call: the explicit arguments win; otherwise they are
    collected from the high-level arguments the function unwraps (earlier arguments take
    precedence over later ones, as in awkward 2.14). ``attrs`` entries, including the
    transient "@" ones, are carried through unchanged.

        ctx = HighLevelContext(behavior, attrs)
        layout = ctx.unwrap(array, "num")
        return ctx.wrap(out, highlevel)
    """

    __slots__ = ("_behavior", "_attrs", "_seen_behaviors", "_seen_attrs")

    def __init__(self, behavior=None, attrs=None):
        self._behavior = behavior
        self._attrs = attrs
        self._seen_behaviors = []
        self._seen_attrs = []

    def collect(self, obj) -> None:
        """Remember the behavior and attrs of a high-level object (others are ignored)."""
        array_cls, record_cls = _HIGHLEVEL
        if (array_cls is not None and isinstance(obj, array_cls)) or (
            record_cls is not None and isinstance(obj, record_cls)
        ):
            if obj._behavior:
                self._seen_behaviors.append(obj._behavior)
            if obj._attrs:
                self._seen_attrs.append(obj._attrs)

    def unwrap(self, obj, function: str, *, allow_record: bool = True):
        """The layout behind ``obj`` (see to_layout_arg), remembering its behavior and attrs."""
        self.collect(obj)
        return to_layout_arg(obj, function, allow_record=allow_record)

    @property
    def behavior(self):
        if self._behavior is not None:
            return self._behavior
        return _merged(self._seen_behaviors)

    @property
    def attrs(self):
        if self._attrs is not None:
            return self._attrs
        return _merged(self._seen_attrs)

    def wrap(self, layout, highlevel: bool = True):
        return wrap_layout(layout, highlevel=highlevel, behavior=self.behavior, attrs=self.attrs)


def _merged(mappings):
    if not mappings:
        return None
    if all(mapping is mappings[0] for mapping in mappings[1:]):
        return mappings[0]  # the same object from every argument stays that object
    out = {}
    for mapping in reversed(mappings):
        out.update(mapping)
    return out
