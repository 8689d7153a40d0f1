"""Tables: a layout as a pyarrow.Table (a record's fields as columns, anything else as one
column named ""), and a Table/RecordBatch (or its schema alone) back as a layout (or form).

A record under options becomes columns with the option pushed into each of them; the table's
``ak:parameters`` metadata remembers which columns were options themselves and the wrappers,
so reading gives the original type back (as awkward 2.14 does).
"""

from __future__ import annotations

import json

import numpy

from awkward._connect.pyarrow.extension_types import pyarrow
from awkward._connect.pyarrow.from_arrow import (
    array_to_layout,
    dictionary_nulls_in_indices,
    strip_pushed_option,
)
from awkward._connect.pyarrow.schema import (
    AK_PARAMETERS,
    AWKWARD_METADATA,
    arrow_type_to_form,
    make_table_parameters,
    node_to_json,
    schema_trees,
    strip_pushed_option_form,
    table_parameters,
)
from awkward._connect.pyarrow.to_arrow import _nullable, layout_to_arrow, record_children
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    IndexedArray,
    IndexedOptionArray,
    RecordArray,
    UnmaskedArray,
)
from awkward.forms import ByteMaskedForm, RecordForm, UnmaskedForm
from awkward.index import Index8

__all__ = ["column_to_layout", "layout_to_table", "schema_to_form", "table_to_layout"]

_OPTIONS = (IndexedOptionArray, ByteMaskedArray, BitMaskedArray, UnmaskedArray)


def _record_under_wrappers(layout):
    """(record or None, [(option class name, parameters)]) below options/indexed nodes."""
    wrappers = []
    node = layout
    while True:
        if isinstance(node, _OPTIONS):
            wrappers.append((type(node).__name__, node.parameters))
            node = node.content
        elif isinstance(node, IndexedArray) and node.parameter("__array__") != "categorical":
            node = node.content
        else:
            break
    if isinstance(node, RecordArray) and not node.is_tuple:
        return node, wrappers
    return None, wrappers


def layout_to_table(layout, options, file_metadata: bool = False):
    """A pyarrow.Table; ``file_metadata`` adds ``awkward_array_metadata`` (for Parquet, whose
    columns are then stored with their plain storage types)."""
    record, wrappers = _record_under_wrappers(layout)
    if options.extensionarray and file_metadata:
        options = options._replace(extensionarray=False)
        keep_meta = True
    else:
        keep_meta = file_metadata and options.extensionarray
    metadata = {}
    if record is None:
        array, node = layout_to_arrow(layout, options)
        columns, names, nodes = [array], [""], [node]
        nullables = [_nullable(node)]
    else:
        names = list(record.fields)
        if record is layout:  # the fields themselves are the columns (no struct to split)
            children = record_children(record, options, None)
            columns = [array for _, array, _, _ in children]
            nodes = [child for _, _, child, _ in children]
        else:  # options above the record: their mask is pushed into every column
            array, node = layout_to_arrow(layout, options)
            struct = array.storage if isinstance(array, pyarrow.ExtensionArray) else array
            columns = [struct.field(i) for i in range(len(names))]
            nodes = node.children
        nullables = [_nullable(child) for child in nodes]
        optiontype = [name for name, content in zip(names, record.contents) if content.is_option]
        metadata[AK_PARAMETERS] = make_table_parameters(
            optiontype, wrappers + [("RecordArray", record.parameters)]
        )
    if keep_meta:
        trees = {name: node_to_json(child, name) for name, child in zip(names, nodes)}
        metadata[AWKWARD_METADATA] = json.dumps(trees).encode()
    fields = [pyarrow.field(name, column.type, nullable=nullable)
              for name, column, nullable in zip(names, columns, nullables)]
    return pyarrow.Table.from_arrays(columns, schema=pyarrow.schema(fields, metadata=metadata or None))


def column_to_layout(column, field=None, tree=None, generate_bitmasks=False):
    """One Array or ChunkedArray (chunks concatenated by Arrow) as a layout; ``field`` gives
    its nullability (None: a top-level array, an option only if it has nulls)."""
    if isinstance(column, pyarrow.ChunkedArray):
        if column.num_chunks == 1:
            column = column.chunk(0)
        elif column.num_chunks == 0:  # nothing to read: the type's empty array
            nullable = None if field is None else field.nullable
            return arrow_type_to_form(column.type, tree, nullable).length_zero_array()
        else:
            column = _concat_chunks(column)
    nullable = None if field is None else field.nullable
    return array_to_layout(column, tree, nullable, generate_bitmasks)


def _concat_chunks(column):
    """One Array of a ChunkedArray's chunks. Arrow cannot unify dictionaries holding nulls
    (a dataset's null partition value is such a dictionary): those nulls move into the
    indices first (same values), then the chunks join."""
    try:
        return pyarrow.concat_arrays(column.chunks)
    except pyarrow.ArrowInvalid as err:
        if not pyarrow.types.is_dictionary(column.type):
            raise ValueError(f"cannot join the chunks of a column of type {column.type}: {err}") from err
    chunks = [dictionary_nulls_in_indices(chunk) for chunk in column.chunks]
    try:
        return pyarrow.concat_arrays(chunks)
    except pyarrow.ArrowInvalid as err:
        raise ValueError(f"cannot join the chunks of a column of type {column.type}: {err}") from err


def table_to_layout(table, generate_bitmasks=False, pass_empty_field=False):
    schema = table.schema
    trees = schema_trees(schema)
    names = list(schema.names)
    if pass_empty_field and names == [""]:
        return column_to_layout(table.column(0), schema.field(0), trees.get(""), generate_bitmasks)
    optiontype, wrappers = table_parameters(schema)
    contents = [
        column_to_layout(table.column(i), schema.field(i), trees.get(name), generate_bitmasks)
        for i, name in enumerate(names)
    ]
    valid = None
    option_wrapper = next((w for w in wrappers if w[0] != "RecordArray" and w[0] in _OPTION_NAMES), None)
    if option_wrapper is not None:
        # the record's validity: from the columns that are options only through it (when
        # every column is an option itself, their missing values are taken as the record's)
        valid = numpy.ones(table.num_rows, numpy.bool_)
        pushed = [c for n, c in zip(names, contents) if optiontype is None or n not in optiontype]
        for content in pushed or contents:
            if isinstance(content, (BitMaskedArray, IndexedOptionArray)):
                valid &= numpy.asarray(content.mask_as_bool(valid_when=True))
    if optiontype is not None:
        contents = [content if name in optiontype else strip_pushed_option(content)
                    for name, content in zip(names, contents)]
    record_params = dict(wrappers).get("RecordArray") if wrappers else None
    record = RecordArray(contents, names, table.num_rows, parameters=record_params or {})
    if valid is None:
        return record
    mask_params = option_wrapper[1] or {}
    if option_wrapper[0] == "UnmaskedArray":
        return UnmaskedArray(record, parameters=mask_params)
    # as awkward 2.14: the record's own option comes back as a ByteMaskedArray
    mask = Index8(numpy.asarray(~valid, dtype=numpy.int8))
    return ByteMaskedArray(mask, record, valid_when=False, parameters=mask_params)


_OPTION_NAMES = {"IndexedOptionArray", "ByteMaskedArray", "BitMaskedArray", "UnmaskedArray"}


def schema_to_form(schema, pass_empty_field=False):
    """The form ``table_to_layout(table, generate_bitmasks=True)`` gives, from the schema."""
    trees = schema_trees(schema)
    names = list(schema.names)
    if pass_empty_field and names == [""]:
        field = schema.field(0)
        return arrow_type_to_form(field.type, trees.get(""), field.nullable)
    optiontype, wrappers = table_parameters(schema)
    contents = []
    for i, name in enumerate(names):
        field = schema.field(i)
        form = arrow_type_to_form(field.type, trees.get(name), field.nullable)
        if optiontype is not None and name not in optiontype:
            form = strip_pushed_option_form(form)
        contents.append(form)
    record_params = dict(wrappers).get("RecordArray") if wrappers else None
    form = RecordForm(contents, names, parameters=record_params or {})
    option_wrapper = next((w for w in wrappers if w[0] in _OPTION_NAMES), None)
    if option_wrapper is None:
        return form
    if option_wrapper[0] == "UnmaskedArray":
        return UnmaskedForm(form, parameters=option_wrapper[1] or {})
    return ByteMaskedForm("i8", form, False, parameters=option_wrapper[1] or {})
