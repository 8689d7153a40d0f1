"""Large outputs of awkward's numpy calls reuse freed buffers (``awkward_cpp._memory``).

A fresh large array comes from the kernel as untouched pages, and writing it faults every page
in and zeroes it: for ``x * 2 + 1`` over 10^7 values that costs as much as the arithmetic.
``awkward_cpp._memory`` is a NumPy memory handler (NEP 49) that keeps freed blocks of at least
``MIN_BYTES`` (up to ``AWKWARD_BUFFER_CACHE_BYTES`` in all, default 256 MiB or 1/16 of the
physical memory if less; 0 turns it off) and hands them out again. It is NumPy's current handler only inside ``call``, around awkward's
own calls that create large outputs; NumPy frees each array through the handler that made it,
so arrays created anywhere else in the process never touch the cache.
"""

from __future__ import annotations

import os

__all__ = ["ENABLED", "MIN_BYTES", "MIN_ITEMS", "call", "has_large"]

MIN_BYTES = 1 << 20
MIN_ITEMS = MIN_BYTES // 8  # a length from which an empty array may be large (8-byte items)


def _default_limit() -> int:
    """256 MiB, or 1/16 of the physical memory where that is less (small workers)."""
    limit = 256 << 20
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # not a POSIX system
        return limit
    return min(limit, physical // 16) if physical > 0 else limit


def _configured_limit() -> int:
    text = os.environ.get("AWKWARD_BUFFER_CACHE_BYTES")
    if text is None or text.strip() == "":
        return _default_limit()
    try:
        limit = int(text)
    except ValueError:
        limit = -1
    if limit < 0:
        raise ValueError(
            f"AWKWARD_BUFFER_CACHE_BYTES must be a non-negative integer number of bytes "
            f"(0 turns the buffer cache off), not {text!r}"
        )
    return limit


try:
    from awkward_cpp import _memory
except ImportError:  # NumPy older than 1.22 (no NEP 49), or an awkward_cpp built without it
    _memory = None

_LIMIT = _configured_limit()
ENABLED = _memory is not None and _LIMIT > 0
if ENABLED:
    _memory.configure(_LIMIT, MIN_BYTES)


def has_large(arrays) -> bool:
    """Whether any of ``arrays`` (numpy arrays or scalars) is big enough for the cache."""
    for array in arrays:
        if getattr(array, "nbytes", 0) >= MIN_BYTES:
            return True
    return False


def call(function, args, kwargs):
    """``function(*args, **kwargs)`` with NumPy allocating from the buffer cache."""
    if not ENABLED:
        return function(*args, **kwargs)
    previous = _memory.use()
    try:
        return function(*args, **kwargs)
    finally:
        _memory.restore(previous)
