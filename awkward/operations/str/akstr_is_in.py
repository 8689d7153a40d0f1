"""ak.str.is_in: True where a string is one of ``value_set``."""

from __future__ import annotations

from awkward._do import string_compute, string_value_set
from awkward.operations._layout_args import HighLevelContext

__all__ = ["is_in"]


def is_in(array, value_set, *, skip_nones=False, highlevel=True, behavior=None, attrs=None):
    """True where a string is one of ``value_set``. ``value_set`` is a 1-d array of (possibly missing) strings; a missing string
    matches a None in it unless ``skip_nones``."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.is_in")
    values = _value_set_layout(value_set)

    def prepare(kind):
        return (), {"value_set": string_value_set(values, kind), "skip_nulls": skip_nones}

    out = string_compute(
        layout, "is_in", "is_in", with_options=True, force_option=False, prepare=prepare
    )
    return ctx.wrap(out, highlevel)


def _value_set_layout(value_set):
    from awkward.operations._layout_args import to_layout_arg

    try:
        return to_layout_arg(value_set, "str.is_in", allow_record=False)
    except TypeError as err:
        raise TypeError("`value_set` must be 1D array of (possibly missing) strings") from err
