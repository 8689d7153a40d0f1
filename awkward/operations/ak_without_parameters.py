"""ak.without_parameters: remove every parameter from every node."""

from __future__ import annotations

from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["without_parameters"]


@named_axis_op()
def without_parameters(array, *, highlevel=True, behavior=None, attrs=None):
    """The same array with no parameters anywhere (strings become lists of uint8, named
    records plain records). Buffers are shared, not read."""
    from awkward.record import Record

    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "without_parameters")
    if isinstance(layout, Record):
        out = Record(_strip(layout.array), layout.at)
    else:
        out = _strip(layout)
    return ctx.wrap(out, highlevel)


def _keep(buffer):
    return buffer


def _strip(layout):
    out = layout._map_slots(_keep, _keep, _strip)
    object.__setattr__(out, "_parameters", None)
    return out
