"""ak.to_regular: variable-length lists at an axis -> RegularArrays (lists of one size)."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout
from awkward.operations.ak_to_layout import to_layout

__all__ = ["to_regular", "convert_lists_at_axis"]


def to_regular(array, axis=1, *, highlevel=True, behavior=None, attrs=None):
    """Lists at ``axis`` (``None``: every list) become RegularArrays; lists of different
    lengths are a ValueError. ``axis=0`` returns the array unchanged. Reads the offsets of
    the converted lists only."""
    layout = to_layout(array, allow_record=False)
    out = convert_lists_at_axis(layout, axis, _make_regular, "to_regular")
    return wrap_layout(out, highlevel=highlevel, behavior=behavior, attrs=attrs)


def _make_regular(layout):
    if layout.is_regular:
        return layout
    try:
        return layout.to_RegularArray()
    except ValueError:
        raise ValueError(
            "ak.to_regular: cannot make lists regular: they have different lengths "
            "(use ak.pad_none with clip=True first)"
        ) from None


def _keep(buffer):
    return buffer


def _depths(layout):
    form = layout.form
    return form.minmax_depth


def convert_lists_at_axis(layout, axis, convert, function):
    """Apply ``convert`` to the list nodes at ``axis`` (looking through records, options,
    indexes and unions); ``axis=None`` converts every list node. Negative axes count from
    the innermost dimension and need all branches to have the same depth."""
    if axis is None:
        return _walk(layout, 1, None, convert)
    if isinstance(axis, bool) or not isinstance(axis, int):
        raise TypeError(f"ak.{function}: axis must be an int or None, not {type(axis).__name__}")
    low, high = _depths(layout)
    if axis < 0:
        if low != high:
            raise ValueError(
                f"ak.{function}: axis={axis} is ambiguous: the array's branches have different "
                f"depths ({low} to {high}); use a non-negative axis"
            )
        posaxis = high + axis
        if posaxis < 0:
            raise ValueError(f"ak.{function}: axis={axis} exceeds the depth of this array ({high})")
    else:
        posaxis = axis
    if posaxis >= high:
        raise ValueError(f"ak.{function}: axis={axis} exceeds the depth of this array ({high})")
    if posaxis == 0:
        return layout
    return _walk(layout, 1, posaxis, convert)


def _walk(layout, depth, posaxis, convert):
    if layout.is_numpy and len(layout.inner_shape) > 0:
        layout = layout.to_RegularArray()
    if layout.is_list:
        if posaxis is None or depth == posaxis:
            layout = convert(layout)
            if posaxis is not None:
                return layout
        return layout.copy(content=_walk(layout.content, depth + 1, posaxis, convert))
    if not layout.contents:
        return layout
    return layout._map_slots(_keep, _keep, lambda child: _walk(child, depth, posaxis, convert))
