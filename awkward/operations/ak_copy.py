"""ak.copy: a deep copy of an array (buffers copied; virtual buffers stay lazy)."""

from __future__ import annotations

import copy as _copy

from awkward.operations._layout_args import highlevel_classes, to_layout_arg, wrap_layout

__all__ = ["copy"]


def copy(array):
    """A deep copy: changing the buffers of the result does not change ``array``.

    A virtual buffer is copied lazily (its data is copied when it is produced). Layouts give
    layouts, ak.Array/ak.Record give the same kind with the same behavior and attrs."""
    array_cls, record_cls = highlevel_classes()
    highlevel = (array_cls is not None and isinstance(array, array_cls)) or (
        record_cls is not None and isinstance(array, record_cls)
    )
    layout = to_layout_arg(array, "copy")
    from awkward.record import Record

    if isinstance(layout, Record):
        out = Record(_copy.deepcopy(layout.array), layout.at)
    else:
        out = _copy.deepcopy(layout)
    if not highlevel:
        return out
    return wrap_layout(
        out,
        highlevel=True,
        behavior=getattr(array, "behavior", None),
        attrs=_copy.deepcopy(getattr(array, "attrs", None)),
    )
