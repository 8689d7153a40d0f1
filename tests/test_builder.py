"""awkward.builder.ArrayBuilder: the layout-level engine (types discovered from data,
explicit calls, append/extend of Python objects, snapshots, misuse errors)."""

from __future__ import annotations

import datetime
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awkward._builder import call_append
from awkward.builder import ArrayBuilder


def built(values, mode="append"):
    b = ArrayBuilder()
    if mode == "append":
        for v in values:
            b.append(v)
    elif mode == "extend":
        b.extend(values)
    else:  # every object replayed as explicit calls
        for v in values:
            b._root = call_append(b._root, v)
    return b


def type_and_list(b):
    layout = b.snapshot()
    assert str(layout.form.type) == str(b.type)  # form without buffers == snapshot's form
    assert len(layout) == len(b)
    return str(b.type), layout.to_list()


def index_values(index):
    return np.asarray(index.data).tolist()


# ---------------------------------------------------------------------------- explicit calls
def test_each_scalar_method():
    b = ArrayBuilder()
    b.boolean(True)
    assert type_and_list(b) == ("bool", [True])
    b = ArrayBuilder()
    b.integer(3)
    b.integer(-4)
    assert type_and_list(b) == ("int64", [3, -4])
    b = ArrayBuilder()
    b.real(1.5)
    assert type_and_list(b) == ("float64", [1.5])
    b = ArrayBuilder()
    b.complex(1 + 2j)
    assert type_and_list(b) == ("complex128", [1 + 2j])
    b = ArrayBuilder()
    b.string("héllo")
    b.string("")
    assert type_and_list(b) == ("string", ["héllo", ""])
    b = ArrayBuilder()
    b.bytestring(b"\x00ab")
    assert type_and_list(b) == ("bytes", [b"\x00ab"])
    b = ArrayBuilder()
    b.null()
    b.null()
    assert type_and_list(b) == ("?unknown", [None, None])


def test_datetime_and_timedelta():
    b = ArrayBuilder()
    b.datetime(np.datetime64("2020-01-02T03:04", "m"))
    b.datetime("2021-05-06T00:00")  # ISO string, same unit
    assert str(b.type) == "datetime64[m]"
    assert b.snapshot().to_list() == [datetime.datetime(2020, 1, 2, 3, 4), datetime.datetime(2021, 5, 6)]
    b = ArrayBuilder()
    b.timedelta(np.timedelta64(5, "s"))
    b.timedelta(datetime.timedelta(seconds=2))  # Python timedelta -> microseconds: another unit
    assert str(b.type) == "union[timedelta64[s], timedelta64[us]]"
    with pytest.raises(TypeError, match="timedelta64"):
        b.timedelta(3)


def test_integers_then_reals_promote_to_float64():
    b = ArrayBuilder()
    b.integer(1)
    b.integer(2)
    b.real(2.5)
    b.integer(3)
    assert type_and_list(b) == ("float64", [1.0, 2.0, 2.5, 3.0])
    b.complex(1j)
    assert type_and_list(b) == ("complex128", [1, 2, 2.5, 3, 1j])


def test_bool_and_int_make_a_union():
    b = ArrayBuilder()
    b.integer(1)
    b.boolean(False)
    b.integer(2)
    layout = b.snapshot()
    assert str(b.type) == "union[int64, bool]"
    assert layout.to_list() == [1, False, 2]
    assert index_values(layout.tags) == [0, 1, 0]
    assert index_values(layout.index) == [0, 0, 1]


def test_lists():
    b = ArrayBuilder()
    b.begin_list()
    b.integer(1)
    b.integer(2)
    b.end_list()
    b.begin_list()
    b.end_list()
    b.begin_list()
    b.real(0.5)
    b.end_list()
    assert type_and_list(b) == ("var * float64", [[1.0, 2.0], [], [0.5]])
    assert index_values(b.snapshot().offsets) == [0, 2, 2, 3]


def test_empty_lists_have_unknown_content():
    b = ArrayBuilder()
    b.begin_list()
    b.end_list()
    assert type_and_list(b) == ("var * unknown", [[]])
    assert type(b.snapshot().content).__name__ == "EmptyArray"
    assert str(ArrayBuilder().type) == "unknown"
    assert ArrayBuilder().snapshot().to_list() == []


def test_nested_lists_and_context_managers():
    b = ArrayBuilder()
    with b.list():
        with b.list():
            b.integer(1)
        with b.list():
            pass
    with b.list():
        pass
    assert type_and_list(b) == ("var * var * int64", [[[1], []], []])


def test_records_explicit():
    b = ArrayBuilder()
    b.begin_record()
    b.field("x").integer(1)
    b.field("y").string("a")
    b.end_record()
    b.begin_record()
    b.field("y").string("b")
    b.field("x").integer(2)
    b.end_record()
    assert type_and_list(b) == ("{x: int64, y: string}", [{"x": 1, "y": "a"}, {"x": 2, "y": "b"}])
    assert b.snapshot().fields == ["x", "y"]  # order of first appearance


def test_record_context_manager_and_name():
    b = ArrayBuilder()
    with b.record("Point"):
        b.field("x").real(1.0)
    assert type_and_list(b) == ("Point[x: float64]", [{"x": 1.0}])
    assert b.snapshot().parameter("__record__") == "Point"


def test_record_missing_fields_become_options():
    b = ArrayBuilder()
    b.begin_record()
    b.field("x").integer(1)
    b.end_record()
    b.begin_record()
    b.field("x").integer(2)
    b.field("y").real(3.5)
    b.end_record()
    b.begin_record()
    b.field("y").real(4.5)
    b.end_record()
    assert type_and_list(b) == (
        "{x: ?int64, y: ?float64}",
        [{"x": 1, "y": None}, {"x": 2, "y": 3.5}, {"x": None, "y": 4.5}],
    )
    x, y = b.snapshot().contents
    assert index_values(x.index) == [0, 1, -1]
    assert index_values(y.index) == [-1, 0, 1]


def test_records_of_different_names_make_a_union():
    b = ArrayBuilder()
    for name, value in [("A", 1), ("B", 2), (None, 3)]:
        b.begin_record(name)
        b.field("x").integer(value)
        b.end_record()
    # an unnamed record joins the first record content of the union
    assert str(b.type) == "union[A[x: int64], B[x: int64]]"
    layout = b.snapshot()
    assert index_values(layout.tags) == [0, 1, 0]
    assert layout.to_list() == [{"x": 1}, {"x": 2}, {"x": 3}]


def test_empty_record():
    b = ArrayBuilder()
    b.begin_record()
    b.end_record()
    b.append({})
    assert type_and_list(b) == ("{}", [{}, {}])


def test_tuples():
    b = ArrayBuilder()
    b.begin_tuple(2)
    b.index(0).integer(1)
    b.index(1).string("a")
    b.end_tuple()
    with b.tuple(2):
        b.index(1).string("b")  # slot 0 left empty -> None
    assert type_and_list(b) == ("(?int64, string)", [(1, "a"), (None, "b")])
    b.begin_tuple(3)
    b.end_tuple()
    # a tuple of another length is another union content; its unfilled slots are None
    assert str(b.type) == "union[(?int64, string), (?unknown, ?unknown, ?unknown)]"
    assert b.snapshot().to_list()[-1] == (None, None, None)


def test_nulls_make_indexed_option_arrays():
    b = ArrayBuilder()
    b.integer(1)
    b.null()
    b.integer(2)
    layout = b.snapshot()
    assert type(layout).__name__ == "IndexedOptionArray"
    assert index_values(layout.index) == [0, -1, 1]
    assert layout.content.to_list() == [1, 2]
    assert str(b.type) == "?int64"


def test_option_of_union_becomes_union_of_options():
    # every None goes to the first content, the others are unmasked
    b = built([1, None, "a", None])
    layout = b.snapshot()
    assert str(b.type) == "union[?int64, ?string]"
    assert layout.to_list() == [1, None, "a", None]
    assert index_values(layout.tags) == [0, 0, 1, 0]
    assert index_values(layout.index) == [0, 1, 0, 1]
    first, second = layout.contents
    assert type(first).__name__ == "IndexedOptionArray"
    assert index_values(first.index) == [0, -1]
    assert type(second).__name__ == "UnmaskedArray"


def test_null_inside_open_list_goes_inside():
    b = ArrayBuilder()
    b.begin_list()
    b.null()
    b.integer(1)
    b.end_list()
    assert type_and_list(b) == ("var * ?int64", [[None, 1]])


def test_snapshot_is_independent_of_later_building():
    b = ArrayBuilder()
    b.extend([1, 2, 3])
    first = b.snapshot()
    b.real(4.5)
    b.null()
    assert first.to_list() == [1, 2, 3]
    assert str(first.form.type) == "int64"
    assert b.snapshot().to_list() == [1, 2, 3, 4.5, None]


def test_open_containers_are_left_out_of_len_and_snapshot():
    b = ArrayBuilder()
    b.integer(1)
    b.begin_list()
    b.integer(2)
    assert len(b) == 1
    assert b.snapshot().to_list() == [1]
    b.end_list()
    assert len(b) == 2
    assert b.snapshot().to_list() == [1, [2]]


def test_clear():
    b = built([1, 2])
    b.clear()
    assert len(b) == 0
    assert str(b.type) == "unknown"
    b.append("x")
    assert type_and_list(b) == ("string", ["x"])


def test_append_inside_open_structures():
    b = ArrayBuilder()
    b.begin_list()
    b.append({"a": [1, 2]})
    b.append(None)
    b.end_list()
    b.begin_record()
    b.field("r")
    b.append((1, 2.5))
    b.end_record()
    assert b.snapshot().to_list() == [[{"a": [1, 2]}, None], {"r": (1, 2.5)}]


def test_constructor_arguments():
    ArrayBuilder(initial=16, resize=1.5)
    with pytest.raises(ValueError, match="initial"):
        ArrayBuilder(initial=0)
    with pytest.raises(ValueError, match="resize"):
        ArrayBuilder(resize=1)


# ---------------------------------------------------------------------------- appended objects
CASES = [
    ([1, 2, 3], "int64", [1, 2, 3]),
    ([1, 2.5], "float64", [1.0, 2.5]),
    ([True, 1, 2.5], "union[bool, float64]", [True, 1.0, 2.5]),
    ([1, 2.5, 3j, True], "union[complex128, bool]", [1, 2.5, 3j, True]),
    ([None, 1], "?int64", [None, 1]),
    ([], "unknown", []),
    ([[], []], "var * unknown", [[], []]),
    ([[1, 2], [], None, [3.5]], "option[var * float64]", [[1.0, 2.0], [], None, [3.5]]),
    (["ab", "", None], "?string", ["ab", "", None]),
    ([b"ab", "c"], "bytes", [b"ab", b"c"]),  # outside a union, the first kind wins
    ([1, "a"], "union[int64, string]", [1, "a"]),
    ([[1], "a", {"x": 1}], "union[var * int64, string, {x: int64}]", [[1], "a", {"x": 1}]),
    ([[1, None, "a"], [None]], "var * union[?int64, ?string]", [[1, None, "a"], [None]]),
    ([{"x": None}], "{x: ?unknown}", [{"x": None}]),
    ([{"x": [1, None]}, {"x": None}], "{x: option[var * ?int64]}", [{"x": [1, None]}, {"x": None}]),
    ([{"x": {"y": 1}}, {"x": {"z": 2}}], "{x: {y: ?int64, z: ?int64}}", [{"x": {"y": 1, "z": None}}, {"x": {"y": None, "z": 2}}]),
    ([(1, 2.5), (3, 4)], "(int64, float64)", [(1, 2.5), (3, 4.0)]),
    ([(1,), (1, 2)], "union[(int64), (int64, int64)]", [(1,), (1, 2)]),
    ([[1, 2], (1, 2)], "union[var * int64, (int64, int64)]", [[1, 2], (1, 2)]),
    ([{"a": 1}, 2], "union[{a: int64}, int64]", [{"a": 1}, 2]),
    ([None, []], "option[var * unknown]", [None, []]),
    ([[None], [[]]], "var * option[var * unknown]", [[None], [[]]]),
    ([["é", "ü€"]], "var * string", [["é", "ü€"]]),
    ([[[1, 2], []], [[3]]], "var * var * int64", [[[1, 2], []], [[3]]]),
]


@pytest.mark.parametrize("mode", ["append", "extend", "calls"])
@pytest.mark.parametrize(("values", "expected_type", "expected_list"), CASES)
def test_appended_objects(values, expected_type, expected_list, mode):
    b = built(values, mode)
    assert type_and_list(b) == (expected_type, expected_list)


def test_string_layout_parameters():
    layout = built(["ab", "c"]).snapshot()
    assert layout.parameter("__array__") == "string"
    assert layout.content.parameter("__array__") == "char"
    assert str(layout.content.dtype) == "uint8"
    assert index_values(layout.offsets) == [0, 2, 3]
    layout = built([b"ab"]).snapshot()
    assert layout.parameter("__array__") == "bytestring"
    assert layout.content.parameter("__array__") == "byte"


def test_numpy_and_other_objects():
    b = built([np.array([1, 2]), np.int32(5), np.float32(2.5), np.bool_(True)])
    assert type_and_list(b) == ("union[var * int64, float64, bool]", [[1, 2], 5.0, 2.5, True])
    b = built([range(3), (x for x in "ab"), bytearray(b"q")])
    assert b.snapshot().to_list() == [[0, 1, 2], ["a", "b"], b"q"]
    b = built([np.datetime64("2020-01-01", "D")])
    assert str(b.type) == "datetime64[D]"


def test_extend_of_an_iterator_in_chunks():
    b = ArrayBuilder()
    b.extend({"x": i, "y": [i] * (i % 3)} for i in range(70000))
    assert len(b) == 70000
    assert str(b.type) == "{x: int64, y: var * int64}"
    layout = b.snapshot()
    assert layout.to_list()[:3] == [{"x": 0, "y": []}, {"x": 1, "y": [1]}, {"x": 2, "y": [2, 2]}]


# ---------------------------------------------------------------------------- misuse
@pytest.mark.parametrize(
    ("program", "error", "match"),
    [
        ("b.end_list()", ValueError, "'end_list' without 'begin_list'"),
        ("b.integer(1); b.end_list()", ValueError, "'end_list' without 'begin_list'"),
        ("b.begin_record(); b.end_list()", ValueError, "'end_list' without 'begin_list'"),
        ("b.field('x')", ValueError, "'field' without 'begin_record'"),
        ("b.begin_list(); b.field('x')", ValueError, "'field' without 'begin_record'"),
        ("b.end_record()", ValueError, "'end_record' without 'begin_record'"),
        ("b.begin_list(); b.end_record()", ValueError, "'end_record' without 'begin_record'"),
        ("b.index(0)", ValueError, "'index' without 'begin_tuple'"),
        ("b.end_tuple()", ValueError, "'end_tuple' without 'begin_tuple'"),
        ("b.begin_tuple(2); b.index(2)", IndexError, "2 is out of range for a tuple of 2 fields"),
        ("b.begin_tuple(2); b.index(-1)", IndexError, "out of range"),
        ("b.begin_record(); b.integer(1)", ValueError, "without selecting a field"),
        ("b.begin_record(); b.field('x').integer(1); b.integer(2)", ValueError, "field 'x' filled more than once"),
        ("b.begin_record(); b.field('x').integer(1); b.field('x')", ValueError, "filled more than once"),
        ("b.begin_tuple(1); b.index(0).integer(1); b.index(0)", ValueError, "slot 0 filled more than once"),
        ("b.append(object())", ValueError, "cannot convert .* \\(type object\\)"),
        ("b.append([1, {1: 2}])", ValueError, "keys of dicts must all be strings"),
        ("b.append(2**64)", ValueError, "out of range for int64"),
        ("b.integer(2**63)", ValueError, "out of range for int64"),
        ("b.integer(1.5)", TypeError, "integer needs an int"),
        ("b.real('x')", TypeError, "real needs a real number"),
        ("b.string(b'x')", TypeError, "string needs a str"),
        ("b.bytestring('x')", TypeError, "bytestring needs bytes"),
        ("b.begin_record(); b.field(1)", TypeError, "key must be a str"),
        ("b.begin_tuple('2')", TypeError, "numfields must be an int"),
        ("b.extend(5)", TypeError, "needs an iterable"),
        ("b.datetime('not a date')", ValueError, "cannot parse"),
    ],
)
def test_misuse_errors(program, error, match):
    b = ArrayBuilder()
    with pytest.raises(error, match=match):
        exec(program, {"b": b})


def test_errors_leave_a_usable_builder():
    b = ArrayBuilder()
    b.integer(1)
    with pytest.raises(ValueError):
        b.end_list()
    b.integer(2)
    assert b.snapshot().to_list() == [1, 2]


# ---------------------------------------------------------------------------- round trips
_scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5)
)
# every dict has the same keys, so no field is ever missing (to_list would add None)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4)
    | st.fixed_dictionaries({"a": inner, "b": inner})
    | st.tuples(inner, inner),
    max_leaves=12,
)


def _same(left, right):
    """Equality that also tells bools from ints (1 == True in Python)."""
    if isinstance(left, bool) or isinstance(right, bool):
        return type(left) is type(right) and left == right
    if isinstance(left, float) or isinstance(right, float):
        return isinstance(left, (int, float)) and isinstance(right, (int, float)) and (
            left == right or (math.isnan(left) and math.isnan(right))
        )
    if isinstance(left, (list, tuple)):
        return (
            type(left) is type(right)
            and len(left) == len(right)
            and all(_same(a, b) for a, b in zip(left, right))
        )
    if isinstance(left, dict):
        return type(right) is dict and left.keys() == right.keys() and all(
            _same(left[k], right[k]) for k in left
        )
    return type(left) is type(right) and left == right


@settings(max_examples=200, deadline=None)
@given(st.lists(_values, max_size=6))
def test_round_trip_append_extend_calls(data):
    results = [type_and_list(built(data, mode)) for mode in ("append", "extend", "calls")]
    for type_string, values in results:
        assert type_string == results[0][0]
        assert _same(values, data)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.fixed_dictionaries({"x": st.integers(-5, 5), "y": st.lists(st.floats(-1, 1), max_size=3)}), max_size=20))
def test_round_trip_uniform_records(data):
    b = built(data, "extend")
    assert _same(b.snapshot().to_list(), data)
    if data:
        # fields in order of first appearance; y's content is unknown if every list is empty
        inner = "float64" if any(row["y"] for row in data) else "unknown"
        kinds = {"x": "int64", "y": f"var * {inner}"}
        assert str(b.type) == "{" + ", ".join(f"{k}: {kinds[k]}" for k in data[0]) + "}"


@pytest.mark.parametrize(
    "bad",
    [
        {"x": 9, "y": object()},
        {"x": 9, "y": [1.5, object()]},
        {"x": 9, "w": "new", "y": [2**64]},
        [1, object()],
    ],
)
def test_failed_append_leaves_no_partial_entry(bad):
    b = built([{"x": 1, "y": [1]}, {"x": 2, "y": []}])
    with pytest.raises((ValueError, TypeError)):
        b.append(bad)
    b.append({"x": 3, "y": [3]})
    values = b.snapshot().to_list()
    assert len(b) == 3
    assert [row["x"] for row in values] == [1, 2, 3]
    assert [list(row["y"]) for row in values] == [[1], [], [3]]


def test_failed_extend_is_all_or_nothing():
    b = built([1, 2])
    with pytest.raises(ValueError, match="cannot convert"):
        b.extend([3, [4, 5], object()])
    assert len(b) == 2
    b.append(6)
    assert b.snapshot().to_list() == [1, 2, 6]
    b = ArrayBuilder()
    with pytest.raises(ValueError, match="out of range"):
        b.extend([{"a": [1, 2**70]}])
    assert len(b) == 0
