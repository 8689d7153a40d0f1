"""Merging layouts (awkward/contents/_merge.py): which pairs merge, what concatenation gives,
and UnionArray.simplified merging its mergeable contents (type strings checked by hand
against awkward 2.14), lazily where nothing merges."""

from __future__ import annotations

import numpy as np
import pytest
from counting_buffers import Lazy

import awkward as ak
from awkward.contents import (
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
from awkward.contents._merge import merge_layouts, mergeable
from awkward.index import Index8, Index64


def numbers(values, dtype=None):
    return NumpyArray(np.asarray(values, dtype=dtype))


def var(lists, dtype=None):
    offsets = np.cumsum([0] + [len(x) for x in lists])
    flat = [v for x in lists for v in x]
    return ListOffsetArray(Index64(offsets), numbers(flat, dtype if flat or dtype else np.int64))


def strings(values, array="string", char="char"):
    raw = [v.encode() if isinstance(v, str) else v for v in values]
    offsets = np.cumsum([0] + [len(x) for x in raw])
    data = NumpyArray(np.frombuffer(b"".join(raw), np.uint8).copy(), parameters={"__array__": char})
    return ListOffsetArray(Index64(offsets), data, parameters={"__array__": array})


def option(values):
    index = np.array([-1 if v is None else i for i, v in enumerate(values)], np.int64)
    content = numbers([0 if v is None else v for v in values])
    return IndexedOptionArray(Index64(index), content)


def record(columns, fields):
    length = len(columns[0])
    return RecordArray(columns, fields, length)


def union_of(*contents, **kwargs):
    """UnionArray.simplified over the contents, one after the other."""
    tags = np.concatenate([np.full(len(c), k, np.int8) for k, c in enumerate(contents)])
    index = np.concatenate([np.arange(len(c), dtype=np.int64) for c in contents])
    return UnionArray.simplified(Index8(tags), Index64(index), list(contents), **kwargs)


def expected(*contents):
    return [v for c in contents for v in c.to_list()]


def type_of(layout) -> str:
    return str(layout.form.type)


# ---------------------------------------------------------------------- mergeable pairs
def test_numbers_merge_with_promotion_and_bool_only_with_mergebool():
    i64, f64, u8, c128 = numbers([1, 2]), numbers([1.5]), numbers([3], np.uint8), numbers([1j])
    booleans = numbers([True, False])
    assert mergeable(i64, f64) and mergeable(u8, c128) and mergeable(booleans, booleans)
    assert not mergeable(booleans, i64)
    assert mergeable(booleans, i64, True) and mergeable(f64, booleans, True)
    assert not mergeable(i64, f64, mergecastable="equiv") and mergeable(i64, i64, mergecastable="equiv")
    assert not mergeable(i64, f64, mergecastable="family") and mergeable(i64, u8, mergecastable="family")
    day = numbers(np.array(["2020-01-01"], "datetime64[D]"))
    second = numbers(np.array(["2020-01-01"], "datetime64[s]"))
    assert mergeable(day, day) and not mergeable(day, second) and not mergeable(day, i64, True)
    out = merge_layouts([i64, f64, u8])
    assert type_of(out) == "float64" and out.to_list() == [1.0, 2.0, 1.5, 3.0]
    assert merge_layouts([booleans, i64], True).to_list() == [1, 0, 1, 2]


def test_numbers_of_other_dimensions_are_lists():
    matrix = NumpyArray(np.arange(6.0).reshape(3, 2))
    assert mergeable(matrix, var([[1], []])) and mergeable(matrix, RegularArray(numbers([1, 2]), 2))
    assert not mergeable(matrix, numbers([1.0])) and not mergeable(numbers([1.0]), var([[1]]))
    wider = NumpyArray(np.zeros((1, 3), np.int64))
    out = merge_layouts([matrix, wider])
    assert type_of(out) == "var * float64"
    assert out.to_list() == [[0.0, 1.0], [2.0, 3.0], [4.0, 5.0], [0.0, 0.0, 0.0]]


def test_lists_of_every_class_merge():
    offsets = var([[1, 2], [], [3]])
    starts_stops = ListArray(Index64(np.array([2, 0])), Index64(np.array([3, 1])), numbers([0.5, 1.5, 2.5]))
    regular = RegularArray(numbers([7, 8, 9, 10]), 2)
    for one in (offsets, starts_stops, regular):
        for two in (offsets, starts_stops, regular):
            assert mergeable(one, two)
    out = merge_layouts([offsets, starts_stops, regular])
    assert type_of(out) == "var * float64"
    assert out.to_list() == expected(offsets, starts_stops, regular)
    assert not mergeable(var([[True]]), offsets) and mergeable(var([[True]]), offsets, True)
    assert not mergeable(offsets, numbers([1]))


def test_regular_lists_stay_regular_only_with_one_size():
    two = RegularArray(numbers([1, 2, 3, 4]), 2)
    also_two = RegularArray(numbers([0.5, 1.5]), 2)
    three = RegularArray(numbers([5, 6, 7]), 3)
    same = merge_layouts([two, also_two])
    assert isinstance(same, RegularArray) and type_of(same) == "2 * float64"
    assert same.to_list() == expected(two, also_two)
    mixed = merge_layouts([two, three])
    assert type_of(mixed) == "var * int64" and mixed.to_list() == [[1, 2], [3, 4], [5, 6, 7]]


def test_records_merge_with_the_same_fields():
    xy = record([numbers([1]), numbers([2.5])], ["x", "y"])
    yx = record([numbers([1]), numbers([3.5])], ["y", "x"])
    only_x = record([numbers([1])], ["x"])
    assert mergeable(xy, yx) and not mergeable(xy, only_x)
    out = merge_layouts([xy, yx])
    assert type_of(out) == "{x: float64, y: float64}"
    assert out.to_list() == [{"x": 1.0, "y": 2.5}, {"x": 3.5, "y": 1.0}]
    pair = record([numbers([1]), numbers([2])], None)
    other_pair = record([numbers([1.5]), numbers([2])], None)
    triple = record([numbers([1]), numbers([2]), numbers([3])], None)
    assert mergeable(pair, other_pair) and not mergeable(pair, triple) and not mergeable(pair, xy)
    assert merge_layouts([pair, other_pair]).to_list() == [(1.0, 2), (1.5, 2)]
    strings_inside = record([strings(["a"])], ["x"])
    assert not mergeable(xy, strings_inside)
    named = RecordArray([numbers([1])], ["x"], 1, parameters={"__record__": "Point"})
    assert not mergeable(named, only_x) and mergeable(named, named)


def test_strings_merge_with_strings_only():
    one, two = strings(["a", "bc"]), strings(["xyz"])
    raw = strings([b"q"], "bytestring", "byte")
    assert mergeable(one, two) and not mergeable(one, raw) and not mergeable(one, var([[1]]))
    out = merge_layouts([one, two])
    assert type_of(out) == "string" and out.to_list() == ["a", "bc", "xyz"]


def test_options_merge_by_their_contents():
    maybe = option([1, None, 3])
    floats = numbers([0.5])
    assert mergeable(maybe, floats) and mergeable(floats, maybe) and not mergeable(maybe, var([[1]]))
    out = merge_layouts([floats, maybe, UnmaskedArray(numbers([7]))])
    assert type_of(out) == "?float64" and out.to_list() == [0.5, 1.0, None, 3.0, 7.0]
    indexed = IndexedArray(Index64(np.array([2, 0])), numbers([10, 20, 30]))
    assert mergeable(indexed, maybe)
    assert merge_layouts([indexed, maybe]).to_list() == [30, 10, 1, None, 3]


def test_empty_array_merges_with_anything_and_drops_out():
    empty = EmptyArray()
    for other in (numbers([1]), var([[1]]), strings(["a"]), record([numbers([1])], ["x"]), option([None])):
        assert mergeable(empty, other) and mergeable(other, empty)
        out = merge_layouts([empty, other, empty])
        assert out.to_list() == other.to_list() and type_of(out) == type_of(other)
    assert merge_layouts([empty, empty]).is_unknown


def test_non_mergeable_layouts_become_a_union_of_the_merged_groups():
    out = merge_layouts([numbers([1]), strings(["a"]), numbers([2.5]), strings(["b"])])
    assert type_of(out) == "union[float64, string]"
    assert out.to_list() == [1.0, "a", 2.5, "b"]


def test_merge_layouts_checks_its_arguments():
    with pytest.raises(ValueError, match="mergecastable"):
        merge_layouts([numbers([1])], mergecastable="whatever")
    with pytest.raises(ValueError, match="at least one"):
        merge_layouts([])


# ---------------------------------------------------------------------- UnionArray.simplified
@pytest.mark.parametrize(
    ("make", "type_string"),
    [
        (lambda: (strings(["a", "bc"]), strings(["x"])), "string"),
        (lambda: (var([[1, 2], [3]]), NumpyArray(np.array([[1.5, 2.5]]))), "var * float64"),
        (lambda: (var([[1, 2], [3]]), RegularArray(numbers([0, 1, 2, 3]), 2)), "var * int64"),
        (lambda: (RegularArray(numbers([0, 1, 2, 3]), 2), RegularArray(numbers([0.0, 1.0]), 2)), "2 * float64"),
        (lambda: (var([[1, 2], [3]]), var([[True]])), "union[var * int64, var * bool]"),
        (
            lambda: (record([numbers([1]), numbers([2.5])], ["x", "y"]), record([numbers([1]), numbers([2.5])], ["y", "x"])),
            "{x: float64, y: float64}",
        ),
        (
            lambda: (record([numbers([1]), numbers([2.5])], ["x", "y"]), record([numbers([1])], ["x"])),
            "union[{x: int64, y: float64}, {x: int64}]",
        ),
        (lambda: (option([1, None]), numbers([0.5])), "?float64"),
        (lambda: (var([[1], [2]]), option([None, 2])), "union[option[var * int64], ?int64]"),
        (lambda: (strings(["a"]), strings([b"a"], "bytestring", "byte")), "union[string, bytes]"),
        (lambda: (EmptyArray(), numbers([0.5])), "float64"),
        (lambda: (EmptyArray(), strings(["a"]), numbers([0.5])), "union[string, float64]"),
        (lambda: (option([1, None]), strings(["a"]), numbers([0.5])), "union[?float64, ?string]"),
        (lambda: (numbers([True]), numbers([1, 2])), "union[bool, int64]"),
    ],
)
def test_simplified_merges_mergeable_contents(make, type_string):
    contents = make()
    out = union_of(*contents)
    assert type_of(out) == type_string
    assert out.to_list() == expected(*contents)
    assert out.validity_error() == ""


def test_simplified_options_and_mergebool():
    contents = (numbers([True]), numbers([1, 2]))
    assert type_of(union_of(*contents, mergebool=True)) == "int64"
    assert union_of(*contents, mergebool=True).to_list() == [1, 1, 2]
    nested = (var([[1], []]), ListOffsetArray(Index64(np.array([0, 1])), option([None])))
    out = union_of(*nested)
    assert type_of(out) == "var * ?int64" and out.to_list() == [[1], [], [None]]


def test_simplified_reindexes_scrambled_tags_and_index():
    # tags and index in any order, some elements unused: each picks its own value
    first, second, third = strings(["a", "b", "c"]), numbers([10, 20]), strings(["xy"])
    tags = Index8(np.array([2, 0, 1, 0, 1], np.int8))
    index = Index64(np.array([0, 2, 1, 0, 0]))
    out = UnionArray.simplified(tags, index, [first, second, third])
    assert type_of(out) == "union[string, int64]"
    assert out.to_list() == ["xy", "c", 20, "a", 10]
    inner = union_of(numbers([1.5]), strings(["z"]))
    outer = UnionArray.simplified(
        Index8(np.array([1, 0, 1], np.int8)), Index64(np.array([1, 0, 0])), [strings(["q"]), inner]
    )
    assert type_of(outer) == "union[string, float64]" and outer.to_list() == ["z", "q", 1.5]


# ---------------------------------------------------------------------- laziness
def test_simplified_reads_nothing_for_a_canonical_union_of_non_mergeable_contents():
    lazy = Lazy()
    content = lazy.numpy([1, 2], "numbers")
    text = ListOffsetArray(
        lazy.index([0, 1, 3], "offsets"),
        NumpyArray(lazy.buffer(np.frombuffer(b"abc", np.uint8), "chars"), parameters={"__array__": "char"}),
        parameters={"__array__": "string"},
    )
    out = UnionArray.simplified(
        lazy.index([0, 1, 1], "tags", Index8), lazy.index([0, 0, 1], "index"), [content, text]
    )
    assert isinstance(out, UnionArray) and type_of(out) == "union[int64, string]"
    assert lazy.total == 0
    assert out.to_list() == [1, "a", "bc"]


def test_simplified_reads_only_tags_and_index_when_flattening_non_mergeable_contents():
    lazy = Lazy()
    inner = UnionArray(
        lazy.index([0, 1], "inner_tags", Index8),
        lazy.index([0, 0], "inner_index"),
        [lazy.numpy([1, 2], "numbers"), RecordArray([lazy.numpy([0.5], "x")], ["x"], 1)],
    )
    words = ListOffsetArray(lazy.index([0, 1], "offsets"), lazy.numpy([5], "items"))
    out = UnionArray.simplified(
        lazy.index([0, 0, 1], "tags", Index8), lazy.index([0, 1, 0], "index"), [inner, words]
    )
    assert type_of(out) == "union[int64, {x: float64}, var * int64]"
    assert set(lazy.calls) == {"tags", "index", "inner_tags", "inner_index"}
    assert out.to_list() == [1, {"x": 0.5}, [5]]


def test_simplified_reads_the_merged_contents_only():
    lazy = Lazy()
    ints, floats = lazy.numpy([1, 2], "ints"), lazy.numpy([0.5], "floats")
    words = ListOffsetArray(lazy.index([0, 1], "offsets"), lazy.numpy([5], "items"))
    out = UnionArray.simplified(
        lazy.index([0, 1, 2, 0], "tags", Index8), lazy.index([0, 0, 0, 1], "index"), [ints, words, floats]
    )
    assert type_of(out) == "union[float64, var * int64]"
    assert set(lazy.calls) == {"tags", "index", "ints", "floats"}
    assert all(count == 1 for count in lazy.calls.values())
    assert out.to_list() == [1.0, [5], 0.5, 2.0]


# ---------------------------------------------------------------------- users of the merge
def test_where_between_strings_gives_strings():
    out = ak.where(ak.Array([True, False]), ak.Array(["a", "b"]), ak.Array(["x", "y"]))
    assert str(out.type) == "2 * string" and out.to_list() == ["a", "y"]


def test_concatenate_merges_records_and_lists():
    one = ak.Array([{"x": [1, 2]}])
    two = ak.Array([{"x": [0.5]}])
    out = np.concatenate([one, two])
    assert str(out.type) == "2 * {x: var * float64}" and out.to_list() == [{"x": [1.0, 2.0]}, {"x": [0.5]}]
