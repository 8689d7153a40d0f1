"""to_regular / from_regular: list nodes at one axis (or all) become RegularArrays / var lists.

Only the list nodes that are converted are read (a ListOffsetArray's offsets, to check that
its lists have one length); every other branch of the tree is returned as it is.
"""

from __future__ import annotations

from awkward._do._apply import recursively_apply
from awkward._do._axis import maybe_posaxis, regularize_axis
from awkward.errors import AxisError

__all__ = ["to_regular", "from_regular"]


def _make_regular(layout, function):
    if layout.is_regular:
        return layout
    try:
        return layout.to_RegularArray()
    except ValueError:
        raise ValueError(
            f"ak.{function}: cannot convert to RegularArray because subarray lengths are not "
            "regular: the lists have different lengths (use ak.pad_none with clip=True first)"
        ) from None


def _make_var(layout, function):
    if layout.is_regular:
        return layout.to_ListOffsetArray64(False)
    return layout


def to_regular(layout, axis=1, function="to_regular"):
    """Lists at ``axis`` (``None``: every list, strings included) become RegularArrays;
    lists of different lengths at that axis are a ValueError."""
    return _convert_at_axis(layout, axis, _make_regular, function)


def from_regular(layout, axis=1, function="from_regular"):
    """RegularArrays and inner NumpyArray dimensions at ``axis`` (``None``: all of them)
    become ListOffsetArrays (type ``var``)."""
    return _convert_at_axis(layout, axis, _make_var, function)


def _convert_at_axis(layout, axis, convert, function):
    axis = regularize_axis(axis, function)
    if axis is None:

        def convert_all(node, continuation, **kwargs):
            if node.is_list:
                return convert(continuation(), function)
            return None

        return recursively_apply(layout, convert_all, numpy_to_regular=True, function_name=f"ak.{function}")
    low, high = layout.form.minmax_depth
    if axis < -high or (axis < 0 and low == high and axis == -high) or axis == 0:
        if axis < -high:
            raise AxisError(f"ak.{function}: axis={axis} exceeds the depth of this array ({high})")
        return layout  # axis 0: the array itself is not a list

    def convert_at(node, depth, **kwargs):
        posaxis = maybe_posaxis(node, axis, depth)
        if posaxis is not None and posaxis == depth and node.is_list:
            return convert(node, function)
        if node.is_leaf:
            # this branch ends before reaching the axis
            raise AxisError(f"ak.{function}: axis={axis} exceeds the depth of this array ({depth})")
        return None

    return recursively_apply(layout, convert_at, numpy_to_regular=True, function_name=f"ak.{function}")
