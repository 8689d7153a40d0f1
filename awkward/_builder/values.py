"""Turning date/time objects into (int64 value, unit) pairs without importing numpy here:
numpy's scalar types come from awkward._nplikes.dtypes."""

from __future__ import annotations

import datetime as _dt

__all__ = ["datetime_parts", "timedelta_parts", "to_datetime", "to_timedelta"]


def _unit_of(dtype) -> str:
    text = dtype.str  # e.g. '<M8[ms]'
    start = text.find("[")
    if start < 0:
        raise ValueError(f"ArrayBuilder: a date/time value needs a unit, got dtype {dtype}")
    return text[start + 1 : -1]


def _parts(value):
    from awkward._nplikes.dtypes import int64

    return int(value.astype(int64)), _unit_of(value.dtype)


def datetime_parts(obj):
    """(value, unit) for a numpy datetime64 scalar or a Python date/datetime, else None."""
    kind = getattr(getattr(obj, "dtype", None), "kind", None)
    if kind == "M" and getattr(obj, "ndim", 0) == 0:
        return _parts(obj)
    if isinstance(obj, (_dt.datetime, _dt.date)):
        from awkward._nplikes.dtypes import datetime64

        return _parts(datetime64(obj))
    return None


def timedelta_parts(obj):
    """(value, unit) for a numpy timedelta64 scalar or a Python timedelta, else None."""
    kind = getattr(getattr(obj, "dtype", None), "kind", None)
    if kind == "m" and getattr(obj, "ndim", 0) == 0:
        return _parts(obj)
    if isinstance(obj, _dt.timedelta):
        from awkward._nplikes.dtypes import timedelta64

        return _parts(timedelta64(obj))
    return None


def to_datetime(x):
    """ArrayBuilder.datetime's argument: datetime64 scalar, date/datetime, or an ISO string."""
    if isinstance(x, str):
        from awkward._nplikes.dtypes import datetime64

        try:
            x = datetime64(x)
        except ValueError as err:
            raise ValueError(f"ArrayBuilder.datetime: cannot parse {x!r} as a date/time: {err}") from None
    parts = datetime_parts(x)
    if parts is None:
        raise TypeError(
            f"ArrayBuilder.datetime needs a datetime64, a date/datetime or an ISO string, "
            f"not {type(x).__name__}"
        )
    return parts


def to_timedelta(x):
    """ArrayBuilder.timedelta's argument: timedelta64 scalar or a Python timedelta."""
    parts = timedelta_parts(x)
    if parts is None:
        raise TypeError(
            f"ArrayBuilder.timedelta needs a timedelta64 or a timedelta, not {type(x).__name__}"
        )
    return parts
