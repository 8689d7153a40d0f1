"""IndexedArray and IndexedOptionArray: construction (valid and invalid), to_list, element
access, validity_error, simplified, conversions, packing, pickling and laziness."""

import copy
import pickle

import numpy as np
import pytest
from counting_buffers import Lazy

from awkward.contents import (
    ByteMaskedArray,
    IndexedArray,
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    UnionArray,
    UnmaskedArray,
)
from awkward.index import Index8, Index32, Index64, IndexU8, IndexU32


def floats(n=5):
    return NumpyArray(np.arange(n, dtype=np.float64) * 1.5)


# ---------------------------------------------------------------------- IndexedArray
def test_indexedarray_valid():
    content = floats()
    for cls, dtype in ((Index32, np.int32), (IndexU32, np.uint32), (Index64, np.int64)):
        array = IndexedArray(cls(np.array([4, 0, 0, 2], dtype)), content)
        assert array.length == 4 and len(array) == 4
        assert array.to_list() == [6.0, 0.0, 0.0, 3.0]
        assert array.is_indexed and not array.is_option
        assert array[0] == 6.0 and array[-1] == 3.0
        assert array[1:3].to_list() == [0.0, 0.0]
    assert array.form.to_dict()["class"] == "IndexedArray"
    assert array.index.form == "i64"


def test_indexedarray_invalid():
    content = floats()
    with pytest.raises(TypeError, match="index"):
        IndexedArray(Index8(np.array([0], np.int8)), content)
    with pytest.raises(TypeError, match="index"):
        IndexedArray(np.array([0]), content)
    with pytest.raises(TypeError, match="Content"):
        IndexedArray(Index64(np.array([0])), np.arange(3))
    option = ByteMaskedArray(Index8(np.array([1, 0], np.int8)), content, True)
    with pytest.raises(TypeError, match="option-type.*ByteMaskedArray.*simplified"):
        IndexedArray(Index64(np.array([0])), option)
    inner = IndexedArray(Index64(np.array([0])), content)
    with pytest.raises(TypeError, match="indexed 'content' \\(IndexedArray\\)"):
        IndexedArray(Index64(np.array([0])), inner)
    union = UnionArray(
        Index8(np.array([0, 1], np.int8)), Index64(np.array([0, 0])), [content, NumpyArray(np.arange(2))]
    )
    with pytest.raises(TypeError, match="union-type"):
        IndexedArray(Index64(np.array([0])), union)
    # a categorical index may wrap a union
    categorical = IndexedArray(Index64(np.array([1, 0])), union, parameters={"__array__": "categorical"})
    assert categorical.to_list() == [0, 0.0]


def test_indexedarray_out_of_range():
    array = IndexedArray(Index64(np.array([0, 7, 1])), floats())
    error = array.validity_error()
    assert "IndexedArray" in error and "len(content)" in error
    negative = IndexedArray(Index64(np.array([0, -1])), floats())
    assert "not an option" in negative.validity_error()
    with pytest.raises(IndexError):
        negative[1]
    with pytest.raises(IndexError):
        array.to_list()
    assert IndexedArray(Index64(np.array([4, 3])), floats()).validity_error() == ""


def test_indexedarray_nested_error_path():
    bad = IndexedArray(Index64(np.array([0, 9])), floats())
    lists = ListOffsetArray(Index64(np.array([0, 1, 2])), bad)
    assert "layout.content" in lists.validity_error()


def test_indexedarray_carry_fields_and_project():
    record = RecordArray([floats(), NumpyArray(np.arange(5))], ["x", "y"])
    array = IndexedArray(Index64(np.array([3, 1])), record)
    assert array.fields == ["x", "y"]
    assert array["y"].to_list() == [3, 1]
    assert array[["y"]].to_list() == [{"y": 3}, {"y": 1}]
    assert array[0]["x"] == 4.5
    assert array[::-1].to_list() == [{"x": 1.5, "y": 1}, {"x": 4.5, "y": 3}]
    assert array.project().to_list() == array.to_list()
    assert array.project(Index8(np.array([1, 0], np.int8))).to_list() == [{"x": 1.5, "y": 1}]
    assert array.mask_as_bool().tolist() == [True, True]
    assert array.mask_as_bool(False).tolist() == [False, False]
    as_option = array.to_IndexedOptionArray64()
    assert isinstance(as_option, IndexedOptionArray) and as_option.to_list() == array.to_list()


def test_indexedarray_to_packed_projects():
    array = IndexedArray(Index32(np.array([3, 1], np.int32)), floats(), parameters={"p": 1})
    packed = array.to_packed()
    assert isinstance(packed, NumpyArray)
    assert packed.to_list() == [4.5, 1.5] and packed.parameter("p") == 1


def test_indexedarray_simplified():
    content = floats()
    plain = IndexedArray.simplified(Index32(np.array([2, 1], np.int32)), content)
    assert isinstance(plain, IndexedArray) and plain.index.dtype == np.int32
    inner = IndexedArray(IndexU32(np.array([4, 3, 2, 1], np.uint32)), content)
    composed = IndexedArray.simplified(Index32(np.array([0, 2], np.int32)), inner)
    assert isinstance(composed, IndexedArray) and isinstance(composed.content, NumpyArray)
    assert composed.to_list() == [6.0, 3.0]
    option = ByteMaskedArray(Index8(np.array([1, 0, 1], np.int8)), content, True, parameters={"a": 1})
    merged = IndexedArray.simplified(Index64(np.array([2, 1, 0])), option, parameters={"b": 2})
    assert isinstance(merged, IndexedOptionArray)
    assert merged.to_list() == [3.0, None, 0.0]
    assert merged.parameters == {"a": 1, "b": 2}


# ---------------------------------------------------------------------- IndexedOptionArray
def test_indexedoptionarray_valid():
    content = floats()
    for cls, dtype in ((Index32, np.int32), (Index64, np.int64)):
        array = IndexedOptionArray(cls(np.array([4, -1, 0, -3], dtype)), content)
        assert array.to_list() == [6.0, None, 0.0, None]
        assert array[1] is None and array[0] == 6.0
        assert array.is_option and array.is_indexed
    assert array.form.to_dict()["class"] == "IndexedOptionArray"


def test_indexedoptionarray_invalid():
    content = floats()
    with pytest.raises(TypeError, match="Index32, Index64"):
        IndexedOptionArray(IndexU32(np.array([0], np.uint32)), content)
    with pytest.raises(TypeError, match="index"):
        IndexedOptionArray(IndexU8(np.array([0], np.uint8)), content)
    with pytest.raises(TypeError, match="option-type"):
        IndexedOptionArray(Index64(np.array([0])), UnmaskedArray(content))
    with pytest.raises(TypeError, match="Content"):
        IndexedOptionArray(Index64(np.array([0])), [1, 2])


def test_indexedoptionarray_validity_error():
    assert IndexedOptionArray(Index64(np.array([0, -1, 4])), floats()).validity_error() == ""
    error = IndexedOptionArray(Index64(np.array([0, -1, 5])), floats()).validity_error()
    assert "len(content)" in error and "IndexedOptionArray" in error


def test_indexedoptionarray_conversions():
    array = IndexedOptionArray(Index32(np.array([3, -1, 1, 0], np.int32)), floats())
    assert array.mask_as_bool().tolist() == [True, False, True, True]
    assert array.mask_as_bool(False).tolist() == [False, True, False, False]
    assert array.to_IndexedOptionArray64().index.dtype == np.int64
    assert array.to_IndexedOptionArray64().to_list() == array.to_list()
    for valid_when in (True, False):
        bytemasked = array.to_ByteMaskedArray(valid_when)
        assert isinstance(bytemasked, ByteMaskedArray) and bytemasked.valid_when is valid_when
        assert bytemasked.to_list() == array.to_list()
        for lsb in (True, False):
            assert array.to_BitMaskedArray(valid_when, lsb).to_list() == array.to_list()
    assert array.project().to_list() == [4.5, 1.5, 0.0]
    assert array.project(Index8(np.array([1, 0, 0, 0], np.int8))).to_list() == [1.5, 0.0]
    with pytest.raises(ValueError, match="len\\(mask\\)"):
        array.project(Index8(np.array([1], np.int8)))


def test_indexedoptionarray_to_packed():
    array = IndexedOptionArray(Index64(np.array([3, -1, 1])), floats(), parameters={"p": 1})
    packed = array.to_packed()
    assert packed.index.data.tolist() == [0, -1, 1]
    assert packed.content.length == 2
    assert packed.to_list() == [4.5, None, 1.5] and packed.parameter("p") == 1


def test_indexedoptionarray_simplified():
    content = floats()
    inner = ByteMaskedArray(Index8(np.array([1, 0, 1, 1, 0], np.int8)), content, True)
    out = IndexedOptionArray.simplified(Index64(np.array([0, -1, 1, 3])), inner)
    assert isinstance(out, IndexedOptionArray) and isinstance(out.content, NumpyArray)
    assert out.to_list() == [0.0, None, None, 4.5]
    twice = IndexedOptionArray(Index64(np.array([2, -1, 0])), content)
    out = IndexedOptionArray.simplified(Index32(np.array([-1, 0, 2], np.int32)), twice)
    assert isinstance(out.content, NumpyArray) and out.to_list() == [None, 3.0, 0.0]
    indexed = IndexedArray(Index64(np.array([4, 3])), content)
    out = IndexedOptionArray.simplified(Index64(np.array([1, -1])), indexed)
    assert isinstance(out, IndexedOptionArray) and out.to_list() == [4.5, None]


def test_options_nested_in_lists_and_records():
    option = IndexedOptionArray(Index64(np.array([0, -1, 2, 1])), NumpyArray(np.array([1, 2, 3])))
    lists = ListOffsetArray(Index64(np.array([0, 2, 2, 4])), option)
    assert lists.to_list() == [[1, None], [], [3, 2]]
    record = RecordArray([lists, IndexedArray(Index64(np.array([2, 1, 0])), floats())], ["a", "b"])
    assert record.to_list() == [
        {"a": [1, None], "b": 3.0},
        {"a": [], "b": 1.5},
        {"a": [3, 2], "b": 0.0},
    ]
    strings = ListOffsetArray(
        Index64(np.array([0, 2, 3])),
        NumpyArray(np.frombuffer(b"abc", np.uint8), parameters={"__array__": "char"}),
        parameters={"__array__": "string"},
    )
    assert IndexedOptionArray(Index64(np.array([1, -1, 0])), strings).to_list() == ["c", None, "ab"]


def test_pickle_copy_and_equality():
    array = IndexedOptionArray(Index64(np.array([3, -1, 1])), floats(), parameters={"p": 1})
    again = pickle.loads(pickle.dumps(array))
    assert again.to_list() == array.to_list() and again.parameters == {"p": 1}
    assert array.is_equal_to(again)
    assert copy.deepcopy(array).to_list() == array.to_list()
    assert array.copy(parameters=None).parameters == {}
    indexed = IndexedArray(Index32(np.array([0, 2], np.int32)), floats())
    assert pickle.loads(pickle.dumps(indexed)).to_list() == [0.0, 3.0]


# ---------------------------------------------------------------------- laziness
def test_indexed_laziness():
    lazy = Lazy()
    array = IndexedOptionArray(lazy.index([2, -1, 0], "index"), lazy.numpy([1.0, 2.0, 3.0], "data"))
    assert array.length == 3 and len(array) == 3
    assert array.form.to_dict()["class"] == type(array).__name__
    repr(array)
    assert array.fields == []
    array[1:]
    assert lazy.total == 0
    assert not array.is_any_materialized
    assert array.to_list() == [3.0, None, 1.0]
    assert lazy.calls == {"index": 1, "data": 1}
    assert array.is_all_materialized

    lazy = Lazy()
    record = RecordArray([lazy.numpy([1, 2, 3], "x"), lazy.numpy([4, 5, 6], "y")], ["x", "y"])
    indexed = IndexedArray(lazy.index([2, 0], "index"), record)
    assert indexed["x"].to_list() == [3, 1]
    assert "y" not in lazy.calls
    materialized = indexed.materialize()
    assert materialized.is_all_materialized and lazy.calls["y"] == 1


def test_indexedoptionarray_to_packed_keeps_content_virtual_when_untouched():
    lazy = Lazy()
    array = IndexedOptionArray(lazy.index([0, -1, 1], "index"), lazy.numpy([1.0, 2.0], "data"))
    packed = array.to_packed()
    assert lazy.calls == {"index": 1}
    assert packed.to_list() == [1.0, None, 2.0]
    shuffled = IndexedOptionArray(lazy.index([1, -1, 0], "shuffled"), lazy.numpy([1.0, 2.0], "data2"))
    assert shuffled.to_packed().to_list() == [2.0, None, 1.0]
    assert lazy.calls["data2"] == 1
