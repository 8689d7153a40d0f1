"""ak.from_iter: Python data (lists, dicts, tuples, numbers, strings, None) -> an array."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from awkward.operations._layout_args import wrap_layout

__all__ = ["from_iter"]


def from_iter(
    iterable,
    *,
    allow_record=True,
    highlevel=True,
    behavior=None,
    attrs=None,
    initial=1024,
    resize=8,
):
    """Build an array from an iterable of Python values, discovering its type on the way
    (ints and floats -> float64, None -> option type, mixed kinds -> union, dicts -> records,
    tuples -> tuple records, str/bytes -> strings/bytestrings).

    A single dict gives a record (``allow_record=True``) or a ValueError."""
    from awkward.builder import ArrayBuilder
    from awkward.record import Record

    if isinstance(iterable, Mapping):
        if not allow_record:
            raise ValueError(
                "ak.from_iter: cannot make an array from a single dict (that would be a record); "
                "pass a list of dicts, or allow_record=True"
            )
        builder = ArrayBuilder(initial=initial, resize=resize)
        builder.append(iterable)
        out = Record(builder.snapshot(), 0)
        return wrap_layout(out, highlevel=highlevel, behavior=behavior, attrs=attrs)
    if isinstance(iterable, (str, bytes)):
        raise TypeError(
            f"ak.from_iter: cannot make an array from a single {type(iterable).__name__}; "
            "wrap it in a list"
        )
    if not isinstance(iterable, Iterable):
        raise TypeError(
            f"ak.from_iter: cannot make an array from a non-iterable object "
            f"({type(iterable).__name__})"
        )
    builder = ArrayBuilder(initial=initial, resize=resize)
    builder.extend(iterable)
    return wrap_layout(builder.snapshot(), highlevel=highlevel, behavior=behavior, attrs=attrs)
