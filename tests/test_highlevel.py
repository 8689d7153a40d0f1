"""ak.Array / ak.Record / ak.ArrayBuilder: construction, structure, access, fields, copies, pickling."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

import awkward as ak
from awkward.contents import ListOffsetArray, NumpyArray
from awkward.index import Index64


def jagged():
    return ListOffsetArray(Index64(np.array([0, 3, 3, 5])), NumpyArray(np.array([1, 2, 3, 4, 5])))


# ---------------------------------------------------------------------- construction
def test_from_layout_list_dict_numpy_and_array():
    from_layout = ak.Array(jagged())
    assert from_layout.to_list() == [[1, 2, 3], [], [4, 5]]
    assert ak.Array([[1, 2, 3], [], [4, 5]]).to_list() == [[1, 2, 3], [], [4, 5]]
    records = ak.Array({"x": [1, 2], "y": [[1.5], []]})
    assert records.fields == ["x", "y"]
    assert records.to_list() == [{"x": 1, "y": [1.5]}, {"x": 2, "y": []}]
    assert ak.Array(np.arange(6).reshape(2, 3)).to_list() == [[0, 1, 2], [3, 4, 5]]
    again = ak.Array(from_layout)
    assert again.layout is from_layout.layout
    assert ak.Array(["one", "two"]).to_list() == ["one", "two"]


def test_construction_errors():
    with pytest.raises(ValueError, match="same length"):
        ak.Array({"x": [1, 2], "y": [1]})
    with pytest.raises(TypeError, match="behavior"):
        ak.Array([1], behavior=5)
    with pytest.raises(TypeError):
        ak.Array(3.5)


def test_with_name_and_check_valid():
    array = ak.Array([[{"x": 1}], []], with_name="Thing", check_valid=True)
    assert array.layout.content.parameter("__record__") == "Thing"
    bad = ListOffsetArray(Index64(np.array([0, 7])), NumpyArray(np.array([1, 2])))
    with pytest.raises(ValueError, match="invalid"):
        ak.Array(bad, check_valid=True)


def test_structure_properties():
    array = ak.Array(jagged(), attrs={"source": "test"})
    assert len(array) == 3
    assert array.ndim == 2
    assert str(array.type) == "3 * var * int64"
    assert array.typestr == "3 * var * int64"
    assert array.fields == []
    assert array.attrs == {"source": "test"}
    assert array.behavior is None
    assert array.nbytes == array.layout.nbytes


# ---------------------------------------------------------------------- access
def test_getitem_int_slice_fields():
    array = ak.Array([{"x": 1, "y": [1.5]}, {"x": 2, "y": []}, {"x": 3, "y": [2.5, 3.5]}])
    assert array[0].to_list() == {"x": 1, "y": [1.5]}
    assert array[-1]["y"].to_list() == [2.5, 3.5]
    assert array[1:].to_list() == [{"x": 2, "y": []}, {"x": 3, "y": [2.5, 3.5]}]
    assert array["x"].to_list() == [1, 2, 3]
    assert array[["y"]].fields == ["y"]
    assert array.x.to_list() == [1, 2, 3]
    assert array[2].x == 3
    with pytest.raises(AttributeError):
        _ = array.nope
    with pytest.raises(IndexError):
        _ = array[3]
    assert "x" in dir(array) and "y" in dir(array)


def test_nested_field_tuple_access():
    array = ak.Array([{"a": {"b": 1}}, {"a": {"b": 2}}])
    assert array["a", "b"].to_list() == [1, 2]
    assert array[0]["a", "b"] == 1


def test_iteration():
    array = ak.Array([[1, 2], [], [3]])
    items = list(array)
    assert [type(x) for x in items] == [ak.Array] * 3
    assert [x.to_list() for x in items] == [[1, 2], [], [3]]
    assert [int(x) for x in ak.Array([4, 5, 6])] == [4, 5, 6]
    records = list(ak.Array([{"x": 1}, {"x": 2}]))
    assert all(isinstance(r, ak.Record) for r in records)
    assert [r.x for r in records] == [1, 2]


def test_to_list_tolist_and_numpy():
    array = ak.Array([[1, 2], [3, 4]])
    assert array.tolist() == array.to_list() == [[1, 2], [3, 4]]
    assert np.asarray(ak.Array([1.5, 2.5])).tolist() == [1.5, 2.5]
    assert np.asarray(ak.Array([1, 2]), dtype=np.float32).dtype == np.float32


# ---------------------------------------------------------------------- setting and deleting fields
def test_setitem_and_delitem_fields():
    array = ak.Array([{"x": 1, "y": 2}, {"x": 3, "y": 4}])
    array["z"] = ak.Array([10, 20])
    assert array.fields == ["x", "y", "z"]
    assert array.z.to_list() == [10, 20]
    array["x"] = 0  # a scalar fills every record; the field keeps its place
    assert array.fields == ["x", "y", "z"]
    assert array.x.to_list() == [0, 0]
    del array["y"]
    assert array.to_list() == [{"x": 0, "z": 10}, {"x": 0, "z": 20}]
    with pytest.raises(ValueError, match="length"):
        array["w"] = ak.Array([1, 2, 3])
    with pytest.raises(ak.errors.FieldNotFoundError, match="no field 'nope'"):
        del array["nope"]
    with pytest.raises(TypeError):
        array[0] = 5


def test_setitem_nested_path_and_under_lists():
    array = ak.Array([{"a": {"b": 1}}, {"a": {"b": 2}}])
    array["a", "c"] = ak.Array([5, 6])
    assert array.to_list() == [{"a": {"b": 1, "c": 5}}, {"a": {"b": 2, "c": 6}}]
    del array["a", "b"]
    assert array.to_list() == [{"a": {"c": 5}}, {"a": {"c": 6}}]
    lists = ak.Array([[{"x": 1}], [], [{"x": 2}, {"x": 3}]])
    lists["y"] = 7
    assert lists.to_list() == [[{"x": 1, "y": 7}], [], [{"x": 2, "y": 7}, {"x": 3, "y": 7}]]


def _without_model(item, path):
    """``del array[path]`` on Python data: the field leaves the outermost records; data
    without records is unchanged; an unknown field is a KeyError."""
    if item is None:
        return None
    if isinstance(item, list):
        return [_without_model(x, path) for x in item]
    if isinstance(item, (dict, tuple)):
        keys = list(item) if isinstance(item, dict) else [str(i) for i in range(len(item))]
        values = list(item.values()) if isinstance(item, dict) else list(item)
        head, rest = path[0], path[1:]
        at = keys.index(head) if head in keys else None
        if at is None:
            raise KeyError(head)
        if rest:
            values[at] = _without_model(values[at], rest)
        else:
            del keys[at], values[at]
        return dict(zip(keys, values)) if isinstance(item, dict) else tuple(values)
    return item


DELITEM_ARRAYS = {
    "numbers": lambda: ak.Array([1, 2, 3]),
    "jagged": lambda: ak.Array(jagged()),
    "strings": lambda: ak.Array(["a", "bc"]),
    "empty": lambda: ak.Array([]),
    "records": lambda: ak.Array([{"x": 1, "y": {"a": 2, "b": 3}}, {"x": 4, "y": {"a": 5, "b": 6}}]),
    "tuples": lambda: ak.Array([(1, 2.5), (3, 4.5)]),
    "lists of records": lambda: ak.Array([[{"x": 1, "y": {"a": 2, "b": 3}}], [], None]),
    "option records": lambda: ak.Array([{"x": 1, "y": {"a": 2, "b": 3}}, None]),
    "indexed records": lambda: ak.Array([{"x": 1, "y": {"a": 2, "b": 3}}, {"x": 4, "y": {"a": 5, "b": 6}}])[[1, 0, 1]],
    "union": lambda: ak.Array([{"x": 1, "y": {"a": 2, "b": 3}}, [7]]),
}


@pytest.mark.parametrize("name", list(DELITEM_ARRAYS))
@pytest.mark.parametrize("where", ["x", "0", ("y", "a"), ("x", "a"), "nope", ("y", "nope")])
def test_delitem_as_without_field(name, where):
    array = DELITEM_ARRAYS[name]()
    data = array.to_list()
    path = (where,) if isinstance(where, str) else where
    try:
        expected = [_without_model(x, path) for x in data]
    except KeyError as missing:
        with pytest.raises(ak.errors.FieldNotFoundError, match=f"no field {missing.args[0]!r}"):
            del array[where]
        return
    del array[where]
    assert array.to_list() == expected
    assert array.to_list() == ak.without_field(DELITEM_ARRAYS[name](), list(path)).to_list()


def test_delitem_errors_and_records():
    array = ak.Array([{"x": 1, "y": 2}])
    with pytest.raises(ak.errors.FieldNotFoundError, match=r"ak\.Array\.__delitem__: no field 'z'"):
        del array["z"]
    with pytest.raises(TypeError, match="only fields may be removed"):
        del array[0]
    with pytest.raises(TypeError, match="only fields may be removed"):
        del array[["x", "y"]]
    record = ak.Record({"x": 1, "y": [1, 2]})
    with pytest.raises(ak.errors.FieldNotFoundError, match=r"ak\.Record\.__delitem__: no field 'z'"):
        del record["z"]
    records = ak.Array([{"x": 1, "y": 2}, {"x": 3, "y": 4}])
    one = records[1]
    del one["x"]
    assert one.to_list() == {"y": 4} and records.fields == ["x", "y"]
    named = ak.Array([{"x": 1, "y": 2}], with_name="P", attrs={"@f": 1})
    del named["x"]
    assert str(named.type) == "1 * P[y: int64]" and named.attrs["@f"] == 1


def test_delitem_reads_nothing():
    from awkward.contents import RecordArray
    from tests.counting_buffers import Lazy

    lazy = Lazy()
    layout = ListOffsetArray(
        lazy.index([0, 2, 3], "offsets"),
        RecordArray([lazy.numpy([1, 2, 3], "x"), lazy.numpy([4, 5, 6], "y")], ["x", "y"]),
    )
    array = ak.Array(layout)
    del array["x"]
    assert array.fields == ["y"] and lazy.total == 0
    assert array.to_list() == [[{"y": 4}, {"y": 5}], [{"y": 6}]]
    assert lazy.calls["x"] == 0


def test_setitem_does_not_change_copies():
    array = ak.Array([{"x": 1}])
    other = copy.copy(array)
    array["y"] = 2
    assert other.fields == ["x"]


def test_record_fields_and_setitem():
    record = ak.Record({"x": 1, "y": [1, 2]})
    assert record.fields == ["x", "y"]
    assert record.x == 1 and record["y"].to_list() == [1, 2]
    assert record.to_list() == {"x": 1, "y": [1, 2]}
    assert str(record.type) == "{x: int64, y: var * int64}"
    record["z"] = 2.5
    assert record.to_list() == {"x": 1, "y": [1, 2], "z": 2.5}
    del record["x"]
    assert record.fields == ["y", "z"]
    with pytest.raises(IndexError):
        record["nope"]


# ---------------------------------------------------------------------- copies and pickling
def test_copy_and_deepcopy():
    array = ak.Array([[1, 2], [3]], attrs={"a": [1]})
    shallow = copy.copy(array)
    assert shallow.layout is array.layout
    deep = copy.deepcopy(array)
    assert deep.layout is not array.layout
    assert deep.to_list() == array.to_list()
    deep.attrs["a"].append(2)
    assert array.attrs["a"] == [1]


def test_pickle_round_trip():
    array = ak.Array([{"x": 1, "y": [1.5]}, {"x": 2, "y": []}], attrs={"k": "v"})
    out = pickle.loads(pickle.dumps(array))
    assert out.to_list() == array.to_list()
    assert out.attrs == {"k": "v"}
    record = pickle.loads(pickle.dumps(array[1]))
    assert isinstance(record, ak.Record) and record.to_list() == {"x": 2, "y": []}


def test_pickling_a_virtual_array_materializes_and_round_trips():
    source = ak.materialize(ak.Array([[1, 2, 3], [], [4, 5]]))
    form, length, buffers = ak.to_buffers(source)
    calls = []

    def generator(key, value):
        def generate():
            calls.append(key)
            return value

        return generate

    lazy = ak.from_buffers(form, length, {k: generator(k, v) for k, v in buffers.items()})
    assert calls == []
    payload = pickle.dumps(lazy)
    assert sorted(calls) == sorted(buffers)  # every generator ran exactly once
    out = pickle.loads(payload)
    assert out.to_list() == [[1, 2, 3], [], [4, 5]]
    assert out.layout.is_all_materialized
    assert len(calls) == len(buffers)  # unpickling runs no generator


# ---------------------------------------------------------------------- ArrayBuilder
def test_arraybuilder_wrapper():
    builder = ak.ArrayBuilder(attrs={"a": 1})
    builder.integer(1)
    builder.real(2.5)
    with builder.list():
        builder.integer(3)
        builder.null()
    with builder.record("point"):
        builder.field("x")
        builder.integer(1)
    with builder.tuple(2):
        builder.index(0)
        builder.string("hi")
        builder.index(1)
        builder.boolean(True)
    builder.append({"x": 2})
    builder.extend([7, 8])
    assert len(builder) == 8
    out = builder.snapshot()
    assert isinstance(out, ak.Array)
    assert out.attrs == {"a": 1}
    assert out.to_list() == [1, 2.5, [3, None], {"x": 1}, ("hi", True), {"x": 2}, 7, 8]
    assert str(builder.type).startswith("8 * union[")
    assert repr(builder).startswith("<ArrayBuilder type='8 * union[")
    assert ak.Array(builder).to_list() == out.to_list()


def test_arraybuilder_misuse_and_empty():
    builder = ak.ArrayBuilder()
    assert repr(builder) == "<ArrayBuilder type='0 * unknown'>"
    assert len(builder.snapshot()) == 0
    with pytest.raises(ValueError):
        builder.end_list()
    with pytest.raises(ValueError):
        ak.ArrayBuilder(initial=0)
