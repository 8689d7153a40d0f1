"""ak.to_numpy of strings and bytestrings (the column-gather path for short items and the
scatter path for long ones) against numpy's own conversion of the to_list() values."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import awkward as ak
from awkward.contents import ListArray, ListOffsetArray, NumpyArray
from awkward.index import Index64


def _strings(words, kind="string", start=0):
    encoded = [w.encode() if isinstance(w, str) else w for w in words]
    data = b"x" * start + b"".join(encoded)
    offsets = np.cumsum([start] + [len(w) for w in encoded])
    chars = NumpyArray(np.frombuffer(data, np.uint8).copy(),
                       parameters={"__array__": "char" if kind == "string" else "byte"})
    return ListOffsetArray(Index64(offsets), chars, parameters={"__array__": kind})


@pytest.mark.parametrize(
    "words",
    [
        ["a", "bc", "def"],
        ["", "", ""],
        [],
        ["héllo", "", "wörld", "x"],
        ["a" * 16, "b", "c" * 15],
        ["a" * 17, "", "b" * 40],
        ["日本", "語"],
    ],
)
@pytest.mark.parametrize("start", [0, 3])
def test_strings(words, start):
    out = ak.to_numpy(_strings(words, start=start))
    assert out.dtype.kind == "U"
    assert out.tolist() == words and out.dtype == np.array(words or [""]).dtype


@pytest.mark.parametrize("words", [[b"a", b"\x00b", b"cde"], [b"\xff" * 20, b""]])
def test_bytestrings(words):
    out = ak.to_numpy(_strings(words, kind="bytestring"))
    assert out.dtype.kind == "S"
    assert out.tolist() == np.array(words).tolist()


def test_listarray_of_strings_out_of_order():
    chars = NumpyArray(np.frombuffer(b"hello world", np.uint8).copy(), parameters={"__array__": "char"})
    layout = ListArray(Index64(np.array([6, 0, 5])), Index64(np.array([11, 5, 5])), chars,
                       parameters={"__array__": "string"})
    assert ak.to_numpy(layout).tolist() == ["world", "hello", ""]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(max_size=20), max_size=30), st.integers(0, 4))
def test_strings_hypothesis(words, start):
    words = [w.replace("\x00", "") for w in words]  # numpy's 'U' drops trailing NULs
    out = ak.to_numpy(_strings(words, start=start))
    assert out.tolist() == words
