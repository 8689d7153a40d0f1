"""run_lengths: the lengths of the runs of equal values in the innermost dimension.

The runs never cross a list boundary. A string is one value (strings are compared whole).
Missing values and missing lists are dropped before counting, as awkward 2.14 does.
"""

from __future__ import annotations

from awkward._do._apply import recursively_apply
from awkward._do._flatten import is_string
from awkward._nplikes.dtypes import bool_, int64
from awkward.contents.content import as_length, concrete, length_of, unknown_length
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.numpyarray import NumpyArray
from awkward.index import Index64

__all__ = ["run_lengths"]


def _refuse(what):
    return NotImplementedError(f"ak.run_lengths: cannot compute run lengths of {what}")


def _is_value(layout) -> bool:
    """A node whose elements are the values compared (numbers, strings, nothing)."""
    return is_string(layout) or layout.is_unknown or (layout.is_numpy and not layout.inner_shape)


def _values(layout):
    """``layout`` (values, options of values) without missing values, checked."""
    if layout.is_option or layout.is_indexed:
        layout = layout.project()
    if layout.is_union:
        raise _refuse("a union of different types of values")
    if layout.is_record:
        raise _refuse("records")
    return layout


def _changes(values):
    """Boolean array: element i+1 differs from element i."""
    nplike = values.backend.index_nplike
    if values.is_unknown:
        return nplike.empty(0, dtype=bool_)
    if values.is_numpy:
        (data,) = concrete(values.data)
        return data[1:] != data[:-1]
    if not nplike.known_data:  # typetracer: strings read (offsets and characters), result unknown
        packed = values.to_ListOffsetArray64(False)
        concrete(packed.offsets.data, packed.content.data)
        return nplike.empty(length_of(values) - 1, dtype=bool_)
    # strings: compared as whole byte strings (rare enough for a Python loop)
    items = values.to_list()
    return nplike.asarray([a != b for a, b in zip(items[:-1], items[1:])], dtype=bool_)


def _runs(values, offsets):
    """(run lengths, offsets of the runs per list) for ``values`` cut by ``offsets`` (int64,
    starting at 0, ending at len(values))."""
    nplike = values.backend.index_nplike
    total = length_of(values)
    # starts[i]: a run begins at i; every offset (0 and total included) begins one, so the
    # positions of the starts end with total and their differences are the run lengths
    starts = nplike.zeros(total + 1, dtype=bool_)
    if total is unknown_length or total:
        starts[1:total] = _changes(values)
    starts[offsets] = True
    (positions,) = nplike.nonzero(starts)
    positions = nplike.astype(positions, int64, copy=False)
    lengths = positions[1:] - positions[:-1]
    run_offsets = nplike.astype(nplike.searchsorted(positions, offsets, side="left"), int64, copy=False)
    return lengths, run_offsets


def _list_runs(node):
    """A list node over values: the run lengths within each of its lists."""
    nplike = node.backend.index_nplike
    content = node.content
    if not hasattr(node, "_offsets") or node.is_regular:
        node = node.to_ListOffsetArray64(True)
    (offsets,) = concrete(node.offsets.data)
    first, last = as_length(offsets[0]), as_length(offsets[-1])
    content = node.content._getitem_range(first, last)
    if content.is_option or content.is_indexed:
        # missing values are dropped: each list keeps its present values
        valid = content.mask_as_bool(valid_when=True) if content.is_option else None
        if valid is not None:
            kept = nplike.concat([nplike.zeros(1, dtype=int64), nplike.cumsum(nplike.astype(valid, int64))])
            offsets = kept[offsets - first]
            first = 0
        content = content.project()
    values = _values(content)
    offsets = nplike.astype(offsets, int64, copy=False)
    lengths, run_offsets = _runs(values, offsets - first if first is unknown_length or first else offsets)
    # fresh int64 arrays of this backend: no validation needed
    return ListOffsetArray._from_checked(
        Index64(run_offsets, nplike=nplike), NumpyArray._from_checked(lengths, None, node.backend), None
    )


def run_lengths(layout):
    """Run lengths of equal consecutive values in the innermost dimension, one list of them
    per innermost list (for a one-dimensional array, one flat array)."""
    if _is_value(layout) or layout.is_option or layout.is_indexed:
        values = _values(layout)
        if not _is_value(values):
            return run_lengths(values)
        nplike = values.backend.index_nplike
        total = length_of(values)
        ends = nplike.asarray([0, total], dtype=int64) if total is not unknown_length else nplike.empty(2, dtype=int64)
        lengths, _ = _runs(values, ends)
        return NumpyArray(lengths, backend=values.backend)
    if layout.is_record:
        raise _refuse("records")

    def action(node, **kwargs):
        if node.is_option or node.is_indexed:
            # missing lists are dropped
            return recursively_apply(node.project(), action, numpy_to_regular=True)
        if node.is_record:
            raise _refuse("records")
        if node.is_union and any(_is_value(c) for c in node.contents):
            raise _refuse("a union of different types of values")
        if node.is_list and not is_string(node):
            inner = node.content
            while inner.is_option or inner.is_indexed:
                inner = inner.content
            if _is_value(inner):
                return _list_runs(node)
            if node.is_regular:
                return recursively_apply(
                    node.to_ListOffsetArray64(False), action, numpy_to_regular=True,
                    keep_parameters=False,
                )
        return None

    return recursively_apply(layout, action, numpy_to_regular=True, keep_parameters=False)
