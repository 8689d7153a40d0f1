"""ak.from_arrow_schema: a pyarrow.Schema -> the form ak.from_arrow would give."""

from __future__ import annotations

__all__ = ["from_arrow_schema"]


def from_arrow_schema(schema):
    """The Form of the array that a table with this schema converts to (options as
    BitMaskedForm, as with ``generate_bitmasks=True``); reads no data. Needs pyarrow."""
    from awkward._connect.pyarrow import form_handle_arrow

    return form_handle_arrow(schema, pass_empty_field=True)
