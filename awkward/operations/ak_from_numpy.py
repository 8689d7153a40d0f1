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
    * a 0-d array: TypeError unless ``primitive_policy="promote"`` (a length-1 array).
    """
    from awkward._connect import numpy_conversion

    if primitive_policy not in ("error", "promote", "pass-through", "forbid"):
        raise ValueError(
            "ak.from_numpy: primitive_policy must be 'error', 'promote' or 'pass-through', "
            f"not {primitive_policy!r}"
        )
    if numpy_conversion.is_numpy_scalar(array) or (
        numpy_conversion.is_numpy_array(array) and array.ndim == 0
    ):
        if primitive_policy == "pass-through":
            return array
        if primitive_policy == "promote":
            array = numpy_conversion.as_1d(array)
    layout = numpy_conversion.numpy_to_layout(
        array, regulararray=regulararray, recordarray=recordarray, function="from_numpy"
    )
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)
