"""Turning container values (arrays, bytes-like objects) into flat native arrays for from_buffers.

Every error names the buffer key, so a user can tell which column of a file was wrong.
"""

from __future__ import annotations

import sys

from awkward._nplikes.array_like import MaterializableArray

__all__ = ["NATIVE", "check_byteorder", "as_flat_native", "fit_to_count"]

NATIVE = "<" if sys.byteorder == "little" else ">"


def check_byteorder(byteorder) -> str:
    if byteorder not in ("<", ">"):
        raise ValueError(f"byteorder must be '<' (little-endian) or '>' (big-endian), not {byteorder!r}")
    return byteorder


def _is_array_like(value) -> bool:
    return hasattr(value, "dtype") and hasattr(value, "shape")


def as_flat_native(value, key: str, dtype, byteorder: str, nplike):
    """A 1-D array of ``nplike`` with the native version of ``dtype``.

    * an array of the same dtype (any byte order) is used as is; a native-order array is taken
      to hold data in ``byteorder`` (its bytes are reinterpreted when that is not native, as a
      buffer read from a file would be); an explicitly non-native dtype is converted;
    * an array of 1-byte integers (raw bytes) or a bytes-like object is reinterpreted as
      ``dtype`` in ``byteorder``;
    * any other dtype is a ValueError naming the key (no silent reinterpretation).
    """
    if isinstance(value, MaterializableArray):
        value = value.materialize()
    stored = dtype.newbyteorder(byteorder) if dtype.itemsize > 1 else dtype
    if _is_array_like(value):
        try:
            array = nplike.asarray(value)
        except (TypeError, ValueError) as err:
            raise TypeError(f"buffer {key!r} cannot be used by {nplike!r}: {err}") from err
        got = array.dtype
        if got.newbyteorder("=") == dtype.newbyteorder("="):
            if got.isnative and byteorder != NATIVE and got.itemsize > 1:
                array = _contiguous_1d(array, nplike).view(stored)
        elif got.itemsize == 1 and got.kind in "uib":
            array = _reinterpret(_contiguous_1d(array, nplike).view(got.newbyteorder("|")), key, stored)
        else:
            raise ValueError(
                f"buffer {key!r} has dtype {got}, but the form needs {dtype} "
                "(pass raw bytes or an array of the right dtype)"
            )
    else:
        try:
            view = memoryview(value)
        except TypeError:
            raise TypeError(
                f"buffer {key!r}: container values must be arrays, bytes-like objects or "
                f"callables returning them, not {type(value).__name__}"
            ) from None
        if view.nbytes % stored.itemsize != 0:
            raise ValueError(
                f"buffer {key!r} has {view.nbytes} bytes, not a whole number of {dtype} items "
                f"({stored.itemsize} bytes each)"
            )
        array = nplike.frombuffer(view.cast("B") if view.ndim != 1 or view.format != "B" else view, dtype=stored)
    array = _contiguous_1d(array, nplike)
    if not array.dtype.isnative:
        array = nplike.astype(array, dtype)
    return array


def _contiguous_1d(array, nplike):
    array = nplike.ascontiguousarray(array)
    if array.ndim != 1:
        array = nplike.reshape(array, (-1,))
    return array


def _reinterpret(raw, key: str, stored):
    if raw.nbytes % stored.itemsize != 0:
        raise ValueError(
            f"buffer {key!r} has {raw.nbytes} bytes, not a whole number of {stored} items "
            f"({stored.itemsize} bytes each)"
        )
    return raw.view(stored)


def fit_to_count(array, key: str, count, inner_shape: tuple, nplike):
    """Trim a flat buffer to ``count`` rows of ``inner_shape`` and reshape it.

    ``count`` None means "as many whole rows as the buffer holds". A buffer that is too short
    is a ValueError naming the key (a longer one is trimmed, as a file may pad its buffers)."""
    width = 1
    for dim in inner_shape:
        width *= dim
    size = array.shape[0]
    if count is None:
        if width == 0:
            count = 0
        elif size % width != 0:
            raise ValueError(
                f"buffer {key!r} has {size} items, not a whole number of rows of inner shape {inner_shape}"
            )
        else:
            count = size // width
    needed = count * width
    if size < needed:
        raise ValueError(
            f"buffer {key!r} has {size} items of {array.dtype}, but the form and length need {needed}"
        )
    if size != needed:
        array = array[:needed]
    if inner_shape or array.ndim != 1:
        array = nplike.reshape(array, (count, *inner_shape))
    return array
