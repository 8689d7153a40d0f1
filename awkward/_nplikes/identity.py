"""Index buffers 0, 1, 2, ..., n-1 that cost nothing and are recognized in O(1).

A reader that knows an option has no missing value (a Parquet column's nullable level with no
null in the data) gives ``identity_index(n)``: a read-only view of one shared int64 arange,
instead of a fresh ``arange(n)`` per buffer. Projections and option compositions test
``is_identity_index(x)`` (the view's memory starts the shared arange) before doing any work.
Views of a big arange are handed out only for requests of at least a quarter of its size, so
that a small buffer never keeps a big one alive; the arange itself is held only by its views.
"""

from __future__ import annotations

import threading
import weakref

import numpy

__all__ = ["identity_index", "is_identity_index"]

_LOCK = threading.Lock()
_SHARED: list = [None]  # a weak reference to the shared read-only arange


def _shared():
    ref = _SHARED[0]
    return None if ref is None else ref()


def identity_index(n: int):
    """A read-only int64 array 0, 1, ..., n-1 (a view of the shared arange when it fits)."""
    with _LOCK:
        base = _shared()
        if base is None or len(base) < n:
            base = numpy.arange(n, dtype=numpy.int64)
            base.flags.writeable = False
            _SHARED[0] = weakref.ref(base)
        elif len(base) > 4 * n:  # too big to keep alive for this one: a private arange
            out = numpy.arange(n, dtype=numpy.int64)
            out.flags.writeable = False
            return out
    return base[:n]


def is_identity_index(array) -> bool:
    """Whether ``array`` is an ``identity_index`` view (so holds 0, 1, ..., len-1)."""
    if type(array) is not numpy.ndarray or array.base is None:
        return False
    base = _shared()
    return (
        array.base is base
        and array.ndim == 1
        and array.strides == (8,)
        and array.__array_interface__["data"][0] == base.__array_interface__["data"][0]
    )
