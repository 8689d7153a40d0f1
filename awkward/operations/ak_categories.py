"""ak.categories: the categories (distinct values) of a categorical array."""

from __future__ import annotations

from awkward._do import categories as _categories
from awkward.operations._layout_args import HighLevelContext

__all__ = ["categories"]


def categories(array, highlevel=True, *, behavior=None, attrs=None):
    """The content of the first categorical node (through lists and records), or None when
    the array has none. Reads nothing."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "categories", allow_record=False)
    out = _categories(layout)
    return None if out is None else ctx.wrap(out, highlevel)
