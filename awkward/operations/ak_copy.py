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
        attrs=_copied_attrs(getattr(array, "attrs", None)),
    )


def _copied_attrs(attrs):
    """Deep copies of the attrs, except the transient "@" entries (coffea's factory), which
    are carried as they are: issue 10 wants them unchanged through every operation."""
    if not attrs:
        return attrs
    return {k: v if isinstance(k, str) and k.startswith("@") else _copy.deepcopy(v) for k, v in attrs.items()}
