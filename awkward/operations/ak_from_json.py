"""ak.from_json: JSON text (a string, bytes, a file path or a file object) -> an array."""

from __future__ import annotations

import json
import math
import pathlib

from awkward.operations._layout_args import wrap_layout

__all__ = ["from_json"]


def from_json(
    source,
    *,
    line_delimited=False,
    schema=None,
    nan_string=None,
    posinf_string=None,
    neginf_string=None,
    complex_record_fields=None,
    buffersize=65536,
    initial=1024,
    resize=8,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """Parse JSON into an array (type discovered from the data, as ak.from_iter does).

    ``source``: JSON text (str or bytes), a ``pathlib.Path`` to read, or an object with a
    ``read()`` method (read, not closed). A top-level JSON array gives an array, an object a
    record, a number/string/bool a scalar. ``line_delimited=True`` reads one JSON value per
    line and gives an array of them. ``nan_string``/``posinf_string``/``neginf_string`` name
    strings that stand for nan/+inf/-inf; ``complex_record_fields=(real, imag)`` turns
    objects with exactly those two fields into complex numbers."""
    from awkward.operations.ak_from_iter import from_iter

    if schema is not None:
        raise NotImplementedError("ak.from_json: the 'schema' argument is not supported yet")
    if complex_record_fields is not None:
        if (
            not isinstance(complex_record_fields, (tuple, list))
            or len(complex_record_fields) != 2
            or not all(isinstance(x, str) for x in complex_record_fields)
        ):
            raise TypeError(
                "ak.from_json: complex_record_fields must be a pair of field names "
                f"(real, imag), not {complex_record_fields!r}"
            )
    text = _read_source(source)
    special = {}
    for string, value in ((nan_string, math.nan), (posinf_string, math.inf), (neginf_string, -math.inf)):
        if string is not None:
            if not isinstance(string, str):
                raise TypeError(f"ak.from_json: nan/inf strings must be str, not {string!r}")
            special[string] = value

    if line_delimited:
        values = [
            _parse(line, number, special, complex_record_fields)
            for number, line in enumerate(text.splitlines(), 1)
            if line.strip()
        ]
        layout = from_iter(values, highlevel=False, initial=initial, resize=resize)
        return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)

    value = _parse(text, None, special, complex_record_fields)
    if isinstance(value, list):
        layout = from_iter(value, highlevel=False, initial=initial, resize=resize)
        return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)
    if isinstance(value, dict):
        record = from_iter(value, highlevel=False, initial=initial, resize=resize)
        return wrap_layout(record, highlevel=highlevel, behavior=behavior, attrs=attrs)
    # a scalar document: the value as the array element it would be
    out = from_iter([value], highlevel=False)._getitem_at(0)
    if hasattr(out, "form"):  # a string document is a layout of characters: wrap it as 2.14 does
        return wrap_layout(out, highlevel=highlevel, behavior=behavior, attrs=attrs)
    return out


def _read_source(source) -> str:
    if isinstance(source, bytes):
        return source.decode("utf-8")
    if isinstance(source, str):
        return source
    if isinstance(source, pathlib.PurePath):
        try:
            with open(source, encoding="utf-8") as file:
                return file.read()
        except OSError as err:
            raise ValueError(f"ak.from_json: cannot read {str(source)!r}: {err}") from err
    read = getattr(source, "read", None)
    if callable(read):
        data = read()
        return data.decode("utf-8") if isinstance(data, (bytes, bytearray)) else data
    raise TypeError(
        "ak.from_json: source must be JSON text (str or bytes), a pathlib.Path or a file-like "
        f"object with a read() method, not {type(source).__name__}"
    )


def _reject_constant(name):
    raise ValueError(f"non-standard JSON constant {name} (use nan_string/posinf_string/neginf_string)")


def _parse(text, line, special, complex_fields):
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except ValueError as err:
        where = f" (line {line})" if line is not None else ""
        raise ValueError(f"ak.from_json: JSON syntax error{where}: {err}") from None
    if special or complex_fields is not None:
        value = _convert(value, special, complex_fields)
    return value


def _convert(value, special, complex_fields):
    if isinstance(value, str):
        return special.get(value, value)
    if isinstance(value, list):
        return [_convert(x, special, complex_fields) for x in value]
    if isinstance(value, dict):
        if complex_fields is not None and len(value) == 2:
            real, imag = complex_fields
            if real in value and imag in value:
                re = _convert(value[real], special, None)
                im = _convert(value[imag], special, None)
                if isinstance(re, (int, float)) and isinstance(im, (int, float)):
                    return complex(re, im)
        return {k: _convert(v, special, complex_fields) for k, v in value.items()}
    return value
