"""fill_none: missing values at an axis (or at every level) replaced by a value.

The value is a layout of length 1. At an option node, the present elements and the value are
gathered into one layout: numbers with numbers in one vectorized ``where`` (no concatenation),
anything else through ``merge_layouts`` (a union where the types do not merge, as in 2.14).
Only the option's mask or index and its content are read.
"""

from __future__ import annotations

from awkward._do._apply import recursively_apply
from awkward._do._option_axis import is_leaf, leaf_axis_error, posaxis_at, resolve_axis
from awkward._nplikes.dtypes import int64
from awkward.contents._merge import merge_layouts
from awkward.contents._typetracer import typetracer_wins
from awkward.contents.content import concrete, length_of, maybe_nonempty

__all__ = ["fill_none"]


def fill_none(layout, value, axis=None, *, function="fill_none"):
    """``layout`` with the None values of the options at ``axis`` replaced by ``value`` (a
    layout of length 1); ``axis=None`` fills every option, innermost first."""
    layout, value = typetracer_wins([layout, value])  # a tracer's value becomes a tracer (2.14)
    if axis is None:

        def fill_all(node, **kwargs):
            if node.is_option:
                content = recursively_apply(node.content, fill_all, numpy_to_regular=False)
                return _fill_option(node, content, value)
            return None

        return recursively_apply(layout, fill_all)

    resolve_axis(function, axis, layout)

    def action(node, *, depth, **kwargs):
        here = posaxis_at(node, axis, depth)
        if here is not None and here + 1 == depth:
            if node.is_option:
                return _fill_option(node, node.content, value)
            if node.is_union or node.is_record or node.is_indexed:
                return None
            return node  # nothing missing at this axis; nothing below is looked at
        if is_leaf(node):
            raise leaf_axis_error(function, axis, node, depth)
        return None

    return recursively_apply(layout, action, numpy_to_regular=True)


def _option_positions(option, nplike):
    """(valid, positions): present elements and where they are in the option's content."""
    valid = option.mask_as_bool(True)
    if option.is_indexed:
        (index,) = concrete(option.index.data)
        return valid, nplike.astype(index, int64, copy=False)
    return valid, None


def _fill_option(option, content, value):
    """The option node ``option`` (whose content, possibly transformed, is ``content``) with
    its missing elements replaced by ``value``."""
    from awkward.contents import NumpyArray
    from awkward.index import Index64

    if type(option).__name__ == "UnmaskedArray":
        return content
    nplike = option.backend.index_nplike
    valid, positions = _option_positions(option, nplike)
    n = valid.shape[0]
    if positions is None:
        content = content._getitem_range(0, n)
    numbers = _merged_numbers(content, value)
    if numbers is not None:
        data_nplike = option.backend.nplike
        fill = data_nplike.astype(concrete(value.data)[0], numbers.dtype)
        (data,) = concrete(content.data)
        if positions is not None:
            data = data[nplike.where(valid, positions, 0)] if maybe_nonempty(data) else data_nplike.empty(n, dtype=data.dtype)
        out = data_nplike.where(valid, data, fill[0])
        out = data_nplike.astype(out, numbers.dtype, copy=False)
        return NumpyArray(out, parameters=numbers._parameters, backend=option.backend)
    merged = merge_layouts([content, value], True)
    if positions is None:
        positions = nplike.arange(n, dtype=int64)
    carry = nplike.where(valid, positions, length_of(content))
    return merged._carry(Index64(carry, nplike=nplike), True)


def _merged_numbers(content, value):
    """The zero-length NumpyArray that content and value merge into, when both are flat
    numbers that merge without a union; else None."""
    if not (content.is_numpy and value.is_numpy):
        return None
    if len(content.inner_shape) or len(value.inner_shape):
        return None
    if content.dtype.kind not in "biufc" or value.dtype.kind not in "biufc":
        return None
    merged = merge_layouts([content._getitem_range(0, 0), value._getitem_range(0, 0)], True)
    return merged if merged.is_numpy else None
