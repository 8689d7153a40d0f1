"""ak.from_iter / ak.to_list round trips, ak.to_layout policies, to/from_regular, copy,
backend, to_backend, and laziness of the ak.to_* conversions (counting generators)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import awkward as ak
from awkward.contents import ListOffsetArray, NumpyArray, RecordArray, RegularArray
from awkward.index import Index64

# ------------------------------------------------------------------ from_iter <-> to_list


def _leaf(kind):
    return {
        "int": st.integers(-(2**40), 2**40),
        "float": st.floats(allow_nan=False, allow_infinity=False, width=64),
        "bool": st.booleans(),
        "str": st.text(max_size=5),
        "bytes": st.binary(max_size=5),
    }[kind]


@st.composite
def _typed(draw, depth=0):
    """A strategy for one uniform type (so that to_list gives back exactly the input)."""
    choices = ["leaf", "list", "record", "option"] if depth < 3 else ["leaf"]
    shape = draw(st.sampled_from(choices))
    if shape == "leaf":
        return _leaf(draw(st.sampled_from(["int", "float", "bool", "str", "bytes"])))
    if shape == "list":
        inner = draw(_typed(depth + 1))
        return st.lists(inner, max_size=4)
    if shape == "option":
        inner = draw(_typed(depth + 1))
        return st.none() | inner
    names = draw(st.lists(st.sampled_from("xyzw"), min_size=1, max_size=3, unique=True))
    fields = {name: draw(_typed(depth + 1)) for name in names}
    return st.fixed_dictionaries(fields)


@st.composite
def _uniform_data(draw):
    element = draw(_typed())
    return draw(st.lists(element, max_size=6))


def _same(a, b):
    """Equality that treats floats by value (ints that became floats compare equal)."""
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and math.isclose(a, b)
    if isinstance(a, list):
        return isinstance(b, list) and len(a) == len(b) and all(map(_same, a, b))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


@settings(max_examples=150, deadline=None)
@given(_uniform_data())
def test_from_iter_to_list_round_trip(data):
    layout = ak.from_iter(data, highlevel=False)
    assert len(layout) == len(data)
    assert ak.to_list(layout) == data or _same(ak.to_list(layout), data)
    # and through to_layout, and array_equal with itself
    assert ak.array_equal(layout, ak.to_layout(data))


_any_value = st.recursive(
    st.none() | st.integers(-100, 100) | st.floats(allow_nan=False, allow_infinity=False)
    | st.booleans() | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from("ab"), inner, max_size=2),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_any_value, max_size=6))
def test_from_iter_to_list_mixed_types(data):
    # unions and options: values survive, ints may widen to floats next to floats
    back = ak.to_list(ak.from_iter(data, highlevel=False))
    assert len(back) == len(data)
    assert _same_loose(back, data)


def _same_loose(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b and type(a) is type(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(map(_same_loose, a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        # records that lack a field in some rows get None there
        keys = set(a) | set(b)
        return all(_same_loose(a.get(k), b.get(k)) for k in keys)
    return a == b


def test_from_iter_tuples_records_and_single_dict():
    layout = ak.from_iter([(1, "a"), (2, "b")], highlevel=False)
    assert layout.is_tuple
    assert ak.to_list(layout) == [(1, "a"), (2, "b")]
    record = ak.from_iter({"x": 1, "y": [1, 2]}, highlevel=False)
    assert isinstance(record, ak.record.Record)
    assert ak.to_list(record) == {"x": 1, "y": [1, 2]}


def test_from_iter_errors():
    with pytest.raises(ValueError, match="single dict"):
        ak.from_iter({"x": 1}, allow_record=False)
    with pytest.raises(TypeError, match="non-iterable"):
        ak.from_iter(5)
    with pytest.raises(TypeError, match="single str"):
        ak.from_iter("abc")


def test_to_list_of_python_and_numpy_objects():
    assert ak.to_list(np.float64(1.5)) == 1.5
    assert ak.to_list({"a": ak.from_iter([1, 2], highlevel=False)}) == {"a": [1, 2]}
    assert ak.to_list([np.arange(2), None, "s"]) == [[0, 1], None, "s"]
    assert ak.to_list("abc") == "abc"


# ------------------------------------------------------------------ to_layout


def test_to_layout_policies():
    assert ak.to_layout(5).to_list() == [5]
    assert ak.to_layout(5, primitive_policy="pass-through") == 5
    with pytest.raises(TypeError, match="scalar"):
        ak.to_layout(5, primitive_policy="error")
    chars = ak.to_layout("hello")
    assert chars.parameter("__array__") == "char" and len(chars) == 5
    assert ak.to_layout("hello", string_policy="promote").to_list() == ["hello"]
    assert ak.to_layout(b"hi", string_policy="promote").to_list() == [b"hi"]
    assert ak.to_layout("hello", string_policy="pass-through") == "hello"
    with pytest.raises(TypeError, match="string_policy"):
        ak.to_layout("hello", string_policy="error")
    with pytest.raises(TypeError, match="None"):
        ak.to_layout(None)
    assert ak.to_layout(None, none_policy="pass-through") is None
    assert ak.to_layout(None, none_policy="promote").to_list() == [None]
    with pytest.raises(TypeError, match="use_from_iter"):
        ak.to_layout([1, 2], use_from_iter=False)
    with pytest.raises(ValueError, match="single dict"):
        ak.to_layout({"x": 1}, allow_record=False)
    assert isinstance(ak.to_layout({"x": 1}), ak.record.Record)
    with pytest.raises(TypeError, match="object"):
        ak.to_layout(object())
    sentinel = object()
    assert ak.to_layout(sentinel, allow_unknown=True) is sentinel
    with pytest.raises(ValueError, match="primitive_policy"):
        ak.to_layout(1, primitive_policy="bogus")


def test_to_layout_numpy_and_layouts():
    data = np.arange(6).reshape(2, 3)
    assert isinstance(ak.to_layout(data), RegularArray)
    flat = ak.to_layout(data, regulararray=False)
    assert isinstance(flat, NumpyArray) and flat.shape == (2, 3)
    layout = ak.from_iter([[1]], highlevel=False)
    assert ak.to_layout(layout) is layout
    assert ak.to_layout(np.float64(1.5)).to_list() == [1.5]


# ------------------------------------------------------------------ to_regular / from_regular


def test_to_regular_axes():
    layout = ak.from_iter([[[1, 2], [3, 4]], [[5, 6], [7, 8]]], highlevel=False)
    assert str(ak.to_regular(layout, axis=1, highlevel=False).form.type) == "2 * var * int64"
    assert str(ak.to_regular(layout, axis=-1, highlevel=False).form.type) == "var * 2 * int64"
    assert str(ak.to_regular(layout, axis=None, highlevel=False).form.type) == "2 * 2 * int64"
    assert ak.to_regular(layout, axis=0, highlevel=False) is layout
    records = ak.from_iter([{"x": [1, 2]}, {"x": [3, 4]}], highlevel=False)
    assert str(ak.to_regular(records, highlevel=False).form.type) == "{x: 2 * int64}"
    assert ak.to_regular(layout, axis=None, highlevel=False).to_list() == layout.to_list()


def test_to_regular_errors():
    with pytest.raises(ValueError, match="different lengths"):
        ak.to_regular(ak.from_iter([[1, 2], [3]], highlevel=False))
    with pytest.raises(ValueError, match="exceeds the depth"):
        ak.to_regular(ak.from_iter([[1, 2]], highlevel=False), axis=2)
    with pytest.raises(ValueError, match="exceeds the depth"):
        ak.to_regular(ak.from_iter([[1, 2]], highlevel=False), axis=-3)
    with pytest.raises(TypeError, match="axis"):
        ak.to_regular(ak.from_iter([[1, 2]], highlevel=False), axis="1")


def test_from_regular_axes():
    layout = ak.from_numpy(np.zeros((2, 3, 4)), highlevel=False)
    assert str(ak.from_regular(layout, axis=None, highlevel=False).form.type) == "var * var * float64"
    assert str(ak.from_regular(layout, axis=1, highlevel=False).form.type) == "var * 4 * float64"
    assert str(ak.from_regular(layout, axis=2, highlevel=False).form.type) == "3 * var * float64"
    assert ak.from_regular(layout, axis=None, highlevel=False).to_list() == layout.to_list()
    assert ak.from_regular(layout, axis=0, highlevel=False) is layout


# ------------------------------------------------------------------ copy, backend


def test_copy_is_deep():
    data = np.array([1.0, 2.0, 3.0])
    layout = NumpyArray(data)
    copied = ak.copy(layout)
    assert copied.to_list() == [1.0, 2.0, 3.0]
    data[0] = 99.0
    assert copied.to_list()[0] == 1.0
    record = ak.from_iter({"x": 1}, highlevel=False)
    assert ak.to_list(ak.copy(record)) == {"x": 1}
    with pytest.raises(TypeError, match="ak.copy"):
        ak.copy(object())


def test_backend_and_to_backend():
    layout = ak.from_iter([[1, 2]], highlevel=False)
    assert ak.backend(layout) == "cpu"
    assert ak.backend(layout, np.arange(3), 5) == "cpu"
    with pytest.raises(TypeError, match="no backend"):
        ak.backend(5)
    assert ak.to_backend(layout, "cpu", highlevel=False) is layout
    with pytest.raises(ValueError, match="unknown backend"):
        ak.to_backend(layout, "tpu")


def test_to_backend_cuda_when_available():
    cupy = pytest.importorskip("cupy")
    try:
        cupy.zeros(1)
    except Exception:  # no device
        pytest.skip("no CUDA device")
    layout = ak.from_iter([[1, 2], [3]], highlevel=False)
    moved = ak.to_backend(layout, "cuda", highlevel=False)
    assert ak.backend(moved) == "cuda"
    assert ak.to_list(ak.to_backend(moved, "cpu", highlevel=False)) == [[1, 2], [3]]


# ------------------------------------------------------------------ laziness


class _Counting:
    def __init__(self, container):
        self.calls = {}
        self.container = {}
        for key, value in container.items():
            self.container[key] = self._wrap(key, value)

    def _wrap(self, key, value):
        def generate():
            self.calls[key] = self.calls.get(key, 0) + 1
            return value

        return generate

    def ran(self, prefix):
        return sum(n for key, n in self.calls.items() if key.startswith(prefix))


def _virtual_records():
    x = ListOffsetArray(Index64(np.array([0, 2, 3, 5])), NumpyArray(np.arange(5.0)))
    y = NumpyArray(np.array([10, 20, 30]))
    layout = RecordArray([x, y], ["x", "y"])
    form, length, container = ak.to_buffers(layout, form_key="{id}")
    # give each field's keys a recognizable prefix
    counting = _Counting(container)
    virtual = ak.from_buffers(form, length, counting.container, highlevel=False)
    return virtual, counting, form


def test_to_list_of_one_field_runs_only_its_generators():
    virtual, counting, form = _virtual_records()
    x_keys = {k for k in counting.container if k.split("-")[0] in ("1", "2")}
    assert counting.calls == {}
    assert ak.to_list(virtual["x"]) == [[0.0, 1.0], [2.0], [3.0, 4.0]]
    assert set(counting.calls) <= x_keys and counting.calls
    assert ak.to_list(virtual["y"]) == [10, 20, 30]
    assert all(n == 1 for n in counting.calls.values())


def test_to_numpy_and_to_json_of_one_field():
    virtual, counting, _ = _virtual_records()
    out = ak.to_numpy(virtual["y"])
    assert out.tolist() == [10, 20, 30]
    assert set(counting.calls) == {k for k in counting.container if k.startswith("3-")}
    assert ak.to_json(virtual["x"]) == "[[0.0,1.0],[2.0],[3.0,4.0]]"
    assert ak.to_json(virtual) == (
        '[{"x":[0.0,1.0],"y":10},{"x":[2.0],"y":20},{"x":[3.0,4.0],"y":30}]'
    )


def test_metadata_operations_read_nothing():
    virtual, counting, _ = _virtual_records()
    assert not ak.is_tuple(virtual)
    assert ak.parameters(virtual) == {}
    named = ak.with_name(virtual, "Point", highlevel=False)
    assert named.parameter("__record__") == "Point"
    ak.without_parameters(named, highlevel=False)
    ak.with_parameter(virtual, "p", 1, highlevel=False)
    assert ak.backend(virtual) == "cpu"
    ak.from_regular(virtual, axis=None, highlevel=False)
    assert counting.calls == {}
