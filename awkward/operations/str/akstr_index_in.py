"""ak.str.index_in: The position of each string in ``value_set`` (int32), None where absent."""

from __future__ import annotations

from awkward._do import string_compute, string_value_set
from awkward.operations._layout_args import HighLevelContext

__all__ = ["index_in"]


def index_in(array, value_set, *, skip_nones=False, highlevel=True, behavior=None, attrs=None):
    """The position of each string in ``value_set`` (int32), None where absent. ``value_set`` is a 1-d array of (possibly missing) strings; a missing string
    matches a None in it unless ``skip_nones``."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.index_in")
    values = _value_set_layout(value_set)

    def prepare(kind):
        return (), {"value_set": string_value_set(values, kind), "skip_nulls": skip_nones}

    out = string_compute(
        layout, "index_in", "index_in", with_options=True, force_option=True, prepare=prepare
    )
    return ctx.wrap(out, highlevel)


def _value_set_layout(value_set):
    from awkward.operations._layout_args import to_layout_arg

    try:
        return to_layout_arg(value_set, "str.index_in", allow_record=False)
    except TypeError as err:
        raise TypeError("`value_set` must be 1D array of (possibly missing) strings") from err
