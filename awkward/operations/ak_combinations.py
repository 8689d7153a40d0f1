"""ak.combinations: the n-element combinations of the items of every list at an axis."""

from __future__ import annotations

from awkward._do import combinations as _combinations
from awkward._do._axis import is_integer, regularize_axis
from awkward.operations._layout_args import HighLevelContext
from awkward.operations._named_axis import named_axis_op

__all__ = ["combinations"]


@named_axis_op()
def combinations(
    array,
    n,
    *,
    replacement=False,
    axis=1,
    fields=None,
    parameters=None,
    with_name=None,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """Lists of n-tuples (records with ``fields``) of the items of every list at ``axis``, in
    the order of itertools.combinations (combinations_with_replacement with ``replacement``).
    ``axis=0`` combines the array's own elements. Reads only the lists at ``axis`` and, when
    values are asked for, the content they hold."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "combinations", allow_record=False)
    n, axis, fields, parameters = combinations_args(
        "combinations", n, axis, fields, parameters, with_name
    )
    return ctx.wrap(_combinations(layout, n, replacement, axis, fields, parameters), highlevel)


def combinations_args(function, n, axis, fields, parameters, with_name):
    """Checked (n, axis, fields, parameters) of ak.combinations / ak.argcombinations."""
    if not is_integer(n):
        raise TypeError(f"ak.{function}: 'n' must be an integer, not {n!r}")
    if n < 1:
        raise ValueError(f"ak.{function}: 'n' must be at least 1, not {n}")
    axis = regularize_axis(axis, function, none_allowed=False)
    if fields is not None:
        fields = list(fields)
        if len(fields) != n:
            raise ValueError(
                f"ak.{function}: if provided, the length of 'fields' must be 'n' ({n}), "
                f"not {len(fields)}"
            )
        if not all(isinstance(f, str) for f in fields):
            raise TypeError(f"ak.{function}: 'fields' must be strings, not {fields!r}")
    return int(n), axis, fields, record_parameters(parameters, with_name)


def record_parameters(parameters, with_name):
    """The parameters of the new records: ``parameters`` plus ``__record__`` for a name."""
    if with_name is not None:
        parameters = dict(parameters or {})
        parameters["__record__"] = with_name
    elif parameters is not None:
        parameters = dict(parameters) or None
    return parameters
