"""ak.with_name: give the records of an array a name (the ``__record__`` parameter)."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout
from awkward.operations.ak_to_layout import to_layout

__all__ = ["with_name"]


def with_name(array, name, *, highlevel=True, behavior=None, attrs=None):
    """Set ``__record__`` to ``name`` on the outermost records found through lists, options,
    indexes and unions (records nested inside records keep theirs); ``name=None`` removes it.
    Arrays without records are returned unchanged. Buffers are shared, not read."""
    from awkward.record import Record

    if name is not None and not isinstance(name, str):
        raise TypeError(f"ak.with_name: name must be a str or None, not {type(name).__name__}")
    layout = to_layout(array, allow_record=True)
    if isinstance(layout, Record):
        out = Record(_rename(layout.array, name), layout.at)
    else:
        out = _rename(layout, name)
    return wrap_layout(out, highlevel=highlevel, behavior=behavior, attrs=attrs)


def _keep(buffer):
    return buffer


def _rename(layout, name):
    if layout.is_record:
        return layout.with_parameter("__record__", name)
    if not layout.contents:
        return layout
    return layout._map_slots(_keep, _keep, lambda child: _rename(child, name))
