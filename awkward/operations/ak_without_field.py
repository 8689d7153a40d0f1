"""ak.without_field: an array with a field removed from its records."""

from __future__ import annotations

from awkward._do import field_path
from awkward._do import without_field as _without_field
from awkward.operations._layout_args import HighLevelContext

__all__ = ["without_field"]


def without_field(array, where, *, highlevel=True, behavior=None, attrs=None):
    """``array`` without field ``where`` (a name, or a path of names into nested records) in
    its outermost records; FieldNotFoundError when the records have no such field. Nothing
    is read."""
    path = field_path(where, "ak.without_field")
    ctx = HighLevelContext(behavior, attrs)
    base = ctx.unwrap(array, "without_field", allow_record=True)
    return ctx.wrap(_without_field(base, path), highlevel)
