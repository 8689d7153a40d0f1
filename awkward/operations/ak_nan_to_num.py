"""ak.nan_to_num: NaN and infinities replaced by numbers, structure unchanged."""

from __future__ import annotations

from awkward.contents.content import Content
from awkward.operations._elementwise import (
    map_values,
    map_values_n,
    numpy_function,
    refuse_strings,
)
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["nan_to_num"]


@named_axis_op()
def nan_to_num(array, copy=True, nan=0.0, posinf=None, neginf=None, *, highlevel=True, behavior=None, attrs=None):
    """Replace NaN by ``nan``, +inf by ``posinf`` and -inf by ``neginf`` (None: the largest
    and smallest finite numbers of the dtype), as numpy.nan_to_num. The replacements may be
    arrays, broadcast against ``array``. Missing values stay missing."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "nan_to_num", allow_record=False)
    function = numpy_function("nan_to_num")
    replacements = {"nan": nan, "posinf": posinf, "neginf": neginf}
    array_args = {k: v for k, v in replacements.items() if _is_array(v)}

    if not array_args:

        def leaf(node):
            nplike = node.backend.nplike
            return node.copy(
                data=nplike.apply_ufunc(function, "__call__", [node.data], {"copy": True, **replacements})
            )

        result = map_values(layout, leaf, function="nan_to_num", on_string=refuse_strings("nan_to_num"))
        return ctx.wrap(result, highlevel)

    # some replacements are arrays: broadcast them with the array, then fill position by position
    names = list(array_args)
    others = [ctx.unwrap(array_args[k], "nan_to_num", allow_record=False) for k in names]

    def leaves(data, backend):
        nplike = backend.nplike
        values, *filled = data
        scalars = {k: v for k, v in replacements.items() if k not in array_args}
        out = nplike.apply_ufunc(function, "__call__", [values], {"copy": True, **scalars})
        isnan, isposinf, isneginf = (numpy_function(n) for n in ("isnan", "isposinf", "isneginf"))
        tests = {"nan": isnan, "posinf": isposinf, "neginf": isneginf}
        for name, fill in zip(names, filled):
            where = nplike.apply_ufunc(tests[name], "__call__", [values])
            out = nplike.where(where, fill, out)
        return out

    result = map_values_n([layout, *others], leaves, function="nan_to_num")
    return ctx.wrap(result, highlevel)


def _is_array(value) -> bool:
    if value is None or isinstance(value, (bool, int, float, complex)):
        return False
    if isinstance(value, Content) or hasattr(value, "layout"):
        return True
    return getattr(value, "shape", ()) != () or isinstance(value, (list, tuple))
