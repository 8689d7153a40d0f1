"""ak.enforce_type: an array converted to a given type, where awkward allows the change."""

from __future__ import annotations

from awkward._do import enforce_type as _enforce_type
from awkward.operations._layout_args import HighLevelContext

__all__ = ["enforce_type"]


def enforce_type(array, type, *, highlevel=True, behavior=None, attrs=None):
    """``array`` with the low-level type ``type`` (an ak.types.Type or a datashape string):
    numbers cast, options added or removed (when nothing is missing), regular <-> var lists,
    record fields removed, reordered or added as options, unions narrowed or widened, and
    parameters replaced. A change that is not allowed is a TypeError; values that do not fit
    the type (missing values, lists of other sizes, union members in use) a ValueError."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "enforce_type", allow_record=False)
    return ctx.wrap(_enforce_type(layout, type), highlevel)
