"""ak.with_name: give the records of an array a name (the ``__record__`` parameter)."""

from __future__ import annotations

from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["with_name"]


@named_axis_op()
def with_name(array, name, *, highlevel=True, behavior=None, attrs=None):
    """Set ``__record__`` to ``name`` on the outermost records found through lists, options,
    indexes and unions (records nested inside records keep theirs); ``name=None`` removes it.
    Arrays without records are returned unchanged. Buffers are shared, not read."""
    from awkward.record import Record

    if name is not None and not isinstance(name, str):
        raise TypeError(f"ak.with_name: name must be a str or None, not {type(name).__name__}")
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "with_name")
    if isinstance(layout, Record):
        out = Record(_rename(layout.array, name), layout.at)
    else:
        out = _rename(layout, name)
    return ctx.wrap(out, highlevel)


def _keep(buffer):
    return buffer


def _rename(layout, name):
    if layout.is_record:
        return layout.with_parameter("__record__", name)
    if not layout.contents:
        return layout
    return layout._map_slots(_keep, _keep, lambda child: _rename(child, name))
