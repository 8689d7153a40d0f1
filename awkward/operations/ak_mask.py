"""ak.mask: values replaced by None where a boolean mask says so (also ``array.mask[m]``)."""

from __future__ import annotations

from awkward._do import mask as _mask
from awkward.operations._layout_args import HighLevelContext

__all__ = ["mask"]


def mask(array, mask, *, valid_when=True, highlevel=True, behavior=None, attrs=None):
    """None wherever ``mask`` (booleans, broadcast against ``array``) differs from
    ``valid_when``; unlike a boolean slice, the array keeps its length."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "mask", allow_record=False)
    mask_layout = ctx.unwrap(mask, "mask", allow_record=False)
    return ctx.wrap(_mask(layout, mask_layout, valid_when), highlevel)
