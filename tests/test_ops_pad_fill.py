"""ak.pad_none and ak.fill_none: tables over layout kinds x axes against pure-Python models
(tests/_option_models.py), types where awkward 2.14 defines them, errors, laziness."""

import numpy as np
import pytest

import awkward as ak
from awkward.errors import AxisError
from tests._option_models import ModelAxisError, fill_model, layouts, pad_model
from tests.counting_buffers import Lazy

LAYOUTS = layouts()
AXES = [0, 1, 2, -1, -2]


def _positive(axis, ndim):
    if axis >= 0:
        return axis
    if ndim is None:
        return None
    return axis + ndim


def _check(run, model, layout, axis, ndim):
    data = layout.to_list()
    posaxis = _positive(axis, ndim)
    if posaxis is None or posaxis < 0:
        if posaxis is not None:
            with pytest.raises(AxisError):
                run()
        return
    if layout.parameter("__array__") == "string" and posaxis == 1:
        with pytest.raises((TypeError, ValueError)):
            run()  # inside the strings' characters
        return
    try:
        if ndim is not None and posaxis >= ndim:
            raise ModelAxisError(posaxis)
        expected = model(data, posaxis)
    except ModelAxisError:
        with pytest.raises(AxisError):
            run()
        return
    assert run().to_list() == expected


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@pytest.mark.parametrize("axis", AXES)
@pytest.mark.parametrize("clip", [False, True])
@pytest.mark.parametrize("target", [0, 2, 4])
def test_pad_none_table(name, axis, clip, target):
    layout, ndim = LAYOUTS[name]
    if name == "list_strings" and _positive(axis, ndim) == 2:
        pytest.skip("strings' characters: an error, checked in test_pad_none_strings")
    _check(
        lambda: ak.pad_none(layout, target, axis=axis, clip=clip),
        lambda data, posaxis: pad_model(data, target, posaxis, clip),
        layout,
        axis,
        ndim,
    )


@pytest.mark.parametrize("name", sorted(LAYOUTS))
@pytest.mark.parametrize("axis", [*AXES, None])
@pytest.mark.parametrize("value", [9, 1.5, "z", {"x": 1}])
def test_fill_none_table(name, axis, value):
    layout, ndim = LAYOUTS[name]
    if name in ("strings", "list_strings") and axis is not None and _positive(axis, ndim) is not None and _positive(axis, ndim) >= ndim:
        pytest.skip("2.14 fills nothing inside strings; checked in test_fill_none_strings")
    if axis is None:
        assert ak.fill_none(layout, value, axis=None).to_list() == fill_model(layout.to_list(), value, None)
        return
    _check(
        lambda: ak.fill_none(layout, value, axis=axis),
        lambda data, posaxis: fill_model(data, value, posaxis),
        layout,
        axis,
        ndim,
    )


# ---------------------------------------------------------------------- types (awkward 2.14)
@pytest.mark.parametrize(
    "expr, typestr",
    [
        ("ak.pad_none(a, 2)", "3 * var * ?int64"),
        ("ak.pad_none(a, 2, clip=True)", "3 * 2 * ?int64"),
        ("ak.pad_none(a, 4, axis=0)", "4 * option[var * int64]"),
        ("ak.pad_none(rg, 4)", "2 * 4 * ?int64"),
        ("ak.pad_none(rg, 2)", "2 * 3 * int64"),
        ("ak.pad_none(rg, 2, clip=True)", "2 * 2 * ?int64"),
        ("ak.pad_none(an, 2)", "3 * option[var * ?int64]"),
        ("ak.pad_none(r2, 2, clip=True)", "2 * {x: 2 * ?int64, y: 2 * ?int64}"),
        ("ak.pad_none(r2, 3, axis=0)", "3 * ?{x: var * int64, y: var * int64}"),
        ("ak.pad_none(ak.Array(['ab', 'c']), 3, axis=0)", "3 * ?string"),
        ("ak.pad_none(t, 2, axis=-1)", "1 * (?int64, var * ?int64)"),
        ("ak.pad_none(ak.Array([[[1, 2], [3]], []]), 1, axis=1, clip=True)", "2 * 1 * option[var * int64]"),
        ("ak.fill_none(an, 0)", "3 * option[var * int64]"),
        ("ak.fill_none(an, 0, axis=0)", "3 * union[var * ?int64, int64]"),
        ("ak.fill_none(an, 0.5, axis=None)", "3 * union[var * float64, float64]"),
        ("ak.fill_none(an, 'x')", "3 * option[var * union[int64, string]]"),
        ("ak.fill_none(an, [1, 2])", "3 * option[var * union[int64, 2 * int64]]"),
        ("ak.fill_none(an, [1, 2], axis=0)", "3 * var * ?int64"),
        ("ak.fill_none(an, np.array([1, 2]), axis=0)", "3 * var * ?int64"),
        ("ak.fill_none(an, True)", "3 * option[var * int64]"),
        ("ak.fill_none(an, np.float32(1))", "3 * option[var * float64]"),
        ("ak.fill_none(s, 'z')", "3 * string"),
        ("ak.fill_none(s, 0)", "3 * union[string, int64]"),
        ("ak.fill_none(ak.Array([1, None]), np.array(5))", "2 * int64"),
        ("ak.fill_none(ak.Array([1, None]), np.array([[1, 2]]))", "2 * union[int64, 1 * 2 * int64]"),
        ("ak.fill_none(r, 0)", "3 * ?{x: option[var * int64], y: int64}"),
        ("ak.fill_none(r, {'x': [], 'y': 0}, axis=0)", "3 * {x: option[var * ?int64], y: ?int64}"),
    ],
)
def test_types_as_in_2_14(expr, typestr):
    env = {
        "ak": ak,
        "np": np,
        "a": ak.Array([[1, 2, 3], [], [4, 5]]),
        "an": ak.Array([[1, None, 3], None, [4, 5]]),
        "rg": ak.Array(np.arange(6).reshape(2, 3)),
        "r2": ak.Array([{"x": [1, 2], "y": [3]}, {"x": [], "y": [4, 5, 6]}]),
        "t": ak.Array([(1, [2])]),
        "s": ak.Array(["ab", None, "cde"]),
        "r": ak.Array([{"x": [1, None], "y": 1}, None, {"x": None, "y": None}]),
    }
    assert str(eval(expr, env).type) == typestr


def test_pad_none_parameters_and_attrs():
    a = ak.with_parameter(ak.Array([[1, 2], [3]]), "__list__", "P")
    assert ak.pad_none(a, 3).layout.parameters == {"__list__": "P"}
    assert ak.pad_none(a, 3, clip=True).layout.parameters == {"__list__": "P"}
    padded = ak.pad_none(a, 4, axis=0)
    assert padded.layout.parameters == {}
    assert padded.layout.content.parameters == {"__list__": "P"}
    behavior = {"x": 1}
    b = ak.Array([[1], []], attrs={"@factory": 1, "y": 2}, behavior=behavior)
    for out in (ak.pad_none(b, 2), ak.fill_none(ak.pad_none(b, 2), 0)):
        assert out.attrs == {"@factory": 1, "y": 2}
        assert out.behavior is behavior
    assert isinstance(ak.pad_none(b, 2, highlevel=False), ak.contents.Content)


def test_pad_none_record_branches():
    r = ak.Array([{"x": [1, 2], "y": 1}, {"x": [], "y": 2}])
    out = ak.pad_none(r, 3, axis=-1)
    assert out.x.to_list() == pad_model(r.x.to_list(), 3, 1, False)
    assert str(out.type) == "2 * {x: var * ?int64, y: ?int64}"
    assert out.y.to_list() == [1, 2]
    with pytest.raises(AxisError, match=r"ak.pad_none: axis=1 exceeds the depth"):
        ak.pad_none(r, 3, axis=1)


def test_pad_none_strings():
    s = ak.Array([["ab", "c"], [], ["d"]])
    assert ak.pad_none(s, 2).to_list() == [["ab", "c"], [None, None], ["d", None]]
    with pytest.raises(TypeError, match="inside strings"):
        ak.pad_none(s, 2, axis=2)
    with pytest.raises(TypeError, match="inside strings"):
        ak.pad_none(ak.Array(["ab"]), 2)


def test_fill_none_strings():
    s = ak.Array(["ab", None, "cde"])
    assert ak.fill_none(s, 9, axis=1).to_list() == ["ab", None, "cde"]  # as 2.14: nothing there
    assert ak.fill_none(s, "z").layout.parameter("__array__") == "string"


def test_fill_none_values():
    a = ak.Array([1, None, 3])
    assert ak.fill_none(a, ak.Record({"x": 1})).to_list() == [1, {"x": 1}, 3]
    assert ak.fill_none(a, (1, 2)).to_list() == [1, [1, 2], 3]
    assert ak.fill_none(ak.Array([True, None]), 0).to_list() == [1, 0]
    assert ak.fill_none(a, 1 + 2j).to_list() == [1, 1 + 2j, 3]
    assert ak.fill_none(a, b"z").to_list() == [1, b"z", 3]
    assert ak.fill_none(ak.Array([1, 2]), 0).layout.is_numpy


def test_errors():
    a = ak.Array([[1, 2], [3]])
    with pytest.raises(AxisError, match=r"ak.pad_none: axis=2 exceeds the depth of this array \(2\)"):
        ak.pad_none(a, 2, axis=2)
    with pytest.raises(AxisError, match=r"ak.pad_none: axis=-3 exceeds the depth"):
        ak.pad_none(a, 2, axis=-3)
    with pytest.raises(AxisError, match="ak.pad_none"):
        ak.pad_none(ak.Array([1, 2, 3]), 2)  # non-list at the requested depth
    with pytest.raises(TypeError, match="ak.pad_none: 'target' must be an integer"):
        ak.pad_none(a, 1.5)
    with pytest.raises(TypeError, match="ak.pad_none: 'axis' must be an integer"):
        ak.pad_none(a, 1, axis=1.0)
    with pytest.raises(AxisError, match="ak.fill_none: axis=2 exceeds"):
        ak.fill_none(a, 0, axis=2)
    with pytest.raises(AxisError, match="ak.fill_none: axis=-3 exceeds"):
        ak.fill_none(a, 0, axis=-3)
    with pytest.raises(TypeError, match="ak.fill_none: the fill value cannot be None"):
        ak.fill_none(a, None)


# ---------------------------------------------------------------------- hypothesis
hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies

_jagged = st.lists(st.one_of(st.none(), st.lists(st.one_of(st.none(), st.integers(-5, 5)), max_size=5)), max_size=8)


@hypothesis.settings(max_examples=60, deadline=None)
@hypothesis.given(_jagged, st.integers(0, 6), st.booleans(), st.sampled_from([0, 1, -1]))
def test_pad_none_hypothesis(data, target, clip, axis):
    array = ak.Array([*data, [0, None]])  # the last list fixes the type: option[var * ?int64]
    posaxis = axis % 2
    assert ak.pad_none(array, target, axis=axis, clip=clip).to_list() == pad_model(
        array.to_list(), target, posaxis, clip
    )


@hypothesis.settings(max_examples=60, deadline=None)
@hypothesis.given(_jagged, st.sampled_from([0, 1, -1, None]))
def test_fill_none_hypothesis(data, axis):
    array = ak.Array([*data, [0, None]])
    posaxis = None if axis is None else axis % 2
    assert ak.fill_none(array, 7, axis=axis).to_list() == fill_model(array.to_list(), 7, posaxis)


# ---------------------------------------------------------------------- laziness
def _events(lazy):
    """events: {jets: var * {pt: ?float64, eta: float64}, met: float64}, every buffer lazy."""
    from awkward.contents import IndexedOptionArray, ListOffsetArray, RecordArray

    pt = IndexedOptionArray(lazy.index([0, -1, 1, 2], "pt-index"), lazy.numpy([1.0, 2.0, 3.0], "pt-data"))
    eta = lazy.numpy([0.1, 0.2, 0.3, 0.4], "eta-data")
    jets = ListOffsetArray(lazy.index([0, 2, 2, 4], "jets-offsets"), RecordArray([pt, eta], ["pt", "eta"]))
    met = lazy.numpy([5.0, 6.0, 7.0], "met-data")
    return ak.Array(RecordArray([jets, met], ["jets", "met"]))


def test_pad_none_on_a_field_reads_that_field_only():
    lazy = Lazy()
    events = _events(lazy)
    out = ak.pad_none(events.jets.pt, 3)
    assert set(lazy.calls) <= {"jets-offsets", "pt-index"}  # the structure, no values
    assert out.to_list() == [[1.0, None, None], [None, None, None], [2.0, 3.0, None]]
    assert "eta-data" not in lazy.calls and "met-data" not in lazy.calls


def test_fill_none_on_a_field_reads_index_and_content_only():
    lazy = Lazy()
    events = _events(lazy)
    out = ak.fill_none(events.jets.pt, 0.0)
    assert set(lazy.calls) <= {"pt-index", "pt-data"}
    assert out.to_list() == [[1.0, 0.0], [], [2.0, 3.0]]
    assert set(lazy.calls) == {"pt-index", "pt-data", "jets-offsets"}
    assert all(count == 1 for count in lazy.calls.values())
