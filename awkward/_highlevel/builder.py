"""ak.ArrayBuilder: the high-level face of the builder engines.

ak.ArrayBuilder subclasses the compiled engine (``awkward_cpp._builder.Builder``): the value
and structure calls (``real``, ``field``, ``begin_list`` ...) are its C methods, one C call
each from the user's code. The compiled engine discovers types as the Python engine does
(numbers, strings, date/times, lists, records, tuples, options, unions); the first call it
does not take (one that raises an error, an argument of an unusual type ...) hands its state
over to the Python engine (awkward/builder.py, awkward/_builder), which then takes every
call. ``append`` of plain Python objects (None, bool, int, float, complex, str, bytes, lists,
tuples, dicts) is compiled too; other objects, ``extend`` and numba go to the Python engine
(its fast paths for objects). ``snapshot()`` wraps the layout in an ak.Array with this
builder's behavior and attrs. ``list()``, ``record()`` and ``tuple()`` are context managers."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sized

from awkward._builder.compiled import node_from_state
from awkward._builder.values import to_datetime, to_timedelta
from awkward._util import UNSET
from awkward.builder import ArrayBuilder as _Engine

__all__ = ["ArrayBuilder"]

# what append passes on as it is (no ak.Array/ak.Record to turn into lists)
_PLAIN = frozenset([dict, list, tuple, int, float, str, bool, type(None), bytes, complex])


def _engine_from_state(state):
    """The Python engine continuing from a compiled engine's exported state."""
    engine = _Engine()
    engine._root = node_from_state(state)
    return engine


try:
    from awkward_cpp._builder import Builder as _Base
    from awkward_cpp._builder import set_date_converters, set_engine_factory
except ImportError:  # an awkward_cpp built without it: every call goes to the Python engine
    from awkward._builder.compiled import PythonBase as _Base
else:
    set_engine_factory(_engine_from_state)
    set_date_converters(to_datetime, to_timedelta)


class _Closing:
    """Context manager that runs ``close`` on exit (only when the body raised nothing)."""

    __slots__ = ("_builder", "_close")

    def __init__(self, builder, close):
        self._builder = builder
        self._close = close

    def __enter__(self):
        return self._builder

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self._close()
        return False


class ArrayBuilder(_Base, Sized):
    """Builds an array one value at a time: ``b.integer(1)``, ``with b.list(): ...``,
    ``b.append(obj)``, then ``b.snapshot()`` -> ak.Array.

    ``null``, ``boolean``, ``integer``, ``real``, ``complex``, ``string``, ``bytestring``,
    ``datetime``, ``timedelta``, ``begin_list``/``end_list``, ``begin_record(name=None)``/
    ``field(key)``/``end_record``, ``begin_tuple(numfields)``/``index(i)``/``end_tuple`` and
    ``len()`` come from the compiled engine (``field`` and ``index`` return the builder)."""

    __slots__ = ("_behavior", "_attrs")

    def __init__(self, *, behavior=None, attrs=None, initial=1024, resize=8):
        if behavior is not None and not isinstance(behavior, Mapping):
            raise TypeError(f"behavior must be a mapping or None, not {type(behavior).__name__}")
        if attrs is not None and not isinstance(attrs, Mapping):
            raise TypeError(f"attrs must be a mapping or None, not {type(attrs).__name__}")
        if not isinstance(initial, int) or initial < 1:
            raise ValueError(f"initial must be a positive integer, not {initial!r}")
        if not isinstance(resize, (int, float)) or resize <= 1:
            raise ValueError(f"resize must be a number greater than 1, not {resize!r}")
        self._behavior = behavior
        self._attrs = None if attrs is None else dict(attrs)

    @property
    def _engine(self):
        """The Python engine (awkward/builder.py); the compiled state hands over to it now."""
        return self._handoff()

    # ---------------------------------------------------------------- properties
    @property
    def behavior(self):
        return self._behavior

    @property
    def attrs(self):
        return self._attrs

    def _form(self):
        python = self._python
        if python is not None:
            return python.form
        return node_from_state(self._state(False)).form()

    @property
    def type(self):
        """ArrayType of what ``snapshot()`` would return now (no buffers are converted)."""
        from awkward.types import ArrayType

        return ArrayType(self._form().type, len(self), self._behavior)

    @property
    def typestr(self) -> str:
        return str(self.type)

    # ---------------------------------------------------------------- whole objects
    # append(obj) is the compiled engine's for plain Python objects (None, bool, int, float,
    # complex, str, bytes, and lists, tuples and dicts of those); the others come here
    def _append_other(self, obj):
        if type(obj) not in _PLAIN:
            from awkward.highlevel import Array, Record

            if isinstance(obj, (Array, Record)):
                if self._python is None:
                    self.append(obj.to_list())  # plain now, most of the time
                    return
                obj = obj.to_list()
        self._handoff().append(obj)

    def extend(self, obj):
        from awkward.highlevel import Array

        if isinstance(obj, Array):
            obj = obj.to_list()
        self._handoff().extend(obj)

    # ---------------------------------------------------------------- structure
    def list(self):
        self.begin_list()
        return _Closing(self, self.end_list)

    def record(self, name=None):
        self.begin_record(name)
        return _Closing(self, self.end_record)

    def tuple(self, numfields):
        self.begin_tuple(numfields)
        return _Closing(self, self.end_tuple)

    # ---------------------------------------------------------------- results
    def _snapshot_layout(self):
        python = self._python
        if python is None:
            python = _engine_from_state(self._state(True))  # a throwaway copy of the state
        return python.snapshot()

    def snapshot(self):
        from awkward.highlevel import Array

        return Array(self._snapshot_layout(), behavior=self._behavior, attrs=self._attrs)

    def to_list(self):
        return self.snapshot().to_list()

    def tolist(self):
        return self.to_list()

    def to_numpy(self, allow_missing=True):
        return self.snapshot().to_numpy(allow_missing=allow_missing)

    def __array__(self, dtype=None, copy=None):
        return self.snapshot().__array__(dtype)

    def __iter__(self):
        return iter(self.snapshot())

    def __repr__(self) -> str:
        typestr = self.typestr
        room = 80 - len("<ArrayBuilder type=''>")
        if len(typestr) > room:
            typestr = typestr[: room - 3] + "..."
        return f"<ArrayBuilder type='{typestr}'>"

    __str__ = __repr__

    def show(self, limit_rows=20, limit_cols=80, *, type=False, named_axis=False, nbytes=False,
             backend=False, all=False, stream=UNSET, formatter=None, precision=3):
        return self.snapshot().show(
            limit_rows, limit_cols, type=type, named_axis=named_axis, nbytes=nbytes,
            backend=backend, all=all, stream=sys.stdout if stream is UNSET else stream,
            formatter=formatter, precision=precision,
        )
