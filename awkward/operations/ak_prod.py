"""ak.prod: the product along an axis."""

from __future__ import annotations

from awkward._reducers import Prod
from awkward.operations._named_axis import named_axis_op, reduce
from awkward.operations._reducing import register_function, run

__all__ = ["prod"]


@named_axis_op(reduce)
def prod(
    array,
    axis=None,
    *,
    keepdims=False,
    mask_identity=False,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """The product of the values along ``axis`` (integers multiply as int64/uint64, bool as int64).
    An empty list gives 1, or None under ``mask_identity``. ``axis=None`` reduces every value to one
    scalar; ``keepdims`` keeps the reduced dimension with length 1."""
    return run(Prod(), array, axis, keepdims, mask_identity, highlevel, behavior, attrs)


register_function(Prod, prod)
