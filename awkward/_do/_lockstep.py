"""Broadcasting that reads nothing while the inputs share their structure.

``broadcast_shared(inputs, action, ...)`` has the contract of ``_broadcasting.broadcast_and_apply``
(``action(inputs, *, depth, backend)`` returns a tuple of layouts or None to descend), but it
first walks the inputs in lockstep as long as, at each level, every layout input is the same
kind of node over the same structure buffers (the same offsets, starts/stops, index, mask or
tags: the same Index object, the same virtual buffer or the same memory, decided from metadata).
Such nodes need no comparison: the output node reuses those buffers unread. This is the common
case of fields of one collection (``events.jets.pt`` and ``events.jets.eta``) and of scalars.
Where the structures differ, the rest of the walk is handed to ``broadcast_and_apply``, which
compares counts and realigns.
"""

from __future__ import annotations

from awkward._broadcasting import broadcast_and_apply, project_indexed
from awkward._nplikes.dtypes import int64
from awkward._parameters import parameters_intersect
from awkward.contents._typetracer import typetracer_wins
from awkward.contents.content import (
    Content,
    concrete,
    length_of,
    maybe_equal,
    unknown_length,
)

__all__ = ["broadcast_shared", "is_string_like", "same_index"]


def is_string_like(layout) -> bool:
    """A string or bytestring list node: one value for broadcasting and zipping, not a list."""
    return layout.is_list and layout.parameter("__array__") in ("string", "bytestring")


def same_index(a, b) -> bool:
    """The two Index objects hold the same values by construction (no buffer is read)."""
    if a is b:
        return True
    if a.dtype != b.dtype:
        return False
    return a.nplike.same_buffer(a.data, b.data)


def equal_index(a, b) -> bool:
    """Same values: free when they are the same buffer, else one comparison pass (this reads
    both; broadcasting would read them too, and compare more)."""
    if same_index(a, b):
        return True
    if a.length is not b.length and not maybe_equal(length_of_index(a), length_of_index(b)):
        return False
    x, y = concrete(a.data, b.data)
    if not a.nplike.known_data:
        # tracers (read above, as the eager comparison reads them) cannot be compared, as in
        # 2.14: not known to be equal, so the general path (broadcasting)
        return False
    return a.nplike.array_equal(x, y)


def length_of_index(index):
    """An Index's length, unknown_length for a typetracer's of unknown length."""
    return index.data.shape[0]


def broadcast_shared(
    inputs,
    action,
    *,
    function_name,
    right_broadcast=False,
    left_broadcast=True,
    broadcast_parameters_rule="intersect",
):
    """Broadcast ``inputs`` (layouts and scalars) and apply ``action``; see the module doc.

    Returns a tuple of output layouts."""
    inputs = typetracer_wins(list(inputs))
    contents = [x for x in inputs if isinstance(x, Content)]
    backend = contents[0].backend
    for x in contents[1:]:
        if x.backend is not backend:
            raise ValueError(
                f"{function_name}: cannot broadcast arrays on different backends "
                f"({backend.name!r} and {x.backend.name!r}); move them with ak.to_backend"
            )
    walk = _Lockstep(action, function_name, left_broadcast, broadcast_parameters_rule)
    if right_broadcast and _regular_ndims_differ(contents):
        # NumPy-style right alignment is a whole-array decision: broadcasting does it
        return walk.fallback(inputs, 1, right_broadcast=True)
    _check_lengths(contents, function_name)
    return walk.apply(inputs, 1)


def _check_lengths(contents, function_name):
    first = contents[0].length
    for x in contents[1:]:
        if x.length is first:
            continue
        lengths = {length_of(c) for c in contents}
        lengths.discard(unknown_length)  # a typetracer's unknown length agrees with any
        if len(lengths) > 1:
            described = ", ".join(str(length_of(c)) for c in contents)
            raise ValueError(
                f"{function_name}: cannot broadcast arrays of different lengths ({described}): "
                "the outermost dimension must agree"
            )
        return


def _regular_ndim(layout):
    ndim = 0
    while layout.is_regular:
        ndim += 1
        layout = layout.content
    if layout.is_numpy:
        return ndim + len(layout.shape)
    return None


def _regular_ndims_differ(contents) -> bool:
    ndims = {_regular_ndim(x) for x in contents}
    return None not in ndims and len(ndims) > 1


class _Lockstep:
    __slots__ = ("action", "name", "left_broadcast", "rule")

    def __init__(self, action, name, left_broadcast, rule):
        self.action = action
        self.name = name
        self.left_broadcast = left_broadcast
        self.rule = rule

    def fallback(self, inputs, depth, right_broadcast=False):
        """``broadcast_and_apply`` from this level down (its depth counts from 1)."""
        action, shift = self.action, depth - 1

        def shifted(inputs, *, depth, backend):
            return action(inputs, depth=depth + shift, backend=backend)

        return broadcast_and_apply(
            inputs,
            shifted,
            left_broadcast=self.left_broadcast,
            right_broadcast=right_broadcast,
            broadcast_parameters_rule=self.rule,
            function_name=self.name,
        )

    def apply(self, inputs, depth):
        contents = [x for x in inputs if isinstance(x, Content)]
        result = self.action(inputs, depth=depth, backend=contents[0].backend)
        if result is not None:
            return tuple(result)
        first = contents[0]
        cls = type(first)
        if len(contents) > 1 and any(_indexed_record(x) for x in contents):
            # records behind an IndexedArray meet the others as records (as in awkward 2.14),
            # the index going into each field unread; broadcast_and_apply does the same, but
            # here inputs sharing that index would otherwise keep it outside the records
            inputs = [project_indexed(x) if isinstance(x, Content) and _indexed_record(x) else x for x in inputs]
            return self.apply(inputs, depth)
        if self.left_broadcast and _left_broadcastable(contents):
            return self._into_lists(inputs, contents, depth)
        if any(type(x) is not cls for x in contents[1:]) or not _descends(first):
            return self.fallback(inputs, depth)
        if (first.is_list and any(is_string_like(x) for x in contents)) or not _shared(contents):
            return self.fallback(inputs, depth)
        if first.is_union:
            return self._union(inputs, contents, depth)
        if first.is_regular:
            length = first.length
            size = first.size
            inner = [_regular_content(x, length, size) if isinstance(x, Content) else x for x in inputs]
        else:
            inner = [x.content if isinstance(x, Content) else x for x in inputs]
        outputs = self.apply(inner, depth + 1 if first.is_list else depth)
        parameters = self._parameters(contents)
        return tuple(_rebuild(first, out, parameters) for out in outputs)

    def _into_lists(self, inputs, contents, depth):
        """Values (numbers, strings, records) repeated into the lists of ListOffsetArrays that
        share their offsets: one ``repeat`` of the row numbers, the offsets reused."""
        lists = [x for x in contents if x.is_list and not is_string_like(x)]
        template = lists[0]
        nplike = template.backend.index_nplike
        (offsets,) = concrete(template.offsets.data)
        offsets = nplike.astype(offsets, int64, copy=False)
        start, stop = int(offsets[0]), int(offsets[-1])
        counts = offsets[1:] - offsets[:-1]
        from awkward.contents import ListOffsetArray
        from awkward.index import Index64

        parents = Index64(nplike.repeat(nplike.arange(len(counts), dtype=int64), counts), nplike=nplike)
        listed = {id(x) for x in lists}
        inner = []
        for x in inputs:
            if not isinstance(x, Content):
                inner.append(x)
            elif id(x) in listed:
                inner.append(x.content._getitem_range(start, stop))
            else:
                inner.append(x._carry(parents, True))
        outputs = self.apply(inner, depth + 1)
        parameters = self._parameters(lists)
        out_offsets = template.offsets if start == 0 else Index64(offsets - start, nplike=nplike)
        return tuple(ListOffsetArray(out_offsets, out, parameters=parameters) for out in outputs)

    def _union(self, inputs, contents, depth):
        first = contents[0]
        per_content = []
        for i in range(len(first.contents)):
            inner = [x.contents[i] if isinstance(x, Content) else x for x in inputs]
            per_content.append(self.apply(inner, depth))
        parameters = self._parameters(contents)
        return tuple(
            type(first).simplified(
                first.tags, first.index, [outs[j] for outs in per_content], parameters=parameters
            )
            for j in range(len(per_content[0]))
        )

    def _parameters(self, nodes):
        if self.rule == "none":
            return None
        out = nodes[0]._parameters
        for node in nodes[1:]:
            out = parameters_intersect(out, node._parameters)
        return out


def _left_broadcastable(contents) -> bool:
    """Some ListOffsetArrays with equal offsets, the other inputs one value per element
    (1-d numbers, strings, records): the values go into the lists without broadcasting."""
    lists, values = [], 0
    for x in contents:
        if x.is_list and not is_string_like(x):
            if type(x).__name__ != "ListOffsetArray":
                return False
            lists.append(x)
        elif (x.is_numpy and not x.inner_shape) or x.is_record or is_string_like(x):
            values += 1
        else:
            return False
    if not lists or not values:
        return False
    return all(equal_index(lists[0].offsets, x.offsets) for x in lists[1:])


def _indexed_record(layout) -> bool:
    return layout.is_indexed and not layout.is_option and layout.content.is_record


def _descends(layout) -> bool:
    return not (layout.is_numpy or layout.is_unknown or layout.is_record)


def _shared(contents) -> bool:
    """Every node has the same structure buffers as the first (same class already checked)."""
    first = contents[0]
    name = type(first).__name__
    for other in contents[1:]:
        if name == "ListOffsetArray":
            ok = equal_index(first.offsets, other.offsets)
        elif name == "ListArray":
            ok = equal_index(first.starts, other.starts) and equal_index(first.stops, other.stops)
        elif name == "RegularArray":
            ok = first.size == other.size
        elif name in ("IndexedArray", "IndexedOptionArray"):
            ok = equal_index(first.index, other.index)
        elif name == "ByteMaskedArray":
            ok = first.valid_when == other.valid_when and equal_index(first.mask, other.mask)
        elif name == "BitMaskedArray":
            ok = (
                first.valid_when == other.valid_when
                and first.lsb_order == other.lsb_order
                and first.length is other.length
                and equal_index(first.mask, other.mask)
            )
        elif name == "UnmaskedArray":
            ok = True
        elif name == "UnionArray":
            ok = (
                len(first.contents) == len(other.contents)
                and equal_index(first.tags, other.tags)
                and equal_index(first.index, other.index)
            )
        else:
            ok = False
        if not ok:
            return False
    return True


def _regular_content(layout, length, size):
    # a RegularArray's content may run past length * size: keep what the lists cover
    content = layout.content
    if not isinstance(length, int):
        return content
    stop = length * size
    if isinstance(content.length, int) and content.length == stop:
        return content
    return content._getitem_range(0, stop)


def _rebuild(node, content, parameters):
    """``node`` (a list, option or indexed node) around a new ``content``, buffers reused;
    option and indexed nodes stay canonical through their ``simplified`` constructors."""
    name = type(node).__name__
    cls = type(node)
    if node.is_list:
        return node.copy(content=content, parameters=parameters)
    if name in ("IndexedArray", "IndexedOptionArray"):
        return cls.simplified(node.index, content, parameters=parameters)
    if name == "ByteMaskedArray":
        return cls.simplified(node.mask, content, node.valid_when, parameters=parameters)
    if name == "BitMaskedArray":
        return cls.simplified(
            node.mask, content, node.valid_when, node.length, node.lsb_order,
            node._length_generator, parameters=parameters,
        )
    return cls.simplified(content, parameters=parameters)
