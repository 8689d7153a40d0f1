"""ak.zeros_like: an array of the same structure with every value 0."""

from __future__ import annotations

from awkward.operations._elementwise import layout_and_behavior, wrap
from awkward.operations.ak_full_like import filled_like

__all__ = ["zeros_like"]


def zeros_like(array, *, dtype=None, including_unknown=False, highlevel=True, behavior=None, attrs=None):
    """ak.full_like with fill value 0 (strings become "", as in awkward)."""
    layout, behavior = layout_and_behavior(array, "zeros_like", behavior)
    result = filled_like(layout, 0, dtype, including_unknown, "zeros_like", string_value="")
    return wrap(result, highlevel, behavior, attrs)
