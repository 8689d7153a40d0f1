"""Turning list nodes into Python lists, strings (``__array__="string"``) or bytes
(``__array__="bytestring"``); shared by every list-type layout's ``_to_list``."""

from __future__ import annotations

from awkward.contents.content import concrete


def list_items_to_python(layout, content, offsets, base: int, behavior) -> list:
    """Rows ``content[offsets[i]-base : offsets[i+1]-base]`` as Python objects.

    ``offsets`` is a sequence of ints; ``base`` is the offset at which ``content`` starts."""
    kind = layout.parameter("__array__")
    n = len(offsets) - 1
    if kind in ("string", "bytestring") and content.is_numpy:
        (data,) = concrete(content.data)
        raw = data.tobytes()
        pieces = [raw[offsets[i] - base : offsets[i + 1] - base] for i in range(n)]
        if kind == "string":
            return [piece.decode("utf-8", errors="surrogateescape") for piece in pieces]
        return pieces
    values = content._to_list(behavior)
    if base == 0:
        return [values[start:stop] for start, stop in zip(offsets, offsets[1:])]
    return [values[offsets[i] - base : offsets[i + 1] - base] for i in range(n)]


def ranges_to_python(layout, content, starts, stops, behavior) -> list:
    """Rows ``content[starts[i]:stops[i]]`` (ListArray: any starts/stops) as Python objects."""
    kind = layout.parameter("__array__")
    if kind in ("string", "bytestring") and content.is_numpy:
        (data,) = concrete(content.data)
        raw = data.tobytes()
        pieces = [raw[a:b] if b > a else b"" for a, b in zip(starts, stops)]
        if kind == "string":
            return [piece.decode("utf-8", errors="surrogateescape") for piece in pieces]
        return pieces
    nonempty = [(a, b) for a, b in zip(starts, stops) if b > a]
    if not nonempty:
        return [[] for _ in starts]
    low = min(a for a, _ in nonempty)
    high = max(b for _, b in nonempty)
    covered = sum(b - a for a, b in nonempty)
    if 2 * covered < high - low:
        # sparse rows (e.g. a strided slice of a long array): convert only the items they hold
        return _sparse_ranges_to_python(content, starts, stops, behavior)
    values = content._getitem_range(low, high)._to_list(behavior)
    return [values[a - low : b - low] if b > a else [] for a, b in zip(starts, stops)]


def _sparse_ranges_to_python(content, starts, stops, behavior) -> list:
    from awkward._nplikes.dtypes import int64
    from awkward.index import Index64

    positions = [i for a, b in zip(starts, stops) for i in range(a, b)]
    index = Index64(content.backend.index_nplike.asarray(positions, dtype=int64))
    values = content._carry(index, False)._to_list(behavior)
    out, at = [], 0
    for a, b in zip(starts, stops):
        width = b - a if b > a else 0
        out.append(values[at : at + width])
        at += width
    return out


def chars_to_python(data) -> list:
    """Single ``char`` elements (one UTF-8 byte each, e.g. taken out of a string inside a union)
    as one-character ``str``, as awkward 2.14's to_list gives them (a byte that is not ASCII
    becomes a lone surrogate escape)."""
    return [bytes((value,)).decode("utf-8", errors="surrogateescape") for value in data.tolist()]
