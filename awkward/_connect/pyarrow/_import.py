"""The one place that imports pyarrow (lazily, with a clear message when it is missing)."""

from __future__ import annotations

__all__ = ["import_pyarrow", "import_pyarrow_parquet", "import_pyarrow_feather"]

_MESSAGE = (
    "{function} needs pyarrow, which is not installed; install pyarrow: pip install pyarrow "
    "(or: conda install -c conda-forge pyarrow)"
)


def import_pyarrow(function: str = "this function"):
    try:
        import pyarrow
    except ImportError as err:
        raise ImportError(_MESSAGE.format(function=function)) from err
    return pyarrow


def import_pyarrow_parquet(function: str = "this function"):
    import_pyarrow(function)
    import pyarrow.parquet

    return pyarrow.parquet


def import_pyarrow_feather(function: str = "this function"):
    import_pyarrow(function)
    import pyarrow.feather

    return pyarrow.feather
