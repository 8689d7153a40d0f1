"""dtype constants and the primitive-name <-> dtype tables used by forms, types and Index.

Importing this module pulls in numpy only, never the nplike machinery, so that forms and
types can name dtypes without importing a buffer layer.
"""

from __future__ import annotations

import numpy

dtype = numpy.dtype
DType = numpy.dtype

bool_ = numpy.dtype(numpy.bool_)
int8 = numpy.dtype(numpy.int8)
uint8 = numpy.dtype(numpy.uint8)
int16 = numpy.dtype(numpy.int16)
uint16 = numpy.dtype(numpy.uint16)
int32 = numpy.dtype(numpy.int32)
uint32 = numpy.dtype(numpy.uint32)
int64 = numpy.dtype(numpy.int64)
uint64 = numpy.dtype(numpy.uint64)
float16 = numpy.dtype(numpy.float16)
float32 = numpy.dtype(numpy.float32)
float64 = numpy.dtype(numpy.float64)
complex64 = numpy.dtype(numpy.complex64)
complex128 = numpy.dtype(numpy.complex128)
datetime64 = numpy.datetime64
timedelta64 = numpy.timedelta64

_PRIMITIVE_TO_DTYPE: dict[str, numpy.dtype] = {
    "bool": bool_,
    "int8": int8,
    "uint8": uint8,
    "int16": int16,
    "uint16": uint16,
    "int32": int32,
    "uint32": uint32,
    "int64": int64,
    "uint64": uint64,
    "float16": float16,
    "float32": float32,
    "float64": float64,
    "complex64": complex64,
    "complex128": complex128,
}
if hasattr(numpy, "float128"):
    _PRIMITIVE_TO_DTYPE["float128"] = numpy.dtype(numpy.float128)
if hasattr(numpy, "complex256"):
    _PRIMITIVE_TO_DTYPE["complex256"] = numpy.dtype(numpy.complex256)

_DTYPE_TO_PRIMITIVE: dict[numpy.dtype, str] = {v: k for k, v in _PRIMITIVE_TO_DTYPE.items()}

_DATETIME_UNITS = ("Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as")


def primitive_to_dtype(primitive: str) -> numpy.dtype:
    """'float64' -> dtype('float64'); 'datetime64[ms]' -> dtype('<M8[ms]'). Raises ValueError."""
    found = _PRIMITIVE_TO_DTYPE.get(primitive)
    if found is not None:
        return found
    if primitive.startswith(("datetime64", "timedelta64")):
        try:
            return numpy.dtype(primitive)
        except TypeError as err:
            raise ValueError(f"unrecognized primitive type {primitive!r}") from err
    raise ValueError(
        f"unrecognized primitive type {primitive!r}; expected one of "
        f"{', '.join(_PRIMITIVE_TO_DTYPE)}, datetime64[unit] or timedelta64[unit]"
    )


def dtype_to_primitive(dt) -> str:
    """dtype('float64') -> 'float64' (byte order ignored). Raises TypeError for unsupported dtypes."""
    dt = numpy.dtype(dt)
    if dt.byteorder not in ("=", "|"):
        dt = dt.newbyteorder("=")
    found = _DTYPE_TO_PRIMITIVE.get(dt)
    if found is not None:
        return found
    if dt.kind in ("M", "m"):
        return str(dt)
    raise TypeError(f"dtype {dt} is not supported by awkward (no primitive type for it)")


def is_supported_primitive(primitive: str) -> bool:
    try:
        primitive_to_dtype(primitive)
    except ValueError:
        return False
    return True


def all_primitives() -> tuple[str, ...]:
    return tuple(_PRIMITIVE_TO_DTYPE)
