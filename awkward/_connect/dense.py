"""Regular arrays of numbers -> a dense array of another library (torch, jax, cupy, tensorflow).

Every to_<library> goes through ``to_dense_numpy``: the layout is made regular (numpy's own
conversion, no missing values) and only the buffers of the converted nodes are read; the
library then wraps the numpy array (zero-copy where it can).
"""

from __future__ import annotations

import numpy

__all__ = ["to_dense_numpy", "import_optional", "numpy_to_layout_of", "refuse_non_numbers"]


def import_optional(module: str, function: str, install: str):
    """``module`` imported, or an ImportError naming ``ak.<function>`` and the pip command."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as err:
        raise ImportError(
            f"ak.{function} requires the {install.split()[0]!r} package; install it with:\n\n"
            f"    pip install {install}\n"
        ) from err


def to_dense_numpy(layout, function: str, refusal=None):
    """A numpy array of numbers with the values of ``layout`` (a Content, or a scalar that
    becomes a length-1 array). Jagged or missing data is ``refusal(message)`` when given
    (torch raises a TypeError there), else the ValueError of ak.to_numpy."""
    from awkward._connect.numpy_conversion import as_1d, layout_to_numpy

    if not hasattr(layout, "form"):
        return as_1d(layout)
    try:
        return layout_to_numpy(layout, allow_missing=False, function=function)
    except ValueError as err:
        if refusal is None:
            raise
        raise refusal(str(err)) from None


def refuse_non_numbers(out, function: str, library: str):
    """TypeError for records (structured dtypes), strings, datetimes: not plain numbers."""
    if out.dtype.names is not None:
        raise TypeError(
            f"ak.{function}: {library} does not support structured dtypes (records); "
            "convert one field at a time"
        )
    if out.dtype.kind not in "biufc":
        raise TypeError(
            f"ak.{function}: {library} supports only numbers and booleans, not dtype {out.dtype}"
        )
    return out


def numpy_to_layout_of(array, *, regulararray, function):
    """A NumpyArray (RegularArrays with ``regulararray``) over a numpy array of numbers."""
    from awkward._connect.dlpack import dense_to_layout

    return dense_to_layout(
        numpy.asarray(array), regulararray=regulararray, primitive_policy="error", function=function
    )
