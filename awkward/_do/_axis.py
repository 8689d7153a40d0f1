"""Axis arguments: checking them and turning negative axes into depths.

Depths count from 1 at the outermost dimension (as ``recursively_apply`` counts them), so
``axis=0`` is depth 1 and ``axis=n`` is depth ``n + 1``. A negative axis counts from the
innermost dimension; where records hold fields of different depths, it is resolved field by
field as the walk reaches each branch (``maybe_posaxis`` returns None until then).
"""

from __future__ import annotations

import numbers

from awkward.errors import AxisError

__all__ = ["regularize_axis", "maybe_posaxis", "axis_error", "check_posaxis", "is_integer"]


def is_integer(value) -> bool:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def regularize_axis(axis, function: str, *, none_allowed: bool = True):
    """``axis`` as a Python int (or None where allowed); anything else is a TypeError."""
    if type(axis) is int:  # the common case, without the slower Integral check
        return axis
    if axis is None:
        if none_allowed:
            return None
        raise TypeError(f"ak.{function}: 'axis' must be an integer, not None")
    if not is_integer(axis):
        what = "an integer or None" if none_allowed else "an integer"
        raise TypeError(f"ak.{function}: 'axis' must be {what}, not {axis!r}")
    return int(axis)


def maybe_posaxis(layout, axis: int, depth: int):
    """The non-negative axis that ``axis`` means at a node found at ``depth``, or None when a
    negative axis cannot be resolved yet (the node branches into fields of different depths)."""
    if axis >= 0:
        return axis
    is_branching, additional_depth = layout.form.branch_depth
    if not is_branching:
        return axis + depth + additional_depth - 1
    return None


def axis_error(function: str, axis: int, layout) -> AxisError:
    """The AxisError for an ``axis`` that exceeds the depth of ``layout``."""
    low, high = layout.form.minmax_depth
    depth = high if low == high else f"{low} to {high}"
    return AxisError(f"ak.{function}: axis={axis} exceeds the depth of this array ({depth})")


def check_posaxis(function: str, axis: int, layout, *, depth: int = 1):
    """The non-negative axis for a top-level ``layout``, raising AxisError when it is out of
    range for every branch; None when it can only be resolved per branch (records of fields
    of different depths)."""
    low, high = layout.form.minmax_depth
    if axis >= 0:
        if axis >= high:
            raise axis_error(function, axis, layout)
        return axis
    if -axis > high:
        raise axis_error(function, axis, layout)
    return maybe_posaxis(layout, axis, depth)
