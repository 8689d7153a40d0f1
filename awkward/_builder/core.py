"""The builder-node protocol, and the two nodes that wrap others: OptionNode and UnionNode.

A builder is a tree of nodes. Every node answers the explicit calls of ArrayBuilder
(``null``, ``integer``, ``begin_list`` ...) and returns the node that replaces it: itself,
or a wider one when the data calls for it (int64 -> float64, a value of a new kind -> a
union, a None -> an option). The parent stores whatever comes back.

Two ways in:
- explicit calls, which honour open (``active``) lists/records/tuples by forwarding to the
  innermost open child;
- ``add(obj)`` / ``add_many(items)``: the append fast path for whole Python objects. It is
  only used on a node with nothing open (then no node below it is open either), so it
  skips the forwarding checks. Anything unusual falls back to ``call_append``, which
  replays the object as explicit calls, so both ways build the same thing.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping

__all__ = ["Node", "OptionNode", "UnionNode", "call_append", "misuse", "open_path"]

NoneType = type(None)

# union routing keys: values with equal keys share one union content
KEY_BOOL = "bool"
KEY_NUMBER = "number"  # int64, float64 and complex128 promote into each other
KEY_STRING = "string"
KEY_BYTES = "bytestring"
KEY_LIST = "list"

# set by leaves.py (which imports this module): a fresh node of unknown type
new_unknown = None


def misuse(call: str, needs: str) -> ValueError:
    return ValueError(
        f"ArrayBuilder: called {call!r} without {needs!r} at the same level before it"
    )


class Node:
    """Base of all builder nodes: defaults for a node that is not a container of the call's kind."""

    __slots__ = ()

    active = False
    key: object = None

    def _len(self) -> int:
        raise NotImplementedError

    def _inner_open(self):
        """The open node one level down that calls are forwarded to, or None."""
        return None

    # ------------------------------------------------------------------ values: widen by default
    def null(self):
        return OptionNode.wrap(self).null()

    def boolean(self, x):
        return UnionNode.wrap(self).boolean(x)

    def integer(self, x):
        return UnionNode.wrap(self).integer(x)

    def real(self, x):
        return UnionNode.wrap(self).real(x)

    def complex(self, x):
        return UnionNode.wrap(self).complex(x)

    def string(self, x):
        return UnionNode.wrap(self).string(x)

    def bytestring(self, x):
        return UnionNode.wrap(self).bytestring(x)

    def datetime(self, value, unit):
        return UnionNode.wrap(self).datetime(value, unit)

    def timedelta(self, value, unit):
        return UnionNode.wrap(self).timedelta(value, unit)

    def begin_list(self):
        return UnionNode.wrap(self).begin_list()

    def begin_record(self, name):
        return UnionNode.wrap(self).begin_record(name)

    def begin_tuple(self, numfields):
        return UnionNode.wrap(self).begin_tuple(numfields)

    # ------------------------------------------------------------------ closers: misuse by default
    def end_list(self):
        raise misuse("end_list", "begin_list")

    def field(self, key):
        raise misuse("field", "begin_record")

    def end_record(self):
        raise misuse("end_record", "begin_record")

    def index(self, i):
        raise misuse("index", "begin_tuple")

    def end_tuple(self):
        raise misuse("end_tuple", "begin_tuple")

    # ------------------------------------------------------------------ append fast path
    def add(self, obj):
        return call_append(self, obj)

    def add_many(self, items):
        node = self
        for item in items:
            node = node.add(item)
        return node

    def truncate(self, length: int) -> None:
        """Drop entries from ``length`` on (undoes a failed append; types stay widened).
        Only called on a node with nothing open."""
        raise NotImplementedError

    # ------------------------------------------------------------------ results
    def form(self):
        raise NotImplementedError

    def snapshot(self, nplike):
        raise NotImplementedError


def open_path(node, path):
    """Append to ``path`` the open lists/records/tuples from ``node`` down (the last one is
    the innermost, where calls land: see ArrayBuilder's cursor); True if a union is on the way."""
    union = False
    while node is not None and node.active:
        if isinstance(node, UnionNode):
            union = True
        elif not isinstance(node, OptionNode):
            path.append(node)
        node = node._inner_open()
    return union


def index64(nplike, data):
    """An Index64 holding a copy of an array('q') (the builder keeps growing its own)."""
    from awkward._nplikes.dtypes import int64
    from awkward.index import Index64

    return Index64(nplike.asarray(data, dtype=int64, copy=True))


def index8(nplike, data):
    from awkward._nplikes.dtypes import int8
    from awkward.index import Index8

    return Index8(nplike.asarray(data, dtype=int8, copy=True))


# ====================================================================== option
class OptionNode(Node):
    """Missing values: ``index[i]`` is -1 for None, else the position in ``content``."""

    __slots__ = ("content", "idx", "next")

    def __init__(self, content, idx, nxt):
        self.content = content
        self.idx = idx
        self.next = nxt

    @classmethod
    def wrap(cls, node):
        n = node._len()
        return cls(node, array("q", range(n)), n)

    @property
    def active(self):
        return self.content.active

    @property
    def key(self):
        return self.content.key

    def _len(self):
        # an entry whose content is still open (begin_list ...) is not complete yet
        return len(self.idx) - (1 if self.content.active else 0)

    def _inner_open(self):
        content = self.content
        return content if content.active else None

    def null(self):
        if self.content.active:
            self.content = self.content.null()
        else:
            self.idx.append(-1)
        return self

    def _value(self, name, *args):
        content = self.content
        if content.active:
            self.content = getattr(content, name)(*args)
        else:
            self.content = getattr(content, name)(*args)
            self.idx.append(self.next)
            self.next += 1
        return self

    def boolean(self, x):
        return self._value("boolean", x)

    def integer(self, x):
        return self._value("integer", x)

    def real(self, x):
        return self._value("real", x)

    def complex(self, x):
        return self._value("complex", x)

    def string(self, x):
        return self._value("string", x)

    def bytestring(self, x):
        return self._value("bytestring", x)

    def datetime(self, value, unit):
        return self._value("datetime", value, unit)

    def timedelta(self, value, unit):
        return self._value("timedelta", value, unit)

    def begin_list(self):
        return self._value("begin_list")

    def begin_record(self, name):
        return self._value("begin_record", name)

    def begin_tuple(self, numfields):
        return self._value("begin_tuple", numfields)

    def _inside(self, name, *args):
        self.content = getattr(self.content, name)(*args)
        return self

    def end_list(self):
        return self._inside("end_list")

    def field(self, key):
        return self._inside("field", key)

    def end_record(self):
        return self._inside("end_record")

    def index(self, i):
        return self._inside("index", i)

    def end_tuple(self):
        return self._inside("end_tuple")

    def add(self, obj):
        if obj is None:
            self.idx.append(-1)
            return self
        content = self.content
        new = content.add(obj)
        if new is not content:
            self.content = new
        self.idx.append(self.next)
        self.next += 1
        return self

    def truncate(self, length):
        idx = self.idx
        del idx[length:]
        self.next = max(idx, default=-1) + 1
        self.content.truncate(self.next)

    def add_many(self, items):
        present = [x for x in items if x is not None]
        if len(present) == len(items):
            start = self.next
            self.idx.extend(range(start, start + len(items)))
        else:
            nxt = self.next
            out = self.idx
            for x in items:
                if x is None:
                    out.append(-1)
                else:
                    out.append(nxt)
                    nxt += 1
        self.next += len(present)
        self.content = self.content.add_many(present)
        return self

    # A union never sits inside an option (awkward's rule): the option moves into the
    # union: every None goes to content 0 (appended after its values, all sharing one -1),
    # the other contents become UnmaskedArrays.
    def form(self):
        from awkward.forms import IndexedOptionForm, UnionForm, UnmaskedForm

        content = self.content
        if isinstance(content, UnionNode):
            forms = [c.form() for c in content.contents]
            wrapped = [IndexedOptionForm("i64", forms[0])]
            wrapped.extend(UnmaskedForm(f) for f in forms[1:])
            return UnionForm("i8", "i64", wrapped)
        return IndexedOptionForm("i64", content.form())

    def snapshot(self, nplike):
        from awkward.contents import IndexedOptionArray

        content = self.content
        if isinstance(content, UnionNode):
            return self._union_snapshot(content, nplike)
        return IndexedOptionArray(
            index64(nplike, self.idx[: self._len()]), content.snapshot(nplike)
        )

    def _union_snapshot(self, union, nplike):
        from awkward.contents import IndexedOptionArray, UnionArray, UnmaskedArray

        utags, uindex = union.tags, union.idx
        first_length = union.counts[0]
        outer = self.idx[: self._len()]
        tags = array("b", [0 if i < 0 else utags[i] for i in outer])
        index = array("q", [first_length if i < 0 else uindex[i] for i in outer])
        contents = [c.snapshot(nplike) for c in union.contents]
        first = IndexedOptionArray(
            index64(nplike, array("q", [*range(first_length), -1])), contents[0]
        )
        rest = [UnmaskedArray(c) for c in contents[1:]]
        return UnionArray(index8(nplike, tags), index64(nplike, index), [first, *rest])


# ====================================================================== union
def _key_of_record(name):
    return ("record", name)


class UnionNode(Node):
    """Values of different kinds: ``tags[i]`` picks a content, ``index[i]`` the position in it."""

    __slots__ = ("contents", "tags", "idx", "counts", "slot_of", "current")

    def __init__(self):
        self.contents = []
        self.tags = array("b")
        self.idx = array("q")
        self.counts = []
        self.slot_of = {}
        self.current = -1  # the content with an open list/record/tuple, or -1

    @classmethod
    def wrap(cls, node):
        out = cls()
        n = node._len()
        out.contents.append(node)
        out.tags.extend(bytes(n))
        out.idx.extend(range(n))
        out.counts.append(n)
        out.slot_of[node.key] = 0
        return out

    @property
    def active(self):
        return self.current >= 0

    key = None  # never used: a union is not a content of another union

    def _len(self):
        return len(self.tags) - (1 if self.current >= 0 else 0)

    def _inner_open(self):
        current = self.current
        return self.contents[current] if current >= 0 else None

    def _slot(self, key):
        """The content for values of ``key`` (a record with name None takes any record)."""
        slot = self.slot_of.get(key)
        if slot is None and type(key) is tuple and key[0] == "record" and key[1] is None:
            for k, s in self.slot_of.items():
                if type(k) is tuple and k[0] == "record":
                    return s
        if slot is None:
            if len(self.contents) >= 127:
                raise ValueError("ArrayBuilder: a union cannot have more than 127 contents")
            slot = len(self.contents)
            self.contents.append(new_unknown())
            self.counts.append(0)
            self.slot_of[key] = slot
        return slot

    def _value(self, key, name, *args):
        current = self.current
        if current >= 0:
            content = self.contents[current]
            self.contents[current] = new = getattr(content, name)(*args)
            if not new.active:
                self.current = -1
            return self
        slot = self._slot(key)
        content = self.contents[slot]
        self.contents[slot] = new = getattr(content, name)(*args)
        self.tags.append(slot)
        self.idx.append(self.counts[slot])
        self.counts[slot] += 1
        if new.active:
            self.current = slot
        return self

    def null(self):
        if self.current >= 0:
            return self._value(None, "null")
        return OptionNode.wrap(self).null()

    def boolean(self, x):
        return self._value(KEY_BOOL, "boolean", x)

    def integer(self, x):
        return self._value(KEY_NUMBER, "integer", x)

    def real(self, x):
        return self._value(KEY_NUMBER, "real", x)

    def complex(self, x):
        return self._value(KEY_NUMBER, "complex", x)

    def string(self, x):
        return self._value(KEY_STRING, "string", x)

    def bytestring(self, x):
        return self._value(KEY_BYTES, "bytestring", x)

    def datetime(self, value, unit):
        return self._value(("datetime", unit), "datetime", value, unit)

    def timedelta(self, value, unit):
        return self._value(("timedelta", unit), "timedelta", value, unit)

    def begin_list(self):
        return self._value(KEY_LIST, "begin_list")

    def begin_record(self, name):
        return self._value(_key_of_record(name), "begin_record", name)

    def begin_tuple(self, numfields):
        return self._value(("tuple", numfields), "begin_tuple", numfields)

    def _inside(self, name, needs, *args):
        current = self.current
        if current < 0:
            raise misuse(name, needs)
        new = getattr(self.contents[current], name)(*args)
        self.contents[current] = new
        if not new.active:
            self.current = -1
        return self

    def end_list(self):
        return self._inside("end_list", "begin_list")

    def field(self, key):
        return self._inside("field", "begin_record", key)

    def end_record(self):
        return self._inside("end_record", "begin_record")

    def index(self, i):
        return self._inside("index", "begin_tuple", i)

    def end_tuple(self):
        return self._inside("end_tuple", "begin_tuple")

    def truncate(self, length):
        del self.tags[length:]
        del self.idx[length:]
        counts = self.counts = [0] * len(self.contents)
        for tag, at in zip(self.tags, self.idx):
            if at >= counts[tag]:
                counts[tag] = at + 1
        for content, count in zip(self.contents, counts):
            content.truncate(count)
        self.current = -1  # a content the failed append opened is closed

    def add(self, obj):
        key = _KEY_OF_TYPE.get(type(obj))
        if key is None:
            if type(obj) is dict:
                key = _key_of_record(None)
            elif type(obj) is tuple:
                key = ("tuple", len(obj))
            else:
                return call_append(self, obj)
        slot = self.slot_of.get(key)
        if slot is None:
            return call_append(self, obj)
        content = self.contents[slot]
        new = content.add(obj)
        if new is not content:
            self.contents[slot] = new
        self.tags.append(slot)
        self.idx.append(self.counts[slot])
        self.counts[slot] += 1
        return self

    def form(self):
        from awkward.forms import UnionForm

        return UnionForm("i8", "i64", [c.form() for c in self.contents])

    def snapshot(self, nplike):
        from awkward.contents import UnionArray

        n = self._len()
        return UnionArray(
            index8(nplike, self.tags[:n]),
            index64(nplike, self.idx[:n]),
            [c.snapshot(nplike) for c in self.contents],
        )


_KEY_OF_TYPE = {
    bool: KEY_BOOL,
    int: KEY_NUMBER,
    float: KEY_NUMBER,
    complex: KEY_NUMBER,
    str: KEY_STRING,
    bytes: KEY_BYTES,
    list: KEY_LIST,
}


# ====================================================================== replaying objects as calls
def _append_mapping(node, obj):
    node = node.begin_record(None)
    for key, value in obj.items():
        if not isinstance(key, str):
            raise ValueError(
                f"ArrayBuilder: keys of dicts must all be strings to become record fields, "
                f"not {type(key).__name__} ({key!r:.40})"
            )
        node = call_append(node.field(key), value)
    return node.end_record()


def _append_tuple(node, obj):
    node = node.begin_tuple(len(obj))
    for i, value in enumerate(obj):
        node = call_append(node.index(i), value)
    return node.end_tuple()


def _append_list(node, obj):
    node = node.begin_list()
    for value in obj:
        node = call_append(node, value)
    return node.end_list()


_CALL_BY_TYPE = {
    NoneType: lambda node, obj: node.null(),
    bool: lambda node, obj: node.boolean(obj),
    int: lambda node, obj: node.integer(obj),
    float: lambda node, obj: node.real(obj),
    complex: lambda node, obj: node.complex(obj),
    str: lambda node, obj: node.string(obj),
    bytes: lambda node, obj: node.bytestring(obj),
    dict: _append_mapping,
    tuple: _append_tuple,
    list: _append_list,
}


def call_append(node, obj):
    """Append a whole Python object through explicit calls (works with open containers)."""
    handler = _CALL_BY_TYPE.get(type(obj))
    if handler is not None:
        return handler(node, obj)
    return _call_append_other(node, obj)


def _call_append_other(node, obj):
    from awkward._builder.values import datetime_parts, timedelta_parts

    if isinstance(obj, bool):
        return node.boolean(bool(obj))
    if isinstance(obj, int):
        return node.integer(int(obj))
    if isinstance(obj, float):
        return node.real(float(obj))
    if isinstance(obj, complex):
        return node.complex(complex(obj))
    if isinstance(obj, str):
        return node.string(str(obj))
    if isinstance(obj, (bytes, bytearray, memoryview)):
        return node.bytestring(bytes(obj))
    if isinstance(obj, Mapping):
        return _append_mapping(node, obj)
    if isinstance(obj, tuple):
        return _append_tuple(node, obj)
    parts = datetime_parts(obj)
    if parts is not None:
        return node.datetime(*parts)
    parts = timedelta_parts(obj)
    if parts is not None:
        return node.timedelta(*parts)
    tolist = getattr(obj, "tolist", None)
    if callable(tolist) and hasattr(obj, "dtype"):
        # numpy (or any array library) scalars and arrays, without importing numpy here
        return call_append(node, tolist())
    if isinstance(obj, Iterable):
        return _append_list(node, obj)
    raise ValueError(
        f"ArrayBuilder: cannot convert {obj!r:.60} (type {type(obj).__name__}) to an array "
        "element: expected None, bool, int, float, complex, str, bytes, dict, tuple, an "
        "iterable, or an array scalar"
    )
