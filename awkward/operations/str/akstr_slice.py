"""ak.str.slice: Each string sliced ``start:stop:step`` (code points for strings, bytes for bytestrings)."""

from __future__ import annotations

from awkward._do import string_compute
from awkward.operations._layout_args import HighLevelContext

__all__ = ["slice"]


def slice(array, start, stop=None, step=1, *, highlevel=True, behavior=None, attrs=None):
    """Each string sliced ``[start:stop:step]`` like a Python str (code points; bytestrings
    by byte)."""
    if stop is None:  # pyarrow's "to the end" in either direction
        stop = -_MAX if step < 0 else _MAX
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "str.slice")
    out = string_compute(layout, "slice", "utf8_slice_codeunits", "binary_slice", start, stop, step)
    return ctx.wrap(out, highlevel)


# "to the end": pyarrow's binary_slice overflows sizing its output with sys.maxsize
_MAX = 2**31 - 1
