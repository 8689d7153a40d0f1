"""ak.where: element-wise choice between two arrays, or the indices of true values."""

from __future__ import annotations

from awkward._broadcasting import broadcast_and_apply, broadcast_scalar
from awkward._nplikes.dtypes import bool_, int8, int64
from awkward.contents.content import Content, concrete, length_of, unknown_length
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op, positional_inputs

__all__ = ["where"]


def _is_scalar(obj) -> bool:
    return isinstance(obj, (bool, int, float, complex)) or (
        hasattr(obj, "dtype") and getattr(obj, "shape", None) == ()
    )


def _pick(mask, x, y, mergebool, backend):
    """Whole elements of ``x`` where ``mask`` is true, else of ``y``, whatever their type
    (lists, options, strings, records): both sides merged one after the other, then picked
    through an index. Types that do not merge give a union."""
    from awkward.contents._merge import merge_layouts
    from awkward.index import Index64

    nplike = backend.index_nplike
    length = mask.shape[0]
    x, y = (v if isinstance(v, Content) else broadcast_scalar(v, length, backend) for v in (x, y))
    merged = merge_layouts([x, y], mergebool)
    positions = nplike.arange(length, dtype=int64)
    index = nplike.where(mask, positions, positions + length_of(x))
    return merged._carry(Index64(index, nplike=nplike), True)


def _is_bool(value) -> bool:
    if isinstance(value, Content):
        return value.is_numpy and value.dtype == bool_
    return isinstance(value, bool) or getattr(value, "dtype", None) == bool_


@named_axis_op(inputs=positional_inputs)
def where(condition, *args, mergebool=True, highlevel=True, behavior=None, attrs=None):
    """``where(condition, x, y)``: x where condition is true, else y (broadcast together).
    ``where(condition)``: a 1-tuple with the positions of true values of a flat array."""
    ctx = HighLevelContext(behavior, attrs)
    cond = ctx.unwrap(condition, "where", allow_record=False)
    if len(args) == 0:
        return _nonzero(cond, highlevel, ctx)
    if len(args) != 2:
        raise TypeError(f"ak.where takes a condition and either 0 or 2 more arguments, not {len(args)}")
    inputs = [cond] + [x if _is_scalar(x) else ctx.unwrap(x, "where", allow_record=False) for x in args]

    def action(inputs, *, depth, backend):
        c, x, y = inputs
        if isinstance(c, Content) and c.is_option and c.content.is_numpy and len(c.content.shape) == 1:
            return (_missing_condition(c, x, y, action, depth, backend),)
        if not (isinstance(c, Content) and c.is_numpy and len(c.shape) == 1):
            return None  # descend until the condition is flat; x and y follow it
        nplike = backend.nplike
        (mask,) = concrete(c.data)
        if mask.dtype != bool_:
            mask = mask != 0
        flat = all(not isinstance(v, Content) or (v.is_numpy and len(v.shape) == 1) for v in (x, y))
        if flat and (mergebool or _is_bool(x) == _is_bool(y)):
            from awkward.contents import NumpyArray

            xd = x.data if isinstance(x, Content) else x
            yd = y.data if isinstance(y, Content) else y
            return (NumpyArray(nplike.where(mask, xd, yd), backend=backend),)
        if not mergebool and _is_bool(x) != _is_bool(y):
            from awkward.contents import UnionArray
            from awkward.index import Index8, Index64

            length = len(c)
            index_nplike = backend.index_nplike
            tags = Index8(index_nplike.astype(index_nplike.where(mask, 0, 1), int8), nplike=index_nplike)
            index = Index64(index_nplike.arange(length, dtype=int64), nplike=index_nplike)
            sides = [v if isinstance(v, Content) else broadcast_scalar(v, length, backend) for v in (x, y)]
            return (UnionArray.simplified(tags, index, sides, mergebool=False),)
        # x or y is not flat numbers at the condition's level: pick whole elements, as
        # awkward does (a missing value on the side not chosen does not matter)
        return (_pick(mask, x, y, mergebool, backend),)

    (out,) = broadcast_and_apply(inputs, action, function_name="ak.where", broadcast_parameters_rule="intersect")
    return ctx.wrap(out, highlevel)


def _missing_condition(c, x, y, action, depth, backend):
    """A flat condition with missing values: None where it is missing; elsewhere x or y is
    picked as for a full condition (a missing value on the side not picked does not matter)."""
    from awkward.contents import IndexedOptionArray, NumpyArray
    from awkward.index import Index64

    nplike = backend.index_nplike
    (valid,) = concrete(c.mask_as_bool(True))
    (index,) = concrete(c.to_IndexedOptionArray64().index.data)
    (data,) = concrete(c.content.data)
    if data.shape[0] is not unknown_length and len(data) == 0:
        picked = nplike.zeros(length_of(c), dtype=bool_)
    else:
        picked = nplike.logical_and(valid, data[nplike.where(valid, index, 0)] != 0)
    (out,) = action([NumpyArray(picked, backend=backend), x, y], depth=depth, backend=backend)
    positions = nplike.arange(length_of(c), dtype=int64)
    return IndexedOptionArray.simplified(Index64(nplike.where(valid, positions, -1), nplike=nplike), out)


def _nonzero(cond, highlevel, ctx):
    from awkward.contents import NumpyArray

    if not (cond.is_numpy and len(cond.shape) == 1):
        raise ValueError("ak.where(condition) with a single argument needs a flat (1-d) array of booleans")
    nplike = cond.backend.nplike
    (data,) = concrete(cond.data)
    (positions,) = nplike.nonzero(data)
    out = NumpyArray(nplike.astype(positions, int64), backend=cond.backend)
    return (ctx.wrap(out, highlevel),)
