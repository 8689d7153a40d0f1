"""Strings and bytestrings: lists of uint8 with __array__ parameters; from_iter, to_list,
equality (array_equal and the element-wise helper), strings_astype."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import awkward as ak
from awkward.behaviors.string import string_equal, string_equal_scalar


def test_layout_of_strings():
    layout = ak.from_iter(["ab", "", "héllo"], highlevel=False)
    assert layout.parameter("__array__") == "string"
    assert layout.content.parameter("__array__") == "char"
    assert layout.content.dtype == np.dtype(np.uint8)
    assert len(layout.content) == len("ab") + len("héllo".encode())
    assert str(layout.form.type) == "string"
    raw = ak.from_iter([b"\x00\xff", b""], highlevel=False)
    assert raw.parameter("__array__") == "bytestring"
    assert raw.content.parameter("__array__") == "byte"
    assert ak.to_list(raw) == [b"\x00\xff", b""]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=6), max_size=8), st.lists(st.binary(max_size=6), max_size=8))
def test_round_trips(texts, blobs):
    assert ak.to_list(ak.from_iter(texts, highlevel=False)) == texts
    assert ak.to_list(ak.from_iter(blobs, highlevel=False)) == blobs
    nested = [texts, [], texts[:1]]
    assert ak.to_list(ak.from_iter(nested, highlevel=False)) == nested


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="ab", max_size=3), st.text(alphabet="ab", max_size=3)), min_size=1, max_size=8))
def test_elementwise_equality_matches_python(pairs):
    left = ak.from_iter([a for a, _ in pairs], highlevel=False)
    right = ak.from_iter([b for _, b in pairs], highlevel=False)
    assert string_equal(left, right).tolist() == [a == b for a, b in pairs]
    assert string_equal_scalar(left, "ab").tolist() == [a == "ab" for a, _ in pairs]


def test_equality_errors():
    strings = ak.from_iter(["a"], highlevel=False)
    # as awkward 2.14: a string and a bytestring compare by their bytes
    assert string_equal(strings, ak.from_iter([b"a"], highlevel=False)).tolist() == [True]
    assert string_equal_scalar(strings, b"a").tolist() == [True]
    with pytest.raises(ValueError, match="lengths"):
        string_equal(strings, ak.from_iter(["a", "b"], highlevel=False))
    with pytest.raises(TypeError, match="cannot compare strings with int"):
        string_equal_scalar(strings, 1)


def test_array_equal_on_strings():
    a = ak.from_iter(["ab", "c"], highlevel=False)
    assert ak.array_equal(a, ak.from_iter(["ab", "c"], highlevel=False))
    assert not ak.array_equal(a, ak.from_iter(["ab", "d"], highlevel=False))
    assert not ak.array_equal(a, ak.from_iter([b"ab", b"c"], highlevel=False))
    assert not ak.array_equal(a, ak.from_iter([b"ab", b"c"], highlevel=False), check_parameters=False)
    # same characters as plain lists of uint8 are not strings
    assert not ak.array_equal(a, ak.without_parameters(a, highlevel=False))


def test_strings_astype():
    layout = ak.from_iter([["1", "2"], [], ["3.5", None]], highlevel=False)
    out = ak.strings_astype(layout, np.float64, highlevel=False)
    assert ak.to_list(out) == [[1.0, 2.0], [], [3.5, None]]
    assert str(out.form.type) == "var * ?float64"
    ints = ak.strings_astype(ak.from_iter([b"7", b"-2"], highlevel=False), "int32", highlevel=False)
    assert ints.to_list() == [7, -2] and ints.dtype == np.dtype(np.int32)
    with pytest.raises(ValueError, match="cannot parse"):
        ak.strings_astype(ak.from_iter(["x"], highlevel=False), np.int64)
    with pytest.raises(TypeError, match="dtype"):
        ak.strings_astype(ak.from_iter(["1"], highlevel=False), "not-a-dtype")


def test_strings_in_records_and_json():
    layout = ak.from_iter([{"name": "α", "tags": ["x", "y"]}], highlevel=False)
    assert ak.to_list(layout) == [{"name": "α", "tags": ["x", "y"]}]
    assert ak.from_json(ak.to_json(layout), highlevel=False).to_list() == layout.to_list()
