"""Pure-Python models of the option operations, on ``to_list`` data, and the table of
layouts (one per layout kind) that tests/test_ops_pad_fill.py and tests/test_ops_none.py
compare against them."""

import numpy as np

import awkward as ak
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    EmptyArray,
    IndexedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
    UnmaskedArray,
)
from awkward.index import Index8, Index64, IndexU8


class ModelAxisError(Exception):
    """The model went below a leaf: the operation must raise AxisError."""


def apply_at(items, axis, f):
    """``f`` applied to the Python lists found ``axis`` levels below the list ``items``."""
    if axis == 0:
        return f(items)
    return [descend(item, axis - 1, f) for item in items]


def descend(item, axis, f):
    if item is None:
        return None
    if isinstance(item, dict):
        return {k: descend(v, axis, f) for k, v in item.items()}
    if isinstance(item, tuple):
        return tuple(descend(v, axis, f) for v in item)
    if isinstance(item, list):
        return apply_at(item, axis, f)
    raise ModelAxisError(item)


def pad_model(items, target, axis, clip):
    def f(lst):
        kept = lst[:target] if clip else lst
        return list(kept) + [None] * (target - len(kept))

    return apply_at(items, axis, f)


def fill_model(items, value, axis):
    if axis is None:
        return fill_everywhere(items, value)
    return apply_at(items, axis, lambda lst: [value if v is None else v for v in lst])


def fill_everywhere(item, value):
    if item is None:
        return value
    if isinstance(item, dict):
        return {k: fill_everywhere(v, value) for k, v in item.items()}
    if isinstance(item, tuple):
        return tuple(fill_everywhere(v, value) for v in item)
    if isinstance(item, list):
        return [fill_everywhere(v, value) for v in item]
    return item


def is_none_model(items, axis):
    return apply_at(items, axis, lambda lst: [v is None for v in lst])


def drop_model(items, axis):
    if axis is None:
        return drop_everywhere(items)
    return apply_at(items, axis, lambda lst: [v for v in lst if v is not None])


def drop_everywhere(item):
    if isinstance(item, list):
        return [drop_everywhere(v) for v in item if v is not None]
    if isinstance(item, dict):
        return {k: drop_everywhere(v) for k, v in item.items()}
    if isinstance(item, tuple):
        return tuple(drop_everywhere(v) for v in item)
    return item


def firsts_model(items, axis):
    """axis 0: the first element (or None); else the first item of each list at ``axis``
    (records answer field by field)."""
    if axis == 0:
        return items[0] if items else None

    def first(v):
        if v is None:
            return None
        if isinstance(v, dict):
            return {k: first(x) for k, x in v.items()}
        if isinstance(v, tuple):
            return tuple(first(x) for x in v)
        if isinstance(v, list):
            return v[0] if v else None
        raise ModelAxisError(v)

    return apply_at(items, axis - 1, lambda lst: [first(v) for v in lst])


def singletons_model(items, axis):
    return apply_at(items, axis, lambda lst: [[] if v is None else [v] for v in lst])


def mask_model(values, mask, valid_when):
    if isinstance(mask, list):
        if isinstance(values, list):
            return [mask_model(v, m, valid_when) for v, m in zip(values, mask)]
        return [mask_model(values, m, valid_when) for m in mask]
    return values if (mask is not None and mask == valid_when) else None


# ---------------------------------------------------------------------- the layouts
def _jagged():
    return ListOffsetArray(Index64(np.array([0, 3, 3, 5, 6])), NumpyArray(np.array([1, 2, 3, 4, 5, 6])))


def _optional_numbers():
    return IndexedOptionArray(
        Index64(np.array([0, -1, 1, 2, -1, 3])), NumpyArray(np.array([1.5, 2.5, 3.5, 4.5]))
    )


def layouts():
    """name -> (layout, number of dimensions); every layout kind appears."""
    jagged = _jagged()
    jagged_opt = ListOffsetArray(
        Index64(np.array([0, 3, 3, 5, 6])),
        ByteMaskedArray(Index8(np.array([1, 0, 1, 1, 0, 1], np.int8)), NumpyArray(np.arange(6)), True),
    )
    strings = ak.to_layout(["ab", "", "cde", "f"])
    out = {
        "numpy": (NumpyArray(np.array([1, 2, 3, 4])), 1),
        "numpy2d": (NumpyArray(np.arange(12).reshape(4, 3)), 2),
        "regular": (RegularArray(NumpyArray(np.arange(8)), 2), 2),
        "listoffset": (jagged, 2),
        "listarray": (
            ListArray(Index64(np.array([4, 0, 2, 2])), Index64(np.array([6, 2, 2, 5])), NumpyArray(np.arange(8))),
            2,
        ),
        "jagged_opt": (jagged_opt, 2),
        "indexedoption": (_optional_numbers(), 1),
        "option_lists": (IndexedOptionArray(Index64(np.array([1, -1, 0, 3])), jagged), 2),
        "bytemasked": (ByteMaskedArray(Index8(np.array([1, 0, 1, 1], np.int8)), jagged, valid_when=True), 2),
        "bitmasked": (
            BitMaskedArray(IndexU8(np.array([0b1010], np.uint8)), jagged, valid_when=False, length=4, lsb_order=True),
            2,
        ),
        "unmasked": (UnmaskedArray(NumpyArray(np.array([1.0, 2.0, 3.0]))), 1),
        "indexed": (IndexedArray(Index64(np.array([3, 0, 0, 2])), jagged), 2),
        "union": (
            UnionArray(
                Index8(np.array([0, 1, 0, 1], np.int8)),
                Index64(np.array([0, 0, 1, 1])),
                [_optional_numbers(), UnmaskedArray(RegularArray(NumpyArray(np.arange(4)), 2))],
            ),
            None,
        ),
        "record": (
            RecordArray([jagged, jagged_opt], ["x", "y"]),
            2,
        ),
        "tuple": (RecordArray([jagged_opt, jagged], None), 2),
        "option_record": (
            IndexedOptionArray(Index64(np.array([0, -1, 2, 3])), RecordArray([jagged, jagged_opt], ["x", "y"])),
            2,
        ),
        "strings": (strings, 1),
        "list_strings": (ListOffsetArray(Index64(np.array([0, 2, 2, 4])), strings), 2),
        "empty": (EmptyArray(), 1),
        "lists_of_empty": (ListOffsetArray(Index64(np.array([0, 0, 0])), EmptyArray()), 2),
        "deep": (ak.to_layout([[[1, None], None, []], None, [[2, 3]], []]), 3),
    }
    return out
