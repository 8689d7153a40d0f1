"""Broadcasting through options (awkward/_broadcasting.py): an input or mask that is an option
around something the action turns into an option (or a union) gives one simplified option,
never an option over an option. Values are checked against a pure-Python broadcasting model on
to_list data; types against awkward 2.14 (checked with ak-compare)."""

from __future__ import annotations

import numpy as np
import pytest

import awkward as ak
from awkward._broadcasting import broadcast_and_apply
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    UnionArray,
    UnmaskedArray,
)
from awkward.index import Index8, Index64


def broadcast_model(f, *items):
    """Awkward's broadcasting on Python data: None anywhere gives None; lists meet lists of
    the same length or scalars (a scalar goes into every element)."""
    if any(x is None for x in items):
        return None
    if any(isinstance(x, list) for x in items):
        length = {len(x) for x in items if isinstance(x, list)}
        assert len(length) == 1
        (n,) = length
        return [broadcast_model(f, *[x[i] if isinstance(x, list) else x for x in items]) for i in range(n)]
    return f(*items)


def mask_model(values, mask, valid_when):
    """The mask decides at its own depth: a boolean keeps or drops the whole value there."""
    if mask is None:
        return None
    if isinstance(mask, list):
        if values is None:
            return None
        if isinstance(values, list):
            assert len(values) == len(mask)
            return [mask_model(v, m, valid_when) for v, m in zip(values, mask)]
        return [mask_model(values, m, valid_when) for m in mask]
    return values if mask == valid_when else None


def where_model(condition, x, y):
    """ak.where picks: a missing value matters only where it is picked."""
    if condition is None:
        return None
    if isinstance(condition, list):
        pick = [[v[i] if isinstance(v, list) else v for v in (x, y)] for i in range(len(condition))]
        return [where_model(c, a, b) for c, (a, b) in zip(condition, pick)]
    return x if condition else y


# (values, mask, awkward 2.14's type of ak.mask(values, mask))
MASK_CASES = [
    ([1, 2, 3, 4], [True, None, False, None], "4 * ?int64"),
    ([1, None, 3], [True, None, False], "3 * ?int64"),
    ([[1, None, 3], None, [4]], [[True, None, False], [True], None], "3 * option[var * ?int64]"),
    ([[1, 2], [3], [4, 5]], [[True, None], None, [False, True]], "3 * option[var * ?int64]"),
    ([[1, None], [3], None], [True, None, False], "3 * option[var * ?int64]"),
    ([[1, None], [3], None], [[None, True], [True], [True]], "3 * option[var * ?int64]"),
    ([1, None, 3], [[True], None, [False]], "3 * option[var * ?int64]"),
    ([{"x": 1, "y": [1]}, {"x": 2, "y": []}, None], [True, None, True], "3 * ?{x: int64, y: var * int64}"),
    ([1, "x", [2]], [None, True, False], "3 * union[?int64, ?string, option[var * int64]]"),
]


@pytest.mark.parametrize("valid_when", [True, False])
@pytest.mark.parametrize("values, mask, expected", MASK_CASES)
def test_mask_with_an_option_mask(values, mask, expected, valid_when):
    out = ak.mask(ak.Array(values), ak.Array(mask), valid_when=valid_when)
    assert out.to_list() == mask_model(values, mask, valid_when)
    if valid_when:
        assert str(out.type) == expected


def test_mask_property_with_option_mask():
    values, mask = [[1, 2], [3], [4, 5]], [[True, None], [False], [False, True]]
    out = ak.Array(values).mask[ak.Array(mask)]
    assert str(out.type) == "3 * var * ?int64"
    assert out.to_list() == mask_model(values, mask, True)


def _option_classes(values):
    """The same optional numbers as each of the four option classes."""
    valid = np.array([v is not None for v in values])
    content = NumpyArray(np.array([0 if v is None else v for v in values], np.int64))
    index = np.where(valid, np.arange(len(values)), -1)
    bits = np.packbits(valid, bitorder="little")
    out = [
        IndexedOptionArray(Index64(index), content),
        ByteMaskedArray(Index8(valid.astype(np.int8)), content, True),
        BitMaskedArray(ak.index.IndexU8(bits), content, True, len(values), True),
    ]
    if valid.all():
        out.append(UnmaskedArray(content))
    return out


@pytest.mark.parametrize("values", [[1, None, 3, None, 5], [1, 2, 3]])
@pytest.mark.parametrize("which", range(4))
def test_mask_of_each_option_class(values, which):
    layouts = _option_classes(values)
    if which >= len(layouts):
        pytest.skip("UnmaskedArray only without None")
    mask = [True, False, None, True, True][: len(values)]
    out = ak.mask(ak.Array(layouts[which]), ak.Array(mask))
    assert str(out.type) == f"{len(values)} * ?int64"
    assert out.to_list() == mask_model(values, mask, True)


@pytest.mark.parametrize("which", range(3))
def test_action_returning_an_option_below_a_lone_option(which):
    """One option input among scalars: the option keeps its buffers and wraps the action's
    output through the simplified constructor (the output here is an option itself)."""
    values = [1, None, 3, None, 5]
    layout = _option_classes(values)[which]

    def action(inputs, *, depth, backend):
        x, scalar = inputs
        if x.is_numpy:
            keep = Index8(np.asarray(x.data) % 3 != 0)  # (materialized in the action) drops 3s
            return (ByteMaskedArray.simplified(keep, x, True),)
        return None

    (out,) = broadcast_and_apply([layout, 1], action)
    assert not out.content.is_option
    assert ak.Array(out).to_list() == [1, None, None, None, 5]
    assert str(ak.Array(out).type) == "5 * ?int64"


def test_action_returning_a_union_below_options():
    values = [1, None, 3]
    layout = _option_classes(values)[0]
    other = IndexedOptionArray(Index64(np.array([0, 1, -1])), NumpyArray(np.array([10, 20])))

    def action(inputs, *, depth, backend):
        x, y = inputs
        if x.is_numpy:
            words = ListOffsetArray(Index64(np.arange(len(x) + 1)), NumpyArray(np.zeros(len(x), np.int64)))
            tags = Index8(np.zeros(len(x), np.int8))
            return (UnionArray(tags, Index64(np.arange(len(x))), [x, words]),)
        return None

    for inputs in ([layout, other], [layout, 5]):
        (out,) = broadcast_and_apply(inputs, action)
        assert out.is_union
        assert ak.Array(out).to_list() == broadcast_model(lambda a, b: a, values, ak.to_list(inputs[1]) if inputs[1] is other else 5)


ADD_CASES = [
    ([[1, None, 3], None, [4]], [[None, 2, 3], [1], None], "3 * option[var * ?int64]"),
    ([[[1, None], None], None, [[4]]], [[None, [2]], [[1]], [None]], "3 * option[var * option[var * ?int64]]"),
    ([1, None, 3], [[1], [2, 3], None], "3 * option[var * int64]"),
    ([[1, None], [3]], [None, 2], "2 * option[var * ?int64]"),
]


@pytest.mark.parametrize("left, right, expected", ADD_CASES)
def test_add_nested_options(left, right, expected):
    out = np.add(ak.Array(left), ak.Array(right))
    assert out.to_list() == broadcast_model(lambda a, b: a + b, left, right)
    assert str(out.type) == expected


# ak.where cases where awkward 2.14 follows the broadcasting rule (see the report: 2.14 treats a
# missing list in ak.where differently, or refuses it, which we do not copy)
WHERE_CASES = [
    ([True, None, False], [1, 2, 3], [4, 5, 6], "3 * ?int64"),
    ([True, False, True], [[1], None, [4]], [[1], [2], None], "3 * option[var * int64]"),
    ([[True, None], [False]], [[1, None], [3]], 0, "2 * var * ?int64"),
    ([[True, None], [False]], [[1, None], [3]], [[None, 2.5], [1]], "2 * var * ?float64"),
]


@pytest.mark.parametrize("condition, x, y, expected", WHERE_CASES)
def test_where_with_options(condition, x, y, expected):
    y_arg = ak.Array(y) if isinstance(y, list) else y
    out = ak.where(ak.Array(condition), ak.Array(x), y_arg)
    assert out.to_list() == where_model(condition, x, y)
    assert str(out.type) == expected
