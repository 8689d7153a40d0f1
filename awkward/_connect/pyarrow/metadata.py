"""Parquet footers: ak.metadata_from_parquet and the dataset metadata files of
ak.to_parquet_dataset."""

from __future__ import annotations

import hashlib
import os
import posixpath

from awkward._connect.pyarrow._import import import_pyarrow_parquet
from awkward._connect.pyarrow.filesystems import Files, open_output, resolve_files, url_to_fs
from awkward._connect.pyarrow.parquet import open_located, open_parquet, row_group_plan
from awkward._connect.pyarrow.tables import schema_to_form

__all__ = ["parquet_metadata", "write_dataset_metadata"]


def parquet_metadata(path, storage_options, row_groups, ignore_metadata, scan_files):
    function = "ak.metadata_from_parquet"
    source = open_parquet(path, function, storage_options)
    schema = source.schema
    if ignore_metadata:
        schema = schema.remove_metadata()
    form = schema_to_form(schema, pass_empty_field=True)
    col_counts = []
    for i, groups in row_group_plan(source, row_groups, function):
        meta = source.files[i].metadata
        chosen = range(meta.num_row_groups) if groups is None else groups
        col_counts.extend(meta.row_group(g).num_rows for g in chosen)
    first = source.files[0].metadata
    columns = [first.schema.column(i).path for i in range(first.num_columns)]
    digest = hashlib.sha256()
    for p, f in zip(source.paths, source.files):
        digest.update(p.encode())
        digest.update(str(f.metadata.num_rows).encode())
        digest.update(str(f.metadata.serialized_size).encode())
    return {
        "form": form,
        "fs": source.location.fs or _local_fsspec(),
        "paths": list(source.paths),
        "col_counts": col_counts,
        "columns": columns,
        "uuid": digest.hexdigest(),
        "num_rows": sum(col_counts),
        "num_row_groups": len(col_counts),
    }


def _local_fsspec():
    """fsspec's local filesystem, as awkward 2.14 gives for local paths (None without
    fsspec, which local files do not need)."""
    try:
        import fsspec
    except ImportError:
        return None
    return fsspec.filesystem("file")


def write_dataset_metadata(directory, filenames, storage_options):
    function = "ak.to_parquet_dataset"
    pq = import_pyarrow_parquet(function)
    fs, root = url_to_fs(os.fspath(directory), storage_options, function)
    paths_of = os.path if fs is None else posixpath
    if not (os.path.isdir(root) if fs is None else fs.isdir(root)):
        raise FileNotFoundError(f"{function}: no such directory: {os.fspath(directory)!r}")
    if filenames is None:
        try:
            location = resolve_files(root if fs is None else directory, function,
                                     storage_options)
        except FileNotFoundError as err:
            raise ValueError(str(err)) from None
    else:
        location = Files(fs, [paths_of.join(root, name) for name in filenames])
    source = open_located(location, function)
    merged = None
    for p, f in zip(source.paths, source.files):
        meta = f.metadata
        meta.set_file_path(paths_of.relpath(p, root))
        if merged is None:
            merged = meta
        else:
            merged.append_row_groups(meta)
    for name, write in (("_common_metadata", lambda sink: pq.write_metadata(source.schema, sink)),
                        ("_metadata", merged.write_metadata_file)):
        where = paths_of.join(root, name)
        sink, close = open_output(where if fs is None else fs.unstrip_protocol(where),
                                  storage_options, function)
        try:
            write(sink)
        finally:
            if close is not None:
                close()
    return paths_of.join(root, "_metadata")
