"""Core layout nodes: construction (valid and invalid), to_list, validity_error, laziness,
packing, pickling and equality of EmptyArray, NumpyArray, RegularArray, ListArray,
ListOffsetArray, RecordArray and the layout-level Record."""

import pickle

import numpy as np
import pytest
from counting_buffers import Lazy

from awkward._nplikes.numpy import Numpy
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.virtual import VirtualNDArray
from awkward.contents import (
    Content,
    EmptyArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
)
from awkward.index import Index8, Index32, Index64, IndexU32
from awkward.record import Record


def nested_record(lazy):
    """[{x: [1.1, 2.2], y: "ab"}, {x: [], y: ""}, {x: [3.3], y: "c"}] with every buffer virtual."""
    x = ListOffsetArray(lazy.index([0, 2, 2, 3], "x.offsets"), lazy.numpy([1.1, 2.2, 3.3], "x.data"))
    y = ListOffsetArray(
        lazy.index([0, 2, 2, 3], "y.offsets"),
        NumpyArray(lazy.buffer(np.frombuffer(b"abc", np.uint8), "y.data"), parameters={"__array__": "char"}),
        parameters={"__array__": "string"},
    )
    return RecordArray([x, y], ["x", "y"])


# ---------------------------------------------------------------------- construction
def test_emptyarray():
    empty = EmptyArray()
    assert len(empty) == 0 and empty.length == 0
    assert empty.to_list() == []
    assert empty.is_unknown and empty.is_leaf and not empty.is_numpy
    with pytest.raises(TypeError, match="cannot contain parameters"):
        EmptyArray(parameters={"x": 1})
    with pytest.raises(IndexError):
        empty._getitem_at(0)
    assert empty.to_NumpyArray(np.float64).to_list() == []


def test_numpyarray_valid_and_invalid():
    array = NumpyArray(np.arange(6).reshape(3, 2))
    assert array.length == 3 and array.inner_shape == (2,)
    assert array.to_list() == [[0, 1], [2, 3], [4, 5]]
    assert array.is_numpy and array.is_leaf
    with pytest.raises(TypeError, match="scalar"):
        NumpyArray(np.array(5))
    with pytest.raises(TypeError, match="unsupported dtype"):
        NumpyArray(np.array(["a", "b"]))
    assert NumpyArray([1, 2, 3]).to_list() == [1, 2, 3]


def test_regulararray_valid_and_invalid():
    array = RegularArray(NumpyArray(np.arange(7)), 3)
    assert array.length == 2
    assert array.to_list() == [[0, 1, 2], [3, 4, 5]]
    assert RegularArray(NumpyArray(np.arange(7)), 0, zeros_length=4).to_list() == [[]] * 4
    with pytest.raises(ValueError, match="size"):
        RegularArray(NumpyArray(np.arange(6)), -1)
    with pytest.raises(TypeError, match="size"):
        RegularArray(NumpyArray(np.arange(6)), 1.5)
    with pytest.raises(TypeError, match="Content"):
        RegularArray(np.arange(6), 2)


def test_listoffsetarray_valid_and_invalid():
    content = NumpyArray(np.arange(5.0))
    array = ListOffsetArray(Index64(np.array([0, 3, 3, 5])), content)
    assert array.length == 3
    assert array.to_list() == [[0.0, 1.0, 2.0], [], [3.0, 4.0]]
    assert ListOffsetArray(Index32(np.array([0, 1], np.int32)), content).to_list() == [[0.0]]
    assert ListOffsetArray(IndexU32(np.array([1, 2], np.uint32)), content).to_list() == [[1.0]]
    with pytest.raises(TypeError, match="offsets"):
        ListOffsetArray(Index8(np.array([0, 1], np.int8)), content)
    with pytest.raises(ValueError, match=">= 1"):
        ListOffsetArray(Index64(np.array([], np.int64)), content)
    with pytest.raises(TypeError, match="Content"):
        ListOffsetArray(Index64(np.array([0])), np.arange(5))
    with pytest.raises(TypeError, match="offsets"):
        ListOffsetArray(np.array([0, 1]), content)


def test_listarray_valid_and_invalid():
    content = NumpyArray(np.arange(6))
    array = ListArray(Index64(np.array([4, 0, 1])), Index64(np.array([6, 2, 1, 99])), content)
    assert array.length == 3
    assert array.to_list() == [[4, 5], [0, 1], []]
    with pytest.raises(TypeError, match="same dtype"):
        ListArray(Index64(np.array([0, 1])), Index32(np.array([1, 2], np.int32)), content)
    with pytest.raises(ValueError, match=r"len\(starts\)"):
        ListArray(Index64(np.array([0, 1])), Index64(np.array([1])), content)
    with pytest.raises(TypeError, match="Content"):
        ListArray(Index64(np.array([0])), Index64(np.array([1])), [1, 2])


def test_recordarray_valid_and_invalid():
    x = NumpyArray(np.arange(3))
    y = NumpyArray(np.arange(5) * 10)
    record = RecordArray([x, y], ["x", "y"])
    assert record.length == 3 and record.fields == ["x", "y"] and not record.is_tuple
    assert record.to_list() == [{"x": 0, "y": 0}, {"x": 1, "y": 10}, {"x": 2, "y": 20}]
    tup = RecordArray([x, y], None)
    assert tup.is_tuple and tup.fields == ["0", "1"]
    assert tup.to_list() == [(0, 0), (1, 10), (2, 20)]
    assert RecordArray([x, y], ["x", "y"], length=2).to_list()[-1] == {"x": 1, "y": 10}
    assert RecordArray([], None, length=2).to_list() == [(), ()]
    assert RecordArray([], [], length=1).to_list() == [{}]
    with pytest.raises(ValueError, match="shorter"):
        RecordArray([x], ["x"], length=5)
    with pytest.raises(ValueError, match="len\\(fields\\)"):
        RecordArray([x], ["x", "y"])
    with pytest.raises(TypeError, match="length"):
        RecordArray([], ["x"][:0])
    with pytest.raises(TypeError, match="Content"):
        RecordArray([x, np.arange(3)], ["x", "y"])
    with pytest.raises(TypeError, match="str"):
        RecordArray([x], [1])
    with pytest.raises(IndexError, match="'z'"):
        record.content("z")
    assert record.content("y") is y
    assert record.to_tuple().is_tuple


def test_record():
    record = RecordArray([NumpyArray(np.arange(3)), NumpyArray(np.arange(3) * 1.5)], ["a", "b"])
    one = record._getitem_at(-1)
    assert isinstance(one, Record) and one.at == 2
    assert one.fields == ["a", "b"]
    assert one["b"] == 3.0
    assert one.to_list() == {"a": 2, "b": 3.0}
    assert one.to_tuple().to_list() == (2, 3.0)
    with pytest.raises(TypeError):
        Record(NumpyArray(np.arange(3)), 0)
    with pytest.raises(ValueError):
        Record(record, 3)
    assert "<Record at='2'>" in repr(one)


def test_parameters_and_copy():
    array = NumpyArray(np.arange(3), parameters={"__array__": "byte", "other": [1, 2]})
    assert array.parameter("other") == [1, 2] and array.parameter("missing") is None
    plain = array.with_parameter("__array__", None)
    assert plain.parameters == {"other": [1, 2]}
    assert array.copy(parameters=None).parameters == {}
    with pytest.raises(TypeError):
        NumpyArray(np.arange(3), parameters={1: 2})


# ---------------------------------------------------------------------- element access
def test_getitem_basic():
    content = NumpyArray(np.arange(10))
    lists = ListOffsetArray(Index64(np.array([0, 3, 3, 5, 10])), content)
    assert lists[0].to_list() == [0, 1, 2]
    assert lists[-1].to_list() == [5, 6, 7, 8, 9]
    assert lists[1:3].to_list() == [[], [3, 4]]
    assert lists[::2].to_list() == [[0, 1, 2], [3, 4]]
    with pytest.raises(IndexError):
        lists[4]
    record = RecordArray([lists, content], ["x", "y"])
    assert record["y"].to_list() == [0, 1, 2, 3]
    assert record[["y"]].to_list() == [{"y": i} for i in range(4)]
    with pytest.raises(IndexError):
        record["z"]


def test_carry_each_node():
    content = NumpyArray(np.arange(10))
    carry = Index64(np.array([2, 0, 2]))
    lists = ListOffsetArray(Index64(np.array([0, 3, 3, 5])), content)
    assert lists._carry(carry, False).to_list() == [[3, 4], [0, 1, 2], [3, 4]]
    regular = RegularArray(content, 3)
    assert regular._carry(carry, False).to_list() == [[6, 7, 8], [0, 1, 2], [6, 7, 8]]
    listarray = ListArray(Index64(np.array([4, 0, 1])), Index64(np.array([6, 2, 1])), content)
    assert listarray._carry(carry, False).to_list() == [[], [4, 5], []]
    record = RecordArray([lists, content], ["x", "y"])
    assert record._carry(carry, False).to_list() == [
        {"x": [3, 4], "y": 2},
        {"x": [0, 1, 2], "y": 0},
        {"x": [3, 4], "y": 2},
    ]
    with pytest.raises(IndexError):
        content._carry(Index64(np.array([10])), False)
    with pytest.raises(IndexError):
        EmptyArray()._carry(Index64(np.array([0])), False)


# ---------------------------------------------------------------------- to_list
def test_to_list_nested_combinations():
    strings = ListOffsetArray(
        Index64(np.array([0, 3, 3, 8])),
        NumpyArray(np.frombuffer(b"onefour", np.uint8).copy()[:7], parameters={"__array__": "char"}),
        parameters={"__array__": "string"},
    )
    assert strings.to_list() == ["one", "", "four"]
    bytestrings = strings.copy(parameters={"__array__": "bytestring"})
    assert bytestrings.to_list() == [b"one", b"", b"four"]
    listarray_strings = ListArray(
        Index64(np.array([3, 0])),
        Index64(np.array([7, 3])),
        strings.content,
        parameters={"__array__": "string"},
    )
    assert listarray_strings.to_list() == ["four", "one"]
    inner = RecordArray(
        [NumpyArray(np.arange(4)), RegularArray(NumpyArray(np.arange(8.0)), 2)], ["a", "b"]
    )
    outer = ListOffsetArray(Index64(np.array([0, 1, 1, 4])), inner)
    assert outer.to_list() == [
        [{"a": 0, "b": [0.0, 1.0]}],
        [],
        [{"a": 1, "b": [2.0, 3.0]}, {"a": 2, "b": [4.0, 5.0]}, {"a": 3, "b": [6.0, 7.0]}],
    ]
    tuples = RegularArray(RecordArray([strings, NumpyArray(np.arange(3))], None), 1)
    assert tuples.to_list() == [[("one", 0)], [("", 1)], [("four", 2)]]
    deep = ListArray(Index64(np.array([2, 0])), Index64(np.array([3, 2])), outer)
    assert deep.to_list() == [outer.to_list()[2:3], outer.to_list()[0:2]]


# ---------------------------------------------------------------------- validity
def test_validity_error():
    content = NumpyArray(np.arange(5.0))
    good = ListOffsetArray(Index64(np.array([0, 3, 3, 5])), content)
    assert good.validity_error() == ""
    decreasing = ListOffsetArray(Index64(np.array([0, 3, 2, 5])), content)
    message = decreasing.validity_error()
    assert message.startswith("at layout (") and "ListOffsetArray" in message
    too_long = ListOffsetArray(Index64(np.array([0, 3, 9])), content)
    assert "layout" in too_long.validity_error() and too_long.validity_error() != ""
    out_of_range = ListArray(Index64(np.array([0, 3])), Index64(np.array([3, 9])), content)
    record = RecordArray([out_of_range, NumpyArray(np.arange(2))], ["x", "y"])
    message = record.validity_error()
    assert message.startswith("at layout.field(0) (") and "ListArray" in message
    negative = ListArray(Index64(np.array([-1])), Index64(np.array([1])), content)
    assert negative.validity_error() != ""
    nested = RegularArray(decreasing, 1)
    assert nested.validity_error().startswith("at layout.content (")
    assert RecordArray([good, content], ["x", "y"]).validity_error() == ""


# ---------------------------------------------------------------------- laziness
def test_metadata_runs_no_generators():
    lazy = Lazy()
    record = nested_record(lazy)
    assert len(record) == 3 and record.length == 3
    assert record.fields == ["x", "y"]
    text = repr(record)
    assert "??" in text and "ListOffsetArray" in text
    assert record.content("x").length == 3
    assert record.is_all_materialized is False and record.is_any_materialized is False
    sliced = record._getitem_range(1, 3)
    assert len(sliced) == 2 and sliced["x"].length == 2
    assert lazy.total == 0


def test_form_runs_no_generators():
    lazy = Lazy()
    record = nested_record(lazy)
    form = record.form
    assert form is record.form  # cached
    keyed = record.form_with_key()
    assert keyed.form_key == "node0"
    assert lazy.total == 0


def test_touching_one_field_runs_only_its_generators():
    lazy = Lazy()
    record = nested_record(lazy)
    assert record["x"].to_list() == [[1.1, 2.2], [], [3.3]]
    assert set(lazy.calls) == {"x.offsets", "x.data"}
    assert record.content("x").is_all_materialized
    assert not record.content("y").is_any_materialized
    assert record.is_any_materialized and not record.is_all_materialized
    assert record["y"].to_list() == ["ab", "", "c"]
    assert record.is_all_materialized
    assert max(lazy.calls.values()) == 1  # cached: each generator ran once


def test_materialize_returns_concrete_layout():
    lazy = Lazy()
    record = nested_record(lazy)
    done = record.materialize()
    assert done.is_all_materialized
    assert not isinstance(done.content("x").content.data, VirtualNDArray) or (
        done.content("x").content.data.is_materialized
    )
    assert done.to_list() == nested_record(Lazy()).to_list()
    assert done.materialize() is done


def test_to_packed_keeps_untouched_buffers_virtual():
    lazy = Lazy()
    lists = ListOffsetArray(lazy.index([0, 2, 2, 3], "offsets"), lazy.numpy([1.0, 2.0, 3.0], "data"))
    packed = lists.to_packed()
    assert lazy.calls == {"offsets": 1}
    assert packed.to_list() == [[1.0, 2.0], [], [3.0]]

    lazy = Lazy()
    shifted = ListOffsetArray(lazy.index([1, 2, 4], "offsets"), lazy.numpy([0.0, 1.0, 2.0, 3.0, 4.0], "data"))
    packed = shifted.to_packed()
    assert "data" not in lazy.calls
    assert packed.offsets.data.tolist() == [0, 1, 3]
    assert packed.content.length == 3
    assert packed.to_list() == [[1.0], [2.0, 3.0]]

    lazy = Lazy()
    record = RecordArray(
        [lazy.numpy([1, 2, 3, 4], "a"), lazy.numpy([5, 6, 7], "b")], ["a", "b"]
    )
    packed = record.to_packed()
    assert lazy.total == 0 and packed.content("a").length == 3
    regular = RegularArray(lazy.numpy(np.arange(7), "r"), 3).to_packed()
    assert lazy.total == 0 and regular.content.length == 6


def test_listarray_to_packed():
    content = NumpyArray(np.arange(10))
    contiguous = ListArray(Index64(np.array([2, 4, 4])), Index64(np.array([4, 4, 7])), content)
    packed = contiguous.to_packed()
    assert isinstance(packed, ListOffsetArray)
    assert packed.offsets.data.tolist() == [0, 2, 2, 5]
    assert packed.to_list() == contiguous.to_list()
    scattered = ListArray(Index64(np.array([5, 0, 3])), Index64(np.array([7, 2, 3])), content)
    packed = scattered.to_packed()
    assert packed.to_list() == [[5, 6], [0, 1], []]
    assert packed.content.length == 4


# ---------------------------------------------------------------------- pickling, equality
def test_pickle_round_trip_materializes():
    lazy = Lazy()
    record = nested_record(lazy)
    restored = pickle.loads(pickle.dumps(record))
    assert restored.to_list() == record.to_list()
    assert restored.is_equal_to(record)
    assert restored.backend is record.backend
    for layout in (EmptyArray(), RegularArray(NumpyArray(np.arange(6)), 2)):
        again = pickle.loads(pickle.dumps(layout))
        assert again.to_list() == layout.to_list() and type(again) is type(layout)


def test_is_equal_to():
    one = ListOffsetArray(Index64(np.array([0, 2, 3])), NumpyArray(np.arange(3)))
    same = ListOffsetArray(Index64(np.array([0, 2, 3])), NumpyArray(np.arange(3)))
    other = ListOffsetArray(Index64(np.array([0, 1, 3])), NumpyArray(np.arange(3)))
    as32 = ListOffsetArray(Index32(np.array([0, 2, 3], np.int32)), NumpyArray(np.arange(3)))
    assert one.is_equal_to(same)
    assert not one.is_equal_to(other)
    assert not one.is_equal_to(as32) and one.is_equal_to(as32, index_dtype=False)
    renamed = same.with_parameter("__array__", "x")
    assert not one.is_equal_to(renamed)
    extra = same.with_parameter("note", 1)
    assert one.is_equal_to(extra) and not one.is_equal_to(extra, all_parameters=True)
    changed = ListOffsetArray(Index64(np.array([0, 2, 3])), NumpyArray(np.arange(3) + 1))
    assert not one.is_equal_to(changed) and one.is_equal_to(changed, numpyarray=False)


def test_unknown_length_propagates():
    data = VirtualNDArray(
        Numpy.instance(), (unknown_length,), np.float64, lambda: np.arange(4.0),
        shape_generator=lambda: (4,),
    )
    array = NumpyArray(data)
    assert array.length is unknown_length
    assert RegularArray(array, 2).length is unknown_length
    assert RecordArray([array], ["x"]).length is unknown_length
    assert "len='??'" in repr(array)
    assert len(array) == 4


def test_is_content_subclass():
    for layout in (EmptyArray(), NumpyArray(np.arange(2)), RegularArray(NumpyArray(np.arange(2)), 1)):
        assert isinstance(layout, Content)


def test_form_of_each_node_and_keys_in_preorder():
    lazy = Lazy()
    inner = RegularArray(NumpyArray(lazy.buffer(np.zeros((4, 2, 3)), "grid")), 2)
    layout = RecordArray(
        [
            ListOffsetArray(lazy.index([0, 3], "x.offsets"), lazy.numpy([1.0, 2.0, 3.0], "x.data")),
            ListArray(lazy.index([0], "y.starts"), lazy.index([1], "y.stops"), inner),
            EmptyArray(),
        ],
        ["x", "y", "z"],
        length=0,
    )
    form = layout.form
    assert type(form).__name__ == "RecordForm" and form.fields == ["x", "y", "z"]
    x, y, z = form.contents
    assert type(x).__name__ == "ListOffsetForm" and x.offsets == "i64"
    assert x.content.primitive == "float64"
    assert type(y).__name__ == "ListForm" and y.content.size == 2
    assert y.content.content.inner_shape == (2, 3) or list(y.content.content.inner_shape) == [2, 3]
    assert type(z).__name__ == "EmptyForm"
    keyed = layout.form_with_key("k{id}", id_start=10)
    assert keyed.form_key == "k10"
    assert [c.form_key for c in keyed.contents] == ["k11", "k13", "k16"]
    assert keyed.contents[1].content.content.form_key == "k15"
    seen = []
    layout.form_with_key(lambda id, layout: seen.append((id, type(layout).__name__)))
    assert seen[:3] == [(0, "RecordArray"), (1, "ListOffsetArray"), (2, "NumpyArray")]
    assert layout.form_with_key(None).form_key is None
    assert lazy.total == 0


def test_form_keeps_parameters():
    strings = ListOffsetArray(
        Index64(np.array([0, 1])),
        NumpyArray(np.array([97], np.uint8), parameters={"__array__": "char"}),
        parameters={"__array__": "string"},
    )
    assert strings.form.parameters == {"__array__": "string"}
    assert strings.form.content.parameters == {"__array__": "char"}
