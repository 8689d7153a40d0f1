"""Length/size items for types: a non-negative int or ``unknown_length``."""

from __future__ import annotations

import operator

try:
    from awkward._nplikes.shape import unknown_length
except ImportError:  # the shape module of the nplike layer is not there yet
    unknown_length = None

UNKNOWN_LENGTH_STR = "##"


def is_unknown_length(value) -> bool:
    return unknown_length is not None and value is unknown_length


def normalize_length(value, owner: str, what: str):
    """Return `value` as a Python int (or unknown_length); ValueError otherwise."""
    if is_unknown_length(value):
        return value
    if not isinstance(value, bool):
        try:
            as_int = operator.index(value)
        except TypeError:
            as_int = None
        if as_int is not None and as_int >= 0:
            return as_int
    raise ValueError(
        f"{owner} {what!r} must be a non-negative integer or unknown_length, not {value!r}"
    )


def length_str(value) -> str:
    return UNKNOWN_LENGTH_STR if is_unknown_length(value) else str(value)


def lengths_equal(one, two) -> bool:
    # An unknown length is compatible with any length.
    return is_unknown_length(one) or is_unknown_length(two) or one == two
