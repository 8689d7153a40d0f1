"""ak.unflatten: a new list dimension at an axis, cut from the items by counts."""

from __future__ import annotations

from awkward._do import regularize_axis
from awkward._do import unflatten as _unflatten
from awkward._do._axis import is_integer
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import drop_all, named_axis_op

__all__ = ["unflatten"]


@named_axis_op(drop_all)
def unflatten(array, counts, axis=0, *, highlevel=True, behavior=None, attrs=None):
    """The items at ``axis`` cut into lists of ``counts`` items: an int gives lists of one
    size (a regular dimension), an array one count per new list (missing counts make missing
    lists). The counts must add up to the items of each list at ``axis`` (all the items at
    ``axis=0``); a ValueError says where they do not."""
    axis = regularize_axis(axis, "unflatten", none_allowed=False)
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "unflatten", allow_record=False)
    if type(counts) is int or _plain_integers(counts, layout):
        pass  # the usual counts: an int, or a 1-d integer array of the layout's array library
    elif is_integer(counts) or (getattr(counts, "shape", None) == () and is_integer(counts.item())):
        counts = int(counts)
    elif isinstance(counts, (bool, float, complex)) or getattr(counts, "shape", None) == ():
        raise TypeError(f"ak.unflatten: counts must be an integer or an array of integers, not {counts!r}")
    else:
        counts = ctx.unwrap(counts, "unflatten", allow_record=False)
    return ctx.wrap(_unflatten(layout, counts, axis), highlevel)


def _plain_integers(counts, layout) -> bool:
    """A one-dimensional integer array of the layout's own array library (the usual counts)."""
    own = type(counts) is layout.backend.nplike.ndarray
    return own and counts.ndim == 1 and counts.dtype.kind in "iu"
