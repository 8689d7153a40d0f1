"""Issue 10, remaining gaps against awkward 2.14 (settled with akc): unflatten of EmptyArray
at any depth, unions kept by unflatten and local_index, argcartesian of string characters,
regular dimensions kept by nested cartesian, and records refusing a deeper cartesian axis.
Expected values come from pure-Python models on ``to_list()`` data."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

import awkward as ak
from awkward.errors import AxisError

# ---- models ----------------------------------------------------------------------------


def cut(items, counts):
    """``items`` cut into lists of ``counts`` (None: a missing list)."""
    out, at = [], 0
    for c in counts:
        out.append(None if c is None else items[at : at + c])
        at += c or 0
    assert at == len(items)
    return out


def product_model(rows):
    """The cartesian product of each row's lists (``rows``: one list per array per row)."""
    return [[tuple(t) for t in itertools.product(*lists)] for lists in zip(*rows)]


def plain(value):
    """Tuples (records) as lists, for comparing with to_list() output."""
    if isinstance(value, (list, tuple)):
        return [plain(x) for x in value]
    return value


def nested_pairs(a, b):
    return [[[(x, y) for y in lb] for x in la] for la, lb in zip(a, b)]


def nested_triples(a, b, c):
    return [[[[(x, y, z) for z in lc] for y in lb] for x in la] for la, lb, lc in zip(a, b, c)]


def union_of_lists(first, second, tags):
    """A UnionArray built by hand over two mergeable list layouts."""
    tags = np.array(tags, np.int8)
    index = np.zeros(len(tags), np.int64)
    for t in (0, 1):
        index[tags == t] = np.arange(int((tags == t).sum()))
    return ak.Array(
        ak.contents.UnionArray(
            ak.index.Index8(tags), ak.index.Index64(index), [ak.to_layout(first), ak.to_layout(second)]
        )
    )


# ---- 1. unflatten of EmptyArray ---------------------------------------------------------

EMPTY = ak.contents.EmptyArray()


@pytest.mark.parametrize("axis", [1, 2, 5])
@pytest.mark.parametrize("counts", [0, 1, 3, np.array([], np.int64)])
def test_unflatten_empty_array_any_depth(axis, counts):
    out = ak.unflatten(ak.Array(EMPTY), counts, axis=axis)
    assert out.to_list() == [] and str(out.type) == "0 * unknown"


@pytest.mark.parametrize("axis", [2, 3])
@pytest.mark.parametrize("counts", [0, 2, np.array([], np.int64)])
def test_unflatten_lists_of_empty_array(axis, counts):
    out = ak.unflatten([[], []], counts, axis=axis)
    assert out.to_list() == [[], []] and str(out.type) == "2 * var * unknown"


def test_unflatten_empty_array_counts_do_not_fit():
    with pytest.raises(ValueError, match="ak.unflatten: structure imposed by 'counts' does not fit"):
        ak.unflatten(ak.Array(EMPTY), np.array([1, 2]), axis=1)
    with pytest.raises(ValueError, match="does not fit"):
        ak.unflatten([[], []], np.array([1]), axis=2)


def test_unflatten_empty_array_axis_0_and_negative():
    assert str(ak.unflatten(ak.Array(EMPTY), 0, axis=-1).type) == "0 * 0 * unknown"
    assert str(ak.unflatten([[], []], 0, axis=1).type) == "2 * var * 0 * unknown"
    with pytest.raises(AxisError):
        ak.unflatten(ak.Array([[1, 2]]), 1, axis=2)  # no EmptyArray: the depth is known


# ---- 2. unions kept by unflatten and local_index ---------------------------------------

U1 = ([[1]], [[1.5]], [0, 1])
U2 = ([[1, 2, 3], [4, 5]], [[1.5], [2.5, 3.5, 4.5]], [0, 1, 0, 1])
U_DEEP = ([[[1]]], [[[1.5]]], [0, 1])


def test_unflatten_union_int_counts():
    out = ak.unflatten(union_of_lists(*U1), 1, axis=1)
    assert isinstance(out.layout, ak.contents.UnionArray)
    assert str(out.type) == "2 * union[var * 1 * int64, var * 1 * float64]"
    assert out.to_list() == [[[1]], [[1.5]]]
    deep = ak.unflatten(union_of_lists(*U_DEEP), 1, axis=2)
    assert str(deep.type) == "2 * union[var * var * 1 * int64, var * var * 1 * float64]"
    assert deep.to_list() == [[[[1]]], [[[1.5]]]]
    with pytest.raises(ValueError, match="does not fit"):
        ak.unflatten(union_of_lists(*U2), 2, axis=1)


@pytest.mark.parametrize(
    "counts", [[2, 1, 1, 1, 1, 1, 2], [2, 0, 1, 1, 1, 1, 1, 2], [3, 1, 1, None, 1, 3]]
)
def test_unflatten_union_counts_array(counts):
    array = union_of_lists(*U2)
    data = array.to_list()
    expected, at = [], 0
    for row in data:  # each list takes the counts up to its length (model of the cut)
        taken, total = [], 0
        while total < len(row):
            taken.append(counts[at])
            total += counts[at] or 0
            at += 1
        while at < len(counts) and counts[at] == 0:
            taken.append(0)
            at += 1
        expected.append(cut(row, taken))
    out = ak.unflatten(array, ak.Array(counts), axis=1)
    assert out.to_list() == expected
    assert isinstance(out.layout, ak.contents.UnionArray)
    assert ak.validity_error(out) == ""


def test_unflatten_union_branch_without_lists_is_kept():
    array = ak.Array(
        ak.contents.UnionArray(
            ak.index.Index8(np.array([0, 1, 0], np.int8)),
            ak.index.Index64(np.array([0, 0, 1])),
            [ak.to_layout([[1, 2], [3]]), ak.to_layout([1.5])],
        )
    )
    out = ak.unflatten(array, 1, axis=1)
    assert str(out.type) == "3 * union[var * 1 * int64, float64]"
    assert out.to_list() == [[[1], [2]], 1.5, [[3]]]


@pytest.mark.parametrize("spec,axis", [(U1, 1), (U2, 1), (U2, -1), (U_DEEP, 2), (U_DEEP, 1)])
def test_local_index_union(spec, axis):
    array = union_of_lists(*spec)
    data = array.to_list()

    def model(x, depth):
        if depth == 0:
            return list(range(len(x)))
        return [model(v, depth - 1) for v in x]

    depth = array.layout.form.minmax_depth[1]
    posaxis = axis + depth if axis < 0 else axis
    out = ak.local_index(array, axis=axis)
    assert out.to_list() == model(data, posaxis)
    assert isinstance(out.layout, ak.contents.UnionArray)
    assert str(out.type).startswith(f"{len(data)} * union[")


def test_local_index_union_axis_0():
    out = ak.local_index(union_of_lists(*U1), axis=0)
    assert out.to_list() == [0, 1] and str(out.type) == "2 * int64"


# ---- 3. argcartesian of string characters ----------------------------------------------

S = ["ab", "c"]


def test_argcartesian_string_characters():
    positions = [list(range(len(s))) for s in S]
    out = ak.argcartesian([ak.Array(S), ak.Array(S)], axis=1)
    assert plain(out.to_list()) == plain(product_model([positions, positions]))
    assert str(out.type) == "2 * var * (int64, int64)"
    out = ak.argcartesian([ak.Array(S), ak.Array(S)], axis=1, nested=True)
    assert plain(out.to_list()) == plain(nested_pairs(positions, positions))
    assert str(out.type) == "2 * var * var * (int64, int64)"
    lists = [[1, 2], [3]]
    out = ak.argcartesian([ak.Array(S), ak.Array(lists)], axis=1)
    assert plain(out.to_list()) == plain(product_model([positions, [list(range(len(v))) for v in lists]]))


def test_argcartesian_nested_strings_axis_2():
    data = [["ab"], ["c", "d"]]
    out = ak.argcartesian([ak.Array(data)] * 2, axis=2)
    expected = [
        [[(i, j) for i, j in itertools.product(range(len(s)), repeat=2)] for s in row] for row in data
    ]
    assert plain(out.to_list()) == plain(expected)


def test_argcartesian_strings_negative_axis_and_errors():
    out = ak.argcartesian([ak.Array(S), ak.Array(S)], axis=-1)  # strings as values: axis 0
    assert plain(out.to_list()) == [[0, 0], [0, 1], [1, 0], [1, 1]]
    with pytest.raises(AxisError):
        ak.argcartesian([ak.Array(S), ak.Array(S)], axis=2)
    with pytest.raises(AxisError, match="ak.cartesian: axis=1 exceeds the max depth"):
        ak.cartesian([ak.Array(S), ak.Array(S)], axis=1)
    with pytest.raises(ValueError, match="characters of a string"):
        ak.cartesian([ak.Array(S), ak.Array([[1], [2]])], axis=1)


# ---- 4. nested cartesian keeps regular dimensions ---------------------------------------


def regular(shape, start=0, numpy=False):
    values = np.arange(start, start + int(np.prod(shape))).reshape(shape)
    return ak.Array(values) if numpy else ak.from_numpy(values, regulararray=True)


@pytest.mark.parametrize("numpy", [True, False])
def test_cartesian_nested_regular_two(numpy):
    r = regular((2, 2), numpy=numpy)
    data = r.to_list()
    out = ak.cartesian([r, r], nested=True)
    assert plain(out.to_list()) == plain(nested_pairs(data, data))
    assert str(out.type) == "2 * 2 * 2 * (int64, int64)"
    arg = ak.argcartesian([r, r], nested=True)
    positions = [[0, 1], [0, 1]]
    assert plain(arg.to_list()) == plain(nested_pairs(positions, positions))
    assert str(arg.type) == "2 * 2 * 2 * (int64, int64)"
    flat = ak.cartesian([r, r])
    assert plain(flat.to_list()) == plain(product_model([data, data]))
    assert str(flat.type) == "2 * var * (int64, int64)"


def test_cartesian_nested_regular_levels():
    r, s = regular((2, 3)), regular((2, 2), 10)
    out = ak.cartesian([r, s], nested=True)
    assert plain(out.to_list()) == plain(nested_pairs(r.to_list(), s.to_list()))
    assert str(out.type) == "2 * 3 * 2 * (int64, int64)"
    three = ak.cartesian([s, s, s], nested=True)
    data = s.to_list()
    assert plain(three.to_list()) == plain(nested_triples(data, data, data))
    assert str(three.type) == "2 * 2 * 2 * 2 * (int64, int64, int64)"
    # a level holding several arrays is var, and so is every level before it
    assert str(ak.cartesian([s, s, s], nested=[1]).type) == "2 * var * 2 * (int64, int64, int64)"
    assert str(ak.cartesian([s, s, s], nested=[0]).type) == "2 * var * var * (int64, int64, int64)"
    assert str(ak.cartesian([s]).type) == "2 * 2 * (int64)"
    mixed = ak.cartesian([s, ak.Array([[1], [2, 3]])], nested=True)
    assert plain(mixed.to_list()) == plain(nested_pairs(data, [[1], [2, 3]]))
    assert str(mixed.type) == "2 * 2 * var * (int64, int64)"
    empty = ak.cartesian([regular((2, 0))] * 2, nested=True)
    assert empty.to_list() == [[], []] and str(empty.type) == "2 * 0 * 0 * (int64, int64)"


def test_cartesian_nested_regular_deeper_axis_and_missing():
    r = regular((2, 2, 2))
    out = ak.cartesian([r, r], nested=True, axis=2)
    assert plain(out.to_list()) == plain([nested_pairs(row, row) for row in r.to_list()])
    assert str(out.type) == "2 * 2 * 2 * 2 * (int64, int64)"
    s = regular((2, 2))
    optional = ak.Array([[1], None])
    out = ak.cartesian([s, optional, s], nested=True)
    assert str(out.type) == "2 * 2 * option[var * 2 * (int64, int64, int64)]"
    expected = [
        [None if lb is None else [[(x, y, z) for z in lc] for y in lb] for x in la]
        for la, lb, lc in zip(s.to_list(), optional.to_list(), s.to_list())
    ]
    assert plain(out.to_list()) == plain(expected)
    assert ak.validity_error(out) == ""


# ---- 5. records do not take a deeper cartesian axis -------------------------------------


@pytest.mark.parametrize("function", ["cartesian", "argcartesian"])
@pytest.mark.parametrize("axis,depth", [(1, 1), (2, 1), (-1, 1)])
def test_cartesian_records_refuse_deeper_axis(function, axis, depth):
    records = ak.Array([{"x": [[1]], "y": [[2]]}])
    with pytest.raises(AxisError, match=rf"ak.{function}: axis={axis} exceeds the max depth .*\(which is {depth}\)"):
        getattr(ak, function)([records, records], axis=axis)


def test_cartesian_records_inside_lists():
    inside = ak.Array([[{"x": [1], "y": [2]}]])
    with pytest.raises(AxisError, match=r"\(which is 2\)"):
        ak.cartesian([inside, inside], axis=2)
    out = ak.cartesian([inside, inside], axis=1)  # the product of the lists of records
    row = inside.to_list()[0]
    assert plain(out.to_list()) == [[[a, b] for a, b in itertools.product(row, row)]]
    # a record array beside lists at the axis gives one element per row (as 2.14)
    flat = ak.Array([{"x": 1, "y": 2}, {"x": 3, "y": 4}])
    lists = ak.Array([[1, 2], [3]])
    expected = [[[r, v] for v in vs] for r, vs in zip(flat.to_list(), lists.to_list())]
    assert plain(ak.cartesian([flat, lists], axis=1).to_list()) == expected
