"""ak.Array and ak.Record inside numba.njit (awkward/_connect/numba): a table of compiled
functions over every layout kind, each compared with the same logic run in plain Python over
``to_list()`` (the function's own ``py_func`` where Python lists/dicts can run it unchanged,
an explicit model otherwise); returning views, behaviors, laziness and errors."""

from __future__ import annotations

import operator

import numpy as np
import pytest

numba = pytest.importorskip("numba")

from counting_buffers import Lazy  # noqa: E402

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

# ---------------------------------------------------------------------- compiled functions
# (written so that the same source runs on Python lists, dicts and tuples: py_func is the model)


@numba.njit
def sum_1(x):
    total = 0.0
    for value in x:
        total += value
    return total


@numba.njit
def sum_2(x):
    total = 0.0
    for inner in x:
        for value in inner:
            total += value
    return total


@numba.njit
def sum_3(x):
    total = 0.0
    for a in x:
        for b in a:
            for value in b:
                total += value
    return total


@numba.njit
def sum_2_indexed(x):
    total = 0.0
    for i in range(len(x)):
        inner = x[i]
        for j in range(len(inner)):
            total += inner[j] * (j + 1) + inner[-1 - j]
    return total


@numba.njit
def lengths(x):
    out = []
    for inner in x:
        out.append(len(inner))
    return out


@numba.njit
def count_none_1(x):
    total = 0.0
    missing = 0
    for value in x:
        if value is None:
            missing += 1
        else:
            total += value
    return total, missing


@numba.njit
def count_none_2(x):
    total = 0.0
    missing = 0
    for inner in x:
        if inner is None:
            missing += 1
        else:
            for value in inner:
                if value is None:
                    missing += 1
                else:
                    total += value
    return total, missing


@numba.njit
def records_xy(x):
    total = 0.0
    for record in x:
        total += record["x"] * 10 + len(record["y"])
    return total


@numba.njit
def records_attribute(x):
    total = 0.0
    for record in x:
        total += record.x * 10 + len(record.y)
    return total


def records_attribute_model(data):
    return sum(r["x"] * 10 + len(r["y"]) for r in data)


@numba.njit
def tuples(x):
    total = 0.0
    for record in x:
        total += record[0] + 100 * record["1"]
    return total


def tuples_model(data):
    return sum(r[0] + 100 * r[1] for r in data)


@numba.njit
def strings_out(x):
    out = []
    for value in x:
        out.append(value)
    return out


@numba.njit
def strings_join(x):
    out = ""
    for value in x:
        out += value + "|"
    return out


@numba.njit
def bytes_lengths(x):
    out = []
    for value in x:
        out.append(len(value))
    return out


@numba.njit
def nested_strings(x):
    count = 0
    longest = 0
    for inner in x:
        for value in inner:
            count += 1
            longest = max(longest, len(value))
    return count, longest


@numba.njit
def events_pt(events):
    total = 0.0
    for muons in events.muons.pt:
        for pt in muons:
            total += pt
    for event in events:
        for muon in event.muons:
            total += muon.pt * muon["charge"]
    return total


def events_pt_model(data):
    total = sum(m["pt"] for e in data for m in e["muons"])
    return total + sum(m["pt"] * m["charge"] for e in data for m in e["muons"])


@numba.njit
def slices(x):
    total = 0.0
    for inner in x[1:]:
        for value in inner[-2:]:
            total += value
    for inner in x[:-1]:
        for value in inner[1:100]:
            total += 10 * value
    return total, len(x[5:2]), len(x[-100:100])


def as_float(data):
    return [float(v) for v in data]


# ---------------------------------------------------------------------- layouts
def jagged():
    return ak.Array([[1.5, 2.0, 3.0], [], [4.0, 5.0], [6.0]])


def list_array(index_cls):
    dtype = index_cls._expected_dtype
    layout = ListArray(
        index_cls(np.array([4, 0, 2, 7], dtype)),
        index_cls(np.array([6, 2, 2, 9], dtype)),
        NumpyArray(np.arange(10, dtype=np.float64)),
    )
    return ak.Array(layout)


def regular():
    return ak.Array(RegularArray(NumpyArray(np.arange(12, dtype=np.int32)), 3))


def numpy_2d():
    return ak.Array(np.arange(12.0).reshape(4, 3))


def numpy_3d():
    return ak.Array(np.arange(24, dtype=np.int64).reshape(2, 3, 4))


def nested():
    return ak.Array([[[1.0, 2.0], [3.0]], [], [[4.0], [], [5.0, 6.0]]])


def indexed():
    return ak.Array(
        IndexedArray(Index64(np.array([3, 0, 0, 2])), NumpyArray(np.array([1.0, 2.0, 3.0, 4.0])))
    )


def indexed_option():
    return ak.Array(
        IndexedOptionArray(
            Index64(np.array([3, -1, 0, 2, -1])), NumpyArray(np.array([1.0, 2, 3, 4]))
        )
    )


def byte_masked(valid_when):
    mask = np.array([1, 0, 1, 1, 0], np.int8) if valid_when else np.array([0, 1, 0, 0, 1], np.int8)
    return ak.Array(
        ByteMaskedArray(Index8(mask), NumpyArray(np.arange(5.0)), valid_when=valid_when)
    )


def bit_masked(valid_when, lsb_order):
    bits = [True, False, True, True, False, False, True, True, True, False]
    if not valid_when:
        bits = [not b for b in bits]
    mask = np.packbits(np.array(bits, np.uint8), bitorder="little" if lsb_order else "big")
    layout = BitMaskedArray(
        IndexU8(mask),
        NumpyArray(np.arange(10.0)),
        valid_when=valid_when,
        length=10,
        lsb_order=lsb_order,
    )
    return ak.Array(layout)


def unmasked():
    return ak.Array(UnmaskedArray(NumpyArray(np.array([1.0, 2.0, 3.0]))))


def option_lists():
    return ak.Array([[1.0, None, 2.0], None, [], [None, 3.0]])


def records():
    return ak.Array([{"x": 1.0, "y": [1, 2]}, {"x": 2.5, "y": []}, {"x": -1.0, "y": [3]}])


def record_array_layout():
    layout = RecordArray([NumpyArray(np.array([1.0, 2.0, 3.0])), ListOffsetArray(Index64(np.array([0, 1, 1, 3])),
                          NumpyArray(np.array([5, 6, 7])))], ["x", "y"])  # fmt: skip
    return ak.Array(layout)


def tuple_array():
    return ak.Array([(1, 2.0), (3, 4.5), (5, 6.0)])


def events():
    return ak.Array(
        [
            {"muons": [{"pt": 10.0, "charge": 1}, {"pt": 20.0, "charge": -1}]},
            {"muons": []},
            {"muons": [{"pt": 5.5, "charge": 1}]},
        ]
    )


def strings():
    return ak.Array(["hello", "", "wörld", "日本語", "😀 emoji", "a"])


def bytestrings():
    return ak.Array([b"ab", b"", b"xyz\x00\xff"])


def union_numbers():
    layout = UnionArray(
        Index8(np.array([0, 1, 0, 1, 1], np.int8)),
        Index64(np.array([0, 0, 1, 2, 1])),
        [NumpyArray(np.array([1, 2], np.int64)), NumpyArray(np.array([0.5, 1.5, 2.5]))],
    )
    return ak.Array(layout)


def union_lists():
    layout = UnionArray(
        Index8(np.array([0, 1, 1, 0], np.int8)),
        Index32(np.array([0, 0, 1, 1], np.int32)),
        [ak.to_layout([[1.0, 2.0], [3.0]]), ak.to_layout([[4.0], [5.0, 6.0, 7.0]])],
    )
    return ak.Array(layout)


def empty():
    return ak.Array(EmptyArray())


def empty_lists():
    return ak.Array(ListOffsetArray(Index64(np.array([0, 0, 0])), EmptyArray()))


PY_FUNC = object()  # marks "the function's own py_func is the model"

CASES = [
    ("flat numpy", lambda: ak.Array(np.array([1.0, 2.0, 3.5])), sum_1, PY_FUNC),
    ("flat int32", lambda: ak.Array(np.array([1, 2, 3], np.int32)), sum_1, PY_FUNC),
    ("flat bool", lambda: ak.Array(np.array([True, False, True])), sum_1, PY_FUNC),
    ("jagged sum", jagged, sum_2, PY_FUNC),
    ("jagged indexed", jagged, sum_2_indexed, PY_FUNC),
    ("jagged lengths", jagged, lengths, PY_FUNC),
    ("list array i32", lambda: list_array(Index32), sum_2_indexed, PY_FUNC),
    ("list array u32", lambda: list_array(IndexU32), sum_2, PY_FUNC),
    ("list array i64", lambda: list_array(Index64), lengths, PY_FUNC),
    ("regular", regular, sum_2_indexed, PY_FUNC),
    ("numpy 2d", numpy_2d, sum_2_indexed, PY_FUNC),
    ("numpy 3d", numpy_3d, sum_3, PY_FUNC),
    ("nested lists", nested, sum_3, PY_FUNC),
    ("jagged slices", jagged, slices, PY_FUNC),
    ("indexed", indexed, sum_1, PY_FUNC),
    ("indexed option", indexed_option, count_none_1, PY_FUNC),
    ("byte masked valid", lambda: byte_masked(True), count_none_1, PY_FUNC),
    ("byte masked invalid", lambda: byte_masked(False), count_none_1, PY_FUNC),
    ("bit masked lsb", lambda: bit_masked(True, True), count_none_1, PY_FUNC),
    ("bit masked msb", lambda: bit_masked(True, False), count_none_1, PY_FUNC),
    ("bit masked invalid lsb", lambda: bit_masked(False, True), count_none_1, PY_FUNC),
    ("bit masked invalid msb", lambda: bit_masked(False, False), count_none_1, PY_FUNC),
    ("unmasked", unmasked, count_none_1, PY_FUNC),
    ("option lists", option_lists, count_none_2, PY_FUNC),
    ("records by key", records, records_xy, PY_FUNC),
    ("records by attribute", records, records_attribute, records_attribute_model),
    ("records from layout", record_array_layout, records_xy, PY_FUNC),
    ("tuples", tuple_array, tuples, tuples_model),
    ("fields below lists", events, events_pt, events_pt_model),
    ("strings", strings, strings_out, PY_FUNC),
    ("strings joined", strings, strings_join, PY_FUNC),
    ("bytestrings", bytestrings, strings_out, PY_FUNC),
    ("bytestring lengths", bytestrings, bytes_lengths, PY_FUNC),
    ("nested strings", lambda: ak.Array([["a", "bcd"], [], ["éé"]]), nested_strings, PY_FUNC),
    ("union of numbers", union_numbers, sum_1, PY_FUNC),
    ("union of lists", union_lists, sum_2, PY_FUNC),
    ("empty", empty, sum_1, PY_FUNC),
    ("lists of empty", empty_lists, sum_2, PY_FUNC),
]


def _same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return a == pytest.approx(b)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


@pytest.mark.parametrize(("name", "make", "function", "model"), CASES, ids=[c[0] for c in CASES])
def test_table(name, make, function, model):
    array = make()
    data = array.to_list()
    expected = function.py_func(data) if model is PY_FUNC else model(data)
    got = function(array)
    assert _same(got, expected), (got, expected)
    assert _same(function(array), expected)  # second call: cached Lookup and type


# ---------------------------------------------------------------------- single elements, errors
@numba.njit
def element(x, i):
    return x[i]


@pytest.mark.parametrize(
    "make",
    [jagged, regular, numpy_2d, nested, indexed, indexed_option, unmasked, option_lists, records, tuple_array,
     strings, bytestrings, union_numbers, lambda: byte_masked(True), lambda: bit_masked(True, False)],
)  # fmt: skip
def test_element_and_negative_index(make):
    array = make()
    data = array.to_list()
    for i in [0, len(data) - 1, -1, -len(data)]:
        got = element(array, i)
        got = got.to_list() if isinstance(got, (ak.Array, ak.Record)) else got
        assert _same(got, data[i]), (i, got, data[i])
    for i in [len(data), -len(data) - 1]:
        with pytest.raises(IndexError):
            element(array, i)


@numba.njit
def first_last(x):
    return x[0], x[-1]


@pytest.mark.parametrize(
    "values",
    [
        np.array(["2020-01-01", "2021-06-01"], "datetime64[D]"),
        np.array([1 + 2j, 3j]),
        np.array([1, 250], np.uint8),
        np.array([1.5, -2.5], np.float32),
        np.array([True, False]),
    ],
)
def test_dtypes(values):
    array = ak.Array(values)
    assert first_last(array) == (values[0], values[-1])


def test_nested_records_and_odd_field_names():
    @numba.njit
    def nested_fields(x):
        return x[0].inner.v, x.inner.v, x[1].inner, x[0]["a b"]

    array = ak.Array([{"inner": {"v": 1}, "a b": 5}, {"inner": {"v": 2}, "a b": 6}])
    first, column, record, odd = nested_fields(array)
    assert first == 1 and column.to_list() == [1, 2] and record.to_list() == {"v": 2} and odd == 5


def test_random_option_lists():
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies
    values = st.one_of(st.none(), st.floats(-100, 100, allow_nan=False))
    lists = st.lists(st.one_of(st.none(), st.lists(values, max_size=5)), max_size=8)

    @hypothesis.settings(max_examples=30, deadline=None)
    @hypothesis.given(lists)
    def check(data):
        array = ak.Array(data)
        if array.layout.purelist_depth != 2 or "?" not in str(array.type.content.content):
            array = ak.Array(data + [[None, 1.5]])
        got = count_none_2(array)
        assert _same(got, count_none_2.py_func(array.to_list()))

    check()


def test_empty_index_error():
    with pytest.raises(IndexError):
        element(empty(), 0)


# ---------------------------------------------------------------------- returning arrays
@numba.njit
def return_slice(x, start, stop):
    return x[start:stop]


@numba.njit
def return_inner(x, i):
    return x[i][1:]


@numba.njit
def return_field(x):
    return x.muons.pt, x["muons"], x[0].muons


@numba.njit
def return_record(x, i):
    return x[i]


@pytest.mark.parametrize(
    "make", [jagged, nested, records, option_lists, strings, union_lists, regular, numpy_2d]
)
def test_return_views(make):
    array = make()
    data = array.to_list()
    for start, stop in [(0, len(data)), (1, 3), (-2, 100), (3, 1)]:
        out = return_slice(array, start, stop)
        assert isinstance(out, ak.Array)
        assert out.to_list() == data[start:stop]
        assert str(out.type.content) == str(array.type.content)


def test_return_inner_and_fields():
    assert return_inner(nested(), 2).to_list() == nested().to_list()[2][1:]
    pts, muons, first = return_field(events())
    data = events().to_list()
    assert pts.to_list() == [[m["pt"] for m in e["muons"]] for e in data]
    assert muons.to_list() == [e["muons"] for e in data]
    assert first.to_list() == data[0]["muons"]


def test_return_record_and_record_argument():
    array = records()
    out = return_record(array, 1)
    assert isinstance(out, ak.Record)
    assert out.to_list() == array.to_list()[1]

    @numba.njit
    def fields_of(record):
        return record.x, record["y"], len(record.y)

    x, y, n = fields_of(array[2])
    assert x == -1.0 and y.to_list() == [3] and n == 1


def test_behavior_and_attrs_carried_to_returned_arrays():
    class Point(ak.Record):
        pass

    behavior = {"Point": Point}
    array = ak.Array(
        [{"x": 1.0}, {"x": 2.0}], with_name="Point", behavior=behavior, attrs={"tag": 1}
    )
    out = return_slice(array, 1, 2)
    assert out.behavior is behavior and out.attrs["tag"] == 1
    assert isinstance(return_record(array, 0), Point)


def test_slice_step_refused():
    # a slice with a step is a TypingError (as in awkward 2.14), even a step of 1
    @numba.njit
    def stepped(x):
        return x[::2]

    with pytest.raises(numba.TypingError, match="not slices with a step"):
        stepped(jagged())

    @numba.njit
    def unit_step(x):
        return x[1::1]

    with pytest.raises(numba.TypingError, match="not slices with a step"):
        unit_step(jagged())


# ---------------------------------------------------------------------- types
def test_numba_types():
    from awkward._connect.numba import layout as L
    from awkward._connect.numba.views import ArrayViewType, RecordViewType

    t = jagged().numba_type
    assert isinstance(t, ArrayViewType) and isinstance(t.type, L.ListArrayType)
    assert isinstance(t.type.contenttype, L.NumpyArrayType)
    assert t.type.contenttype.arraytype.dtype == numba.float64
    assert numba.typeof(jagged()) == t
    r = records()[0].numba_type
    assert isinstance(r, RecordViewType) and isinstance(r.arrayviewtype.type, L.RecordArrayType)
    assert r.arrayviewtype.type.fields == ("x", "y")
    kinds = {
        indexed: L.IndexedArrayType, indexed_option: L.IndexedOptionArrayType, unmasked: L.UnmaskedArrayType,
        regular: L.RegularArrayType, union_numbers: L.UnionArrayType, empty: L.EmptyArrayType,
        (lambda: byte_masked(True)): L.ByteMaskedArrayType, (lambda: bit_masked(True, True)): L.BitMaskedArrayType,
    }  # fmt: skip
    for make, kind in kinds.items():
        assert isinstance(make().numba_type.type, kind)


def test_union_without_common_type_is_typing_error():
    array = ak.Array(UnionArray(Index8(np.array([0, 1], np.int8)), Index64(np.array([0, 0])),
                                [NumpyArray(np.array([1.0])), ak.to_layout(["x"])]))  # fmt: skip
    with pytest.raises(numba.TypingError, match="union"):
        element(array, 0)


def test_missing_field_is_typing_error():
    @numba.njit
    def missing(x):
        return x.nope

    with pytest.raises(numba.TypingError):
        missing(records())


# ---------------------------------------------------------------------- behaviors
def _point_behavior():
    behavior = {}

    class Point(ak.Record):
        pass

    behavior["Point"] = Point

    def lower_with(impl):
        def lower(context, builder, sig, args):
            return context.compile_internal(builder, impl, sig, args)

        return lower

    behavior["__numba_typer__", "Point", "mag"] = lambda viewtype: numba.float64
    behavior["__numba_lower__", "Point", "mag"] = lower_with(lambda r: np.sqrt(r.x**2 + r.y**2))
    behavior["__numba_typer__", "Point", "scaled_x", ()] = lambda viewtype, args: numba.float64(
        *args
    )
    behavior["__numba_lower__", "Point", "scaled_x", ()] = lower_with(lambda r, k: r.x * k)
    behavior["__numba_typer__", "Point", operator.add, "Point"] = lambda op, left, right: (
        numba.float64
    )
    behavior["__numba_lower__", "Point", operator.add, "Point"] = lower_with(
        lambda a, b: a.x + b.x + a.y + b.y
    )
    behavior["__numba_typer__", operator.neg, "Point"] = lambda op, t: numba.float64
    behavior["__numba_lower__", operator.neg, "Point"] = lower_with(lambda a: -a.y)
    return behavior


def test_record_behaviors():
    behavior = _point_behavior()
    array = ak.Array([[{"x": 3.0, "y": 4.0}, {"x": 1.0, "y": 0.0}], [], [{"x": 0.0, "y": 2.0}]],
                     with_name="Point", behavior=behavior)  # fmt: skip

    @numba.njit
    def use(points):
        total = 0.0
        for event in points:
            for p in event:
                total += p.mag + p.scaled_x(2.0)
        first = points[0]
        return total, first[0] + first[1], -first[0]

    data = array.to_list()
    mags = sum(np.hypot(p["x"], p["y"]) + 2 * p["x"] for e in data for p in e)
    a, b = data[0]
    assert _same(use(array), (mags, a["x"] + b["x"] + a["y"] + b["y"], -a["y"]))


def test_whole_record_typer():
    # behavior["__numba_typer__", name] turns each record taken out into another numba type
    behavior = {}
    behavior["__numba_typer__", "Pair"] = lambda viewtype: numba.types.UniTuple(numba.float64, 2)

    def lower(context, builder, sig, args):
        return context.compile_internal(builder, lambda r: (r["x"], r["y"]), sig, args)

    behavior["__numba_lower__", "Pair"] = lower
    array = ak.Array(
        [[{"x": 1.0, "y": 2.0}], [{"x": 3.0, "y": 4.0}]], with_name="Pair", behavior=behavior
    )

    @numba.njit
    def pairs(x):
        out = []
        for inner in x:
            for pair in inner:
                out.append(pair[0] * 10 + pair[1])
        return out

    assert pairs(array) == [p["x"] * 10 + p["y"] for e in array.to_list() for p in e]


# ---------------------------------------------------------------------- laziness and errors
def _lazy_records(lazy):
    offsets = lazy.index([0, 2, 2, 3], "offsets")
    x = lazy.numpy([1.0, 2.0, 3.0], "x")
    y = lazy.numpy([10, 20, 30], "y")
    return ak.Array(ListOffsetArray(offsets, RecordArray([x, y], ["lazy_x", "lazy_y"])))


def test_typing_reads_nothing_and_passing_materializes_once():
    # (field names of their own: which fields are laid out depends on what any compiled code
    # of the process reads from records of this type)
    lazy = Lazy()
    array = _lazy_records(lazy)
    assert array.numba_type == numba.typeof(array)
    assert lazy.total == 0

    @numba.njit
    def sum_x(events):
        total = 0.0
        for event in events:
            for record in event:
                total += record.lazy_x
        return total

    assert sum_x(array) == 6.0
    assert lazy.calls == {"offsets": 1, "x": 1}  # the field no compiled code reads stays unread
    assert sum_x(array) == 6.0
    assert lazy.calls == {"offsets": 1, "x": 1}

    @numba.njit
    def sum_y(events):
        total = 0
        for y in events.lazy_y:
            for value in y:
                total += value
        return total

    assert sum_y(array) == 60
    assert lazy.calls == {"offsets": 1, "x": 1, "y": 1}

    @numba.njit
    def whole(events):
        return events[0][1], events[1:]

    record, rest = whole(array)  # boxing needs no buffer: the layout itself comes back
    assert record.to_list() == {"lazy_x": 2.0, "lazy_y": 20} and rest.to_list() == [
        [],
        [{"lazy_x": 3.0, "lazy_y": 30}],
    ]
    assert all(count == 1 for count in lazy.calls.values()), lazy.calls


def test_generator_exception_keeps_its_type():
    form, length, container = ak.to_buffers(jagged())

    def broken():
        raise OSError("the file went away")

    lazy = {
        key: (broken if "offsets" in key else (lambda value=value: value))
        for key, value in container.items()
    }
    array = ak.from_buffers(form, length, lazy)
    with pytest.raises(OSError, match="the file went away"):
        sum_2(array)


def test_placeholder_buffer_is_a_clear_error_before_compiling():
    from awkward._nplikes.numpy import Numpy
    from awkward._nplikes.placeholder import PlaceholderArray

    form, length, container = ak.to_buffers(jagged())
    container = {
        key: PlaceholderArray(Numpy.instance(), value.shape, value.dtype, buffer_key=key)
        if "data" in key
        else value
        for key, value in container.items()
    }
    array = ak.from_buffers(form, length, container)
    # (virtualized, the placeholder hides behind a generator: its own RuntimeError on the call)
    with pytest.raises((TypeError, RuntimeError), match="placeholder"):
        sum_2(array)


def test_typetracer_refused():
    array = ak.Array(jagged().layout.to_typetracer())
    with pytest.raises(TypeError, match="cpu"):
        sum_2(array)


def test_unprepared_field_raises_instead_of_crashing():
    @numba.njit
    def read_guard_field(x):
        total = 0.0
        for record in x:
            total += record.guard_a
        return total

    array = ak.Array([{"guard_a": 1.0, "guard_b": 2}, {"guard_a": 3.0, "guard_b": 4}])
    assert read_guard_field(array) == 4.0
    recordtype = array.numba_type.type
    saved = set(recordtype.accessed)
    try:  # as if the code had been typed in another process: the Lookup lays out no field
        recordtype.accessed.clear()
        fresh = ak.Array(array.layout)
        with pytest.raises(RuntimeError, match="not prepared"):
            read_guard_field(fresh)
    finally:
        for index in saved:
            recordtype.mark_accessed(index)
    assert read_guard_field(ak.Array(array.layout)) == 4.0


def test_on_disk_cache_carries_the_fields_read(tmp_path):
    import os
    import subprocess
    import sys

    (tmp_path / "cached_module.py").write_text(
        "import numba\n"
        "@numba.njit(cache=True)\n"
        "def sum_px(events):\n"
        "    total = 0.0\n"
        "    for event in events:\n"
        "        for p in event:\n"
        "            total += p.disk_px\n"
        "    return total\n"
    )
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import awkward as ak\n"
        "from cached_module import sum_px\n"
        "a = ak.Array([[{'disk_px': 1.0, 'disk_py': 2.0}], [], [{'disk_px': 3.0, 'disk_py': 4.0}]])\n"
        "print(sum_px(a), sum(sum_px.stats.cache_hits.values()))\n"
    )
    outputs = []
    for _ in range(2):
        result = subprocess.run(
            [sys.executable, "-W", "ignore", "-c", script, str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "NUMBA_CACHE_DIR": str(tmp_path / "cache")},
        )
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout.split())
    assert outputs[0] == ["4.0", "0"]
    assert outputs[1] == ["4.0", "1"]  # loaded from the cache, typed in the first process


@numba.njit
def _inner_sum(sub):
    total = 0.0
    for record in sub:
        total += record.x
    return total


@numba.njit
def _record_x(record):
    return record.x


def test_views_passed_between_compiled_functions_and_prange():
    @numba.njit
    def outer(x):
        total = 0.0
        for sub in x:
            total += _inner_sum(sub)
            if len(sub) > 0:
                total += _record_x(sub[0])
        return total

    array = ak.Array([[{"x": 1.0}, {"x": 2.0}], [], [{"x": 3.0}]])
    data = array.to_list()
    assert outer(array) == sum(r["x"] for e in data for r in e) + sum(e[0]["x"] for e in data if e)

    @numba.njit(parallel=True)
    def per_list(x):
        out = np.zeros(len(x))
        for i in numba.prange(len(x)):
            out[i] = _inner_sum(x[i])
        return out

    assert per_list(array).tolist() == [sum(r["x"] for r in e) for e in data]
