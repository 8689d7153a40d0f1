"""ak.zip: arrays broadcast against each other and combined into records (or tuples)."""

from __future__ import annotations

import numbers

from awkward._do import zip_layouts
from awkward.contents.content import Content
from awkward.operations._layout_args import HighLevelContext, highlevel_classes
from awkward.operations._named_axis import collection_inputs, named_axis_op
from awkward.operations.ak_combinations import record_parameters

__all__ = ["zip", "zip_args", "is_scalar_value"]


@named_axis_op(inputs=collection_inputs)
def zip(
    arrays,
    depth_limit=None,
    *,
    parameters=None,
    with_name=None,
    right_broadcast=False,
    optiontype_outside_record=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """Records with one field per array (a dict: named fields; a sequence: a tuple), made as
    deep as the arrays broadcast (strings count as values), or at ``depth_limit``. Options stay
    inside the records unless ``optiontype_outside_record``. Arrays that share their offsets are
    zipped without reading them."""
    if depth_limit is not None and (
        not isinstance(depth_limit, numbers.Integral) or isinstance(depth_limit, bool)
    ):
        raise TypeError(f"ak.zip: depth_limit must be None or an int, not {depth_limit!r}")
    if depth_limit is not None and depth_limit < 1:
        raise ValueError(f"ak.zip: depth_limit must be None or at least 1, not {depth_limit}")
    ctx = HighLevelContext(behavior, attrs)
    inputs, fields = zip_args(ctx, arrays, "zip", allow_scalars=True)
    out = zip_layouts(
        inputs,
        fields,
        depth_limit=depth_limit,
        parameters=record_parameters(parameters, with_name),
        right_broadcast=right_broadcast,
        optiontype_outside_record=optiontype_outside_record,
    )
    return ctx.wrap(out, highlevel)


def is_scalar_value(obj) -> bool:
    """A value that zip/with_field repeat (numbers, bools, str/bytes, None, numpy scalars)."""
    if obj is None or isinstance(obj, (str, bytes)):
        return True
    # arrays first: cheaper than the numbers.Number ABC check, and no failing attribute
    # lookup on an ak.Array (which raises inside)
    array_cls, record_cls = highlevel_classes()
    if isinstance(obj, Content) or (array_cls is not None and isinstance(obj, (array_cls, record_cls))):
        return False
    if isinstance(obj, numbers.Number):
        return True
    return getattr(obj, "shape", None) == () and hasattr(obj, "dtype")


def zip_args(ctx, arrays, function, *, allow_scalars):
    """(inputs, fields) from a dict (fields: its keys) or a sequence (fields: None, tuples)."""
    if isinstance(arrays, dict):
        fields = list(arrays)
        values = list(arrays.values())
        for key in fields:
            if not isinstance(key, str):
                raise TypeError(f"ak.{function}: field names (dict keys) must be str, not {key!r}")
    else:
        if isinstance(arrays, (str, bytes)) or is_scalar_value(arrays):
            raise TypeError(
                f"ak.{function}: 'arrays' must be a dict or a sequence of arrays, "
                f"not {type(arrays).__name__}"
            )
        try:
            values = list(arrays)
        except TypeError:
            raise TypeError(
                f"ak.{function}: 'arrays' must be a dict or a sequence of arrays, "
                f"not {type(arrays).__name__}"
            ) from None
        fields = None
    if not values:
        raise ValueError(f"ak.{function}: needs at least one array")
    inputs = [
        x if allow_scalars and is_scalar_value(x) else ctx.unwrap(x, function, allow_record=False)
        for x in values
    ]
    return inputs, fields
