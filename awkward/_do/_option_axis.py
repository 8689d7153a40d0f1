"""Axis resolution for the option and padding algorithms, with strings seen as atoms.

awkward 2.14 counts a string (or bytestring) as one value, not as a list of characters, when
it resolves an axis: ``ak.pad_none(list_of_strings, 2, axis=-1)`` pads the outer lists. The
depths here are computed from the layout's metadata (never its buffers) with that rule, and a
string node is a leaf of the walk.
"""

from __future__ import annotations

from awkward.errors import AxisError

__all__ = ["is_string", "is_leaf", "string_aware_depths", "resolve_axis", "posaxis_at", "leaf_axis_error", "inside_strings_error"]

_STRING_NAMES = ("string", "bytestring")


def is_string(layout) -> bool:
    return layout.is_list and layout.parameter("__array__") in _STRING_NAMES


def is_leaf(layout) -> bool:
    """A node below which there is no dimension (numbers, EmptyArray); multi-dimensional
    NumpyArrays are regularized by the walk before this check. A positive axis may go into
    the characters of strings, as in 2.14; each algorithm says what it does there."""
    return layout.is_numpy or layout.is_unknown


def string_aware_depths(layout) -> tuple[int, int]:
    """(min, max) number of dimensions below and including ``layout`` (strings count 1)."""
    if is_string(layout) or layout.is_unknown:
        return (1, 1)
    if layout.is_numpy:
        depth = 1 + len(layout.inner_shape)
        return (depth, depth)
    if layout.is_list:
        low, high = string_aware_depths(layout.content)
        return (low + 1, high + 1)
    kids = layout.contents
    if not kids:
        return (1, 1)
    pairs = [string_aware_depths(kid) for kid in kids]
    return (min(p[0] for p in pairs), max(p[1] for p in pairs))


def _exceeds(function: str, axis: int, depth) -> AxisError:
    return AxisError(f"ak.{function}: axis={axis} exceeds the depth of this array ({depth})")


def resolve_axis(function: str, axis, layout):
    """The non-negative axis for the top-level ``layout``; None when a negative ``axis`` can
    only be resolved branch by branch (records whose fields have different depths). A
    negative axis beyond every branch is an AxisError, a non-integer a TypeError; a positive
    axis is checked by the walk, at the leaves it would go below."""
    if isinstance(axis, bool) or not hasattr(axis, "__index__"):
        raise TypeError(f"ak.{function}: 'axis' must be an integer, not {axis!r}")
    axis = axis.__index__()
    if axis >= 0:
        return axis
    low, high = string_aware_depths(layout)
    if -axis > high:
        raise _exceeds(function, axis, high if low == high else f"{low} to {high}")
    return high + axis if low == high else None


def posaxis_at(layout, axis: int, depth: int):
    """The non-negative axis that ``axis`` means at a node found at ``depth`` (1 = outermost),
    or None while a negative axis cannot be resolved (the node branches into fields of
    different depths)."""
    if axis >= 0:
        return axis
    low, high = string_aware_depths(layout)
    if low != high:
        return None
    return axis + depth + high - 1


def leaf_axis_error(function: str, axis: int, layout, depth: int) -> AxisError:
    """The AxisError for a leaf (at ``depth``) that the requested axis goes below."""
    return _exceeds(function, axis, depth - 1 + string_aware_depths(layout)[1])


def inside_strings_error(function: str, axis: int, cls=ValueError):
    return cls(
        f"ak.{function}: axis={axis} goes inside strings, whose characters cannot be None "
        "(strings are single values here)"
    )
