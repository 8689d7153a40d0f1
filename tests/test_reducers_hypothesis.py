"""Every reducer (sum, prod, min, max, argmin, argmax, count, count_nonzero, any, all and the
nan-variants) on hypothesis-generated arrays, at every axis (negative ones too), with keepdims
and mask_identity, against the pure-Python model of tests/_reducer_model.py on to_list data.

The arrays are jagged lists (1 to 3 deep) of ints, floats (NaN included) or bools, with missing
values and missing lists, each built as one of several layout variants: ListOffsetArray,
ListArray, RegularArray where the lists allow it, and the option types IndexedOptionArray,
ByteMaskedArray, BitMaskedArray and UnmaskedArray. Plain and virtualized (``--virtualize``).
max_examples is bounded so the file runs in well under a minute per mode."""

import math

import numpy as np
import pytest
from _reducer_model import reduce_at, reduce_values, same
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import awkward as ak
from awkward.contents import (
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RegularArray,
    UnmaskedArray,
)

REDUCERS = ["sum", "prod", "min", "max", "argmin", "argmax", "count", "count_nonzero", "any", "all"]
NAN_REDUCERS = ["nansum", "nanprod", "nanmin", "nanmax", "nanargmin", "nanargmax"]
VARIANTS = ["offsets", "listarray", "regular", "regular", "bytemasked", "bitmasked", "unmasked"]
NAN = float("nan")

LEAVES = {
    "i": st.integers(-4, 4),
    "f": st.sampled_from([-2.5, -1.0, 0.0, 0.5, 1.5, 3.0, NAN]),  # sums of these are exact
    "b": st.booleans(),
}

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# ---------------------------------------------------------------------- generated arrays
@st.composite
def jagged_data(draw, kinds="ifb"):
    """(to_list-style data, leaf kind): lists nested 1 to 3 deep, None in some of them."""
    kind = draw(st.sampled_from(kinds))
    depth = draw(st.sampled_from([2, 3, 1]))
    leaf = LEAVES[kind]
    if draw(st.booleans()):
        leaf = st.one_of(st.none(), leaf, leaf)
    missing_lists = draw(st.booleans())
    # per list level below the outermost: one size for all its lists (None: any size), so
    # that the "regular" variant can make that dimension regular
    sizes = draw(st.lists(st.one_of(st.none(), st.integers(1, 3)), min_size=depth, max_size=depth))

    def level(remaining, low=0, high=4):
        if remaining == 1:
            return st.lists(leaf, min_size=low, max_size=high)
        size = sizes[remaining - 1]
        inner = level(remaining - 1, *((0, 4) if size is None else (size, size)))
        if missing_lists:
            inner = st.one_of(st.none(), inner, inner)
        return st.lists(inner, min_size=low, max_size=high)

    return draw(level(depth, low=1)), kind


def _offsets_to_lists(node):
    """Every ListOffsetArray as a ListArray (starts and stops)."""
    if isinstance(node, ListOffsetArray):
        offsets = np.asarray(node.offsets.data)
        content = _offsets_to_lists(node.content)
        return ListArray(
            ak.index.Index64(offsets[:-1].copy()), ak.index.Index64(offsets[1:].copy()), content
        )
    return _rebuild(node, _offsets_to_lists)


def _options_as(node, how):
    """Every IndexedOptionArray as a ByteMaskedArray or BitMaskedArray."""
    if isinstance(node, IndexedOptionArray):
        node = node.copy(content=_options_as(node.content, how))
        if len(node.content) == 0:
            return node  # nothing for a mask to line up with: kept as an index
        if how == "bytemasked":
            return node.to_ByteMaskedArray(valid_when=True)
        return node.to_BitMaskedArray(valid_when=False, lsb_order=True)
    return _rebuild(node, lambda child: _options_as(child, how))


def _unmasked_leaves(node):
    """Numbers inside lists wrapped in UnmaskedArray (an option type without missing values)."""
    if node.is_list and isinstance(node.content, NumpyArray):
        return node.copy(content=UnmaskedArray(node.content))
    return _rebuild(node, _unmasked_leaves)


def _rebuild(node, function):
    if node.is_list or node.is_option or node.is_indexed:
        return node.copy(content=function(node.content))
    return node


def _regular(array):
    """Each list dimension made regular where all its lists have one length (None allowed
    above it)."""
    depth = array.layout.purelist_depth
    for axis in range(1, depth):
        try:
            array = ak.to_regular(array, axis=axis)
        except ValueError:
            pass
    return array


def build(data, variant):
    array = ak.from_iter(data)
    if variant == "regular":
        return _regular(array).layout
    layout = array.layout
    if variant == "listarray":
        return _offsets_to_lists(layout)
    if variant in ("bytemasked", "bitmasked"):
        return _options_as(layout, variant)
    if variant == "unmasked":
        return _unmasked_leaves(layout)
    return layout


def regular_sizes(layout):
    """Per list dimension below the outermost: its size if regular, None if jagged."""
    out = []
    node = layout
    while True:
        if node.is_option or node.is_indexed:
            node = node.content
        elif node.is_list:
            out.append(node.size if isinstance(node, RegularArray) else None)
            node = node.content
        elif isinstance(node, NumpyArray):
            return out + list(node.data.shape[1:])
        else:
            return out


def leaf_kind(layout, kind):
    node = layout
    while node.is_list or node.is_option or node.is_indexed:
        node = node.content
    return "f" if node.is_unknown else kind


def leaves_at(data, depth):
    """The elements ``depth`` lists deep, in order: values and missing values (a missing list
    above that depth holds none)."""
    if depth == 1:
        return list(data)
    out = []
    for e in data:
        if e is not None:
            out.extend(leaves_at(e, depth - 1))
    return out


def reduce_all(op, data, depth, kind, mask_identity):
    """The model of axis=None: the reduction of the raveled values (argmin/argmax: positions
    in the raveled array, missing values counted)."""
    pairs = [(j, v) for j, v in enumerate(leaves_at(data, depth)) if v is not None]
    return reduce_values(op, pairs, kind, mask_identity)


def as_list(out):
    if isinstance(out, ak.Array):
        return out.to_list()
    if isinstance(out, np.generic):
        return out.item()
    return out


def without_nan(data):
    if isinstance(data, list):
        return [without_nan(x) for x in data]
    if isinstance(data, float) and math.isnan(data):
        return None
    return data


# ---------------------------------------------------------------------- the tests
def check_every_axis(op, model_op, layout, data, kind):
    array = ak.Array(layout)
    depth = layout.purelist_depth
    sizes = regular_sizes(layout)
    for axis in list(range(depth)) + list(range(-depth, 0)):
        posaxis = axis + depth if axis < 0 else axis
        for mask_identity in (False, True):
            for keepdims in (False, True):
                got = getattr(ak, op)(
                    array, axis=axis, keepdims=keepdims, mask_identity=mask_identity
                )
                want = reduce_at(
                    model_op, data, posaxis, kind, mask_identity, keepdims, depth, sizes
                )
                assert same(as_list(got), want), (op, axis, keepdims, mask_identity, got, want)
    for mask_identity in (False, True):
        got = getattr(ak, op)(array, axis=None, mask_identity=mask_identity)
        want = reduce_all(model_op, data, depth, kind, mask_identity)
        assert same(as_list(got), want), (op, None, mask_identity, got, want)


@pytest.mark.parametrize("op", REDUCERS)
@SETTINGS
@given(generated=jagged_data(), variant=st.sampled_from(VARIANTS))
def test_reducer_every_axis_against_the_model(op, generated, variant):
    data, kind = generated
    if kind == "b" and op in ("sum", "prod"):
        kind = "i"  # booleans add up as integers (the model's arithmetic is the same)
    layout = build(data, variant)
    data = layout.to_list()
    check_every_axis(op, op, layout, data, leaf_kind(layout, kind))


@pytest.mark.parametrize("op", NAN_REDUCERS)
@SETTINGS
@given(generated=jagged_data(kinds="f"), variant=st.sampled_from(VARIANTS))
def test_nan_reducer_every_axis_skips_nan(op, generated, variant):
    data, kind = generated
    layout = build(data, variant)
    data = without_nan(layout.to_list())
    check_every_axis(op, op[3:], layout, data, leaf_kind(layout, kind))


@SETTINGS
@given(generated=jagged_data(), variant=st.sampled_from(VARIANTS))
def test_variants_hold_the_same_values(generated, variant):
    # the layout variants are what they claim to be and change no value
    data, _ = generated
    layout = build(data, variant)
    assert same(layout.to_list(), ak.from_iter(data).to_list())
    assert ak.validity_error(layout) == ""


# argmin/argmax where every value is missing (``[None]``, ``[[None], []]``, or ints sliced to
# their missing ones) give None, as in awkward 2.14 (the generated tests above include them)
@pytest.mark.parametrize("op", ["argmin", "argmax", "nanargmin", "nanargmax"])
def test_arg_reducers_of_all_missing_values(op):
    function = getattr(ak, op)
    assert function(ak.Array([None]), axis=0) is None
    assert function(ak.Array([None]), axis=0, keepdims=True).to_list() == [None]
    assert function(ak.Array([None, None]), axis=None) is None
    assert function(ak.Array([[None], []]), axis=None) is None
    assert function(ak.Array([[None], []]), axis=1).to_list() == [None, None]
    assert function(ak.Array([[None, 1]])[:, :1], axis=1).to_list() == [None]
