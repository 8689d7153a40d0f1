"""What the ak.* reducers share: argument handling around ``awkward._reducers.reduce``.

Each ak.<reducer> module is a thin wrapper that names its Reducer and calls ``run``. The
nan-variants (ak.nansum ...) turn NaN into None first, so that NaN is skipped like a missing
value (as in awkward 2.14: an all-NaN list is then an empty one).
"""

from __future__ import annotations

from awkward._do import regularize_axis
from awkward._reducers import reduce, register_highlevel
from awkward.contents.content import Content
from awkward.operations._layout_args import HighLevelContext, to_layout_arg, wrap_layout
from awkward.record import Record

__all__ = ["run", "register_function"]


def _wrap(layout, behavior):
    return wrap_layout(layout, highlevel=True, behavior=behavior)


def _unwrap(obj):
    return to_layout_arg(obj, "reducer overload")


register_highlevel(wrap=_wrap, unwrap=_unwrap)


def register_function(reducer_cls, function):
    """``function`` (ak.sum ...) keys the behavior overloads of ``reducer_cls`` for records."""
    reducer_cls.highlevel_function = staticmethod(function)  # a plain attribute, not a method
    return function


def run(reducer, array, axis, keepdims, mask_identity, highlevel, behavior, attrs, *, nan=False):
    """``reducer`` applied to ``array`` at ``axis``; a scalar for axis=None without keepdims."""
    name = ("nan" if nan else "") + reducer.name
    axis = regularize_axis(axis, name)
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, name, allow_record=False)
    if nan:
        from awkward.operations.ak_nan_to_none import nan_to_none

        layout = nan_to_none(layout, highlevel=False)
    out = reduce(layout, reducer, axis, bool(mask_identity), bool(keepdims), ctx.behavior)
    if isinstance(out, (Content, Record)):
        return ctx.wrap(out, highlevel)
    return out
