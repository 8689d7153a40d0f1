"""ak.fill_none: missing values replaced by a scalar, a string, a record or a list."""

from __future__ import annotations

from awkward._do import fill_none as _fill_none
from awkward.contents import Content, RegularArray
from awkward.operations._layout_args import HighLevelContext, highlevel_classes
from awkward.operations._named_axis import named_axis_op
from awkward.operations.ak_from_iter import from_iter
from awkward.operations.ak_to_layout import to_layout
from awkward.record import Record

__all__ = ["fill_none"]


@named_axis_op()
def fill_none(array, value, axis=-1, *, highlevel=True, behavior=None, attrs=None):
    """Replaces the None values at ``axis`` (``None``: at every level) by ``value``: a number,
    a string, a dict (record), or an array-like, which fills each None with the whole array
    as one list. Types that do not merge with the array's become a union, as in awkward 2.14."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "fill_none", allow_record=False)
    ctx.collect(value)  # an ak.Array/ak.Record fill value contributes its attrs, as in 2.14
    fill = _value_layout(value, layout.backend)
    return ctx.wrap(_fill_none(layout, fill, axis), highlevel)


def _value_layout(value, backend):
    """``value`` as a layout of length 1."""
    if value is None:
        raise TypeError(
            "ak.fill_none: the fill value cannot be None (the array would keep its missing values)"
        )
    array_cls, record_cls = highlevel_classes()
    if record_cls is not None and isinstance(value, record_cls):
        value = value.layout
    if isinstance(value, Record):
        return value.array[value.at : value.at + 1]
    if isinstance(value, (str, bytes, dict)):
        return from_iter([value], highlevel=False)
    is_array = isinstance(value, (Content, list, tuple)) or (
        array_cls is not None and isinstance(value, array_cls)
    )
    if not is_array and getattr(value, "ndim", 0) == 0:
        nplike = backend.nplike
        try:
            data = nplike.reshape(nplike.asarray(value), (1,))
        except (TypeError, ValueError) as err:
            raise TypeError(f"ak.fill_none: cannot use {value!r:.80} as a fill value ({err})") from None
        from awkward.contents import NumpyArray

        return NumpyArray(data, backend=backend)
    inner = to_layout(list(value) if isinstance(value, tuple) else value, allow_record=False)
    return RegularArray(inner, len(inner), 1)
