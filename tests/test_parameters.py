"""awkward._parameters: comparison, merging and validation of parameter dicts."""

import math

import pytest

from awkward._parameters import (
    copy_parameters,
    parameter_of,
    parameters_are_empty,
    parameters_are_equal,
    parameters_intersect,
    parameters_union,
    parameters_without,
    type_parameters_equal,
    validate_parameters,
)


@pytest.mark.parametrize(
    "one, two",
    [
        (None, None),
        (None, {}),
        ({}, None),
        ({"a": None}, None),
        ({"a": 1, "b": None}, {"a": 1}),
        ({"a": [1, 2]}, {"a": (1, 2)}),
        ({"a": {"b": [1, {"c": 2}]}}, {"a": {"b": [1, {"c": 2}]}}),
        ({"x": 1, "y": 2}, {"y": 2, "x": 1}),
    ],
)
def test_parameters_are_equal_true(one, two):
    assert parameters_are_equal(one, two)
    assert parameters_are_equal(two, one)


@pytest.mark.parametrize(
    "one, two",
    [
        ({"a": 1}, None),
        ({"a": 1}, {"a": 2}),
        ({"a": 1}, {"b": 1}),
        ({"a": [1, 2]}, {"a": [2, 1]}),
        ({"a": 1}, {"a": "1"}),
    ],
)
def test_parameters_are_equal_false(one, two):
    assert not parameters_are_equal(one, two)
    assert not parameters_are_equal(two, one)


def test_only_array_record_ignores_other_keys():
    assert parameters_are_equal({"__array__": "x", "foo": 1}, {"__array__": "x"}, True)
    assert parameters_are_equal({"__record__": "P", "foo": 1}, {"__record__": "P", "foo": 2}, True)
    assert not parameters_are_equal({"__array__": "x"}, {"__array__": "y"}, True)
    assert not parameters_are_equal({"__record__": "P"}, None, only_array_record=True)
    # __list__ is not one of the two keys
    assert parameters_are_equal({"__list__": "L"}, None, only_array_record=True)


def test_type_parameters_equal_uses_identity_keys_only():
    assert type_parameters_equal({"__doc__": "x", "foo": 3}, None)
    for key in ("__array__", "__list__", "__record__", "__categorical__"):
        assert not type_parameters_equal({key: "x"}, None), key
        assert type_parameters_equal({key: "x", "other": 1}, {key: "x"}), key


def test_union_second_wins_and_none_dropped():
    assert parameters_union({"a": 1, "b": 2}, {"b": 3, "c": 4}) == {"a": 1, "b": 3, "c": 4}
    assert parameters_union(None, None) is None
    assert parameters_union({}, {"a": None}) is None
    assert parameters_union({"a": 1}, None) == {"a": 1}
    assert parameters_union({"a": 1, "b": 2}, {"c": 3}, exclude=("a",)) == {"b": 2, "c": 3}


def test_intersect_keeps_common_equal_values():
    assert parameters_intersect({"a": 1, "b": 2, "c": 3}, {"a": 1, "b": 5}) == {"a": 1}
    assert parameters_intersect({"a": 1}, {"b": 1}) is None
    assert parameters_intersect(None, {"a": 1}) is None
    assert parameters_intersect({"a": [1]}, {"a": (1,)}) == {"a": [1]}
    assert parameters_intersect({"a": 1, "b": 2}, {"a": 1, "b": 2}, exclude=("b",)) == {"a": 1}


def test_without_and_empty():
    assert parameters_without({"a": 1, "b": 2}, ["a"]) == {"b": 2}
    assert parameters_without({"a": 1}, ["a"]) is None
    assert parameters_without(None, ["a"]) is None
    assert parameters_are_empty(None)
    assert parameters_are_empty({})
    assert parameters_are_empty({"a": None})
    assert not parameters_are_empty({"a": 0})
    assert parameter_of(None, "a") is None
    assert parameter_of({"a": 5}, "a") == 5


def test_copy_is_deep_and_json_shaped():
    original = {"a": {"b": [1, 2]}, "t": (1, (2, 3))}
    copied = copy_parameters(original)
    assert copied == {"a": {"b": [1, 2]}, "t": [1, [2, 3]]}
    copied["a"]["b"].append(3)
    assert original["a"]["b"] == [1, 2]
    assert copy_parameters(None) is None
    assert copy_parameters({}) is None


@pytest.mark.parametrize(
    "bad, message",
    [
        ([1, 2], "dict"),
        ("abc", "dict"),
        ({1: "x"}, "keys must be str"),
        ({"a": object()}, "'a'"),
        ({"a": {"b": {1, 2}}}, "set"),
        ({"a": [1, b"x"]}, "bytes"),
        ({"a": {3: 1}}, "JSON keys must be str"),
        ({"a": math.nan}, "nan"),
        ({"a": math.inf}, "inf"),
    ],
)
def test_invalid_parameters_raise_typeerror(bad, message):
    with pytest.raises(TypeError, match=message):
        validate_parameters(bad)
    with pytest.raises(TypeError):
        copy_parameters(bad)


def test_valid_parameters_pass():
    for good in (None, {}, {"a": None, "b": True, "c": 1.5, "d": "x", "e": [1, {"f": None}]}):
        validate_parameters(good)
