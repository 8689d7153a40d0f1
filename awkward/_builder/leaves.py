"""Leaf builder nodes: unknown type, bool, int64, float64, complex128, datetime/timedelta,
and strings. Values live in stdlib ``array``/``bytearray`` columns, converted once per
snapshot through the nplike."""

from __future__ import annotations

from array import array
from itertools import accumulate

from awkward._builder import core
from awkward._builder.core import (
    KEY_BOOL,
    KEY_BYTES,
    KEY_NUMBER,
    KEY_STRING,
    Node,
    OptionNode,
    call_append,
)

__all__ = [
    "UnknownNode",
    "BoolNode",
    "Int64Node",
    "Float64Node",
    "ComplexNode",
    "DateTimeNode",
    "StringNode",
]

_INTS = frozenset([int])
_FLOATS = frozenset([float])
_REALS = frozenset([int, float])
_STRS = frozenset([str])
_BYTES = frozenset([bytes])
_BOOLS = frozenset([bool])


def _numpy_array(nplike, data, dtype):
    return nplike.asarray(data, dtype=dtype, copy=True)


def _numpy_node(nplike, data, dtype, parameters=None):
    from awkward.contents import NumpyArray

    return NumpyArray(_numpy_array(nplike, data, dtype), parameters=parameters)


def _numpy_form(primitive, parameters=None):
    from awkward.forms import NumpyForm

    return NumpyForm(primitive, parameters=parameters)


# ====================================================================== unknown
class UnknownNode(Node):
    """Nothing seen yet (an EmptyArray); the first value decides what this becomes."""

    __slots__ = ()

    def _len(self):
        return 0

    def null(self):
        return OptionNode(self, array("q"), 0).null()

    def boolean(self, x):
        return BoolNode().boolean(x)

    def integer(self, x):
        return Int64Node().integer(x)

    def real(self, x):
        return Float64Node().real(x)

    def complex(self, x):
        return ComplexNode().complex(x)

    def string(self, x):
        return StringNode(KEY_STRING).string(x)

    def bytestring(self, x):
        return StringNode(KEY_BYTES).bytestring(x)

    def datetime(self, value, unit):
        return DateTimeNode("datetime", unit).datetime(value, unit)

    def timedelta(self, value, unit):
        return DateTimeNode("timedelta", unit).timedelta(value, unit)

    def begin_list(self):
        from awkward._builder.nested import ListNode

        return ListNode().begin_list()

    def begin_record(self, name):
        from awkward._builder.nested import RecordNode

        return RecordNode(name).begin_record(name)

    def begin_tuple(self, numfields):
        from awkward._builder.nested import TupleNode

        return TupleNode(numfields).begin_tuple(numfields)

    def add(self, obj):
        fresh = _FRESH_FOR_TYPE.get(type(obj))
        if fresh is None:
            return call_append(self, obj)
        return fresh(obj).add(obj)

    def add_many(self, items):
        if not items:
            return self
        kinds = frozenset(map(type, items))
        if len(kinds) == 1:
            fresh = _FRESH_FOR_TYPE.get(next(iter(kinds)))
            if fresh is not None:
                return fresh(items[0]).add_many(items)
        return Node.add_many(self, items)

    def truncate(self, length):
        pass

    def form(self):
        from awkward.forms import EmptyForm

        return EmptyForm()

    def snapshot(self, nplike):
        from awkward.contents import EmptyArray

        return EmptyArray()


core.new_unknown = UnknownNode


# ====================================================================== numbers
class _Column(Node):
    """A leaf whose values are one entry each of ``data``."""

    __slots__ = ()

    def truncate(self, length):
        del self.data[length:]


class BoolNode(_Column):
    __slots__ = ("data",)
    key = KEY_BOOL

    def __init__(self):
        self.data = bytearray()

    def _len(self):
        return len(self.data)

    def boolean(self, x):
        self.data.append(bool(x))
        return self

    def add(self, obj):
        if type(obj) is bool:
            self.data.append(obj)
            return self
        return call_append(self, obj)

    def add_many(self, items):
        if _BOOLS.issuperset(map(type, items)):
            self.data.extend(items)
            return self
        return Node.add_many(self, items)

    def form(self):
        return _numpy_form("bool")

    def snapshot(self, nplike):
        from awkward._nplikes.dtypes import bool_

        return _numpy_node(nplike, self.data, bool_)


class Int64Node(_Column):
    __slots__ = ("data", "push")
    key = KEY_NUMBER

    def __init__(self):
        self.data = array("q")
        self.push = self.data.append  # bound once: the append hot path

    def _len(self):
        return len(self.data)

    def integer(self, x):
        self.data.append(x)
        return self

    def real(self, x):
        return Float64Node.from_ints(self.data).real(x)

    def complex(self, x):
        return ComplexNode.from_reals(self.data).complex(x)

    def add(self, obj):
        if type(obj) is int:
            self.push(obj)
            return self
        return call_append(self, obj)

    def add_many(self, items):
        if _INTS.issuperset(map(type, items)):
            self.data.extend(items)
            return self
        kinds = frozenset(map(type, items))
        if kinds <= _INTS:
            self.data.extend(items)
            return self
        if kinds <= _REALS:
            return Float64Node.from_ints(self.data).add_many(items)
        return Node.add_many(self, items)

    def form(self):
        return _numpy_form("int64")

    def snapshot(self, nplike):
        from awkward._nplikes.dtypes import int64

        return _numpy_node(nplike, self.data, int64)


class Float64Node(_Column):
    __slots__ = ("data", "push")
    key = KEY_NUMBER

    def __init__(self, data=None):
        self.data = array("d") if data is None else data
        self.push = self.data.append

    @classmethod
    def from_ints(cls, ints):
        return cls(array("d", ints))

    def _len(self):
        return len(self.data)

    def integer(self, x):
        self.data.append(x)
        return self

    def real(self, x):
        self.data.append(x)
        return self

    def complex(self, x):
        return ComplexNode.from_reals(self.data).complex(x)

    def add(self, obj):
        if type(obj) is float or type(obj) is int:
            self.push(obj)
            return self
        return call_append(self, obj)

    def add_many(self, items):
        if _REALS.issuperset(map(type, items)):
            self.data.extend(items)
            return self
        return Node.add_many(self, items)

    def form(self):
        return _numpy_form("float64")

    def snapshot(self, nplike):
        from awkward._nplikes.dtypes import float64

        return _numpy_node(nplike, self.data, float64)


class ComplexNode(Node):
    """complex128 values stored as interleaved (real, imag) doubles."""

    __slots__ = ("data",)
    key = KEY_NUMBER

    def __init__(self):
        self.data = array("d")

    @classmethod
    def from_reals(cls, reals):
        out = cls()
        data = out.data = array("d", bytes(16 * len(reals)))
        data[0::2] = array("d", reals)
        return out

    def _len(self):
        return len(self.data) // 2

    def truncate(self, length):
        del self.data[2 * length :]

    def integer(self, x):
        self.data.extend((x, 0.0))
        return self

    real = integer

    def complex(self, x):
        self.data.extend((x.real, x.imag))
        return self

    def form(self):
        return _numpy_form("complex128")

    def snapshot(self, nplike):
        from awkward._nplikes.dtypes import complex128, float64

        reals = _numpy_array(nplike, self.data, float64)
        return _numpy_node(nplike, nplike.frombuffer(reals, dtype=complex128), complex128)


class DateTimeNode(_Column):
    """datetime64/timedelta64 values of one unit, stored as int64 counts of that unit."""

    __slots__ = ("data", "kind", "unit", "key")

    def __init__(self, kind, unit):
        self.data = array("q")
        self.kind = kind
        self.unit = unit
        self.key = (kind, unit)

    def _len(self):
        return len(self.data)

    def _append(self, kind, value, unit):
        if kind == self.kind and unit == self.unit:
            self.data.append(value)
            return self
        return getattr(core.UnionNode.wrap(self), kind)(value, unit)

    def datetime(self, value, unit):
        return self._append("datetime", value, unit)

    def timedelta(self, value, unit):
        return self._append("timedelta", value, unit)

    def _primitive(self):
        return f"{self.kind}64[{self.unit}]"

    def form(self):
        return _numpy_form(self._primitive())

    def snapshot(self, nplike):
        from awkward._nplikes.dtypes import int64, primitive_to_dtype

        counts = _numpy_array(nplike, self.data, int64)
        return _numpy_node(nplike, nplike.astype(counts, primitive_to_dtype(self._primitive())), None)


# ====================================================================== strings
_STRING_PARAMETERS = {
    KEY_STRING: ({"__array__": "string"}, {"__array__": "char"}),
    KEY_BYTES: ({"__array__": "bytestring"}, {"__array__": "byte"}),
}


class StringNode(Node):
    """UTF-8 strings (key "string") or bytestrings (key "bytestring"): offsets + bytes."""

    __slots__ = ("offsets", "chars", "key")

    def __init__(self, key):
        self.offsets = array("q", (0,))
        self.chars = bytearray()
        self.key = key

    def _len(self):
        return len(self.offsets) - 1

    def truncate(self, length):
        del self.offsets[length + 1 :]
        del self.chars[self.offsets[-1] :]

    # outside a union, a string and a bytestring share one column (of the first one's kind)
    def string(self, x):
        self.chars += x.encode("utf-8", "surrogateescape")
        self.offsets.append(len(self.chars))
        return self

    def bytestring(self, x):
        self.chars += x
        self.offsets.append(len(self.chars))
        return self

    def add(self, obj):
        if type(obj) is str and self.key is KEY_STRING:
            self.chars += obj.encode("utf-8", "surrogateescape")
            self.offsets.append(len(self.chars))
            return self
        if type(obj) is bytes and self.key is KEY_BYTES:
            self.chars += obj
            self.offsets.append(len(self.chars))
            return self
        return call_append(self, obj)

    def add_many(self, items):
        kinds = frozenset(map(type, items))
        if kinds == _STRS and self.key is KEY_STRING:
            pieces = [s.encode("utf-8", "surrogateescape") for s in items]
        elif kinds == _BYTES and self.key is KEY_BYTES:
            pieces = items
        else:
            return Node.add_many(self, items)
        ends = accumulate(map(len, pieces), initial=len(self.chars))
        next(ends)
        self.offsets.extend(ends)
        self.chars += b"".join(pieces)
        return self

    def form(self):
        from awkward.forms import ListOffsetForm

        outer, inner = _STRING_PARAMETERS[self.key]
        return ListOffsetForm("i64", _numpy_form("uint8", inner), parameters=outer)

    def snapshot(self, nplike):
        from awkward._builder.core import index64
        from awkward._nplikes.dtypes import uint8
        from awkward.contents import ListOffsetArray

        outer, inner = _STRING_PARAMETERS[self.key]
        chars = _numpy_node(nplike, self.chars, uint8, dict(inner))
        return ListOffsetArray(index64(nplike, self.offsets), chars, parameters=dict(outer))


def _fresh_list(obj):
    from awkward._builder.nested import ListNode

    return ListNode()


def _fresh_record(obj):
    from awkward._builder.nested import RecordNode

    return RecordNode(None)


def _fresh_tuple(obj):
    from awkward._builder.nested import TupleNode

    return TupleNode(len(obj))


_FRESH_FOR_TYPE = {
    bool: lambda obj: BoolNode(),
    int: lambda obj: Int64Node(),
    float: lambda obj: Float64Node(),
    str: lambda obj: StringNode(KEY_STRING),
    bytes: lambda obj: StringNode(KEY_BYTES),
    list: _fresh_list,
    dict: _fresh_record,
    tuple: _fresh_tuple,
}
