"""ak.is_valid: whether an array's buffers are consistent (reads the buffers)."""

from __future__ import annotations

from awkward.operations.ak_validity_error import validity_error

__all__ = ["is_valid"]


def is_valid(array, *, exception=False):
    """True when ``ak.validity_error(array)`` finds nothing; with ``exception=True`` a problem
    raises ValueError instead of returning False."""
    return validity_error(array, exception=exception) == ""
