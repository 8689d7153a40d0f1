"""Zipping and unzipping: arrays into records and records back into arrays (ak.zip,
ak.zip_no_broadcast, ak.unzip).

``zip_layouts`` broadcasts its inputs with ``broadcast_shared`` (``_lockstep.py``): inputs that
share their offsets (fields of one collection) are zipped without reading a buffer, others are
compared and realigned by the general broadcasting. The record is made at ``depth_limit`` or as
soon as every input is a single value per element (numbers, strings, records, unions of those);
options stay inside the record unless ``optiontype_outside_record``.
"""

from __future__ import annotations

from awkward._broadcasting import broadcast_scalar
from awkward._do._lockstep import broadcast_shared, is_string_like, same_index
from awkward._nplikes.dtypes import int64, uint8
from awkward._nplikes.shape import unknown_length
from awkward.contents.content import Content, concrete, length_of, maybe_equal

__all__ = [
    "scalar_column",
    "unzip_layout",
    "value_depth",
    "zip_layouts",
    "zip_no_broadcast_layouts",
]


def value_depth(layout) -> int:
    """Nesting depth of ``layout`` as zip sees it: 1 for one number, string or record per
    element; -1 for a union of contents of different depths. Reads no buffer."""
    if layout.is_numpy:
        return 1 + len(layout.inner_shape)
    if layout.is_unknown or layout.is_record:
        return 1
    if layout.is_list:
        return 1 if is_string_like(layout) else 1 + value_depth(layout.content)
    if layout.is_union:
        depths = {value_depth(c) for c in layout.contents}
        return depths.pop() if len(depths) == 1 else -1
    return value_depth(layout.content)


def scalar_column(value, length, backend):
    """A length-``length`` array repeating a scalar: numbers and bools as NumpyArrays,
    str/bytes as strings/bytestrings, None as an all-missing option. Reads nothing."""
    from awkward.contents import EmptyArray, IndexedOptionArray, ListOffsetArray, NumpyArray
    from awkward.index import Index64

    index_nplike = backend.index_nplike
    if value is None:
        index = Index64(index_nplike.full(length, -1, dtype=int64), nplike=index_nplike)
        return IndexedOptionArray(index, EmptyArray(backend=backend))
    if isinstance(value, (str, bytes)):
        raw = value.encode("utf-8") if isinstance(value, str) else value
        outer, inner = ("string", "char") if isinstance(value, str) else ("bytestring", "byte")
        size = len(raw)
        if size:
            offsets = index_nplike.arange(0, (length + 1) * size, size, dtype=int64)
        else:
            offsets = index_nplike.zeros(length + 1, dtype=int64)
        chars = backend.nplike.frombuffer(raw * length, dtype=uint8)
        return ListOffsetArray(
            Index64(offsets, nplike=index_nplike),
            NumpyArray(chars, parameters={"__array__": inner}, backend=backend),
            parameters={"__array__": outer},
        )
    return broadcast_scalar(value, length, backend)


def _record(inputs, fields, parameters, backend, length=None):
    """The record of ``inputs`` (layouts, and scalars repeated to the layouts' length)."""
    from awkward.contents import RecordArray

    contents = [x for x in inputs if isinstance(x, Content)]
    if len(contents) < len(inputs):
        if contents:
            length = min(len(x) for x in contents)
        inputs = [x if isinstance(x, Content) else scalar_column(x, length, backend) for x in inputs]
    # every input is a Content of this backend here: skip the constructor's checks
    lengths = [x.length for x in inputs]
    known = [n for n in lengths if n is not unknown_length]
    length = min(known) if len(known) == len(lengths) else unknown_length
    return RecordArray._from_checked(inputs, fields, length, None, parameters, backend)


def zip_layouts(
    inputs,
    fields,
    *,
    depth_limit=None,
    parameters=None,
    right_broadcast=False,
    optiontype_outside_record=False,
    function_name="ak.zip",
):
    """Zip ``inputs`` (layouts and scalars, at least one layout) into records named by
    ``fields`` (a list of str, or None for tuples). Returns a Content, or a layout Record
    when every input is a scalar."""
    if not any(isinstance(x, Content) for x in inputs):
        from awkward._backends import regularize_backend
        from awkward.record import Record

        return Record(_record(inputs, fields, parameters, regularize_backend("cpu"), 1), 0)

    def action(inputs, *, depth, backend):
        contents = [x for x in inputs if isinstance(x, Content)]
        if depth == depth_limit or all(value_depth(x) == 1 for x in contents):
            if optiontype_outside_record and any(x.is_option for x in contents):
                return None
            return (_record(inputs, fields, parameters, backend),)
        return None

    (out,) = broadcast_shared(
        inputs,
        action,
        function_name=function_name,
        right_broadcast=right_broadcast,
        broadcast_parameters_rule="intersect",
    )
    return out


def zip_no_broadcast_layouts(layouts, fields, *, parameters=None, function_name="ak.zip_no_broadcast"):
    """Zip arrays that already line up, without broadcasting: all NumpyArrays, or all
    ListOffsetArrays of NumpyArrays with the same offsets (the same buffer is not read)."""
    from awkward.contents import ListOffsetArray, NumpyArray, RecordArray

    if not all(isinstance(x, Content) for x in layouts):
        raise ValueError(
            f"{function_name}: all array layouts must be either NumpyArrays or ListOffsetArrays, "
            "not scalars"
        )
    lengths = {length_of(x) for x in layouts}
    if len(lengths) > 1 and unknown_length not in lengths:
        raise ValueError(
            f"{function_name}: all arrays must have the same length, not {sorted(lengths)}"
        )
    if len(lengths) > 1:  # tracers: some lengths unknown, so the length is unknown
        lengths = {unknown_length}
    if all(_is_rectilinear(x) for x in layouts):
        return RecordArray(layouts, fields, lengths.pop(), parameters=parameters)
    if not all(isinstance(x, ListOffsetArray) for x in layouts):
        kinds = ", ".join(sorted({type(x).__name__ for x in layouts}))
        raise ValueError(
            f"{function_name}: all array layouts must be either NumpyArrays or "
            f"ListOffsetArrays, not {kinds}"
        )
    if not all(isinstance(x.content, NumpyArray) for x in layouts):
        raise ValueError(
            f"{function_name}: can not (unsafe) zip ListOffsetArrays with non-NumpyArray contents"
        )
    first = layouts[0].offsets
    for other in layouts[1:]:
        if not _equal_offsets(first, other.offsets):
            raise ValueError(f"{function_name}: all ListOffsetArrays must have the same offsets")
    record = RecordArray([x.content for x in layouts], fields, parameters=parameters)
    # offsets of a valid ListOffsetArray, around contents of its backend (RecordArray checked)
    return ListOffsetArray._from_checked(first, record, None)


def _is_rectilinear(layout) -> bool:
    # a NumpyArray, possibly of several dimensions (RegularArrays over a NumpyArray)
    while layout.is_regular:
        layout = layout.content
    return layout.is_numpy


def _equal_offsets(a, b) -> bool:
    if same_index(a, b):
        return True
    if a.length is not b.length and not maybe_equal(a.data.shape[0], b.data.shape[0]):
        return False
    nplike = a.nplike
    x, y = concrete(a.data, b.data)
    if not nplike.known_data:
        return True  # tracers cannot be compared (2.14): taken as equal, both read
    return bool(nplike.array_equal(x, y))


def unzip_layout(layout, function_name="ak.unzip"):
    """[(field, layout of that field)] for the outermost records of ``layout`` (a Content or a
    layout Record), or [(None, layout)] when it has none. Reads no buffer."""
    _check_union_fields(layout if isinstance(layout, Content) else layout.array, function_name)
    fields = layout.fields
    if not fields:
        return [(None, layout)]
    if isinstance(layout, Content):
        return [(field, layout._getitem_field(field)) for field in fields]
    return [(field, layout[field]) for field in fields]


def _check_union_fields(layout, function_name):
    """A union reached before any record must have the same fields in every content."""
    while not (layout.is_record or layout.is_numpy or layout.is_unknown):
        if layout.is_union:
            sets = [frozenset(c.fields) for c in layout.contents]
            if any(s != sets[0] for s in sets[1:]):
                raise ValueError(f"{function_name}: union of different sets of fields, cannot unzip")
            for content in layout.contents:
                _check_union_fields(content, function_name)
            return
        layout = layout.content
