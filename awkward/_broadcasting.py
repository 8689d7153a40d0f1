"""Broadcasting: walk several layouts (and scalars) in lockstep down to their leaves.

``broadcast_and_apply(inputs, action)`` aligns the inputs node by node with awkward's rules
and calls ``action(inputs, depth=..., backend=...)`` at every level; the action returns a
tuple of output layouts when it can handle the level (for a ufunc: when every layout input
is a flat NumpyArray), or None to let broadcasting descend one more level.

Rules, in the order they are applied at one level:
  * scalars (anything that is not a Content) are passed along unchanged to every level;
  * multi-dimensional NumpyArrays become RegularArrays, EmptyArrays become float64;
  * indexed arrays are projected (an IndexedArray of records: its index goes into each
    field, unread);
  * unions: rows are split by the combination of tags and broadcast group by group;
  * options: missing values in any input make the output missing (an IndexedOptionArray);
  * lists: counts must agree position by position (a RegularArray of size 1 broadcasts);
    a non-list input at a list level is repeated into the lists (left broadcasting);
  * records: field by field, every record input needs the same fields.
With right_broadcast, purely regular inputs of lower dimension are aligned to the right as
in NumPy (a length-n array behaves like shape (1, n) against shape (m, n)).

With ``full_arguments=True`` (ak.transform) the action gets recursively_apply's arguments
instead: ``action(inputs, *, depth, depth_context, lateral_context, continuation, backend,
options)``, ``inputs`` being a tuple; ``continuation()`` broadcasts one level further and
returns the outputs (a tuple) of the levels below. As in awkward, the walk starts at depth 0
with every input packed in a length-1 RegularArray, ``depth_context`` is copied at every
level (what the action adds is seen below it only) and ``lateral_context`` is shared.

Laziness: when a node is the only layout input at its level (the others being scalars), its
structure buffers (offsets, starts/stops, index, mask) are reused as they are in the output,
without being read; only the leaf values are read by the action.
"""

from __future__ import annotations

import enum
import math
from copy import copy

from awkward._nplikes.dtypes import float64, int8, int64
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
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
from awkward.contents._align import needs_right_broadcast as _needs_right_broadcast
from awkward.contents._align import pack as _pack
from awkward.contents._align import right_align as _right_align
from awkward.contents._align import unwrap_outer as _unwrap_outer
from awkward.contents._typetracer import typetracer_wins
from awkward.contents.content import (
    Content,
    as_length,
    concrete,
    length_of,
    maybe_equal,
    unknown_length,
)
from awkward.index import Index8, Index64

__all__ = [
    "broadcast_and_apply",
    "broadcast_scalar",
    "project_indexed",
    "BROADCAST_PARAMETERS_RULES",
    "BROADCAST_RULE_TO_FACTORY_IMPL",
    "BroadcastParameterRule",
]

BROADCAST_PARAMETERS_RULES = ("intersect", "all_or_nothing", "one_to_one", "none")


def broadcast_and_apply(
    inputs,
    action,
    *,
    depth_limit=None,
    left_broadcast=True,
    right_broadcast=True,
    broadcast_parameters_rule="one_to_one",
    numpy_to_regular=True,
    regular_to_jagged=False,
    allow_records=True,
    function_name=None,
    full_arguments=False,
    depth_context=None,
    lateral_context=None,
    options=None,
):
    """Broadcast ``inputs`` (layouts and scalars) against each other and apply ``action``.

    ``action(inputs, *, depth, backend)`` is called at each level with the aligned inputs
    (same length; scalars unchanged) and returns a tuple of layouts or None. ``depth`` is 1
    at the top level and grows by one per list dimension. When ``depth_limit`` is reached,
    the aligned inputs themselves are returned (scalars broadcast to arrays).
    ``regular_to_jagged``: RegularArrays become ListOffsetArrays before the action sees them.
    ``allow_records=False`` makes meeting a record a ValueError.
    ``full_arguments=True``: the action takes recursively_apply's arguments (module doc);
    ``depth_context``, ``lateral_context`` and ``options`` are handed to it, and
    ``numpy_to_regular`` turns multi-dimensional NumpyArrays into RegularArrays before it
    sees them (otherwise they are turned after the action has seen them once).
    Returns a tuple of output layouts."""
    if broadcast_parameters_rule not in BROADCAST_PARAMETERS_RULES:
        raise ValueError(
            f"broadcast_parameters_rule must be one of {BROADCAST_PARAMETERS_RULES}, "
            f"not {broadcast_parameters_rule!r}"
        )
    inputs = typetracer_wins(list(inputs))
    contents = [x for x in inputs if isinstance(x, Content)]
    if not contents:
        raise TypeError("broadcast_and_apply needs at least one layout (Content) among its inputs")
    backend = contents[0].backend
    for x in contents[1:]:
        if x.backend is not backend:
            raise ValueError(
                f"cannot broadcast arrays on different backends ({backend.name!r} and {x.backend.name!r}); "
                "move them with ak.to_backend"
            )
    if full_arguments:
        walker = _FullWalker(
            action, backend, depth_limit, left_broadcast, broadcast_parameters_rule, function_name
        )
        walker.numpy_to_regular = numpy_to_regular
        walker.depth_context = depth_context
        walker.lateral_context = lateral_context
        walker.options = options
    else:
        walker = _Walker(
            action, backend, depth_limit, left_broadcast, broadcast_parameters_rule, function_name
        )
    walker.regular_to_jagged = regular_to_jagged
    walker.allow_records = allow_records
    if right_broadcast and _needs_right_broadcast(contents):
        wrapped = _right_align(inputs)
        outputs = walker.apply(wrapped, 0)
        return tuple(_unwrap_outer(x) for x in outputs)
    lengths = {length_of(x) for x in contents}
    lengths.discard(unknown_length)  # a typetracer's unknown length agrees with any
    if len(lengths) > 1:
        described = ", ".join(str(len(x)) for x in contents)
        raise ValueError(
            f"cannot broadcast arrays of different lengths ({described}) in {walker.name}: "
            "the outermost dimension must agree"
        )
    if full_arguments:
        # awkward packs the inputs in a length-1 list and starts at depth 0; broadcasting
        # those equal lists would only unpack them, so the walk goes on with the inputs
        def unpacked(packed, depth):
            return _pack(walker.apply(inputs, 1))

        outputs = walker.apply(_pack(inputs), 0, unpacked)
        return tuple(_unwrap_outer(x) for x in outputs)
    return tuple(walker.apply(inputs, 1))


# ---------------------------------------------------------------------- unions
def _tags_of_group(unions, group):
    """id(union) -> its tag, for a group number (the unions' tags in mixed radix)."""
    tag_of, rest = {}, group
    for x in reversed(unions):
        rest, tag_of[id(x)] = divmod(rest, len(x.contents))
    return tag_of


def _consistent_tags(nplike, unions, tag_of):
    """Whether unions over the same tags buffer get the same tag."""
    for i, x in enumerate(unions):
        for y in unions[i + 1:]:
            if tag_of[id(x)] != tag_of[id(y)] and nplike.same_buffer(x.tags.data, y.tags.data):
                return False
    return True


# ---------------------------------------------------------------------- parameters
def _intersect_parameters(parameters_list):
    """The entries every parameter dict agrees on (None when there are none)."""
    if not parameters_list:
        return None
    common = dict(parameters_list[0] or {})
    for params in parameters_list[1:]:
        params = params or {}
        common = {k: v for k, v in common.items() if k in params and params[k] == v}
    return common or None


def _all_or_nothing(parameters_list):
    """The parameters if every dict is the same, else None."""
    if not parameters_list:
        return None
    first = parameters_list[0] or {}
    if all((params or {}) == first for params in parameters_list[1:]):
        return dict(first) or None
    return None


class BroadcastParameterRule(str, enum.Enum):
    """How parameters of broadcast inputs pass to the outputs (``broadcast_parameters_rule``)."""

    INTERSECT = "intersect"
    ONE_TO_ONE = "one_to_one"
    ALL_OR_NOTHING = "all_or_nothing"
    NONE = "none"


def intersection_parameters_factory(parameters, n_outputs):
    return [_intersect_parameters(parameters) for _ in range(n_outputs)]


def all_or_nothing_parameters_factory(parameters, n_outputs):
    return [_all_or_nothing(parameters) for _ in range(n_outputs)]


def one_to_one_parameters_factory(parameters, n_outputs):
    if len(parameters) == n_outputs:
        return [dict(params or {}) or None for params in parameters]
    return all_or_nothing_parameters_factory(parameters, n_outputs)


def none_parameters_factory(parameters, n_outputs):
    return [None] * n_outputs


# rule -> factory(parameter dicts of the inputs, number of outputs) -> a parameter dict (or
# None) per output; vector applies these itself inside ak.transform
BROADCAST_RULE_TO_FACTORY_IMPL = {
    BroadcastParameterRule.INTERSECT: intersection_parameters_factory,
    BroadcastParameterRule.ALL_OR_NOTHING: all_or_nothing_parameters_factory,
    BroadcastParameterRule.ONE_TO_ONE: one_to_one_parameters_factory,
    BroadcastParameterRule.NONE: none_parameters_factory,
}


# ---------------------------------------------------------------------- the walk
class _Walker:
    __slots__ = (
        "action", "backend", "depth_limit", "left_broadcast", "rule", "name",
        "regular_to_jagged", "allow_records",
    )

    def __init__(self, action, backend, depth_limit, left_broadcast, rule, function_name):
        self.action = action
        self.backend = backend
        self.depth_limit = depth_limit
        self.left_broadcast = left_broadcast
        self.rule = rule
        self.name = function_name or "broadcasting"
        self.regular_to_jagged = False
        self.allow_records = True

    @property
    def index_nplike(self):
        return self.backend.index_nplike

    def parameters(self, nodes, i, nout, all_nodes_count):
        rule = self.rule
        if rule == "none":
            return None
        if rule == "intersect":
            return _intersect_parameters([node.parameters for node in nodes])
        if rule == "one_to_one" and nout == all_nodes_count and nout == len(nodes):
            params = nodes[i].parameters
            return dict(params) or None
        return _all_or_nothing([node.parameters for node in nodes])

    def index64(self, data):
        return Index64(data, nplike=self.index_nplike)

    # ------------------------------------------------------------------ dispatch
    def apply(self, inputs, depth):
        if self.regular_to_jagged:
            inputs = _regular_to_jagged(inputs)
        result = self.action(inputs, depth=depth, backend=self.backend)
        if result is not None:
            return list(result)
        return self.descend(inputs, depth)

    def descend(self, inputs, depth):
        """Outputs for ``inputs`` at ``depth`` when the action left this level to broadcasting."""
        if self.depth_limit is not None and depth >= self.depth_limit:
            return self._as_layouts(inputs)
        normalized = [_normalize(x) if isinstance(x, Content) else x for x in inputs]
        if any(a is not b for a, b in zip(normalized, inputs)):
            # an EmptyArray became a float64 NumpyArray: the action may handle it now
            return self.apply(normalized, depth)
        contents = [x for x in inputs if isinstance(x, Content)]
        # awkward 2.14's order: indexed, unions, then options; so the action meets the records
        # inside an IndexedArray or a union member before a missing value in another input
        # masks them (with_field keeps that None inside the record, in the new field)
        if any(x.is_indexed and not x.is_option for x in contents):
            return self._broadcast_indexed(inputs, contents, depth)
        if any(x.is_union for x in contents):
            return self._broadcast_union(inputs, contents, depth)
        if any(x.is_option for x in contents):
            return self._broadcast_option(inputs, contents, depth)
        if any(x.is_list for x in contents):
            return self._broadcast_list(inputs, contents, depth)
        if any(x.is_record for x in contents):
            return self._broadcast_record(inputs, contents, depth)
        kinds = ", ".join(type(x).__name__ for x in contents)
        raise TypeError(f"{self.name} is not defined for these inputs at depth {depth}: {kinds}")

    def _as_layouts(self, inputs):
        contents = [x for x in inputs if isinstance(x, Content)]
        length = length_of(contents[0])
        out = []
        for x in inputs:
            if isinstance(x, Content):
                out.append(x)
            else:
                out.append(broadcast_scalar(x, length, self.backend))
        return out

    # ------------------------------------------------------------------ options
    def _broadcast_option(self, inputs, contents, depth):
        if len(contents) == 1:
            # alone among scalars: keep the mask/index buffers as they are (unread)
            (node,) = contents
            inner = [node.content if x is node else x for x in inputs]
            outputs = self.apply(inner, depth)
            # the simplified constructors: an output may itself be an option (the action
            # masked it) or a union; they merge the two options or push ours into the union
            if isinstance(node, IndexedOptionArray):
                return [IndexedOptionArray.simplified(node.index, out, parameters=node._parameters) for out in outputs]
            if isinstance(node, ByteMaskedArray):
                return [
                    ByteMaskedArray.simplified(node.mask, out, node.valid_when, parameters=node._parameters)
                    for out in outputs
                ]
            if isinstance(node, BitMaskedArray):
                return [
                    BitMaskedArray.simplified(
                        node.mask, out, node.valid_when, node.length, node.lsb_order,
                        parameters=node._parameters,
                    )
                    for out in outputs
                ]
            if isinstance(node, UnmaskedArray):
                return [UnmaskedArray.simplified(out, parameters=node._parameters) for out in outputs]
        nplike = self.index_nplike
        valid = None
        for x in contents:
            if x.is_option:
                (mask,) = concrete(x.mask_as_bool(True))
                valid = mask if valid is None else nplike.logical_and(valid, mask)
        (keep,) = nplike.nonzero(valid)
        carry = self.index64(nplike.astype(keep, int64))
        inner = []
        for x in inputs:
            if not isinstance(x, Content):
                inner.append(x)
            elif x.is_option:
                inner.append(x._carry(carry, False).project())
            else:
                inner.append(x._carry(carry, True))
        outputs = self.apply(inner, depth)
        running = nplike.cumsum(nplike.astype(valid, int64)) - 1
        index = self.index64(nplike.where(valid, running, -1))
        options = [x for x in contents if x.is_option]
        return [
            IndexedOptionArray.simplified(
                index, out, parameters=self.parameters(options, i, len(outputs), len(contents))
            )
            for i, out in enumerate(outputs)
        ]

    # ------------------------------------------------------------------ unions
    def _broadcast_union(self, inputs, contents, depth):
        nplike = self.index_nplike
        unions = [x for x in contents if x.is_union]
        length = length_of(contents[0])
        combo = nplike.zeros(length, dtype=int64)
        tags_of, index_of = {}, {}
        for x in unions:
            tags, index = concrete(x.tags.data, x.index.data)
            tags_of[id(x)] = nplike.astype(tags, int64)
            index_of[id(x)] = nplike.astype(index, int64)
            combo = combo * len(x.contents) + tags_of[id(x)]
        groups = nplike.unique_values(combo)
        out_tags = nplike.searchsorted(groups, combo)
        out_index = nplike.zeros(length, dtype=int64)
        per_group = []
        if nplike.known_data:
            group_numbers = groups.tolist()
        else:  # a typetracer: every combination of tags may occur, except between unions
            # that share their tags (the same union met twice: one tag for both)
            group_numbers = [
                g for g in range(math.prod(len(x.contents) for x in unions))
                if _consistent_tags(nplike, unions, _tags_of_group(unions, g))
            ]
        for group in group_numbers:
            (rows,) = nplike.nonzero(combo == group)
            rows = nplike.astype(rows, int64)
            out_index[rows] = nplike.arange(rows.shape[0], dtype=int64)
            tag_of = _tags_of_group(unions, group)
            inner = []
            for x in inputs:
                if not isinstance(x, Content):
                    inner.append(x)
                elif x.is_union:
                    tag = tag_of[id(x)]
                    inner.append(x.contents[tag]._carry(self.index64(index_of[id(x)][rows]), True))
                else:
                    inner.append(x._carry(self.index64(rows), True))
            per_group.append(self.apply(inner, depth))
        nout = len(per_group[0]) if per_group else 1
        tags_index = Index8(nplike.astype(out_tags, int8), nplike=nplike)
        index = self.index64(out_index)
        results = []
        for i in range(nout):
            group_outputs = [outs[i] for outs in per_group]
            if len(group_outputs) == 1:
                results.append(group_outputs[0])
            else:
                results.append(UnionArray.simplified(tags_index, index, group_outputs))
        return results

    # ------------------------------------------------------------------ indexed
    def _broadcast_indexed(self, inputs, contents, depth):
        if len(contents) == 1:
            (node,) = contents
            inner = [node.content if x is node else x for x in inputs]
            return [
                # the action may return an option/indexed node: compose, never nest
                IndexedArray.simplified(node.index, out, parameters=node._parameters)
                for out in self.apply(inner, depth)
            ]
        inner = [
            project_indexed(x) if isinstance(x, Content) and x.is_indexed and not x.is_option else x
            for x in inputs
        ]
        return self.apply(inner, depth)

    # ------------------------------------------------------------------ lists
    def _broadcast_list(self, inputs, contents, depth):
        lists = [x for x in contents if x.is_list]
        if len(contents) == 1:
            # alone among scalars: the output shares this node's structure buffers
            (node,) = contents
            inner = [node.content if x is node else x for x in inputs]
            outputs = self.apply(inner, depth + 1)
            if isinstance(node, ListOffsetArray):
                return [ListOffsetArray(node.offsets, out, parameters=node._parameters) for out in outputs]
            if isinstance(node, ListArray):
                return [ListArray(node.starts, node.stops, out, parameters=node._parameters) for out in outputs]
            return [
                RegularArray(out, node.size, zeros_length=length_of(node), parameters=node._parameters)
                for out in outputs
            ]
        if any(_is_string_like(x) for x in lists) and not all(_is_string_like(x) for x in lists):
            # strings against lists of something else: a string is one value, repeated into
            # the other lists like any non-list input (awkward's rule)
            lists = [x for x in lists if not _is_string_like(x)]
        if len(lists) < len(contents) and not self.left_broadcast:
            raise ValueError(
                f"cannot broadcast a non-list array into a list dimension at depth {depth} "
                f"in {self.name} (left_broadcast=False)"
            )
        if all(x.is_regular for x in lists):
            return self._broadcast_regular(inputs, contents, lists, depth)
        if len(lists) == 1 and lists[0].__class__ is ListOffsetArray:
            return self._into_lists(inputs, contents, lists[0], depth)
        return self._broadcast_var(inputs, contents, lists, depth)

    def _into_lists(self, inputs, contents, node, depth):
        """One ListOffsetArray among non-list inputs: those are repeated into its lists in one
        step (1-d NumpyArrays: their values repeated by the counts), its offsets reused."""
        nplike = self.index_nplike
        if not nplike.known_data:  # type tracer: no offsets to read, the general path
            return self._broadcast_var(inputs, contents, [node], depth)
        (offsets,) = concrete(node.offsets.data)
        offsets = nplike.astype(offsets, int64, copy=False)
        length = len(offsets) - 1
        first = int(offsets[0]) if length else 0
        total = int(offsets[-1]) - first
        counts = offsets[1:] - offsets[:-1]
        parents = None
        inner = []
        for x in inputs:
            if not isinstance(x, Content):
                inner.append(x)
            elif x is node:
                inner.append(x.content._getitem_range(first, first + total))
            elif x.__class__ is NumpyArray and x.data.ndim == 1:
                inner.append(x._with_data(x.backend.nplike.repeat(x.data, counts)))
            else:
                if parents is None:
                    parents = self.index64(nplike.repeat(nplike.arange(length, dtype=int64), counts))
                inner.append(x._carry(parents, True))
        outputs = self.apply(inner, depth + 1)
        if first == 0:
            offsets_index, checked = node.offsets, True  # valid offsets: only the outputs to check
        else:
            offsets_index, checked = self.index64(offsets - first), False
        backend = node._backend
        return [
            ListOffsetArray._from_checked(offsets_index, out, self.parameters((node,), i, len(outputs), len(contents)))
            if checked and isinstance(out, Content) and out._backend is backend
            else ListOffsetArray(
                offsets_index, out, parameters=self.parameters((node,), i, len(outputs), len(contents))
            )
            for i, out in enumerate(outputs)
        ]

    def _broadcast_regular(self, inputs, contents, lists, depth):
        nplike = self.index_nplike
        length = length_of(contents[0])
        listed = {id(x) for x in lists}
        sizes = {x.size for x in lists}
        target = 1
        others = sizes - {1}
        if len(others) > 1:
            raise ValueError(
                f"cannot broadcast regular dimensions of sizes {sorted(sizes)} at depth {depth} in {self.name}"
            )
        if others:
            target = others.pop()
        repeated = None
        inner = []
        for x in inputs:
            if not isinstance(x, Content):
                inner.append(x)
            elif id(x) in listed and x.size == target:
                inner.append(x.content._getitem_range(0, length * target))
            else:
                if repeated is None:
                    repeated = self.index64(nplike.repeat(nplike.arange(length, dtype=int64), target))
                source = x.content._getitem_range(0, length) if id(x) in listed else x
                inner.append(source._carry(repeated, True))
        outputs = self.apply(inner, depth + 1)
        return [
            RegularArray(
                out, target, zeros_length=length,
                parameters=self.parameters(lists, i, len(outputs), len(contents)),
            )
            for i, out in enumerate(outputs)
        ]

    def _broadcast_var(self, inputs, contents, lists, depth):
        nplike = self.index_nplike
        length = length_of(contents[0])
        listed = {id(x) for x in lists}
        template = next(x for x in lists if not x.is_regular)
        t_starts, t_stops = _starts_stops(template)
        counts = t_stops - t_starts
        for x in lists:
            if x is template:
                continue
            if x.is_regular:
                if x.size == 1:
                    continue
                other = nplike.full(length, x.size, dtype=int64)
            else:
                starts, stops = _starts_stops(x)
                other = stops - starts
            (bad,) = nplike.nonzero(other != counts)
            if bad.shape[0] is not unknown_length and len(bad):
                at = int(bad[0])
                raise ValueError(
                    f"cannot broadcast nested list at position {at} (depth {depth}) in {self.name}: "
                    f"lists of lengths {int(counts[at])} and {int(other[at])}"
                )
        # output offsets: the template's own when they start at zero (shared, not copied)
        if template.__class__ is ListOffsetArray and (
            (length is not unknown_length and length == 0) or maybe_equal(as_length(t_starts[0]), 0)
        ):
            offsets_index = template.offsets
            (offsets,) = concrete(template.offsets.data)
            offsets = nplike.astype(offsets, int64, copy=False)
        else:
            zero = nplike.zeros(1, dtype=int64)
            offsets = nplike.concat([zero, nplike.cumsum(counts)])
            offsets_index = self.index64(offsets)
        n_offsets = offsets.shape[0]
        total = as_length(offsets[-1]) if (n_offsets is unknown_length or n_offsets) else 0
        parents = local = None

        def parents_local(need_local=True):
            # computed once, and the local index only for inputs that need it
            nonlocal parents, local
            if parents is None:
                parents = nplike.repeat(nplike.arange(length, dtype=int64), counts)
            if need_local and local is None:
                local = nplike.arange(total, dtype=int64) - offsets[:-1][parents]
            return parents, local

        inner = []
        for x in inputs:
            if not isinstance(x, Content):
                inner.append(x)
                continue
            if id(x) in listed and not x.is_regular:
                starts, stops = (t_starts, t_stops) if x is template else _starts_stops(x)
                # (a tracer cannot know: it takes the general path, the carry)
                contiguous = x.__class__ is ListOffsetArray or (
                    (length is not unknown_length and length == 0)
                    or (nplike.known_data and bool(nplike.array_equal(starts[1:], stops[:-1])))
                )
                if contiguous:
                    first = as_length(starts[0]) if (length is unknown_length or length) else 0
                    inner.append(x.content._getitem_range(first, first + total))
                    continue
                p, loc = parents_local()
                inner.append(x.content._carry(self.index64(starts[p] + loc), True))
            elif id(x) in listed:
                p, loc = parents_local(x.size != 1)
                carry = p if x.size == 1 else p * x.size + loc
                inner.append(x.content._carry(self.index64(carry), True))
            else:
                p, _ = parents_local(False)
                inner.append(x._carry(self.index64(p), True))
        outputs = self.apply(inner, depth + 1)
        return [
            ListOffsetArray(
                offsets_index, out, parameters=self.parameters(lists, i, len(outputs), len(contents))
            )
            for i, out in enumerate(outputs)
        ]

    # ------------------------------------------------------------------ records
    def _broadcast_record(self, inputs, contents, depth):
        if not self.allow_records:
            raise ValueError(f"cannot broadcast records in {self.name} (allow_records=False)")
        records = [x for x in contents if x.is_record]
        first = records[0]
        for other in records[1:]:
            if other.is_tuple != first.is_tuple:
                raise ValueError(f"cannot broadcast a tuple with a record in {self.name}")
            if first.is_tuple and len(other.fields) != len(first.fields):
                raise ValueError(
                    f"cannot broadcast tuples of {len(first.fields)} and {len(other.fields)} fields in {self.name}"
                )
            if set(other.fields) != set(first.fields):
                raise ValueError(
                    f"cannot broadcast records with different fields in {self.name}: "
                    f"{first.fields} and {other.fields}"
                )
        length = length_of(contents[0])
        per_field = []
        for field in first.fields:
            inner = [x.maybe_content(field) if isinstance(x, Content) and x.is_record else x for x in inputs]
            per_field.append(self.apply(inner, depth))
        nout = len(per_field[0]) if per_field else 1
        fields = None if first.is_tuple else list(first.fields)
        return [
            RecordArray(
                [outs[i] for outs in per_field], fields, length,
                parameters=self.parameters(records, i, nout, len(contents)),
                backend=self.backend,
            )
            for i in range(nout)
        ]


class _FullWalker(_Walker):
    """The walk for actions that take recursively_apply's arguments (``full_arguments``)."""

    __slots__ = ("numpy_to_regular", "depth_context", "lateral_context", "options")

    def apply(self, inputs, depth, below=None):
        """``below(inputs, depth)``, when given, replaces broadcasting's descent."""
        descend = self.descend if below is None else below
        if self.numpy_to_regular:
            inputs = [
                x.to_RegularArray()
                if isinstance(x, Content) and x.is_numpy and len(x.shape) > 1
                else x
                for x in inputs
            ]
        if self.regular_to_jagged:
            inputs = _regular_to_jagged(inputs)
        parent = self.depth_context
        context = None if parent is None else copy(parent)
        self.depth_context = context  # what the levels below copy from

        def continuation():
            self.depth_context = context
            try:
                return tuple(descend(inputs, depth))
            finally:
                self.depth_context = parent

        try:
            result = self.action(
                tuple(inputs),
                depth=depth,
                depth_context=context,
                lateral_context=self.lateral_context,
                continuation=continuation,
                backend=self.backend,
                options=self.options,
            )
            if result is not None:
                return list(result)
            self.depth_context = context
            return descend(inputs, depth)
        finally:
            self.depth_context = parent


# ---------------------------------------------------------------------- helpers
def _regular_to_jagged(inputs):
    return [
        x.to_ListOffsetArray64(False) if isinstance(x, Content) and x.is_regular else x
        for x in inputs
    ]


def _is_string_like(layout) -> bool:
    """A list node that is a string or bytestring: one value for broadcasting, not a list."""
    return layout.is_list and layout.parameter("__array__") in ("string", "bytestring")


def project_indexed(layout):
    """An IndexedArray's values; over records, the index goes into each field (nothing read),
    so that the records meet the other inputs as records, as in awkward 2.14."""
    record = layout.content
    if not record.is_record:
        return layout.project()
    return RecordArray(
        [IndexedArray.simplified(layout.index, c) for c in record.contents],
        None if record.is_tuple else record.fields,
        layout.length,
        parameters=record._parameters,
        backend=record.backend,
    )


def _normalize(layout):
    if layout.is_numpy and len(layout.shape) > 1:
        return layout.to_RegularArray()
    if layout.is_unknown:
        return layout.to_NumpyArray(float64)
    return layout


def _starts_stops(layout):
    """starts and stops of a var list node as int64 arrays (reads the buffers)."""
    nplike = layout.backend.index_nplike
    if hasattr(layout, "offsets") and layout.__class__.__name__ == "ListOffsetArray":
        (offsets,) = concrete(layout.offsets.data)
        offsets = nplike.astype(offsets, int64, copy=False)
        return offsets[:-1], offsets[1:]
    starts, stops = concrete(layout.starts.data, layout.stops.data)
    length = length_of(layout)
    return (
        nplike.astype(starts[:length], int64, copy=False),
        nplike.astype(stops[:length], int64, copy=False),
    )


def broadcast_scalar(value, length, backend):
    """A NumpyArray of ``length`` copies of a scalar (for actions that need arrays)."""
    nplike = backend.nplike
    data = nplike.asarray(value)
    if data.ndim != 0:
        raise TypeError(f"cannot broadcast {type(value).__name__} of shape {data.shape} as a scalar")
    return NumpyArray(nplike.full(length, data, dtype=data.dtype), backend=backend)
