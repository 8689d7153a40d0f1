"""ak.ones_like: an array of the same structure with every value 1."""

from __future__ import annotations

from awkward.operations._elementwise import layout_and_behavior, wrap
from awkward.operations.ak_full_like import filled_like

__all__ = ["ones_like"]


def ones_like(array, *, dtype=None, including_unknown=False, highlevel=True, behavior=None, attrs=None):
    """ak.full_like with fill value 1 (strings become "1", as in awkward)."""
    layout, behavior = layout_and_behavior(array, "ones_like", behavior)
    result = filled_like(layout, 1, dtype, including_unknown, "ones_like", string_value="1")
    return wrap(result, highlevel, behavior, attrs)
