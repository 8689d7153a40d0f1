"""ak.to_arrow_table: an array -> a pyarrow.Table (a record's fields as columns)."""

from __future__ import annotations

from awkward.operations._layout_args import to_layout_arg

__all__ = ["to_arrow_table"]


def to_arrow_table(array, *, list_to32=False, string_to32=False, bytestring_to32=False,
                   emptyarray_to=None, categorical_as_dictionary=False, extensionarray=True,
                   count_nulls=True):
    """A pyarrow.Table: the fields of a record array (under any options) become columns, with
    ``ak:parameters`` schema metadata to restore the record; any other array is one column
    named "". Keywords as in ak.to_arrow. Needs pyarrow."""
    from awkward._connect.pyarrow._import import import_pyarrow

    import_pyarrow("ak.to_arrow_table")
    from awkward._connect.pyarrow.tables import layout_to_table
    from awkward._connect.pyarrow.to_arrow import Options

    layout = to_layout_arg(array, "to_arrow_table", allow_record=False)
    options = Options(list_to32, string_to32, bytestring_to32, emptyarray_to,
                      categorical_as_dictionary, extensionarray, count_nulls)
    return layout_to_table(layout, options)
