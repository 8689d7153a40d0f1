"""Named axes (issue 15, item 3): ak.Array(named_axis=), ak.with_named_axis,
ak.without_named_axis, axis names in every axis-taking operation, and how the names follow the
dimensions (the propagation table, checked against awkward 2.14 with akc while developing).

Expected names come from the small pure-Python models below (one per strategy), applied to
the input's names; expected values from the same operation called with the integer axis on
the array without names (names never change values)."""

import pickle

import numpy as np
import pytest

import awkward as ak
from awkward.contents import (
    ByteMaskedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
)
from awkward.index import Index8, Index64
from tests.counting_buffers import Lazy


# ---------------------------------------------------------------------- models of the strategies
def pos(p, ndim):
    return p + ndim if p < 0 else p


def rebuild(named, moved, new_ndim):
    """New non-negative positions; names given negatively stay negative."""
    return {n: (p - new_ndim if named[n] < 0 else p) for n, p in moved.items()}


def m_keep(named, ndim, axis, **kw):
    return dict(named)


def m_remove(named, ndim, axis, **kw):
    if axis is None:
        return {}
    axis = pos(axis, ndim)
    moved = {}
    for n, p in named.items():
        q = pos(p, ndim)
        if q < axis:
            moved[n] = q
        elif q > axis:
            moved[n] = q - 1
    return rebuild(named, moved, ndim - 1)


def m_reduce(named, ndim, axis, keepdims=False, **kw):
    return dict(named) if keepdims else m_remove(named, ndim, axis)


def m_upto(named, ndim, last):
    return rebuild(named, {n: pos(p, ndim) for n, p in named.items() if pos(p, ndim) <= last}, last + 1)


def m_truncate(named, ndim, axis, **kw):
    return m_upto(named, ndim, pos(axis, ndim))


def m_num(named, ndim, axis, **kw):
    return m_upto(named, ndim, pos(axis, ndim) - 1)


def m_insert_after(named, ndim, axis, **kw):
    at = pos(axis, ndim) + 1
    moved = {n: (pos(p, ndim) + 1 if pos(p, ndim) >= at else pos(p, ndim)) for n, p in named.items()}
    return rebuild(named, moved, ndim + 1)


def m_flatten(named, ndim, axis, **kw):
    if axis is None:
        return {}
    return dict(named) if pos(axis, ndim) == 0 else m_remove(named, ndim, axis)


def m_drop(named, ndim, axis, **kw):
    return {}


# ---------------------------------------------------------------------- 3-dimensional inputs
def _data():
    return [[[1.5, 2.0], [3.0]], [], [[4.0, 5.0, 6.0], [], [7.0]]]


def _offsets(values):
    return Index64(np.array(values, dtype=np.int64))


def layouts():
    """The same kind of 3-dimensional data as different node classes."""
    flat = NumpyArray(np.array([1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]))
    inner = ListOffsetArray(_offsets([0, 2, 3, 6, 6, 7]), flat)
    yield "ListOffsetArray", ListOffsetArray(_offsets([0, 2, 2, 5]), inner)
    yield "ListArray", ListArray(_offsets([0, 2, 2]), _offsets([2, 2, 5]), inner)
    yield "RegularArray", RegularArray(
        RegularArray(NumpyArray(np.arange(12, dtype=np.float64)), 2), 3
    )
    yield "NumpyArray 3-d", NumpyArray(np.arange(12, dtype=np.float64).reshape(2, 3, 2))
    yield "IndexedOptionArray", IndexedOptionArray(
        _offsets([0, -1, 1, 2]), ListOffsetArray(_offsets([0, 2, 2, 5]), inner)
    )
    yield "ByteMaskedArray", ByteMaskedArray(
        Index8(np.array([1, 0, 1], dtype=np.int8)),
        ListOffsetArray(_offsets([0, 2, 2, 5]), inner),
        valid_when=True,
    )


NAMINGS = [("x", "y", "z"), {"x": 0, "z": -1}, {"y": 1}, ("x", None, "z")]

CASES = [  # (operation name, call with axis, model, which axes it accepts)
    ("sum", lambda a, ax: ak.sum(a, axis=ax), m_reduce, (0, 1, 2, -1)),
    ("sum keepdims", lambda a, ax: ak.sum(a, axis=ax, keepdims=True), lambda *a: m_reduce(*a, keepdims=True), (0, 1, 2)),
    ("max", lambda a, ax: ak.max(a, axis=ax), m_reduce, (1, 2)),
    ("argmin", lambda a, ax: ak.argmin(a, axis=ax), m_reduce, (1, 2)),
    ("count", lambda a, ax: ak.count(a, axis=ax), m_reduce, (0, 2)),
    ("any", lambda a, ax: ak.any(a > 2, axis=ax), m_reduce, (1, 2)),
    ("mean", lambda a, ax: ak.mean(a, axis=ax), m_reduce, (2, -2)),
    ("std", lambda a, ax: ak.std(a, axis=ax), m_reduce, (2,)),
    ("ptp", lambda a, ax: ak.ptp(a, axis=ax), m_reduce, (2,)),
    ("softmax", lambda a, ax: ak.softmax(a, axis=ax), m_keep, (-1,)),
    ("sort", lambda a, ax: ak.sort(a, axis=ax, ascending=False), m_keep, (1, 2)),
    ("argsort", lambda a, ax: ak.argsort(a, axis=ax), m_keep, (2,)),
    ("pad_none", lambda a, ax: ak.pad_none(a, 3, axis=ax), m_keep, (1, 2)),
    ("fill_none", lambda a, ax: ak.fill_none(ak.pad_none(a, 3, axis=2), 0, axis=ax), m_keep, (2,)),
    ("drop_none", lambda a, ax: ak.drop_none(a, axis=ax), m_keep, (0, 1)),
    ("combinations", lambda a, ax: ak.combinations(a, 2, axis=ax), m_keep, (1, 2)),
    ("argcombinations", lambda a, ax: ak.argcombinations(a, 2, axis=ax), m_keep, (2,)),
    ("flatten", lambda a, ax: ak.flatten(a, axis=ax), m_flatten, (1, 2, -1)),
    ("firsts", lambda a, ax: ak.firsts(a, axis=ax), m_remove, (1, 2)),
    ("num", lambda a, ax: ak.num(a, axis=ax), m_num, (1, 2)),
    ("local_index", lambda a, ax: ak.local_index(a, axis=ax), m_truncate, (0, 1, 2)),
    ("is_none", lambda a, ax: ak.is_none(a, axis=ax), m_truncate, (0, 1)),
    ("singletons", lambda a, ax: ak.singletons(a, axis=ax), m_insert_after, (0, 2)),
    ("unflatten", lambda a, ax: ak.unflatten(a, 1, axis=ax), m_drop, (0, 2)),
    ("concatenate", lambda a, ax: ak.concatenate([a, a], axis=ax), m_keep, (0, 1, 2)),
    ("cartesian", lambda a, ax: ak.cartesian([a, a], axis=ax), m_truncate, (1,)),
    ("argcartesian", lambda a, ax: ak.argcartesian([a, a], axis=ax), m_truncate, (1,)),
    ("cartesian nested", lambda a, ax: ak.cartesian([a, a], axis=ax, nested=True), m_keep, (1,)),
]

NO_AXIS_CASES = [  # (operation name, call, model)
    ("flatten None", lambda a: ak.flatten(a, axis=None), m_drop),
    ("ravel", ak.ravel, m_drop),
    ("sum None keepdims", lambda a: ak.sum(a, axis=None, keepdims=True), m_keep),
    ("zip", lambda a: ak.zip({"p": a, "q": a}), m_keep),
    ("where", lambda a: ak.where(a > 2, a, 0), m_keep),
    ("broadcast_arrays", lambda a: ak.broadcast_arrays(a, 5)[1], m_keep),
    ("nan_to_none", ak.nan_to_none, m_keep),
    ("values_astype", lambda a: ak.values_astype(a, np.float32), m_keep),
    ("zeros_like", ak.zeros_like, m_keep),
    ("round", ak.round, m_keep),
    ("isclose", lambda a: ak.isclose(a, a), m_keep),
    ("to_packed", ak.to_packed, m_keep),
    ("copy", ak.copy, m_keep),
    ("mask", lambda a: ak.mask(a, a > 2), m_keep),
    ("run_lengths", ak.run_lengths, m_keep),
    ("ufunc", np.sqrt, m_keep),
    ("operator", lambda a: -(a * 2 + 1), m_keep),
]


def _name_of(named, ndim, axis):
    """A name for ``axis`` in ``named`` (None when that axis has none)."""
    for n, p in named.items():
        if pos(p, ndim) == pos(axis, ndim):
            return n
    return None


def _values(x):
    """Comparable values (NaN equal to NaN)."""
    return repr(x.to_list() if isinstance(x, (ak.Array, ak.Record)) else x)


@pytest.mark.parametrize("kind,layout", list(layouts()), ids=[k for k, _ in layouts()])
@pytest.mark.parametrize("naming", NAMINGS, ids=str)
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_propagation_with_axis(kind, layout, naming, case):
    _, call, model, axes = case
    plain = ak.Array(layout)
    array = ak.with_named_axis(plain, naming)
    named, ndim = array.named_axis, 3
    for axis in axes:
        expected_names = model(named, ndim, axis)
        expected = call(plain, axis)
        out = call(array, axis)
        assert _values(out) == _values(expected)
        if isinstance(out, ak.Array):
            assert out.named_axis == expected_names, (axis, named)
        # the same axis given by name
        name = _name_of(named, ndim, axis)
        if name is not None:
            by_name = call(array, name)
            assert _values(by_name) == _values(expected)
            if isinstance(by_name, ak.Array):
                assert by_name.named_axis == model(named, ndim, named[name])


@pytest.mark.parametrize("kind,layout", list(layouts()), ids=[k for k, _ in layouts()])
@pytest.mark.parametrize("case", NO_AXIS_CASES, ids=[c[0] for c in NO_AXIS_CASES])
def test_propagation_without_axis(kind, layout, case):
    _, call, model = case
    plain = ak.Array(layout)
    for naming in NAMINGS:
        array = ak.with_named_axis(plain, naming)
        out = call(array)
        assert _values(out) == _values(call(plain))
        assert out.named_axis == model(array.named_axis, 3, None)


def test_records_with_list_fields():
    array = ak.Array([{"a": [1, 2], "b": [3]}, {"a": [], "b": [4, 5]}], named_axis=("x", "y"))
    assert array.named_axis == {"x": 0, "y": 1}
    assert array["a"].named_axis == {"x": 0, "y": 1}
    assert array.a.named_axis == {"x": 0, "y": 1}
    assert array[["a"]].named_axis == {"x": 0, "y": 1}
    assert ak.sum(array.a, axis="y").named_axis == {"x": 0}
    assert ak.num(array, axis="y").to_list() == [{"a": 2, "b": 1}, {"a": 0, "b": 2}]
    assert ak.num(array, axis="y").named_axis == {"x": 0}
    assert ak.unzip(array)[1].named_axis == {"x": 0, "y": 1}
    record = ak.Record({"x": [1, 2]}, named_axis=("x",))
    assert record.named_axis == {"x": 0}
    assert record["x"].named_axis == {"x": 0}


# ---------------------------------------------------------------------- slicing
def m_slice(named, ndim, where):
    items = where if isinstance(where, tuple) else (where,)
    consuming = sum(1 for i in items if i is not None and i is not Ellipsis and not isinstance(i, str))
    sources, dim = [], 0
    for item in items:
        if item is None:
            sources.append(None)
        elif item is Ellipsis:
            skip = ndim - consuming
            sources += list(range(dim, dim + skip))
            dim += skip
        elif isinstance(item, str):
            pass
        elif isinstance(item, int):
            dim += 1
        else:
            sources.append(dim)
            dim += 1
    sources += list(range(dim, ndim))
    where_now = {s: i for i, s in enumerate(sources) if s is not None}
    moved = {n: where_now[pos(p, ndim)] for n, p in named.items() if pos(p, ndim) in where_now}
    return rebuild(named, moved, len(sources))


SLICES = [
    0, -1, slice(None, 1), (slice(None), 0), (Ellipsis, 0), (0, 0), (slice(None), slice(None), 0),
    None, (slice(None), None), (Ellipsis, None), (0, Ellipsis), (slice(1, None), 0, slice(0, 1)),
]


@pytest.mark.parametrize("naming", NAMINGS, ids=str)
@pytest.mark.parametrize("where", SLICES, ids=str)
def test_slicing(naming, where):
    plain = ak.Array([[[1, 2], [3]], [[4]], [[5, 6], [7], [8, 9]]])
    array = ak.with_named_axis(plain, naming)
    out = array[where]
    assert out.to_list() == plain[where].to_list()
    assert out.named_axis == m_slice(array.named_axis, 3, where)


NAMED_SLICES = [
    {"z": 0}, {"y": slice(0, 1)}, {"x": slice(1, None), "z": 0}, {0: 0}, {-1: 0}, {"y": None}, {},
]


def m_named_slice(where, named, ndim):
    """The positional tuple a dict of names (or integer axes) stands for."""
    positions = {}
    for key, item in where.items():
        axis = key if isinstance(key, int) else named[key]
        positions[pos(axis, ndim)] = item
    return tuple(positions.get(i, slice(None)) for i in range(max(positions) + 1)) if positions else ()


@pytest.mark.parametrize("naming", [("x", "y", "z"), {"x": 0, "y": 1, "z": -1}], ids=str)
@pytest.mark.parametrize("where", NAMED_SLICES, ids=str)
def test_named_slicing(naming, where):
    plain = ak.Array([[[1, 2], [3]], [[4]], [[5, 6], [7], [8, 9]]])
    array = ak.with_named_axis(plain, naming)
    positional = m_named_slice(where, array.named_axis, 3)
    out = array[where]
    assert out.to_list() == plain[positional].to_list()
    assert out.named_axis == m_slice(array.named_axis, 3, positional)


def test_named_slicing_errors():
    array = ak.Array([[1, 2], [3]], named_axis=("x", "y"))
    with pytest.raises(ValueError) as info:
        array[{"w": 0}]
    assert str(info.value) == "axis='w' not found in named_axis={'x': 0, 'y': 1} mapping."
    with pytest.raises(ValueError, match=r"axis='x' not found in named_axis=\{\} mapping\."):
        ak.Array([[1, 2], [3]])[{"x": 0}]


def test_slicing_with_arrays_keeps_names():
    array = ak.Array([[[1, 2], [3]], [[4]], [[5, 6], [7], [8, 9]]], named_axis=("x", "y", "z"))
    assert array[array > 2].named_axis == {"x": 0, "y": 1, "z": 2}
    assert array[[2, 0]].named_axis == {"x": 0, "y": 1, "z": 2}  # 2.14 drops "x" here (a bug)
    assert array[np.array([True, False, True])].named_axis == {"x": 0, "y": 1, "z": 2}
    assert array[0, 0, 0] == 1
    assert array[1].named_axis == {"y": 0, "z": 1}
    assert [x.named_axis for x in array][0] == {"x": 0, "y": 1, "z": 2}  # as 2.14


# ---------------------------------------------------------------------- broadcasting several inputs
def test_broadcasting_unifies_names():
    xy = ak.Array([[1, 2], [3]], named_axis=("x", "y"))
    plain = ak.Array([[1, 2], [3]])
    x_only = ak.Array([10, 20], named_axis=("x",))
    assert (xy + plain).named_axis == {"x": 0, "y": 1}
    assert (plain + xy).named_axis == {"x": 0, "y": 1}
    assert (xy + x_only).named_axis == {"x": 0, "y": 1}
    assert (xy + 1).named_axis == {"x": 0, "y": 1}
    assert np.add(plain, xy).named_axis == {"x": 0, "y": 1}
    first = ak.with_named_axis(plain, {"x": 0})
    last = ak.with_named_axis(plain, {"y": -1})
    assert (first + last).named_axis == {"x": 0, "y": -1}
    assert ak.zip({"a": first, "b": last}).named_axis == {"x": 0, "y": -1}
    assert ak.concatenate([plain, last]).named_axis == {"y": -1}
    assert ak.where(xy > 1, plain, x_only).named_axis == {"x": 0, "y": 1}
    assert ak.broadcast_arrays(first, last)[0].named_axis == {"x": 0, "y": -1}
    assert (xy + ak.num(xy, axis=1)).named_axis == {"x": 0, "y": 1}  # 2.14 raises here


@pytest.mark.parametrize(
    "call",
    [
        lambda a, b: a + b,
        lambda a, b: np.multiply(a, b),
        lambda a, b: ak.zip([a, b]),
        lambda a, b: ak.concatenate([a, b], axis=1),
        lambda a, b: ak.cartesian([a, b]),
        lambda a, b: ak.where(a > 1, a, b),
        lambda a, b: ak.broadcast_arrays(a, b),
    ],
)
def test_incompatible_names(call):
    a = ak.Array([[1, 2], [3]], named_axis=("x", "y"))
    b = ak.Array([[1, 2], [3]], named_axis=("x", "z"))
    with pytest.raises(ValueError, match=r"The named axes are incompatible\. Got: y and z for positional axis 1"):
        call(a, b)
    swapped = ak.Array([[1, 2], [3]], named_axis=("y", "x"))
    with pytest.raises(ValueError, match=r"Got: x and y for positional axis 0"):
        call(a, swapped)


# ---------------------------------------------------------------------- construction and errors
@pytest.mark.parametrize(
    "named_axis,expected",
    [
        (("x", "y"), {"x": 0, "y": 1}),
        (("x",), {"x": 0}),
        (("x", None), {"x": 0}),
        ((None, None), {}),
        ({"x": 0, "y": -1}, {"x": 0, "y": -1}),
        ({"x": 0, "z": 0}, {"x": 0, "z": 0}),
        (("x", "x"), {"x": 1}),  # a name given twice keeps its last axis, as in 2.14
        ({}, {}),
    ],
    ids=str,
)
def test_constructing(named_axis, expected):
    plain = ak.Array([[1, 2], [3]])
    assert ak.with_named_axis(plain, named_axis).named_axis == expected
    assert ak.Array(plain, named_axis=named_axis).named_axis == expected
    assert ak.Array([[1, 2], [3]], named_axis=named_axis).named_axis == expected


def test_without_named_axis_and_attrs():
    array = ak.Array([[1, 2], [3]], named_axis=("x", "y"), attrs={"k": 1})
    assert dict(array.attrs) == {"k": 1, "__named_axis__": {"x": 0, "y": 1}}
    assert ak.without_named_axis(array).named_axis == {}
    assert dict(ak.without_named_axis(array).attrs) == {"k": 1}
    assert dict(ak.without_named_axis(array, attrs={"j": 2}).attrs) == {"j": 2}
    assert ak.with_named_axis(array, ("p", "q")).named_axis == {"p": 0, "q": 1}
    assert array.named_axis == {"x": 0, "y": 1}  # the original is unchanged
    assert ak.Array(array, named_axis=("p",)).named_axis == {"p": 0}
    assert ak.Array(array).named_axis == {"x": 0, "y": 1}
    assert ak.Array(array.layout).named_axis == {}
    assert ak.with_named_axis(array, ("p",), highlevel=False) is array.layout
    assert pickle.loads(pickle.dumps(array)).named_axis == {"x": 0, "y": 1}
    assert array.positional_axis == (0, 1)
    # the result of an operation never shares (and so never changes) the input's attrs
    summed = ak.sum(array, axis="y")
    assert summed.named_axis == {"x": 0} and array.named_axis == {"x": 0, "y": 1}


@pytest.mark.parametrize(
    "named_axis,error,message",
    [
        (("x", "y", "z"), ValueError, "Named axes must point to positional axes matching 2 dimensions, got named_axis=('x', 'y', 'z'), ndim=2"),
        ({"x": 2}, ValueError, "Named axes must point to positional axes matching 2 dimensions, got named_axis={'x': 2}, ndim=2"),
        ({"x": -3}, ValueError, "matching 2 dimensions"),
        ((1, 2), ValueError, "Axis names must be hashable and not int, got 1"),
        ({1: 0}, ValueError, "Axis names must be hashable and not int, got 1"),
        ((("p", "q"), "y"), ValueError, "Axis names must be hashable and not int, got ('p', 'q')"),
        ("xy", TypeError, "named_axis must be a mapping or a tuple, got named_axis='xy'"),
        (["x", "y"], TypeError, "named_axis must be a mapping or a tuple, got named_axis=['x', 'y']"),
    ],
    ids=str,
)
def test_construction_errors(named_axis, error, message):
    plain = ak.Array([[1, 2], [3]])
    with pytest.raises(error) as info:
        ak.with_named_axis(plain, named_axis)
    assert message in str(info.value)
    with pytest.raises(error):
        ak.Array([[1, 2], [3]], named_axis=named_axis)


def test_depth_through_records_and_unions():
    assert ak.with_named_axis(ak.Array([{"a": [1], "b": 2}]), ("x", "y")).named_axis == {"x": 0, "y": 1}
    assert ak.with_named_axis(ak.Array([1, [2]]), ("x", "y")).named_axis == {"x": 0, "y": 1}
    with pytest.raises(ValueError, match="matching 2 dimensions"):
        ak.with_named_axis(ak.Array([{"a": [1]}]), ("x", "y", "z"))


@pytest.mark.parametrize(
    "call",
    [
        lambda a, ax: ak.sum(a, axis=ax),
        lambda a, ax: ak.num(a, axis=ax),
        lambda a, ax: ak.flatten(a, axis=ax),
        lambda a, ax: ak.sort(a, axis=ax),
        lambda a, ax: ak.concatenate([a, a], axis=ax),
        lambda a, ax: ak.cartesian([a, a], axis=ax),
        lambda a, ax: ak.local_index(a, axis=ax),
        lambda a, ax: ak.mean(a, axis=ax),
        lambda a, ax: ak.corr(a, a, axis=ax),
    ],
)
def test_unknown_axis_name(call):
    named = ak.Array([[1.0, 2.0], [3.0]], named_axis=("x", "y"))
    with pytest.raises(ValueError) as info:
        call(named, "z")
    assert str(info.value) == "axis='z' not found in named_axis={'x': 0, 'y': 1} mapping."
    with pytest.raises(ValueError) as info:
        call(ak.Array([[1.0, 2.0], [3.0]]), "x")
    assert str(info.value) == "axis='x' not found in named_axis={} mapping."


def test_two_names_for_one_axis():
    array = ak.Array([[1, 2], [3]], named_axis={"x": 0, "row": 0, "y": 1})
    assert ak.sum(array, axis="row").to_list() == [4, 2]
    assert ak.sum(array, axis="row").named_axis == {"y": 0}
    assert ak.sum(array, axis="y").named_axis == {"x": 0, "row": 0}


# ---------------------------------------------------------------------- printing, equality
def test_printing():
    # (materialized: in the virtualized mode unread values print as ??)
    array = ak.materialize(ak.Array([[1, 2], [3]], named_axis=("x", "y")))
    assert array.named_axis == {"x": 0, "y": 1}
    assert repr(array) == "<Array [[1, 2], [3]] x:0,y:1 type='2 * var * int64'>"
    assert str(array) == "[[1, 2], [3]]"
    text = array.show(named_axis=True, type=True, stream=None)
    assert text == "type: 2 * var * int64\nnamed axis: x:0, y:1\n[[1, 2],\n [3]]"
    assert "named axis" not in array.show(stream=None)
    everything = array.show(all=True, stream=None)
    assert everything.splitlines()[3] == "named axis: x:0, y:1"  # after type, nbytes, backend
    # names print in the order of their axes (a negative axis first), as 2.14
    unordered = ak.materialize(ak.Array([[1, 2], [3]], named_axis={"y": -1, "x": 0}))
    assert repr(unordered) == "<Array [[1, 2], [3]] y:-1,x:0 type='2 * var * int64'>"
    assert unordered.named_axis == {"y": -1, "x": 0}
    assert repr(ak.materialize(ak.Array([1, 2]))) == "<Array [1, 2] type='2 * int64'>"


def test_array_equal_checks_named_axis():
    array = ak.Array([[1, 2], [3]], named_axis=("x", "y"))
    assert ak.array_equal(array, ak.without_named_axis(array))
    assert not ak.array_equal(array, ak.with_named_axis(array, ("x", "z")))
    assert ak.array_equal(array, ak.with_named_axis(array, ("x", "z")), check_named_axis=False)
    assert not ak.almost_equal(array, ak.with_named_axis(array, {"x": 0, "y": -1}))
    assert ak.almost_equal(array, array)


def test_no_experimental_warning():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # 2.14 emits no ExperimentalWarning for these
        array = ak.with_named_axis(ak.Array([[1, 2], [3]]), ("x", "y"))
        ak.sum(array, axis="y")
        _ = array[0] + 1


# ---------------------------------------------------------------------- laziness
def test_naming_reads_nothing():
    lazy = Lazy()
    layout = ListOffsetArray(lazy.index([0, 2, 3], "offsets"), lazy.numpy([1.0, 2.0, 3.0], "data"))
    array = ak.with_named_axis(ak.Array(layout), ("x", "y"))
    array = ak.Array(array, named_axis={"x": 0, "y": -1})
    repr(array.named_axis)
    array.show(named_axis=True, type=True, limit_rows=0, stream=None)
    _ = ak.without_named_axis(array)
    assert lazy.total == 0
    counted = ak.num(array, axis="y")
    assert lazy.calls["data"] == 0
    assert counted.named_axis == {"x": 0}


def test_record_layout_in_result_of_several_inputs():
    # a RecordArray built from named inputs keeps them
    a = ak.Array([[1, 2], [3]], named_axis=("x", "y"))
    layout = RecordArray([a.layout, a.layout], ["p", "q"])
    assert ak.with_named_axis(layout, ("x", "y")).named_axis == {"x": 0, "y": 1}


def test_explicit_attrs_replace_the_names():
    # names live in attrs, and explicit attrs= win over the inputs' (as 2.14)
    array = ak.Array([[1, 2], [3]], named_axis=("x", "y"))
    assert dict(ak.sum(array, axis=1, attrs={"k": 1}).attrs) == {"k": 1}
    assert dict(ak.sort(array, attrs={"k": 1}).attrs) == {"k": 1}
    assert dict(ak.zeros_like(array, attrs={"k": 1}).attrs) == {"k": 1}
    with pytest.raises(ValueError, match=r"axis='y' not found in named_axis=\{\} mapping\."):
        ak.sum(array, axis="y", attrs={"k": 1})
    given = {"__named_axis__": {"p": 0, "q": 1}}
    assert ak.sum([[1, 2], [3]], axis="q", attrs=given).named_axis == {"p": 0}
