"""Columnar replay of an ArrayBuilder tape (the fast path of builder_replay.flush).

Most njit fills repeat one shape: records of the same fields, lists of numbers. For a tape
that starts and ends with nothing open, a compiled pass (``_analyze``) walks the calls with
a stack, discovers the tree of builder nodes they describe (kinds bool/int64/float64, list,
record, tuple) and emits, in call order, one (node, value) pair per leaf value and per list
length; ``_group`` sorts the pairs by node (counting sort). The columns are then appended to
the Python builder's node arrays in one ``frombytes`` each.

Anything the pass does not model exactly gives up (returns False) and the tape is replayed
call by call instead, so the result is always the one the Python builder gives: a None, a
string/complex/date value, a value of another kind at a node (promotion, unions), a record
field missing in some row or appearing late (option-type fields), a record name change, and
an existing tree of another shape.
"""

from __future__ import annotations

import numba
import numpy as np

from awkward._builder import (
    BoolNode,
    Float64Node,
    Int64Node,
    ListNode,
    OptionNode,
    RecordNode,
    TupleNode,
    UnknownNode,
)
from awkward._connect.numba.builder_replay import (
    _STRINGS,
    OP_BEGIN_LIST,
    OP_BEGIN_RECORD,
    OP_BEGIN_TUPLE,
    OP_BOOL,
    OP_END_LIST,
    OP_END_RECORD,
    OP_END_TUPLE,
    OP_FIELD,
    OP_INDEX,
    OP_INT,
    OP_NULL,
    OP_REAL,
)

K_UNKNOWN, K_BOOL, K_INT, K_REAL, K_LIST, K_RECORD, K_TUPLE = 0, 1, 2, 3, 4, 5, 6
MAX_NODES = 256
MAX_DEPTH = 1024
_LEAF_OF_OP = {OP_BOOL: K_BOOL, OP_INT: K_INT, OP_REAL: K_REAL}


GIVE_UP, MORE_NONES = -1, -2  # _analyze's first result when it cannot, or needs more room


@numba.njit(cache=False)
def _new_node(tree, nnodes, parent, k):
    """Append a node of unknown kind under ``parent`` (children linked in creation order)."""
    kind, par, key, arg, count, nulls, first, last, sibling = tree
    c = nnodes
    kind[c] = K_UNKNOWN
    par[c] = parent
    key[c] = k
    arg[c] = -1
    count[c] = 0
    nulls[c] = 0
    first[c] = -1
    last[c] = -1
    sibling[c] = -1
    if parent >= 0:
        if first[parent] < 0:
            first[parent] = c
        else:
            sibling[last[parent]] = c
        last[parent] = c
    return c


@numba.njit(cache=False)
def _analyze(ops, n, tree, out_node, out_val, null_node, null_pos):
    """Walk the tape: (number of nodes, number of values, number of Nones), or GIVE_UP /
    MORE_NONES first. ``tree`` holds the nodes' columns (see _Schema); ``count`` counts a
    node's entries, Nones included; values and list lengths go to out_*, Nones to null_*."""
    kind, parent, key, arg, count, nulls, first, last, sibling = tree
    max_nodes = kind.shape[0]
    max_nulls = null_node.shape[0]
    frame_node = np.empty(MAX_DEPTH, np.int64)
    frame_sel = np.empty(MAX_DEPTH, np.int64)
    frame_begin = np.empty(MAX_DEPTH, np.int64)
    nnodes = _new_node(tree, 0, -1, -1) + 1
    depth = 0
    nv = 0
    m = 0
    i = 0
    while i < n:
        op = ops[i]
        if op == OP_INT or op == OP_REAL or op == OP_BOOL:
            t = 0 if depth == 0 else frame_sel[depth - 1]
            want = K_INT if op == OP_INT else (K_REAL if op == OP_REAL else K_BOOL)
            if kind[t] != want:
                if kind[t] != K_UNKNOWN:
                    return GIVE_UP, 0, 0
                kind[t] = want
            out_node[nv] = t
            out_val[nv] = ops[i + 1]
            nv += 1
            count[t] += 1
            i += 2
        elif op == OP_FIELD or op == OP_INDEX:
            f = frame_node[depth - 1]
            c = first[f]
            while c >= 0 and key[c] != ops[i + 1]:
                c = sibling[c]
            if c < 0:
                if nnodes >= max_nodes:
                    return GIVE_UP, 0, 0
                c = _new_node(tree, nnodes, f, ops[i + 1])
                nnodes += 1
                rows = count[f] - nulls[f]  # earlier rows lack the field: None there
                if m + rows > max_nulls:
                    return MORE_NONES, 0, m + rows
                for row in range(rows):
                    null_node[m] = c
                    null_pos[m] = row
                    m += 1
                count[c] = rows
                nulls[c] = rows
            frame_sel[depth - 1] = c
            i += 2
        elif op == OP_END_LIST:
            depth -= 1
            t = frame_node[depth]
            out_node[nv] = t
            out_val[nv] = count[frame_sel[depth]] - frame_begin[depth]
            nv += 1
            count[t] += 1
            i += 1
        elif op == OP_END_RECORD or op == OP_END_TUPLE:
            depth -= 1
            t = frame_node[depth]
            row = count[t] - nulls[t]
            c = first[t]
            while c >= 0:
                if count[c] == row:  # left out of this row: None
                    if m == max_nulls:
                        return MORE_NONES, 0, 2 * m
                    null_node[m] = c
                    null_pos[m] = row
                    m += 1
                    count[c] += 1
                    nulls[c] += 1
                c = sibling[c]
            count[t] += 1
            i += 1
        elif op == OP_NULL:
            t = 0 if depth == 0 else frame_sel[depth - 1]
            if m == max_nulls:
                return MORE_NONES, 0, 2 * m
            null_node[m] = t
            null_pos[m] = count[t]
            m += 1
            count[t] += 1
            nulls[t] += 1
            i += 1
        elif op == OP_BEGIN_LIST:
            t = 0 if depth == 0 else frame_sel[depth - 1]
            if depth >= MAX_DEPTH:
                return GIVE_UP, 0, 0
            if kind[t] != K_LIST:
                if kind[t] != K_UNKNOWN or nnodes >= max_nodes:
                    return GIVE_UP, 0, 0
                kind[t] = K_LIST
                _new_node(tree, nnodes, t, -1)
                nnodes += 1
            c = first[t]
            frame_node[depth] = t
            frame_sel[depth] = c
            frame_begin[depth] = count[c]
            depth += 1
            i += 1
        elif op == OP_BEGIN_RECORD:
            t = 0 if depth == 0 else frame_sel[depth - 1]
            if depth >= MAX_DEPTH:
                return GIVE_UP, 0, 0
            name = ops[i + 1]
            if kind[t] == K_UNKNOWN:
                kind[t] = K_RECORD
                arg[t] = name
            elif kind[t] != K_RECORD or (name != -1 and name != arg[t]):
                return GIVE_UP, 0, 0  # another kind or another record name: a union
            frame_node[depth] = t
            frame_sel[depth] = -1
            depth += 1
            i += 2
        elif op == OP_BEGIN_TUPLE:
            t = 0 if depth == 0 else frame_sel[depth - 1]
            if depth >= MAX_DEPTH:
                return GIVE_UP, 0, 0
            size = ops[i + 1]
            if kind[t] == K_UNKNOWN:
                if nnodes + size > max_nodes:
                    return GIVE_UP, 0, 0
                kind[t] = K_TUPLE
                arg[t] = size
                for slot in range(size):
                    _new_node(tree, nnodes, t, slot)
                    nnodes += 1
            elif kind[t] != K_TUPLE or arg[t] != size:
                return GIVE_UP, 0, 0
            frame_node[depth] = t
            frame_sel[depth] = -1
            depth += 1
            i += 2
        else:
            return GIVE_UP, 0, 0  # strings, complex, dates: replayed call by call
    return nnodes, nv, m


@numba.njit(cache=False)
def _group(out_node, out_val, nv, nnodes):
    """Values ordered by node, keeping call order within a node; starts per node."""
    starts = np.zeros(nnodes + 1, np.int64)
    for k in range(nv):
        starts[out_node[k] + 1] += 1
    for j in range(nnodes):
        if starts[j + 1] == nv:  # one node has every value (a flat fill): already in order
            starts[j + 1 :] = nv
            return starts, out_val[:nv]
        starts[j + 1] += starts[j]
    fill = starts[:-1].copy()
    out = np.empty(nv, np.int64)
    for k in range(nv):
        node = out_node[k]
        out[fill[node]] = out_val[k]
        fill[node] += 1
    return starts, out


class _Schema:
    """What _analyze found: per node its kind, parent, key, arg, entries and Nones, with the
    values (and None positions) grouped by node."""

    __slots__ = ("kind", "parent", "key", "arg", "count", "nulls", "starts", "values",
                 "null_starts", "null_positions", "children")

    def __init__(self, nnodes, arrays, grouped, null_grouped):
        # Python lists: the walk below reads them item by item
        self.kind, self.parent, self.key, self.arg, self.count, self.nulls = (
            a[:nnodes].tolist() for a in arrays
        )
        self.starts, self.values = grouped[0].tolist(), grouped[1]
        self.null_starts, self.null_positions = null_grouped[0].tolist(), null_grouped[1]
        self.children = [[] for _ in range(nnodes)]
        for c in range(1, nnodes):
            self.children[self.parent[c]].append(c)

    def column(self, sid):
        return self.values[self.starts[sid] : self.starts[sid + 1]]

    def none_positions(self, sid):
        return self.null_positions[self.null_starts[sid] : self.null_starts[sid + 1]]

    def rows(self, sid):
        return int(self.count[sid] - self.nulls[sid])

    def name(self, sid):
        return None if self.arg[sid] < 0 else _STRINGS[self.arg[sid]]


_NODE_OF_KIND = {K_BOOL: BoolNode, K_INT: Int64Node, K_REAL: Float64Node, K_LIST: ListNode}


def _fits(node, sid, s):
    """Can the entries of schema node ``sid`` be appended to the Python node ``node``?"""
    if s.count[sid] == 0:
        return True
    if isinstance(node, OptionNode):
        return not node.active and _fits(node.content, sid, s)
    kind = s.kind[sid]
    if kind == K_UNKNOWN or isinstance(node, UnknownNode):
        return all(_fits(UnknownNode(), c, s) for c in s.children[sid])
    if node.active:
        return False
    if kind in _NODE_OF_KIND:
        if type(node) is not _NODE_OF_KIND[kind]:
            return False
        return kind != K_LIST or _fits(node.content, s.children[sid][0], s)
    if kind == K_TUPLE:
        if type(node) is not TupleNode or node.numfields != s.arg[sid]:
            return False
        return all(_fits(node.children[s.key[c]], c, s) for c in s.children[sid])
    if type(node) is not RecordNode:
        return False
    name = s.name(sid)
    if name is not None and name != node.name:
        return False
    for c in s.children[sid]:
        slot = node.slot_of.get(_STRINGS[s.key[c]])
        if not _fits(UnknownNode() if slot is None else node.children[slot], c, s):
            return False
    return True


def _append(node, sid, s):
    """Append schema node ``sid``'s entries to ``node`` (checked by _fits); the new node."""
    total = int(s.count[sid])
    if total == 0:
        return node
    if s.nulls[sid] or isinstance(node, OptionNode):
        if not isinstance(node, OptionNode):
            node = OptionNode.wrap(node)  # what node.null() does: earlier entries kept
        present = np.ones(total, np.bool_)
        present[s.none_positions(sid)] = False
        index = np.cumsum(present) + (node.next - 1)
        index[~present] = -1
        node.idx.frombytes(memoryview(index).cast("B"))
        node.next += s.rows(sid)
        node.content = _append_values(node.content, sid, s)
        return node
    return _append_values(node, sid, s)


def _append_values(node, sid, s):
    kind = s.kind[sid]
    if kind == K_UNKNOWN:
        return node
    if isinstance(node, UnknownNode):
        if kind == K_RECORD:
            node = RecordNode(s.name(sid))
        elif kind == K_TUPLE:
            node = TupleNode(int(s.arg[sid]))
        else:
            node = _NODE_OF_KIND[kind]()
    column = s.column(sid)
    if kind == K_BOOL:
        node.data.extend(column.astype(np.uint8).tobytes())
    elif kind == K_INT or kind == K_REAL:
        node.data.frombytes(memoryview(column).cast("B"))  # float64 values are stored as bits
    elif kind == K_LIST:
        if len(column):
            offsets = np.cumsum(column) + node.total
            node.offsets.frombytes(memoryview(offsets).cast("B"))
            node.total = int(offsets[-1])
        node.content = _append(node.content, s.children[sid][0], s)
    elif kind == K_TUPLE:
        for c in s.children[sid]:
            slot = int(s.key[c])
            node.children[slot] = _append(node.children[slot], c, s)
        node.length += s.rows(sid)
    else:
        _append_fields(node, sid, s)
    return node


def _append_fields(node, sid, s):
    """Records: fields new to ``node`` hold None in its earlier rows (``_new_field``), fields
    this tape never filled hold None in its rows, as the Python builder does."""
    rows = s.rows(sid)
    seen = set()
    for c in s.children[sid]:
        key = _STRINGS[s.key[c]]
        slot = node.slot_of.get(key)
        if slot is None:
            slot = node._new_field(key)
        seen.add(slot)
        node.children[slot] = _append(node.children[slot], c, s)
    for slot, child in enumerate(node.children):
        if slot not in seen and rows:
            if not isinstance(child, OptionNode):
                child = OptionNode.wrap(child)
            child.idx.frombytes(memoryview(np.full(rows, -1, np.int64)).cast("B"))
            node.children[slot] = child
    node.length += rows
    node.adders = None


def columnar_replay(engine, buf, n) -> bool:
    """Append the tape's ``n`` slots to ``engine`` column by column; False if it cannot."""
    ops = buf[:n]
    tree = tuple(np.empty(MAX_NODES, np.int64) for _ in range(9))
    out_node = np.empty(n, np.int64)
    out_val = np.empty(n, np.int64)
    room = 1024
    while True:
        null_node = np.empty(room, np.int64)
        null_pos = np.empty(room, np.int64)
        nnodes, nv, m = _analyze(ops, n, tree, out_node, out_val, null_node, null_pos)
        if nnodes != MORE_NONES:
            break
        room = max(2 * room, m)
    if nnodes == GIVE_UP:
        return False
    s = _Schema(
        nnodes,
        tree[:6],
        _group(out_node, out_val, nv, nnodes),
        _group(null_node, null_pos, m, nnodes),
    )
    root = engine._root
    if root.active or not _fits(root, 0, s):
        return False
    engine._root = _append(root, 0, s)
    return True
