"""ak.metadata_from_parquet: what a Parquet dataset holds, from its footers alone."""

from __future__ import annotations

__all__ = ["metadata_from_parquet"]


def metadata_from_parquet(path, *, storage_options=None, row_groups=None, ignore_metadata=False,
                          scan_files=True):
    """A dict with ``form`` (the array's form), ``paths``, ``col_counts`` (rows per row group
    of the chosen row groups), ``columns`` (Parquet column paths), ``num_rows``,
    ``num_row_groups`` and ``uuid`` (a hash of the paths and footers); ``fs`` is the fsspec
    filesystem (``paths`` are within it; for local files fsspec's local filesystem, as in
    awkward 2.14, or None when fsspec is not installed). Reads footers only. Needs pyarrow
    (and fsspec for URLs)."""
    from awkward._connect.pyarrow.metadata import parquet_metadata

    return parquet_metadata(path, storage_options, row_groups, ignore_metadata, scan_files)
