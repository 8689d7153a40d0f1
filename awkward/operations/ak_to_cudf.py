"""ak.to_cudf: an array -> a cudf.Series (GPU dataframes), through Arrow."""

from __future__ import annotations

__all__ = ["to_cudf"]


def to_cudf(array):
    """A ``cudf.Series`` with the values of ``array`` (through ak.to_arrow and
    ``cudf.Series.from_arrow``). Needs cudf (ImportError saying what to install)."""
    from awkward._connect.dense import import_optional
    from awkward.operations.ak_to_arrow import to_arrow

    cudf = import_optional("cudf", "to_cudf", "cudf-cu12 --extra-index-url=https://pypi.nvidia.com")
    return cudf.Series.from_arrow(to_arrow(array, extensionarray=False))
