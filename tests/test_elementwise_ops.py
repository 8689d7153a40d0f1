"""Element-wise ak.* functions (ak.round, real, imag, angle, nan_to_num, nan_to_none, zeros_like,
ones_like, full_like, values_astype, isclose) and ak.broadcast_fields: every layout kind against a
pure-Python model on to_list data, plain and rebuilt from counting generators; strings, errors
and laziness (which buffers are generated, which are shared)."""

from __future__ import annotations

import cmath
import math
import sys
from collections import Counter

import numpy as np
import pytest

import awkward as ak
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    EmptyArray,
    IndexedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
    UnmaskedArray,
)
from awkward.index import Index8, Index64, IndexU8

NAN, INF = float("nan"), float("inf")
VALUES = [1.25, -2.5, NAN, INF, 0.75, -INF, 3.0, 10.5]


def floats(values=None):
    return NumpyArray(np.array(VALUES if values is None else values, dtype=np.float64))


def jagged(counts, content):
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return ListOffsetArray(Index64(offsets), content)


KINDS = {
    "numpy": lambda: floats(),
    "numpy2d": lambda: NumpyArray(np.array(VALUES, dtype=np.float64).reshape(4, 2)),
    "regular": lambda: RegularArray(floats(), 2),
    "listoffset": lambda: jagged([3, 0, 5], floats()),
    "list": lambda: ListArray(Index64(np.array([4, 0, 2])), Index64(np.array([8, 2, 2])), floats()),
    "indexed": lambda: IndexedArray(Index64(np.array([3, 0, 2, 2])), floats()),
    "indexedoption": lambda: IndexedOptionArray(Index64(np.array([2, -1, 0, 7])), floats()),
    "bytemasked": lambda: ByteMaskedArray(
        Index8(np.array([1, 0, 1, 1, 0, 1, 1, 1], dtype=np.int8)), floats(), valid_when=True
    ),
    "bitmasked": lambda: BitMaskedArray(
        IndexU8(np.packbits(np.array([1, 1, 0, 1, 1, 0, 1, 1], dtype=np.uint8), bitorder="little")),
        floats(),
        valid_when=True,
        length=8,
        lsb_order=True,
    ),
    "unmasked": lambda: UnmaskedArray(floats()),
    "option_in_list": lambda: jagged([2, 2], IndexedOptionArray(Index64(np.array([0, -1, 2, 3])), floats())),
    "record": lambda: RecordArray([floats(VALUES[:4]), jagged([1, 0, 2, 1], floats(VALUES[4:]))], ["x", "y"]),
    "tuple": lambda: RecordArray([floats(VALUES[:4]), floats(VALUES[4:])], None),
    "union": lambda: UnionArray(
        Index8(np.array([0, 1, 0, 1], dtype=np.int8)),
        Index64(np.array([0, 0, 1, 1])),
        [floats(VALUES[:2]), jagged([3, 1], floats(VALUES[2:6]))],
    ),
    "empty": lambda: jagged([0, 0], EmptyArray()),
}


class LazySource:
    """The layout rebuilt by ak.from_buffers from generators that count their calls."""

    def __init__(self, layout):
        form, length, buffers = ak.to_buffers(layout)
        self.calls = Counter()
        self.keys = list(buffers)

        def generator(key):
            def generate():
                self.calls[key] += 1
                return buffers[key]

            return generate

        self.layout = ak.from_buffers(form, length, {k: generator(k) for k in buffers}, highlevel=False)


def build(kind, mode):
    layout = KINDS[kind]()
    return LazySource(layout).layout if mode == "lazy" else layout


def deep_map(f, value):
    """f applied at the leaves of nested lists/dicts/tuples (None stays None)."""
    if value is None:
        return None
    if isinstance(value, list):
        return [deep_map(f, x) for x in value]
    if isinstance(value, tuple):
        return tuple(deep_map(f, x) for x in value)
    if isinstance(value, dict):
        return {k: deep_map(f, v) for k, v in value.items()}
    return f(value)


def same(a, b):
    """Equality of nested data where NaN equals NaN and floats compare with a tolerance."""
    if isinstance(a, (list, tuple)):
        return isinstance(b, (list, tuple)) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if a is None or b is None:
        return a is b
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return a == b or math.isclose(a, b, rel_tol=1e-12)


BIG = sys.float_info.max


def model_nan_to_num(x):
    if math.isnan(x):
        return 0.0
    if math.isinf(x):
        return BIG if x > 0 else -BIG
    return x


def model_round1(x):
    return x if not math.isfinite(x) else float(np.round(x, 1))  # numpy's half-to-even


FUNCTIONS = {
    "round": (lambda a: ak.round(a, 1, highlevel=False), model_round1),
    "real": (lambda a: ak.real(a, highlevel=False), lambda x: x),
    "imag": (lambda a: ak.imag(a, highlevel=False), lambda x: 0.0),
    "angle": (lambda a: ak.angle(a, highlevel=False), lambda x: x if math.isnan(x) else cmath.phase(x)),
    "angle_deg": (
        lambda a: ak.angle(a, deg=True, highlevel=False),
        lambda x: x if math.isnan(x) else math.degrees(cmath.phase(x)),
    ),
    "nan_to_num": (lambda a: ak.nan_to_num(a, highlevel=False), model_nan_to_num),
    "nan_to_num_args": (
        lambda a: ak.nan_to_num(a, nan=-1.0, posinf=99.0, neginf=-99.0, highlevel=False),
        lambda x: -1.0 if math.isnan(x) else (99.0 if x == INF else (-99.0 if x == -INF else x)),
    ),
    "nan_to_none": (lambda a: ak.nan_to_none(a, highlevel=False), lambda x: None if math.isnan(x) else x),
    "zeros_like": (lambda a: ak.zeros_like(a, highlevel=False), lambda x: 0.0),
    "ones_like": (lambda a: ak.ones_like(a, highlevel=False), lambda x: 1.0),
    "full_like": (lambda a: ak.full_like(a, 7.5, highlevel=False), lambda x: 7.5),
    "full_like_int": (lambda a: ak.full_like(a, 7.5, dtype=np.int32, highlevel=False), lambda x: 7),
    "values_astype": (
        lambda a: ak.values_astype(a, np.float32, highlevel=False),
        lambda x: float(np.float32(x)),
    ),
    "isclose_self": (lambda a: ak.isclose(a, a, equal_nan=True, highlevel=False), lambda x: True),
    "isclose_scalar": (lambda a: ak.isclose(a, 1.25, highlevel=False), lambda x: x == 1.25),
}


@pytest.mark.parametrize("mode", ["plain", "lazy"])
@pytest.mark.parametrize("function", sorted(FUNCTIONS))
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_function_on_every_layout_kind(kind, function, mode):
    apply, python = FUNCTIONS[function]
    layout = build(kind, mode)
    expected = deep_map(python, KINDS[kind]().to_list())
    out = apply(layout)
    assert same(out.to_list(), expected)
    assert out.validity_error() == ""


@pytest.mark.parametrize("kind", ["listoffset", "record", "regular", "indexedoption", "union"])
def test_structure_and_parameters_are_kept(kind):
    layout = KINDS[kind]()
    named = layout.with_parameter("__list__" if layout.is_list else "name", "Thing")
    for out in (ak.zeros_like(named, highlevel=False), ak.round(named, highlevel=False)):
        assert out.form.type == named.form.type or str(out.form.type) == str(named.form.type)
        assert out.parameters == named.parameters


def test_complex_numbers():
    array = ak.Array([[1 + 2j, -3j], [], [4.0 + 0j]])
    assert ak.real(array).to_list() == [[1.0, 0.0], [], [4.0]]
    assert ak.imag(array).to_list() == [[2.0, -3.0], [], [0.0]]
    expected = [[cmath.phase(z) for z in row] for row in array.to_list()]
    assert same(ak.angle(array).to_list(), expected)
    assert str(ak.real(array).type) == "3 * var * float64"
    ints = ak.Array([[1, 2], [3]])
    assert str(ak.real(ints).type) == "2 * var * int64"  # numpy.real keeps real dtypes
    assert str(ak.imag(ints).type) == "2 * var * int64"


def test_round_decimals_and_errors():
    array = ak.Array([[1.234, 25.0], [-7.5]])
    assert ak.round(array, 2).to_list() == [[1.23, 25.0], [-7.5]]
    assert ak.round(array, -1).to_list() == [[0.0, 20.0], [-10.0]]
    assert ak.round(array).to_list() == [[1.0, 25.0], [-8.0]]
    with pytest.raises(TypeError, match="decimals must be an integer"):
        ak.round(array, 1.5)
    with pytest.raises(TypeError, match="'out'"):
        ak.round(array, out=np.zeros(3))


def test_nan_to_none_does_not_nest_options():
    array = ak.Array([[1.0, NAN, None], [], [NAN]])
    out = ak.nan_to_none(array)
    assert out.to_list() == [[1.0, None, None], [], [None]]
    assert str(out.type) == "3 * var * ?float64"
    ints = ak.Array([[1, 2], [3]])
    assert ak.nan_to_none(ints).layout.form == ints.layout.form  # integers cannot be NaN


def test_nan_to_num_with_array_replacements():
    array = ak.Array([[NAN, 1.0], [INF]])
    out = ak.nan_to_num(array, nan=ak.Array([10.0, 20.0]), posinf=ak.Array([[5.0, 6.0], [7.0]]))
    assert out.to_list() == [[10.0, 1.0], [7.0]]


def test_full_like_family_options_records_and_dtypes():
    array = ak.Array([{"x": 1.5, "y": [1, None]}, {"x": 2.5, "y": []}])
    assert ak.zeros_like(array).to_list() == [{"x": 0.0, "y": [0, None]}, {"x": 0.0, "y": []}]
    out = ak.full_like(array, 3, dtype=np.int8)
    assert str(out.type) == "2 * {x: int8, y: var * ?int8}"
    assert ak.ones_like(ak.Array([[True, False]])).to_list() == [[True, True]]
    with pytest.raises(TypeError, match="not understood"):
        ak.zeros_like(array, dtype="no-such-dtype")


def test_unknown_leaves_and_including_unknown():
    array = ak.Array([[], []])
    assert str(ak.zeros_like(array).type) == "2 * var * unknown"
    assert str(ak.zeros_like(array, including_unknown=True).type) == "2 * var * unknown"
    assert str(ak.zeros_like(array, dtype=np.int16, including_unknown=True).type) == "2 * var * int16"
    assert str(ak.values_astype(array, np.int16).type) == "2 * var * unknown"
    assert str(ak.values_astype(array, np.int16, including_unknown=True).type) == "2 * var * int16"


def test_strings():
    words = ak.Array([["ab", "c"], [], ["def"]])
    assert ak.zeros_like(words).to_list() == [["", ""], [], [""]]
    assert ak.ones_like(words).to_list() == [["1", "1"], [], ["1"]]
    assert ak.full_like(words, "xy").to_list() == [["xy", "xy"], [], ["xy"]]
    assert str(ak.full_like(words, "xy").type) == "3 * var * string"
    numbers = ak.full_like(words, 12, dtype=np.float32)
    assert numbers.to_list() == [[12.0, 12.0], [], [12.0]]
    assert str(numbers.type) == "3 * var * float32"
    assert ak.full_like(ak.Array([b"ab", b"c"]), 7).to_list() == [b"7", b"7"]
    assert ak.values_astype(words, np.float32).to_list() == words.to_list()  # strings untouched
    assert ak.nan_to_none(words).to_list() == words.to_list()
    mixed = ak.Array([{"x": 1.5, "s": "ab"}])
    for function in (ak.round, ak.real, ak.imag, ak.angle, ak.nan_to_num):
        with pytest.raises(TypeError, match="not defined for strings"):
            function(mixed)
    with pytest.raises(TypeError, match="not defined for strings"):
        ak.isclose(words, words)


def test_isclose_broadcasting_and_errors():
    a = ak.Array([[1.001, 2.0], [], [3.0]])
    b = ak.Array([1.0, 5.0, 3.0])
    assert ak.isclose(a, b, rtol=0.01).to_list() == [[True, False], [], [True]]
    assert ak.isclose(1.0, a, atol=0.01).to_list() == [[True, False], [], [False]]
    records = ak.Array([{"x": 1.0, "y": [NAN]}])
    assert ak.isclose(records, records).to_list() == [{"x": True, "y": [False]}]
    assert ak.isclose(records, records, equal_nan=True).to_list() == [{"x": True, "y": [True]}]
    with pytest.raises(ValueError, match="cannot broadcast"):
        ak.isclose(a, ak.Array([[1.0], [], [1.0]]))
    with pytest.raises(TypeError, match="at least one"):
        ak.isclose(1.0, 2.0)


def test_values_astype_conversions():
    array = ak.Array([[1.7, -2.5], [None]])
    assert ak.values_astype(array, np.int32).to_list() == [[1, -2], [None]]
    assert str(ak.values_astype(array, "int32").type) == "2 * var * ?int32"
    assert ak.values_astype(ak.Array([[True, False]]), np.float64).to_list() == [[1.0, 0.0]]
    with pytest.raises(TypeError, match="not understood"):
        ak.values_astype(array, "foo")


def test_behavior_and_highlevel():
    behavior = {"marker": object()}
    array = ak.Array([[1.5]], behavior=behavior)
    assert ak.round(array).behavior is behavior
    assert isinstance(ak.zeros_like(array.layout), ak.Array)
    assert isinstance(ak.zeros_like(array, highlevel=False), ListOffsetArray)
    with pytest.raises(TypeError, match="ak.round"):
        ak.round(object())


# ---------------------------------------------------------------------- laziness
def test_zeros_like_reads_no_values_and_shares_offsets():
    source = LazySource(jagged([2, 0, 3], floats(VALUES[:5])))
    out = ak.zeros_like(source.layout, highlevel=False)
    assert out.offsets is source.layout.offsets
    data_keys = [k for k in source.keys if k.endswith("-data")]
    assert data_keys and all(source.calls[k] == 0 for k in data_keys)
    assert out.to_list() == [[0.0, 0.0], [], [0.0, 0.0, 0.0]]


@pytest.mark.parametrize("name", ["round", "nan_to_num", "nan_to_none", "values_astype", "real", "full_like"])
def test_field_of_record_reads_only_that_field(name):
    source = LazySource(KINDS["record"]())
    x = source.layout["x"]
    FUNCTIONS[name][0](x).to_list()
    y_keys = [k for k in source.keys if k not in source.calls]
    assert y_keys  # y's buffers exist and were never generated
    assert all(n == 1 for n in source.calls.values())


@pytest.mark.parametrize("kind", ["indexedoption", "bytemasked", "list", "regular", "union", "option_in_list"])
def test_structure_buffers_are_shared(kind):
    source = LazySource(KINDS[kind]())
    out = ak.round(source.layout, highlevel=False)
    assert all(n == 1 for n in source.calls.values())
    before, after = source.layout, out
    while not before.is_numpy:
        if before.is_union:
            assert after.tags is before.tags and after.index is before.index
            break
        for key, buffer in before._buffers_by_attribute().items():
            assert after._buffers_by_attribute()[key] is buffer
        before, after = before.content, after.content


# ---------------------------------------------------------------------- ak.broadcast_fields
def test_broadcast_fields_union_of_fields():
    a = ak.Array([{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}])
    b = ak.Array([[{"z": 1.5}], [], [{"y": [3], "z": 2.5}]][2:] * 2)
    c = ak.Array([{"y": [9], "x": 9}, {"y": [], "x": 8}])
    out = ak.broadcast_fields(a, b, c)
    assert [x.fields for x in out] == [["x", "y", "z"]] * 3
    assert out[0].to_list() == [{"x": 1, "y": [1, 2], "z": None}, {"x": 2, "y": [], "z": None}]
    assert out[1].to_list() == [[{"x": None, "y": [3], "z": 2.5}]] * 2
    assert out[2].to_list() == [{"x": 9, "y": [9], "z": None}, {"x": 8, "y": [], "z": None}]
    assert str(out[0].type) == "2 * {x: int64, y: var * int64, z: ?unknown}"


def test_broadcast_fields_nested_records_and_options():
    a = ak.Array([{"p": {"a": 1}}, None])
    b = ak.Array([{"p": {"b": 2.5}, "q": 1}])
    out_a, out_b = ak.broadcast_fields(a, b)
    assert out_a.to_list() == [{"p": {"a": 1, "b": None}, "q": None}, None]
    assert out_b.to_list() == [{"p": {"a": None, "b": 2.5}, "q": 1}]
    same_fields = ak.Array([{"x": 1}])
    (alone,) = ak.broadcast_fields(same_fields)
    assert alone.layout.form == same_fields.layout.form
    assert ak.broadcast_fields() == []


def test_broadcast_fields_is_lazy_and_errors():
    source = LazySource(RecordArray([jagged([1, 2], floats(VALUES[:3]))], ["x"]))
    out, _ = ak.broadcast_fields(source.layout, ak.Array([{"y": 1}]), highlevel=False)
    assert out.fields == ["x", "y"]
    assert out.content("x") is source.layout.content("x")
    assert not any(k.endswith("-data") for k in source.calls)
    with pytest.raises(ValueError, match="record"):
        ak.broadcast_fields(ak.Array([[1]]), ak.Array([{"x": 1}]))
    with pytest.raises(TypeError, match="unions"):
        ak.broadcast_fields(ak.Array([{"x": 1}, 2]), ak.Array([{"y": 1}]))
    with pytest.raises(TypeError):
        ak.broadcast_fields(ak.Array([{"x": 1}]), 1)
