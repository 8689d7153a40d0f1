"""ak.from_regular: RegularArrays (and N-d NumpyArrays) at an axis -> variable-length lists."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout
from awkward.operations.ak_to_layout import to_layout
from awkward.operations.ak_to_regular import convert_lists_at_axis

__all__ = ["from_regular"]


def from_regular(array, axis=1, *, highlevel=True, behavior=None, attrs=None):
    """Regular dimensions at ``axis`` (``None``: all of them) become ListOffsetArrays, so
    that their type is ``var``; inner dimensions of NumpyArrays count as regular. ``axis=0``
    returns the array unchanged. Reads no buffer."""
    layout = to_layout(array, allow_record=False)
    out = convert_lists_at_axis(layout, axis, _make_var, "from_regular")
    return wrap_layout(out, highlevel=highlevel, behavior=behavior, attrs=attrs)


def _make_var(layout):
    if layout.is_regular:
        return layout.to_ListOffsetArray64(False)
    return layout
