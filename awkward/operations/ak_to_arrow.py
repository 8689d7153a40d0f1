"""ak.to_arrow: an array -> a pyarrow.Array (awkward extension types keep every node)."""

from __future__ import annotations

from awkward.operations._layout_args import to_layout_arg

__all__ = ["to_arrow"]


def to_arrow(array, *, list_to32=False, string_to32=False, bytestring_to32=False,
             emptyarray_to=None, categorical_as_dictionary=False, extensionarray=True,
             count_nulls=True):
    """A pyarrow.Array with the same values, built from the layout's buffers (no copy where
    Arrow's layout matches). ``list_to32``/``string_to32``/``bytestring_to32``: 32-bit offsets
    where they fit; ``emptyarray_to``: a dtype for untyped empty arrays (else Arrow null);
    ``categorical_as_dictionary``: categoricals as Arrow dictionaries; ``extensionarray``: wrap
    every node in AwkwardArrowType so that parameters and option/indexed kinds survive;
    ``count_nulls=False`` leaves Arrow's null counts to be computed lazily. Only the buffers of
    the converted nodes are read. Needs pyarrow."""
    from awkward._connect.pyarrow._import import import_pyarrow

    import_pyarrow("ak.to_arrow")
    from awkward._connect.pyarrow.to_arrow import Options, layout_to_arrow

    layout = to_layout_arg(array, "to_arrow", allow_record=False)
    options = Options(list_to32, string_to32, bytestring_to32, emptyarray_to,
                      categorical_as_dictionary, extensionarray, count_nulls)
    return layout_to_arrow(layout, options)[0]
