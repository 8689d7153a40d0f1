"""ak.from_parquet: Parquet file(s) -> an array (eager; ``virtual=True`` reads lazily)."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout

__all__ = ["from_parquet"]


def from_parquet(path, *, columns=None, row_groups=None, storage_options=None, max_gap=64000,
                 max_block=256000000, footer_sample_size=1000000, generate_bitmasks=False,
                 highlevel=True, behavior=None, attrs=None, virtual=False, cache=None,
                 cache_key=None):
    """Read a Parquet file, a directory of them, a glob or a list of paths. ``columns``: a
    column selection (``"x"``, ``["x", "y.*"]``, wildcards and braces as in
    Form.select_columns; a nested selection reads only the Parquet columns of its leaves);
    ``row_groups``: row-group numbers (counted across files, or one list per file).
    Files written by awkward get their original types back from the schema metadata.
    A path with a protocol (``s3://``, ``memory://`` ...) or with ``storage_options`` (the
    fsspec filesystem's options) is read through fsspec (needs fsspec), lazily too;
    ``max_gap``/``max_block``/``footer_sample_size`` are accepted for compatibility. A missing file is FileNotFoundError; a corrupt or truncated file, an
    unknown column or a row group out of range ValueError. Needs pyarrow."""
    if virtual:
        # lazy: footers only; each buffer reads its Parquet column(s) on first touch (see
        # awkward/_connect/pyarrow/lazy_parquet.py); ``cache``/``cache_key`` as ak.from_buffers
        from awkward._connect.pyarrow.lazy_parquet import from_parquet_lazily

        layout = from_parquet_lazily(path, columns, row_groups, storage_options, cache,
                                     cache_key, "ak.from_parquet")
        return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)
    if cache is not None or cache_key is not None:
        raise TypeError("ak.from_parquet: cache= and cache_key= apply to virtual=True only")
    from awkward._connect.pyarrow.parquet import open_parquet, read_parquet

    source = open_parquet(path, "ak.from_parquet", storage_options)
    layout = read_parquet(source, columns, row_groups, generate_bitmasks, "ak.from_parquet")
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)


# ---------------------------------------------------------------------- dask-awkward's hooks
# dask-awkward reads Parquet through these two (module-level) functions of awkward: the
# footers once (``metadata``), then one file per partition with a projected form (``_load``).
def metadata(path, storage_options=None, row_groups=None, columns=None, ignore_metadata=False,
             scan_files=True):
    """``(parquet_columns, subform, paths, fs, subrg, row_counts, metadata)`` of a dataset:
    the Parquet column paths, the (column-selected) form, the files and their fsspec
    filesystem (see ak.metadata_from_parquet); the rest is None here (partitions are whole
    files)."""
    from awkward._connect.pyarrow.metadata import parquet_metadata

    meta = parquet_metadata(path, storage_options, row_groups, ignore_metadata, scan_files)
    form = meta["form"]
    if columns is not None:
        form = form.select_columns(columns)
    subrg = [None] * len(meta["paths"])
    return meta["columns"], form, meta["paths"], meta["fs"], subrg, None, None


def _load(files, parquet_columns=None, subrg=None, subform=None, highlevel=True, fs=None,
          behavior=None, attrs=None, generate_bitmasks=False, **_remote_options):
    """The rows of ``files`` (row groups ``subrg``: one list or None per file) with the fields
    of ``subform`` (a form chosen by a column selection), as dask-awkward asks for them."""
    from awkward._connect.pyarrow.filesystems import Files
    from awkward._connect.pyarrow.parquet import open_located, open_parquet, read_parquet

    protocols = () if fs is None else (fs.protocol,) if isinstance(fs.protocol, str) else fs.protocol
    if fs is None or "file" in protocols:  # local files: pyarrow reads them natively
        source = open_parquet(list(files), "ak.from_parquet")
    else:  # paths within the fsspec filesystem ``metadata`` gave
        source = open_located(Files(fs, list(files)), "ak.from_parquet")
    columns = None if subform is None else subform.columns()
    row_groups = None if subrg is None or all(g is None for g in subrg) else subrg
    layout = read_parquet(source, columns, row_groups, generate_bitmasks, "ak.from_parquet")
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)
