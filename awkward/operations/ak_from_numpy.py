"""ak.from_numpy: a numpy array (N-d, masked, structured, strings) -> an array."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout

__all__ = ["from_numpy"]


def from_numpy(
    array,
    *,
    regulararray=False,
    recordarray=True,
    highlevel=True,
    behavior=None,
    primitive_policy="error",
    attrs=None,
):
    """Wrap a numpy array without copying its numbers.

    * N-d arrays: a NumpyArray with inner dimensions, or nested RegularArrays when
      ``regulararray=True``;
    * ``numpy.ma.MaskedArray``: an option type (ByteMaskedArray) over the values;
    * structured dtypes: a RecordArray of the fields (``recordarray=True``, else TypeError);
    * ``str``/``bytes`` dtypes: strings / bytestrings (lists of uint8 with ``__array__``);
    * a 0-d array or numpy scalar: TypeError with ``primitive_policy="error"``; any other
      policy ("promote", "pass-through", "forbid") makes it a length-1 array, as 2.14 does.
    """
    from awkward._connect import numpy_conversion

    if primitive_policy not in ("error", "promote", "pass-through", "forbid"):
        raise ValueError(
            "ak.from_numpy: primitive_policy must be 'error', 'promote', 'pass-through' or "
            f"'forbid', not {primitive_policy!r}"
        )
    if numpy_conversion.is_numpy_scalar(array) or (
        numpy_conversion.is_numpy_array(array) and array.ndim == 0
    ):
        if primitive_policy == "error":
            raise TypeError(
                f"ak.from_numpy: encountered a scalar ({type(array).__name__}), but scalar "
                "conversion/promotion is disabled (primitive_policy='error')"
            )
        array = numpy_conversion.as_1d(array)
    layout = numpy_conversion.numpy_to_layout(
        array, regulararray=regulararray, recordarray=recordarray, function="from_numpy"
    )
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)
