"""ak.with_field: an array with a field added to (or replaced in) its records."""

from __future__ import annotations

from awkward._do import field_path
from awkward._do import with_field as _with_field
from awkward.operations._layout_args import HighLevelContext
from awkward.operations.ak_zip import is_scalar_value

__all__ = ["with_field"]


def with_field(array, what, where=None, *, highlevel=True, behavior=None, attrs=None):
    """``array`` with field ``where`` (a name, or a path of names into nested records) set to
    ``what``, broadcast down to the records (a scalar fills every record). ``where=None``
    appends a positional field. The existing fields are not read."""
    path = field_path(where, "ak.with_field", allow_none=True)
    ctx = HighLevelContext(behavior, attrs)
    base = ctx.unwrap(array, "with_field", allow_record=True)
    if not is_scalar_value(what):
        what = ctx.unwrap(what, "with_field", allow_record=False)
    return ctx.wrap(_with_field(base, what, path), highlevel)
