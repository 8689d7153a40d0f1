"""The machinery behind awkward.builder.ArrayBuilder: a tree of builder nodes (see core.py)."""

from awkward._builder.core import Node, OptionNode, UnionNode, call_append, open_path
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

__all__ = [
    "Node",
    "OptionNode",
    "UnionNode",
    "UnknownNode",
    "BoolNode",
    "Int64Node",
    "Float64Node",
    "ComplexNode",
    "DateTimeNode",
    "StringNode",
    "ListNode",
    "RecordNode",
    "TupleNode",
    "call_append",
    "open_path",
]
