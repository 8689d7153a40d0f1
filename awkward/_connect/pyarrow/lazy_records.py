"""The records of a lazily read file (lazy_parquet, lazy_feather).

- ``_HintingList``: a record's contents that tell the reader which fields were projected, so
  that a record's structure (offsets, validity) is read with the projected leaf;
- ``_LazyContents``: the top-level record's contents, each field built when first asked for,
  so that opening a file of many columns builds the layouts of none of them.
"""

from __future__ import annotations

import threading

__all__ = ["install_hints", "lazy_record"]


def lazy_record(keyed, length, reader, build, backend):
    """One file's top-level record, whose fields are built (as from_buffers builds them) when
    first asked for: opening a file of many columns builds none of them (_LazyContents)."""
    from awkward.contents import RecordArray

    def make(i):
        content = build(keyed.contents[i], length, reader, 0)
        install_hints(content, reader, first_step=i)
        return content

    fields = None if keyed.is_tuple else list(keyed.fields)
    paths = [(str(i) if keyed.is_tuple else f,) for i, f in enumerate(keyed.fields)]
    if reader.single:
        paths = [("", *p) for p in paths]
    contents = _LazyContents(len(keyed.contents), make, paths, reader.hinted)
    params = dict(keyed.parameters) if keyed.parameters else None
    return RecordArray._from_checked(contents, fields, length, None, params, backend)


class _HintingList(list):
    """A record's contents that tell the reader which fields were projected (``content(i)``
    and ``_getitem_field`` index them): the reader then takes the record's structure from a
    projected leaf, whose data is asked for next. Copies and pickles are plain lists."""

    __slots__ = ("_paths", "_hinted")

    def __init__(self, contents, paths, hinted):
        super().__init__(contents)
        self._paths, self._hinted = paths, hinted

    def __getitem__(self, where):
        if type(where) is int:
            self._hinted.add(self._paths[where])
        return list.__getitem__(self, where)

    def __copy__(self):
        return list(self)

    def __deepcopy__(self, memo):
        import copy

        return [copy.deepcopy(content, memo) for content in self]

    def __reduce__(self):
        return list, (list(self),)


def install_hints(layout, reader, first_step=None):
    """Give every record of the layout (node for node as the keyed form: from_buffers' or
    its lazy concatenation) a _HintingList naming its fields' paths to ``reader.hinted``;
    ``first_step``: the layout is the top-level record's field of that position."""
    from awkward.contents import RecordArray

    for node in reader.nodes.values():
        if node.form.is_record and node.form.contents:
            steps = node.steps
            if first_step is not None:
                if not steps or steps[0][0] != "field" or steps[0][1][1] != first_step:
                    continue
                steps = steps[1:]
            record = _follow(layout, steps, RecordArray)
            # a lazy concatenation that is not node for node gets no hints there
            if isinstance(record, RecordArray) and len(record._contents) == len(node.form.contents):
                fields = node.form.fields
                paths = [(*node.path, str(i) if node.form.is_tuple else f)
                         for i, f in enumerate(fields)]
                if reader.single:
                    paths = [("", *p) for p in paths]
                record._contents = _HintingList(record._contents, paths, reader.hinted)


def _follow(layout, steps, record_class):
    """The node that ``steps`` (from _keyed) lead to, or None."""
    for kind, arg in steps:
        if kind == "field":
            if not isinstance(layout, record_class) or arg[1] >= len(layout._contents):
                return None
            layout = list.__getitem__(layout._contents, arg[1])
        elif kind == "index":
            layout = layout.contents[arg] if getattr(layout, "is_union", False) else None
        else:
            layout = getattr(layout, "content", None)
        if layout is None:
            return None
    return layout


_PENDING = object()


class _LazyContents(_HintingList):
    """A top-level record's contents: each field is built by ``make(i)`` when first indexed
    (``content(i)``, ``_getitem_field``); anything else that reads the list as a whole
    (iteration, slices, comparison, copies ...) builds every field first, so no placeholder is
    ever seen. Building is under a lock: a field is built once."""

    __slots__ = ("_make", "_lock", "_missing")

    def __init__(self, n, make, paths, hinted):
        super().__init__([_PENDING] * n, paths, hinted)
        self._make, self._lock, self._missing = make, threading.Lock(), n

    def _field(self, i):
        item = list.__getitem__(self, i)
        if item is _PENDING:
            with self._lock:
                item = list.__getitem__(self, i)
                if item is _PENDING:
                    item = self._make(i)
                    list.__setitem__(self, i, item)
                    self._missing -= 1
        return item

    def _complete(self):
        if self._missing:
            for i in range(len(self)):
                self._field(i)

    def __getitem__(self, where):
        if type(where) is int:
            n = len(self)
            i = where + n if where < 0 else where
            if 0 <= i < n:
                self._hinted.add(self._paths[i])
                return self._field(i)
        self._complete()
        return _HintingList.__getitem__(self, where)


def _completing(name):
    method = getattr(list, name)

    def wrapper(self, *args, **kwargs):
        self._complete()
        return method(self, *args, **kwargs)

    wrapper.__name__ = name
    return wrapper


for _name in ("__iter__", "__reversed__", "__contains__", "__eq__", "__ne__", "__lt__",
              "__le__", "__gt__", "__ge__", "__add__", "__mul__", "__rmul__", "__iadd__",
              "__imul__", "__setitem__", "__delitem__", "__repr__", "append", "extend",
              "insert", "pop", "remove", "clear", "copy", "index", "count", "sort", "reverse"):
    setattr(_LazyContents, _name, _completing(_name))
_LazyContents.__hash__ = None


def _lazy_copy(self):
    self._complete()
    return list(self)


def _lazy_deepcopy(self, memo):
    import copy

    self._complete()
    return [copy.deepcopy(content, memo) for content in list.__iter__(self)]


def _lazy_reduce(self):
    self._complete()
    return list, (list(list.__iter__(self)),)


_LazyContents.__copy__ = _lazy_copy
_LazyContents.__deepcopy__ = _lazy_deepcopy
_LazyContents.__reduce__ = _lazy_reduce
_LazyContents.__reduce_ex__ = lambda self, protocol: _lazy_reduce(self)
