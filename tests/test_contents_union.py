"""UnionArray: construction (valid and invalid), to_list, validity_error on bad tags and
indexes, simplified (flattening, merging, dropping), options pushed into unions,
regular_index / nested_tags_index, packing, pickling and laziness."""

import pickle

import numpy as np
import pytest
from counting_buffers import Lazy

from awkward.contents import (
    ByteMaskedArray,
    EmptyArray,
    IndexedArray,
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    UnionArray,
    UnmaskedArray,
)
from awkward.index import Index8, Index32, Index64, IndexU32


def tags8(*values):
    return Index8(np.array(values, np.int8))


def index64(*values):
    return Index64(np.array(values, np.int64))


def floats():
    return NumpyArray(np.array([0.5, 1.5, 2.5, 3.5]))


def lists():
    return ListOffsetArray(index64(0, 2, 2, 3), NumpyArray(np.array([10, 20, 30])))


def example():
    return UnionArray(tags8(0, 1, 1, 0, 1), index64(3, 0, 2, 1, 1), [floats(), lists()])


# ---------------------------------------------------------------------- construction
def test_unionarray_valid():
    array = example()
    assert array.length == 5 and len(array) == 5 and array.is_union
    assert array.to_list() == [3.5, [10, 20], [30], 1.5, []]
    assert array[1].to_list() == [10, 20] and array[0] == 3.5
    assert array[1:3].to_list() == [[10, 20], [30]]
    assert array[::-2].to_list() == [[], [30], 3.5]
    assert array.content(1).length == 3
    assert array.validity_error() == ""
    form = array.form.to_dict()
    assert form["class"] == "UnionArray" and form["tags"] == "i8" and form["index"] == "i64"
    for cls, dtype in ((Index32, np.int32), (IndexU32, np.uint32)):
        other = UnionArray(tags8(1, 0), cls(np.array([2, 0, 9], dtype)), [floats(), lists()])
        assert other.to_list() == [[30], 0.5]  # index may be longer than tags


def test_unionarray_invalid():
    with pytest.raises(TypeError, match="tags.*Index8"):
        UnionArray(index64(0, 1), index64(0, 0), [floats(), lists()])
    with pytest.raises(TypeError, match="index.*Index32, IndexU32, Index64"):
        UnionArray(tags8(0, 1), tags8(0, 0), [floats(), lists()])
    with pytest.raises(TypeError, match="at least 2 'contents'"):
        UnionArray(tags8(0), index64(0), [floats()])
    with pytest.raises(ValueError, match="len\\(tags\\) \\(3\\) must be <= len\\(index\\) \\(2\\)"):
        UnionArray(tags8(0, 1, 0), index64(0, 0), [floats(), lists()])
    with pytest.raises(TypeError, match="union-types"):
        UnionArray(tags8(0, 1), index64(0, 0), [floats(), example()])
    with pytest.raises(TypeError, match="entirely optional"):
        UnionArray(tags8(0, 1), index64(0, 0), [UnmaskedArray(floats()), lists()])
    with pytest.raises(TypeError, match="non-categorical indexed"):
        UnionArray(tags8(0, 1), index64(0, 0), [IndexedArray(index64(1), floats()), lists()])
    with pytest.raises(TypeError, match="Content"):
        UnionArray(tags8(0, 1), index64(0, 0), [floats(), [1, 2]])
    with pytest.raises(TypeError, match="iterable"):
        UnionArray(tags8(0, 1), index64(0, 0), floats())
    both = UnionArray(tags8(0, 1), index64(0, 0), [UnmaskedArray(floats()), UnmaskedArray(lists())])
    assert both.to_list() == [0.5, [10, 20]]


def test_unionarray_validity_error_bad_tags_and_index():
    bad_tag = UnionArray(tags8(0, 2), index64(0, 0), [floats(), lists()])
    assert "number of contents" in bad_tag.validity_error()
    negative = UnionArray(tags8(0, -1), index64(0, 0), [floats(), lists()])
    assert "tags[i] < 0" in negative.validity_error()
    beyond = UnionArray(tags8(0, 1), index64(0, 3), [floats(), lists()])
    error = beyond.validity_error()
    assert "index[i] >= len(contents[tags[i]])" in error and "UnionArray" in error
    inner = UnionArray(
        tags8(0, 1), index64(0, 0), [IndexedOptionArray(index64(0), floats()), IndexedOptionArray(index64(7), floats())]
    )
    assert "layout.content(1)" in inner.validity_error()
    with pytest.raises(IndexError):
        bad_tag[1]


def test_unionarray_fields_and_project():
    r1 = RecordArray([floats(), NumpyArray(np.arange(4))], ["x", "y"])
    r2 = RecordArray([NumpyArray(np.arange(4) * 10), lists()], ["y", "z"])
    array = UnionArray(tags8(0, 1, 1), index64(0, 1, 0), [r1, r2])
    assert array.fields == ["y"]
    assert array["y"].to_list() == [0, 10, 0]
    assert array.to_list() == [{"x": 0.5, "y": 0}, {"y": 10, "z": []}, {"y": 0, "z": [10, 20]}]
    assert array.project(1).to_list() == [{"y": 10, "z": []}, {"y": 0, "z": [10, 20]}]
    assert array.project(0).to_list() == [{"x": 0.5, "y": 0}]
    with pytest.raises(IndexError):
        array.project(2)
    assert array[1]["z"].to_list() == []


def test_unions_nested_in_lists_and_records():
    union = example()
    outer = ListOffsetArray(index64(0, 2, 2, 5), union)
    record = RecordArray([outer, NumpyArray(np.array([1, 2, 3]))], ["u", "n"])
    assert record.to_list() == [
        {"u": [3.5, [10, 20]], "n": 1},
        {"u": [], "n": 2},
        {"u": [[30], 1.5, []], "n": 3},
    ]
    strings = ListOffsetArray(
        index64(0, 1, 3),
        NumpyArray(np.frombuffer(b"abc", np.uint8), parameters={"__array__": "char"}),
        parameters={"__array__": "string"},
    )
    mixed = UnionArray(tags8(1, 0, 1), index64(1, 2, 0), [NumpyArray(np.arange(3)), strings])
    assert mixed.to_list() == ["bc", 2, "a"]


# ---------------------------------------------------------------------- simplified
def test_simplified_flattens_unions():
    inner = UnionArray(tags8(1, 1, 0, 1), index64(0, 0, 1, 2), [floats(), lists()])
    out = UnionArray.simplified(
        tags8(0, 1, 1, 0), index64(0, 0, 2, 1), [NumpyArray(np.array([True, False])), inner]
    )
    assert isinstance(out, UnionArray) and all(not c.is_union for c in out.contents)
    assert out.to_list() == [True, [10, 20], 1.5, False]


def test_simplified_merges_numbers():
    out = UnionArray.simplified(
        tags8(0, 1, 0), index64(0, 0, 1), [floats(), NumpyArray(np.array([7, 8], np.int32))]
    )
    assert isinstance(out, NumpyArray) and out.dtype == np.float64
    assert out.to_list() == [0.5, 7.0, 1.5]
    kept = UnionArray.simplified(
        tags8(0, 1), index64(0, 1), [floats(), NumpyArray(np.array([7, 8], np.int32))], mergecastable="equiv"
    )
    assert isinstance(kept, UnionArray) and kept.to_list() == [0.5, 8]
    booleans = [NumpyArray(np.array([True, False])), NumpyArray(np.array([5, 6]))]
    kept = UnionArray.simplified(tags8(0, 1), index64(1, 0), booleans)
    assert isinstance(kept, UnionArray) and kept.to_list() == [False, 5]
    merged = UnionArray.simplified(tags8(0, 1), index64(1, 0), booleans, mergebool=True)
    assert isinstance(merged, NumpyArray) and merged.to_list() == [0, 5]
    with pytest.raises(ValueError, match="mergecastable"):
        UnionArray.simplified(tags8(0, 1), index64(1, 0), booleans, mergecastable="whatever")


def test_simplified_single_content_and_dropunused():
    one = UnionArray.simplified(tags8(0, 0), Index32(np.array([2, 1], np.int32)), [floats()])
    assert isinstance(one, NumpyArray) and one.to_list() == [2.5, 1.5]
    dropped = UnionArray.simplified(tags8(1, 1), index64(0, 2), [floats(), lists()], dropunused=True)
    assert not dropped.is_union and dropped.to_list() == [[10, 20], [30]]
    with_empty = UnionArray.simplified(tags8(0, 0), index64(1, 0), [floats(), EmptyArray()])
    assert isinstance(with_empty, NumpyArray) and with_empty.to_list() == [1.5, 0.5]


def test_simplified_resolves_indexed_and_mixed_options():
    indexed = IndexedArray(index64(3, 2), floats())
    out = UnionArray.simplified(tags8(0, 1), index64(1, 0), [indexed, lists()])
    assert isinstance(out.content(0), NumpyArray) and out.to_list() == [2.5, [10, 20]]
    option = ByteMaskedArray(Index8(np.array([1, 0], np.int8)), NumpyArray(np.array([1, 2])), True)
    out = UnionArray.simplified(tags8(0, 1, 0), index64(0, 0, 1), [option, lists()])
    assert all(c.is_option for c in out.contents)
    assert out.to_list() == [1, [10, 20], None]


def test_simplified_unchanged_stays_lazy():
    lazy = Lazy()
    tags = Index8(lazy.buffer([0, 1], "tags", np.int8))
    index = Index64(lazy.buffer([0, 0], "index", np.int64))
    out = UnionArray.simplified(tags, index, [lazy.numpy([1.0], "a"), lists()])
    assert isinstance(out, UnionArray) and lazy.total == 0


def test_option_pushed_into_union():
    union = example()
    for outer in (
        IndexedOptionArray.simplified(index64(0, -1, 4, 1), union),
        ByteMaskedArray.simplified(Index8(np.array([1, 0, 1, 1], np.int8)), union._carry(index64(0, 0, 4, 1), False), True),
    ):
        assert outer.is_union and all(c.is_option for c in outer.contents)
        assert outer.to_list() == [3.5, None, [], [10, 20]]
        assert outer.validity_error() == ""
    unmasked = UnmaskedArray.simplified(union)
    assert unmasked.is_union and all(c.is_option for c in unmasked.contents)
    assert unmasked.to_list() == union.to_list()
    indexed = IndexedArray.simplified(index64(4, 0), union)
    assert indexed.is_union and indexed.to_list() == [[], 3.5]


# ---------------------------------------------------------------------- helpers
def test_regular_index():
    backend = floats().backend
    out = UnionArray.regular_index(tags8(0, 1, 1, 0, 2, 1), backend=backend)
    assert isinstance(out, Index64) and out.data.tolist() == [0, 0, 1, 1, 0, 2]
    out32 = UnionArray.regular_index(tags8(1, 1), backend=backend, index_cls=Index32)
    assert isinstance(out32, Index32) and out32.data.tolist() == [0, 1]
    assert UnionArray.regular_index(tags8(), backend=backend).data.tolist() == []


def test_nested_tags_index():
    backend = floats().backend
    tags, index = UnionArray.nested_tags_index(
        index64(0, 2, 5), [index64(1, 2), index64(1, 1)], backend=backend
    )
    # list 0: one item of content 0 then one of content 1; list 1: two, then one
    assert tags.data.tolist() == [0, 1, 0, 0, 1]
    assert index.data.tolist() == [0, 0, 1, 2, 1]


def test_to_packed_pickle_and_equality():
    array = UnionArray(tags8(1, 1, 1), index64(3, 0, 2, 9), [floats(), NumpyArray(np.arange(4))])
    packed = array.to_packed()
    assert packed.index.data.tolist() == [0, 1, 2]
    assert packed.content(0).length == 0 and packed.content(1).length == 3
    assert packed.to_list() == array.to_list() == [3, 0, 2]
    again = pickle.loads(pickle.dumps(example()))
    assert again.to_list() == example().to_list() and again.is_equal_to(example())
    assert example().copy(parameters={"p": 1}).parameter("p") == 1


# ---------------------------------------------------------------------- laziness
def lazy_union(lazy):
    tags = Index8(lazy.buffer([0, 0, 0], "tags", np.int8))
    index = Index64(lazy.buffer([2, 0, 1], "index", np.int64))
    second = ListOffsetArray(
        Index64(lazy.buffer([0, 1], "b.offsets", np.int64)), lazy.numpy([5.0], "b.data")
    )
    return UnionArray(tags, index, [lazy.numpy([1.0, 2.0, 3.0], "a"), second])


def test_union_metadata_is_lazy():
    lazy = Lazy()
    array = lazy_union(lazy)
    assert len(array) == 3
    assert array.form.to_dict()["class"] == type(array).__name__
    repr(array)
    assert array.fields == []
    array[1:]
    assert lazy.total == 0 and not array.is_any_materialized


def test_union_to_list_skips_unused_content():
    lazy = Lazy()
    array = lazy_union(lazy)
    assert array.to_list() == [3.0, 1.0, 2.0]
    assert lazy.calls == {"tags": 1, "index": 1, "a": 1}
    packed = array.to_packed()
    assert "b.data" not in lazy.calls and "b.offsets" not in lazy.calls
    assert packed.to_list() == [3.0, 1.0, 2.0]


def test_union_project_touches_one_content():
    lazy = Lazy()
    array = lazy_union(lazy)
    assert array.project(1).to_list() == []
    assert "a" not in lazy.calls
    done = array.materialize()
    assert done.is_all_materialized and lazy.calls["b.data"] == 1
