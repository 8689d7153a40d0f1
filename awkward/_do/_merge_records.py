"""merge_option_of_records / merge_union_of_records: records pulled out of options and unions.

``?{x: A, y: B}`` at an axis becomes ``{x: ?A, y: ?B}`` (one index shared by every field, no
field data read). A union of records at an axis becomes one record holding every field of
every member: a field is the concatenation of the members' fields (``merge_layouts``: numbers
of different types merge, others become unions) taken in the order of the union's elements,
and is an option where some member lacks it. A union that also holds non-records is left as
it is; members that are options of records make the merged record an option.
"""

from __future__ import annotations

from awkward._do._apply import recursively_apply
from awkward._do._axis import check_posaxis, maybe_posaxis, regularize_axis
from awkward._nplikes.dtypes import int64
from awkward.contents import IndexedOptionArray, RecordArray
from awkward.contents._merge import merge_layouts
from awkward.contents.content import concrete, length_of, unknown_length
from awkward.index import Index64

__all__ = ["merge_option_of_records", "merge_union_of_records"]


def _check_axis(layout, axis, function):
    axis = regularize_axis(axis, function, none_allowed=False)
    low, high = layout.form.minmax_depth
    if axis < 0 and low != high:
        raise TypeError(
            f"ak.{function}: cannot {function} with axis={axis} if the array has multiple levels "
            f"of nesting depth; this array has depths from {low} to {high} (inclusive); try "
            "setting axis to a non-negative value"
        )
    check_posaxis(function, axis, layout)
    return axis


def _walk_at_axis(layout, axis, function, convert):
    def action(node, depth, **kwargs):
        posaxis = maybe_posaxis(node, axis, depth)
        if posaxis is not None and depth == posaxis + 1:
            return convert(node)
        return None

    return recursively_apply(layout, action, function_name=f"ak.{function}")


def merge_option_of_records(layout, axis=-1):
    """Options of records at ``axis`` become records of options."""
    function = "merge_option_of_records"
    axis = _check_axis(layout, axis, function)

    def convert(node):
        if not (node.is_option and node.content.is_record):
            return None
        indexed = node.to_IndexedOptionArray64()
        record = indexed.content
        contents = [IndexedOptionArray.simplified(indexed.index, c) for c in record.contents]
        return RecordArray(
            contents,
            None if record.is_tuple else record.fields,
            length_of(indexed),
            parameters=record.parameters or None,
        )

    return _walk_at_axis(layout, axis, function, convert)


def merge_union_of_records(layout, axis=-1):
    """Unions of records (or options of records) at ``axis`` become one record (see module doc)."""
    function = "merge_union_of_records"
    axis = _check_axis(layout, axis, function)

    def convert(node):
        if not node.is_union:
            return None
        members = [_record_member(c) for c in node.contents]
        if any(m is None for m in members):
            return None
        return _merge_union(node, members)

    return _walk_at_axis(layout, axis, function, convert)


def _record_member(content):
    """(outer index or None, record) for a record or an option of a record, else None."""
    if content.is_record:
        return None, content
    if content.is_option and content.content.is_record:
        indexed = content.to_IndexedOptionArray64()
        (outer,) = concrete(indexed.index.data)
        return outer, indexed.content
    return None


def _merge_union(node, members):
    nplike = node.backend.index_nplike
    tags, index = concrete(node.tags.data, node.index.data)
    n = tags.shape[0]
    tags = nplike.astype(tags, int64)
    index = nplike.astype(index[:n], int64)
    # position of each element inside its member's record (-1: the option member is None)
    inner = nplike.zeros(n, dtype=int64)
    selected = []
    for k, (outer, _) in enumerate(members):
        mask = tags == k
        selected.append(mask)
        inner[mask] = index[mask] if outer is None else nplike.astype(outer, int64)[index[mask]]
    missing = inner < 0
    any_option = any(outer is not None for outer, _ in members)
    records = [record for _, record in members]
    fields = _merged_fields(records)
    contents = [
        _merged_field(nplike, records, selected, inner, missing, field, n) for field in fields
    ]
    is_tuple = all(r.is_tuple for r in records) and all(len(r.fields) == len(fields) for r in records)
    parameters = records[0].parameters
    if any(r.parameters != parameters for r in records):
        parameters = None
    out = RecordArray(contents, None if is_tuple else fields, n, parameters=parameters or None)
    if any_option:
        outer = nplike.where(missing, -1, nplike.arange(n, dtype=int64))
        return IndexedOptionArray(Index64(outer, nplike=nplike), out)
    return out


def _merged_fields(records):
    fields = []
    for record in records:
        for field in record.fields:
            if field not in fields:
                fields.append(field)
    return fields


def _merged_field(nplike, records, selected, inner, missing, field, n):
    pieces, starts, start = [], {}, 0
    for k, record in enumerate(records):
        if field in record.fields:
            piece = record.content(field)._getitem_range(0, length_of(record))
            pieces.append(piece)
            starts[k] = start
            start += length_of(piece)
    merged = pieces[0] if len(pieces) == 1 else merge_layouts(pieces)
    positions = nplike.full(n, -1, dtype=int64)
    for k, mask in enumerate(selected):
        if k in starts:
            positions[mask] = starts[k] + inner[mask]
    positions = nplike.where(missing, -1, positions)
    everywhere = len(starts) == len(records)
    merged_length = length_of(merged)
    if everywhere and (merged_length is unknown_length or merged_length > 0):
        # present in every member: missing elements are the record's, not the field's
        return merged._carry(Index64(nplike.where(missing, 0, positions), nplike=nplike), True)
    return IndexedOptionArray.simplified(Index64(positions, nplike=nplike), merged)
