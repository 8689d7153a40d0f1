"""ak.from_arrow: a pyarrow Array, ChunkedArray, RecordBatch, Table or dataset -> an array."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout

__all__ = ["from_arrow"]


def from_arrow(array, *, generate_bitmasks=False, highlevel=True, behavior=None, attrs=None):
    """An Awkward Array viewing the Arrow buffers (no per-element work). Awkward extension
    types restore the original node kinds and parameters; plain Arrow nullable data becomes
    BitMaskedArray (UnmaskedArray where nothing is missing, unless ``generate_bitmasks``).
    A table's columns become record fields (one column named "" is the array itself). A
    ``pyarrow.dataset`` of local Parquet files is read lazily, as ``ak.from_parquet(...,
    virtual=True)`` reads (other datasets are read eagerly). Needs pyarrow."""
    from awkward._connect.pyarrow import handle_arrow

    layout = handle_arrow(array, generate_bitmasks=generate_bitmasks, pass_empty_field=True)
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)
