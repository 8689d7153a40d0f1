"""Predicates on user arguments, at the private path that client libraries import
(vector calls ``awkward._regularize.is_array_like``)."""

from __future__ import annotations

import numbers
import os
from collections.abc import Iterable, Sequence, Sized

from awkward._nplikes.dispatch import nplike_of_obj
from awkward._nplikes.numpy import is_numpy_scalar

__all__ = [
    "is_array_like",
    "is_file_path",
    "is_integer",
    "is_integer_like",
    "is_non_string_like_iterable",
    "is_non_string_like_sequence",
    "is_sized_iterable",
    "regularize_axis",
]


def is_array_like(x) -> bool:
    """An array of an array library we know (numpy, cupy, virtual, placeholder), or a numpy
    scalar; lists, layouts and ak.Arrays are not."""
    return is_numpy_scalar(x) or nplike_of_obj(x, default=None) is not None


def is_integer(x) -> bool:
    """A Python or numpy integer; bools are not integers here."""
    return isinstance(x, numbers.Integral) and not isinstance(x, bool)


def is_integer_like(x) -> bool:
    """An integer, or a 0-d array of an integer dtype."""
    if is_integer(x):
        return True
    if nplike_of_obj(x, default=None) is None:
        return False
    return getattr(x, "ndim", None) == 0 and x.dtype.kind in "iu"


def is_sized_iterable(obj) -> bool:
    return isinstance(obj, Iterable) and isinstance(obj, Sized)


def is_non_string_like_iterable(obj) -> bool:
    return isinstance(obj, Iterable) and not isinstance(obj, (str, bytes))


def is_non_string_like_sequence(obj) -> bool:
    return isinstance(obj, Sequence) and not isinstance(obj, (str, bytes))


def is_file_path(x) -> bool:
    """A string or path naming an existing regular file."""
    try:
        return os.path.isfile(x)
    except (TypeError, ValueError):
        return False


def regularize_axis(axis, none_allowed: bool = True):
    """``axis`` as a Python int, or None where allowed; anything else is a TypeError."""
    if axis is None:
        if none_allowed:
            return None
        raise TypeError("'axis' must be an integer, not None")
    if not is_integer(axis):
        what = "an integer or None" if none_allowed else "an integer"
        raise TypeError(f"'axis' must be {what}, not {axis!r}")
    return int(axis)

