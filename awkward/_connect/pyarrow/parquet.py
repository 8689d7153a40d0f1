"""Parquet files, eagerly: finding the files, reading the footer, choosing columns and row
groups, writing tables with awkward's metadata. The readers turn pyarrow's failures into
clear errors naming the function and the file.
"""

from __future__ import annotations

import os
import pathlib

from awkward._connect.pyarrow._import import import_pyarrow_parquet
from awkward._connect.pyarrow.extension_types import pyarrow
from awkward._connect.pyarrow.filesystems import open_output, resolve_files
from awkward._connect.pyarrow.tables import layout_to_table, schema_to_form, table_to_layout

__all__ = [
    "ParquetSource",
    "leaf_columns",
    "open_located",
    "open_parquet",
    "prune_to_form",
    "read_parquet",
    "row_group_plan",
    "select_top_columns",
    "table_for_file",
    "write_options",
    "write_parquet",
]


class ParquetSource:
    """The files of a dataset with their footers (pyarrow.parquet.ParquetFile objects) and
    where they are (``location``: the paths and the fsspec filesystem, None when local)."""

    def __init__(self, location, files, schema=None):
        self.location = location
        self.paths = location.paths
        self.files = files
        # pyarrow converts the footer's schema on every ``schema_arrow``: once is enough
        self.schema = files[0].schema_arrow if schema is None else schema

    @property
    def num_rows(self):
        return sum(f.metadata.num_rows for f in self.files)


def _open_one(pq, location, path, function):
    try:
        return pq.ParquetFile(location.open(path))
    except FileNotFoundError:
        raise FileNotFoundError(f"{function}: no such file: {path!r}") from None
    except (pyarrow.ArrowInvalid, pyarrow.ArrowException, OSError) as err:
        raise ValueError(
            f"{function}: {path!r} is not a readable Parquet file (corrupt or truncated?): {err}"
        ) from err


def open_parquet(path, function, storage_options=None):
    """The footers of the files ``path`` names (local, or fsspec URLs: see filesystems.py)."""
    return open_located(resolve_files(path, function, storage_options), function)


def open_located(location, function):
    """The footers of resolved ``Files``."""
    pq = import_pyarrow_parquet(function)
    files = [_open_one(pq, location, p, function) for p in location.paths]
    first = files[0].schema_arrow
    for p, f in zip(location.paths[1:], files[1:]):
        if f.schema_arrow.names != first.names:
            raise ValueError(f"{function}: {p!r} has columns {f.schema_arrow.names}, but "
                             f"{location.paths[0]!r} has {first.names}")
    return ParquetSource(location, files, first)


def select_top_columns(form, columns, function):
    """(top-level column names to read, selected form) for a ``columns=`` specifier."""
    if columns is None:
        return None, form
    selected = form.select_columns(columns)
    fields = getattr(form, "fields", None)
    names = getattr(selected, "fields", None)
    if not names:
        available = fields if fields else []
        raise ValueError(f"{function}: no column matches {columns!r} (columns: {available})")
    return list(names), selected


def leaf_columns(source, names, selected):
    """The Parquet column paths (``a.list.item.b``) of the selected fields' leaves, so that a
    nested selection reads only those; None (read whole top-level columns) when the selection
    does not map onto the file's leaves one to one."""
    if names is None:
        return None
    wanted = set(selected.columns())
    meta = source.files[0].metadata
    out, found = [], set()
    for i in range(meta.num_columns):
        path = meta.schema.column(i).path
        parts = path.split(".")
        fields, j = [], 0
        while j < len(parts):  # drop the list levels Parquet adds: list.item / list.element
            if parts[j] == "list" and j + 1 < len(parts) and parts[j + 1] in ("item", "element"):
                j += 2
                continue
            fields.append(parts[j])
            j += 1
        name = ".".join(fields)
        if name in wanted:
            out.append(path)
            found.add(name)
    return out if found == wanted and out else None


def row_group_plan(source, row_groups, function):
    """[(file index, [row groups])] for ``row_groups`` (None: all; a list: global numbers for
    one file, or one list per file)."""
    counts = [f.metadata.num_row_groups for f in source.files]
    if row_groups is None:
        return [(i, None) for i in range(len(counts))]
    groups = list(row_groups)
    if len(counts) > 1 and groups and all(isinstance(g, (list, tuple, range)) for g in groups):
        if len(groups) != len(counts):
            raise ValueError(f"{function}: row_groups has {len(groups)} lists for "
                             f"{len(counts)} files")
        plan = [(i, list(g)) for i, g in enumerate(groups)]
    else:
        plan, start = [], 0
        for i, count in enumerate(counts):
            mine = [g - start for g in groups if start <= g < start + count]
            if mine:
                plan.append((i, mine))
            start += count
        flat_total = sum(counts)
        bad = [g for g in groups if not isinstance(g, int) or not 0 <= g < flat_total]
        if bad:
            raise ValueError(f"{function}: row group {bad[0]!r} out of range 0..{flat_total - 1}")
        return plan
    for i, mine in plan:
        for g in mine:
            if not isinstance(g, int) or not 0 <= g < counts[i]:
                raise ValueError(f"{function}: row group {g!r} out of range 0..{counts[i] - 1} "
                                 f"in {source.paths[i]!r}")
    return plan


# below this many bytes (uncompressed, from the footer) a read runs on one thread: starting
# threads costs more than it saves
_THREADED_FROM = 1 << 22


def read_parquet(source, columns, row_groups, generate_bitmasks, function):
    """The eager read: one pyarrow Table (selected columns and row groups) as a layout."""
    names, selected, leaves = None, None, None
    if columns is not None:  # the form is needed only to resolve a selection
        form = schema_to_form(source.schema, pass_empty_field=True)
        names, selected = select_top_columns(form, columns, function)
        leaves = leaf_columns(source, names, selected)
        names = leaves if leaves is not None else names
    plan = row_group_plan(source, row_groups, function)
    try:
        table = _read_table(source, plan, names, leaves is not None)
    except (pyarrow.ArrowInvalid, pyarrow.ArrowException, OSError) as err:
        raise ValueError(f"{function}: cannot read {source.paths!r} (corrupt or "
                         f"truncated?): {err}") from err
    if table is None:
        table = source.schema.empty_table()
        if names is not None:
            table = table.select(list(dict.fromkeys(n.split(".")[0] for n in names)))
    table = table.replace_schema_metadata(source.schema.metadata)
    layout = table_to_layout(table, generate_bitmasks, pass_empty_field=True)
    if columns is not None:
        layout = prune_to_form(layout, selected)
    return layout


def _read_table(source, plan, names, nested):
    """One Table of the plan's row groups (None if it reads none). Several local row groups
    of whole top-level columns go through a pyarrow dataset scan, as pyarrow.parquet.read_table
    does (row groups read in parallel); anything else through the opened ParquetFiles (which
    alone can select nested leaf columns)."""
    groups_read = sum(source.files[i].metadata.num_row_groups if g is None else len(g)
                      for i, g in plan)
    if groups_read == 0:
        return None
    in_order = all(g is None or list(g) == sorted(set(g)) for _, g in plan)  # scans sort them
    if groups_read > 1 and in_order and not nested and source.location.fs is None:
        import pyarrow.dataset as arrow_dataset
        import pyarrow.fs as arrow_fs

        local = arrow_fs.LocalFileSystem()
        fmt = arrow_dataset.ParquetFileFormat()
        fragments = [fmt.make_fragment(source.paths[i], local, row_groups=g) for i, g in plan]
        dataset = arrow_dataset.FileSystemDataset(fragments, source.schema, fmt, local)
        return dataset.to_table(columns=names, use_threads=True)
    tables = []
    for i, groups in plan:
        f = source.files[i]
        meta = f.metadata
        chosen = range(meta.num_row_groups) if groups is None else groups
        size = sum(meta.row_group(g).total_byte_size for g in chosen)
        threads = size >= _THREADED_FROM
        if groups is None:
            tables.append(f.read(columns=names, use_threads=threads))
        else:
            tables.append(f.read_row_groups(groups, columns=names, use_threads=threads))
    return tables[0] if len(tables) == 1 else pyarrow.concat_tables(tables)


def prune_to_form(layout, form):
    """Drop the record fields that a column selection left out of ``form``."""
    from awkward.contents import RecordArray

    if isinstance(layout, RecordArray) and hasattr(form, "fields") and not layout.is_tuple:
        if layout.fields == form.fields:
            contents = [prune_to_form(c, f) for c, f in zip(layout.contents, form.contents)]
        else:
            contents = [prune_to_form(layout.content(n), form.content(n)) for n in form.fields]
        return RecordArray(contents, form.fields, layout.length, parameters=layout.parameters)
    if hasattr(layout, "content") and hasattr(form, "content") and not isinstance(layout, RecordArray):
        inner = prune_to_form(layout.content, form.content)
        if inner is not layout.content:
            return layout.copy(content=inner)
    return layout


def write_options(compression, compression_level, row_group_size, data_page_size,
                  parquet_flavor, parquet_version, parquet_page_version,
                  parquet_metadata_statistics, parquet_dictionary_encoding,
                  parquet_byte_stream_split, parquet_coerce_timestamps,
                  parquet_old_int96_timestamps, parquet_compliant_nested, parquet_extra_options):
    """Keyword arguments of pyarrow.parquet.ParquetWriter for ak.to_parquet's options."""
    out = {
        "compression": compression,
        "compression_level": compression_level,
        "data_page_size": data_page_size,
        "flavor": parquet_flavor,
        "version": parquet_version,
        "data_page_version": parquet_page_version,
        "write_statistics": parquet_metadata_statistics,
        "use_dictionary": parquet_dictionary_encoding,
        "use_byte_stream_split": parquet_byte_stream_split,
        "coerce_timestamps": parquet_coerce_timestamps,
        "use_deprecated_int96_timestamps": parquet_old_int96_timestamps,
        "use_compliant_nested_type": parquet_compliant_nested,
    }
    out.update(parquet_extra_options or {})
    return out


def write_parquet(tables, destination, writer_options, row_group_size, function,
                  storage_options=None):
    """Write an iterable of tables (one schema) as row groups of one file (a local path, or an
    fsspec URL: see filesystems.py); its FileMetaData back."""
    pq = import_pyarrow_parquet(function)
    if isinstance(destination, pathlib.PurePath):
        destination = os.fspath(destination)
    sink, close = open_output(destination, storage_options, function)
    writer = None
    try:
        for table in tables:
            if writer is None:
                writer = pq.ParquetWriter(sink, table.schema, **writer_options)
            writer.write_table(table, row_group_size=row_group_size)
    finally:
        if writer is not None:
            writer.close()
        if close is not None:
            close()
    if writer is None:
        raise ValueError(f"{function}: nothing to write (the iterator was empty)")
    return writer.writer.metadata


def table_for_file(layout, options):
    return layout_to_table(layout, options, file_metadata=True)
