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

import re

from awkward._nplikes.array_like import MaterializableArray
from awkward._nplikes.shape import unknown_length

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


def _ready_data(buffer):
    """The concrete data of a buffer (Index or array), or None while it is not materialized."""
    raw = buffer.data if getattr(type(buffer), "_is_awkward_index", False) else buffer
    if isinstance(raw, MaterializableArray):
        if not getattr(raw, "is_materialized", False):
            return None
        return raw.materialize()  # cached: returns the data already produced
    return raw


def _read_int(buffer, at: int):
    data = _ready_data(buffer)
    if data is None:
        return UNKNOWN
    return int(data[at])


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

    def field_contents(self):
        """(fields, the content of each field), for rendering every field in turn."""
        array = self.array
        fields = array.fields
        contents = array.contents
        if len(set(fields)) != len(fields):
            # a repeated name shows the first field of that name, as lookup by name does
            contents = [array.content(name) for name in fields]
        return fields, contents

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
    reader = _READERS.get(type(layout))
    if reader is None:
        reader = _READERS[type(layout)] = _reader_for(layout)
    return reader(layout, at)


def _numpy_element(layout, at):
    data = _ready_data(layout.data)
    if data is None:
        return UNKNOWN
    value = data[at]
    return NdView(value) if getattr(value, "ndim", 0) > 0 else value


def _list_items(layout, start, stop):
    if start is UNKNOWN or stop is UNKNOWN:
        return UNKNOWN
    kind = layout.parameter("__array__")
    if kind == "string" or kind == "bytestring":
        return _string_value(layout, start, stop, kind)
    return ListView(layout.content, start, max(start, stop))


def _regular_element(layout, at):
    size = layout.size
    return _list_items(layout, at * size, (at + 1) * size)


def _offsets_element(layout, at):
    offsets = _ready_data(layout.offsets)
    if offsets is None:
        return UNKNOWN
    return _list_items(layout, int(offsets[at]), int(offsets[at + 1]))


def _starts_stops_element(layout, at):
    return _list_items(layout, _read_int(layout.starts, at), _read_int(layout.stops, at))


def _union_element(layout, at):
    tag = _read_int(layout.tags, at)
    index = _read_int(layout.index, at)
    if tag is UNKNOWN or index is UNKNOWN:
        return UNKNOWN
    return element(layout.contents[tag], index)


def _indexed_element(layout, at):
    index = _read_int(layout.index, at)
    if index is UNKNOWN:
        return UNKNOWN
    if index < 0:
        return None
    return element(layout.content, index)


def _unknown_element(layout, at):
    return UNKNOWN


def _reader_for(layout):
    """How to read an item of this layout class (its is_* flags are class attributes)."""
    if layout.is_numpy:
        return _numpy_element
    if layout.is_record:
        return RecordView
    if layout.is_list:
        if layout.is_regular:
            return _regular_element
        if hasattr(layout, "offsets"):
            return _offsets_element
        return _starts_stops_element
    if layout.is_union:
        return _union_element
    if layout.is_indexed or (layout.is_option and hasattr(layout, "index")):
        return _indexed_element
    if layout.is_option:
        return _masked_element
    return _unknown_element


_READERS: dict = {}


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
        self._float_spec = f".{precision}g"  # format() writes nan, inf and -inf as awkward does
        # type of a numpy scalar or builtin -> its text function; shared by the plain formatters
        if self._formatters or type(precision) is not int:
            self._by_type: dict = {}
        else:
            self._by_type = _PLAIN_TEXT_FUNCTIONS.setdefault(precision, {})

    def _custom(self, kind):
        return self._formatters.get(kind) or self._formatters.get("all")

    def __call__(self, value) -> str:
        if value is UNKNOWN:
            return "??"
        if value is None:
            return "None"
        text_of = self._by_type.get(type(value))
        if text_of is None:
            text_of = self._text_function(_kind_of(value))
            if type(value).__module__ in ("numpy", "builtins"):
                # the kind of a numpy scalar or builtin depends on its type alone
                self._by_type[type(value)] = text_of
        return text_of(value)

    def _text_function(self, kind):
        if self._formatters:
            custom = self._custom(kind)
            if custom is not None:
                return custom
        if kind == "float":
            spec = self._float_spec
            return lambda value: format(float(value), spec)
        if kind == "bool":
            return _bool_text
        if kind == "int":
            return _int_text
        if kind == "complex":
            return self._complex
        if kind in ("str", "bytes"):
            return repr
        return str

    def _complex(self, value) -> str:
        value = complex(value)
        # awkward writes the sign of a negative imaginary part after the "+": 1+-2.5j
        return f"{self._float(value.real)}+{self._float(value.imag)}j"

    def _float(self, x: float) -> str:
        return format(x, self._float_spec)


_PLAIN_TEXT_FUNCTIONS: dict = {}


def _bool_text(value) -> str:
    return "True" if value else "False"


def _int_text(value) -> str:
    return str(int(value))


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


_ELIDABLE = (str, bytes, ListView, NdView)
_KEY_TEXTS: dict = {}


def _key_text(field: str) -> str:
    text = _KEY_TEXTS.get(field)
    if text is None:
        text = f"{field}: " if _IDENTIFIER.match(field) else f"{field!r}: "
        if len(_KEY_TEXTS) < 4096:  # field names repeat; a bound keeps odd inputs from growing it
            _KEY_TEXTS[field] = text
    return text


def horizontal(value, budget: int, formatter: Formatter, custom=None) -> str:
    """``value`` (a view or scalar) on one line in about ``budget`` columns.

    ``custom(record_view)`` may return the text of a record (a behavior's own str/repr) or
    None; it is asked about records only."""
    kind = type(value)
    if kind is ListView or kind is NdView:
        return _horizontal_list(value, budget, formatter, custom)
    if kind is RecordView:
        if custom is not None:
            text = custom(value)
            if text is not None:
                return text
        return _horizontal_record(value, budget, formatter, custom)
    return formatter(value)


def _item_getter(view):
    """``i -> item i`` of a list view; a list of 1-d numbers reads its array directly."""
    if type(view) is ListView:
        content = view.content
        if content.is_numpy:
            data = _ready_data(content.data)
            if data is None:
                return lambda i: UNKNOWN
            if data.ndim == 1:
                start = view.start
                return lambda i: data[start + i]
    return view.item


_VIEWS = (ListView, NdView, RecordView)


def _horizontal_list(view, budget, formatter, custom) -> str:
    n = len(view)
    if n == 0:
        return "[]"
    item = _item_getter(view)
    if n == 1:
        return "[" + horizontal(item(0), budget - 2, formatter, custom) + "]"
    room = budget - 2 - _ELLIPSIS_ROOM
    front: list[str] = []
    back: list[str] = []
    low, high = 0, n - 1
    for turn in range(n):
        from_front = turn % 2 == 0
        separator = 0 if turn == 0 else 2
        index = low if from_front else high
        value = item(index)
        if type(value) in _VIEWS:
            text = horizontal(value, room - separator, formatter, custom)
        else:
            text = formatter(value)
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
    fields, contents = view.field_contents()
    at = view.at
    tuple_like = view.array.is_tuple
    opening, closing = ("(", ")") if tuple_like else ("{", "}")
    if not fields:
        return opening + closing
    room = budget - 2 - _ELLIPSIS_ROOM
    parts: list[str] = []
    elided = False
    several = len(fields) != 1
    for i, field in enumerate(fields):
        separator = 0 if i == 0 else 2
        key = "" if tuple_like else _key_text(field)
        avail = room - separator - len(key)
        # with several fields, one field's value is rendered in about half of what is left
        value = element(contents[i], at)
        if type(value) in _VIEWS:
            text = horizontal(value, (avail + 1) // 2 if several else avail, formatter, custom)
        else:
            text = formatter(value)
        if len(text) > avail:
            # a string or list that does not fit shows as "key: ..." (when that fits)
            if isinstance(value, _ELIDABLE) and separator + len(key) + 3 <= room:
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
def _unknown_length_text(data):
    """``[??, ...]`` for a typetracer layout of unknown length (no rows to show), else None."""
    length = getattr(data, "length", None)
    if length is unknown_length and not data.backend.nplike.known_data:
        return "[??, ...]"
    return None


def valuestr_horiz(data, limit_cols: int, formatter: Formatter | None = None, custom=None) -> str:
    """A layout (Content or layout Record) on one line of at most ``limit_cols`` columns."""
    unknown = _unknown_length_text(data)
    if unknown is not None:
        return unknown
    return horizontal(top_view(data), limit_cols, formatter or Formatter(), custom)


def valuestr(data, limit_rows: int, limit_cols: int, formatter: Formatter | None = None, custom=None) -> str:
    """A layout on at most ``limit_rows`` lines of at most ``limit_cols`` columns."""
    unknown = _unknown_length_text(data)
    if unknown is not None:
        return unknown
    return vertical(top_view(data), limit_rows, limit_cols, formatter or Formatter(), custom)


def repr_line(kind: str, data, typestr: str, limit_cols: int, custom=None, extra: str = "") -> str:
    """``<Array VALUE type='TYPE'>`` in ``limit_cols`` columns: the value gets what the type
    leaves (the type counts for at most about a third), the type is cut to fit what is left.
    ``extra`` (named axes) goes between the value and the type."""
    extra = f" {extra}" if extra else ""
    frame = len(f"<{kind} ") + len(extra) + len(" type='") + len("'>")
    type_share = max(limit_cols // 2 - 16, 8)
    value_budget = max(limit_cols - frame - min(len(typestr), type_share), 7)
    value = valuestr_horiz(data, value_budget, None, custom)
    room = limit_cols - frame - len(value)
    if len(typestr) > room:
        typestr = typestr[: max(room - 3, 0)] + "..."
    return f"<{kind} {value}{extra} type='{typestr}'>"
