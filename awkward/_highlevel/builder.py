"""ak.ArrayBuilder: the high-level face of the layout-level builder (awkward/builder.py).

Every call forwards to the engine; ``snapshot()`` wraps the engine's layout in an ak.Array
with this builder's behavior and attrs. ``list()``, ``record()`` and ``tuple()`` are context
managers that open and close the matching structure."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sized

from awkward._util import UNSET
from awkward.builder import ArrayBuilder as _Engine

__all__ = ["ArrayBuilder"]

# what append/extend pass on as it is (no ak.Array/ak.Record to turn into lists)
_PLAIN = frozenset([dict, list, tuple, int, float, str, bool, type(None), bytes, complex])


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


class ArrayBuilder(Sized):
    """Builds an array one value at a time: ``b.integer(1)``, ``with b.list(): ...``,
    ``b.append(obj)``, then ``b.snapshot()`` -> ak.Array."""

    __slots__ = ("_engine", "_behavior", "_attrs")

    def __init__(self, *, behavior=None, attrs=None, initial=1024, resize=8):
        if behavior is not None and not isinstance(behavior, Mapping):
            raise TypeError(f"behavior must be a mapping or None, not {type(behavior).__name__}")
        if attrs is not None and not isinstance(attrs, Mapping):
            raise TypeError(f"attrs must be a mapping or None, not {type(attrs).__name__}")
        if not isinstance(initial, int) or initial < 1:
            raise ValueError(f"initial must be a positive integer, not {initial!r}")
        if not isinstance(resize, (int, float)) or resize <= 1:
            raise ValueError(f"resize must be a number greater than 1, not {resize!r}")
        self._engine = _Engine(initial=initial, resize=resize)
        self._behavior = behavior
        self._attrs = None if attrs is None else dict(attrs)

    # ---------------------------------------------------------------- properties
    @property
    def behavior(self):
        return self._behavior

    @property
    def attrs(self):
        return self._attrs

    def __len__(self) -> int:
        return len(self._engine)

    @property
    def type(self):
        """ArrayType of what ``snapshot()`` would return now (no buffers are converted)."""
        from awkward.types import ArrayType

        return ArrayType(self._engine.type, len(self._engine), self._behavior)

    @property
    def typestr(self) -> str:
        return str(self.type)

    # ---------------------------------------------------------------- values
    def null(self):
        self._engine.null()

    def boolean(self, x):
        self._engine.boolean(x)

    def integer(self, x):
        push = self._engine._push_int  # inside a list of numbers (see awkward/builder.py)
        if push is not None and type(x) is int:
            try:
                push(x)
                return
            except OverflowError:
                pass  # the engine raises the usual error
        self._engine.integer(x)

    def real(self, x):
        push = self._engine._push_real  # inside a list of float64 (see awkward/builder.py)
        if push is not None and type(x) is float:
            push(x)
            return
        self._engine.real(x)

    def complex(self, x):
        self._engine.complex(x)

    def string(self, x):
        self._engine.string(x)

    def bytestring(self, x):
        self._engine.bytestring(x)

    def datetime(self, x):
        self._engine.datetime(x)

    def timedelta(self, x):
        self._engine.timedelta(x)

    def append(self, obj):
        if type(obj) in _PLAIN:  # the common case, without the import below
            self._engine.append(obj)
            return
        from awkward.highlevel import Array, Record

        if isinstance(obj, Record):
            obj = obj.to_list()
        elif isinstance(obj, Array):
            obj = obj.to_list()
        self._engine.append(obj)

    def extend(self, obj):
        from awkward.highlevel import Array

        if isinstance(obj, Array):
            obj = obj.to_list()
        self._engine.extend(obj)

    # ---------------------------------------------------------------- structure
    def begin_list(self):
        self._engine.begin_list()

    def end_list(self):
        self._engine.end_list()

    def begin_record(self, name=None):
        self._engine.begin_record(name)

    def field(self, key):
        """Selects the field ``key`` of the open record; returns the builder for chaining
        (``b.field("x").integer(1)``)."""
        self._engine.field(key)
        return self

    def end_record(self):
        self._engine.end_record()

    def begin_tuple(self, numfields):
        self._engine.begin_tuple(numfields)

    def index(self, i):
        """Selects slot ``i`` of the open tuple; returns the builder for chaining."""
        self._engine.index(i)
        return self

    def end_tuple(self):
        self._engine.end_tuple()

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
        return self._engine.snapshot()

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
