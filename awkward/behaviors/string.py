"""Strings and bytestrings: lists of uint8 marked ``__array__="string"`` (content
``__array__="char"``, UTF-8) or ``"bytestring"`` (content ``"byte"``).

Like awkward 2.14, no class is registered in ``ak.behavior`` for strings: they print, convert
(to_list -> str/bytes) and compare (ak.array_equal) through their parameters. The
element-wise equality here is what the ``==``/``!=`` ufunc dispatch of the broadcasting layer
calls for string operands; it works on layouts and runs vectorized through the nplike. As in
2.14, strings and bytestrings compare by their bytes (``"abc" == b"abc"``), and the other
ufuncs (ordering, ``+``) are a TypeError unless a behavior overload is registered.
"""

from __future__ import annotations

__all__ = [
    "is_string_like",
    "string_kind",
    "string_equal",
    "string_equal_scalar",
    "register",
]

_KINDS = ("string", "bytestring")


def string_kind(layout):
    """"string", "bytestring" or None for a layout node (looks only at parameters)."""
    kind = layout.parameter("__array__") if layout.is_list else None
    return kind if kind in _KINDS else None


def is_string_like(layout) -> bool:
    return string_kind(layout) is not None


def _offsets_and_chars(layout):
    packed = layout.to_ListOffsetArray64(True)
    nplike = layout.backend.index_nplike
    offsets = nplike.asarray(packed.offsets.data)
    content = packed.content._getitem_range(0, int(offsets[-1]) if len(offsets) else 0)
    chars = layout.backend.nplike.asarray(content.data)
    return offsets, chars


def string_equal(left, right):
    """Boolean array: element i of ``left`` equals element i of ``right`` (string or
    bytestring list layouts of the same length; a string and a bytestring compare by bytes)."""
    lkind, rkind = string_kind(left), string_kind(right)
    if lkind is None or rkind is None:
        raise TypeError("string_equal needs two string/bytestring layouts")
    if len(left) != len(right):
        raise ValueError(f"cannot compare string arrays of lengths {len(left)} and {len(right)}")
    from awkward._nplikes.dtypes import int64

    nplike = left.backend.index_nplike
    loffsets, lchars = _offsets_and_chars(left)
    roffsets, rchars = _offsets_and_chars(right)
    n = len(loffsets) - 1
    lcounts = loffsets[1:] - loffsets[:-1]
    rcounts = roffsets[1:] - roffsets[:-1]
    same_length = lcounts == rcounts
    if n == 0 or len(lchars) == 0:
        return same_length
    # for every character of left: its element, and the matching character of right
    element = nplike.repeat(nplike.arange(n, dtype=int64), lcounts)
    within = nplike.arange(len(lchars), dtype=int64) - loffsets[:-1][element]
    candidate = same_length[element]
    rpos = nplike.where(candidate, roffsets[:-1][element] + within, 0)
    if len(rchars) == 0:
        mismatch = candidate
    else:
        rpos = nplike.where(rpos < len(rchars), rpos, 0)
        mismatch = candidate & (lchars != rchars[rpos])
    running = nplike.concat([nplike.zeros(1, dtype=int64), nplike.cumsum(nplike.astype(mismatch, int64))])
    mismatches = running[loffsets[1:]] - running[loffsets[:-1]]
    return same_length & (mismatches == 0)


def string_equal_scalar(layout, value):
    """Boolean array: element i of a string/bytestring layout equals ``value`` (str/bytes)."""
    kind = string_kind(layout)
    if kind is None:
        raise TypeError("string_equal_scalar needs a string/bytestring layout")
    if not isinstance(value, (str, bytes, bytearray)):
        raise TypeError(f"cannot compare {kind}s with {type(value).__name__}")
    raw = value.encode("utf-8") if isinstance(value, str) else bytes(value)
    from awkward._nplikes.dtypes import int64, uint8
    from awkward.contents import ListOffsetArray, NumpyArray
    from awkward.index import Index64

    n = len(layout)
    nplike = layout.backend.nplike
    index_nplike = layout.backend.index_nplike
    chars = nplike.frombuffer(raw * n, dtype=uint8) if raw and n else nplike.zeros(0, dtype=uint8)
    offsets = index_nplike.arange(0, (n + 1) * len(raw), len(raw), dtype=int64) if raw else index_nplike.zeros(n + 1, dtype=int64)
    right = ListOffsetArray(
        Index64(offsets, nplike=index_nplike),
        NumpyArray(chars, backend=layout.backend, parameters={"__array__": "char" if kind == "string" else "byte"}),
        parameters={"__array__": kind},
    )
    return string_equal(layout, right)


def register(behavior) -> None:
    """Kept for API familiarity: strings need no entries in a behavior dict."""
    return None


# awkward 2.14's names for string-like arrays: aliases of ak.Array (strings need no class of
# their own); arrays pickled by awkward 1 name them too. Looked up on first use: the
# high-level layer imports this module's siblings while it loads.
_ARRAY_ALIASES = ("StringBehavior", "ByteStringBehavior", "CharBehavior", "ByteBehavior")


def __getattr__(name):
    if name not in _ARRAY_ALIASES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from awkward.highlevel import Array

    globals()[name] = Array
    return Array
