"""Parquet footers: ak.metadata_from_parquet and the dataset metadata files of
ak.to_parquet_dataset."""

from __future__ import annotations

import glob
import hashlib
import os

from awkward._connect.pyarrow._import import import_pyarrow_parquet
from awkward._connect.pyarrow.parquet import open_parquet, row_group_plan
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
        "fs": None,
        "paths": list(source.paths),
        "col_counts": col_counts,
        "columns": columns,
        "uuid": digest.hexdigest(),
        "num_rows": sum(col_counts),
        "num_row_groups": len(col_counts),
    }


def write_dataset_metadata(directory, filenames, storage_options):
    function = "ak.to_parquet_dataset"
    if storage_options:
        raise NotImplementedError(f"{function}: storage_options (remote filesystems) are not "
                                  "supported yet; pass a local directory")
    pq = import_pyarrow_parquet(function)
    directory = os.fspath(directory)
    if not os.path.isdir(directory):
        raise FileNotFoundError(f"{function}: no such directory: {directory!r}")
    if filenames is None:
        paths = sorted(p for p in glob.glob(os.path.join(directory, "**", "*"), recursive=True)
                       if p.endswith((".parquet", ".parq")) and os.path.isfile(p))
    else:
        paths = [os.path.join(directory, name) for name in filenames]
    if not paths:
        raise ValueError(f"{function}: no *.parquet or *.parq files in {directory!r}")
    source = open_parquet(paths, function)
    merged = None
    for p, f in zip(source.paths, source.files):
        meta = f.metadata
        meta.set_file_path(os.path.relpath(p, directory))
        if merged is None:
            merged = meta
        else:
            merged.append_row_groups(meta)
    pq.write_metadata(source.schema, os.path.join(directory, "_common_metadata"))
    merged.write_metadata_file(os.path.join(directory, "_metadata"))
    return os.path.join(directory, "_metadata")
