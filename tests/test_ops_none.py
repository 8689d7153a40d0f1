"""ak.is_none, ak.drop_none, ak.firsts, ak.singletons, ak.mask and Array.mask[...]: tables
over layout kinds x axes against pure-Python models (tests/_option_models.py), behaviours
awkward 2.14 defines beyond the models, errors, laziness."""

import numpy as np
import pytest

import awkward as ak
from awkward.errors import AxisError
from tests._option_models import (
    ModelAxisError,
    drop_model,
    firsts_model,
    is_none_model,
    layouts,
    mask_model,
    singletons_model,
)
from tests.counting_buffers import Lazy

LAYOUTS = layouts()
AXES = [0, 1, 2, -1, -2]
FIELDWISE = ("record", "tuple")  # 2.14 answers field by field for records at the axis


def _expect(run, model, layout, axis, ndim):
    posaxis = axis if axis >= 0 else (None if ndim is None else axis + ndim)
    if posaxis is None:
        return
    inside_strings = _has_strings(layout) and posaxis == ndim
    try:
        if posaxis < 0 or (ndim is not None and posaxis >= ndim and not inside_strings):
            raise ModelAxisError(posaxis)
        if inside_strings:
            raise ValueError("inside strings")
        expected = model(layout.to_list(), posaxis)
    except ModelAxisError:
        with pytest.raises(AxisError):
            run()
        return
    except ValueError:
        with pytest.raises((ValueError, TypeError)):
            run()
        return
    assert run().to_list() == expected


def _has_strings(layout):
    return layout.parameter("__array__") == "string" or any(_has_strings(k) for k in layout.contents)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@pytest.mark.parametrize("axis", AXES)
def test_is_none_table(name, axis):
    layout, ndim = LAYOUTS[name]
    if name in FIELDWISE and axis in (0, -2):
        pytest.skip("field by field: test_records_at_the_axis")
    _expect(lambda: ak.is_none(layout, axis=axis), is_none_model, layout, axis, ndim)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@pytest.mark.parametrize("axis", [*AXES, None])
def test_drop_none_table(name, axis):
    layout, ndim = LAYOUTS[name]
    if axis is None:
        assert ak.drop_none(layout).to_list() == drop_model(layout.to_list(), None)
        return
    if name in ("strings", "list_strings") and axis == ndim:
        with pytest.raises(AxisError):
            ak.drop_none(layout, axis=axis)  # as 2.14
        return
    _expect(lambda: ak.drop_none(layout, axis=axis), drop_model, layout, axis, ndim)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@pytest.mark.parametrize("axis", [1, 2, -1, -2])
def test_firsts_table(name, axis):
    layout, ndim = LAYOUTS[name]
    if layout.parameter("__array__") == "string" or name == "list_strings":
        pytest.skip("first characters of strings: test_firsts_strings")
    posaxis = axis if axis >= 0 else (None if ndim is None else axis + ndim)
    if posaxis == 0:
        out = ak.firsts(layout, axis=axis)
        expected = firsts_model(layout.to_list(), 0)
        assert (out.to_list() if isinstance(out, (ak.Array, ak.Record)) else out) == expected
        return
    _expect(lambda: ak.firsts(layout, axis=axis), firsts_model, layout, axis, ndim)


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@pytest.mark.parametrize("axis", AXES)
def test_singletons_table(name, axis):
    layout, ndim = LAYOUTS[name]
    if (name in FIELDWISE and axis in (0, -2)) or name == "union":
        pytest.skip("field by field / content by content: test_records_at_the_axis")
    _expect(lambda: ak.singletons(layout, axis=axis), singletons_model, layout, axis, ndim)


def test_records_at_the_axis():
    r2 = ak.Array([{"x": [1, 2], "y": [3]}, {"x": [], "y": [4, 5, 6]}])
    out = ak.is_none(r2)
    assert str(out.type) == "2 * {x: bool, y: bool}"
    assert out.to_list() == [{"x": False, "y": False}, {"x": False, "y": False}]
    out = ak.singletons(r2)
    assert str(out.type) == "2 * {x: var * var * int64, y: var * var * int64}"
    assert out.x.to_list() == [[v] for v in r2.x.to_list()]
    t = ak.Array([(1, [2]), (3, [])])
    assert str(ak.is_none(t).type) == "2 * (bool, bool)"
    u = ak.Array([[1, 2], [3.3, None], "xy"])
    assert str(ak.singletons(u).type) == "3 * union[var * var * ?float64, var * string]"
    assert ak.singletons(ak.Array([1, None, "a"])).to_list() == [[1], [], ["a"]]
    assert ak.is_none(ak.Array([1, None, "a"])).to_list() == [False, True, False]
    r = ak.Array([{"x": [1, None], "y": 1}, None, {"x": None, "y": None}])
    out = ak.is_none(r, axis=-1)
    assert str(out.type) == "3 * ?{x: option[var * bool], y: bool}"
    assert out.to_list() == [{"x": [False, True], "y": False}, None, {"x": None, "y": True}]
    out = ak.singletons(r, axis=-1)
    assert out.to_list() == [{"x": [[1], []], "y": [1]}, None, {"x": None, "y": []}]
    assert ak.drop_none(r).to_list() == [{"x": [1], "y": 1}, {"x": None, "y": None}]
    with pytest.raises(AxisError, match="ak.drop_none: axis=-1 means different levels"):
        ak.drop_none(r, axis=-1)
    with pytest.raises(AxisError, match="ak.firsts"):
        ak.firsts(r, axis=-1)


@pytest.mark.parametrize(
    "expr, typestr",
    [
        ("ak.is_none(a)", "3 * bool"),
        ("ak.is_none(a, axis=1)", "3 * option[var * bool]"),
        ("ak.is_none(n, axis=1)", "3 * var * bool"),
        ("ak.drop_none(a)", "2 * var * int64"),
        ("ak.drop_none(a, axis=0)", "2 * var * ?int64"),
        ("ak.drop_none(a, axis=1)", "3 * option[var * int64]"),
        ("ak.drop_none(b)", "2 * var * var * int64"),
        ("ak.drop_none(b, axis=2)", "3 * option[var * option[var * int64]]"),
        ("ak.drop_none(rg)", "3 * var * int64"),
        ("ak.firsts(a)", "3 * ?int64"),
        ("ak.firsts(b)", "3 * option[var * ?int64]"),
        ("ak.firsts(rg)", "3 * ?int64"),
        ("ak.singletons(ak.Array([1, None, 3]))", "3 * var * int64"),
        ("ak.singletons(a, axis=1)", "3 * option[var * var * int64]"),
        ("ak.singletons(b, axis=1)", "3 * option[var * var * var * ?int64]"),
        ("ak.mask(ak.Array([1, 2, 3]), [True, False, True])", "3 * ?int64"),
        ("ak.mask(n, [[True, False], [], [False]])", "3 * var * ?int64"),
        ("ak.mask(ak.Array([1, None, 3]), [True, True, False])", "3 * ?int64"),
        ("ak.mask(n, ak.Array([True, None, False]))", "3 * option[var * int64]"),
    ],
)
def test_types_as_in_2_14(expr, typestr):
    env = {
        "ak": ak,
        "a": ak.Array([[1, None, 3], None, [4, 5]]),
        "b": ak.Array([[[1, None], None], None, [[None]]]),
        "n": ak.Array([[1, 2], [], [3]]),
        "rg": ak.Array(np.arange(12).reshape(3, 4)),
    }
    assert str(eval(expr, env).type) == typestr


def test_parameters():
    n = ak.with_parameter(ak.Array([[1, None], [], [3]]), "__list__", "P")
    assert ak.is_none(n, axis=1).layout.parameters == {"__list__": "P"}
    assert ak.drop_none(n, axis=1).layout.parameters == {}  # as 2.14
    assert ak.firsts(n).layout.parameters == {}
    s = ak.Array(["ab", None, "c"])
    assert ak.drop_none(s).layout.parameter("__array__") == "string"
    assert str(ak.singletons(s).type) == "3 * var * string"


def test_firsts_axis0_and_strings():
    assert ak.firsts(ak.Array([[1, 2], [3]]), axis=0).to_list() == [1, 2]
    assert ak.firsts(ak.Array([5, 6]), axis=0) == 5
    assert ak.firsts(ak.Array(["ab", "c"]), axis=0) == "ab"
    assert ak.firsts(ak.Array([[1]])[0:0], axis=0) is None
    assert ak.firsts(ak.Array([["ab", "c"], [], ["d"]]), axis=1).to_list() == ["ab", None, "d"]
    assert ak.firsts(ak.Array(["ab", "", "c"]), axis=1).to_list() == ["a", None, "c"]


def test_strings_errors():
    s = ak.Array(["ab", None, "c"])
    with pytest.raises(ValueError, match="ak.is_none: axis=1 goes inside strings"):
        ak.is_none(s, axis=1)
    with pytest.raises(ValueError, match="ak.singletons: axis=1 goes inside strings"):
        ak.singletons(s, axis=1)
    with pytest.raises(AxisError, match="ak.is_none: axis=2 exceeds"):
        ak.is_none(s, axis=2)


def test_axis_errors():
    a = ak.Array([[1, None], [2]])
    for function in (ak.is_none, ak.drop_none, ak.firsts, ak.singletons):
        name = function.__name__
        with pytest.raises(AxisError, match=rf"ak.{name}: axis=2 exceeds the depth"):
            function(a, axis=2)
        with pytest.raises(AxisError, match=rf"ak.{name}: axis=-3 exceeds the depth"):
            function(a, axis=-3)
        with pytest.raises(TypeError, match=rf"ak.{name}: 'axis' must be an integer"):
            function(a, axis=1.5)
    with pytest.raises(AxisError, match="ak.firsts: axis=1 exceeds"):
        ak.firsts(ak.Array([1, 2]))  # a non-list at the requested depth


# ---------------------------------------------------------------------- mask
MASK_CASES = [
    ([1, 2, 3], [True, False, True]),
    ([[1, 2, 3], [], [4, 5]], [True, False, True]),
    ([[1, 2, 3], [], [4, 5]], [[True, False, True], [], [False, True]]),
    ([1, 2, 3], [[True], [False], [True]]),
    ([1, None, 3], [True, True, False]),
    (["a", "b"], [True, False]),
    ([{"x": 1}, {"x": 2}], [True, False]),
    ([[1, 2], [3]], [True, None]),
]


@pytest.mark.parametrize("values, where", MASK_CASES)
@pytest.mark.parametrize("valid_when", [True, False])
def test_mask_table(values, where, valid_when):
    array = ak.Array(values)
    out = ak.mask(array, where, valid_when=valid_when)
    flipped = where
    if not valid_when:
        def flip(m):
            return [flip(x) for x in m] if isinstance(m, list) else (None if m is None else m)
        flipped = flip(where)
    assert out.to_list() == mask_model(values, flipped, valid_when)
    if None not in where:
        assert array.mask[ak.Array(where)].to_list() == ak.mask(array, where, valid_when=True).to_list()


def test_mask_layouts_and_attrs():
    for name, (layout, _ndim) in LAYOUTS.items():
        if name in ("empty",):
            continue
        where = [i % 2 == 0 for i in range(len(layout))]
        assert ak.mask(layout, where).to_list() == mask_model(layout.to_list(), where, True), name
    b = ak.Array([1, 2], attrs={"@f": 1}, behavior={"b": 1})
    out = ak.mask(b, [True, False])
    assert out.attrs == {"@f": 1} and out.behavior == {"b": 1}
    assert isinstance(b.mask, ak.Array.Mask)


def test_mask_errors():
    x = ak.Array([1, 2, 3])
    with pytest.raises(ValueError, match="ak.mask: the mask must contain booleans, not int64"):
        ak.mask(x, [1, 0, 1])
    with pytest.raises(ValueError, match="different lengths"):
        ak.mask(x, [True, False])
    with pytest.raises(TypeError, match="ak.mask: 'valid_when' must be True or False"):
        ak.mask(x, [True, False, True], valid_when=1)
    with pytest.raises(ValueError):
        ak.mask(ak.Array([[1, 2], [3]]), [[True], [False]])


# ---------------------------------------------------------------------- hypothesis
hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies
_jagged = st.lists(st.one_of(st.none(), st.lists(st.one_of(st.none(), st.integers(-5, 5)), max_size=5)), max_size=8)


@hypothesis.settings(max_examples=60, deadline=None)
@hypothesis.given(_jagged, st.sampled_from([0, 1, -1, -2]))
def test_hypothesis(data, axis):
    array = ak.Array([*data, [0, None]])  # the last list fixes the type: option[var * ?int64]
    items = array.to_list()
    posaxis = axis % 2
    assert ak.is_none(array, axis=axis).to_list() == is_none_model(items, posaxis)
    assert ak.drop_none(array, axis=axis).to_list() == drop_model(items, posaxis)
    assert ak.singletons(array, axis=axis).to_list() == singletons_model(items, posaxis)
    assert ak.drop_none(array).to_list() == drop_model(items, None)
    if posaxis == 1:
        assert ak.firsts(array, axis=axis).to_list() == firsts_model(items, 1)


# ---------------------------------------------------------------------- laziness
def _events(lazy):
    from awkward.contents import IndexedOptionArray, ListOffsetArray, RecordArray

    pt = IndexedOptionArray(lazy.index([0, -1, 1, 2], "pt-index"), lazy.numpy([1.0, 2.0, 3.0], "pt-data"))
    eta = lazy.numpy([0.1, 0.2, 0.3, 0.4], "eta-data")
    jets = ListOffsetArray(lazy.index([0, 2, 2, 4], "jets-offsets"), RecordArray([pt, eta], ["pt", "eta"]))
    met = lazy.numpy([5.0, 6.0, 7.0], "met-data")
    return ak.Array(RecordArray([jets, met], ["jets", "met"]))


def test_is_none_axis0_of_non_option_reads_nothing():
    lazy = Lazy()
    events = _events(lazy)
    # 2.14 answers field by field for a record at the axis
    assert ak.is_none(events).to_list() == [{"jets": False, "met": False}] * 3
    assert ak.is_none(events.jets).to_list() == [False, False, False]
    assert lazy.total == 0


def test_is_none_and_firsts_on_a_field_read_that_field_only():
    lazy = Lazy()
    events = _events(lazy)
    out = ak.is_none(events.jets.pt, axis=1)
    assert set(lazy.calls) <= {"jets-offsets", "pt-index"}
    assert out.to_list() == [[False, True], [], [False, False]]
    lazy.calls.clear()
    events = _events(lazy)
    out = ak.firsts(events.jets.pt)
    assert set(lazy.calls) <= {"jets-offsets", "pt-index"}
    assert out.to_list() == [1.0, None, 2.0]
    assert "eta-data" not in lazy.calls and "met-data" not in lazy.calls
