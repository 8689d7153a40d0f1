"""Strings and bytestrings of an awkward array as numba ``str`` and ``bytes`` values.

A string is its characters' UTF-8 bytes in a uint8 buffer: decoded here into a numba unicode
string (one pass to count code points and find the widest, one to fill); malformed UTF-8 is a
ValueError, as in awkward 2.14.
A bytestring becomes a numba ``bytes`` value (a read-only uint8 buffer with bytes' boxing).
"""

from __future__ import annotations

import numpy as np
from numba.core import types
from numba.cpython.unicode import (
    PY_UNICODE_1BYTE_KIND,
    PY_UNICODE_2BYTE_KIND,
    PY_UNICODE_4BYTE_KIND,
    _empty_string,
    _set_code_point,
)
from numba.extending import register_jitable

BYTES = types.Bytes(types.uint8, 1, "C", readonly=True)
_CHARS = types.CPointer(types.uint8)


@register_jitable
def _code_point(chars, i, stop):
    """(code point, byte width) of the UTF-8 sequence at ``i``; malformed UTF-8 is a
    ValueError (with awkward 2.14's messages)."""
    first = np.int64(chars[i])
    if first < 0x80:
        return first, 1
    if first < 0xC2 or first > 0xF7:  # a continuation byte, an overlong 2-byte lead, or 0xF8+
        raise ValueError("invalid UTF-8 leading byte")
    if first < 0xE0:
        width, out = 2, first & 0x1F
    elif first < 0xF0:
        width, out = 3, first & 0x0F
    else:
        width, out = 4, first & 0x07
    if i + width > stop:
        raise ValueError("unexpected end of UTF-8 sequence")
    for k in range(1, width):
        byte = np.int64(chars[i + k])
        if byte & 0xC0 != 0x80:
            raise ValueError("invalid UTF-8 continuation byte")
        out = (out << 6) | (byte & 0x3F)
    if 0xD800 <= out <= 0xDFFF:
        raise ValueError("UTF-8 sequence encodes a surrogate code point")
    if out > 0x10FFFF:
        raise ValueError("UTF-8 code point exceeds U+10FFFF")
    return out, width


@register_jitable
def _decode(chars, start, stop):
    count = 0
    widest = 0
    i = start
    while i < stop:
        point, width = _code_point(chars, i, stop)
        count += 1
        widest = max(widest, point)
        i += width
    if widest < 256:
        kind = PY_UNICODE_1BYTE_KIND
    elif widest < 65536:
        kind = PY_UNICODE_2BYTE_KIND
    else:
        kind = PY_UNICODE_4BYTE_KIND
    out = _empty_string(kind, count, 1 if widest < 128 else 0)
    i = start
    j = 0
    while i < stop:
        point, width = _code_point(chars, i, stop)
        _set_code_point(out, j, point)
        j += 1
        i += width
    return out


@register_jitable
def _copy_bytes(chars, start, stop):
    out = np.empty(stop - start, np.uint8)
    for i in range(stop - start):
        out[i] = chars[start + i]
    return out


def lower_string(context, builder, kind, chars, start, stop):
    """The ``str`` (kind "string") or ``bytes`` (kind "bytestring") of ``chars[start:stop]``."""
    if kind == "string":
        sig = types.unicode_type(_CHARS, types.intp, types.intp)
        return context.compile_internal(builder, _decode, sig, (chars, start, stop))
    # a bytes value has the array's data model: the copied array is the bytes object
    sig = types.Array(types.uint8, 1, "C")(_CHARS, types.intp, types.intp)
    return context.compile_internal(builder, _copy_bytes, sig, (chars, start, stop))
