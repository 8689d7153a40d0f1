"""Conversions between layout nodes (to_ListOffsetArray64, to_RegularArray, maybe_to_NumpyArray),
copies, backends and the generic rebuild machinery of Content."""

import copy

import numpy as np
import pytest

from awkward.contents import (
    EmptyArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
)
from awkward.index import Index32, Index64


def test_listoffsetarray_to_listoffsetarray64():
    content = NumpyArray(np.arange(6))
    lists32 = ListOffsetArray(Index32(np.array([1, 3, 6], np.int32)), content)
    as64 = lists32.to_ListOffsetArray64()
    assert isinstance(as64.offsets, Index64) and as64.to_list() == [[1, 2], [3, 4, 5]]
    at_zero = lists32.to_ListOffsetArray64(start_at_zero=True)
    assert at_zero.offsets.data.tolist() == [0, 2, 5]
    assert at_zero.content.length == 5 and at_zero.to_list() == lists32.to_list()
    already = ListOffsetArray(Index64(np.array([0, 2])), content)
    assert already.to_ListOffsetArray64(True) is already


def test_regular_conversions():
    lists = ListOffsetArray(Index64(np.array([1, 3, 5])), NumpyArray(np.arange(6)))
    regular = lists.to_RegularArray()
    assert isinstance(regular, RegularArray) and regular.size == 2
    assert regular.to_list() == [[1, 2], [3, 4]]
    ragged = ListOffsetArray(Index64(np.array([0, 1, 3])), NumpyArray(np.arange(6)))
    with pytest.raises(ValueError, match="different lengths"):
        ragged.to_RegularArray()
    listarray = ListArray(Index64(np.array([4, 0])), Index64(np.array([6, 2])), NumpyArray(np.arange(6)))
    assert listarray.to_RegularArray().to_list() == [[4, 5], [0, 1]]
    back = regular.to_ListOffsetArray64()
    assert back.offsets.data.tolist() == [0, 2, 4] and back.to_list() == regular.to_list()
    assert RegularArray(NumpyArray(np.arange(3)), 0, zeros_length=2).offsets.data.tolist() == [0, 0, 0]


def test_numpy_regular_round_trip():
    array = NumpyArray(np.arange(24).reshape(2, 3, 4))
    regular = array.to_RegularArray()
    assert isinstance(regular, RegularArray) and isinstance(regular.content, RegularArray)
    assert regular.size == 3 and regular.content.size == 4
    assert regular.to_list() == array.to_list()
    flat = RegularArray(NumpyArray(np.arange(7)), 3).maybe_to_NumpyArray()
    assert isinstance(flat, NumpyArray) and flat.inner_shape == (3,)
    assert flat.to_list() == [[0, 1, 2], [3, 4, 5]]
    with_params = RegularArray(NumpyArray(np.arange(6)), 3, parameters={"__array__": "x"})
    assert with_params.maybe_to_NumpyArray() is None


def test_getitem_at_multidimensional():
    array = NumpyArray(np.arange(6).reshape(3, 2))
    assert array[1].to_list() == [2, 3]
    assert array[-1].to_list() == [4, 5]
    assert array[0:2].to_list() == [[0, 1], [2, 3]]


def test_copy_keeps_buffers_and_replaces_attributes():
    content = NumpyArray(np.arange(4))
    lists = ListOffsetArray(Index64(np.array([0, 1, 4])), content)
    again = lists.copy()
    assert again.offsets is lists.offsets and again.content is content
    swapped = lists.copy(content=NumpyArray(np.arange(4) * 2))
    assert swapped.to_list() == [[0], [2, 4, 6]]
    record = RecordArray([content], ["a"])
    assert record.copy(fields=["b"]).fields == ["b"]
    assert copy.copy(record).fields == ["a"]
    deep = copy.deepcopy(lists)
    assert deep.to_list() == lists.to_list() and deep.content.data is not content.data


def test_to_backend_same_backend_is_identity():
    lists = ListOffsetArray(Index64(np.array([0, 1, 4])), NumpyArray(np.arange(4)))
    assert lists.to_backend("cpu") is lists
    assert lists.to_backend(None) is lists
    with pytest.raises(ValueError, match="unknown backend"):
        lists.to_backend("nope")


def test_simplified_constructors():
    content = NumpyArray(np.arange(4))
    assert ListOffsetArray.simplified(Index64(np.array([0, 4])), content).to_list() == [[0, 1, 2, 3]]
    assert RegularArray.simplified(content, 2).to_list() == [[0, 1], [2, 3]]
    assert RecordArray.simplified([content], None).to_list() == [(0,), (1,), (2,), (3,)]
    assert EmptyArray.simplified().to_list() == []
    assert NumpyArray.simplified(np.arange(2)).to_list() == [0, 1]


def test_nbytes_and_flags():
    lists = ListOffsetArray(Index64(np.array([0, 1, 4])), NumpyArray(np.arange(4, dtype=np.int32)))
    assert lists.nbytes == 3 * 8 + 4 * 4
    assert lists.is_list and not lists.is_regular and not lists.is_leaf
    assert RegularArray(NumpyArray(np.arange(4)), 2).is_regular
    assert RecordArray([NumpyArray(np.arange(2))], ["a"]).is_record


def test_fields_pass_through_lists():
    record = RecordArray([NumpyArray(np.arange(4)), NumpyArray(np.arange(4) * 10)], ["a", "b"])
    lists = ListOffsetArray(Index64(np.array([0, 1, 4])), record)
    assert lists.fields == ["a", "b"] and not lists.is_tuple
    assert lists["b"].to_list() == [[0], [10, 20, 30]]
    assert lists[["b"]].to_list() == [[{"b": 0}], [{"b": 10}, {"b": 20}, {"b": 30}]]
    regular = RegularArray(record, 2)
    assert regular["a"].to_list() == [[0, 1], [2, 3]]
    listarray = ListArray(Index64(np.array([3])), Index64(np.array([4])), record)
    assert listarray["a"].to_list() == [[3]]
    with pytest.raises(IndexError):
        NumpyArray(np.arange(3))["a"]
