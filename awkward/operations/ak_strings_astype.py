"""ak.strings_astype: parse strings (or bytestrings) as numbers of a given dtype."""

from __future__ import annotations

from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["strings_astype"]


@named_axis_op()
def strings_astype(array, to, *, highlevel=True, behavior=None, attrs=None):
    """Every string/bytestring becomes the number it spells (``to`` is a numpy dtype or its
    name); the structure around the strings (lists, options, records) is kept. A string that
    does not parse is a ValueError. Reads only the string nodes' buffers."""
    from awkward._nplikes.dtypes import dtype

    try:
        to = dtype(to)
    except TypeError as err:
        raise TypeError(f"ak.strings_astype: 'to' must be a dtype, not {to!r} ({err})") from None
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "strings_astype", allow_record=False)
    out = _convert(layout, to)
    return ctx.wrap(out, highlevel)


def _keep(buffer):
    return buffer


def _convert(layout, to):
    from awkward._connect.numpy_conversion import parse_strings
    from awkward.contents import NumpyArray

    if layout.is_list and layout.parameter("__array__") in ("string", "bytestring"):
        return NumpyArray(parse_strings(layout.to_list(), to))
    if not layout.contents:
        return layout
    return layout._map_slots(_keep, _keep, lambda child: _convert(child, to))
