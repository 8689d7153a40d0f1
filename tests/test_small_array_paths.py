"""The short paths taken for small arrays (issue 10 speed) give what the general paths give:
ak.concatenate(axis=0) of same-class layouts (contents/_merge.py ``_merge_same_class``),
ak.pad_none at axis=1 of a list array (no walk), ak.unflatten with a plain integer array of
counts (no layout built for them); and argcartesian refusing a flat array at axis >= 1 (as
awkward 2.14). Expected values come from pure-Python models on to_list data.
Plain and virtualized (``--virtualize``)."""

import numpy as np
import pytest

import awkward as ak
from awkward.contents import (
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RegularArray,
)
from awkward.errors import AxisError
from awkward.index import Index64


def jagged(lists, dtype=np.float64, parameters=None):
    offsets = np.cumsum([0] + [len(x) for x in lists])
    values = np.array([v for x in lists for v in x], dtype=dtype)
    return ListOffsetArray(Index64(offsets), NumpyArray(values), parameters=parameters)


A = [[1.0, 2.0], [], [3.5]]
B = [[4.0], [5.0, 6.0, 7.0]]


# ---------------------------------------------------------------------- concatenate axis=0
@pytest.mark.parametrize(
    "first, second, type_",
    [
        (jagged(A), jagged(B), "5 * var * float64"),
        (NumpyArray(np.array([1, 2])), NumpyArray(np.array([3])), "3 * int64"),
        (jagged(A), jagged(B, np.int64), "5 * var * float64"),  # general path: promotion
        (jagged(A), jagged(B, np.int32), "5 * var * float64"),
        (NumpyArray(np.array([True])), NumpyArray(np.array([2])), "2 * int64"),  # mergebool
    ],
)
def test_concatenate_axis0_same_class(first, second, type_):
    out = ak.concatenate([ak.Array(first), ak.Array(second)])
    assert out.to_list() == first.to_list() + second.to_list()
    assert str(out.type) == type_
    assert ak.validity_error(out) == ""


def test_concatenate_axis0_keeps_equal_parameters_only():
    same = {"__list__": "L", "note": 1}
    out = ak.concatenate(
        [ak.Array(jagged(A, parameters=same)), ak.Array(jagged(B, parameters=same))]
    )
    assert out.layout.parameters == same
    other = {"__list__": "L", "note": 2}
    out = ak.concatenate(
        [ak.Array(jagged(A, parameters=same)), ak.Array(jagged(B, parameters=other))]
    )
    assert out.layout.parameters == {"__list__": "L"}  # only what both agree on
    assert out.to_list() == A + B


def test_concatenate_axis0_lists_whose_contents_do_not_merge_make_a_union():
    strings = ak.Array([["a"], ["b", "c"]])
    out = ak.concatenate([ak.Array(jagged(A)), strings])
    assert out.to_list() == A + [["a"], ["b", "c"]]
    assert isinstance(out.layout, ak.contents.UnionArray)


def test_concatenate_axis0_sliced_offsets_and_nested_lists():
    inner = ak.Array([[[1], [2, 3]], [], [[4]]])
    sliced = ak.Array([[[9]], [[5, 6]], [[7], []]])[1:]
    out = ak.concatenate([inner, sliced, inner])
    assert out.to_list() == inner.to_list() + sliced.to_list() + inner.to_list()
    assert str(out.type) == "8 * var * var * int64"


# ---------------------------------------------------------------------- pad_none axis=1
def pad_model(data, target, clip):
    out = []
    for row in data:
        row = list(row) + [None] * max(0, target - len(row))
        out.append(row[:target] if clip else row)
    return out


LISTS = {
    "ListOffsetArray": jagged(A),
    "ListArray": ListArray(
        Index64(np.array([0, 2, 2])),
        Index64(np.array([2, 2, 3])),
        NumpyArray(np.array([1.0, 2.0, 3.5])),
    ),
    "RegularArray": RegularArray(NumpyArray(np.arange(6.0)), 2),
    "lists of options": ListOffsetArray(
        Index64(np.array([0, 2, 3])),
        IndexedOptionArray(Index64(np.array([0, -1, 1])), NumpyArray(np.array([1.0, 2.0]))),
    ),
}


@pytest.mark.parametrize("name", list(LISTS))
@pytest.mark.parametrize("target", [0, 1, 2, 4])
@pytest.mark.parametrize("clip", [False, True])
def test_pad_none_axis1_of_lists(name, target, clip):
    layout = LISTS[name]
    out = ak.pad_none(ak.Array(layout), target, axis=1, clip=clip)
    if name == "RegularArray" and not clip and target < 2:
        assert out.to_list() == layout.to_list()  # longer regular lists are left as they are
    else:
        assert out.to_list() == pad_model(layout.to_list(), target, clip)
    assert ak.validity_error(out) == ""


def test_pad_none_axis1_keeps_list_parameters_and_refuses_strings():
    out = ak.pad_none(ak.Array(jagged(A, parameters={"__list__": "L"})), 3)
    assert out.layout.parameters == {"__list__": "L"}
    with pytest.raises(TypeError):
        ak.pad_none(ak.Array(["ab", "c"]), 3, axis=1)


# ---------------------------------------------------------------------- unflatten counts
def cut_model(values, counts):
    out, at = [], 0
    for c in counts:
        out.append(values[at : at + c])
        at += c
    return out


@pytest.mark.parametrize("dtype", [np.int64, np.int32, np.uint8, np.uint64])
def test_unflatten_plain_integer_counts(dtype):
    values = ak.Array(np.arange(6.0))
    counts = np.array([2, 0, 3, 1], dtype=dtype)
    out = ak.unflatten(values, counts)
    assert out.to_list() == cut_model(list(np.arange(6.0)), [2, 0, 3, 1])
    assert str(out.type) == "4 * var * float64"


def test_unflatten_non_contiguous_counts_and_errors():
    counts = np.array([2, 9, 0, 9, 3, 9, 1, 9])[::2]
    out = ak.unflatten(ak.Array(np.arange(6)), counts)
    assert out.to_list() == cut_model(list(range(6)), [2, 0, 3, 1])
    with pytest.raises(ValueError, match="ak.unflatten: counts must be non-negative"):
        ak.unflatten(ak.Array(np.arange(2)), np.array([3, -1]))
    with pytest.raises(ValueError, match="does not fit"):
        ak.unflatten(ak.Array(np.arange(6)), np.array([2, 2]))
    with pytest.raises(ValueError, match="integers"):
        ak.unflatten(ak.Array(np.arange(6)), np.array([2.0, 4.0]))


def test_unflatten_plain_counts_at_axis1():
    array = ak.Array([[1, 2, 3], [], [4, 5]])
    out = ak.unflatten(array, np.array([1, 2, 0, 2]), axis=1)
    # an empty new list at a boundary goes to the earlier list (awkward 2.14)
    assert out.to_list() == [[[1], [2, 3], []], [], [[4, 5]]]
    assert out.to_list() == ak.unflatten(array, ak.Array([1, 2, 0, 2]), axis=1).to_list()


# ---------------------------------------------------------------------- argcartesian
FLAT = {
    "numbers": ak.Array([1, 2]),
    "records": ak.Array([{"x": 1}, {"x": 2}]),
}
LISTS2 = ak.Array([[1, 2], [3]])


@pytest.mark.parametrize("name", list(FLAT))
def test_argcartesian_refuses_a_flat_array_at_axis1(name):
    flat = FLAT[name]
    for arrays in ([flat, LISTS2], [LISTS2, flat], {"a": flat, "b": LISTS2}):
        with pytest.raises(
            AxisError, match=r"ak.argcartesian: axis=1 exceeds the depth of this array \(1\)"
        ):
            ak.argcartesian(arrays, axis=1)
    # cartesian itself broadcasts the flat array (as awkward 2.14)
    out = ak.cartesian([flat, LISTS2], axis=1)
    data = flat.to_list()
    assert out.to_list() == [[(data[i], y) for y in row] for i, row in enumerate(LISTS2.to_list())]


def test_argcartesian_of_lists_and_strings_still_pairs_positions():
    out = ak.argcartesian([LISTS2, ak.Array(["ab", "c"])], axis=1)
    assert out.to_list() == [[(0, 0), (0, 1), (1, 0), (1, 1)], [(0, 0)]]
