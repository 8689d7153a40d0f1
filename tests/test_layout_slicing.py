"""Layout-level slicing: ``layout[where]`` accepts every slice that ak.Array accepts (arrays,
masks, tuples, jagged indices, None, Ellipsis, field names, an Index or a Content as an index),
with the same results as ``ak.Array(layout)[where]``; int/slice/field access stays in Content
(fast path); missing fields raise FieldNotFoundError everywhere.

Results are checked against the pure-Python slicing model of tests/test_slicing.py (reference on
``to_list`` data), and forms against the high-level path."""

from __future__ import annotations

import numpy as np
import pytest
from counting_buffers import Lazy
from test_slicing import SLICES, RefError, jagged, layouts, reference

import awkward as ak
from awkward.contents import (
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
)
from awkward.contents import content as content_module
from awkward.errors import FieldNotFoundError
from awkward.index import Index8, Index32, Index64, IndexU8, IndexU32
from awkward.record import Record

S = slice


def _result(out):
    if isinstance(out, (ak.contents.Content, Record)):
        return out.to_list()
    return out


def _check_layout(layout, where):
    data = layout.to_list()
    try:
        expected = reference(data, where, layout.form.minmax_depth)
    except (RefError, IndexError, TypeError):
        with pytest.raises((IndexError, ValueError, TypeError)):
            layout[where]
        return
    out = layout[where]
    assert _result(out) == expected
    if isinstance(out, ak.contents.Content):
        assert out.validity_error() == ""
        # the same algorithm as the high-level path: same form
        assert out.form == ak.Array(layout)[where].layout.form


# ---------------------------------------------------------------------------------- the table


@pytest.mark.parametrize("name", list(layouts()))
@pytest.mark.parametrize("where", SLICES, ids=[repr(s) for s in SLICES])
def test_table(name, where):
    layout = layouts()[name]
    if isinstance(where, np.ndarray) and where.dtype == bool and len(where) != len(layout):
        where = np.resize(where, len(layout))
    if name == "empty" and isinstance(where, tuple) and sum(1 for x in where if x is not None and x is not Ellipsis) > 1:
        with pytest.raises(IndexError):
            layout[where]
        return
    _check_layout(layout, where)


FIELD_SLICES = [
    "x",
    ["y"],
    ["y", "x"],
    ("x", S(None), 0),
    (S(None), "x"),
    (S(1, None), "y", -1),
    (Ellipsis, "y", 0),
    ("y", np.array([0, 1])),
    (S(None), ["x"], S(1, None)),
    (np.array([4, 0]), "x"),
]


@pytest.mark.parametrize("where", FIELD_SLICES, ids=[repr(s) for s in FIELD_SLICES])
def test_fields_in_tuples(where):
    _check_layout(layouts()["record"], where)


def test_tuple_records_by_position_name():
    layout = ak.to_layout([(1, [1.5]), (2, []), (3, [2.5, 3.5])])
    assert layout["1"].to_list() == [[1.5], [], [2.5, 3.5]]
    assert layout["1", 2, -1] == 3.5
    assert layout[[2, 0], "0"].to_list() == [3, 1]


# ---------------------------------------------------------------------------------- index kinds


@pytest.mark.parametrize("cls", [Index8, IndexU8, Index32, IndexU32, Index64])
def test_an_index_as_index(cls):
    layout = jagged()
    index = cls(np.array([4, 0, 2], dtype=cls._expected_dtype))
    data = layout.to_list()
    assert layout[index].to_list() == [data[4], data[0], data[2]]
    assert layout[index, 0].to_list() == [data[4][0], data[0][0], data[2][0]]


def test_a_content_as_index_coffea_offsets():
    # coffea: NumpyArray(offsets)[layout]
    offsets = NumpyArray(np.array([0, 3, 5]))
    out = offsets[NumpyArray(np.array([2, 0]))]
    assert isinstance(out, NumpyArray)
    assert out.to_list() == [5, 0]
    assert offsets[ak.to_layout([True, False, True])].to_list() == [0, 5]


@pytest.mark.parametrize(
    "index",
    [
        [[0, 1], [], [1], [0], [3, 0]],
        [[True, False, True], [], [False, True], [True], [False, False, True, True]],
        [[0, None], [], None, [0], [-1]],
    ],
)
def test_a_jagged_content_as_index(index):
    layout = jagged()
    data = layout.to_list()
    expected = []
    for row, picks in zip(data, index):
        if picks is None:
            expected.append(None)
        elif picks and isinstance(picks[0], bool):
            expected.append([x for x, keep in zip(row, picks) if keep])
        else:
            expected.append([None if i is None else row[i] for i in picks])
    for as_index in (ak.to_layout(index), ak.Array(index), index):
        assert layout[as_index].to_list() == expected
    assert layout[ak.to_layout(index)].form == ak.Array(layout)[ak.Array(index)].layout.form


def test_an_option_content_as_index():
    layout = jagged()
    data = layout.to_list()
    out = layout[ak.to_layout([4, None, 0])]
    assert out.to_list() == [data[4], None, data[0]]
    assert out.is_option


def test_python_lists_numpy_and_masks():
    layout = jagged()
    data = layout.to_list()
    assert layout[[4, 0]].to_list() == [data[4], data[0]]
    assert layout[np.array([4, 0])].to_list() == [data[4], data[0]]
    mask = [True, False, False, True, True]
    assert layout[mask].to_list() == [d for d, m in zip(data, mask) if m]
    assert layout[np.array(mask)].to_list() == [d for d, m in zip(data, mask) if m]
    assert layout[NumpyArray(np.array(mask))].to_list() == [d for d, m in zip(data, mask) if m]
    assert layout[[]].to_list() == []
    assert layout[np.int64(-1)].to_list() == data[-1]
    two_d = NumpyArray(np.arange(12).reshape(3, 4))
    assert two_d[np.array([[0, 1], [2, 0]])].to_list() == np.arange(12).reshape(3, 4)[[[0, 1], [2, 0]]].tolist()
    assert two_d[1:, [0, 2]].to_list() == [[4, 6], [8, 10]]


def test_newaxis_ellipsis_and_empty_tuple():
    layout = jagged()
    data = layout.to_list()
    assert layout[None].to_list() == [data]
    assert layout[np.newaxis, :, 1:].to_list() == [[row[1:] for row in data]]
    assert layout[..., :1].to_list() == [row[:1] for row in data]
    assert layout[...] is layout
    assert layout[()] is layout
    assert layout[::2].to_list() == data[::2]
    assert layout[::-1].to_list() == data[::-1]


def test_numpy_scalar_and_step_slices_agree_with_int_path():
    layout = jagged()
    for i in range(-5, 5):
        assert layout[np.int64(i)].to_list() == layout[i].to_list()
        assert layout[np.int32(i)].to_list() == layout[i].to_list()


# ---------------------------------------------------------------------------------- layout Record


def test_layout_record_takes_names_and_tuples_starting_with_a_name():
    array = ak.to_layout([{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}])
    record = array[0]
    assert isinstance(record, Record)
    assert record["x"] == 1
    assert record[("y",)].to_list() == [1, 2]
    assert record["y", -1] == 2
    assert record["y", 1:].to_list() == [2]
    assert record[["x"]].to_list() == {"x": 1}
    assert record[()] is record


@pytest.mark.parametrize("where", [0, S(1, None), None, Ellipsis, [0], np.array([0]), (0, "x")])
def test_layout_record_refuses_positions(where):
    record = ak.to_layout([{"x": 1, "y": [1, 2]}])[0]
    with pytest.raises(IndexError, match="scalar Record cannot be sliced"):
        record[where]


# ---------------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "where,error,message",
    [
        (1.5, TypeError, "integer or boolean"),
        (True, TypeError, "boolean scalar"),
        (np.bool_(True), TypeError, "boolean scalar"),
        (np.array([0.5]), TypeError, "integer or boolean"),
        (np.array([7]), IndexError, "out of bounds"),
        ((S(None), 5), IndexError, "out of bounds"),
        ((0, 0, 0), IndexError, "too many indices"),
        ((Ellipsis, Ellipsis), IndexError, "single Ellipsis"),
        (ak.to_layout([{"x": 1}]), TypeError, "RecordArray"),
        (S(None, None, 0), ValueError, "step cannot be zero"),
    ],
)
def test_errors(where, error, message):
    with pytest.raises(error, match=message):
        jagged()[where]


def test_int_out_of_range():
    with pytest.raises(IndexError, match="out of bounds"):
        jagged()[5]
    with pytest.raises(IndexError, match="out of bounds"):
        jagged()[np.int64(-6)]


# ---------------------------------------------------------------------------------- missing fields


def _records_through_every_kind():
    record = RecordArray([NumpyArray(np.arange(5)), jagged()], ["x", "y"])
    return {
        "record": record,
        "list": ListOffsetArray(Index64(np.array([0, 2, 5])), record),
        "regular": RegularArray(record, 5),
        "option": IndexedOptionArray(Index64(np.array([0, -1, 4])), record),
        "union": UnionArray(
            Index8(np.array([0, 1], np.int8)),
            Index64(np.array([0, 0])),
            [record, RecordArray([NumpyArray(np.arange(2))], ["x"])],
        ),
        "tuple": RecordArray([NumpyArray(np.arange(3))], None),
    }


@pytest.mark.parametrize("name", list(_records_through_every_kind()))
def test_missing_field_is_field_not_found(name):
    layout = _records_through_every_kind()[name]
    array = ak.Array(layout)
    attempts = [
        lambda: layout["nope"],
        lambda: layout[["x", "nope"]] if "x" in layout.fields else layout[["nope"]],
        lambda: layout[:, "nope"] if name != "tuple" else layout["nope", 0],
        lambda: array["nope"],
        lambda: array[1:]["nope"],
        lambda: array[[0], "nope"],
        lambda: ak.Array(layout)["nope"],
    ]
    for attempt in attempts:
        with pytest.raises(FieldNotFoundError, match="nope") as info:
            attempt()
        assert isinstance(info.value, IndexError)


def test_missing_field_of_records_and_non_records():
    array = ak.Array([{"x": 1, "y": [1]}, {"x": 2, "y": []}])
    with pytest.raises(FieldNotFoundError, match=r"no field 'nope' in record with fields \['x', 'y'\]"):
        array["nope"]
    with pytest.raises(FieldNotFoundError, match="no field 'nope'"):
        array[0]["nope"]
    with pytest.raises(FieldNotFoundError, match="no field 'nope'"):
        array.layout[0]["nope"]
    with pytest.raises(FieldNotFoundError, match="no field 'nope'"):
        array[0][["x", "nope"]]
    # a field of a non-record: still an IndexError (awkward 2.14), ours says which field
    with pytest.raises(FieldNotFoundError, match="no field 'nope': NumpyArray is not an array of records"):
        array["x", "nope"]
    with pytest.raises(IndexError, match="nope"):
        ak.Array([[1, 2], [3]])["nope"]
    with pytest.raises(FieldNotFoundError, match="nope"):
        array.layout.content("nope")
    # attribute access: AttributeError, as in awkward 2.14
    with pytest.raises(AttributeError, match="nope"):
        array.nope  # noqa: B018
    with pytest.raises(AttributeError, match="nope"):
        array[0].nope  # noqa: B018


# ---------------------------------------------------------------------------------- fast paths


def test_int_slice_and_field_access_do_not_go_through_the_slicing_layer(monkeypatch):
    def refuse(layout, where):
        raise AssertionError(f"delegated {where!r}")

    record = RecordArray([NumpyArray(np.arange(5)), jagged()], ["x", "y"])
    layout = ListOffsetArray(Index64(np.array([0, 2, 5])), record)
    expected = layout.to_list()
    monkeypatch.setattr(content_module, "_GETITEM", [refuse])
    assert layout[1].to_list() == expected[1]
    assert layout[-1].to_list() == expected[-1]
    assert layout[0:1].to_list() == expected[0:1]
    assert layout[1:].to_list() == expected[1:]
    assert layout["x"].to_list() == [[d["x"] for d in row] for row in expected]
    assert layout[["y"]].to_list() == [[{"y": d["y"]} for d in row] for row in expected]
    with pytest.raises(AssertionError, match="delegated"):
        layout[[0]]


def test_registration_is_in_place():
    from awkward._slicing import getitem

    assert content_module.getitem_hook() is getitem


# ---------------------------------------------------------------------------------- laziness


def test_advanced_index_on_a_lazy_layout_reads_what_it_needs():
    lazy = Lazy()
    layout = RecordArray(
        [
            ListOffsetArray(lazy.index([0, 3, 3, 5], "x-offsets"), lazy.numpy([1.1, 2.2, 3.3, 4.4, 5.5], "x-data")),
            lazy.numpy([10, 20, 30], "y-data"),
        ],
        ["x", "y"],
    )
    out = layout[[2, 0]]
    assert lazy.total == 0  # the record is carried lazily
    assert out["y"].to_list() == [30, 10]
    assert lazy.calls == {"y-data": 1}
    assert layout[np.array([True, False, True]), "x"].to_list() == [[1.1, 2.2, 3.3], [4.4, 5.5]]
    assert lazy.calls["x-offsets"] == 1 and lazy.calls["x-data"] == 1


def test_content_as_index_reads_only_the_index_and_the_picked_buffer():
    lazy = Lazy()
    offsets = lazy.numpy([0, 3, 5], "offsets")
    index = lazy.numpy([2, 0], "index")
    out = offsets[index]
    assert out.to_list() == [5, 0]
    assert lazy.calls == {"offsets": 1, "index": 1}


def test_index_as_index_on_a_lazy_index():
    lazy = Lazy()
    layout = lazy.numpy([5, 6, 7], "data")
    out = layout[lazy.index([2, 2, 0], "carry")]
    assert out.to_list() == [7, 7, 5]
    assert lazy.calls == {"data": 1, "carry": 1}
