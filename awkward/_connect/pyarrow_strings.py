"""Strings between awkward layouts and pyarrow arrays, for ``ak.str`` (pyarrow.compute does the work).

A string node (a list of uint8 marked ``__array__="string"``/``"bytestring"``) becomes a
``large_string``/``large_binary`` array over the same offsets and characters (zero copy: int64
offsets, the characters buffer as it is). pyarrow's results come back as layouts: strings as
ListOffsetArray over arrow's buffers, numbers and booleans as NumpyArray, lists, structs and
dictionaries as ListOffsetArray, RecordArray and categorical IndexedArray; nulls as
BitMaskedArray (or IndexedOptionArray for dictionaries). As in 2.14, offsets keep arrow's width
(int32 for list/string/binary, int64 for the large ones). Only the CPU backend is supported.
"""

from __future__ import annotations

import numpy

from awkward._nplikes.jax import is_jax_array
from awkward.contents import (
    BitMaskedArray,
    IndexedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
)
from awkward.contents.content import concrete
from awkward.index import Index32, Index64, IndexU8

__all__ = [
    "import_pyarrow_compute",
    "string_to_arrow",
    "option_of_strings",
    "list_of_strings_to_arrow",
    "arrow_to_layout",
    "arrow_scalar",
    "value_set_to_arrow",
    "join_lists",
    "joined_to_layout",
    "join_element_wise",
    "repeat_strings",
]

_CHAR_PARAMETER = {"string": "char", "bytestring": "byte"}


def import_pyarrow_compute(function: str):
    """(pyarrow, pyarrow.compute), or an ImportError naming the function that needs them."""
    try:
        import pyarrow
        import pyarrow.compute
    except ImportError as err:
        raise ImportError(
            f"{function} needs pyarrow (pyarrow.compute does the string work): "
            "pip install pyarrow  (or conda install -c conda-forge pyarrow)"
        ) from err
    return pyarrow, pyarrow.compute


def _numpy_of(buffer):
    (data,) = concrete(buffer)
    if not isinstance(data, numpy.ndarray) and is_jax_array(data):
        data = numpy.asarray(data)  # host memory: the result is on the cpu backend, as in 2.14
    if not isinstance(data, numpy.ndarray):
        raise NotImplementedError(
            "ak.str works on the CPU backend only (move the array with ak.to_backend)"
        )
    return numpy.ascontiguousarray(data)


def string_to_arrow(layout, valid=None, as_text=False):
    """A string/bytestring list node (no option) as a pyarrow large_string/large_binary array;
    ``valid`` (a numpy bool array, True where present) adds a validity bitmap. ``as_text``:
    bytestrings as large_string (for kernels that pyarrow defines only for text)."""
    import pyarrow

    kind = layout.parameter("__array__")
    if not layout.is_list or layout.is_regular or not hasattr(layout, "offsets"):
        layout = layout.to_ListOffsetArray64(False)
    offsets = _numpy_of(layout.offsets.data)
    if offsets.dtype != numpy.int64:
        offsets = offsets.astype(numpy.int64, copy=False)
    chars = _numpy_of(layout.content.data) if offsets[-1] > 0 else numpy.zeros(0, numpy.uint8)
    text = kind == "string" or as_text
    arrow_type = pyarrow.large_string() if text else pyarrow.large_binary()
    length = len(offsets) - 1
    bitmap, null_count = None, 0
    if valid is not None:
        null_count = int(length - numpy.count_nonzero(valid))
        if null_count:
            bitmap = pyarrow.py_buffer(numpy.packbits(valid, bitorder="little"))
    return pyarrow.Array.from_buffers(
        arrow_type,
        length,
        [bitmap, pyarrow.py_buffer(offsets), pyarrow.py_buffer(chars)],
        null_count=null_count,
    )


def arrow_scalar(value, kind):
    """A Python str/bytes (or None) as a pyarrow scalar of the string kind of the array."""
    import pyarrow

    arrow_type = pyarrow.large_string() if kind == "string" else pyarrow.large_binary()
    return pyarrow.scalar(value, arrow_type)


def value_set_to_arrow(layout, kind):
    """A flat (possibly missing) string/bytestring layout as an arrow array of ``kind``."""
    import pyarrow

    valid = None
    if layout.is_option:
        layout, valid = option_of_strings(layout)
    elif layout.is_indexed:
        layout = layout.project()
    array = string_to_arrow(layout, valid)
    arrow_type = pyarrow.large_string() if kind == "string" else pyarrow.large_binary()
    return array if array.type == arrow_type else array.cast(arrow_type)


def option_of_strings(option_layout):
    """(strings, valid) for an option-of-strings node: the strings with an empty one where
    missing (same length), and a numpy bool array, True where present."""
    index = _numpy_of(option_layout.to_IndexedOptionArray64().index.data)
    content = option_layout.content
    if content.is_indexed:
        content = content.project()
    valid = index >= 0
    if len(content) == len(index) and numpy.array_equal(
        numpy.where(valid, index, numpy.arange(len(index))), numpy.arange(len(index))
    ):
        # masked in place (ByteMasked/BitMasked/Unmasked, or an identity index): arrow's
        # validity bitmap goes over the strings as they are, no characters copied
        return content, valid
    content = content.to_ListOffsetArray64(False)
    offsets = _numpy_of(content.offsets.data)
    starts, stops = offsets[:-1], offsets[1:]
    safe = numpy.where(index < 0, 0, index)
    new_starts = numpy.where(index < 0, 0, starts[safe] if len(starts) else 0)
    new_stops = numpy.where(index < 0, 0, stops[safe] if len(stops) else 0)
    strings = ListArray(
        Index64(new_starts), Index64(new_stops), content.content, parameters=content.parameters
    ).to_ListOffsetArray64(False)
    return strings, valid


def list_of_strings_to_arrow(layout):
    """A list node whose content is strings (possibly missing) as a pyarrow large_list."""
    import pyarrow

    if layout.is_regular or not hasattr(layout, "offsets"):
        layout = layout.to_ListOffsetArray64(False)
    offsets = _numpy_of(layout.offsets.data).astype(numpy.int64, copy=False)
    content = layout.content
    valid = None
    if content.is_option:
        content, valid = option_of_strings(content)
    values = string_to_arrow(content, valid)
    return pyarrow.LargeListArray.from_arrays(pyarrow.array(offsets), values)


def _bools(array):
    """The values of a pyarrow boolean array (bit-packed) as a numpy bool array (False where
    null): one unpackbits of the data buffer."""
    bits = array.buffers()[1]
    offset, length = array.offset, len(array)
    if bits is None or length == 0:
        return numpy.zeros(length, numpy.bool_)
    packed = numpy.frombuffer(bits, numpy.uint8)
    out = numpy.unpackbits(packed, count=offset + length, bitorder="little")[offset:].view(
        numpy.bool_
    )
    valid = _valid_mask(array)
    return out if valid is None else out & valid


def _valid_mask(array):
    """numpy bool array, True where present, or None when the array has no nulls."""
    if array.null_count == 0:
        return None
    bitmap = array.buffers()[0]
    if bitmap is None:  # null type, or a union: nulls without a validity buffer
        return numpy.asarray(array.is_valid().to_numpy(zero_copy_only=False), dtype=numpy.bool_)
    packed = numpy.frombuffer(bitmap, numpy.uint8)
    bits = numpy.unpackbits(packed, count=array.offset + len(array), bitorder="little")
    return bits[array.offset :].view(numpy.bool_)


def arrow_to_layout(array, kind=None, force_option=False, ignore_nulls=False):
    """A pyarrow array (a compute result) as a layout; text/binary results become strings of
    ``kind`` when given (bytestrings that pyarrow saw as text stay bytestrings).

    ``force_option``: an option type even without nulls (what 2.14 gives for index_in and
    extract_regex); ``ignore_nulls``: drop the validity (2.14's ``join`` gives "" there)."""
    import pyarrow.types as pt

    arrow_type = array.type
    length = len(array)
    valid = None if ignore_nulls else _valid_mask(array)
    offset = array.offset
    if pt.is_dictionary(arrow_type):
        indices = array.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(numpy.int64)
        dictionary = arrow_to_layout(array.dictionary, kind)
        if valid is not None or force_option:
            return IndexedOptionArray(
                Index64(indices), dictionary, parameters={"__array__": "categorical"}
            )
        return IndexedArray(Index64(indices), dictionary, parameters={"__array__": "categorical"})
    if (
        pt.is_string(arrow_type)
        or pt.is_large_string(arrow_type)
        or pt.is_binary(arrow_type)
        or pt.is_large_binary(arrow_type)
    ):
        if kind is None:
            text = pt.is_string(arrow_type) or pt.is_large_string(arrow_type)
            kind = "string" if text else "bytestring"
        large = pt.is_large_string(arrow_type) or pt.is_large_binary(arrow_type)
        buffers = array.buffers()
        offsets = numpy.frombuffer(buffers[1], dtype=numpy.int64 if large else numpy.int32)[
            offset : offset + length + 1
        ]
        chars = (
            numpy.frombuffer(buffers[2], dtype=numpy.uint8)
            if buffers[2] is not None and buffers[2].size
            else numpy.zeros(0, numpy.uint8)
        )
        if len(chars) < (offsets[-1] if len(offsets) else 0):
            chars = numpy.zeros(int(offsets[-1]), numpy.uint8)  # arrow left no data buffer
        out = ListOffsetArray(
            (Index64 if large else Index32)(offsets),
            NumpyArray(chars, parameters={"__array__": _CHAR_PARAMETER[kind]}),
            parameters={"__array__": kind},
        )
    elif pt.is_list(arrow_type) or pt.is_large_list(arrow_type):
        large = pt.is_large_list(arrow_type)
        offsets = array.offsets.to_numpy(zero_copy_only=False)
        content = arrow_to_layout(array.values, kind)
        out = ListOffsetArray((Index64 if large else Index32)(offsets), content)
    elif pt.is_struct(arrow_type):
        fields = [arrow_type.field(i).name for i in range(arrow_type.num_fields)]
        contents = [
            arrow_to_layout(array.field(i), kind, force_option=force_option)
            for i in range(len(fields))
        ]
        out = RecordArray(contents, fields, length=length)
    elif pt.is_boolean(arrow_type):
        out = NumpyArray(_bools(array))
    elif pt.is_integer(arrow_type) or pt.is_floating(arrow_type):
        filled = array.fill_null(0) if array.null_count else array
        out = NumpyArray(numpy.asarray(filled.to_numpy(zero_copy_only=False)))
    elif pt.is_null(arrow_type):
        valid = numpy.zeros(length, numpy.bool_)
        out = NumpyArray(numpy.zeros(length, numpy.float64))
    else:
        raise NotImplementedError(f"ak.str: pyarrow result of type {arrow_type} is not supported")
    if valid is None and not force_option:
        return out
    if valid is None:
        valid = numpy.ones(length, numpy.bool_)
    bits = numpy.packbits(valid, bitorder="little")
    return BitMaskedArray(IndexU8(bits), out, valid_when=True, length=length, lsb_order=True)


def joined_to_layout(result, kind):
    """A binary_join result as strings with int32 offsets (2.14's form for ak.str.join)."""
    import pyarrow

    narrow = pyarrow.string() if pyarrow.types.is_large_string(result.type) else pyarrow.binary()
    return arrow_to_layout(result.cast(narrow), kind=kind, ignore_nulls=True)


def join_lists(lists, separators, kind):
    """binary_join of a list-of-strings node with one separator string per list."""
    import pyarrow.compute as pc

    valid = None
    if separators.is_option:
        separators, valid = option_of_strings(separators)
    result = pc.binary_join(list_of_strings_to_arrow(lists), string_to_arrow(separators, valid))
    return joined_to_layout(result, kind)


def join_element_wise(string_nodes):
    """binary_join_element_wise of string nodes of one length (the last: the separators)."""
    import pyarrow.compute as pc

    nodes = [x for x in string_nodes if not isinstance(x, (str, bytes))]
    kind = nodes[0].parameter("__array__")
    arrays = [
        arrow_scalar(x, kind) if isinstance(x, (str, bytes)) else string_to_arrow(x)
        for x in string_nodes
    ]
    return arrow_to_layout(pc.binary_join_element_wise(*arrays), kind=kind)


def repeat_strings(strings, counts):
    """binary_repeat of a string node with one (integer) count per string."""
    import pyarrow
    import pyarrow.compute as pc

    (numbers,) = concrete(counts.data)
    result = pc.binary_repeat(
        string_to_arrow(strings), pyarrow.array(numpy.asarray(numbers, numpy.int64))
    )
    return arrow_to_layout(result, kind=strings.parameter("__array__"))
