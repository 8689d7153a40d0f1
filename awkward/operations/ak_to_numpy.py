"""ak.to_numpy: a regular array -> a numpy array (masked where values are missing)."""

from __future__ import annotations

from awkward.operations.ak_to_layout import to_layout

__all__ = ["to_numpy"]


def to_numpy(array, *, allow_missing=True):
    """A numpy array with the same values: lists must be regular (jagged data is a
    ValueError), records become structured arrays, strings ``str``/``bytes`` arrays, and
    missing values a ``numpy.ma.MaskedArray`` (``allow_missing=True``; else ValueError).

    Only the buffers of the converted nodes are read (one field of a record reads that
    field's buffers only)."""
    from awkward._connect.numpy_conversion import layout_to_numpy
    from awkward.record import Record

    layout = to_layout(array, allow_record=True, primitive_policy="pass-through",
                       string_policy="promote", none_policy="promote")
    if isinstance(layout, Record):
        raise TypeError("ak.to_numpy: ak.Record objects are not allowed in this function")
    if not hasattr(layout, "form"):
        from awkward._connect.numpy_conversion import as_1d

        return as_1d(layout)
    return layout_to_numpy(layout, allow_missing)
