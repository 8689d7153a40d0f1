"""ak.Array in numba, the gaps against awkward 2.14 (issue 16): ``np.asarray``/``np.array`` of
views of numbers, arrays and records as global constants, unions that numba cannot unify,
out-of-bounds indexes, malformed UTF-8, slices with a step, and a sweep of element-wise
functions (len, indexing, iteration, ranges, ``is None``, fields) over every layout kind, each
compared with the same function run in plain Python over ``to_list()``."""

from __future__ import annotations

import gc
import re

import numpy as np
import pytest

numba = pytest.importorskip("numba")

import awkward as ak  # noqa: E402
from awkward.contents import (  # noqa: E402
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
from awkward.index import Index8, Index32, Index64, IndexU8, IndexU32  # noqa: E402


def N(values, dtype=None):
    return NumpyArray(np.array(values, dtype=dtype))


def offsets(*values, index=Index64, dtype=np.int64):
    return index(np.array(values, dtype=dtype))


def jagged_layout(index=Index64, dtype=np.int64):
    return ListOffsetArray(offsets(0, 2, 2, 5, index=index, dtype=dtype), N([1.0, 2, 3, 4, 5]))


def string_layout(data: bytes, stops, kind="string"):
    char = "char" if kind == "string" else "byte"
    return ListOffsetArray(
        Index64(np.array([0, *stops], np.int64)),
        NumpyArray(np.frombuffer(data, np.uint8).copy(), parameters={"__array__": char}),
        parameters={"__array__": kind},
    )


# every layout kind of the issue (the names say which)
LAYOUTS = {
    "numpy i64": lambda: N([1, 2, 3]),
    "numpy f64": lambda: N([1.5, 2.5, 3.5]),
    "numpy bool": lambda: N([True, False, True]),
    "numpy u8": lambda: N([1, 2, 250], np.uint8),
    "numpy 2d": lambda: NumpyArray(np.arange(6).reshape(3, 2)),
    "numpy 3d": lambda: NumpyArray(np.arange(12).reshape(3, 2, 2)),
    "regular": lambda: RegularArray(N([1.0, 2, 3, 4, 5, 6]), 2),
    "regular size 0": lambda: RegularArray(N(np.zeros(0)), 0, zeros_length=2),
    "list offset i64": jagged_layout,
    "list offset i32": lambda: jagged_layout(Index32, np.int32),
    "list offset u32": lambda: jagged_layout(IndexU32, np.uint32),
    "list array": lambda: ListArray(offsets(3, 0, 1), offsets(5, 0, 3), N([1.0, 2, 3, 4, 5])),
    "nested lists": lambda: ListOffsetArray(offsets(0, 2, 3), jagged_layout()),
    "indexed": lambda: IndexedArray(offsets(2, 0, 1), N([1.0, 2, 3])),
    "indexed lists": lambda: IndexedArray(offsets(2, 0), jagged_layout()),
    "indexed option": lambda: IndexedOptionArray(offsets(2, -1, 0), N([1.0, 2, 3])),
    "indexed option lists": lambda: IndexedOptionArray(offsets(2, -1, 0), jagged_layout()),
    "byte masked": lambda: ByteMaskedArray(Index8(np.array([1, 0, 1], np.int8)), N([1.0, 2, 3]), valid_when=True),
    "byte masked invalid": lambda: ByteMaskedArray(Index8(np.array([1, 0, 1], np.int8)), N([1.0, 2, 3]), valid_when=False),
    "byte masked lists": lambda: ByteMaskedArray(Index8(np.array([1, 0, 1], np.int8)), jagged_layout(), valid_when=True),
    "bit masked lsb": lambda: BitMaskedArray(IndexU8(np.array([0b101], np.uint8)), N([1.0, 2, 3]), True, 3, True),
    "bit masked msb": lambda: BitMaskedArray(IndexU8(np.array([0b10100000], np.uint8)), N([1.0, 2, 3]), True, 3, False),
    "bit masked invalid": lambda: BitMaskedArray(IndexU8(np.array([0b010], np.uint8)), N([1.0, 2, 3]), False, 3, True),
    "unmasked": lambda: UnmaskedArray(N([1.0, 2, 3])),
    "unmasked lists": lambda: UnmaskedArray(jagged_layout()),
    "records": lambda: RecordArray([N([1.0, 2, 3]), jagged_layout()], ["x", "y"]),
    "tuples": lambda: RecordArray([N([1.0, 2, 3]), N([4, 5, 6])], None),
    "nested records": lambda: RecordArray([RecordArray([N([1.0, 2, 3])], ["z"]), N([4, 5, 6])], ["x", "y"]),
    "lists of records": lambda: ListOffsetArray(offsets(0, 2, 2, 3), RecordArray([N([1.0, 2, 3]), N([4, 5, 6])], ["x", "y"])),
    "option of records": lambda: IndexedOptionArray(offsets(1, -1, 0), RecordArray([N([1.0, 2.0]), N([3, 4])], ["x", "y"])),
    "strings": lambda: string_layout("abcdé".encode(), [2, 2, 6]),
    "bytestrings": lambda: string_layout(b"abc\x00\xff", [2, 2, 5], "bytestring"),
    "lists of strings": lambda: ak.to_layout([["a", "bc"], [], ["déf"]]),
    "empty": EmptyArray,
    "lists of empty": lambda: ListOffsetArray(offsets(0, 0, 0), EmptyArray()),
    "union of numbers": lambda: UnionArray(Index8(np.array([0, 1, 0], np.int8)), offsets(0, 0, 1), [N([1, 2]), N([1.5])]),
    "union of lists": lambda: UnionArray(
        Index8(np.array([0, 1, 0], np.int8)), offsets(0, 0, 1),
        [ListOffsetArray(offsets(0, 1, 3), N([1.0, 2, 3])), ListOffsetArray(offsets(0, 2), N([4, 5]))],
    ),
    "union of records, same fields": lambda: UnionArray(
        Index8(np.array([0, 1, 0], np.int8)), offsets(0, 0, 1),
        [RecordArray([N([1, 2]), N([1.5, 2.5])], ["x", "y"]), RecordArray([N([3.5]), N([7, 8])], ["x", "y"])],
    ),
    "python slice of lists": lambda: jagged_layout()[1:],
}  # fmt: skip


# ---------------------------------------------------------------------- the sweep
# (each function runs unchanged on Python lists/dicts: its py_func over to_list() is the model)
@numba.njit
def length(x):
    return len(x)


@numba.njit
def element(x, i):
    return x[i]


@numba.njit
def element_length(x, i):
    return len(x[i])


@numba.njit
def first_of(x, i):
    return x[i][0]


@numba.njit
def count(x):
    n = 0
    for _ in x:
        n += 1
    return n


@numba.njit
def is_none(x, i):
    return x[i] is None


@numba.njit
def range_of(x, start, stop):
    return x[start:stop]


@numba.njit
def range_then_element(x, start, stop, i):
    return x[start:stop][i]


@numba.njit
def field_of_element(x, i):
    return x[i]["x"]


@numba.njit
def attribute_of_element(x, i):
    return x[i].x


def plain(value):
    """A compiled function's result as Python data (boxed views through to_list)."""
    if isinstance(value, (ak.Array, ak.Record)):
        return value.to_list()
    if isinstance(value, np.generic):
        return value.item()
    return value


def outcome(function, *args):
    """(True, result) or (False, exception type): typing errors are compared as errors."""
    try:
        return True, plain(function(*args))
    except numba.TypingError:
        return False, numba.TypingError
    except Exception as err:  # noqa: BLE001 (the model must raise the same kind)
        return False, type(err)


def model_outcome(function, data, *args):
    try:
        return True, function.py_func(data, *args)
    except Exception as err:  # noqa: BLE001
        return False, type(err)


def check(function, array, data, *args):
    ok, got = outcome(function, array, *args)
    if not ok and got is numba.TypingError:
        return got  # not typable (test_sweep says where that is expected)
    expected_ok, expected = model_outcome(function, data, *args)
    assert ok == expected_ok, (function, args, got, expected)
    if ok:
        assert got == pytest.approx(expected) if isinstance(got, float) else got == expected
    else:
        # an index out of range: IndexError in Python, ValueError too in compiled code (2.14's)
        assert issubclass(got, expected), (got, expected)
    return got


# layouts whose elements numba cannot type (a union that does not unify): element access is a
# TypingError, len/ranges/fields of the view are not
UNTYPABLE_ELEMENTS = {"union of records, same fields", "union of lists"}
LISTS = {"regular", "regular size 0", "list offset i64", "list offset i32", "list offset u32",
         "list array", "nested lists", "indexed lists", "indexed option lists", "byte masked lists",
         "unmasked lists", "lists of records", "lists of empty", "numpy 2d", "numpy 3d",
         "union of lists", "strings", "bytestrings", "lists of strings", "python slice of lists"}  # fmt: skip
RECORDS = {"records", "nested records", "option of records", "union of records, same fields"}


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_sweep(name):
    array = ak.Array(LAYOUTS[name]())
    data = array.to_list()
    n = len(data)
    assert length(array) == n
    assert check(range_of, array, data, 1, n) is not numba.TypingError
    assert check(range_of, array, data, 0, -1) is not numba.TypingError
    assert check(range_of, array, data, -2, 100) is not numba.TypingError
    typed = name not in UNTYPABLE_ELEMENTS
    for i in [*range(n), -1, -n, n, -n - 1]:
        got = check(element, array, data, i)
        assert (got is not numba.TypingError) == typed, (name, got)
        if typed:
            check(is_none, array, data, i)
            check(range_then_element, array, data, 1, n, i)
        if name in LISTS and typed:
            assert check(element_length, array, data, i) is not numba.TypingError
            # (numba's bytes, like its arrays, are not bounds-checked: awkward 2.14 the same)
            if not (name == "bytestrings" and -n <= i < n and len(data[i]) == 0):
                assert check(first_of, array, data, i) is not numba.TypingError
        if name in RECORDS and typed:
            check(field_of_element, array, data, i)
            # (dicts have no attributes: record.x must do what record["x"] does)
            assert outcome(attribute_of_element, array, i) == outcome(field_of_element, array, i)
    if typed:
        assert count(array) == n


def test_sweep_union_of_records_fields():
    # the field shared by both branches unifies (int64 and float64), though the records do not
    array = ak.Array(LAYOUTS["union of records, same fields"]())

    @numba.njit
    def field(x):
        return x.x

    @numba.njit
    def field_sum(x):
        total = 0.0
        for value in x.x:
            total += value
        return total

    assert field(array).to_list() == [r["x"] for r in array.to_list()]
    assert field_sum(array) == pytest.approx(sum(r["x"] for r in array.to_list()))


# ---------------------------------------------------------------------- np.asarray / np.array
@numba.njit
def as_numpy(x):
    return np.asarray(x)


@numba.njit
def as_numpy_at(x, i):
    return np.asarray(x[i])


@numba.njit
def copy_at(x, i):
    return np.array(x[i])


ASARRAY_CASES = [
    ("int64", lambda: ak.Array(np.array([1, 2, 3]))),
    ("float32", lambda: ak.Array(np.array([1.5, 2.5], np.float32))),
    ("bool", lambda: ak.Array(np.array([True, False]))),
    ("uint8", lambda: ak.Array(np.array([1, 255], np.uint8))),
    ("datetime", lambda: ak.Array(np.array(["2020-01-01", "2021-06-01"], "datetime64[D]"))),
    ("record field", lambda: ak.Array([{"x": 1.0}, {"x": 3.0}]).x),
]


@pytest.mark.parametrize(("name", "make"), ASARRAY_CASES, ids=[c[0] for c in ASARRAY_CASES])
def test_asarray_flat(name, make):
    array = make()
    out = as_numpy(array)
    expected = ak.to_numpy(array)
    assert isinstance(out, np.ndarray) and out.dtype == expected.dtype
    assert out.tolist() == expected.tolist()


LIST_CASES = [
    ("list offset", lambda: ak.Array(jagged_layout())),
    ("list offset i32", lambda: ak.Array(jagged_layout(Index32, np.int32))),
    ("list array", lambda: ak.Array(ListArray(offsets(3, 0, 1), offsets(5, 0, 3), N([1.0, 2, 3, 4, 5])))),
    ("regular", lambda: ak.Array(RegularArray(N([1, 2, 3, 4, 5, 6]), 3))),
    ("numpy 2d", lambda: ak.Array(np.arange(6).reshape(3, 2))),
    ("lists of empty", lambda: ak.Array(ListOffsetArray(offsets(0, 0, 0), EmptyArray()))),
    ("field of records", lambda: ak.Array([{"x": [1.0, 2.0]}, {"x": [3.0]}]).x),
    ("booleans", lambda: ak.Array([[True, False], [], [True]])),
]  # fmt: skip


@pytest.mark.parametrize(("name", "make"), LIST_CASES, ids=[c[0] for c in LIST_CASES])
def test_asarray_of_lists(name, make):
    array = make()
    for i, expected in enumerate(array.to_list()):
        for function in (as_numpy_at, copy_at):
            out = function(array, i)
            assert isinstance(out, np.ndarray) and out.ndim == 1
            assert out.tolist() == expected


@numba.njit
def asarray_sum(x):
    total = 0.0
    for i in range(len(x)):
        inner = np.asarray(x[i])
        total += inner.sum() + len(np.asarray(x[i][1:]))
    return total


def test_asarray_in_a_loop_and_of_ranges():
    array = ak.Array([[1.0, 2.0, 3.0], [], [4.0, 5.0]])
    expected = sum(sum(inner) + max(len(inner) - 1, 0) for inner in array.to_list())
    assert asarray_sum(array) == pytest.approx(expected)


def test_asarray_shares_memory_and_array_copies():
    @numba.njit
    def write(x, i, value):
        np.asarray(x[i])[0] = value

    @numba.njit
    def write_copy(x, i, value):
        out = np.array(x[i])
        out[0] = value
        return out

    array = ak.Array([[1, 2, 3], [], [4, 5]])
    copied = write_copy(array, 2, 100)
    assert copied.tolist() == [100, 5] and array.to_list() == [[1, 2, 3], [], [4, 5]]
    write(array, 2, 100)  # (as in awkward 2.14: np.asarray is a view of the array's buffer)
    assert array.to_list() == [[1, 2, 3], [], [100, 5]]


def test_asarray_outlives_the_array():
    array = ak.Array([[1.5, 2.5, 3.5], [], [4.5]])
    out = as_numpy_at(array, 0)
    del array
    gc.collect()
    ak.Array(np.full(1000, 7.0)).to_list()  # (reuse freed memory, if any)
    assert out.tolist() == [1.5, 2.5, 3.5]
    assert out.base is not None  # the numpy array holds the buffers it points to


@pytest.mark.parametrize(
    "make",
    [
        lambda: ak.Array([[1, 2], [3]]),  # np.asarray of lists of lists
        lambda: ak.Array([[1, None], [3]])[0:1],  # options
        lambda: ak.Array(IndexedArray(offsets(1, 0), N([1.0, 2.0]))),  # indexed
        lambda: ak.Array(UnmaskedArray(N([1.0, 2.0]))),
        lambda: ak.Array(["ab", "c"]),  # strings
        lambda: ak.Array([{"x": 1}]),  # records
        lambda: ak.Array(np.arange(6).reshape(3, 2)),  # 2-d (rows are fine, not the whole)
    ],
)
def test_asarray_refused(make):
    with pytest.raises(numba.TypingError, match="asarray"):
        as_numpy(make())


def test_asarray_with_dtype_refused():
    # (as in awkward 2.14: only np.asarray(view))
    @numba.njit
    def with_dtype(x):
        return np.asarray(x[0], np.float64)

    with pytest.raises(numba.TypingError):
        with_dtype(ak.Array([[1, 2], [3]]))


# ---------------------------------------------------------------------- global constants
CONSTANT = ak.Array([[1.0, 2.0, 3.0], [], [4.0, 5.0]])
CONSTANT_RECORDS = ak.Array([{"x": 1, "y": [1.5]}, {"x": 2, "y": []}])
CONSTANT_RECORD = ak.Record({"x": 10, "y": [1.0, 2.0]})


def test_global_array_constant():
    @numba.njit
    def total():
        out = 0.0
        for inner in CONSTANT:
            for value in inner:
                out += value
        return out

    @numba.njit
    def element_of(i):
        return CONSTANT[i]

    @numba.njit
    def size():
        return len(CONSTANT)

    data = CONSTANT.to_list()
    assert total() == pytest.approx(sum(sum(x) for x in data))
    assert size() == len(data)
    for i in range(-len(data), len(data)):
        assert element_of(i).to_list() == data[i]
    with pytest.raises(ValueError, match="out of bounds"):
        element_of(len(data))


def test_global_record_constants():
    @numba.njit
    def fields():
        out = 0
        for record in CONSTANT_RECORDS:
            out += record.x * 10 + len(record.y)
        return out + CONSTANT_RECORD.x + len(CONSTANT_RECORD["y"])

    @numba.njit
    def the_record():
        return CONSTANT_RECORD

    expected = sum(r["x"] * 10 + len(r["y"]) for r in CONSTANT_RECORDS.to_list())
    assert fields() == expected + 10 + 2
    assert the_record().to_list() == CONSTANT_RECORD.to_list()


def test_global_lazy_constant_materializes_at_compilation():
    form, length, container = ak.to_buffers(ak.Array([[1, 2], [3]]))
    calls = []

    def generator(key):
        def make():
            calls.append(key)
            return container[key]

        return make

    lazy = ak.from_buffers(form, length, {key: generator(key) for key in container})
    assert calls == []

    @numba.njit
    def total():
        out = 0
        for inner in lazy:
            for value in inner:
                out += value
        return out

    assert total() == 6
    assert sorted(calls) == sorted(container)  # each buffer read once
    assert total() == 6 and len(calls) == len(container)


# ---------------------------------------------------------------------- errors
def test_union_that_does_not_unify():
    array = ak.Array([1, [2, 3], {"x": 1}])
    assert length(array) == 3
    with pytest.raises(numba.TypingError, match="union types cannot be accessed in Numba") as info:
        element(array, 0)
    assert "int64" in str(info.value) and "do not unify" in str(info.value)
    records = ak.Array(LAYOUTS["union of records, same fields"]())
    with pytest.raises(numba.TypingError, match="union types cannot be accessed"):
        element(records, 0)


def test_index_out_of_bounds_is_value_and_index_error():
    array = ak.Array([[1, 2, 3], [], [4, 5]])
    for bad in (3, -4):
        for kind in (ValueError, IndexError):
            with pytest.raises(kind, match="slice index out of bounds"):
                element(array, bad)
    with pytest.raises(ValueError, match="slice index out of bounds"):
        first_of(array, 1)
    with pytest.raises(ValueError, match="slice index out of bounds"):
        range_then_element(array, 0, 2, 2)


MALFORMED_UTF8 = [
    (b"ab\xc3", "unexpected end of UTF-8 sequence"),
    (b"\xe2\x82", "unexpected end of UTF-8 sequence"),
    (b"\xf0\x9f\x98", "unexpected end of UTF-8 sequence"),
    (b"\xc3(", "invalid UTF-8 continuation byte"),
    (b"\xff", "invalid UTF-8 leading byte"),
    (b"\x80", "invalid UTF-8 leading byte"),
    (b"\xc0\xaf", "invalid UTF-8 leading byte"),
    (b"\xed\xa0\x80", "UTF-8 sequence encodes a surrogate code point"),
    (b"\xf4\x90\x80\x80", "UTF-8 code point exceeds U+10FFFF"),
]


@pytest.mark.parametrize(("data", "message"), MALFORMED_UTF8)
def test_malformed_utf8_is_value_error(data, message):
    array = ak.Array(string_layout(b"ok" + data, [2, 2 + len(data)]))
    assert element(array, 0) == "ok"
    with pytest.raises(ValueError, match=re.escape(message)):
        element(array, 1)


def test_well_formed_utf8():
    texts = ["", "a", "é", "日本語", "😀 x", "\U0010ffff", "\ud7ff\ue000"]
    array = ak.Array(texts)
    assert [element(array, i) for i in range(len(texts))] == texts
