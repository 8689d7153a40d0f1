"""Layout -> pyarrow.Array, buffer by buffer (offsets, data and validity bitmaps are handed to
``pyarrow.Array.from_buffers``; nothing is converted per element).

``layout_to_arrow(layout, options)`` returns ``(array, tree)``: the Arrow array (wrapped in
AwkwardArrowType at every node when ``options.extensionarray``) and the tree of awkward node
descriptions (``Node``) that Parquet stores as schema metadata. Only the buffers of the nodes
being converted are read.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy

from awkward._connect.pyarrow.extension_types import make_meta, pyarrow, wrap
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    EmptyArray,
    IndexedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
    UnmaskedArray,
)
from awkward.contents.content import concrete

__all__ = ["Options", "Node", "layout_to_arrow", "validity_buffer"]

_INT32_MAX = 2**31 - 1


class Options(NamedTuple):
    list_to32: bool = False
    string_to32: bool = False
    bytestring_to32: bool = False
    emptyarray_to: object = None
    categorical_as_dictionary: bool = False
    extensionarray: bool = True
    count_nulls: bool = True


class Node:
    """One awkward node description (``meta``, see make_meta) and its children's, in the
    order of the Arrow type's children; ``field_option`` is the record-field metadata flag
    (whether the original field was an option) or None outside records."""

    __slots__ = ("meta", "children", "field_option", "names")

    def __init__(self, meta, children=(), field_option=None, names=None):
        self.meta = meta
        self.children = list(children)
        self.field_option = field_option
        self.names = names  # children's field names (records and unions)


class _Mask(NamedTuple):
    """An option around the node being converted: its validity (numpy bool or None when
    everything is valid) and how to describe it."""

    valid: object
    mask_type: str
    parameters: dict


def layout_to_arrow(layout, options: Options):
    return _convert(layout, options, None)


def validity_buffer(valid):
    """An Arrow validity bitmap (LSB order) for a numpy bool array, or None."""
    if valid is None:
        return None
    return pyarrow.py_buffer(numpy.packbits(valid, bitorder="little"))


def _null_count(valid, length, options):
    if valid is None:
        return 0
    return length - int(numpy.count_nonzero(valid)) if options.count_nulls else -1


def _finish(storage, options, meta, children=(), names=None):
    node = Node(meta, children, None, names)
    return (wrap(storage, meta) if options.extensionarray else storage), node


def _mask_meta(mask):
    if mask is None:
        return {}
    return {"mask_type": mask.mask_type, "mask_parameters": mask.parameters}


def _and(left, right):
    if left is None:
        return right
    if right is None:
        return left
    return left & right


def _convert(layout, options, mask):
    if (isinstance(layout, IndexedOptionArray) and options.categorical_as_dictionary
            and layout.parameter("__array__") == "categorical"):
        (index,) = concrete(layout.index.data)
        valid = numpy.asarray(index) >= 0
        own = _Mask(valid if mask is None else _and(mask.valid, valid), "IndexedOptionArray",
                    layout.parameters)
        return _convert_dictionary(layout, options, own)
    if isinstance(layout, (IndexedOptionArray, ByteMaskedArray, BitMaskedArray, UnmaskedArray)):
        return _convert_option(layout, options, mask)
    if isinstance(layout, IndexedArray):
        if options.categorical_as_dictionary and layout.parameter("__array__") == "categorical":
            return _convert_dictionary(layout, options, mask)
        return _convert(layout.project(), options, mask)
    if isinstance(layout, NumpyArray):
        return _convert_numpy(layout, options, mask)
    if isinstance(layout, EmptyArray):
        return _convert_empty(layout, options, mask)
    if isinstance(layout, (ListOffsetArray, ListArray)):
        return _convert_list(layout, options, mask)
    if isinstance(layout, RegularArray):
        return _convert_regular(layout, options, mask)
    if isinstance(layout, RecordArray):
        return _convert_record(layout, options, mask)
    if isinstance(layout, UnionArray):
        return _convert_union(layout, options, mask)
    raise TypeError(f"ak.to_arrow: cannot convert {type(layout).__name__} to Arrow")


# ---------------------------------------------------------------- options and indexed
def _convert_option(layout, options, mask):
    name = "IndexedOptionArray" if isinstance(layout, IndexedOptionArray) else (
        "UnmaskedArray" if isinstance(layout, UnmaskedArray) else "ByteMaskedArray")
    length = layout.length
    if isinstance(layout, UnmaskedArray):
        valid, content = None, layout.content
    elif isinstance(layout, IndexedOptionArray):
        (index,) = concrete(layout.index.data)
        valid = index >= 0
        if isinstance(layout.content, EmptyArray):
            content = layout.content
        elif layout.content.length == 0:
            return _all_null(layout, options, mask, name)
        else:
            content = layout.content._carry(_index64(numpy.where(valid, index, 0)), False)
    else:
        valid = numpy.asarray(layout.mask_as_bool(valid_when=True))
        content = layout.content
        if content.length != length:
            content = content._getitem_range(0, length)
    parameters = layout.parameters
    if parameters.get("__array__") == "categorical":  # categorical stored as its values
        parameters = {k: v for k, v in parameters.items() if k != "__array__"}
    own = _Mask(valid, name, parameters)
    if mask is not None:  # an option of an option (non-canonical): one mask, the outer's name
        own = _Mask(_and(mask.valid, valid), mask.mask_type, mask.parameters)
    if isinstance(content, EmptyArray):
        storage = pyarrow.nulls(length)
        meta = make_meta("EmptyArray", content.parameters, **_mask_meta(own))
        return _finish(storage, options, meta)
    return _convert(content, options, own)


def _all_null(layout, options, mask, name):
    """An option whose content is empty: the content's Arrow type, every element null."""
    empty, node = _convert(layout.content, options, None)
    storage = empty.take(pyarrow.nulls(layout.length, pyarrow.int64()))
    node.meta = dict(node.meta, mask_type=name, mask_parameters=layout.parameters)
    if options.extensionarray:
        storage = wrap(storage.storage, node.meta)
    return storage, node


def _index64(values):
    from awkward.index import Index64

    return Index64(numpy.asarray(values, dtype=numpy.int64))


def _convert_dictionary(layout, options, mask):
    (index,) = concrete(layout.index.data)
    index = numpy.where(index >= 0, index, 0) if mask is not None else index
    dictionary, child = _convert(layout.content, options, None)
    valid = None if mask is None else mask.valid
    indices = pyarrow.Array.from_buffers(
        pyarrow.int64(), len(index),
        [validity_buffer(valid), pyarrow.py_buffer(numpy.ascontiguousarray(index, numpy.int64))],
        _null_count(valid, len(index), options),
    )
    storage = pyarrow.DictionaryArray.from_arrays(indices, dictionary)
    meta = make_meta("IndexedArray", layout.parameters, **_mask_meta(mask))
    return _finish(storage, options, meta, [child])


# ---------------------------------------------------------------- leaves
def _convert_numpy(layout, options, mask):
    (data,) = concrete(layout.data)
    data = numpy.asarray(data)
    if data.ndim != 1:
        return _convert(layout.to_RegularArray(), options, mask)
    valid = None if mask is None else mask.valid
    length = len(data)
    if data.dtype == numpy.bool_:
        arrow_type = pyarrow.bool_()
        values = pyarrow.py_buffer(numpy.packbits(data, bitorder="little"))
    else:
        if data.dtype.kind == "c":
            raise TypeError(
                f"ak.to_arrow: Arrow has no complex numbers; cannot convert {data.dtype} "
                "(split into real and imaginary fields first)"
            )
        data = numpy.ascontiguousarray(data)
        if not data.dtype.isnative:
            data = data.astype(data.dtype.newbyteorder("="))
        arrow_type = pyarrow.from_numpy_dtype(data.dtype)
        values = pyarrow.py_buffer(data)
    storage = pyarrow.Array.from_buffers(
        arrow_type, length, [validity_buffer(valid), values], _null_count(valid, length, options)
    )
    return _finish(storage, options, make_meta("NumpyArray", layout.parameters, **_mask_meta(mask)))


def _convert_empty(layout, options, mask):
    if options.emptyarray_to is not None:
        dtype = numpy.dtype(options.emptyarray_to)
        return _convert(NumpyArray(numpy.empty(0, dtype), parameters=layout.parameters),
                        options, mask)
    meta = make_meta("EmptyArray", layout.parameters, is_nonnullable_nulltype=mask is None,
                     **_mask_meta(mask))
    return _finish(pyarrow.nulls(0), options, meta)


# ---------------------------------------------------------------- lists
def _list_offsets(layout):
    """(offsets as a numpy int32/int64 array, content) with content covering the offsets."""
    if isinstance(layout, ListOffsetArray) and layout.offsets.data.dtype in (numpy.int32, numpy.int64):
        (offsets,) = concrete(layout.offsets.data)
        return numpy.asarray(offsets), layout.content
    packed = layout.to_ListOffsetArray64(True)
    (offsets,) = concrete(packed.offsets.data)
    return numpy.asarray(offsets), packed.content


def _narrow(offsets, to32):
    if offsets.dtype == numpy.int32:
        return offsets
    if to32 and (len(offsets) == 0 or offsets[-1] <= _INT32_MAX):
        return offsets.astype(numpy.int32)
    return offsets


def _convert_list(layout, options, mask):
    valid = None if mask is None else mask.valid
    length = layout.length
    offsets, content = _list_offsets(layout)
    kind = layout.parameter("__array__")
    buffers_head = validity_buffer(valid)
    nulls = _null_count(valid, length, options)
    if kind in ("string", "bytestring") and isinstance(content, NumpyArray):
        to32 = options.string_to32 if kind == "string" else options.bytestring_to32
        offsets = _narrow(offsets, to32)
        (chars,) = concrete(content.data)
        chars = numpy.ascontiguousarray(chars)
        if kind == "string":
            arrow_type = pyarrow.string() if offsets.dtype == numpy.int32 else pyarrow.large_string()
        else:
            arrow_type = pyarrow.binary() if offsets.dtype == numpy.int32 else pyarrow.large_binary()
        storage = pyarrow.Array.from_buffers(
            arrow_type, length,
            [buffers_head, pyarrow.py_buffer(offsets), pyarrow.py_buffer(chars)], nulls,
        )
        meta = make_meta("ListOffsetArray", layout.parameters, **_mask_meta(mask))
        return _finish(storage, options, meta)
    offsets = _narrow(offsets, options.list_to32)
    child, node = _convert(content, options, None)
    field = pyarrow.field("item", child.type, nullable=_nullable(node))
    arrow_type = pyarrow.list_(field) if offsets.dtype == numpy.int32 else pyarrow.large_list(field)
    storage = pyarrow.Array.from_buffers(
        arrow_type, length, [buffers_head, pyarrow.py_buffer(offsets)], nulls, children=[child]
    )
    meta = make_meta("ListOffsetArray", layout.parameters, **_mask_meta(mask))
    return _finish(storage, options, meta, [node])


def _nullable(node):
    return node.meta["mask_type"] is not None or node.meta["node_type"] == "EmptyArray"


def _convert_regular(layout, options, mask):
    valid = None if mask is None else mask.valid
    length, size = layout.length, layout.size
    kind = layout.parameter("__array__")
    content = layout.content
    if content.length != length * size:
        content = content._getitem_range(0, length * size)
    if kind == "string":
        return _convert_list(layout.to_ListOffsetArray64(False), options, mask)
    if kind == "bytestring" and isinstance(content, NumpyArray):
        (chars,) = concrete(content.data)
        storage = pyarrow.Array.from_buffers(
            pyarrow.binary(size), length,
            [validity_buffer(valid), pyarrow.py_buffer(numpy.ascontiguousarray(chars))],
            _null_count(valid, length, options),
        )
        return _finish(storage, options,
                       make_meta("RegularArray", layout.parameters, **_mask_meta(mask)))
    child, node = _convert(content, options, None)
    field = pyarrow.field("item", child.type, nullable=_nullable(node))
    storage = pyarrow.Array.from_buffers(
        pyarrow.list_(field, size), length, [validity_buffer(valid)],
        _null_count(valid, length, options), children=[child],
    )
    meta = make_meta("RegularArray", layout.parameters, **_mask_meta(mask))
    return _finish(storage, options, meta, [node])


# ---------------------------------------------------------------- records and unions
def _field_names(layout):
    return [str(i) for i in range(len(layout.contents))] if layout.is_tuple else layout.fields


def record_children(layout, options, mask):
    """[(name, array, node, was_option)] of a record's fields, the option ``mask`` around
    the record pushed into every field (as 2.14 does)."""
    length = layout.length
    out = []
    for name, content in zip(_field_names(layout), layout.contents):
        if content.length != length:
            content = content._getitem_range(0, length)
        was_option = content.is_option
        if mask is None:
            array, node = _convert(content, options, None)
        else:
            array, node = _pushed(content, options, mask)
        node.field_option = "True" if was_option else "False"
        out.append((name, array, node, was_option))
    return out


def _pushed(content, options, mask):
    if content.is_option or isinstance(content, UnmaskedArray):
        if mask.valid is None:
            return _convert(content, options, None)
        return _convert(_masked_option(content, mask.valid), options, None)
    return _convert(content, options, mask)


def _masked_option(content, valid):
    """``content`` (an option) with the extra missing values of ``valid`` (same length)."""
    from awkward.index import Index8

    own = numpy.asarray(content.mask_as_bool(valid_when=True)) if not isinstance(
        content, UnmaskedArray) else True
    inner = content.content if not isinstance(content, IndexedOptionArray) else None
    if inner is None:
        return IndexedOptionArray(
            _index64(numpy.where(valid, numpy.asarray(concrete(content.index.data)[0]), -1)),
            content.content, parameters=content.parameters)
    if inner.length != content.length:
        inner = inner._getitem_range(0, content.length)
    both = numpy.asarray(own & valid, dtype=numpy.int8)
    return ByteMaskedArray(Index8(both), inner, valid_when=True,
                           parameters=content.parameters)


def _convert_record(layout, options, mask):
    valid = None if mask is None else mask.valid
    length = layout.length
    children = record_children(layout, options, mask)
    fields = [
        pyarrow.field(name, array.type, nullable=_nullable(node),
                      metadata={"option_type": node.field_option})
        for name, array, node, _ in children
    ]
    storage = pyarrow.Array.from_buffers(
        pyarrow.struct(fields), length, [validity_buffer(valid)],
        _null_count(valid, length, options), children=[array for _, array, _, _ in children],
    )
    meta = make_meta("RecordArray", layout.parameters, record_is_tuple=layout.is_tuple,
                     **_mask_meta(mask))
    return _finish(storage, options, meta, [node for _, _, node, _ in children],
                   [name for name, _, _, _ in children])


def _convert_union(layout, options, mask):
    (tags, index) = concrete(layout.tags.data, layout.index.data)
    tags = numpy.ascontiguousarray(tags, numpy.int8)
    index = numpy.ascontiguousarray(index, numpy.int32)
    valid = None if mask is None else mask.valid
    children = []
    for tag, content in enumerate(layout.contents):
        if valid is not None and not valid.all():
            # the union's missing values become missing values of the contents they point to
            content_valid = numpy.ones(content.length, dtype=numpy.bool_)
            chosen = tags == tag
            content_valid[index[chosen & ~valid]] = False
            if content.is_option or isinstance(content, UnmaskedArray):
                content = _masked_option(content, content_valid)
                children.append(_convert(content, options, None))
            else:
                children.append(_convert(content, options, _Mask(content_valid, mask.mask_type,
                                                                  mask.parameters)))
        else:
            children.append(_convert(content, options, None))
    fields = [
        pyarrow.field(str(i), array.type, nullable=_nullable(node))
        for i, (array, node) in enumerate(children)
    ]
    arrow_type = pyarrow.dense_union(fields, list(range(len(fields))))
    storage = pyarrow.Array.from_buffers(
        arrow_type, layout.length, [None, pyarrow.py_buffer(tags), pyarrow.py_buffer(index)],
        0, children=[array for array, _ in children],
    )
    meta = make_meta("UnionArray", layout.parameters)
    return _finish(storage, options, meta, [node for _, node in children],
                   [str(i) for i in range(len(children))])
