"""ak.to_json: an array -> JSON text (returned, or written to a file)."""

from __future__ import annotations

import json
import math
import pathlib
from collections.abc import Mapping

__all__ = ["to_json"]


def to_json(
    array,
    file=None,
    *,
    line_delimited=False,
    num_indent_spaces=None,
    num_readability_spaces=0,
    nan_string=None,
    posinf_string=None,
    neginf_string=None,
    complex_record_fields=None,
    convert_bytes=None,
    convert_other=None,
):
    """JSON for the values of ``array`` (records become objects, tuples objects with keys
    "0", "1", ..., None null). Without ``file`` it returns the text; with a path (str or
    pathlib.Path) or a writable file object it writes there and returns None.

    ``line_delimited``: one JSON value per line (True, or the separator string to use).
    nan/inf are written as the given strings, else they are a ValueError; complex numbers
    need ``complex_record_fields=(real, imag)``; bytes need ``convert_bytes`` (a function
    of bytes); other non-JSON values (dates, ...) need ``convert_other``."""
    from awkward.operations.ak_to_list import to_list

    if num_indent_spaces is not None and (
        not isinstance(num_indent_spaces, int) or num_indent_spaces < 0
    ):
        raise TypeError(f"ak.to_json: num_indent_spaces must be None or a non-negative int, not {num_indent_spaces!r}")
    if not isinstance(num_readability_spaces, int) or num_readability_spaces < 0:
        raise TypeError(
            f"ak.to_json: num_readability_spaces must be a non-negative int, not {num_readability_spaces!r}"
        )
    if complex_record_fields is not None and (
        not isinstance(complex_record_fields, (tuple, list)) or len(complex_record_fields) != 2
    ):
        raise TypeError(
            f"ak.to_json: complex_record_fields must be a pair (real, imag), not {complex_record_fields!r}"
        )
    converter = _Converter(
        nan_string, posinf_string, neginf_string, complex_record_fields, convert_bytes, convert_other
    )
    space = " " * num_readability_spaces
    options = {
        "allow_nan": False,
        "indent": num_indent_spaces,
        "separators": ("," + space, ":" + space),
        "ensure_ascii": False,
    }
    value = to_list(array)
    if line_delimited:
        separator = line_delimited if isinstance(line_delimited, str) else "\n"
        rows = value if isinstance(value, list) else [value]
        text = "".join(_dumps(converter.walk(row), options) + separator for row in rows)
    else:
        text = _dumps(converter.walk(value), options)
    if file is None:
        return text
    if isinstance(file, (str, pathlib.PurePath)):
        with open(file, "w", encoding="utf-8") as out:
            out.write(text)
        return None
    write = getattr(file, "write", None)
    if not callable(write):
        raise TypeError(
            f"ak.to_json: file must be None, a path or an object with write(), not {type(file).__name__}"
        )
    write(text)
    return None


def _dumps(value, options):
    try:
        return json.dumps(value, **options)
    except ValueError as err:
        raise ValueError(
            f"ak.to_json: {err} (pass nan_string/posinf_string/neginf_string to write them)"
        ) from None


class _Converter:
    """Turns to_list output into values the json module accepts."""

    __slots__ = ("nan", "posinf", "neginf", "complex_fields", "convert_bytes", "convert_other")

    def __init__(self, nan, posinf, neginf, complex_fields, convert_bytes, convert_other):
        self.nan, self.posinf, self.neginf = nan, posinf, neginf
        self.complex_fields = complex_fields
        self.convert_bytes = convert_bytes
        self.convert_other = convert_other

    def walk(self, value):
        if value is None or isinstance(value, (bool, int, str)):
            return value
        if isinstance(value, float):
            return self.float(value)
        if isinstance(value, list):
            return [self.walk(x) for x in value]
        if isinstance(value, tuple):
            return {str(i): self.walk(x) for i, x in enumerate(value)}
        if isinstance(value, Mapping):
            return {str(k): self.walk(v) for k, v in value.items()}
        if isinstance(value, complex):
            if self.complex_fields is None:
                raise TypeError(
                    "ak.to_json: complex numbers are not JSON; pass complex_record_fields=(real, imag)"
                )
            real, imag = self.complex_fields
            return {real: self.float(value.real), imag: self.float(value.imag)}
        if isinstance(value, (bytes, bytearray)):
            if self.convert_bytes is None:
                raise TypeError("ak.to_json: bytes are not JSON; pass convert_bytes (e.g. bytes.decode)")
            return self.walk(self.convert_bytes(value))
        if self.convert_other is None:
            raise TypeError(
                f"ak.to_json: values of type {type(value).__name__} are not JSON; pass convert_other"
            )
        return self.walk(self.convert_other(value))

    def float(self, value):
        if math.isfinite(value):
            return value
        if math.isnan(value):
            return value if self.nan is None else self.nan
        if value > 0:
            return value if self.posinf is None else self.posinf
        return value if self.neginf is None else self.neginf
