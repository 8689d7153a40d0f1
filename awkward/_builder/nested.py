"""Container builder nodes: variable-length lists, records (named fields) and tuples.

Each keeps a ``begun`` flag (exposed as ``active``) while the user is between begin_* and
end_*; every call made meanwhile is forwarded to the innermost open child."""

from __future__ import annotations

from array import array
from itertools import accumulate, chain
from operator import itemgetter

from awkward._builder.core import KEY_LIST, Node, OptionNode, call_append, index64, misuse
from awkward._builder.leaves import UnknownNode

__all__ = ["ListNode", "RecordNode", "TupleNode"]

_LISTS = frozenset([list])
_DICTS = frozenset([dict])
_TUPLES = frozenset([tuple])


def _nulls(length):
    """A fresh child that already holds ``length`` missing values."""
    if length == 0:
        return UnknownNode()
    return OptionNode(UnknownNode(), array("q", [-1]) * length, 0)


class _Container(Node):
    """Shared forwarding: while begun, value and begin calls go to the open child."""

    __slots__ = ()

    def _child_call(self, name, *args):
        raise NotImplementedError

    def null(self):
        if self.active:
            return self._child_call("null")
        return Node.null(self)

    def boolean(self, x):
        return self._child_call("boolean", x) if self.active else Node.boolean(self, x)

    def integer(self, x):
        return self._child_call("integer", x) if self.active else Node.integer(self, x)

    def real(self, x):
        return self._child_call("real", x) if self.active else Node.real(self, x)

    def complex(self, x):
        return self._child_call("complex", x) if self.active else Node.complex(self, x)

    def string(self, x):
        return self._child_call("string", x) if self.active else Node.string(self, x)

    def bytestring(self, x):
        return self._child_call("bytestring", x) if self.active else Node.bytestring(self, x)

    def datetime(self, value, unit):
        if self.active:
            return self._child_call("datetime", value, unit)
        return Node.datetime(self, value, unit)

    def timedelta(self, value, unit):
        if self.active:
            return self._child_call("timedelta", value, unit)
        return Node.timedelta(self, value, unit)


# ====================================================================== lists
class ListNode(_Container):
    """Variable-length lists: ``offsets`` (array('q'), starts with 0) over ``content``."""

    __slots__ = ("offsets", "content", "total", "active")
    key = KEY_LIST

    def __init__(self):
        self.offsets = array("q", (0,))
        self.content = UnknownNode()
        self.total = 0
        self.active = False

    def _len(self):
        return len(self.offsets) - 1

    def _inner_open(self):
        content = self.content
        return content if content.active else None

    def _child_call(self, name, *args):
        self.content = getattr(self.content, name)(*args)
        return self

    def truncate(self, length):
        del self.offsets[length + 1 :]
        self.total = self.offsets[-1]
        self.content.truncate(self.total)
        self.active = False  # a list the failed append opened is dropped with it

    def begin_list(self):
        if self.active:
            self.content = self.content.begin_list()
            return self
        self.active = True
        return self

    def end_list(self):
        if not self.active:
            raise misuse("end_list", "begin_list")
        content = self.content
        if content.active:
            self.content = content.end_list()
            return self
        self.total = content._len()
        self.offsets.append(self.total)
        self.active = False
        return self

    def begin_record(self, name):
        if self.active:
            return self._child_call("begin_record", name)
        return Node.begin_record(self, name)

    def begin_tuple(self, numfields):
        if self.active:
            return self._child_call("begin_tuple", numfields)
        return Node.begin_tuple(self, numfields)

    def _inner(self, name, needs, *args):
        if not self.active:
            raise misuse(name, needs)
        return self._child_call(name, *args)

    def field(self, key):
        return self._inner("field", "begin_record", key)

    def end_record(self):
        return self._inner("end_record", "begin_record")

    def index(self, i):
        return self._inner("index", "begin_tuple", i)

    def end_tuple(self):
        return self._inner("end_tuple", "begin_tuple")

    def add(self, obj):
        if type(obj) is list:
            self.content = self.content.add_many(obj)
            self.total += len(obj)
            self.offsets.append(self.total)
            return self
        return call_append(self, obj)

    def add_many(self, items):
        if frozenset(map(type, items)) <= _LISTS:
            self.content = self.content.add_many(list(chain.from_iterable(items)))
            ends = accumulate(map(len, items), initial=self.total)
            next(ends)
            self.offsets.extend(ends)
            self.total = self.offsets[-1]
            return self
        return Node.add_many(self, items)

    # the calls of list filling, without the generic forwarding (one frame fewer each)
    def real(self, x):
        if self.active:
            self.content = self.content.real(x)
            return self
        return Node.real(self, x)

    def integer(self, x):
        if self.active:
            self.content = self.content.integer(x)
            return self
        return Node.integer(self, x)

    def form(self):
        from awkward.forms import ListOffsetForm

        return ListOffsetForm("i64", self.content.form())

    def snapshot(self, nplike):
        from awkward.contents import ListOffsetArray

        return ListOffsetArray(index64(nplike, self.offsets), self.content.snapshot(nplike))


# ====================================================================== records and tuples
class _Fields(_Container):
    """What records and tuples share: child nodes, a row count, the field being filled."""

    __slots__ = ("children", "length", "active", "current")

    def _child_call(self, name, *args):
        current = self.current
        if current < 0:
            raise ValueError(
                f"ArrayBuilder: called {name!r} inside a {self._what} without selecting a "
                f"{self._selector} first"
            )
        child = self.children[current]
        if not child.active and child._len() > self.length:
            raise ValueError(
                f"ArrayBuilder: {self._what} {self._describe(current)} filled more than once"
            )
        new = getattr(child, name)(*args)
        if new is not child:
            self.children[current] = new
            self._changed()
        return self

    def begin_list(self):
        if self.active:
            return self._child_call("begin_list")
        return Node.begin_list(self)

    # the calls of record filling: _child_call's work inline (one frame fewer each)
    def real(self, x):
        current = self.current
        if current < 0 or not self.active:
            return self._child_call("real", x) if self.active else Node.real(self, x)
        children = self.children
        child = children[current]
        if not child.active and child._len() > self.length:
            return self._child_call("real", x)  # raises the clear error
        new = child.real(x)
        if new is not child:
            children[current] = new
            self._changed()
        return self

    def integer(self, x):
        current = self.current
        if current < 0 or not self.active:
            return self._child_call("integer", x) if self.active else Node.integer(self, x)
        children = self.children
        child = children[current]
        if not child.active and child._len() > self.length:
            return self._child_call("integer", x)  # raises the clear error
        new = child.integer(x)
        if new is not child:
            children[current] = new
            self._changed()
        return self

    def truncate(self, length):
        self.length = min(self.length, length)
        for child in self.children:
            child.truncate(self.length)
        self.active = False  # a row the failed append opened is dropped with it
        self.current = -1

    def _forward(self, name, needs, *args):
        """A closer (end_list, field, index ...) meant for an open child."""
        current = self.current
        if current < 0 or not self.children[current].active:
            raise misuse(name, needs)
        child = self.children[current]
        new = getattr(child, name)(*args)
        if new is not child:
            self.children[current] = new
            self._changed()
        return self

    def _changed(self):
        """Children were replaced: drop caches that refer to them."""

    def _select(self, slot):
        """Make ``slot`` the field being filled (checks it was not filled in this row)."""
        child = self.children[slot]
        if child._len() > self.length:
            raise ValueError(
                f"ArrayBuilder: {self._what} {self._describe(slot)} filled more than once"
            )
        self.current = slot

    def _open_child(self):
        current = self.current
        return current >= 0 and self.children[current].active

    def _inner_open(self):
        current = self.current
        if current >= 0:
            child = self.children[current]
            if child.active:
                return child
        return None

    def _finish_row(self):
        """Missing fields of this row become None; the row is counted."""
        length = self.length
        children = self.children
        for i, child in enumerate(children):
            if child._len() == length:
                children[i] = child.null()
                self._changed()
        self.length = length + 1
        self.active = False
        self.current = -1
        return self

    def end_list(self):
        if not self.active:
            raise misuse("end_list", "begin_list")
        return self._forward("end_list", "begin_list")

    def _columns_add(self, items, getters):
        """Append rows given as columns (one getter per child); False if a row lacks one."""
        try:
            columns = [list(map(get, items)) for get in getters]
        except (KeyError, IndexError):
            return False
        children = self.children
        for i, column in enumerate(columns):
            children[i] = children[i].add_many(column)
        self.length += len(items)
        self._changed()
        return True

    def _build_contents(self, nplike):
        return [c.snapshot(nplike) for c in self.children]


class RecordNode(_Fields):
    """Records with named fields (in order of first appearance), optionally named."""

    __slots__ = ("name", "fields", "slot_of", "key", "adders")
    _what = "record"
    _selector = "field with 'field'"

    def __init__(self, name):
        self.name = name
        self.key = ("record", name)
        self.fields = []
        self.slot_of = {}
        self.children = []
        self.adders = None  # children's bound add methods; None when children changed
        self.length = 0
        self.active = False
        self.current = -1

    def _describe(self, slot):
        return f"field {self.fields[slot]!r}"

    def _changed(self):
        self.adders = None

    def _len(self):
        return self.length

    def _new_field(self, key):
        slot = len(self.fields)
        self.fields.append(key)
        self.slot_of[key] = slot
        self.children.append(_nulls(self.length))
        self.adders = None
        return slot

    def begin_record(self, name):
        if self.active:
            return self._child_call("begin_record", name)
        if name is not None and name != self.name:
            return Node.begin_record(self, name)
        self.active = True
        self.current = -1
        return self

    def field(self, key):
        if not self.active:
            raise misuse("field", "begin_record")
        current = self.current
        children = self.children
        if current >= 0 and children[current].active:
            return self._forward("field", "begin_record", key)
        if not isinstance(key, str):
            raise TypeError(f"ArrayBuilder.field: the key must be a str, not {type(key).__name__}")
        slot = self.slot_of.get(key)
        if slot is None:
            slot = self._new_field(key)
        elif children[slot]._len() > self.length:
            self._select(slot)  # raises: filled more than once
        self.current = slot
        return self

    def end_record(self):
        if not self.active:
            raise misuse("end_record", "begin_record")
        current = self.current
        if current >= 0 and self.children[current].active:
            return self._forward("end_record", "begin_record")
        return self._finish_row()

    def begin_tuple(self, numfields):
        if self.active:
            return self._child_call("begin_tuple", numfields)
        return Node.begin_tuple(self, numfields)

    def index(self, i):
        if not self.active:
            raise misuse("index", "begin_tuple")
        return self._forward("index", "begin_tuple", i)

    def end_tuple(self):
        if not self.active:
            raise misuse("end_tuple", "begin_tuple")
        return self._forward("end_tuple", "begin_tuple")

    def add(self, obj):
        if type(obj) is not dict or self.name is not None:
            return call_append(self, obj)
        slot_of = self.slot_of
        children = self.children
        adders = self.adders
        if adders is None:
            adders = self.adders = [child.add for child in children]
        length = self.length
        for key, value in obj.items():
            slot = slot_of.get(key)
            if slot is None:
                if not isinstance(key, str):
                    return call_append(self, obj)  # raises the clear error
                slot = self._new_field(key)
                adders.append(children[slot].add)
            new = adders[slot](value)
            if new is not children[slot]:
                children[slot] = new
                adders[slot] = new.add
        if len(obj) != len(children):
            for i, child in enumerate(children):
                if child._len() == length:
                    children[i] = child.null()
            self.adders = None
        self.length = length + 1
        return self

    def add_many(self, items):
        if self.name is None and frozenset(map(type, items)) <= _DICTS and items:
            if not self.fields and self.length == 0:
                for key in items[0]:
                    if not isinstance(key, str):
                        return Node.add_many(self, items)
                    self._new_field(key)
            nfields = len(self.fields)
            if frozenset(map(len, items)) == {nfields}:
                if self._columns_add(items, [itemgetter(f) for f in self.fields]):
                    return self
        return Node.add_many(self, items)

    def form(self):
        from awkward.forms import RecordForm

        parameters = None if self.name is None else {"__record__": self.name}
        return RecordForm([c.form() for c in self.children], list(self.fields), parameters=parameters)

    def snapshot(self, nplike):
        from awkward.contents import RecordArray

        parameters = None if self.name is None else {"__record__": self.name}
        return RecordArray(
            self._build_contents(nplike), list(self.fields), self.length, parameters=parameters
        )


class TupleNode(_Fields):
    """Tuples: a fixed number of positional fields."""

    __slots__ = ("numfields", "key")
    _what = "tuple"
    _selector = "slot with 'index'"

    def __init__(self, numfields):
        self.numfields = numfields
        self.key = ("tuple", numfields)
        self.children = [UnknownNode() for _ in range(numfields)]
        self.length = 0
        self.active = False
        self.current = -1

    def _describe(self, slot):
        return f"slot {slot}"

    def _len(self):
        return self.length

    def begin_tuple(self, numfields):
        if self.active:
            return self._child_call("begin_tuple", numfields)
        if numfields != self.numfields:
            return Node.begin_tuple(self, numfields)
        self.active = True
        self.current = -1
        return self

    def index(self, i):
        if not self.active:
            raise misuse("index", "begin_tuple")
        if self._open_child():
            return self._forward("index", "begin_tuple", i)
        if not 0 <= i < self.numfields:
            raise IndexError(
                f"ArrayBuilder.index: {i} is out of range for a tuple of {self.numfields} "
                f"field{'s' if self.numfields != 1 else ''}"
            )
        self._select(i)
        return self

    def end_tuple(self):
        if not self.active:
            raise misuse("end_tuple", "begin_tuple")
        if self._open_child():
            return self._forward("end_tuple", "begin_tuple")
        return self._finish_row()

    def begin_record(self, name):
        if self.active:
            return self._child_call("begin_record", name)
        return Node.begin_record(self, name)

    def field(self, key):
        if not self.active:
            raise misuse("field", "begin_record")
        return self._forward("field", "begin_record", key)

    def end_record(self):
        if not self.active:
            raise misuse("end_record", "begin_record")
        return self._forward("end_record", "begin_record")

    def add(self, obj):
        if type(obj) is not tuple or len(obj) != self.numfields:
            return call_append(self, obj)
        children = self.children
        for slot, value in enumerate(obj):
            child = children[slot]
            new = child.add(value)
            if new is not child:
                children[slot] = new
        self.length += 1
        return self

    def add_many(self, items):
        n = self.numfields
        if items and frozenset(map(type, items)) <= _TUPLES and frozenset(map(len, items)) == {n}:
            if self._columns_add(items, [itemgetter(i) for i in range(n)]):
                return self
        return Node.add_many(self, items)

    def form(self):
        from awkward.forms import RecordForm

        return RecordForm([c.form() for c in self.children], None)

    def snapshot(self, nplike):
        from awkward.contents import RecordArray

        return RecordArray(self._build_contents(nplike), None, self.length)
