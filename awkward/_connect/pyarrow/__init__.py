"""Awkward Arrays and Apache Arrow (pyarrow is imported only here, on first use).

Public names (downstream libraries such as coffea import them from here):

- ``AwkwardArrowType``, ``AwkwardArrowArray``: the "awkward" Arrow extension type and array,
  with awkward 2.14's extension name and metadata JSON (files interoperate both ways);
- ``to_awkwardarrow_storage_types(arrowtype) -> (AwkwardArrowType or None, storage type)``.

Contract used by the Parquet readers (eager here, lazy elsewhere):

- ``handle_arrow(obj, generate_bitmasks=False, pass_empty_field=False) -> Content``: a
  pyarrow Array, ChunkedArray, RecordBatch or Table as a layout. A Table/RecordBatch is a
  RecordArray of its columns (``pass_empty_field=True``: a table with the single column ""
  gives that column's layout itself); its ``ak:parameters`` / ``awkward_array_metadata``
  schema metadata (written by awkward) restore the original types.
- ``form_handle_arrow(schema, pass_empty_field=False) -> Form``: the form of
  ``handle_arrow(table, generate_bitmasks=True, ...)`` from the schema alone (every option is a
  BitMaskedForm, except awkward UnmaskedArrays; Arrow nulls and dictionaries are
  IndexedOptionForms). For every top-level field ``f`` of an awkward-typed table (e.g. from
  ``ak.to_arrow_table``), ``handle_arrow(table.column(f), generate_bitmasks=True).form`` equals
  ``form_handle_arrow(table.schema).content(f)`` (form keys aside). For tables whose column
  types are plain (Parquet files keep only storage types; nullability is a property of the
  schema field), use ``handle_arrow_column(table, f, generate_bitmasks=True)``, which reads the
  field and the schema metadata, and has the same property for every table.
- ``handle_arrow_column(table, name, generate_bitmasks=False) -> Content``: one column of a
  Table/RecordBatch, exactly as it appears inside ``handle_arrow(table)``.

Without pyarrow every function here raises ImportError("... install pyarrow: pip install
pyarrow").
"""

from __future__ import annotations

__all__ = [
    "AwkwardArrowArray",
    "AwkwardArrowType",
    "form_handle_arrow",
    "handle_arrow",
    "handle_arrow_column",
    "to_awkwardarrow_storage_types",
]

_LAZY = {
    "AwkwardArrowArray": "extension_types",
    "AwkwardArrowType": "extension_types",
    "to_awkwardarrow_storage_types": "extension_types",
}


def __getattr__(name):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'awkward._connect.pyarrow' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"awkward._connect.pyarrow.{module}"), name)
    globals()[name] = value
    return value


def handle_arrow(obj, generate_bitmasks=False, pass_empty_field=False):
    """A pyarrow Array/ChunkedArray/RecordBatch/Table as a layout (see the module docstring)."""
    from awkward._connect.pyarrow._import import import_pyarrow

    pyarrow = import_pyarrow("ak.from_arrow")
    from awkward._connect.pyarrow.tables import column_to_layout, table_to_layout

    if isinstance(obj, (pyarrow.Table, pyarrow.RecordBatch)):
        return table_to_layout(obj, generate_bitmasks, pass_empty_field)
    if isinstance(obj, (pyarrow.Array, pyarrow.ChunkedArray)):
        return column_to_layout(obj, None, None, generate_bitmasks)
    if type(obj).__module__.startswith("pyarrow._dataset"):
        return _dataset_to_layout(obj, generate_bitmasks, pass_empty_field)
    raise TypeError(
        "ak.from_arrow: expected a pyarrow Array, ChunkedArray, RecordBatch, Table or "
        f"dataset, not {type(obj).__name__}"
    )


def _dataset_to_layout(dataset, generate_bitmasks, pass_empty_field):
    """A pyarrow dataset: lazily (every buffer virtual, each reading its own column on first
    touch, as ``ak.from_parquet(..., virtual=True)`` / ``ak.from_feather(..., virtual=True)``)
    when it is local Parquet or Feather (IPC) files; the columns of a partitioned dataset
    (``partitioning="hive"`` ...) come after the files' own, a constant per file made on first
    touch. Other datasets (other formats, remote filesystems) are read eagerly with
    ``dataset.to_table()``."""
    import pyarrow.dataset
    import pyarrow.fs

    from awkward._connect.pyarrow.tables import table_to_layout

    fragments = list(dataset.get_fragments()) if hasattr(dataset, "get_fragments") else []
    formats = (pyarrow.dataset.ParquetFileFormat, pyarrow.dataset.IpcFileFormat)
    lazy = (
        isinstance(dataset, pyarrow.dataset.FileSystemDataset)
        and isinstance(dataset.format, formats)
        and isinstance(dataset.filesystem, pyarrow.fs.LocalFileSystem)
        and len(fragments) > 0
    )
    if lazy:
        files = [fragment.path for fragment in fragments]
        own = fragments[0].physical_schema.names
        extra = [f for f in dataset.schema if f.name not in own]
        lazy = own + [f.name for f in extra] == dataset.schema.names
    if not lazy:
        return table_to_layout(dataset.to_table(), generate_bitmasks, pass_empty_field)
    partitions = None
    if extra:
        values = [pyarrow.dataset.get_partition_keys(f.partition_expression) for f in fragments]
        partitions = (extra, values)
    if isinstance(dataset.format, pyarrow.dataset.IpcFileFormat):
        from awkward._connect.pyarrow.lazy_feather import from_feather_lazily

        return from_feather_lazily(files, None, True, None, None, None, "ak.from_arrow",
                                   partitions=partitions)
    from awkward._connect.pyarrow.lazy_parquet import from_parquet_lazily

    return from_parquet_lazily(files, None, None, None, None, None, "ak.from_arrow",
                               partitions=partitions)


def handle_arrow_column(table, name, generate_bitmasks=False):
    """One column of a Table/RecordBatch as it appears inside ``handle_arrow(table)``."""
    from awkward._connect.pyarrow._import import import_pyarrow

    import_pyarrow("ak.from_arrow")
    from awkward._connect.pyarrow.from_arrow import strip_pushed_option
    from awkward._connect.pyarrow.schema import schema_trees, table_parameters
    from awkward._connect.pyarrow.tables import column_to_layout

    schema = table.schema
    index = schema.get_field_index(name)
    if index < 0:
        raise KeyError(f"no column named {name!r} in this table (columns: {schema.names})")
    tree = schema_trees(schema).get(name)
    layout = column_to_layout(table.column(index), schema.field(index), tree, generate_bitmasks)
    optiontype, _ = table_parameters(schema)
    if optiontype is not None and name not in optiontype:
        layout = strip_pushed_option(layout)
    return layout


def form_handle_arrow(schema, pass_empty_field=False):
    """The form handle_arrow gives (with generate_bitmasks=True), from a schema alone; a
    pyarrow DataType gives the form of a top-level array of that type."""
    from awkward._connect.pyarrow._import import import_pyarrow

    pyarrow = import_pyarrow("ak.from_arrow_schema")
    from awkward._connect.pyarrow.schema import arrow_type_to_form
    from awkward._connect.pyarrow.tables import schema_to_form

    if isinstance(schema, pyarrow.Schema):
        return schema_to_form(schema, pass_empty_field)
    if isinstance(schema, pyarrow.DataType):
        return arrow_type_to_form(schema, None, None)
    raise TypeError(f"ak.from_arrow_schema: expected a pyarrow Schema, not {type(schema).__name__}")
