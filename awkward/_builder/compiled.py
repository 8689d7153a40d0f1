"""The bridge from the compiled ArrayBuilder engine (awkward_cpp._builder) to the node tree.

The compiled engine exports its state as nested tuples (``Builder._state``); ``node_from_state``
turns them into the Python nodes of this package, with the same open lists/records/tuples and
selected fields. It serves snapshots and forms, and the *handoff*: the first call that the
compiled engine does not cover continues on the Python engine built from this state."""

from __future__ import annotations

from array import array

from awkward._builder.core import KEY_BYTES, KEY_STRING, OptionNode, UnionNode
from awkward._builder.leaves import (
    BoolNode,
    ComplexNode,
    DateTimeNode,
    Float64Node,
    Int64Node,
    StringNode,
    UnknownNode,
)
from awkward._builder.nested import ListNode, RecordNode, TupleNode

__all__ = ["PythonBase", "node_from_state"]


def _int64s(data: bytes) -> array:
    out = array("q")
    out.frombytes(data)
    return out


def _float64s(data: bytes) -> array:
    out = array("d")
    out.frombytes(data)
    return out


def _unknown(state):
    return UnknownNode()


def _bool(state):
    node = BoolNode()
    node.data = bytearray(state[1])
    return node


def _int64(state):
    node = Int64Node()
    node.data = _int64s(state[1])
    node.push = node.data.append
    return node


def _float64(state):
    return Float64Node(_float64s(state[1]))


def _complex(state):
    node = ComplexNode()
    node.data = _float64s(state[1])
    return node


def _date(state):
    kind, unit, data = state
    node = DateTimeNode(kind, unit)
    node.data = _int64s(data)
    return node


def _string(state):
    _, is_bytes, offsets, chars = state
    node = StringNode(KEY_BYTES if is_bytes else KEY_STRING)
    if offsets:  # a state without data keeps the fresh (empty) column
        node.offsets = _int64s(offsets)
        node.chars = bytearray(chars)
    return node


def _list(state):
    _, offsets, active, content = state
    node = ListNode()
    if offsets:
        node.offsets = _int64s(offsets)
        node.total = node.offsets[-1]
    node.active = active
    node.content = node_from_state(content)
    return node


def _option(state):
    _, index, nxt, content = state
    return OptionNode(node_from_state(content), _int64s(index), nxt)


def _record(state):
    _, name, keys, length, active, current, children = state
    node = RecordNode(name)
    node.fields = list(keys)
    node.slot_of = {key: i for i, key in enumerate(keys)}
    node.children = [node_from_state(c) for c in children]
    node.length = length
    node.active = active
    node.current = current
    return node


def _tuple(state):
    _, length, active, current, children = state
    node = TupleNode(len(children))
    node.children = [node_from_state(c) for c in children]
    node.length = length
    node.active = active
    node.current = current
    return node


def _union(state):
    _, tags, index, counts, current, contents = state
    node = UnionNode()
    node.contents = [node_from_state(c) for c in contents]
    node.tags.frombytes(tags)
    node.idx = _int64s(index)
    node.counts = list(counts)
    node.slot_of = {content.key: i for i, content in enumerate(node.contents)}
    node.current = current
    return node


_FROM_STATE = {
    "unknown": _unknown,
    "bool": _bool,
    "int64": _int64,
    "float64": _float64,
    "complex": _complex,
    "datetime": _date,
    "timedelta": _date,
    "string": _string,
    "list": _list,
    "option": _option,
    "record": _record,
    "tuple": _tuple,
    "union": _union,
}


def node_from_state(state):
    """The Python node tree equal to a compiled engine's exported state."""
    return _FROM_STATE[state[0]](state)


def _forwarding(name, chain=False):
    def method(self, *args, **kwargs):
        out = getattr(self._python, name)(*args, **kwargs)
        return self if chain else out

    method.__name__ = name
    return method


class PythonBase:
    """Stands in for awkward_cpp._builder.Builder when awkward_cpp lacks it: the same
    interface, every call on the Python engine."""

    __slots__ = ("_python",)

    def __new__(cls, *args, **kwargs):
        from awkward.builder import ArrayBuilder

        self = object.__new__(cls)
        self._python = ArrayBuilder()
        return self

    def __len__(self):
        return len(self._python)

    def _state(self, with_data):
        return None

    def _handoff(self):
        return self._python

    def _reset(self):
        self._python.clear()

    def append(self, obj):
        self._append_other(obj)


for _name in (
    "null", "boolean", "integer", "real", "complex", "string", "bytestring", "datetime",
    "timedelta", "begin_list", "end_list", "begin_record", "end_record", "begin_tuple",
    "end_tuple",
):
    setattr(PythonBase, _name, _forwarding(_name))
PythonBase.field = _forwarding("field", chain=True)
PythonBase.index = _forwarding("index", chain=True)
del _name
