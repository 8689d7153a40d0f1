"""flatten (one list dimension merged into its parent) and remove_structure (every dimension
removed: the flat pieces behind ak.flatten(axis=None), ak.ravel and the axis=None reducers).

The core is ``list_items(layout)``: the items of every element of ``layout`` (elements that
are lists, possibly behind options, indexes and unions) one after the other, with the number
each element contributes. A ListOffsetArray whose offsets start at 0 and cover its content
gives that content itself: no copy, no read beyond the offsets.
"""

from __future__ import annotations

from awkward._do._apply import recursively_apply
from awkward._do._axis import maybe_posaxis
from awkward._do._num import exceeds_depth, list_counts, offsets_from_counts
from awkward._nplikes.dtypes import float64, int8, int64
from awkward.contents._merge import merge_layouts
from awkward.contents.content import as_length, concrete, length_of, unknown_length
from awkward.contents.indexedoptionarray import IndexedOptionArray
from awkward.contents.listarray import ListArray
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.unionarray import UnionArray
from awkward.errors import AxisError
from awkward.index import Index8, Index64

__all__ = ["flatten", "ravel", "remove_structure", "list_items", "is_string", "holds_unknown"]

_STRINGS = ("string", "bytestring")


def is_string(layout) -> bool:
    return layout.is_list and layout.parameter("__array__") in _STRINGS


def _strings_error(function):
    return ValueError(
        f"{function}: an array of strings cannot be flattened (its lists are characters); "
        "to flatten the characters, drop the '__array__' parameter first "
        "(ak.without_parameters, ak.with_parameter or ak.enforce_type)"
    )


def _records_error(function):
    return ValueError(
        f"{function}: arrays of records cannot be flattened (but their contents can be; "
        "try a different 'axis')"
    )


def _range(layout, start, stop):
    if start is unknown_length or stop is unknown_length:  # typetracer
        return layout._getitem_range(start, stop)
    if start == 0 and stop == len(layout):
        return layout
    return layout._getitem_range(start, stop)


def list_items(layout, need_counts=True, *, function="ak.flatten", axis=1, depth=1):
    """``(counts, flat)``: ``flat`` holds the items of the elements of ``layout`` in order,
    ``counts`` (int64, or None when not ``need_counts``) how many each element has (0 for a
    missing one). ``depth`` is the depth of these elements, for error messages."""
    nplike = layout.backend.index_nplike
    if is_string(layout):
        raise _strings_error(function)
    if layout.is_unknown:  # no elements: lists of any depth, as in 2.14
        return (nplike.zeros(0, dtype=int64) if need_counts else None), layout
    if layout.is_numpy and len(layout.inner_shape) > 0:
        layout = layout.to_RegularArray()
    if layout.is_regular:
        flat = _range(layout.content, 0, length_of(layout) * layout.size)
        return (list_counts(layout) if need_counts else None), flat
    if layout.is_list:
        if not hasattr(layout, "_offsets"):
            layout = layout.to_ListOffsetArray64(False)
        (offsets,) = concrete(layout.offsets.data)
        flat = _range(layout.content, as_length(offsets[0]), as_length(offsets[-1]))
        if not need_counts:
            return None, flat
        counts = offsets[1:] - offsets[:-1]
        return (counts if counts.dtype == int64 else nplike.astype(counts, int64)), flat
    if layout.is_record:
        raise _records_error(function)
    if layout.is_option:
        counts, flat = list_items(layout.project(), need_counts, function=function, axis=axis, depth=depth)
        if need_counts:
            full = nplike.zeros(len(layout), dtype=int64)
            full[layout.mask_as_bool(valid_when=True)] = counts
            counts = full
        return counts, flat
    if layout.is_indexed:
        return list_items(layout.project(), need_counts, function=function, axis=axis, depth=depth)
    if layout.is_union:
        return _union_items(layout, function, axis, depth)
    raise exceeds_depth(function, axis, depth)


def _union_items(layout, function, axis, depth):
    """The items of a union's elements: a union of the flattened branches, in element order."""
    nplike = layout.backend.index_nplike
    tags, index = layout._tags_index()
    counts = nplike.zeros(tags.shape[0], dtype=int64)
    starts = nplike.zeros(tags.shape[0], dtype=int64)
    flats = []
    for tag, content in enumerate(layout.contents):
        branch_counts, flat = list_items(content, True, function=function, axis=axis, depth=depth)
        selected = tags == tag
        picked = index[selected]
        counts[selected] = branch_counts[picked]
        starts[selected] = offsets_from_counts(nplike, branch_counts)[picked]
        flats.append(flat)
    offsets = offsets_from_counts(nplike, counts)
    total = as_length(offsets[-1])
    new_tags = nplike.astype(nplike.repeat(tags, counts), int8)
    new_index = nplike.arange(total, dtype=int64) + nplike.repeat(starts - offsets[:-1], counts)
    new_tags, new_index = Index8(new_tags, nplike=nplike), Index64(new_index, nplike=nplike)
    try:  # as in 2.14, the branches' items stay a union (even if they could merge)
        flat = UnionArray(new_tags, new_index, flats)
    except TypeError:  # a branch holds unions or indexes: the canonical union
        flat = UnionArray.simplified(new_tags, new_index, flats)
    return counts, flat


def _flatten_inside(layout, axis, depth):
    """``layout`` (a list node at ``depth``) with the lists of its content merged into it."""
    nplike = layout.backend.index_nplike
    content = layout.content
    parameters = layout._parameters
    if hasattr(layout, "_offsets") and hasattr(content, "_offsets") and not is_string(content):
        # offsets of offsets: no cumulative sum, the inner content is used as it is
        outer, inner = concrete(layout.offsets.data, content.offsets.data)
        new_offsets = nplike.astype(inner[outer], int64)
        return ListOffsetArray(Index64(new_offsets, nplike=nplike), content.content, parameters=parameters)
    counts, flat = list_items(content, True, function="ak.flatten", axis=axis, depth=depth + 1)
    cumulative = offsets_from_counts(nplike, counts)
    if layout.is_regular:
        size, length = layout.size, length_of(layout)
        known_size = size is not unknown_length  # (unknown: a tracer's to_regular)
        bounds = cumulative[nplike.arange(0, (length + 1) * size, size, dtype=int64)] if not known_size or size else (
            nplike.zeros(length + 1, dtype=int64)
        )
        return ListOffsetArray(Index64(bounds, nplike=nplike), flat, parameters=parameters)
    if hasattr(layout, "_offsets"):
        (offsets,) = concrete(layout.offsets.data)
        return ListOffsetArray(Index64(cumulative[offsets], nplike=nplike), flat, parameters=parameters)
    starts, stops = concrete(layout.starts.data, layout.stops.data)
    length = starts.shape[0]
    return ListArray(
        Index64(cumulative[starts], nplike=nplike),
        Index64(cumulative[stops[:length]], nplike=nplike),
        flat,
        parameters=parameters,
    )


def holds_unknown(layout) -> bool:
    """Whether an EmptyArray is reachable in ``layout`` (structure only: nothing is read).
    awkward 2.14 takes an EmptyArray for lists of any depth in flatten and combinations."""
    if layout.is_unknown:
        return True
    return any(holds_unknown(x) for x in layout.contents)


def _drop_missing(layout):
    if layout.is_option:
        return layout.project()
    return layout


def flatten(layout, axis=1):
    """One list dimension removed: the lists at ``axis`` are concatenated within their
    parent lists (``axis=0``: missing values of the outer dimension dropped; ``axis=None``:
    every dimension removed and missing values dropped)."""
    if axis is None:
        pieces = remove_structure(layout, function_name="ak.flatten", drop_nones=True)
        return pieces[0] if len(pieces) == 1 else merge_layouts(pieces)
    posaxis = maybe_posaxis(layout, axis, 1)
    if layout.is_unknown:  # 2.14: any axis flattens an EmptyArray; axis 0 gives float64
        return layout.to_NumpyArray(float64) if posaxis == 0 else layout
    if posaxis == 0:
        return _drop_missing(layout)
    if posaxis == 1:
        return list_items(layout, False, axis=axis)[1]
    if posaxis is not None and posaxis < 0 and not holds_unknown(layout):
        raise exceeds_depth("ak.flatten", axis, layout.form.minmax_depth[1])

    def action(node, depth, **kwargs):
        if node.is_unknown:  # no lists to flatten, at any depth (2.14)
            return node
        if depth == 1 and node.is_option and node.content.is_unknown:
            return node.content  # only missing values, none of them lists: 2.14 drops them
        posaxis = maybe_posaxis(node, axis, depth)
        if posaxis is None:
            return None
        if 0 <= posaxis <= depth:
            raise AxisError(
                f"ak.flatten: axis={axis} means axis 0 of a field of this record array (its "
                "fields have different depths), which cannot be flattened there; use a "
                "non-negative axis"
            )
        if node.is_list and not is_string(node) and depth == posaxis - 1:
            return _flatten_inside(node, axis, depth)
        if is_string(node) or node.is_leaf:
            raise exceeds_depth("ak.flatten", axis, depth)
        return None

    # not simplified: a union of lists stays a union of flattened lists, as in 2.14
    return recursively_apply(
        layout, action, numpy_to_regular=True, return_simplified=False, function_name="ak.flatten"
    )


# ---------------------------------------------------------------------- remove_structure
def remove_structure(
    layout,
    flatten_records=True,
    function_name=None,
    drop_nones=True,
    keepdims=False,
    allow_records=True,
    list_to_regular=False,
):
    """Every list dimension removed: a tuple of flat contents whose concatenation is all the
    values of ``layout`` in order (one piece per record field when ``flatten_records``, per
    union branch when a union holds lists). Missing lists contribute nothing; missing values
    are dropped when ``drop_nones``. With ``keepdims`` each removed dimension leaves one list
    around the pieces (a RegularArray when ``list_to_regular``), as reducers need."""
    options = {
        "flatten_records": flatten_records,
        "function": function_name or "remove_structure",
        "drop_nones": drop_nones,
        "keepdims": keepdims,
        "allow_records": allow_records,
        "list_to_regular": list_to_regular,
    }
    return tuple(_remove(layout, options))


def _is_atom(layout) -> bool:
    return is_string(layout) or layout.is_unknown or (layout.is_numpy and not layout.inner_shape)


def _keepdims(piece, options):
    from awkward.contents.regulararray import RegularArray

    nplike = piece.backend.index_nplike
    length = length_of(piece)
    if options["list_to_regular"]:
        return RegularArray(piece, length, 1)
    if length is unknown_length:  # the typetracer: offsets [0, ??]
        offsets = nplike.empty(2, dtype=int64)
    else:
        offsets = nplike.asarray([0, length], dtype=int64)
    return ListOffsetArray(Index64(offsets, nplike=nplike), piece)


def _remove(layout, options) -> list:
    if _is_atom(layout):
        return [layout]
    if layout.is_list or layout.is_numpy:
        flat = list_items(layout, False, function=options["function"])[1]
        pieces = _remove(flat, options)
        if options["keepdims"]:
            return [_keepdims(piece, options) for piece in pieces]
        return pieces
    if layout.is_indexed and not layout.is_option:
        return _remove(layout.project(), options)
    if layout.is_option:
        content = layout.content
        if options["drop_nones"] or not (content.is_record or _is_atom(content)):
            return _remove(layout.project(), options)
        if content.is_record and options["flatten_records"]:
            index = layout.to_IndexedOptionArray64().index
            out = []
            for field in content.contents:
                out.extend(_remove(IndexedOptionArray.simplified(index, field), options))
            return out
        if content.is_record and not options["allow_records"]:
            raise _no_records(options)
        return [layout]
    if layout.is_union:
        if all(_is_atom(c) or (c.is_option and _is_atom(c.content)) for c in layout.contents):
            return [layout]
        if all(_holds_lists(c) for c in layout.contents):
            # one level flattened in element order (per-branch pieces would reorder values)
            return _remove_list_union(layout, options)
        out = []
        for tag in range(len(layout.contents)):
            out.extend(_remove(layout.project(tag), options))
        return out
    if layout.is_record:
        if not options["flatten_records"]:
            if not options["allow_records"]:
                raise _no_records(options)
            return [layout]
        length = length_of(layout)
        out = []
        for field in layout.contents:
            out.extend(_remove(_range(field, 0, length), options))
        return out
    raise TypeError(f"{options['function']}: unexpected layout {type(layout).__name__}")


def _holds_lists(layout) -> bool:
    while layout.is_option or layout.is_indexed:
        layout = layout.content
    return (layout.is_list and not is_string(layout)) or (layout.is_numpy and bool(layout.inner_shape))


def _remove_list_union(layout, options) -> list:
    flat = list_items(layout, False, function=options["function"])[1]
    if flat.is_union:  # the flat values of every branch merge where they can
        flat = UnionArray.simplified(flat.tags, flat.index, flat.contents)
    pieces = _remove(flat, options)
    if options["keepdims"]:
        return [_keepdims(piece, options) for piece in pieces]
    return pieces


def _no_records(options):
    return ValueError(f"{options['function']}: cannot be applied to arrays of records")


def ravel(layout):
    """Every value of ``layout`` in one flat layout (missing values kept)."""
    pieces = remove_structure(layout, function_name="ak.ravel", drop_nones=False)
    return pieces[0] if len(pieces) == 1 else merge_layouts(pieces)
