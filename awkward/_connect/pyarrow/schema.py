"""Forms from Arrow types alone (``arrow_type_to_form``) and the schema metadata awkward writes
next to a table: ``ak:parameters`` (the record around the columns: which fields were options,
the option/record parameters) and, in Parquet files, ``awkward_array_metadata`` (every column's
awkward node tree, since Parquet keeps only the storage types). Both as awkward 2.14 writes them.
"""

from __future__ import annotations

import json

from awkward._connect.pyarrow.extension_types import AwkwardArrowType, pyarrow
from awkward._connect.pyarrow.from_arrow import (
    child_tree,
    field_option_flag,
    node_meta,
    numpy_dtype,
)
from awkward._nplikes.dtypes import dtype_to_primitive
from awkward.forms import (
    BitMaskedForm,
    EmptyForm,
    IndexedForm,
    IndexedOptionForm,
    ListOffsetForm,
    NumpyForm,
    RecordForm,
    RegularForm,
    UnionForm,
    UnmaskedForm,
)

__all__ = [
    "AK_PARAMETERS",
    "AWKWARD_METADATA",
    "arrow_type_to_form",
    "field_option_flag",
    "node_to_json",
    "table_parameters",
    "schema_trees",
    "strip_pushed_option_form",
]

AK_PARAMETERS = b"ak:parameters"
AWKWARD_METADATA = b"awkward_array_metadata"

_types = pyarrow.types


def arrow_type_to_form(arrow_type, tree=None, nullable=None):
    """The form ``array_to_layout(..., generate_bitmasks=True)`` gives for this type (a
    top-level type, ``nullable=None``, is taken as not nullable)."""
    meta, storage, subtrees = node_meta(arrow_type, tree)
    params = dict(meta["node_parameters"] or {}) if meta is not None else {}
    mask_params = dict(meta["mask_parameters"] or {}) if meta is not None else {}
    option = meta["mask_type"] is not None if meta is not None else bool(nullable)
    if _types.is_null(storage):
        if meta is not None and (not option or meta.get("is_nonnullable_nulltype")):
            return EmptyForm(parameters=params)
        return IndexedOptionForm("i64", EmptyForm(parameters=params), parameters=mask_params)
    if _types.is_dictionary(storage):
        content = arrow_type_to_form(storage.value_type, child_tree(subtrees, 0, "value"), False)
        if meta is not None and meta["mask_type"] is None:
            return IndexedForm("i64", content, parameters=params)
        params.setdefault("__array__", "categorical")
        return IndexedOptionForm("i64", content, parameters=params)
    if meta is not None and meta["node_type"] == "IndexedArray":  # see array_to_layout
        inner = dict(params)
        inner.pop("__array__", None)
        content = IndexedForm("i64", _node_form(storage, None, subtrees, inner), parameters=params)
    else:
        content = _node_form(storage, meta, subtrees, params, nullable is None)
    if not option:
        return content
    if meta is not None and meta["mask_type"] == "UnmaskedArray":
        return UnmaskedForm(content, parameters=mask_params)
    return BitMaskedForm("u8", content, True, True, parameters=mask_params)


def _node_form(storage, meta, subtrees, params, top=False):
    if _types.is_string(storage) or _types.is_large_string(storage) or \
            _types.is_binary(storage) or _types.is_large_binary(storage):
        is_string = _types.is_string(storage) or _types.is_large_string(storage)
        small = _types.is_string(storage) or _types.is_binary(storage)
        params.setdefault("__array__", "string" if is_string else "bytestring")
        inner = NumpyForm("uint8", parameters={"__array__": "char" if is_string else "byte"})
        return ListOffsetForm("i32" if small else "i64", inner, parameters=params)
    if _types.is_fixed_size_binary(storage):
        params.setdefault("__array__", "bytestring")
        inner = NumpyForm("uint8", parameters={"__array__": "byte"})
        return RegularForm(inner, storage.byte_width, parameters=params)
    if _types.is_list(storage) or _types.is_large_list(storage):
        field = storage.value_field
        content = arrow_type_to_form(field.type, child_tree(subtrees, 0, field.name),
                                     field.nullable)
        return ListOffsetForm("i32" if _types.is_list(storage) else "i64", content,
                              parameters=params)
    if _types.is_fixed_size_list(storage):
        field = storage.value_field
        content = arrow_type_to_form(field.type, child_tree(subtrees, 0, field.name),
                                     field.nullable)
        return RegularForm(content, storage.list_size, parameters=params)
    if _types.is_struct(storage):
        contents, names = [], []
        for i in range(storage.num_fields):
            field = storage.field(i)
            sub = child_tree(subtrees, i, field.name)
            content = arrow_type_to_form(field.type, sub, field.nullable)
            if field_option_flag(field, sub) == "False":
                content = strip_pushed_option_form(content)
            contents.append(content)
            names.append(field.name)
        is_tuple = bool(meta["record_is_tuple"]) if meta is not None else False
        return RecordForm(contents, None if is_tuple else names, parameters=params)
    if _types.is_union(storage):
        contents = []
        for i in range(storage.num_fields):
            field = storage.field(i)
            contents.append(arrow_type_to_form(field.type, child_tree(subtrees, i, field.name),
                                               True if top else field.nullable))
        return UnionForm.simplified("i8", "i64", contents,
                         parameters=params)
    dtype = numpy_dtype(storage, "ak.from_arrow_schema")
    return NumpyForm(dtype_to_primitive(dtype), parameters=params)


def strip_pushed_option_form(form):
    if isinstance(form, (BitMaskedForm, UnmaskedForm, IndexedOptionForm)) and not isinstance(
            form.content, EmptyForm):
        return form.content
    return form


# ---------------------------------------------------------------- table-level metadata
def table_parameters(schema):
    """(optiontype_fields or None, [(wrapper class name, parameters)]) from ak:parameters."""
    metadata = schema.metadata or {}
    if AK_PARAMETERS not in metadata:
        return None, []
    try:
        entries = json.loads(metadata[AK_PARAMETERS])
        fields = entries[0]["optiontype_fields"]
        wrappers = [next(iter(entry.items())) for entry in entries[2:]]
    except (ValueError, KeyError, IndexError, TypeError, StopIteration):
        return None, []
    return fields, wrappers


def make_table_parameters(optiontype_fields, wrappers) -> bytes:
    entries = [{"optiontype_fields": list(optiontype_fields)}, {"record_is_scalar": False}]
    entries.extend({name: (params or None)} for name, params in wrappers)
    return json.dumps(entries).encode()


def schema_trees(schema):
    """{column name: metadata tree} from ``awkward_array_metadata`` (empty when absent)."""
    metadata = schema.metadata or {}
    if AWKWARD_METADATA not in metadata:
        return {}
    try:
        trees = json.loads(metadata[AWKWARD_METADATA])
    except ValueError:
        return {}
    return trees if isinstance(trees, dict) else {}


def node_to_json(node, name, option_flag=None) -> dict:
    """A to_arrow ``Node`` tree as 2.14's awkward_array_metadata entry."""
    out = dict(node.meta)
    if option_flag is not None:
        out["option_type"] = option_flag
    out["field_name"] = name
    if node.children:
        out["subfield_metadata"] = [
            node_to_json(child, child_name, child.field_option)
            for child, child_name in zip(node.children, _child_names(node))
        ]
    return out


def _child_names(node):
    kind = node.meta["node_type"]
    if kind in ("ListOffsetArray", "RegularArray"):
        return ["item"]
    if kind == "IndexedArray":
        return ["value"]
    return node.names


def is_awkward_type(arrow_type) -> bool:
    return isinstance(arrow_type, AwkwardArrowType)
