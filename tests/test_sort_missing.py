"""ak.sort / ak.argsort of option-type numbers and of strings: the one-pass kernels
(awkward_sort_missing_segments, awkward_argsort_missing_segments,
awkward_argsort_string_segments) against a pure-Python model, over every option layout,
list layout, dtype, direction and axis; the kernels called directly on random inputs
(segments that do not cover the data, permuted and repeated indexes); laziness; errors; the
type tracer at the outer axes (form and touches equal to the eager run's).

The model follows awkward 2.14 (checked with akc): within a list, NaN first (both
directions), then the other present values in stable order (-0.0 equal to 0.0), then the
missing values; argsort gives the positions of the same order, missing positions last.
"""

import datetime
import math
import random

import numpy as np
import pytest

import awkward as ak
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnmaskedArray,
)
from awkward.index import Index8, Index32, Index64, IndexU8
from tests.counting_buffers import Lazy


# ---------------------------------------------------------------------- the model
def _is_nan(v):
    return isinstance(v, float) and math.isnan(v)


def _key(v):
    return (v.real, v.imag) if isinstance(v, complex) else v


def model_order(values, ascending):
    """Positions of ``values`` (a list with None) in 2.14's sorted order."""
    nans = [i for i, v in enumerate(values) if v is not None and _is_nan(v)]
    rest = [i for i, v in enumerate(values) if v is not None and not _is_nan(v)]
    rest = sorted(rest, key=lambda i: _key(values[i]), reverse=not ascending)  # stays stable
    nones = [i for i, v in enumerate(values) if v is None]
    return nans + rest + nones


def model(lists, ascending, indices):
    out = []
    for lst in lists:
        if lst is None:
            out.append(None)
            continue
        order = model_order(lst, ascending)
        out.append(order if indices else [lst[i] for i in order])
    return out


def _same(a, b):
    """Equality that sees NaN == NaN and tells -0.0 from 0.0 (stability of equal values)."""
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and isinstance(b, float):
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return type(a) is type(b) and a == b


# ---------------------------------------------------------------------- the data
LISTS = [
    [3.5, None, -0.0, float("nan"), 0.0, 1.0, None, -2.0, 0.0, -0.0],
    [],
    [None],
    [None, None, 2.0],
    [float("nan"), 7.0, float("nan"), None, -7.0],
    [1.0],
    [4.0, 3.0, 2.0, 1.0, 0.0, -1.0, -2.0, None, -3.0, 5.0, 6.0, 4.0, 3.0, 2.0, 1.0, 0.0, 9.0,
     8.0, 7.0, None, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0, 0.0, -0.0, 2.5, 3.5, None, 1.5, 0.5, 4.0,
     float("nan"), 3.0, 3.0],  # longer than the kernels' short-list path (32)
    [2.0, 2.0, None, 1.0],
]  # fmt: skip


def _cast(value, dtype):
    if value is None:
        return None
    kind = np.dtype(dtype).kind
    if kind == "f":
        return value
    if kind == "c":  # same real parts with different imaginary parts; NaN left out
        return None if _is_nan(value) else complex(value, -value if value > 1 else 1.0)
    if kind == "b":
        return bool(int(value) % 2) if not _is_nan(value) else None
    if _is_nan(value):
        return None
    if kind == "u":
        return int(abs(value) * 2)
    return int(value * 2)


def lists_of(dtype):
    return [[_cast(v, dtype) for v in lst] for lst in LISTS]


def _numpy(values, dtype):
    raw = [0 if v is None else v for v in values]
    if np.dtype(dtype).kind in "Mm":
        return NumpyArray(np.array(raw, dtype=np.int64).view(dtype))
    return NumpyArray(np.array(raw, dtype=dtype))


def _flat_option(values, kind, dtype):
    """An option layout of ``values`` (None: missing) of the given kind."""
    valid = np.array([v is not None for v in values], dtype=np.bool_)
    if kind == "IndexedOptionArray":
        # a content in scrambled order, pointed at by the index (some entries twice)
        present = [v for v in values if v is not None]
        content = list(reversed(present)) + present[:2]
        index = np.full(len(values), -1, dtype=np.int64)
        index[valid] = len(present) - 1 - np.arange(len(present))
        return IndexedOptionArray(Index64(index), _numpy(content, dtype))
    if kind == "IndexedOptionArray32":
        index = np.where(valid, np.arange(len(values)), -1).astype(np.int32)
        return IndexedOptionArray(Index32(index), _numpy(values, dtype))
    if kind == "ByteMaskedArray":
        return ByteMaskedArray(Index8(valid.astype(np.int8)), _numpy(values, dtype), valid_when=True)
    if kind == "BitMaskedArray":
        bits = np.packbits(~valid, bitorder="little")
        return BitMaskedArray(IndexU8(bits), _numpy(values, dtype), False, len(values), True)
    assert kind == "UnmaskedArray"
    return UnmaskedArray(_numpy(values, dtype))


def _lists_layout(lists, option_kind, list_kind, dtype):
    flat = [v for lst in lists for v in lst]
    counts = [len(lst) for lst in lists]
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    content = _flat_option(flat, option_kind, dtype)
    if list_kind == "ListOffsetArray":
        return ListOffsetArray(Index64(offsets), content)
    assert list_kind == "ListArray"
    # lists stored in reverse order, with a gap: not contiguous
    n = len(lists)
    padded = _flat_option(flat + [None, None], option_kind, dtype)
    starts = np.asarray(offsets[:-1])[::-1].copy()
    stops = np.asarray(offsets[1:])[::-1].copy()
    return ListArray(Index64(starts), Index64(stops), padded)[::-1][:n]


OPTION_KINDS = ["IndexedOptionArray", "IndexedOptionArray32", "ByteMaskedArray", "BitMaskedArray"]
DTYPES = ["float64", "float32", "float16", "int8", "uint16", "int32", "int64", "uint64", "bool", "complex128"]


def _to_python(lists, dtype):
    return ak.to_list(ak.Array(_lists_layout(lists, "ByteMaskedArray", "ListOffsetArray", dtype)))


# ---------------------------------------------------------------------- ak.sort / ak.argsort
@pytest.mark.parametrize("ascending", [True, False])
@pytest.mark.parametrize("list_kind", ["ListOffsetArray", "ListArray"])
@pytest.mark.parametrize("option_kind", OPTION_KINDS)
@pytest.mark.parametrize("dtype", DTYPES)
def test_sort_and_argsort_of_lists_with_missing_values(dtype, option_kind, list_kind, ascending):
    lists = lists_of(dtype)
    array = ak.Array(_lists_layout(lists, option_kind, list_kind, dtype))
    data = ak.to_list(array)
    assert _same(data, _to_python(lists, dtype))
    for stable in (True, False):
        got = ak.sort(array, axis=1, ascending=ascending, stable=stable)
        assert _same(ak.to_list(got), model(data, ascending, False))
        assert str(got.type) == str(array.type)
        got = ak.argsort(array, axis=-1, ascending=ascending, stable=stable)
        assert ak.to_list(got) == model(data, ascending, True)
        assert str(got.type) == f"{len(data)} * var * int64"
        # argsort results are jagged indices that sort
        assert _same(ak.to_list(array[got]), model(data, ascending, False))


@pytest.mark.parametrize("unit", ["datetime64[s]", "timedelta64[ms]"])
@pytest.mark.parametrize("ascending", [True, False])
def test_datetimes_with_missing_values(unit, ascending):
    lists = [[None if v is None else int(v) for v in lst] for lst in lists_of("int64")]
    array = ak.Array(_lists_layout(lists, "IndexedOptionArray", "ListOffsetArray", unit))
    data = ak.to_list(array)
    assert isinstance(data[0][0], (datetime.datetime, datetime.timedelta))
    got = ak.sort(array, axis=1, ascending=ascending)
    assert ak.to_list(got) == model(data, ascending, False)
    assert got.layout.content.content.dtype == np.dtype(unit)
    assert ak.to_list(ak.argsort(array, axis=1, ascending=ascending)) == model(data, ascending, True)


def test_sorted_values_are_compacted_as_in_2_14():
    array = ak.Array([[3.0, None, 1.0, 2.0], [None], []])
    layout = ak.sort(array, axis=1).layout
    assert isinstance(layout.content, IndexedOptionArray)
    assert layout.content.content.data.tolist() == [1.0, 2.0, 3.0]
    assert layout.content.index.data.tolist() == [0, 1, 2, -1, -1]


@pytest.mark.parametrize("option_kind", OPTION_KINDS + ["UnmaskedArray"])
@pytest.mark.parametrize("ascending", [True, False])
def test_axis0_of_a_flat_option_array(option_kind, ascending):
    values = LISTS[0] + LISTS[4]
    if option_kind == "UnmaskedArray":
        values = [v for v in values if v is not None]
    array = ak.Array(_flat_option(values, option_kind, "float64"))
    data = ak.to_list(array)
    assert _same(ak.to_list(ak.sort(array, axis=0, ascending=ascending)), model([data], ascending, False)[0])
    assert ak.to_list(ak.argsort(array, axis=0, ascending=ascending)) == model([data], ascending, True)[0]


def test_regular_lists_with_missing_values():
    values = [3.0, None, 1.0, float("nan"), None, 0.0, 2.0, -1.0, None]
    array = ak.Array(RegularArray(_flat_option(values, "ByteMaskedArray", "float64"), 3))
    data = ak.to_list(array)
    assert _same(ak.to_list(ak.sort(array, axis=1)), model(data, True, False))
    assert ak.to_list(ak.argsort(array, axis=1, ascending=False)) == model(data, False, True)


def test_missing_lists_and_records():
    inner = _lists_layout(lists_of("float64"), "IndexedOptionArray", "ListOffsetArray", "float64")
    n = len(LISTS)
    outer = IndexedOptionArray(Index64(np.array([0, -1] + list(range(1, n)), dtype=np.int64)), inner)
    array = ak.Array(outer)
    data = ak.to_list(array)
    assert _same(ak.to_list(ak.sort(array, axis=1)), model(data, True, False))
    assert ak.to_list(ak.argsort(array, axis=1)) == model(data, True, True)
    record = ak.Array(RecordArray([inner, inner], ["x", "y"]))
    got = ak.sort(record.x, axis=1, ascending=False)
    assert _same(ak.to_list(got), model(ak.to_list(record.x), False, False))


def test_all_missing_and_empty():
    for lists in ([[None, None], [], [None]], [[], []], []):
        array = ak.Array(_lists_layout(lists, "IndexedOptionArray", "ListOffsetArray", "float64"))
        assert ak.to_list(ak.sort(array, axis=1)) == lists
        assert ak.to_list(ak.argsort(array, axis=1)) == [list(range(len(x))) for x in lists]


# ---------------------------------------------------------------------- strings
WORDS = ["pear", "", "apple", "app", "Zebra", "é", "apple", "b", "ab\x00", "ab"]


def _string_lists():
    return [WORDS, [], ["x"], WORDS[::-1] * 4, ["b", "a", "b", "a"]]


@pytest.mark.parametrize("ascending", [True, False])
def test_strings_bytewise_stable(ascending):
    lists = _string_lists()
    array = ak.Array(lists)
    for axis in (1, -1):
        expected = [sorted(x, key=lambda s: s.encode(), reverse=not ascending) for x in lists]
        assert ak.to_list(ak.sort(array, axis=axis, ascending=ascending)) == expected
        order = [sorted(range(len(x)), key=lambda i, x=x: x[i].encode(), reverse=not ascending) for x in lists]
        assert ak.to_list(ak.argsort(array, axis=axis, ascending=ascending)) == order
    flat = ak.Array(WORDS)
    assert ak.to_list(ak.argsort(flat, axis=0, ascending=ascending)) == model_order_strings(WORDS, ascending)


def model_order_strings(words, ascending):
    return sorted(range(len(words)), key=lambda i: words[i].encode(), reverse=not ascending)


def test_strings_with_missing_values_and_bytestrings():
    lists = [["b", None, "a", "ab", None], [None], [], ["c"]]
    array = ak.Array(lists)
    expected = [[v for v in sorted([w for w in x if w is not None])] + [None] * x.count(None) for x in lists]
    assert ak.to_list(ak.sort(array, axis=1)) == expected
    raw = ak.Array([[b"\xff", b"a", b"\x00"], [b"ba", b"b"]])
    assert ak.to_list(ak.sort(raw, axis=1)) == [[b"\x00", b"a", b"\xff"], [b"b", b"ba"]]


def test_strings_of_a_listarray():
    strings = ak.to_layout(ak.Array(["dd", "c", "bbb", "a"]))
    reversed_strings = strings[::-1]  # a ListArray of strings over the same characters
    array = ak.Array(ListOffsetArray(Index64(np.array([0, 3, 4])), reversed_strings))
    assert ak.to_list(ak.sort(array, axis=1)) == [["a", "bbb", "c"], ["dd"]]


# ---------------------------------------------------------------------- the kernels directly
def _kernel_sort_model(index, data, offsets, ascending):
    """(values, new index) as the sort kernel writes them (values compacted in order)."""
    n = len(index)
    first = offsets[0] if len(offsets) > 1 else n
    last = offsets[-1] if len(offsets) > 1 else n
    pieces = [(0, first, False)] + [(a, b, True) for a, b in zip(offsets[:-1], offsets[1:])]
    pieces.append((last, n, False))
    values, new_index = [], [None] * n
    for start, stop, sort in pieces:
        items = [None if index[j] < 0 else data[index[j]] for j in range(start, stop)]
        order = model_order(items, ascending) if sort else range(len(items))  # outside: in place
        for p, i in enumerate(order):
            if items[i] is None:
                new_index[start + p] = -1
            else:
                new_index[start + p] = len(values)
                values.append(items[i])
    return values, new_index


def _random_case(rng, dtype):
    n = rng.randint(0, 60)
    datalength = rng.randint(0, 20)
    data = [rng.choice([0.0, -0.0, 1.5, -3.0, 2.0, float("nan"), 7.0]) for _ in range(datalength)]
    if dtype != "float64":
        data = [0 if _is_nan(v) else int(v * 2) for v in data]
    index = [rng.randrange(datalength) if datalength and rng.random() < 0.8 else -1 for _ in range(n)]
    cuts = sorted(rng.randint(0, n) for _ in range(rng.randint(0, 8)))
    return data, index, cuts


@pytest.mark.parametrize("dtype", ["float64", "int32"])
def test_kernels_against_the_model_on_random_inputs(dtype):
    from awkward._backends.numpy import NumpyBackend
    from awkward._do._segmented_sort import argsort_missing, sort_missing

    backend = NumpyBackend.instance()
    rng = random.Random(20261206)
    for _ in range(300):
        data, index, cuts = _random_case(rng, dtype)
        for ascending in (True, False):
            args = (np.array(index, dtype=np.int64), np.array(data, dtype=dtype), np.array(cuts, dtype=np.int64))
            values, new_index = sort_missing(backend, *args, ascending, int)
            expected_values, expected_index = _kernel_sort_model(index, data, cuts, ascending)
            assert _same(values.tolist(), expected_values)
            assert new_index.tolist() == expected_index
            for local in (False, True):
                order = argsort_missing(backend, *args, ascending, local).tolist()
                expected = list(range(len(index))) if not local else [0] * len(index)
                for a, b in zip(cuts[:-1], cuts[1:]):
                    items = [None if index[j] < 0 else data[index[j]] for j in range(a, b)]
                    expected[a:b] = [i + (0 if local else a) for i in model_order(items, ascending)]
                assert order == expected


def test_kernel_errors_name_the_problem():
    from awkward._backends.numpy import NumpyBackend

    backend = NumpyBackend.instance()
    kernel = backend["awkward_sort_missing_segments", np.float64, np.int64, np.int64, np.float64, np.int64, np.int64]
    out = (np.empty(3), np.empty(3, np.int64), np.empty(1, np.int64))
    data, offsets = np.zeros(2), np.array([0, 3], dtype=np.int64)
    with pytest.raises(ValueError, match="fromindex"):
        kernel(*out, data, np.array([0, 5, -1], dtype=np.int64), offsets, 1, 3, 2, True)
    kernel = backend["awkward_argsort_string_segments", np.int64, np.int64, np.uint8, np.int64]
    with pytest.raises(ValueError, match="fromoffsets"):
        kernel(np.empty(2, np.int64), np.array([0, 4, 1], dtype=np.int64), np.zeros(3, np.uint8), np.array([0, 2], dtype=np.int64), 1, 2, 3, True, False)


def test_errors_of_sort_with_missing_values():
    array = ak.Array([[1.0, None], [2.0]])
    with pytest.raises(ak.errors.AxisError, match="axis"):
        ak.sort(array, axis=2)
    with pytest.raises(ak.errors.AxisError, match="axis"):
        ak.argsort(array, axis=-3)


# ---------------------------------------------------------------------- laziness
def test_sort_of_a_field_with_missing_values_reads_only_that_field():
    lazy = Lazy()
    offsets = lazy.index([0, 3, 3, 5], "offsets")
    x = IndexedOptionArray(lazy.index([0, -1, 1, 2, -1], "x-index"), lazy.numpy([3.0, 1.0, 2.0], "x-data"))
    y = lazy.numpy([1.0, 2.0, 3.0, 4.0, 5.0], "y-data")
    events = ak.Array(ListOffsetArray(offsets, RecordArray([x, y], ["x", "y"])))
    assert lazy.total == 0
    got = ak.sort(events.x, axis=1)
    assert ak.to_list(got) == [[1.0, 3.0, None], [], [2.0, None]]
    assert lazy.calls["y-data"] == 0
    assert {k for k, v in lazy.calls.items() if v} == {"offsets", "x-index", "x-data"}
    ak.argsort(events.x, axis=1)
    assert lazy.calls["y-data"] == 0


# ---------------------------------------------------------------------- type tracer
# axis=-1 is in tests/test_typetracer_operations.py; the outer axes take the grouping path
TRACED_OPS = {
    "sort axis=0": lambda a: ak.sort(a, axis=0),
    "argsort axis=0 descending": lambda a: ak.argsort(a, axis=0, ascending=False),
    "sort axis=1 descending": lambda a: ak.sort(a, axis=1, ascending=False),
    "argsort axis=1": lambda a: ak.argsort(a, axis=1),
}


def _traced_layouts():
    from _structure_layouts import make_layouts

    return make_layouts()


@pytest.mark.parametrize("op_name", list(TRACED_OPS))
def test_tracer_form_and_touches_match_the_eager_run_at_outer_axes(op_name):
    from _typetracer_harness import compare

    applied = 0
    for layout in _traced_layouts().values():
        applied += compare(layout, TRACED_OPS[op_name])
    assert applied > 10


def test_tracer_of_option_numbers_and_strings():
    from _typetracer_harness import compare

    numbers = _lists_layout(lists_of("float32"), "BitMaskedArray", "ListArray", "float32")
    strings = ak.to_layout(ak.Array([["b", None, "a"], [], ["c"]]))
    for layout in (numbers, strings):
        for op in (lambda a: ak.sort(a, axis=1), lambda a: ak.argsort(a, axis=-1, ascending=False)):
            assert compare(layout, op)
