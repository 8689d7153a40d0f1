"""ak.sort and ak.argsort (and np.sort / np.argsort): tables over layout kinds x axes against
a pure-Python model on ``to_list`` data, NaN / None placement and stability, the long-list
and many-value code paths, argsort results used as jagged indices, laziness, errors."""

import itertools
import math

import numpy as np
import pytest

import awkward as ak
from awkward._do._segmented_sort import NETWORKS
from awkward.contents import IndexedOptionArray, ListOffsetArray, NumpyArray, RecordArray
from awkward.errors import AxisError
from awkward.index import Index64
from tests._option_models import ModelAxisError, apply_at, layouts
from tests.counting_buffers import Lazy


# ---------------------------------------------------------------------- the model
def _is_nan(v):
    return isinstance(v, float) and math.isnan(v)


def _leaf_order(values, ascending):
    """(index, value) pairs in 2.14's order: NaN first, then sorted (stable), then None."""
    nans = [(i, v) for i, v in enumerate(values) if _is_nan(v)]
    nones = [(i, v) for i, v in enumerate(values) if v is None]
    rest = [(i, v) for i, v in enumerate(values) if v is not None and not _is_nan(v)]
    key = (lambda p: p[1].encode()) if any(isinstance(v, str) for _, v in rest) else (lambda p: p[1])
    rest = sorted(rest, key=key, reverse=not ascending)  # reverse=True stays stable in Python
    return nans + rest + nones


def _is_container(v):
    return isinstance(v, (list, dict, tuple))


def sort_list(lst, ascending, indices, below):
    """The model for one list at the axis; ``below``: list levels under its elements."""
    present = [v for v in lst if v is not None]
    if any(isinstance(v, (dict, tuple)) for v in present):
        if indices:
            raise NotImplementedError
        return _fieldwise(lst, ascending, below)
    if below == 0:
        order = _leaf_order(lst, ascending)
        return [i for i, _ in order] if indices else [v for _, v in order]
    groups, holders = {}, {}

    def walk(x, r, path):
        if len(path) == below:
            groups.setdefault(path, []).append((r, x))
        elif isinstance(x, list):
            if len(path) == below - 1:
                holders.setdefault(path, []).append(r)
            for k, y in enumerate(x):
                walk(y, r, (*path, k))

    for r, e in enumerate(present):
        walk(e, r, ())
    new = {}
    for path, members in groups.items():
        order = _leaf_order([v for _, v in members], ascending)
        for (r, _), (j, v) in zip(members, order):
            source_r = members[j][0]
            new[(r, path)] = holders[path[:-1]].index(source_r) if indices else v

    def rebuild(x, r, path):
        if len(path) == below:
            return new[(r, path)]
        if isinstance(x, list):
            return [rebuild(y, r, (*path, k)) for k, y in enumerate(x)]
        return x

    return [rebuild(e, r, ()) for r, e in enumerate(present)] + [None] * (len(lst) - len(present))


def _fieldwise(lst, ascending, below):
    present = [v for v in lst if v is not None]
    keys = list(present[0].keys()) if isinstance(present[0], dict) else list(range(len(present[0])))
    columns = {k: sort_list([e[k] for e in present], ascending, False, below) for k in keys}
    out = []
    for i in range(len(present)):
        if isinstance(present[0], dict):
            out.append({k: columns[k][i] for k in keys})
        else:
            out.append(tuple(columns[k][i] for k in keys))
    return out + [None] * (len(lst) - len(present))


def sort_model(items, axis, ndim, ascending=True, indices=False):
    return apply_at(items, axis, lambda lst: sort_list(lst, ascending, indices, ndim - axis - 1))


def _canon(x):
    """NaN made comparable (NaN != NaN)."""
    if isinstance(x, list):
        return [_canon(v) for v in x]
    if isinstance(x, tuple):
        return tuple(_canon(v) for v in x)
    if isinstance(x, dict):
        return {k: _canon(v) for k, v in x.items()}
    return "NaN" if _is_nan(x) else x


# ---------------------------------------------------------------------- the table
LAYOUTS = layouts()
LAYOUTS["nan_opt"] = (
    ak.to_layout([[3.0, float("nan"), None, 1.0, float("nan"), -1.0], [], None, [2.0, None, 2.0]]),
    2,
)
LAYOUTS["nested3"] = (ak.to_layout([[[3, 1], [2]], [[5, 0, 1]], [], [[], [4]]]), 3)
LAYOUTS["nested_opt"] = (ak.to_layout([[[3, None, 1], [2, 0]], [None, [None]], [[7, 1], [1]]]), 3)
LAYOUTS["regular_of_jagged"] = (
    ak.to_layout(ak.to_regular(ak.Array([[[3, 1], [2, 2, 0]], [[1], [4, 0]]]), axis=1)),
    3,
)
LAYOUTS["strings_opt"] = (ak.to_layout([["b", None, "a", "ab", ""], None, ["c", "B"]]), 2)
LAYOUTS["bools"] = (ak.to_layout([[True, False, True], [False]]), 2)
LAYOUTS["int8"] = (ak.to_layout(ak.values_astype(ak.Array([[3, -1, 2, -128], [127, 0]]), np.int8)), 2)
LAYOUTS["uint64"] = (
    ListOffsetArray(Index64(np.array([0, 4])), NumpyArray(np.array([3, 1, 2**64 - 1, 0], np.uint64))),
    2,
)
AXES = [0, 1, 2, -1, -2]


def _expect(function, name, axis, ascending):
    layout, ndim = LAYOUTS[name]
    indices = function is ak.argsort
    run = lambda: function(layout, axis=axis, ascending=ascending)  # noqa: E731
    if ndim is None:  # the union (of numbers and lists: some axes exceed the numbers' depth)
        with pytest.raises(ValueError, match="irreducible UnionArray|exceeds the depth"):
            run()
        return
    posaxis = axis if axis >= 0 else axis + ndim
    if not 0 <= posaxis < ndim:
        with pytest.raises(AxisError, match="exceeds the depth"):
            run()
        return
    try:
        expected = sort_model(layout.to_list(), posaxis, ndim, ascending, indices)
    except NotImplementedError:
        with pytest.raises(NotImplementedError, match="cannot argsort records"):
            run()
        return
    except ModelAxisError:
        with pytest.raises(AxisError):
            run()
        return
    assert _canon(run().to_list()) == _canon(expected)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@pytest.mark.parametrize("axis", AXES)
@pytest.mark.parametrize("ascending", [True, False])
def test_sort_table(name, axis, ascending):
    _expect(ak.sort, name, axis, ascending)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@pytest.mark.parametrize("axis", AXES)
@pytest.mark.parametrize("ascending", [True, False])
def test_argsort_table(name, axis, ascending):
    _expect(ak.argsort, name, axis, ascending)


def test_types_as_214():
    a = ak.Array([[3, 1, 2], [], [5, None, 4, None], None, [float("nan"), 1]])
    assert str(ak.sort(a).type) == "5 * option[var * ?float64]"
    assert str(ak.argsort(a).type) == "5 * option[var * int64]"
    regular = ak.to_regular(ak.Array([[3, 1, 2], [6, 5, 4]]))
    assert str(ak.sort(regular).type) == "2 * var * int64"
    assert str(ak.sort(ak.Array(np.array([[3, 1], [2, 0]]))).type) == "2 * var * int64"
    assert str(ak.argsort(ak.Array([3, None, 1])).type) == "3 * int64"
    assert str(ak.sort(ak.Array([])).type) == "0 * unknown"
    assert str(ak.argsort(ak.Array([])).type) == "0 * int64"
    assert str(ak.argsort(ak.Array([[], []])).type) == "2 * var * int64"
    assert str(ak.sort(ak.Array([["b", "a"]])).type) == "1 * var * string"
    dates = ak.Array(np.array(["2020-01-02", "2019-01-01"], dtype="datetime64[D]"))
    assert str(ak.sort(dates).type) == "2 * datetime64[D]"
    assert ak.sort(dates).to_list() == sorted(dates.to_list())


def test_nan_and_none_placement():
    nan = float("nan")
    a = ak.Array([[1.0, nan, 0.0, None, 2.0, -1.0, nan], [2.0, nan]])
    assert _canon(ak.sort(a).to_list()) == _canon([[nan, nan, -1.0, 0.0, 1.0, 2.0, None], [nan, 2.0]])
    assert _canon(ak.sort(a, ascending=False).to_list()) == _canon(
        [[nan, nan, 2.0, 1.0, 0.0, -1.0, None], [nan, 2.0]]
    )
    assert ak.argsort(a).to_list() == [[1, 6, 5, 2, 0, 4, 3], [1, 0]]
    assert ak.argsort(a, ascending=False).to_list() == [[1, 6, 4, 0, 2, 5, 3], [1, 0]]
    nat = ak.Array(np.array(["2020-01-02", "NaT", "2019-01-01"], dtype="datetime64[D]"))
    assert ak.argsort(nat).to_list() == [1, 2, 0]  # NaT first ascending, last descending
    assert ak.argsort(nat, ascending=False).to_list() == [0, 2, 1]


def test_stable_order_of_equal_keys():
    a = ak.Array([[1, 2, 1, 2, 1, 0, 1], [0.0, -0.0, 0.0]])
    assert ak.argsort(a).to_list() == [[5, 0, 2, 4, 6, 1, 3], [0, 1, 2]]
    assert ak.argsort(a, ascending=False).to_list() == [[1, 3, 0, 2, 4, 6, 5], [0, 1, 2]]
    assert ak.argsort(a, stable=False).to_list() == ak.argsort(a).to_list()


def test_complex_lexicographic():
    a = ak.Array([[1 + 2j, 1 + 1j, 5j], []])
    assert ak.sort(a).to_list() == [[5j, 1 + 1j, 1 + 2j], []]
    assert ak.argsort(a, ascending=False).to_list() == [[0, 1, 2], []]


def test_networks_sort_every_01_input():
    for size, network in NETWORKS.items():
        for bits in itertools.product([0, 1], repeat=size):
            x = list(bits)
            for a, b in network:
                if x[a] > x[b]:
                    x[a], x[b] = x[b], x[a]
            assert x == sorted(x)


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize("ascending", [True, False])
def test_many_values_against_numpy(seed, ascending):
    """More values than the global-sort threshold and lists of every length class (1..40):
    the per-length paths, with ties, NaN and missing values."""
    rng = np.random.default_rng(seed)
    counts = rng.integers(0, 41, 2000)
    counts[::7] = rng.integers(0, 9, len(counts[::7]))
    total = int(counts.sum())
    values = rng.integers(0, 20, total).astype(np.float64)
    values[rng.random(total) < 0.05] = np.nan
    offsets = np.concatenate([[0], np.cumsum(counts)])
    plain = ak.Array(ListOffsetArray(Index64(offsets), NumpyArray(values)))
    index = np.where(rng.random(total) < 0.1, -1, np.arange(total))
    optional = ak.Array(ListOffsetArray(Index64(offsets), IndexedOptionArray(Index64(index), NumpyArray(values))))
    ints = ak.Array(ListOffsetArray(Index64(offsets), NumpyArray(rng.integers(-5, 5, total).astype(np.int32))))
    for array in (plain, optional, ints):
        items = array.to_list()
        assert _canon(ak.sort(array, ascending=ascending).to_list()) == _canon(
            sort_model(items, 1, 2, ascending)
        )
        assert ak.argsort(array, ascending=ascending).to_list() == sort_model(items, 1, 2, ascending, True)


def test_argsort_as_jagged_index():
    a = ak.Array([[3.3, 1.1, 2.2], [], None, [5.5, None, 4.4]])
    assert a[ak.argsort(a)].to_list() == ak.sort(a).to_list()
    b = ak.Array([[[3, 1], [2]], [[0, 5, 4]]])
    assert b[ak.argsort(b, axis=-1)].to_list() == ak.sort(b, axis=-1).to_list()


def test_records_fieldwise_and_mixed_depths():
    a = ak.Array([[{"x": 3, "y": 2}, None, {"x": 0, "y": 5}, {"x": 1, "y": 1}]])
    assert ak.sort(a).to_list() == [[{"x": 0, "y": 1}, {"x": 1, "y": 2}, {"x": 3, "y": 5}, None]]
    mixed = ak.Array([[{"x": [3, 1], "y": 2}, {"x": [0], "y": 1}]])
    assert ak.sort(mixed, axis=-1).to_list() == [[{"x": [1, 3], "y": 1}, {"x": [0], "y": 2}]]
    top = ak.Array([{"x": [3, 1], "y": 2}, {"x": [0], "y": 1}])
    assert ak.sort(top, axis=-1).to_list() == [{"x": [1, 3], "y": 1}, {"x": [0], "y": 2}]


def test_parameters_behavior_attrs():
    a = ak.with_parameter(ak.Array([[3, 1], [2]], behavior={"b": 1}, attrs={"a": 2}), "p", "q")
    out = ak.sort(a)
    assert out.layout.parameters == {"p": "q"}
    assert out.behavior == {"b": 1} and dict(out.attrs) == {"a": 2}
    assert ak.sort(a, highlevel=False).to_list() == [[1, 3], [2]]


def test_numpy_dispatch():
    a = ak.Array([[3, 1], [2]])
    assert np.sort(a).to_list() == [[1, 3], [2]]
    assert np.argsort(a).to_list() == [[1, 0], [0]]
    assert np.sort(a, axis=0, kind="stable").to_list() == [[2, 1], [3]]
    with pytest.raises(TypeError, match="order"):
        np.sort(a, order="x")


def test_laziness_sort_jets_pt():
    lazy = Lazy()
    offsets = lazy.index(np.array([0, 2, 2, 5]), "offsets")
    jets = RecordArray(
        [lazy.numpy(np.array([5.0, 9.0, 1.0, 3.0, 2.0]), "pt"), lazy.numpy(np.arange(5.0), "eta")],
        ["pt", "eta"],
    )
    events = ak.Array(RecordArray([ListOffsetArray(offsets, jets)], ["jets"]))
    assert ak.sort(events.jets.pt).to_list() == [[5.0, 9.0], [], [1.0, 2.0, 3.0]]
    assert lazy.calls["eta"] == 0
    assert lazy.calls["pt"] == 1 and lazy.calls["offsets"] == 1


def test_errors():
    a = ak.Array([[3, 1], [2]])
    with pytest.raises(AxisError, match=r"ak.sort: axis=2 exceeds the depth of this array \(2\)"):
        ak.sort(a, axis=2)
    with pytest.raises(AxisError, match=r"ak.argsort: axis=-3 exceeds"):
        ak.argsort(a, axis=-3)
    with pytest.raises(TypeError, match="'axis' must be an integer"):
        ak.sort(a, axis=None)
    with pytest.raises(TypeError, match="ak.Record objects are not allowed"):
        ak.sort(ak.Record({"x": [3, 1]}))
    with pytest.raises(NotImplementedError, match="ak.argsort: cannot argsort records"):
        ak.argsort(ak.Array([{"x": 1}, {"x": 0}]))
    with pytest.raises(ValueError, match="ak.sort: cannot sort an irreducible UnionArray"):
        ak.sort(ak.Array([[1, "a"]]))
    with pytest.raises(ValueError, match="ak.argsort: cannot argsort an irreducible UnionArray"):
        ak.argsort(ak.Array([1, "a"]))
