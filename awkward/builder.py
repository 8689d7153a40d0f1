"""ArrayBuilder at the layout level: build arrays value by value, get a Content back.

``ArrayBuilder`` discovers the type as data arrive: ints then floats become float64, ints
and bools a union, a None anywhere an option, lists of mixed content unions inside lists,
records missing a field in some rows option-type fields, records of different names a
union. ``snapshot()`` returns an ``awkward.contents`` layout (the high-level
``ak.ArrayBuilder`` wraps it in an ``ak.Array``).

The work is done by a tree of nodes in ``awkward._builder``: typed columns in stdlib
``array``/``bytearray`` objects, converted once per snapshot through the nplike.
``append``/``extend`` take a fast path for whole Python objects (``extend`` of a list of
dicts with the same keys fills each field column in one go); ``extend`` of a list of plain
objects into a fresh builder (``ak.from_iter``) runs in the compiled engine.
"""

from __future__ import annotations

from contextlib import contextmanager
from itertools import islice
from operator import index as _as_index

from awkward._builder import (
    Float64Node,
    Int64Node,
    ListNode,
    RecordNode,
    UnknownNode,
    call_append,
    open_path,
)
from awkward._builder.values import to_datetime, to_timedelta

__all__ = ["ArrayBuilder"]

_CHUNK = 1 << 16  # extend() feeds iterables in chunks of this many items
_STALE = object()  # the cursor must be found again from the root


def _compiled_extend(builder, items: list) -> bool:
    """ak.from_iter's fast path: a fresh builder fed a list of plain Python objects (None,
    bool, int, float, complex, str, bytes, lists, tuples, dicts with str keys) is filled by
    the compiled engine (awkward_cpp._builder), which discovers the same types call for call,
    and its state becomes this builder's node tree. False (nothing done) when the compiled
    engine is missing or an item is not plain."""
    try:
        from awkward_cpp._builder import Builder
    except ImportError:
        return False
    from awkward._builder.compiled import node_from_state

    compiled = Builder()
    if not compiled._extend_plain(items):
        return False
    builder._root = node_from_state(compiled._state(True))
    return True


def _overflow(err: OverflowError) -> ValueError:
    return ValueError(f"ArrayBuilder: integer out of range for int64 ({err})")


class ArrayBuilder:
    """Builds one array from a stream of calls or Python objects (see the module docstring).

    ``initial`` and ``resize`` are accepted for compatibility (awkward sizes its buffers
    with them); here the stdlib arrays grow geometrically on their own.

    Calls land on a *cursor*: the innermost open list/record/tuple (None when nothing is
    open). Every node above it only forwards calls to it, and an open node answers value,
    ``field``/``index``, ``begin_*`` and ``end_*`` calls with itself, so calls skip the walk
    down the tree. ``_path`` holds the open lists/records/tuples from the root down to the
    cursor; when a union lies on that path, ``end_*`` calls go through the root instead (the
    union must see its content close). While the cursor is a list of float64 (or int64),
    ``real``/``integer`` append straight to its column (``_push_real``/``_push_int``); any
    other call drops that shortcut first."""

    __slots__ = ("_tree", "_cursor", "_path", "_union", "_push_real", "_push_int",
                 "_initial", "_resize")

    def __init__(self, *, initial=1024, resize=8):
        try:
            initial = _as_index(initial)
        except TypeError:
            raise TypeError(
                f"ArrayBuilder 'initial' must be a positive int, not {type(initial).__name__}"
            ) from None
        if initial <= 0:
            raise ValueError(f"ArrayBuilder 'initial' must be a positive int, not {initial}")
        if isinstance(resize, bool) or not isinstance(resize, (int, float)) or not resize > 1:
            raise ValueError(f"ArrayBuilder 'resize' must be a number greater than 1, not {resize!r}")
        self._initial = initial
        self._resize = resize
        self._root = UnknownNode()

    @property
    def _root(self):
        """The root node (code that replays calls into the nodes reads and sets it)."""
        return self._tree

    @_root.setter
    def _root(self, node):
        self._tree = node
        self._cursor = _STALE
        self._path = []
        self._union = False
        self._push_real = self._push_int = None

    def _find(self):
        """Find the cursor again from the root."""
        path = self._path = []
        self._union = open_path(self._tree, path)
        cursor = self._cursor = path[-1] if path else None
        return cursor

    def _value(self, name, *args):
        self._push_real = self._push_int = None
        cursor = self._cursor
        if cursor is _STALE:
            cursor = self._find()
        if cursor is None:
            self._tree = getattr(self._tree, name)(*args)
        else:
            getattr(cursor, name)(*args)  # an open node returns itself

    def _begin(self, name, *args):
        self._push_real = self._push_int = None
        cursor = self._cursor
        if cursor is _STALE:
            cursor = self._find()
        if cursor is None:
            tree = self._tree = getattr(self._tree, name)(*args)
            if type(tree) is RecordNode or type(tree) is ListNode:
                self._path = [tree]  # the root itself opened (the usual top level)
                self._union = False
                self._cursor = tree
            else:
                self._find()
            return
        getattr(cursor, name)(*args)
        inner = cursor._inner_open()
        if inner is not None:
            if open_path(inner, self._path):
                self._union = True
            self._cursor = self._path[-1]

    def _end(self, name):
        self._push_real = self._push_int = None
        cursor = self._cursor
        if cursor is _STALE:
            cursor = self._find()
        if cursor is None or self._union:
            self._cursor = _STALE
            self._tree = getattr(self._tree, name)()
            return
        try:
            getattr(cursor, name)()
        except BaseException:
            self._cursor = _STALE
            raise
        path = self._path
        while path and not path[-1].active:
            path.pop()
        self._cursor = path[-1] if path else None

    def _shortcut(self, cursor):
        """After a number went into ``cursor``: append the next ones straight to its column."""
        if type(cursor) is ListNode:
            content = cursor.content
            kind = type(content)
            if kind is Float64Node:
                self._push_real = self._push_int = content.push
            elif kind is Int64Node:
                self._push_int = content.push

    # ------------------------------------------------------------------ state
    def __len__(self) -> int:
        return self._tree._len()

    def __repr__(self) -> str:
        return f"<ArrayBuilder len={len(self)} type={str(self.type)!r}>"

    @property
    def form(self):
        """The Form that ``snapshot()`` would return now (no buffers are converted)."""
        return self._tree.form()

    @property
    def type(self):
        """The layout type of ``snapshot()`` now (``form.type``)."""
        return self.form.type

    def snapshot(self):
        """The values so far as a Content (a copy: building on does not change it).

        A list/record/tuple still open is left out."""
        from awkward._backends import regularize_backend

        return self._tree.snapshot(regularize_backend("cpu").nplike)

    def clear(self) -> None:
        """Forget everything (the type too)."""
        self._root = UnknownNode()

    # ------------------------------------------------------------------ values
    def null(self) -> None:
        self._value("null")

    def boolean(self, x) -> None:
        self._value("boolean", bool(x))

    def integer(self, x) -> None:
        try:
            value = _as_index(x)
        except TypeError:
            raise TypeError(f"ArrayBuilder.integer needs an int, not {type(x).__name__}") from None
        try:
            push = self._push_int
            if push is not None:
                push(value)
                return
            cursor = self._cursor
            if cursor is _STALE:
                cursor = self._find()
            if cursor is None:
                self._tree = self._tree.integer(value)
            else:
                cursor.integer(value)
                self._shortcut(cursor)
        except OverflowError as err:
            raise _overflow(err) from None

    def real(self, x) -> None:
        try:
            value = float(x)
        except (TypeError, ValueError):
            raise TypeError(f"ArrayBuilder.real needs a real number, not {type(x).__name__}") from None
        push = self._push_real
        if push is not None:
            push(value)  # the hot path of list filling
            return
        cursor = self._cursor
        if cursor is _STALE:
            cursor = self._find()
        if cursor is None:
            self._tree = self._tree.real(value)
        else:
            cursor.real(value)
            self._shortcut(cursor)

    def complex(self, x) -> None:
        try:
            value = complex(x)
        except (TypeError, ValueError):
            raise TypeError(f"ArrayBuilder.complex needs a number, not {type(x).__name__}") from None
        self._value("complex", value)

    def datetime(self, x) -> None:
        """A datetime64 scalar, a Python date/datetime or an ISO string (its unit is kept)."""
        self._value("datetime", *to_datetime(x))

    def timedelta(self, x) -> None:
        """A timedelta64 scalar or a Python timedelta (its unit is kept)."""
        self._value("timedelta", *to_timedelta(x))

    def string(self, x) -> None:
        if not isinstance(x, str):
            raise TypeError(f"ArrayBuilder.string needs a str, not {type(x).__name__}")
        self._value("string", str(x))

    def bytestring(self, x) -> None:
        if not isinstance(x, (bytes, bytearray, memoryview)):
            raise TypeError(f"ArrayBuilder.bytestring needs bytes, not {type(x).__name__}")
        self._value("bytestring", bytes(x))

    # ------------------------------------------------------------------ nesting
    def begin_list(self) -> None:
        self._begin("begin_list")

    def end_list(self) -> None:
        self._end("end_list")

    def begin_record(self, name=None) -> None:
        if name is not None and not isinstance(name, str):
            raise TypeError(f"ArrayBuilder.begin_record: name must be a str or None, not {name!r}")
        self._begin("begin_record", name)

    def field(self, key) -> ArrayBuilder:
        """Select the field that the next value fills; returns the builder (for chaining)."""
        if not isinstance(key, str):
            raise TypeError(f"ArrayBuilder.field: key must be a str, not {type(key).__name__}")
        cursor = self._cursor
        if cursor is None or cursor is _STALE:
            self._value("field", key)
        else:
            self._push_real = self._push_int = None
            cursor.field(key)
        return self

    def end_record(self) -> None:
        self._end("end_record")

    def begin_tuple(self, numfields) -> None:
        try:
            numfields = _as_index(numfields)
        except TypeError:
            raise TypeError(
                f"ArrayBuilder.begin_tuple: numfields must be an int, not {type(numfields).__name__}"
            ) from None
        if numfields < 0:
            raise ValueError(f"ArrayBuilder.begin_tuple: numfields must be >= 0, not {numfields}")
        self._begin("begin_tuple", numfields)

    def index(self, i) -> ArrayBuilder:
        """Select the tuple slot that the next value fills; returns the builder (for chaining)."""
        try:
            i = _as_index(i)
        except TypeError:
            raise TypeError(f"ArrayBuilder.index: i must be an int, not {type(i).__name__}") from None
        self._value("index", i)
        return self

    def end_tuple(self) -> None:
        self._end("end_tuple")

    @contextmanager
    def list(self):
        """``with builder.list(): ...`` brackets begin_list/end_list."""
        self.begin_list()
        yield self
        self.end_list()

    @contextmanager
    def record(self, name=None):
        self.begin_record(name)
        yield self
        self.end_record()

    @contextmanager
    def tuple(self, numfields):
        self.begin_tuple(numfields)
        yield self
        self.end_tuple()

    # ------------------------------------------------------------------ whole objects
    def append(self, obj) -> None:
        """Append any Python value: None, bool, int, float, complex, str, bytes, dict
        (record), tuple (tuple), list or other iterable (list), date/time values, and array
        scalars/arrays (anything with ``dtype`` and ``tolist()``)."""
        root = self._tree
        self._push_real = self._push_int = None
        if root.active:
            cursor = self._cursor
            if cursor is _STALE:
                cursor = self._find()
            try:
                call_append(cursor, obj)  # a whole object leaves the cursor open, as it was
            except BaseException as err:
                self._cursor = _STALE
                if isinstance(err, OverflowError):
                    raise _overflow(err) from None
                raise
            return
        try:
            self._tree = root.add(obj)
        except BaseException as err:
            # a failed add leaves every node's own length as it was: trim what lies beyond
            # (a list/record it opened may stay open: find the cursor again)
            root.truncate(root._len())
            self._cursor = _STALE
            if isinstance(err, OverflowError):
                raise _overflow(err) from None
            raise

    def extend(self, iterable) -> None:
        """Append every item of ``iterable``."""
        if isinstance(iterable, (str, bytes)) or not hasattr(iterable, "__iter__"):
            raise TypeError(
                f"ArrayBuilder.extend needs an iterable of items, not {type(iterable).__name__}"
            )
        if self._tree.active:
            for item in iterable:
                self.append(item)
            return
        if type(iterable) is list and type(self._tree) is UnknownNode and _compiled_extend(self, iterable):
            return
        length = self._tree._len()
        try:
            if type(iterable) is list:
                for start in range(0, len(iterable), _CHUNK):
                    self._tree = self._tree.add_many(iterable[start : start + _CHUNK])
            else:
                iterator = iter(iterable)
                while True:
                    chunk = list(islice(iterator, _CHUNK))
                    if not chunk:
                        break
                    self._tree = self._tree.add_many(chunk)
        except BaseException as err:
            # all or nothing: drop every entry of this call (types stay widened)
            self._tree.truncate(length)
            self._cursor = _STALE
            if isinstance(err, OverflowError):
                raise _overflow(err) from None
            raise
