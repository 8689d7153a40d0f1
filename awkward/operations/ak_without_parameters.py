"""ak.without_parameters: remove every parameter from every node."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout
from awkward.operations.ak_to_layout import to_layout

__all__ = ["without_parameters"]


def without_parameters(array, *, highlevel=True, behavior=None, attrs=None):
    """The same array with no parameters anywhere (strings become lists of uint8, named
    records plain records). Buffers are shared, not read."""
    from awkward.record import Record

    layout = to_layout(array, allow_record=True)
    if isinstance(layout, Record):
        out = Record(_strip(layout.array), layout.at)
    else:
        out = _strip(layout)
    return wrap_layout(out, highlevel=highlevel, behavior=behavior, attrs=attrs)


def _keep(buffer):
    return buffer


def _strip(layout):
    out = layout._map_slots(_keep, _keep, _strip)
    object.__setattr__(out, "_parameters", None)
    return out
