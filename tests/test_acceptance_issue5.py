"""Acceptance checks for issue 5 (ak.Array/ak.Record, ArrayBuilder, printing, conversions,
behaviors, strings): the gaps the review found, each against behaviour that awkward users
rely on. Laziness is measured by counting generator calls."""

from __future__ import annotations

import io
import pickle
from collections import Counter

import numpy as np
import pytest

import awkward as ak


# ---------------------------------------------------------------------- helpers
def lazy_copy(array):
    """``array`` rebuilt by ak.from_buffers from generators that count their calls."""
    form, length, buffers = ak.to_buffers(array)
    calls = Counter()

    def generator(key):
        def generate():
            calls[key] += 1
            return buffers[key]

        return generate

    lazy = ak.from_buffers(form, length, {key: generator(key) for key in buffers})
    return lazy, calls


EVERY_KIND = {
    "numpy": lambda: ak.Array([1, 2, 3]),
    "numpy_2d": lambda: ak.Array(np.arange(24).reshape(2, 3, 4)),
    "regular": lambda: ak.to_regular(ak.Array([[1, 2], [3, 4]])),
    "jagged": lambda: ak.Array([[1, 2, 3], [], [4, 5]]),
    "jagged_2": lambda: ak.Array([[[1]], [[2, 3], []]]),
    "option": lambda: ak.Array([1, None, 3]),
    "option_list": lambda: ak.Array([[1, 2], None, [3]]),
    "bytemasked": lambda: ak.Array(
        ak.contents.ByteMaskedArray(
            ak.index.Index8(np.array([1, 0, 1], dtype=np.int8)),
            ak.contents.NumpyArray(np.array([1.5, 2.5, 3.5])),
            valid_when=True,
        )
    ),
    "union": lambda: ak.Array([1, "two", [3]]),
    "record": lambda: ak.Array([{"x": 1, "y": [1.5]}, {"x": 2, "y": []}]),
    "tuple": lambda: ak.Array([(1, "a"), (2, "bb")]),
    "strings": lambda: ak.Array(["one", "two", "three"]),
    "bytestrings": lambda: ak.Array([b"one", b"\x00\xff"]),
    "nested_records": lambda: ak.Array([{"x": [{"y": "s", "z": {"w": 1}}]}] * 3),
    "long": lambda: ak.Array(list(range(1000))),
}


def make(kind):
    # materialized: in the virtualized test mode every buffer starts out virtual
    return ak.materialize(EVERY_KIND[kind]())


# ---------------------------------------------------------------------- printing
@pytest.mark.parametrize("kind", sorted(EVERY_KIND))
def test_printing_every_kind_lazily_runs_no_generator(kind):
    concrete = make(kind)
    lazy, calls = lazy_copy(concrete)
    text = repr(lazy), str(lazy), str(lazy.type), len(lazy), lazy.fields, dir(lazy)
    stream = io.StringIO()
    lazy.show(type=True, stream=stream)
    assert calls == Counter(), f"printing ran generators: {dict(calls)}"
    assert not lazy.layout.is_any_materialized
    assert "??" in text[0] and "??" in stream.getvalue()
    # the same array with its data printed: same structure, values instead of ??
    shown = repr(concrete)
    assert "??" not in shown
    assert str(concrete.type) == text[2]


@pytest.mark.parametrize("kind", sorted(EVERY_KIND))
def test_materialized_lazy_array_prints_like_the_original(kind):
    concrete = make(kind)
    lazy, _ = lazy_copy(concrete)
    assert repr(ak.materialize(lazy)) == repr(concrete)
    assert str(ak.materialize(lazy)) == str(concrete)


def test_long_output_fits_the_width_given():
    array = ak.Array([[{"x": i, "y": "s" * i} for i in range(j)] for j in range(40)])
    for width in (40, 60, 120):
        stream = io.StringIO()
        array.show(limit_cols=width, stream=stream)
        assert max(len(line) for line in stream.getvalue().splitlines()) <= width


# ---------------------------------------------------------------------- strings as values
def test_one_string_of_an_array_is_a_python_string():
    texts = ak.Array(["one", "two", "thr\u00e9e"])
    assert texts[1] == "two" and isinstance(texts[1], str)
    assert texts[-1] == "thr\u00e9e"
    assert list(texts) == ["one", "two", "thr\u00e9e"]
    blobs = ak.Array([b"a", b"\x00\xff"])
    assert blobs[1] == b"\x00\xff" and isinstance(blobs[1], bytes)
    assert list(blobs) == [b"a", b"\x00\xff"]


def test_strings_inside_lists_and_records_are_python_strings():
    nested = ak.Array([["a", "b"], ["c"]])
    assert nested[0, 1] == "b"
    assert nested[0][1] == "b"
    assert [list(row) for row in nested] == [["a", "b"], ["c"]]
    records = ak.Array([{"s": "abc", "b": b"xy"}, {"s": "", "b": b""}])
    assert records[0].s == "abc" and records[0]["b"] == b"xy"
    assert records.s[1] == "" and records[1].b == b""
    # slices of strings stay arrays of strings
    assert isinstance(nested[0], ak.Array) and nested[0].to_list() == ["a", "b"]
    assert isinstance(ak.Array(["x", "y"])[0:1], ak.Array)


def test_string_element_of_a_lazy_array_reads_only_what_it_needs():
    lazy, calls = lazy_copy(ak.Array([{"s": "abc", "n": 1}, {"s": "de", "n": 2}]))
    assert lazy[1].s == "de"
    assert set(calls) == {"node1-offsets", "node2-data"}  # field n (node3) was not read


# ---------------------------------------------------------------------- ArrayBuilder
def test_builder_field_and_index_return_the_builder_for_chaining():
    builder = ak.ArrayBuilder()
    builder.begin_record("P")
    assert builder.field("x") is builder
    builder.field("x").real(1.5)
    builder.field("y").integer(2)
    builder.end_record()
    with builder.tuple(2):
        assert builder.index(0) is builder
        builder.index(0).integer(1)
        builder.index(1).string("s")
    assert builder.to_list() == [{"x": 1.5, "y": 2}, (1, "s")]


def test_builder_misuse_errors_name_the_call():
    for program, call in [
        (lambda b: b.end_list(), "end_list"),
        (lambda b: b.end_record(), "end_record"),
        (lambda b: b.end_tuple(), "end_tuple"),
        (lambda b: b.field("x"), "field"),
        (lambda b: b.index(0), "index"),
    ]:
        builder = ak.ArrayBuilder()
        with pytest.raises(ValueError, match=call):
            program(builder)
        builder.integer(3)  # the builder is still usable
        assert builder.to_list() == [3]
    builder = ak.ArrayBuilder()
    builder.begin_list()
    with pytest.raises(ValueError, match="end_record"):
        builder.end_record()


# ---------------------------------------------------------------------- conversions
def test_from_json_of_a_string_document_is_an_array_of_characters():
    out = ak.from_json('"abc"')
    assert isinstance(out, ak.Array)
    assert str(out.type) == "3 * char"
    assert bytes(out.to_numpy()) == b"abc"
    assert isinstance(ak.from_json('"abc"', highlevel=False), ak.contents.Content)
    assert ak.from_json("3") == 3 and ak.from_json("null") is None


@pytest.mark.parametrize(
    "value, expected",
    [(1, "int64"), (True, "bool"), (1.5, "float64"), (1j, "complex128"), (np.float32(1), "float32"),
     (np.datetime64("2020-01-01"), "datetime64[D]"), (None, "unknown"), (np.dtype("i4"), "int32")],
)
def test_type_of_a_scalar_is_a_scalar_type(value, expected):
    out = ak.type(value)
    assert isinstance(out, ak.types.ScalarType)
    assert str(out) == expected


def test_type_of_a_zero_d_numpy_array_is_a_one_element_array():
    out = ak.type(np.array(5))
    assert isinstance(out, ak.types.ArrayType) and str(out) == "1 * int64"


def test_backend_ignores_python_lists_and_numbers():
    assert ak.backend(ak.Array([1]), np.arange(3), [1, 2], 5) == "cpu"
    with pytest.raises(TypeError, match="no backend"):
        ak.backend([1, 2], 5)


@pytest.mark.parametrize("kind", sorted(EVERY_KIND))
def test_round_trips_of_every_kind(kind):
    array = make(kind)
    data = array.to_list()
    assert ak.from_iter(data).to_list() == data
    assert ak.Array(data).to_list() == data
    again = pickle.loads(pickle.dumps(array))
    assert again.to_list() == data and str(again.type) == str(array.type)
    if kind not in ("bytestrings", "tuple", "union"):  # JSON has no bytes and no tuples
        assert ak.from_json(ak.to_json(array)).to_list() == data


@pytest.mark.parametrize("kind", sorted(EVERY_KIND))
def test_pickling_a_lazy_array_materializes_it(kind):
    array = make(kind)
    lazy, calls = lazy_copy(array)
    data = pickle.dumps(lazy)
    # every buffer was generated once, and the pickle holds data, not generators
    assert set(calls) == set(ak.to_buffers(array)[2]) and set(calls.values()) == {1}
    again = pickle.loads(data)
    assert again.to_list() == array.to_list()
    assert set(calls.values()) == {1}


# ---------------------------------------------------------------------- behaviors
def test_behavior_overrides_record_getitem_and_adds_array_methods():
    behavior = {}

    class Labelled(ak.Record):
        def __getitem__(self, where):
            if where == "label":
                return f"#{super().__getitem__('n')}"
            return super().__getitem__(where)

    class LabelledArray(ak.Array):
        def total(self):
            return sum(self.n.to_list())

        @property
        def doubled(self):
            return self.n * 2

    behavior["Labelled"] = Labelled
    behavior["*", "Labelled"] = LabelledArray
    array = ak.Array([{"n": 1}, {"n": 2}], with_name="Labelled", behavior=behavior)
    assert isinstance(array, LabelledArray) and isinstance(array[0], Labelled)
    assert array[1]["label"] == "#2"
    assert array.total() == 3
    assert array.doubled.to_list() == [2, 4]
    # a plain array with the same data has none of it
    plain = ak.Array([{"n": 1}])
    assert not isinstance(plain, LabelledArray) and not hasattr(plain, "total")


# ---------------------------------------------------------------------- fields
def test_setting_a_field_of_records_inside_lists_broadcasts():
    array = ak.Array([[{"x": 1}, {"x": 2}], [], [{"x": 3}]])
    array["y"] = array.x * 10
    assert array.to_list() == [[{"x": 1, "y": 10}, {"x": 2, "y": 20}], [], [{"x": 3, "y": 30}]]
    array["z"] = ak.Array([100, 200, 300])  # one value per list, repeated into it
    assert array.z.to_list() == [[100, 100], [], [300]]
    array["w"] = 7
    assert array.w.to_list() == [[7, 7], [], [7]]
    with pytest.raises(ValueError, match="cannot broadcast"):
        array["v"] = ak.Array([[1], [], [1]])
    optional = ak.Array([{"x": 1}, None, {"x": 3}])
    optional["y"] = ak.Array([5, 6, 7])
    assert optional.to_list() == [{"x": 1, "y": 5}, None, {"x": 3, "y": 7}]


def test_setting_a_field_lazily_reads_nothing_of_the_others():
    lazy, calls = lazy_copy(ak.Array([[{"x": 1, "y": 2.5}], [], [{"x": 3, "y": 4.5}]]))
    lazy["z"] = 1
    assert lazy.fields == ["x", "y", "z"]
    assert lazy.z.to_list() == [[1], [], [1]]
    assert not any(key.startswith(("node2", "node3")) for key in calls), dict(calls)


def test_attribute_assignment_is_refused_and_names_the_bracket_form():
    array = ak.Array([{"x": 1}])
    with pytest.raises(AttributeError, match=r"array\['z'\] = "):
        array.z = 5
    with pytest.raises(AttributeError, match="brackets"):
        array.x = 5
    assert array.fields == ["x"]
    array.behavior = {}  # properties of the class stay settable
    array._private = 1
