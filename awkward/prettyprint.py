"""Printing layouts as values: one-line and multi-line renderings within a width budget.

Everything here works on layouts (Content and layout Record). Values are reached by
walking the layout one node at a time and reading only the buffer entries on the path to
a value; a buffer that is virtual and not materialized yet is never touched: the value
behind it prints as ``??``. So printing a lazy array runs no generator.

Rendering rules (the awkward 2.x look):

* one line (``horizontal``): a list of n items within ``budget`` columns reserves the two
  brackets and ", ..." (5 columns), then takes items alternately from the front and the
  back while they fit; what is left out becomes "..." in the middle. Records do the same
  with their fields in order ("{x: 1, ...}"); a record with no room at all is "{...}".
* several lines (``vertical``): one item per line, each rendered on one line with the
  remaining width; when there are more items than rows, the first ceil(rows/2) items,
  a "..." line, and the last ones.
"""

from __future__ import annotations

import math
import re

from awkward._nplikes.array_like import MaterializableArray

__all__ = [
    "Formatter",
    "FormatterOptions",
    "UNKNOWN",
    "horizontal",
    "vertical",
    "valuestr",
    "valuestr_horiz",
    "bytes_repr",
]

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z_0-9]*$")
is_identifier = _IDENTIFIER


class _Unknown:
    """A value whose buffer is not materialized (prints as ``??``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "??"


UNKNOWN = _Unknown()


# ---------------------------------------------------------------------- buffer access
def _raw(buffer):
    """The raw array behind an Index or a NumpyArray buffer."""
    return buffer.data if getattr(type(buffer), "_is_awkward_index", False) else buffer


def _ready(buffer) -> bool:
    raw = _raw(buffer)
    if isinstance(raw, MaterializableArray):
        return bool(getattr(raw, "is_materialized", False))
    return True


def _concrete(buffer):
    """The concrete data of a buffer that is known to be ready (no generator runs)."""
    raw = _raw(buffer)
    if isinstance(raw, MaterializableArray):
        return raw.materialize()  # cached: returns the data already produced
    return raw


def _read_int(buffer, at: int):
    if not _ready(buffer):
        return UNKNOWN
    return int(_concrete(buffer)[at])


class ListView:
    """Items ``start:stop`` of ``content`` shown as one list (``parameters``: the list node's)."""

    __slots__ = ("content", "start", "stop")

    def __init__(self, content, start: int, stop: int):
        self.content = content
        self.start = start
        self.stop = stop

    def __len__(self) -> int:
        return self.stop - self.start

    def item(self, i: int):
        return element(self.content, self.start + i)


class RecordView:
    """Record ``at`` of the RecordArray ``array``."""

    __slots__ = ("array", "at")

    def __init__(self, array, at: int):
        self.array = array
        self.at = at

    @property
    def fields(self):
        return self.array.fields

    @property
    def is_tuple(self) -> bool:
        return self.array.is_tuple

    def field(self, name):
        return element(self.array.content(name), self.at)


class NdView:
    """One row of a materialized N-d numpy buffer (its items are rows or scalars)."""

    __slots__ = ("data",)

    def __init__(self, data):
        self.data = data

    def __len__(self) -> int:
        return len(self.data)

    def item(self, i: int):
        value = self.data[i]
        return NdView(value) if getattr(value, "ndim", 0) > 0 else value


def _string_value(layout, start, stop, kind):
    content = layout.content
    if not content.is_numpy or not _ready(content.data):
        return UNKNOWN
    raw = _concrete(content.data)[start:stop].tobytes()
    if kind == "string":
        return raw.decode("utf-8", errors="surrogateescape")
    return raw


def element(layout, at: int):
    """Item ``at`` of a layout for printing: a scalar, None, UNKNOWN, ListView, NdView or
    RecordView. Reads only the buffer entries on the way (never a virtual buffer)."""
    if layout.is_numpy:
        data = layout.data
        if not _ready(data):
            return UNKNOWN
        value = _concrete(data)[at]
        return NdView(value) if getattr(value, "ndim", 0) > 0 else value
    if layout.is_record:
        return RecordView(layout, at)
    if layout.is_list:
        if layout.is_regular:
            start, stop = at * layout.size, (at + 1) * layout.size
        elif hasattr(layout, "offsets"):
            start = _read_int(layout.offsets, at)
            stop = _read_int(layout.offsets, at + 1)
        else:
            start = _read_int(layout.starts, at)
            stop = _read_int(layout.stops, at)
        if start is UNKNOWN or stop is UNKNOWN:
            return UNKNOWN
        kind = layout.parameter("__array__")
        if kind in ("string", "bytestring"):
            return _string_value(layout, start, stop, kind)
        return ListView(layout.content, start, max(start, stop))
    if layout.is_union:
        tag = _read_int(layout.tags, at)
        index = _read_int(layout.index, at)
        if tag is UNKNOWN or index is UNKNOWN:
            return UNKNOWN
        return element(layout.contents[tag], index)
    if layout.is_indexed or (layout.is_option and hasattr(layout, "index")):
        index = _read_int(layout.index, at)
        if index is UNKNOWN:
            return UNKNOWN
        if index < 0:
            return None
        return element(layout.content, index)
    if layout.is_option:
        return _masked_element(layout, at)
    return UNKNOWN


def _masked_element(layout, at):
    mask = getattr(layout, "mask", None)
    if mask is None:  # UnmaskedArray
        return element(layout.content, at)
    if not _ready(mask):
        return UNKNOWN
    data = _concrete(mask)
    if hasattr(layout, "lsb_order"):  # BitMaskedArray
        byte = int(data[at // 8])
        bit = (byte >> (at % 8)) & 1 if layout.lsb_order else (byte >> (7 - at % 8)) & 1
        valid = bool(bit) == layout.valid_when
    else:
        valid = bool(data[at]) == layout.valid_when
    return element(layout.content, at) if valid else None


def top_view(data):
    """The view of a whole layout (Content -> ListView over it, layout Record -> RecordView)."""
    if getattr(data, "is_record", False) is False and hasattr(data, "array") and hasattr(data, "at"):
        return RecordView(data.array, data.at)
    return ListView(data, 0, len(data))


# ---------------------------------------------------------------------- formatting scalars
class FormatterOptions(dict):
    """Per-kind formatters: keys like "float", "int", "bool", "complex", "str", "bytes", "all"."""


class Formatter:
    """Turns one scalar into text (floats with ``precision`` significant digits)."""

    def __init__(self, formatters: FormatterOptions | None = None, precision: int = 3):
        self._formatters = dict(formatters or {})
        self._precision = precision

    def _custom(self, kind):
        return self._formatters.get(kind) or self._formatters.get("all")

    def __call__(self, value) -> str:
        if value is UNKNOWN:
            return "??"
        if value is None:
            return "None"
        kind = _kind_of(value)
        custom = self._custom(kind)
        if custom is not None:
            return custom(value)
        if kind == "bool":
            return "True" if value else "False"
        if kind == "int":
            return str(int(value))
        if kind == "float":
            return self._float(float(value))
        if kind == "complex":
            value = complex(value)
            # awkward writes the sign of a negative imaginary part after the "+": 1+-2.5j
            return f"{self._float(value.real)}+{self._float(value.imag)}j"
        if kind in ("str", "bytes"):
            return repr(value)
        return str(value)

    def _float(self, x: float) -> str:
        if math.isnan(x):
            return "nan"
        if math.isinf(x):
            return "inf" if x > 0 else "-inf"
        return f"{x:.{self._precision}g}"


def _kind_of(value) -> str:
    if isinstance(value, str):
        return "str"
    if isinstance(value, bytes):
        return "bytes"
    dtype = getattr(value, "dtype", None)
    char = dtype.kind if dtype is not None else None
    if char == "b" or isinstance(value, bool):
        return "bool"
    if char in ("i", "u") or isinstance(value, int):
        return "int"
    if char == "f" or isinstance(value, float):
        return "float"
    if char == "c" or isinstance(value, complex):
        return "complex"
    return "other"


def bytes_repr(nbytes: int) -> str:
    """A byte count for humans: 24 B, 1.5 kB, 3.2 MB ..."""
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if nbytes >= size:
            return f"{nbytes / size:.1f} {unit}"
    return f"{nbytes} B"


# ---------------------------------------------------------------------- rendering
_ELLIPSIS_ROOM = 5  # ", ..."


def _key_text(field: str) -> str:
    return f"{field}: " if _IDENTIFIER.match(field) else f"{field!r}: "


def horizontal(value, budget: int, formatter: Formatter, custom=None) -> str:
    """``value`` (a view or scalar) on one line in about ``budget`` columns."""
    if custom is not None:
        text = custom(value)
        if text is not None:
            return text
    if isinstance(value, (ListView, NdView)):
        return _horizontal_list(value, budget, formatter, custom)
    if isinstance(value, RecordView):
        return _horizontal_record(value, budget, formatter, custom)
    return formatter(value)


def _horizontal_list(view, budget, formatter, custom) -> str:
    n = len(view)
    if n == 0:
        return "[]"
    if n == 1:
        return "[" + horizontal(view.item(0), budget - 2, formatter, custom) + "]"
    room = budget - 2 - _ELLIPSIS_ROOM
    front: list[str] = []
    back: list[str] = []
    low, high = 0, n - 1
    for turn in range(n):
        from_front = turn % 2 == 0
        separator = 0 if turn == 0 else 2
        index = low if from_front else high
        text = horizontal(view.item(index), room - separator, formatter, custom)
        if separator + len(text) > room:
            break
        room -= separator + len(text)
        if from_front:
            front.append(text)
            low += 1
        else:
            back.append(text)
            high -= 1
    shown = len(front) + len(back)
    body = ", ".join(front)
    if shown < n:
        body = body + ", ..." if front else "..."
    for text in reversed(back):
        body += ", " + text
    return "[" + body + "]"


def _horizontal_record(view, budget, formatter, custom) -> str:
    fields = view.fields
    tuple_like = view.is_tuple
    opening, closing = ("(", ")") if tuple_like else ("{", "}")
    if not fields:
        return opening + closing
    room = budget - 2 - _ELLIPSIS_ROOM
    parts: list[str] = []
    elided = False
    for i, field in enumerate(fields):
        separator = 0 if i == 0 else 2
        key = "" if tuple_like else _key_text(field)
        avail = room - separator - len(key)
        # with several fields, one field's value is rendered in about half of what is left
        value = view.field(field)
        text = horizontal(value, avail if len(fields) == 1 else (avail + 1) // 2, formatter, custom)
        if len(text) > avail:
            # a string or list that does not fit shows as "key: ..." (when that fits)
            if isinstance(value, (str, bytes, ListView, NdView)) and separator + len(key) + 3 <= room:
                parts.append(key + "...")
                elided = True
            break
        room -= separator + len(key) + len(text)
        parts.append(key + text)
    body = ", ".join(parts)
    if elided or len(parts) < len(fields):
        body = body + ", ..." if parts else "..."
    return opening + body + closing


def _rows_shown(n: int, rows: int, from_back: bool = True) -> tuple[list[int], bool]:
    """Which items get a line, and whether a "..." line goes between front and back
    (records: ``from_back=False``, only leading fields)."""
    if n <= rows:
        return list(range(n)), False
    front = (rows + 1) // 2 if from_back else rows - 1
    back = max(rows - 1 - front, 0)
    return list(range(front)) + list(range(n - back, n)), True


def vertical(value, rows: int, cols: int, formatter: Formatter, custom=None) -> str:
    """``value`` over at most ``rows`` lines of about ``cols`` columns."""
    if rows <= 1:
        return horizontal(value, cols, formatter, custom)
    if custom is not None:
        text = custom(value)
        if text is not None:
            return text
    if isinstance(value, (ListView, NdView)):
        n = len(value)
        if n == 0:
            return "[]"
        shown, elided = _rows_shown(n, rows)
        items = [horizontal(value.item(i), cols - 2, formatter, custom) for i in shown]
        return _stack(items, shown, elided, "[", "]")
    if isinstance(value, RecordView):
        fields = value.fields
        if not fields:
            return "()" if value.is_tuple else "{}"
        shown, elided = _rows_shown(len(fields), rows, from_back=False)
        items = []
        for i in shown:
            key = "" if value.is_tuple else _key_text(fields[i])
            items.append(key + horizontal(value.field(fields[i]), cols - 2 - len(key), formatter, custom))
        opening, closing = ("(", ")") if value.is_tuple else ("{", "}")
        return _stack(items, shown, elided, opening, closing)
    return formatter(value)


def _stack(items, shown, elided, opening, closing) -> str:
    lines = list(items)
    if elided:
        # the front block is the leading run of consecutive indexes starting at 0
        front = 0
        while front < len(shown) and shown[front] == front:
            front += 1
        lines.insert(front, "...")
    out = []
    for i, line in enumerate(lines):
        head = opening if i == 0 else " "
        tail = closing if i == len(lines) - 1 else ","
        out.append(head + line + tail)
    return "\n".join(out)


# ---------------------------------------------------------------------- public entry points
def valuestr_horiz(data, limit_cols: int, formatter: Formatter | None = None, custom=None) -> str:
    """A layout (Content or layout Record) on one line of at most ``limit_cols`` columns."""
    return horizontal(top_view(data), limit_cols, formatter or Formatter(), custom)


def valuestr(data, limit_rows: int, limit_cols: int, formatter: Formatter | None = None, custom=None) -> str:
    """A layout on at most ``limit_rows`` lines of at most ``limit_cols`` columns."""
    return vertical(top_view(data), limit_rows, limit_cols, formatter or Formatter(), custom)


def repr_line(kind: str, data, typestr: str, limit_cols: int, custom=None) -> str:
    """``<Array VALUE type='TYPE'>`` in ``limit_cols`` columns: the value gets what the type
    leaves (the type counts for at most about a third), the type is cut to fit what is left."""
    frame = len(f"<{kind} ") + len(" type='") + len("'>")
    type_share = max(limit_cols // 2 - 16, 8)
    value_budget = max(limit_cols - frame - min(len(typestr), type_share), 7)
    value = valuestr_horiz(data, value_budget, None, custom)
    room = limit_cols - frame - len(value)
    if len(typestr) > room:
        typestr = typestr[: max(room - 3, 0)] + "..."
    return f"<{kind} {value} type='{typestr}'>"
