"""ak.nan_to_none: NaN values become missing values (None)."""

from __future__ import annotations

from awkward._nplikes.dtypes import int64
from awkward.operations._elementwise import map_values, numpy_function
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["nan_to_none"]


@named_axis_op()
def nan_to_none(array, *, highlevel=True, behavior=None, attrs=None):
    """Every NaN becomes None (the leaf gets an option type); numbers that cannot be NaN
    (integers, booleans) and strings are left as they are. Existing missing values stay
    missing, without a second option level."""
    from awkward.contents import IndexedOptionArray
    from awkward.index import Index64

    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "nan_to_none", allow_record=False)
    isnan = numpy_function("isnan")

    def can_be_nan(node):
        return node.dtype.kind in "fc"

    def nan_index(node):
        nplike = node.backend.index_nplike
        mask = nplike.apply_ufunc(isnan, "__call__", [node.data])
        if len(node.shape) > 1:
            raise ValueError("ak.nan_to_none needs 1-d leaves; multi-dimensional NumpyArrays are regularized first")
        return Index64(nplike.where(mask, -1, nplike.arange(mask.shape[0], dtype=int64)), nplike=nplike)

    def leaf(node):
        if not can_be_nan(node):
            return node
        if len(node.shape) > 1:
            return nan_to_none(node.to_RegularArray(), highlevel=False)
        return IndexedOptionArray(nan_index(node), node)

    def option_above_leaf(node):
        if not can_be_nan(node.content) or len(node.content.shape) > 1:
            return None
        inner = IndexedOptionArray(nan_index(node.content), node.content)
        if node.is_option:
            return IndexedOptionArray.simplified(node.to_IndexedOptionArray64().index, inner, parameters=node._parameters)
        return IndexedOptionArray.simplified(node.index, inner, parameters=node._parameters)

    result = map_values(layout, leaf, function="nan_to_none", on_option=option_above_leaf)
    return ctx.wrap(result, highlevel)
