"""ak.with_parameter: set (or remove) one parameter on the outermost node."""

from __future__ import annotations

from awkward.operations._layout_args import HighLevelContext

__all__ = ["with_parameter"]


def with_parameter(array, parameter, value, *, highlevel=True, behavior=None, attrs=None):
    """The same array with ``parameter`` set to ``value`` on its outermost node (a record's
    RecordArray); ``value=None`` removes it. Buffers are shared, not read."""
    from awkward.record import Record

    if not isinstance(parameter, str):
        raise TypeError(f"ak.with_parameter: parameter names are str, not {type(parameter).__name__}")
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "with_parameter")
    if isinstance(layout, Record):
        out = Record(layout.array.with_parameter(parameter, value), layout.at)
    else:
        out = layout.with_parameter(parameter, value)
    return ctx.wrap(out, highlevel)
