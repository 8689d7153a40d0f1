"""Gaps against awkward 2.14 found in review of issue 10 (each expectation checked with akc):
EmptyArray as lists of any depth (flatten, combinations), strings in argcombinations, the
dtype and type of ak.num, enforce_type's refusals, and unions of mergeable contents built by
hand (merged by the generic walk, kept by flatten/combinations)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

import awkward as ak
from awkward.contents import (
    EmptyArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RegularArray,
    UnionArray,
)
from awkward.errors import AxisError
from awkward.index import Index8, Index32, Index64, IndexU32


def empty():
    return ak.Array(EmptyArray())


def lists_of_empty():
    return ak.Array([[], []])


# ------------------------------------------------------------------ 1. EmptyArray, any depth
@pytest.mark.parametrize("axis", [1, 2, 5, -2])
def test_flatten_empty_array_any_depth(axis):
    out = ak.flatten(empty(), axis=axis)
    assert out.to_list() == [] and str(out.type) == "0 * unknown"


@pytest.mark.parametrize("axis", [0, -1])
def test_flatten_empty_array_axis0_is_float64(axis):
    out = ak.flatten(empty(), axis=axis)
    assert out.to_list() == [] and str(out.type) == "0 * float64"


@pytest.mark.parametrize("axis", [2, 3, -3])
def test_flatten_lists_of_empty_below(axis):
    out = ak.flatten(lists_of_empty(), axis=axis)
    assert out.to_list() == [[], []] and str(out.type) == "2 * var * unknown"


def test_flatten_option_of_nothing():
    assert ak.flatten(ak.Array([None]), axis=2).to_list() == []
    out = ak.flatten(ak.Array(ak.contents.UnmaskedArray(EmptyArray())), axis=1)
    assert str(out.type) == "0 * unknown"


def test_flatten_still_refuses_numbers_too_deep():
    with pytest.raises(AxisError, match="ak.flatten: axis=2 exceeds the depth"):
        ak.flatten(ak.Array([[1]]), axis=2)
    with pytest.raises(AxisError):
        ak.flatten(ak.Array([[1]]), axis=-3)


@pytest.mark.parametrize("axis", [0, 1, 3, -1, -2])
@pytest.mark.parametrize("kwargs", [{}, {"fields": ["a", "b"]}, {"with_name": "x"}])
def test_combinations_empty_array_given_back(axis, kwargs):
    out = ak.combinations(empty(), 2, axis=axis, **kwargs)
    assert out.to_list() == [] and str(out.type) == "0 * unknown"


@pytest.mark.parametrize("axis", [2, 3])
def test_combinations_lists_of_empty_below(axis):
    out = ak.combinations(lists_of_empty(), 2, axis=axis)
    assert out.to_list() == [[], []] and str(out.type) == "2 * var * unknown"


def test_argcombinations_empty_array_is_axis_error():
    # 2.14: argcombinations (local positions) does need lists there
    with pytest.raises(AxisError, match="axis=1 exceeds the depth"):
        ak.argcombinations(empty(), 2)
    assert str(ak.argcombinations(empty(), 2, axis=0).type) == "0 * (int64, int64)"


# ------------------------------------------------------------------ 2. strings as characters
def arg_model(data, n, replacement):
    comb = itertools.combinations_with_replacement if replacement else itertools.combinations
    return [None if s is None else [list(c) for c in comb(range(len(s)), n)] for s in data]


STRINGS = {
    "string": ak.Array(["ab", "c", "", "xyz"]),
    "bytestring": ak.Array([b"ab", b"c", b"", b"xyz"]),
    "optional": ak.Array([None, "ab", "xyz"]),
    "regular": ak.Array(
        RegularArray(
            NumpyArray(np.frombuffer(b"abcdef", np.uint8), parameters={"__array__": "char"}),
            3,
            parameters={"__array__": "string"},
        )
    ),
}


@pytest.mark.parametrize("replacement", [False, True])
@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("name", list(STRINGS))
def test_argcombinations_of_strings(name, n, replacement):
    array = STRINGS[name]
    out = ak.argcombinations(array, n, replacement=replacement)
    expected = arg_model(array.to_list(), n, replacement)
    assert [None if x is None else [list(t) for t in x] for x in out.to_list()] == expected
    assert "string" not in str(out.type) and ak.validity_error(out) == ""


def test_argcombinations_of_nested_strings_and_fields():
    array = ak.Array([["ab", "c"], []])
    out = ak.argcombinations(array, 2, axis=2, fields=["a", "b"])
    assert out.to_list() == [[[{"a": 0, "b": 1}], []], []]
    assert str(out.type) == "2 * var * var * {a: int64, b: int64}"


def test_argcombinations_drop_list_parameters():
    array = ak.with_parameter(ak.Array([[1, 2], [3]]), "foo", 1)
    assert ak.argcombinations(array, 2).layout.parameters == {}
    assert ak.combinations(array, 2).layout.parameters == {"foo": 1}


def test_combinations_of_strings_still_refused():
    with pytest.raises(ValueError, match="characters of a string"):
        ak.combinations(ak.Array(["ab", "c"]), 2)


# ------------------------------------------------------------------ 3 and 4. ak.num
def _offsets(cls, dtype):
    return cls(np.array([0, 2, 2, 5], dtype))


NUM_LAYOUTS = {
    "offsets32": (ListOffsetArray(_offsets(Index32, np.int32), NumpyArray(np.arange(5))), "int32"),
    "offsetsU32": (ListOffsetArray(_offsets(IndexU32, np.uint32), NumpyArray(np.arange(5))), "uint32"),
    "offsets64": (ListOffsetArray(_offsets(Index64, np.int64), NumpyArray(np.arange(5))), "int64"),
    "list32": (
        ListArray(
            Index32(np.array([0, 2, 2], np.int32)),
            Index32(np.array([2, 2, 5], np.int32)),
            NumpyArray(np.arange(5)),
        ),
        "int32",
    ),
    "listU32": (
        ListArray(
            IndexU32(np.array([0, 2, 2], np.uint32)),
            IndexU32(np.array([2, 2, 5], np.uint32)),
            NumpyArray(np.arange(5)),
        ),
        "uint32",
    ),
    "regular": (RegularArray(NumpyArray(np.arange(6)), 2), "int64"),
    "numpy2d": (NumpyArray(np.zeros((3, 2))), "int64"),
}


@pytest.mark.parametrize("name", list(NUM_LAYOUTS))
def test_num_keeps_offsets_dtype(name):
    layout, dtype = NUM_LAYOUTS[name]
    out = ak.num(layout)
    assert out.to_list() == [len(x) for x in layout.to_list()]
    assert str(out.type) == f"3 * {dtype}"


def test_num_keeps_dtype_deeper_and_behind_options():
    inner = ListOffsetArray(Index32(np.array([0, 2, 2], np.int32)), NumpyArray(np.arange(2)))
    outer = ListOffsetArray(Index64(np.array([0, 1, 2])), inner)
    assert str(ak.num(outer, axis=2).type) == "2 * var * int32"
    assert ak.num(outer, axis=2).to_list() == [[2], [0]]
    unmasked = ak.contents.UnmaskedArray(inner)
    assert str(ak.num(unmasked).type) == "2 * ?int32"


@pytest.mark.parametrize(
    "array",
    [ak.Array([[1], [2, 3]]), ak.Array([1, 2, 3]), ak.Array([{"x": 1}]), empty(), lists_of_empty()],
)
def test_num_axis0_is_0d_int64_array(array):
    for axis in (0, -array.ndim):
        out = ak.num(array, axis=axis)
        assert type(out) is np.ndarray and out.shape == () and out.dtype == np.int64
        assert int(out) == len(array.to_list())
    assert type(ak.num(array, axis=0, highlevel=False)) is np.ndarray


# ------------------------------------------------------------------ 5. enforce_type refusals
@pytest.mark.parametrize(
    "array,type_",
    [
        ([1, None], "??int64"),
        ([1, 2], "??int64"),
        ([[1], [2.5]], "var * ??float64"),
        ([1, 2], "?union[int64, string]"),
    ],
)
def test_enforce_type_refuses_option_around_option_or_union(array, type_):
    with pytest.raises(TypeError, match="option-type directly around"):
        ak.enforce_type(ak.Array(array), type_)


def union_of_list_and_strings():
    return ak.concatenate([ak.Array([[1]]), ak.Array([["x"]])])


@pytest.mark.parametrize(
    "slicer,type_,error",
    [
        (slice(None), "float64", TypeError),
        (slice(None), "var * float64", TypeError),
        (slice(None, 1), "var * float64", TypeError),  # no content of exactly that type
        (slice(None, 0), "var * float64", TypeError),
        (slice(None), "?var * float64", TypeError),
        (slice(None), "var * int64", ValueError),  # a content matches, another is used
        (slice(None), "var * string", ValueError),
        (slice(None), "?var * int64", ValueError),
        (slice(1, None), "var * int64", ValueError),
    ],
)
def test_enforce_type_union_to_non_union(slicer, type_, error):
    with pytest.raises(error, match="ak.enforce_type: UnionArray"):
        ak.enforce_type(union_of_list_and_strings()[slicer], type_)


def test_enforce_type_union_to_its_used_content():
    out = ak.enforce_type(union_of_list_and_strings()[:1], "var * int64")
    assert out.to_list() == [[1]] and str(out.type) == "1 * var * int64"


# ------------------------------------------------------------------ 6. unions built by hand
def hand_union():
    """union[var * int64, var * float64]: mergeable contents, not simplified."""
    return ak.Array(
        UnionArray(
            Index8(np.array([0, 1, 0], np.int8)),
            Index64(np.array([0, 0, 1])),
            [ak.to_layout([[1], [2, 3]]), ak.to_layout([[1.5, None]])],
        )
    )


def hand_union_no_none():
    return ak.Array(
        UnionArray(
            Index8(np.array([0, 1, 0], np.int8)),
            Index64(np.array([0, 0, 1])),
            [ak.to_layout([[1], [2, 3]]), ak.to_layout([[1.5]])],
        )
    )


def _no_union(array):
    return "union" not in str(array.type)


MERGED = {
    "fill_none": lambda a: ak.fill_none(a, 0),
    "fill_none_axis1": lambda a: ak.fill_none(a, 0, axis=1),
    "drop_none_axis1": lambda a: ak.drop_none(a, axis=1),
    "from_regular": lambda a: ak.from_regular(a),
    "merge_option_of_records": lambda a: ak.merge_option_of_records(a),
    "merge_union_of_records": lambda a: ak.merge_union_of_records(a),
    "transform": lambda a: ak.transform(lambda layout, **kwargs: None, a),
}


def fill_model(data):
    return [[0 if v is None else v for v in x] for x in data]


@pytest.mark.parametrize("name", list(MERGED))
def test_generic_walk_merges_hand_built_union(name):
    array = hand_union_no_none() if name.startswith("fill") else hand_union()
    out = MERGED[name](array)
    assert _no_union(out)
    data = array.to_list()
    expected = fill_model(data) if name.startswith("fill") else data
    if name == "drop_none_axis1":
        expected = [[v for v in x if v is not None] for x in data]
    assert out.to_list() == expected
    assert ak.validity_error(out) == ""


def test_generic_walk_keeps_canonical_union_untouched():
    array = union_of_list_and_strings()
    out = ak.transform(lambda layout, **kwargs: None, array)
    assert out.layout is array.layout


def test_mask_and_pad_none_axis0_give_an_option_of_the_merged_lists():
    array = hand_union_no_none()
    masked = ak.mask(array, [True, False, True])
    assert str(masked.type) == "3 * option[var * float64]"
    assert masked.to_list() == [[1.0], None, [2.0, 3.0]]
    padded = ak.pad_none(array, 4, axis=0)
    assert str(padded.type) == "4 * option[var * float64]"
    assert padded.to_list() == [*array.to_list(), None]


def test_mask_of_a_canonical_union_is_a_union_of_options():
    # awkward 2.14: an option cannot hold a union; the option goes inside each content
    out = ak.mask(ak.Array([[1], "a"]), [True, False])
    assert str(out.layout.form.type) == "union[option[var * int64], ?string]"
    assert out.to_list() == [[1], None]


def test_flatten_and_combinations_keep_the_union():
    array = hand_union_no_none()
    flat = ak.flatten(array)
    assert str(flat.layout.form.type) == "union[int64, float64]"
    assert flat.to_list() == [1, 1.5, 2, 3]
    deeper = ak.Array(ListOffsetArray(Index64(np.array([0, 3])), array.layout))
    assert str(ak.flatten(deeper, axis=2).layout.form.type) == "var * union[int64, float64]"
    pairs = ak.combinations(array, 2)
    assert str(pairs.layout.form.type) == "union[var * (int64, int64), var * (float64, float64)]"
    assert [[list(t) for t in x] for x in pairs.to_list()] == [[], [], [[2, 3]]]
    assert ak.ravel(array).to_list() == [1, 1.5, 2, 3]
    assert str(ak.ravel(array).type) == "4 * float64"
