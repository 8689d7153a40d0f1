"""ak.type: the high-level type of an array (reads no buffer)."""

from __future__ import annotations

import builtins

from awkward.contents.content import Content
from awkward.operations._layout_args import highlevel_classes, to_layout_arg
from awkward.record import Record

__all__ = ["type"]


def type(array, *, behavior=None):
    """ArrayType (length and element type) of an array or layout; ScalarType of a record.

    Built from the form and the array's length, so it runs no generator; the length of a
    virtual array that is not known yet prints as ``##``."""
    import awkward.types

    array_cls, record_cls = highlevel_classes()
    if behavior is None and (
        (array_cls is not None and isinstance(array, array_cls))
        or (record_cls is not None and isinstance(array, record_cls))
    ):
        behavior = getattr(array, "behavior", None)
    layout = to_layout_arg(array, "type")
    if isinstance(layout, Record):
        return awkward.types.ScalarType(layout.array.form.type, behavior)
    if isinstance(layout, Content):
        return awkward.types.ArrayType(layout.form.type, layout.length, behavior)
    raise TypeError(f"ak.type: cannot determine the type of {builtins.type(array).__name__}")
