"""Exceptions and warnings that ak.* functions raise, with the bases awkward 2.14 gives them.

Users catch these by their awkward names or by their standard bases: an ``AxisError`` is both
a ValueError and an IndexError (as NumPy's is), a ``FieldNotFoundError`` is an IndexError.
"""

from __future__ import annotations

__all__ = ["AxisError", "FieldNotFoundError", "ExperimentalWarning"]


class AxisError(ValueError, IndexError):
    """An ``axis`` argument outside the array's dimensions.

    ``AxisError(axis, ndim)`` builds NumPy's message ("axis 3 is out of bounds for array of
    dimension 2"); ``AxisError(message)`` keeps a message of the caller's own."""

    def __init__(self, axis, ndim=None, msg_prefix=None):
        if ndim is None and msg_prefix is None:
            # a single argument is the whole message
            self.axis = None
            self.ndim = None
            message = str(axis)
        else:
            self.axis = axis
            self.ndim = ndim
            message = f"axis {axis} is out of bounds for array of dimension {ndim}"
            if msg_prefix is not None:
                message = f"{msg_prefix}: {message}"
        super().__init__(message)


class FieldNotFoundError(IndexError):
    """A record field that the array does not have."""


class ExperimentalWarning(UserWarning):
    """A feature whose interface may still change."""
