"""pyarrow.Array -> layout, buffer by buffer (numpy views of the Arrow buffers; validity
bitmaps become BitMaskedArray masks as they are, no per-element work).

The awkward description of a node comes from its AwkwardArrowType, or from a metadata tree
(``tree``: the JSON Parquet stores, with ``subfield_metadata``), or is absent (plain Arrow).
Option rules (as awkward 2.14): a node that may be missing (an awkward option, or a nullable
field) becomes a BitMaskedArray when it has missing values or ``generate_bitmasks``, else an
UnmaskedArray; an Arrow null becomes an IndexedOptionArray of EmptyArray; a dictionary an
IndexedOptionArray (categorical). A top-level plain array is an option only when it has nulls.
The same decisions on types alone are ``arrow_type_to_form`` (a BitMaskedForm for each option).
"""

from __future__ import annotations

import numpy

from awkward._connect.pyarrow.extension_types import AwkwardArrowType, pyarrow
from awkward.contents import (
    BitMaskedArray,
    EmptyArray,
    IndexedArray,
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
    UnmaskedArray,
)
from awkward.index import Index8, Index32, Index64, IndexU8

__all__ = [
    "array_to_layout",
    "child_tree",
    "dictionary_nulls_in_indices",
    "field_option_flag",
    "node_meta",
    "numpy_dtype",
    "strip_pushed_option",
]

_types = pyarrow.types


def node_meta(arrow_type, tree):
    """(awkward meta dict or None, storage type, children trees or None)."""
    if isinstance(arrow_type, AwkwardArrowType):
        return arrow_type._metadata_as_dict(), arrow_type.storage_type, None
    if tree is not None:
        return tree, arrow_type, tree.get("subfield_metadata")
    return None, arrow_type, None


def child_tree(subtrees, index, name):
    """The metadata tree of a child, matched by name (columns may have been selected)."""
    if subtrees is None:
        return None
    for sub in subtrees:
        if sub.get("field_name") == name:
            return sub
    if index < len(subtrees):
        return subtrees[index]
    return None


def numpy_dtype(arrow_type, function="ak.from_arrow"):
    """The numpy dtype of an Arrow primitive type (ValueError for the ones awkward lacks)."""
    if _types.is_boolean(arrow_type):
        return numpy.dtype(numpy.bool_)
    if _types.is_timestamp(arrow_type):
        return numpy.dtype(f"datetime64[{arrow_type.unit}]")
    if _types.is_duration(arrow_type):
        return numpy.dtype(f"timedelta64[{arrow_type.unit}]")
    if _types.is_date32(arrow_type):
        return numpy.dtype("datetime64[D]")
    if _types.is_date64(arrow_type):
        return numpy.dtype("datetime64[ms]")
    if _types.is_decimal(arrow_type):
        raise ValueError(
            f"{function}: Arrow arrays containing pyarrow.decimal128 or pyarrow.decimal256 "
            "types can't be converted into Awkward Arrays"
        )
    if _types.is_integer(arrow_type) or _types.is_floating(arrow_type):
        return numpy.dtype(arrow_type.to_pandas_dtype())
    raise TypeError(f"{function}: Arrow type {arrow_type} cannot be converted to an Awkward Array")


def _storage_dtype(arrow_type):
    """dtype of the values buffer (dates are stored as int32/int64 days/ms)."""
    if _types.is_date32(arrow_type):
        return numpy.dtype(numpy.int32)
    if _types.is_date64(arrow_type):
        return numpy.dtype(numpy.int64)
    dtype = numpy_dtype(arrow_type)
    return dtype


def _buffer(buf, dtype, start, count):
    if buf is None or count == 0:
        return numpy.zeros(count, dtype)
    return numpy.frombuffer(buf, dtype=dtype, count=start + count)[start:]


def _bits(buf, offset, length):
    """Booleans of an LSB bitmap starting at bit ``offset``."""
    if buf is None:
        return numpy.ones(length, numpy.bool_)
    raw = numpy.frombuffer(buf, numpy.uint8, count=(offset + length + 7) // 8)
    return numpy.unpackbits(raw, bitorder="little")[offset : offset + length].view(numpy.bool_)


def _mask_bytes(array):
    """(uint8 LSB bitmap of ``array``'s validity aligned at its start) for a BitMaskedArray."""
    length, offset = len(array), array.offset
    buf = array.buffers()[0]
    nbytes = (length + 7) // 8
    if buf is None:
        return numpy.full(nbytes, 255, numpy.uint8)
    if offset % 8 == 0:
        return numpy.frombuffer(buf, numpy.uint8, count=offset // 8 + nbytes)[offset // 8 :]
    return numpy.packbits(_bits(buf, offset, length), bitorder="little")


def _is_option(meta, nullable, array, generate_bitmasks):
    if meta is not None:
        return meta["mask_type"] is not None
    if nullable is None:  # a top-level plain array: an option only with nulls
        return array.null_count > 0 or generate_bitmasks
    return nullable


def array_to_layout(array, tree=None, nullable=None, generate_bitmasks=False):
    """Convert one (non-chunked) Arrow array; ``nullable``: its field's flag, None at top."""
    meta, storage_type, subtrees = node_meta(array.type, tree)
    if isinstance(array.type, AwkwardArrowType):
        array = array.storage
    params = dict(meta["node_parameters"] or {}) if meta is not None else {}
    option = _is_option(meta, nullable, array, generate_bitmasks)
    length = len(array)

    if _types.is_null(storage_type):
        # an Arrow null without awkward metadata is always an option (as in 2.14)
        if meta is not None and (not option or meta.get("is_nonnullable_nulltype")):
            return EmptyArray(parameters=params)
        index = Index64(numpy.full(length, -1, numpy.int64))
        return IndexedOptionArray(index, EmptyArray(parameters=params),
                                  parameters=_mask_params(meta))
    if _types.is_dictionary(storage_type):
        return _dictionary(array, meta, subtrees, params, generate_bitmasks)

    if meta is not None and meta["node_type"] == "IndexedArray":
        # a categorical whose dictionary encoding was not kept (Parquet of numbers): the
        # values, under an identity index that keeps the categorical parameters
        inner = dict(params)
        inner.pop("__array__", None)
        content = _node(array, storage_type, None, subtrees, inner, generate_bitmasks)
        content = IndexedArray(Index64(numpy.arange(length, dtype=numpy.int64)), content,
                               parameters=params)
    else:
        content = _node(array, storage_type, meta, subtrees, params, generate_bitmasks,
                        nullable is None)
    if not option:
        return content
    nulls = array.null_count
    if meta is not None and meta["mask_type"] == "UnmaskedArray" and nulls == 0:
        return UnmaskedArray(content, parameters=_mask_params(meta))
    if nulls > 0 or generate_bitmasks:
        return BitMaskedArray(IndexU8(_mask_bytes(array)), content, True, length, True,
                              parameters=_mask_params(meta))
    return UnmaskedArray(content, parameters=_mask_params(meta))


def _mask_params(meta):
    return dict(meta["mask_parameters"] or {}) if meta is not None else {}


def dictionary_nulls_in_indices(chunk):
    """A DictionaryArray with the same values whose dictionary has no nulls (an index that
    pointed at a null value is null itself, as awkward 2.14 reads a single such array)."""
    dictionary = chunk.dictionary
    if dictionary.null_count == 0:
        return chunk
    indices = chunk.indices
    raw = numpy.asarray(indices.fill_null(0).to_numpy(zero_copy_only=False), numpy.int64)
    valid_value = numpy.asarray(dictionary.is_valid().to_numpy(zero_copy_only=False), numpy.bool_)
    keep = valid_value[raw] & numpy.asarray(indices.is_valid().to_numpy(zero_copy_only=False), numpy.bool_)
    renumbered = numpy.cumsum(valid_value) - 1
    new_indices = pyarrow.array(renumbered[raw], type=indices.type, mask=~keep)
    return pyarrow.DictionaryArray.from_arrays(new_indices, dictionary.filter(dictionary.is_valid()),
                                               ordered=chunk.type.ordered)


def _dictionary(array, meta, subtrees, params, generate_bitmasks):
    array = dictionary_nulls_in_indices(array)
    indices = array.indices
    index = _buffer(indices.buffers()[1], numpy.dtype(indices.type.to_pandas_dtype()),
                    indices.offset, len(indices)).astype(numpy.int64)
    if indices.null_count:
        index = numpy.where(_bits(indices.buffers()[0], indices.offset, len(indices)), index, -1)
    content = array_to_layout(array.dictionary, child_tree(subtrees, 0, "value"), False,
                              generate_bitmasks)
    if meta is not None and meta["mask_type"] is None and indices.null_count == 0:
        return IndexedArray(Index64(index), content, parameters=params)
    params.setdefault("__array__", "categorical")
    return IndexedOptionArray(Index64(index), content, parameters=params)


def _node(array, arrow_type, meta, subtrees, params, generate_bitmasks, top=False):
    length, offset = len(array), array.offset
    buffers = array.buffers()
    if _types.is_string(arrow_type) or _types.is_large_string(arrow_type) or \
            _types.is_binary(arrow_type) or _types.is_large_binary(arrow_type):
        is_string = _types.is_string(arrow_type) or _types.is_large_string(arrow_type)
        small = _types.is_string(arrow_type) or _types.is_binary(arrow_type)
        offsets = _buffer(buffers[1], numpy.int32 if small else numpy.int64, offset, length + 1)
        chars = _buffer(buffers[2], numpy.uint8, 0, int(offsets[-1]) if length or len(offsets)
                        else 0)
        inner = {"__array__": "char" if is_string else "byte"}
        params.setdefault("__array__", "string" if is_string else "bytestring")
        index_cls = Index32 if small else Index64
        return ListOffsetArray(index_cls(offsets), NumpyArray(chars, parameters=inner),
                               parameters=params)
    if _types.is_fixed_size_binary(arrow_type):
        size = arrow_type.byte_width
        chars = _buffer(buffers[1], numpy.uint8, offset * size, length * size)
        params.setdefault("__array__", "bytestring")
        return RegularArray(NumpyArray(chars, parameters={"__array__": "byte"}), size, length,
                            parameters=params)
    if _types.is_list(arrow_type) or _types.is_large_list(arrow_type):
        small = _types.is_list(arrow_type)
        offsets = _buffer(buffers[1], numpy.int32 if small else numpy.int64, offset, length + 1)
        field = arrow_type.value_field
        content = array_to_layout(array.values, child_tree(subtrees, 0, field.name),
                                  field.nullable, generate_bitmasks)
        return ListOffsetArray((Index32 if small else Index64)(offsets), content,
                               parameters=params)
    if _types.is_fixed_size_list(arrow_type):
        size = arrow_type.list_size
        field = arrow_type.value_field
        values = array.values.slice(offset * size, length * size)
        content = array_to_layout(values, child_tree(subtrees, 0, field.name), field.nullable,
                                  generate_bitmasks)
        return RegularArray(content, size, length, parameters=params)
    if _types.is_struct(arrow_type):
        return _struct(array, arrow_type, meta, subtrees, params, generate_bitmasks)
    if _types.is_union(arrow_type):
        return _union(array, arrow_type, subtrees, params, generate_bitmasks, top)
    dtype = _storage_dtype(arrow_type)
    if dtype == numpy.bool_:
        data = _bits(buffers[1], offset, length).copy()
    else:
        data = _buffer(buffers[1], dtype, offset, length)
        wanted = numpy_dtype(arrow_type)
        if wanted != dtype:
            data = data.astype(numpy.int64).view(wanted) if wanted.kind == "M" else data
    return NumpyArray(data, parameters=params)


def strip_pushed_option(layout):
    """A field that is an option only because its record's option was pushed into it."""
    if isinstance(layout, (BitMaskedArray, UnmaskedArray, IndexedOptionArray)) and not \
            isinstance(layout.content, EmptyArray):
        if isinstance(layout, IndexedOptionArray):
            return layout.project()
        return layout.content if isinstance(layout, UnmaskedArray) else \
            layout.content._getitem_range(0, layout.length)
    return layout


def _struct(array, arrow_type, meta, subtrees, params, generate_bitmasks):
    contents, names = [], []
    for i in range(arrow_type.num_fields):
        field = arrow_type.field(i)
        sub = child_tree(subtrees, i, field.name)
        content = array_to_layout(array.field(i), sub, field.nullable, generate_bitmasks)
        if field_option_flag(field, sub) == "False":
            content = strip_pushed_option(content)
        contents.append(content)
        names.append(field.name)
    is_tuple = bool(meta["record_is_tuple"]) if meta is not None else False
    return RecordArray(contents, None if is_tuple else names, len(array), parameters=params)


def field_option_flag(field, tree):
    """"True"/"False" when a record field says whether it was an option, else None."""
    if field.metadata and b"option_type" in field.metadata:
        return field.metadata[b"option_type"].decode()
    if tree is not None and isinstance(tree.get("option_type"), str):
        return tree["option_type"]
    return None


def _union(array, arrow_type, subtrees, params, generate_bitmasks, top):
    length, offset = len(array), array.offset
    buffers = array.buffers()
    codes = _buffer(buffers[1], numpy.int8, offset, length)
    type_codes = list(arrow_type.type_codes)
    if type_codes == list(range(len(type_codes))):
        tags = codes
    else:
        lookup = numpy.zeros(max(type_codes) + 1, numpy.int8)
        lookup[type_codes] = numpy.arange(len(type_codes), dtype=numpy.int8)
        tags = lookup[codes]
    if arrow_type.mode == "dense":
        index = Index64(_buffer(buffers[2], numpy.int32, offset, length).astype(numpy.int64))
    else:
        index = Index64(numpy.arange(offset, offset + length, dtype=numpy.int64))
    contents = []
    for i in range(arrow_type.num_fields):
        field = arrow_type.field(i)
        child = array.field(i)
        # the members of a plain top-level Arrow union are options whatever their fields
        # say (as in 2.14)
        contents.append(array_to_layout(child, child_tree(subtrees, i, field.name),
                                        True if top else field.nullable, generate_bitmasks))
    # as awkward 2.14: mergeable contents are merged (int64 and float64 lists become one)
    return UnionArray.simplified(Index8(tags), index, contents, parameters=params)
