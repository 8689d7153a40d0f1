"""ak.to_parquet_row_groups: arrays from an iterator -> row groups of one Parquet file."""

from __future__ import annotations

from awkward.operations._layout_args import to_layout_arg

__all__ = ["to_parquet_row_groups"]


def to_parquet_row_groups(iterator, destination, *, list_to32=False, string_to32=True,
                          bytestring_to32=True, emptyarray_to=None,
                          categorical_as_dictionary=False, extensionarray=True,
                          count_nulls=True, compression="zstd", compression_level=None,
                          row_group_size=None, data_page_size=None, parquet_flavor=None,
                          parquet_version="2.6", parquet_page_version="1.0",
                          parquet_metadata_statistics=True, parquet_dictionary_encoding=False,
                          parquet_byte_stream_split=False, parquet_coerce_timestamps=None,
                          parquet_old_int96_timestamps=None, parquet_compliant_nested=False,
                          parquet_extra_options=None, storage_options=None):
    """Write each array of ``iterator`` (all of one type) as (at least) one row group of one
    Parquet file, converting them one at a time; options (``storage_options`` too) as in
    ak.to_parquet. Returns the
    file's pyarrow.parquet.FileMetaData. Needs pyarrow."""
    from awkward._connect.pyarrow._import import import_pyarrow

    import_pyarrow("ak.to_parquet_row_groups")
    from awkward._connect.pyarrow.parquet import table_for_file, write_options, write_parquet
    from awkward._connect.pyarrow.to_arrow import Options

    options = Options(list_to32, string_to32, bytestring_to32, emptyarray_to,
                      categorical_as_dictionary, extensionarray, count_nulls)
    writer_options = write_options(
        compression, compression_level, row_group_size, data_page_size, parquet_flavor,
        parquet_version, parquet_page_version, parquet_metadata_statistics,
        parquet_dictionary_encoding, parquet_byte_stream_split, parquet_coerce_timestamps,
        parquet_old_int96_timestamps, parquet_compliant_nested, parquet_extra_options)
    tables = (
        table_for_file(to_layout_arg(array, "to_parquet_row_groups", allow_record=False), options)
        for array in iterator
    )
    return write_parquet(tables, destination, writer_options, row_group_size,
                         "ak.to_parquet_row_groups", storage_options)
