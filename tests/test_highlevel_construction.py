"""ak.Array / ak.Record constructor edges: check_valid, unconvertible input, JSON strings."""

import numpy as np
import pytest

import awkward as ak
from awkward.contents import ListOffsetArray, NumpyArray, RecordArray
from awkward.index import Index64


def broken_lists():
    # offsets reach past the content: constructible, but not valid
    return ListOffsetArray(Index64(np.array([0, 2, 9])), NumpyArray(np.arange(4.0)))


def test_check_valid_refuses_an_invalid_layout_and_names_the_class():
    ak.Array(broken_lists())  # not checked by default: construction never reads data
    with pytest.raises(ValueError, match=r"ak.Array: invalid layout: .*"):
        ak.Array(broken_lists(), check_valid=True)


def test_check_valid_on_records():
    records = RecordArray([broken_lists()], ["x"])
    with pytest.raises(ValueError, match=r"ak.Record: invalid layout"):
        ak.Record(records[0], check_valid=True)


def test_unconvertible_input_names_the_type():
    with pytest.raises(TypeError, match="cannot make an ak.Array from object"):
        ak.Array(object())
    with pytest.raises(TypeError, match="scalar"):
        ak.Array(3)


def test_json_strings_construct_arrays_and_records():
    assert ak.Array("[[1, 2], []]").to_list() == [[1, 2], []]
    assert ak.Record('{"x": 1, "y": [2]}').to_list() == {"x": 1, "y": [2]}


def test_layout_setter_checks_the_node_kind_and_updates_the_class():
    array = ak.Array([1, 2])
    with pytest.raises(TypeError, match="layout must be a Content, not int"):
        array.layout = 3
    record = ak.Record({"x": 1})
    with pytest.raises(TypeError, match="layout must be a layout Record, not NumpyArray"):
        record.layout = array.layout
    array.layout = ak.Array([[1], []]).layout
    assert array.to_list() == [[1], []]
