"""ak.ptp: the range (maximum minus minimum) along an axis."""

from __future__ import annotations

from awkward._nplikes.typetracer import MaybeNone
from awkward._reducers import Max, Min
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._reducing import run

__all__ = ["ptp"]


@named_axis_op(reduce)
def ptp(
    array,
    axis=None,
    *,
    keepdims=False,
    mask_identity=True,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """The largest minus the smallest value along ``axis``. An empty list gives None, or 0 with
    ``mask_identity=False`` (as in awkward 2.14). ``axis=None`` gives one scalar."""
    from awkward.operations.ak_fill_none import fill_none

    largest = run(Max(), array, axis, keepdims, True, True, behavior, attrs)
    smallest = run(Min(), array, axis, keepdims, True, True, behavior, attrs)
    if largest is None or smallest is None:
        return None if mask_identity else 0
    if isinstance(largest, MaybeNone):  # a typetracer's maybe-missing scalars
        difference = largest.content - smallest.content
        return MaybeNone(difference) if mask_identity else difference
    out = largest - smallest
    if not mask_identity and not isinstance(out, (int, float)) and hasattr(out, "layout"):
        out = fill_none(out, 0, axis=-1)
    if hasattr(out, "layout") and not highlevel:
        return out.layout
    return out
