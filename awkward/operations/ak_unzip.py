"""ak.unzip: the fields of an array's records as separate arrays."""

from __future__ import annotations

from awkward._do import unzip_layout
from awkward.contents.content import Content
from awkward.operations._layout_args import HighLevelContext
from awkward.record import Record

__all__ = ["unzip"]


def unzip(array, *, how=tuple, highlevel=True, behavior=None, attrs=None):
    """One array per field of the outermost records (through lists, options and unions), as
    a tuple or, with ``how=dict``, a dict by field name; an array without records comes back
    as a 1-tuple. Nothing is read."""
    if how is not tuple and how is not dict:
        raise ValueError(f"ak.unzip: `how` must be `tuple` or `dict`, not {how!r}")
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "unzip", allow_record=True)
    pairs = unzip_layout(layout)
    wrapped = [
        (field, ctx.wrap(x, highlevel) if isinstance(x, (Content, Record)) else x)
        for field, x in pairs
    ]
    if how is dict:
        return {("0" if field is None else field): x for field, x in wrapped}
    return tuple(x for _, x in wrapped)
