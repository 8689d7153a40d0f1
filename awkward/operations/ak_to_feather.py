"""ak.to_feather: an array -> a Feather (Arrow IPC) file."""

from __future__ import annotations

from awkward.operations._layout_args import to_layout_arg

__all__ = ["to_feather"]


def to_feather(array, destination, *, list_to32=False, string_to32=True, bytestring_to32=True,
               emptyarray_to=None, categorical_as_dictionary=False, extensionarray=True,
               count_nulls=True, compression="zstd", compression_level=None, chunksize=None,
               feather_version=2, storage_options=None):
    """Write ``array`` as ak.to_arrow_table's table to a Feather file (the extension types
    travel with it). Compression and chunking options go to pyarrow.feather.write_feather.
    ``destination`` may be an fsspec URL (``storage_options``: its filesystem's options;
    beyond awkward 2.14, needs fsspec). Needs pyarrow."""
    from awkward._connect.pyarrow._import import import_pyarrow_feather

    feather = import_pyarrow_feather("ak.to_feather")
    from awkward._connect.pyarrow.tables import layout_to_table
    from awkward._connect.pyarrow.to_arrow import Options

    layout = to_layout_arg(array, "to_feather", allow_record=False)
    options = Options(list_to32, string_to32, bytestring_to32, emptyarray_to,
                      categorical_as_dictionary, extensionarray, count_nulls)
    table = layout_to_table(layout, options)
    from awkward._connect.pyarrow.filesystems import open_output

    sink, close = open_output(destination, storage_options, "ak.to_feather")
    try:
        feather.write_feather(table, sink, compression=compression,
                              compression_level=compression_level, chunksize=chunksize,
                              version=feather_version)
    finally:
        if close is not None:
            close()
