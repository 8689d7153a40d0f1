"""ak.parameters, ak.with_parameter, ak.without_parameters, ak.with_name, ak.is_tuple,
ak.array_equal / ak.almost_equal options."""

from __future__ import annotations

import numpy as np
import pytest

import awkward as ak


def L(data):
    return ak.from_iter(data, highlevel=False)


def test_parameters_of_outermost_node():
    assert ak.parameters(L(["a"])) == {"__array__": "string"}
    assert ak.parameters(L([[1]])) == {}
    assert ak.parameters([1, 2]) == {}
    assert ak.parameters(5) == {}
    params = ak.parameters(ak.with_parameter(L([1]), "p", {"deep": [1]}, highlevel=False))
    params["p"]["deep"].append(2)  # a copy: the layout is unchanged
    layout = ak.with_parameter(L([1]), "p", {"deep": [1]}, highlevel=False)
    assert layout.parameter("p") == {"deep": [1]}


def test_with_parameter_and_removal():
    layout = ak.with_parameter(L([[1, 2]]), "p", 1, highlevel=False)
    assert layout.parameter("p") == 1 and layout.content.parameter("p") is None
    assert ak.with_parameter(layout, "p", None, highlevel=False).parameter("p") is None
    record = ak.with_parameter(L({"x": 1}), "q", "v", highlevel=False)
    assert isinstance(record, ak.record.Record) and ak.parameters(record) == {"q": "v"}
    with pytest.raises(TypeError, match="str"):
        ak.with_parameter(layout, 3, 1)


def test_without_parameters_everywhere():
    layout = ak.with_name(L([{"s": "ab", "x": [1]}]), "P", highlevel=False)
    bare = ak.without_parameters(layout, highlevel=False)
    assert str(bare.form.type) == "{s: var * uint8, x: var * int64}"
    assert bare.to_list() == [{"s": [97, 98], "x": [1]}]
    assert layout.parameter("__record__") == "P"  # input untouched


def test_with_name_outermost_records_only():
    layout = L([[{"x": {"y": 1}}], None])
    named = ak.with_name(layout, "P", highlevel=False)
    assert str(named.form.type) == "option[var * P[x: {y: int64}]]"
    assert named.to_list() == layout.to_list()
    assert ak.with_name(L([1]), "P", highlevel=False).form.type == L([1]).form.type
    assert ak.with_name(named, None, highlevel=False).form.type == layout.form.type
    union = L([{"x": 1}, [1]])
    assert "P[" in str(ak.with_name(union, "P", highlevel=False).form.type)
    with pytest.raises(TypeError, match="name"):
        ak.with_name(layout, 3)


def test_is_tuple():
    assert ak.is_tuple(L([(1, 2)]))
    assert ak.is_tuple(L([[(1, 2)]]))
    assert not ak.is_tuple(L([{"x": 1}]))
    assert not ak.is_tuple([1])
    assert not ak.is_tuple(L([1, (1, 2)]))


def test_array_equal_options():
    assert not ak.array_equal(L([[1, 2]]), L([[1.0, 2.0]]))
    assert ak.array_equal(L([1, 2]), L([1, 2]))
    assert ak.array_equal(
        ak.values_astype(L([1]), np.int32, highlevel=False) if hasattr(ak, "values_astype") else
        ak.from_numpy(np.array([1], np.int32), highlevel=False),
        L([1]),
        dtype_exact=False,
    )
    regular = ak.from_numpy(np.array([[1, 2]]), highlevel=False)
    assert not ak.array_equal(regular, L([[1, 2]]))
    assert ak.array_equal(regular, L([[1, 2]]), check_regular=False)
    assert ak.array_equal(L([{"x": 1, "y": 2}]), L([{"y": 2, "x": 1}]))
    assert not ak.array_equal(L([{"x": 1}]), L([{"x": 1, "y": 2}]))
    assert ak.array_equal(L([1, None]), L([1, None]))
    assert not ak.array_equal(L([1, 2]), L([1, None]))
    assert not ak.array_equal(L([1, None]), L([None, 1]))
    nan = float("nan")
    assert ak.array_equal(L([1.0, nan]), L([1.0, nan]), equal_nan=True)
    assert not ak.array_equal(L([1.0, nan]), L([1.0, nan]))
    assert ak.array_equal(L([1, 2.5, [1]]), L([1, 2.5, [1]]))
    assert not ak.array_equal(L([1, 2.5, [1]]), L([1, 2.5, [2]]))
    with_p = ak.with_parameter(L([1]), "a", 1, highlevel=False)
    assert not ak.array_equal(with_p, L([1]))
    assert ak.array_equal(with_p, L([1]), check_parameters=False)
    jagged = L([[1, 2], [3], []])
    assert ak.array_equal(jagged, jagged[::-1][::-1])  # ListArray vs ListOffsetArray
    assert ak.array_equal(jagged, [[1, 2], [3], []])
    assert not ak.array_equal(jagged, [[1, 2], [3]])
    assert ak.array_equal(L({"x": 1}), L({"x": 1}))
    assert not ak.array_equal(L({"x": 1}), L([{"x": 1}]))


def test_almost_equal_tolerance():
    assert ak.almost_equal(L([1.0, 2.0]), L([1.0 + 1e-9, 2.0]))
    assert not ak.almost_equal(L([1.0]), L([1.1]))
    assert ak.almost_equal(L([1.0]), L([1.1]), atol=0.2)
    assert not ak.array_equal(L([1.0]), L([1.0 + 1e-9]))
    assert ak.almost_equal(L([[1.0], [2.0, 3.0]]), [[1.0], [2.0, 3.0 + 1e-12]])


def test_highlevel_wrapping():
    array = ak.from_iter([[1, 2], [3]])
    assert isinstance(array, ak.Array)
    named = ak.with_parameter(array, "p", 1)
    assert isinstance(named, ak.Array) and ak.parameters(named) == {"p": 1}
    assert isinstance(ak.from_iter({"x": 1}), ak.Record)
    assert ak.to_list(ak.copy(array)) == [[1, 2], [3]]
    assert ak.array_equal(ak.to_regular(ak.from_iter([[1, 2], [3, 4]])), np.array([[1, 2], [3, 4]]))
