"""ak.from_regular: RegularArrays (and N-d NumpyArrays) at an axis -> variable-length lists."""

from __future__ import annotations

from awkward._do import from_regular as _from_regular
from awkward.operations._layout_args import HighLevelContext

__all__ = ["from_regular"]


def from_regular(array, axis=1, *, highlevel=True, behavior=None, attrs=None):
    """Regular dimensions at ``axis`` (``None``: all of them) become ListOffsetArrays, so
    that their type is ``var``; inner dimensions of NumpyArrays count as regular. ``axis=0``
    returns the array unchanged. Reads no buffer."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "from_regular", allow_record=False)
    return ctx.wrap(_from_regular(layout, axis), highlevel)
