"""Feather (Arrow IPC file) read lazily: ``ak.from_feather(..., virtual=True)``.

Opening reads the schema and the footer, and the length of every record batch from its
message header (a few hundred bytes each: ``batch_lengths`` reads the footer's block list and
each block's flatbuffer header, not the bodies). Every buffer of the result is virtual (the
lazy Parquet reader's machinery, ``lazy_parquet._PieceReader``, with a file's top-level
columns as its "leaves"): touching one reads that top-level column of every batch
(``pyarrow.ipc`` with ``IpcReadOptions(included_fields=[...])`` reads only its buffers, and
decompresses only them), once while caching is on. A memory-mapped local file maps instead of
reading. Feather V1 files (not IPC) are read eagerly.
"""

from __future__ import annotations

import struct

from awkward._connect.pyarrow.extension_types import pyarrow
from awkward._connect.pyarrow.filesystems import resolve_files
from awkward._connect.pyarrow.lazy_parquet import (
    _as_indexed_options,
    _form_leaf_paths,
    _keyed,
    _PieceReader,
    _with_partitions,
    build_lazily,
)
from awkward._connect.pyarrow.parquet import select_top_columns
from awkward._connect.pyarrow.tables import schema_to_form
from awkward.forms import RecordForm

__all__ = ["batch_lengths", "from_feather_lazily"]

_MAGIC = b"ARROW1"


# ---------------------------------------------------------------------- flatbuffers, minimal
def _table(buf, pos):
    """(table position, its vtable's field offsets) of the flatbuffer table at ``pos``."""
    vtable = pos - struct.unpack_from("<i", buf, pos)[0]
    size = struct.unpack_from("<H", buf, vtable)[0]
    fields = [struct.unpack_from("<H", buf, vtable + 4 + 2 * i)[0] for i in range((size - 4) // 2)]
    return pos, fields


def _field_pos(table, i):
    pos, fields = table
    return pos + fields[i] if i < len(fields) and fields[i] else None


def _indirect(buf, pos):
    return pos + struct.unpack_from("<I", buf, pos)[0]


def _record_batch_blocks(footer):
    """[(offset, metadata length)] of the record batches listed in an IPC file footer."""
    root = _table(footer, _indirect(footer, 0))
    at = _field_pos(root, 3)  # Footer.recordBatches: [Block]
    if at is None:
        return []
    vector = _indirect(footer, at)
    count = struct.unpack_from("<I", footer, vector)[0]
    return [struct.unpack_from("<qi", footer, vector + 4 + 24 * k) for k in range(count)]


def _record_batch_length(header):
    """RecordBatch.length from a Message flatbuffer (the bytes after its length prefix)."""
    message = _table(header, _indirect(header, 0))
    at = _field_pos(message, 2)  # Message.header (a RecordBatch table)
    if at is None:
        raise ValueError("a record batch message without a header")
    batch = _table(header, _indirect(header, at))
    at = _field_pos(batch, 0)  # RecordBatch.length
    return 0 if at is None else struct.unpack_from("<q", header, at)[0]


def batch_lengths(handle):
    """The row counts of an IPC file's record batches, from the footer and the batches'
    message headers (no body is read); ``handle`` is a seekable binary file."""
    handle.seek(-10, 2)
    tail = handle.read(10)
    if len(tail) != 10 or tail[4:] != _MAGIC:
        raise ValueError("not an Arrow IPC file (no ARROW1 magic at the end)")
    footer_size = struct.unpack("<i", tail[:4])[0]
    handle.seek(-10 - footer_size, 2)
    footer = handle.read(footer_size)
    lengths = []
    for offset, meta_length in _record_batch_blocks(footer):
        handle.seek(offset)
        header = handle.read(meta_length)
        skip = 8 if header[:4] == b"\xff\xff\xff\xff" else 4  # continuation marker + size
        lengths.append(_record_batch_length(header[skip:]))
    return lengths


# ---------------------------------------------------------------------- the array
class _FeatherFile:
    """One IPC file: opens a fresh handle per read (memory-mapped when local and asked)."""

    def __init__(self, location, path, memory_map):
        self.location, self.path, self.memory_map = location, path, memory_map

    def handle(self):
        if self.location.fs is not None:
            return self.location.open(self.path)
        if self.memory_map:
            return pyarrow.memory_map(self.path)
        return pyarrow.OSFile(self.path)

    def read_columns(self, names, schema):
        import pyarrow.ipc

        fields = [schema.get_field_index(name) for name in names]
        options = pyarrow.ipc.IpcReadOptions(included_fields=fields, use_threads=True)
        with self.handle() as handle:
            return pyarrow.ipc.open_file(handle, options=options).read_all()


def _open(file, function):
    """(schema, batch lengths) of one IPC file; None for a Feather V1 file."""
    import pyarrow.ipc

    try:
        with file.handle() as handle:
            schema = pyarrow.ipc.open_file(handle).schema
            return schema, batch_lengths(handle)
    except (pyarrow.ArrowInvalid, ValueError, struct.error) as err:
        if _is_feather_v1(file):
            return None
        raise ValueError(f"{function}: cannot read {file.path!r} (not a Feather file, corrupt "
                         f"or truncated?): {err}") from err


def from_feather_lazily(path, columns, memory_map, storage_options, cache, cache_key, function,
                        partitions=None):
    """The lazily read layout of Feather V2 files (see the module docstring): one file, or
    several (a directory, a list: pieces joined lazily, as for Parquet), with ``partitions``
    as in lazy_parquet.from_parquet_lazily. None for one Feather V1 file (the caller reads it
    eagerly)."""
    location = resolve_files(path, function, storage_options, suffixes=(".feather", ".arrow"))
    files = [_FeatherFile(location, p, memory_map) for p in location.paths]
    opened = [_open(file, function) for file in files]
    if opened[0] is None and len(files) == 1:
        return None
    if any(o is None for o in opened):
        raise ValueError(f"{function}: Feather V1 files cannot be read lazily with others")
    file_schema = opened[0][0]
    for file, (other, _) in zip(files[1:], opened[1:]):
        if other.names != file_schema.names:
            raise ValueError(f"{function}: {file.path!r} has columns {other.names}, but "
                             f"{files[0].path!r} has {file_schema.names}")
    schema = file_schema
    for field in partitions[0] if partitions is not None else ():
        schema = schema.append(field)
    single = list(schema.names) == [""]
    form = schema_to_form(schema, pass_empty_field=True)
    if columns is not None:
        missing = [c for c in columns if c not in schema.names]
        if missing:
            raise ValueError(f"{function}: no column named {missing[0]!r} in {files[0].path!r} "
                             f"(columns: {schema.names})")
    _, selected = select_top_columns(form, columns, function)
    if columns is not None and type(selected).__name__ == "RecordForm":
        order = list(dict.fromkeys(columns))  # the order asked for, as the eager read
        selected = RecordForm([selected.content(n) for n in order], order,
                              parameters=selected.parameters)
    selected = _as_indexed_options(selected)
    nodes: dict = {}
    keyed = _keyed(selected, (), (), nodes)
    wanted: set = set()
    _form_leaf_paths(selected, ("",) if single else (), wanted)
    leaves = [(name, (name,)) for name in schema.names if any(w[:1] == (name,) for w in wanted)]
    sizes = {name: 0 for name in schema.names}  # no per-column sizes without reading headers
    pieces = []
    for i, (file, (_, lengths)) in enumerate(zip(files, opened)):

        def read_columns(names, file=file, file_schema=file_schema):
            return file.read_columns(names, file_schema)

        if partitions is not None:
            read_columns = _with_partitions(read_columns, partitions[0], partitions[1][i],
                                            sum(lengths))
        reader = _PieceReader(read_columns, file.path, leaves, sizes, nodes, single, function,
                              file_schema.metadata)
        reader.constants = {f.name for f in partitions[0]} if partitions is not None else set()
        pieces.append((sum(lengths), reader))
    return build_lazily(keyed, pieces, cache, cache_key, "ak.from_feather")


def _is_feather_v1(file):
    with file.handle() as handle:
        handle.seek(0)
        return handle.read(4) == b"FEA1"
