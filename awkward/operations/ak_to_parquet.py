"""ak.to_parquet: an array -> a Parquet file (readable by awkward 2.14 and plain pyarrow)."""

from __future__ import annotations

from awkward.operations._layout_args import to_layout_arg

__all__ = ["to_parquet"]


def to_parquet(array, destination, *, list_to32=False, string_to32=True, bytestring_to32=True,
               emptyarray_to=None, categorical_as_dictionary=False, extensionarray=True,
               count_nulls=True, compression="zstd", compression_level=None,
               row_group_size=None, data_page_size=None, parquet_flavor=None,
               parquet_version="2.6", parquet_page_version="1.0",
               parquet_metadata_statistics=True, parquet_dictionary_encoding=False,
               parquet_byte_stream_split=False, parquet_coerce_timestamps=None,
               parquet_old_int96_timestamps=None, parquet_compliant_nested=False,
               parquet_extra_options=None, storage_options=None):
    """Write ``array`` to ``destination`` (a local path, or an fsspec URL such as
    ``s3://...``, with ``storage_options`` for its filesystem; needs fsspec) as
    ak.to_arrow_table's table: a record's fields are columns, stored with plain Arrow types; with ``extensionarray`` the
    awkward node descriptions go in the schema metadata (``awkward_array_metadata``), as
    awkward 2.14 writes them. The ``parquet_*`` options map to pyarrow.parquet.ParquetWriter's
    (flavor, version, data_page_version, write_statistics, use_dictionary,
    use_byte_stream_split, coerce_timestamps, use_deprecated_int96_timestamps,
    use_compliant_nested_type; ``parquet_extra_options`` is passed as is). Returns the file's
    pyarrow.parquet.FileMetaData. Needs pyarrow."""
    from awkward._connect.pyarrow._import import import_pyarrow

    import_pyarrow("ak.to_parquet")
    from awkward._connect.pyarrow.parquet import table_for_file, write_options, write_parquet
    from awkward._connect.pyarrow.to_arrow import Options

    layout = to_layout_arg(array, "to_parquet", allow_record=False)
    options = Options(list_to32, string_to32, bytestring_to32, emptyarray_to,
                      categorical_as_dictionary, extensionarray, count_nulls)
    writer_options = write_options(
        compression, compression_level, row_group_size, data_page_size, parquet_flavor,
        parquet_version, parquet_page_version, parquet_metadata_statistics,
        parquet_dictionary_encoding, parquet_byte_stream_split, parquet_coerce_timestamps,
        parquet_old_int96_timestamps, parquet_compliant_nested, parquet_extra_options)
    table = table_for_file(layout, options)
    return write_parquet([table], destination, writer_options, row_group_size, "ak.to_parquet",
                         storage_options)
