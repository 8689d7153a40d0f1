"""ak.str.to_categorical: The strings as a categorical array (an index into their distinct values)."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["to_categorical"]


def to_categorical(array, *, highlevel=True, behavior=None, attrs=None):
    """The strings as a categorical array: an IndexedArray (IndexedOptionArray where strings
    are missing) marked ``__array__="categorical"`` over the distinct strings, in order of
    first appearance (pyarrow's dictionary_encode)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.to_categorical")
    out = string_compute(
        layout, "to_categorical", "dictionary_encode", with_options=True, option_stays_option=True
    )
    return ctx.wrap(out, highlevel)
