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
    scalar = _scalar_type(array)
    if scalar is not None:
        return awkward.types.ScalarType(scalar, behavior)
    if getattr(array, "shape", None) == () and hasattr(array, "reshape"):
        array = array.reshape(1)  # a 0-d numpy array: a one-element array, as in awkward 2.14
    layout = to_layout_arg(array, "type")
    if isinstance(layout, Record):
        return awkward.types.ScalarType(layout.array.form.type, behavior)
    if isinstance(layout, Content):
        return awkward.types.ArrayType(layout.form.type, layout.length, behavior)
    raise TypeError(f"ak.type: cannot determine the type of {builtins.type(array).__name__}")


def _scalar_type(value):
    """The element type of a lone scalar (Python or numpy number, bool, None, a dtype), as
    awkward 2.14 gives it; None for anything else (arrays, strings, ...)."""
    import awkward.types

    if value is None:
        return awkward.types.UnknownType()
    if isinstance(value, builtins.type) or isinstance(value, (str, bytes)):
        return None
    if hasattr(value, "kind") and hasattr(value, "itemsize") and not hasattr(value, "reshape"):
        from awkward._nplikes.dtypes import dtype_to_primitive  # a numpy dtype

        return awkward.types.NumpyType(dtype_to_primitive(value))
    # Python numbers and numpy scalars (0-d, not an ndarray: those have __len__)
    numpy_scalar = getattr(value, "ndim", None) == 0 and not hasattr(value, "__len__") and hasattr(value, "dtype")
    if isinstance(value, (bool, int, float, complex)) or numpy_scalar:
        from awkward.operations.ak_to_layout import to_layout

        return to_layout(value, primitive_policy="promote").form.type
    return None
