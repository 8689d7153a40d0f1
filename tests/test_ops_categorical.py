"""ak.categories / ak.from_categorical / ak.is_categorical, awkward.behaviors.categorical,
categorical equality, and the layout helpers ak._do.unique / is_unique / numbers_to_type,
against pure-Python models on to_list data."""

import numpy as np
import pytest

import awkward as ak
from awkward.contents import (
    EmptyArray,
    IndexedArray,
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
)
from awkward.errors import AxisError
from awkward.index import Index64
from tests.counting_buffers import Lazy


def _categorical(index, categories, option=False):
    cls = IndexedOptionArray if option else IndexedArray
    return cls(Index64(np.asarray(index)), categories, parameters={"__array__": "categorical"})


def _strings(words):
    return ak.to_layout(words)


KINDS = {
    "numbers": (_categorical([0, 1, 0, 2], NumpyArray(np.array([1.5, 2.5, 3.5]))), [1.5, 2.5, 3.5]),
    "option": (_categorical([0, -1, 0, 2], NumpyArray(np.array([1.5, 2.5, 3.5])), option=True), [1.5, 2.5, 3.5]),
    "strings": (_categorical([1, 0, 1], _strings(["a", "bb"])), ["a", "bb"]),
    "in_lists": (
        ListOffsetArray(Index64(np.array([0, 2, 4])), _categorical([0, -1, 0, 2], NumpyArray(np.array([1.5, 2.5, 3.5])), option=True)),
        [1.5, 2.5, 3.5],
    ),
}


@pytest.mark.parametrize("name", sorted(KINDS))
def test_categorical_table(name):
    layout, categories = KINDS[name]
    array = ak.Array(layout)
    assert ak.is_categorical(array)
    assert "categorical[type=" in str(array.type)
    assert ak.categories(array).to_list() == categories
    plain = ak.from_categorical(array)
    assert plain.to_list() == array.to_list()
    assert not ak.is_categorical(plain)
    assert "categorical" not in str(plain.type)
    assert (array == array).to_list() == _eq_model(array.to_list(), array.to_list())


def _eq_model(one, two):
    if isinstance(one, list):
        return [_eq_model(a, b) for a, b in zip(one, two)]
    return None if one is None or two is None else one == two


def test_types_and_values_as_in_2_14():
    a = ak.Array(KINDS["numbers"][0])
    assert str(a.type) == "4 * categorical[type=float64]"
    assert str(ak.categories(a).type) == "3 * float64"
    assert str(ak.from_categorical(a).type) == "4 * float64"
    assert str(ak.Array(KINDS["strings"][0]).type) == "3 * categorical[type=string]"
    assert str(ak.Array(KINDS["in_lists"][0]).type) == "2 * var * ?categorical[type=float64]"
    assert str(ak.from_categorical(ak.Array(KINDS["in_lists"][0])).type) == "2 * var * ?float64"


def test_equality_compares_values():
    c = ak.Array(_categorical([0, 1, 0, 2], NumpyArray(np.array([1.5, 2.5, 3.5]))))
    d = ak.Array(_categorical([1, 0, 1, 2], NumpyArray(np.array([2.5, 1.5, 3.5]))))
    assert (c == d).to_list() == [True] * 4
    assert (c != d).to_list() == [False] * 4
    assert (c == 1.5).to_list() == [True, False, True, False]
    s = ak.Array(KINDS["strings"][0])
    assert (s == "bb").to_list() == [True, False, True]


def test_not_categorical():
    assert ak.is_categorical(ak.Array([1, 2])) is False
    assert ak.is_categorical([1, 2]) is False
    assert ak.categories(ak.Array([1, 2])) is None
    assert ak.from_categorical(ak.Array([[1, 2]])).to_list() == [[1, 2]]


def test_through_records():
    c = KINDS["numbers"][0]
    a = ak.Array(RecordArray([c, NumpyArray(np.arange(4))], ["x", "y"]))
    assert ak.is_categorical(a) is False
    assert ak.is_categorical(a.x) is True
    assert ak.categories(a, highlevel=False).to_list() == [1.5, 2.5, 3.5]
    assert str(ak.from_categorical(a).type) == "4 * {x: float64, y: int64}"


def test_other_parameters_kept():
    c = IndexedArray(Index64(np.array([0, 1])), NumpyArray(np.array([1.0, 2.0])), parameters={"__array__": "categorical", "foo": 1})
    out = ak.from_categorical(c, highlevel=False)
    assert out.parameters == {"foo": 1}


def test_behavior_module():
    import awkward.behaviors.categorical as categorical

    assert categorical.CategoricalBehavior is ak.Array
    assert sorted(n for n in dir(categorical) if not n.startswith("__")) == ["Array", "CategoricalBehavior"]


def test_categorical_ops_read_nothing():
    lazy = Lazy()
    c = IndexedArray(lazy.index([0, 1, 0], "index"), lazy.numpy([1.5, 2.5], "categories"), parameters={"__array__": "categorical"})
    a = ak.Array(c, attrs={"@x": 1})
    assert ak.is_categorical(a)
    cats = ak.categories(a)
    plain = ak.from_categorical(a)
    assert lazy.total == 0
    assert plain.attrs == {"@x": 1} and cats.attrs == {"@x": 1}


# ------------------------------------------------------------------ ak._do layout helpers
def _flat(data):
    for x in data:
        if isinstance(x, list):
            yield from _flat(x)
        else:
            yield x


UNIQUE_CASES = [[3, 1, 2, 1], [[3, 1], [2, 1]], [1, None, 2], [1, None, 1], [1, 2.5, 1], [[1.0], [], [2.0, 1.0]], ["a", "b", "a"], [[None, 1], [1]]]


@pytest.mark.parametrize("data", UNIQUE_CASES)
def test_unique_axis_none(data):
    layout = ak.to_layout(data)
    values = list(_flat(layout.to_list()))
    present = [v for v in values if v is not None]
    expected = sorted(set(present)) + ([None] if None in values else [])
    assert ak._do.unique(layout).to_list() == expected
    assert ak._do.is_unique(layout) == (len(set(present)) == len(present) and values.count(None) <= 1)


@pytest.mark.parametrize("data", [[[3, 1, 3], [2, 1], []], [[[1, 1]], [[1, 2], [2, 2]]], [[1, 2], [2, 1]]])
def test_unique_innermost_lists(data):
    layout = ak.to_layout(data)

    def model(x):
        return sorted(set(x)) if x and not isinstance(x[0], list) or x == [] else [model(y) for y in x]

    assert ak._do.unique(layout, axis=-1).to_list() == [model(x) for x in data]

    def distinct(x):
        if x and isinstance(x[0], list):
            return all(distinct(y) for y in x)
        return len(set(x)) == len(x)

    assert ak._do.is_unique(layout, axis=-1) == all(distinct(x) for x in data)


def test_unique_errors_and_empty():
    with pytest.raises(AxisError, match="unique expects axis 'None' or '-1', got axis=0"):
        ak._do.unique(ak.to_layout([[1]]), axis=0)
    with pytest.raises(NotImplementedError):
        ak._do.unique(ak.to_layout([{"x": 1}]))
    assert isinstance(ak._do.unique(EmptyArray()), EmptyArray)
    assert ak._do.is_unique(EmptyArray())
    assert ak._do.is_unique(ak.to_layout([{"x": 1}, {"x": 1}])) is False


def test_numbers_to_type():
    layout = ak.to_layout([[1, 2], [3, "x"], []])
    out = ak._do.numbers_to_type(layout, "float32", False)
    assert str(out.form.type) == "var * union[float32, string]"
    assert out.to_list() == [[1.0, 2.0], [3.0, "x"], []]
    assert isinstance(ak._do.numbers_to_type(EmptyArray(), "float32", False), EmptyArray)
    converted = ak._do.numbers_to_type(EmptyArray(), "float32", True)
    assert converted.is_numpy and str(converted.data.dtype) == "float32"
    assert ak._do.numbers_to_type(ak.to_layout([True, False]), "int8", False).to_list() == [1, 0]
