"""numpy <-> layout conversions that need numpy itself: masked arrays, structured dtypes,
fixed-width string dtypes. Used by ak.from_numpy, ak.to_numpy and ak.strings_astype.

Layouts are built from numpy data; to_numpy reads only the buffers of the nodes it converts
(a projected record field reads that field's buffers and nothing else).
"""

from __future__ import annotations

import numpy

from awkward._nplikes.array_like import maybe_materialize
from awkward._nplikes.numpy import Numpy

__all__ = ["is_numpy_array", "numpy_to_layout", "layout_to_numpy", "parse_strings"]


def is_numpy_array(obj) -> bool:
    return isinstance(obj, numpy.ndarray)


def is_numpy_scalar(obj) -> bool:
    return isinstance(obj, numpy.generic)


def as_1d(scalar):
    """A numpy scalar or 0-d array as a length-1 array."""
    return numpy.asarray(scalar).reshape(1)


# ---------------------------------------------------------------------------------- from numpy
def numpy_to_layout(array, *, regulararray: bool, recordarray: bool, function: str = "from_numpy"):
    """A layout for a numpy array (ndim >= 1), a masked array, or a structured array."""
    from awkward.contents import ByteMaskedArray, NumpyArray
    from awkward.index import Index8

    if isinstance(array, numpy.ma.MaskedArray):
        data = numpy.ma.getdata(array)
        if array.mask is numpy.ma.nomask:
            # no mask at all (not an all-False one): the option type without a mask, as 2.14
            from awkward.contents import UnmaskedArray

            if data.ndim == 0:
                raise TypeError(f"ak.{function}: expected an array, not a 0-d (scalar) masked array")
            flat = _to_layout_1d(data.reshape(-1) if data.ndim > 1 else data, recordarray, function, regulararray)
            return _wrap_regular(UnmaskedArray(flat), data.shape)
        mask = numpy.ma.getmaskarray(array)
        if data.dtype.names is not None:
            # structured masks: an element is missing when all of its fields are masked
            mask = numpy.all(
                numpy.stack([mask[name] for name in data.dtype.names], axis=-1), axis=-1
            )
        if data.ndim == 0:
            raise TypeError(f"ak.{function}: expected an array, not a 0-d (scalar) masked array")
        flat_mask = numpy.ascontiguousarray(mask).reshape(-1).astype(numpy.int8)
        flat = _to_layout_1d(data.reshape(-1) if data.ndim > 1 else data, recordarray, function, regulararray)
        layout = ByteMaskedArray(Index8(flat_mask), flat, valid_when=False)
        return _wrap_regular(layout, data.shape)

    if not isinstance(array, numpy.ndarray):
        raise TypeError(f"ak.{function}: expected a numpy array, not {type(array).__name__}")
    if array.ndim == 0:
        raise TypeError(
            f"ak.{function}: expected an array with at least one dimension, not a 0-d array "
            "(scalar); wrap it in a list first"
        )
    dtype = array.dtype
    if dtype.names is not None or dtype.kind in "USO" or dtype.subdtype is not None:
        if dtype.kind == "O":
            raise TypeError(
                f"ak.{function}: arrays of dtype object are not supported; use ak.from_iter "
                "for Python objects"
            )
        flat = _to_layout_1d(array.reshape(-1) if array.ndim > 1 else array, recordarray, function, regulararray)
        return _wrap_regular(flat, array.shape)
    _check_primitive(dtype, function)
    if not dtype.isnative:
        # kernels read native-endian numbers: one copy in the machine's byte order
        array = array.astype(dtype.newbyteorder("="))
    layout = NumpyArray(array)
    if regulararray and array.ndim > 1:
        return layout.to_RegularArray()
    return layout


def _check_primitive(dtype, function):
    from awkward._nplikes.dtypes import dtype_to_primitive

    try:
        dtype_to_primitive(dtype)
    except TypeError:
        raise TypeError(f"ak.{function}: unsupported dtype {dtype}") from None


def _wrap_regular(layout, shape):
    from awkward.contents import RegularArray

    for depth in range(len(shape) - 1, 0, -1):
        outer = 1
        for item in shape[:depth]:
            outer *= item
        layout = RegularArray(layout, shape[depth], outer)
    return layout


def _to_layout_1d(array, recordarray, function, regulararray=True):
    """A 1-d (flattened) array of strings/bytes/records/sub-array dtypes as a layout."""
    from awkward.contents import NumpyArray, RecordArray

    dtype = array.dtype
    if dtype.names is not None:
        if not recordarray:
            raise TypeError(
                f"ak.{function}: structured dtype {dtype} needs recordarray=True "
                "(it becomes a RecordArray)"
            )
        contents = [
            numpy_to_layout(
                numpy.ascontiguousarray(array[name]),
                regulararray=regulararray,
                recordarray=recordarray,
                function=function,
            )
            for name in dtype.names
        ]
        return RecordArray(contents, list(dtype.names), len(array))
    if dtype.kind == "U":
        return fixed_width_strings_layout(_utf8(array), "string")
    if dtype.kind == "S":
        return fixed_width_strings_layout(array, "bytestring")
    if dtype.subdtype is not None:
        return numpy_to_layout(
            numpy.ascontiguousarray(array), regulararray=True, recordarray=recordarray, function=function
        )
    _check_primitive(dtype, function)
    return NumpyArray(array)


def _utf8(array):
    """A 'U' array encoded as UTF-8 'S' (ASCII text: one byte per UCS-4 cell, vectorized)."""
    width = array.dtype.itemsize // 4
    if width == 0 or not len(array):
        return numpy.strings.encode(array, "utf-8")
    cells = numpy.ascontiguousarray(array).view(numpy.uint32).reshape(len(array), width)
    if int(cells.max()) < 128:
        return cells.astype(numpy.uint8).view(f"S{width}").reshape(len(array))
    return numpy.strings.encode(array, "utf-8")


def fixed_width_strings_layout(array, kind: str):
    """Strings/bytestrings from a 1-d numpy 'S' array, vectorized: each item's bytes up to
    its last non-NUL byte (numpy's own reading of fixed-width bytes)."""
    from awkward.contents import ListOffsetArray, NumpyArray
    from awkward.index import Index64

    array = numpy.ascontiguousarray(array)
    width = array.dtype.itemsize
    lengths = numpy.strings.str_len(array).astype(numpy.int64)
    offsets = numpy.zeros(len(array) + 1, dtype=numpy.int64)
    numpy.cumsum(lengths, out=offsets[1:])
    if width == 0:
        data = numpy.empty(0, dtype=numpy.uint8)
    else:
        grid = array.view(numpy.uint8).reshape(len(array), width)
        data = grid[numpy.arange(width) < lengths[:, numpy.newaxis]]
    inner = "char" if kind == "string" else "byte"
    return ListOffsetArray(
        Index64(offsets),
        NumpyArray(data, parameters={"__array__": inner}),
        parameters={"__array__": kind},
    )


def strings_layout(pieces, kind: str):
    """A ListOffsetArray of uint8 with __array__ 'string'/'bytestring' from a list of bytes."""
    from awkward.contents import ListOffsetArray, NumpyArray
    from awkward.index import Index64

    offsets = numpy.zeros(len(pieces) + 1, dtype=numpy.int64)
    if pieces:
        numpy.cumsum([len(p) for p in pieces], out=offsets[1:])
    data = numpy.frombuffer(b"".join(pieces), dtype=numpy.uint8).copy()
    inner = "char" if kind == "string" else "byte"
    return ListOffsetArray(
        Index64(offsets),
        NumpyArray(data, parameters={"__array__": inner}),
        parameters={"__array__": kind},
    )


# ------------------------------------------------------------------------------------ to numpy
def _host(array):
    """A numpy array from a buffer of any nplike (virtual buffers are materialized)."""
    (array,) = maybe_materialize(array)
    if isinstance(array, numpy.ndarray):
        return array
    get = getattr(array, "get", None)  # cupy
    if callable(get):
        return get()
    return numpy.asarray(array)


def layout_to_numpy(layout, allow_missing: bool, function: str = "to_numpy"):
    """A numpy array (or numpy.ma.MaskedArray) with the values of a regular layout."""
    out = _convert(layout, allow_missing, function)
    return out


def _convert(layout, allow_missing, function):
    kind = layout.parameter("__array__")
    if layout.is_numpy:
        return _host(layout.data)
    if layout.is_unknown:
        return numpy.empty(0, dtype=numpy.float64)
    if kind in ("string", "bytestring") and layout.is_list:
        return _strings_to_numpy(layout, kind)
    if layout.is_list:
        if not layout.is_regular:
            try:
                layout = layout.to_RegularArray()
            except ValueError:
                raise ValueError(
                    f"ak.{function}: cannot convert jagged data to a numpy array: its lists have "
                    "different lengths (use ak.pad_none and ak.fill_none to make them regular, "
                    "or ak.flatten)"
                ) from None
        length, size = len(layout), layout.size
        inner = _convert(layout.content._getitem_range(0, length * size), allow_missing, function)
        shape = (length, size, *inner.shape[1:])
        if isinstance(inner, numpy.ma.MaskedArray):
            return numpy.ma.MaskedArray(
                numpy.ma.getdata(inner).reshape(shape), mask=numpy.ma.getmaskarray(inner).reshape(shape)
            )
        return inner.reshape(shape)
    if layout.is_option:
        return _convert_option(layout, allow_missing, function)
    if layout.is_indexed:
        return _convert(layout.project(), allow_missing, function)
    if layout.is_record:
        return _convert_record(layout, allow_missing, function)
    if layout.is_union:
        raise TypeError(
            f"ak.{function}: cannot convert a union of different types to a numpy array "
            f"(type {layout.form.type}); select or cast one type first"
        )
    raise TypeError(f"ak.{function}: cannot convert {type(layout).__name__} to a numpy array")


def _strings_to_numpy(layout, kind):
    """A numpy 'U' (string) or 'S' (bytestring) array as wide as the longest item."""
    packed = layout.to_ListOffsetArray64(True)
    offsets = _host(packed.offsets.data)
    data = _host(packed.content.data)[: offsets[-1]]
    lengths = numpy.diff(offsets)
    width = max(int(lengths.max(initial=0)), 1)
    ascii_text = kind == "string" and (not len(data) or int(data.max()) < 128)
    # ASCII text: one code point per byte, scattered straight into the UCS-4 cells of 'U'
    cell = numpy.dtype(numpy.uint32).newbyteorder("=") if ascii_text else numpy.uint8
    starts = offsets[:-1]
    if width <= 16:
        # short strings: one column of the grid at a time, a dense gather from the bytes padded
        # with `width` zeros (a short item reads its neighbour's bytes, zeroed by its length):
        # no boolean compress/scatter, no per-byte index arrays
        grid = numpy.empty((len(lengths), width), dtype=cell)
        padded = numpy.zeros(len(data) + width, dtype=data.dtype)
        padded[: len(data)] = data
        at = numpy.array(starts, dtype=numpy.int64)
        for j in range(width):
            column = numpy.take(padded, at)
            numpy.multiply(column, lengths > j, out=column)
            grid[:, j] = column
            at += 1
    else:
        grid = numpy.zeros((len(lengths), width), dtype=cell)
        rows = numpy.repeat(numpy.arange(len(lengths)), lengths)
        grid[rows, numpy.arange(len(data)) - numpy.repeat(starts, lengths)] = data
    if ascii_text:
        return grid.view(f"U{width}").reshape(len(lengths))
    out = grid.view(f"S{width}").reshape(len(lengths))
    if kind == "bytestring":
        return out
    out = numpy.strings.decode(out, "utf-8")
    chars = max(int(numpy.strings.str_len(out).max(initial=0)), 1)
    return out.astype(f"U{chars}")


def _convert_option(layout, allow_missing, function):
    valid = _host(layout.mask_as_bool(valid_when=True))
    missing = ~valid
    if not missing.any():
        return _convert(layout.project(), allow_missing, function)
    if not allow_missing:
        raise ValueError(
            f"ak.{function}: the array contains missing values (None), which numpy arrays cannot "
            "hold; pass allow_missing=True to get a numpy.ma.MaskedArray, or use ak.fill_none"
        )
    present = _convert(layout.project(), allow_missing, function)
    n = len(valid)
    data = numpy.zeros((n, *present.shape[1:]), dtype=present.dtype)
    mask = numpy.ones(data.shape, dtype=bool) if data.dtype.names is None else None
    data[valid] = numpy.ma.getdata(present)
    if mask is None:
        mask = numpy.zeros(n, dtype=[(name, bool) for name in data.dtype.names])
        for name in data.dtype.names:
            mask[name] = missing
            if isinstance(present, numpy.ma.MaskedArray):
                mask[name][valid] = numpy.ma.getmaskarray(present)[name]
    else:
        mask[valid] = numpy.ma.getmaskarray(present)
    return numpy.ma.MaskedArray(data, mask=mask)


def _convert_record(layout, allow_missing, function):
    length = len(layout)
    names = layout.fields
    columns = [
        _convert(layout.content(i)._getitem_range(0, length), allow_missing, function)
        for i in range(len(names))
    ]
    dtype = numpy.dtype([(name, col.dtype, col.shape[1:]) for name, col in zip(names, columns)])
    out = numpy.empty(length, dtype=dtype)
    masked = any(isinstance(col, numpy.ma.MaskedArray) for col in columns)
    for name, col in zip(names, columns):
        out[name] = numpy.ma.getdata(col)
    if not masked:
        return out
    mask_dtype = numpy.dtype([(name, bool, col.shape[1:]) for name, col in zip(names, columns)])
    mask = numpy.zeros(length, dtype=mask_dtype)
    for name, col in zip(names, columns):
        mask[name] = numpy.ma.getmaskarray(col)
    return numpy.ma.MaskedArray(out, mask=mask)


# ---------------------------------------------------------------------------- strings_astype
def parse_strings(values: list, dtype):
    """Parse a list of str/bytes as numbers of ``dtype`` (numpy's parsing rules)."""
    dtype = numpy.dtype(dtype)
    if not values:
        return numpy.empty(0, dtype=dtype)
    try:
        if dtype.kind in "iu":
            # numpy's str -> int cast is lenient in some versions; Python's int() is exact
            return numpy.array([int(x) for x in values], dtype=dtype)
        return numpy.array(values).astype(dtype)
    except (ValueError, TypeError, OverflowError) as err:
        raise ValueError(f"ak.strings_astype: cannot parse strings as {dtype}: {err}") from None


def numpy_nplike():
    return Numpy.instance()
