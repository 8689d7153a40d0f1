"""ak.cartesian: the Cartesian product of the lists of several arrays at an axis."""

from __future__ import annotations

from awkward._do import cartesian as _cartesian
from awkward._do._axis import regularize_axis
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import cartesian_rule, collection_inputs, named_axis_op
from awkward.operations.ak_combinations import record_parameters

__all__ = ["cartesian"]


@named_axis_op(cartesian_rule, inputs=collection_inputs)
def cartesian(
    arrays,
    axis=1,
    *,
    nested=None,
    parameters=None,
    with_name=None,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """Lists of tuples (records, for a dict of arrays) pairing every item of the first
    array's list with every item of the others' at ``axis``, row by row (itertools.product
    order). ``nested=True`` or a list of positions/keys adds a list level after those arrays.
    ``axis=0`` pairs the arrays' own elements."""
    ctx = HighLevelContext(behavior, attrs)
    layouts, fields, nested, axis = cartesian_args(ctx, "cartesian", arrays, nested, axis)
    parameters = record_parameters(parameters, with_name)
    return ctx.wrap(_cartesian(layouts, axis, nested, fields, parameters), highlevel)


def cartesian_args(ctx, function, arrays, nested, axis):
    """(layouts, fields, nested positions, axis) of ak.cartesian / ak.argcartesian."""
    axis = regularize_axis(axis, function, none_allowed=False)
    if isinstance(arrays, dict):
        fields = list(arrays)
        values = list(arrays.values())
    else:
        try:
            values = list(arrays)
        except TypeError:
            raise TypeError(
                f"ak.{function}: 'arrays' must be a dict or an iterable of arrays, "
                f"not {type(arrays).__name__}"
            ) from None
        fields = None
    if not values:
        raise ValueError(f"ak.{function}: needs at least one array")
    layouts = [ctx.unwrap(x, function, allow_record=False) for x in values]
    count = len(layouts)
    if nested is None or nested is False:
        positions = set()
    elif nested is True:
        positions = set(range(count - 1))
    elif fields is not None:
        if isinstance(nested, str) or not all(
            isinstance(x, str) and x in fields[:-1] for x in _iterable(nested)
        ):
            raise ValueError(
                f"ak.{function}: the 'nested' parameter must be True or keys of the dict of "
                f"arrays other than the last ({fields[:-1]}), not {nested!r}"
            )
        positions = {fields.index(x) for x in nested}
    else:
        items = _iterable(nested)
        if items is None or not all(
            isinstance(x, int) and not isinstance(x, bool) and 0 <= x < count - 1 for x in items
        ):
            raise ValueError(
                f"ak.{function}: the 'nested' parameter must be True or integers in "
                f"[0, len(arrays) - 1) = [0, {count - 1}) for an iterable of arrays, "
                f"not {nested!r}"
            )
        positions = set(items)
    return layouts, fields, positions, axis


def _iterable(obj):
    if isinstance(obj, (str, bytes)):
        return None
    try:
        return list(obj)
    except TypeError:
        return None
