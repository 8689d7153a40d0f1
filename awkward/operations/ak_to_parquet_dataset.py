"""ak.to_parquet_dataset: a directory of Parquet files -> its _common_metadata and _metadata."""

from __future__ import annotations

__all__ = ["to_parquet_dataset"]


def to_parquet_dataset(directory, filenames=None, storage_options=None):
    """Write ``_common_metadata`` (the schema) and ``_metadata`` (every file's row groups) in
    ``directory`` for the Parquet files there (or ``filenames``, relative to it), so that
    readers see one dataset. The files must share one schema. Needs pyarrow."""
    from awkward._connect.pyarrow.metadata import write_dataset_metadata

    return write_dataset_metadata(directory, filenames, storage_options)
