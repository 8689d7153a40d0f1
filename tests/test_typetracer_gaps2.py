"""The type tracer's last gaps, second part (issue 13): to_regular on tracers (a RegularArray of
unknown size, as 2.14), np.newaxis at axis 0 of a tracer of unknown length (2.14's regular
wrapper), unflatten over unions, TypeTracer.array_equal (2.14's RuntimeError; callers take
their general path), ak.str forms that 2.14 fixes (BitMaskedArray of index_in, int32 offsets
of join), and the operations a sweep over the tracer table found failing.

Each tracer result is compared with the eager run over counting virtual buffers
(tests/_typetracer_harness.py: form with lengths forgotten, touched buffers == generator calls).
"""

import numpy as np
import pytest
from _structure_layouts import make_layouts
from _typetracer_harness import compare, eager_virtual, traced

import awkward as ak
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.typetracer import TypeTracer, TypeTracerArray
from awkward.contents import (
    EmptyArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RegularArray,
)
from awkward.forms import NumpyForm, RegularForm
from awkward.index import Index64


def numbers(n, dtype=np.int64):
    return NumpyArray(np.arange(n, dtype=dtype))


def unknown(array):
    return ak.Array(ak.to_layout(array).to_typetracer(forget_length=True))


# ---------------------------------------------------------------------- to_regular
EQUAL_LISTS = {
    "ListOffsetArray": ListOffsetArray(Index64(np.array([0, 2, 4, 6])), numbers(6)),
    "ListOffsetArray start 1": ListOffsetArray(Index64(np.array([1, 3, 5])), numbers(6)),
    "ListArray": ListArray(Index64(np.array([4, 0])), Index64(np.array([6, 2])), numbers(6)),
    "lists of union": ak.to_layout([[1, "x"], [2, 3]]),
    "lists of EmptyArray": ListOffsetArray(Index64(np.array([0, 0, 0])), EmptyArray()),
    "lists of lists": ak.to_layout([[[1], [2, 3]], [[], [4]]]),
    "lists of records": ak.to_layout([[{"x": 1, "y": [1]}], [{"x": 2, "y": []}]]),
    "strings of one length": ak.to_layout(["ab", "cd", "ef"]),
}


def _model_to_regular(rows):
    sizes = {len(row) for row in rows}
    assert len(sizes) <= 1
    return rows


@pytest.mark.parametrize("name", list(EQUAL_LISTS))
def test_to_regular_on_a_tracer_is_a_regular_array_of_unknown_size(name):
    layout = EQUAL_LISTS[name]
    eager = ak.to_regular(ak.Array(layout), axis=1)
    assert eager.to_list() == _model_to_regular(ak.to_list(layout))
    assert compare(layout, lambda a: ak.to_regular(a, axis=1))
    out = ak.to_regular(unknown(layout), axis=1).layout
    assert isinstance(out, RegularArray)
    assert out.size is unknown_length and out.length is unknown_length
    # 2.14: the size is null in the form and ## in the type
    assert out.form.to_dict()["size"] is None
    expected_type = "## * string[##]" if name.startswith("strings") else "## * ## * "
    assert str(ak.to_regular(unknown(layout), axis=1).type).startswith(expected_type)


def test_to_regular_of_a_union_and_an_empty_array_match_2_14():
    union = ak.to_regular(unknown(EQUAL_LISTS["lists of union"]), axis=1)
    assert str(union.type) == "## * ## * union[int64, string]"
    empty = ak.to_regular(unknown(EQUAL_LISTS["lists of EmptyArray"]), axis=1)
    assert str(empty.type) == "## * ## * unknown"
    # with known lengths too (ak.Array(..., backend="typetracer"))
    known = ak.Array([[1, "x"], [2, 3]], backend="typetracer")
    assert str(ak.to_regular(known, axis=1).type) == "## * ## * union[int64, string]"


def test_to_regular_axis_none_on_a_tracer():
    layout = ak.to_layout([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])
    expected, _ = eager_virtual(layout, lambda a: ak.to_regular(a, axis=None))
    result, touched = traced(layout, lambda a: ak.to_regular(a, axis=None))
    assert result.layout.form == expected.layout.form
    assert touched == {"node0-offsets", "node1-offsets"}


def test_an_unknown_size_matches_any_size_in_forms_and_types():
    """2.14: RegularForm(x, unknown) == RegularForm(x, 3), both ways (types too)."""
    unknown_size = RegularForm(NumpyForm("int64"), unknown_length)
    assert unknown_size == RegularForm(NumpyForm("int64"), 3)
    assert RegularForm(NumpyForm("int64"), 3) == unknown_size
    assert RegularForm(NumpyForm("int64"), 3) != RegularForm(NumpyForm("int64"), 2)
    assert unknown_size.type == RegularForm(NumpyForm("int64"), 3).type


def test_a_regular_array_of_unknown_size_prints_and_refuses_values():
    out = ak.to_regular(unknown(EQUAL_LISTS["ListOffsetArray"]), axis=1)
    assert "size='##'" in repr(out.layout)
    assert str(out).startswith("[")
    with pytest.raises(TypeError, match="unknown"):
        out.to_list()
    with pytest.raises(TypeError, match="unknown"):
        len(out)


# operations on the result of to_regular (regular of unknown size on the tracer)
AFTER_REGULAR = {
    "[:, 0]": lambda a: a[:, 0],
    "[:, -1]": lambda a: a[:, -1],
    "[:, 1:]": lambda a: a[:, 1:],
    "[:, ::-1]": lambda a: a[:, ::-1],
    "[:, [0, 0]]": lambda a: a[:, [0, 0]],
    "[..., np.newaxis]": lambda a: a[..., np.newaxis],
    "[:, :]": lambda a: a[:, :],
    "num": lambda a: ak.num(a, axis=1),
    "flatten": lambda a: ak.flatten(a),
    "flatten axis=2": lambda a: ak.flatten(a, axis=2),
    "a + 1": lambda a: a + 1,
    "local_index": lambda a: ak.local_index(a, axis=1),
    "firsts": lambda a: ak.firsts(a),
    "from_regular": lambda a: ak.from_regular(a, axis=1),
    "zip": lambda a: ak.zip({"x": a, "y": a}),
    "field": lambda a: a[a.fields[0]] if a.fields else a,
    "is_none": lambda a: ak.is_none(a, axis=1),
    "sum axis=-1": lambda a: ak.sum(a, axis=-1),
    "max axis=-1": lambda a: ak.max(a, axis=-1),
}

# a RegularArray of unknown size carries its content where the eager run, knowing the size,
# takes a range (a full slice, one row): the tracer reads what any size could need
AFTER_REGULAR_GENERAL_PATH = {"[:, 1:]", "[:, ::-1]", "[:, [0, 0]]", "[:, 0]", "[:, -1]"}


@pytest.mark.parametrize("name", list(EQUAL_LISTS))
@pytest.mark.parametrize("op_name", list(AFTER_REGULAR))
def test_operations_on_a_regular_array_of_unknown_size(op_name, name):
    op = AFTER_REGULAR[op_name]
    general = op_name in AFTER_REGULAR_GENERAL_PATH or name == "lists of union"
    if not compare(EQUAL_LISTS[name], lambda a: op(ak.to_regular(a, axis=1)), general):
        pytest.skip("the eager operation does not apply to this layout")


def test_slicing_a_regular_array_of_unknown_size_keeps_it_regular():
    out = ak.to_regular(unknown(EQUAL_LISTS["ListOffsetArray"]), axis=1)
    assert str(out[:, 1:].type) == "## * ## * int64"
    assert str(out[:, 0].type) == "## * int64"
    assert str(out[..., np.newaxis].type) == "## * ## * 1 * int64"


# ---------------------------------------------------------------------- np.newaxis at axis 0
NEWAXIS = {
    "[np.newaxis, ...]": lambda a: a[np.newaxis, ...],
    "[np.newaxis]": lambda a: a[np.newaxis],
    "[np.newaxis, :, np.newaxis]": lambda a: a[np.newaxis, :, np.newaxis],
    "[None, :, 1:]": lambda a: a[None, :, 1:],
    "[None, [0, 1]]": lambda a: a[None, [0, 1]],
}

_LAYOUTS = make_layouts()
# the one-list wrapper's size is unknown: picking its one row carries the array
NEWAXIS_GENERAL_PATH = {"[None, [0, 1]]", "[None, :, 1:]"}


@pytest.mark.parametrize("layout_name", list(_LAYOUTS))
@pytest.mark.parametrize("op_name", list(NEWAXIS))
def test_newaxis_at_axis_0_of_a_tracer(op_name, layout_name):
    general = op_name in NEWAXIS_GENERAL_PATH or "union" in layout_name
    if not compare(_LAYOUTS[layout_name], NEWAXIS[op_name], general):
        pytest.skip("the eager operation does not apply to this layout")


@pytest.mark.parametrize("layout_name", list(_LAYOUTS))
def test_newaxis_then_an_integer_is_2_14s_tracer_answer(layout_name):
    """``a[None, 0]`` is ``a`` itself: eagerly the wrapper's one row is a range of the array;
    the tracer's wrapper (as 2.14's) has an unknown size, so the row is a carry (a ListArray
    where the eager run keeps a ListOffsetArray, as 2.14's tracer does): same type, and the
    reads are a superset of the eager run's."""
    layout = _LAYOUTS[layout_name]
    op = lambda a: a[None, 0]  # noqa: E731
    try:
        expected, read = eager_virtual(layout, op)
    except IndexError:
        pytest.skip("the eager operation does not apply to this layout")
    result, touched = traced(layout, op)
    assert result.layout.form.type == expected.layout.form.type
    assert read <= touched


def test_newaxis_at_axis_0_gives_2_14s_types():
    tracer = unknown(ak.Array([[1, 2], [3]]))
    assert str(tracer[np.newaxis, ...].type) == "## * ## * var * int64"
    assert str(tracer[np.newaxis].type) == "## * ## * var * int64"
    assert str(tracer[np.newaxis, :, np.newaxis].type) == "## * ## * 1 * var * int64"
    assert str(tracer[None, 0].type) == "## * var * int64"
    assert str(tracer[:, None].type) == "## * 1 * var * int64"
    assert str(tracer[None, [0, 1]].type) == "## * 2 * var * int64"
    assert isinstance(tracer[np.newaxis, ...].layout, RegularArray)
    # eagerly the wrapper is regular too (its size is the length)
    eager = ak.Array([[1, 2], [3]])[np.newaxis, ...]
    assert str(eager.type) == "1 * 2 * var * int64"


# ---------------------------------------------------------------------- unflatten of unions
def test_unflatten_by_an_array_over_a_union_of_lists():
    layout = _LAYOUTS["union of lists"]
    rows = ak.to_list(layout)

    def op(a):
        ones = ak.values_astype(ak.ones_like(ak.flatten(a, axis=None)), np.int64)
        return ak.unflatten(a, ones, axis=1)

    assert op(ak.Array(layout)).to_list() == [[[x] for x in row] for row in rows]
    assert compare(layout, op, True)


def test_unflatten_by_a_number_over_a_union_of_lists():
    layout = _LAYOUTS["union of lists"]
    rows = ak.to_list(layout)
    assert ak.unflatten(ak.Array(layout), 1, axis=1).to_list() == [[[x] for x in row] for row in rows]
    assert compare(layout, lambda a: ak.unflatten(a, 1, axis=1), True)


# ---------------------------------------------------------------------- array_equal
def test_typetracer_array_equal_raises_as_2_14_and_touches_nothing():
    form = ak.forms.from_dict({"class": "NumpyArray", "primitive": "int64", "form_key": "x"})
    layout, report = ak.typetracer.typetracer_with_report(form, highlevel=False)
    with pytest.raises(RuntimeError):
        TypeTracer.instance().array_equal(layout.data, layout.data)
    with pytest.raises(RuntimeError):
        TypeTracer.instance().array_equal(
            TypeTracerArray._new(np.dtype(np.int64), (3,)), TypeTracerArray._new(np.dtype(np.int64), (3,))
        )
    assert report.data_touched == []


def test_is_equal_to_on_tracers_compares_structure_only():
    """2.14: True for tracers of one form (lengths unknown), no data read; known lengths that
    differ are unequal."""
    form = ak.forms.from_dict(
        {
            "class": "ListOffsetArray",
            "offsets": "i64",
            "content": {"class": "NumpyArray", "primitive": "int64", "form_key": "y"},
            "form_key": "x",
        }
    )
    one, report_one = ak.typetracer.typetracer_with_report(form, highlevel=False)
    two, report_two = ak.typetracer.typetracer_with_report(form, highlevel=False)
    assert one.is_equal_to(two)
    assert report_one.data_touched == [] and report_two.data_touched == []
    a = ak.Array([[1, 2], [3]], backend="typetracer").layout
    b = ak.Array([[1, 2], [3], [4]], backend="typetracer").layout
    assert not a.is_equal_to(b)


def test_lists_of_equal_offsets_in_separate_buffers_touch_what_the_eager_run_reads():
    """Broadcasting compares two offsets buffers (both read); on the tracer they cannot be
    compared, so the general path; the touches are the eager run's reads."""
    layout = ak.to_layout({"x": [[1, 2], [], [3]], "y": [[4, 5], [], [6]]})
    layout = ak.zip({"x": layout["x"], "y": ak.to_packed(layout["y"])}, depth_limit=1, highlevel=False)
    op = lambda a: a.x + a.y  # noqa: E731
    expected, read = eager_virtual(layout, op)
    result, touched = traced(layout, op)
    assert result.layout.form == expected.layout.form
    assert touched == read
    assert ak.almost_equal(op(ak.Array(layout)), ak.Array([[5, 7], [], [9]]))


# ---------------------------------------------------------------------- ak.str forms (2.14)
WORDS = ["ab a", "cde", "", "ab"]
STR_INPUTS = {
    "strings": ak.to_layout(WORDS),
    "bytestrings": ak.to_layout([w.encode() for w in WORDS]),
    "option of strings": ak.to_layout(["ab a", None, "", "ab"]),
    "lists of strings": ak.to_layout([["ab a", "cde"], [], ["ab"]]),
}


def _leaf_forms(form):
    """Every node class (with its index/offsets dtype) of a form, outermost first."""
    out = []
    while form is not None:
        if isinstance(form, ak.forms.RecordForm):
            form = form.contents[0]
            continue
        extra = getattr(form, "offsets", None) or getattr(form, "mask", None) or ""
        out.append((type(form).__name__, extra))
        form = getattr(form, "content", None)
    return out


def _map_strings(rows, function):
    if isinstance(rows, list):
        return [_map_strings(row, function) for row in rows]
    return None if rows is None else function(rows)


def test_index_in_is_a_bitmasked_array_as_2_14():
    pytest.importorskip("pyarrow")
    for name, layout in STR_INPUTS.items():
        out = ak.str.index_in(ak.Array(layout), ["ab", "cde"])
        nodes = _leaf_forms(out.layout.form)
        assert ("BitMaskedForm", "u8") in nodes, (name, nodes)
        assert out.layout.form.type == ak.str.index_in(unknown(layout), ["ab", "cde"]).layout.form.type
        value_set = ["ab", "cde"] if name != "bytestrings" else [b"ab", b"cde"]
        model = _map_strings(ak.to_list(layout), lambda s, v=value_set: v.index(s) if s in v else None)
        assert out.to_list() == model
        assert compare(layout, lambda a: ak.str.index_in(a, ["ab", "cde"]))


def test_extract_regex_is_bitmasked_as_2_14():
    pytest.importorskip("pyarrow")
    out = ak.str.extract_regex(ak.Array(STR_INPUTS["strings"]), "(?P<x>a)")
    assert type(out.layout).__name__ == "BitMaskedArray"
    assert out.layout.lsb_order and out.layout.valid_when
    assert out.to_list() == [{"x": "a"} if "a" in w else None for w in WORDS]
    assert compare(STR_INPUTS["strings"], lambda a: ak.str.extract_regex(a, "(?P<x>a)"))


SPLITS = {
    "split_whitespace": (lambda a: ak.str.split_whitespace(a), lambda s: s.split() or [""]),
    "split_pattern": (lambda a: ak.str.split_pattern(a, "b"), lambda s: s.split("b")),
    "split_pattern_regex": (lambda a: ak.str.split_pattern_regex(a, "b"), lambda s: s.split("b")),
}


@pytest.mark.parametrize("split", list(SPLITS))
@pytest.mark.parametrize("name", ["strings", "option of strings", "lists of strings"])
def test_split_results_have_int32_list_offsets_as_2_14(split, name):
    pytest.importorskip("pyarrow")
    op, model = SPLITS[split]
    layout = STR_INPUTS[name]
    out = op(ak.Array(layout))
    offsets = [extra for kind, extra in _leaf_forms(out.layout.form) if kind == "ListOffsetForm"]
    assert offsets[-2:] == ["i32", "i64"]  # the split lists, then the strings
    assert out.to_list() == _map_strings(ak.to_list(layout), model)
    assert compare(layout, op)


@pytest.mark.parametrize(
    "separator", ["-", ak.Array(["-", "+", "*"])], ids=["string separator", "array of separators"]
)
def test_join_gives_int32_offsets_as_2_14(separator):
    pytest.importorskip("pyarrow")
    layout = STR_INPUTS["lists of strings"]
    out = ak.str.join(ak.Array(layout), separator)
    assert out.layout.offsets.dtype == np.dtype(np.int32)
    seps = ["-"] * 3 if isinstance(separator, str) else separator.to_list()
    assert out.to_list() == [sep.join(row) for sep, row in zip(seps, ak.to_list(layout))]
    assert compare(layout, lambda a: ak.str.join(a, separator))


# ---------------------------------------------------------------------- the sweep's finds
def _record(a):
    return ak.zip({"x": a, "y": a}, depth_limit=1)


SWEEP_OPS = {
    "broadcast_fields": lambda a: ak.broadcast_fields(_record(a), ak.zip({"z": a}, depth_limit=1)),
    "zip_no_broadcast": lambda a: ak.zip_no_broadcast({"x": a, "y": a}),
    "cartesian axis=0": lambda a: ak.cartesian([a, a], axis=0),
    "cartesian axis=0 nested": lambda a: ak.cartesian([a, a], axis=0, nested=True),
    "argcartesian axis=0": lambda a: ak.argcartesian([a, a], axis=0),
    "merge_option_of_records": lambda a: ak.merge_option_of_records(
        ak.mask(_record(a), ak.num(a, axis=1) > 0)
    ),
    "merge_union_of_records": lambda a: ak.merge_union_of_records(
        ak.concatenate([_record(a), ak.zip({"z": a}, depth_limit=1)])
    ),
    "materialize of records": lambda a: ak.materialize(_record(a)),
    "fill_none with a record": lambda a: ak.fill_none(a, {"x": 1}),
    "sort descending": lambda a: ak.sort(a, axis=-1, ascending=False),
    "nansum": lambda a: ak.nansum(a, axis=-1),
    "nanmean": lambda a: ak.nanmean(a, axis=-1),
    "corr": lambda a: ak.corr(a, a, axis=-1),
    "softmax": lambda a: ak.softmax(a, axis=-1),
    "prod": lambda a: ak.prod(a, axis=-1),
    "nanprod": lambda a: ak.nanprod(a, axis=-1),
    "argmax axis=None keepdims": lambda a: ak.argmax(a, axis=None, keepdims=True),
    "argmin axis=None keepdims": lambda a: ak.argmin(a, axis=None, keepdims=True),
}

SWEEP_LAYOUTS = dict(make_layouts())
SWEEP_LAYOUTS["records flat"] = ak.to_layout([{"x": 1, "y": 2.2}, {"x": 2, "y": 3.3}])
SWEEP_LAYOUTS["floats with nan"] = ak.to_layout([[1.5, np.nan], [], [2.5]])
SWEEP_LAYOUTS["complex"] = ak.to_layout([[1 + 1j, 2j], [], [3]])
SWEEP_LAYOUTS["flat strings"] = ak.to_layout(["ab", "c", "ab"])


@pytest.mark.parametrize("layout_name", list(SWEEP_LAYOUTS))
@pytest.mark.parametrize("op_name", list(SWEEP_OPS))
def test_operations_the_sweep_found_failing_on_tracers(op_name, layout_name):
    if not compare(SWEEP_LAYOUTS[layout_name], SWEEP_OPS[op_name]):
        pytest.skip("the eager operation does not apply to this layout")


def test_the_sweep_finds_have_2_14s_types():
    tracer = unknown(ak.Array([[1, 2], [], [3]]))
    assert str(ak.cartesian([tracer, tracer], axis=0).type) == "## * (var * int64, var * int64)"
    assert str(ak.zip_no_broadcast({"x": tracer, "y": tracer}).type) == "## * var * {x: int64, y: int64}"
    assert str(ak.materialize(ak.zip({"x": tracer}, depth_limit=1)).type) == "## * {x: var * int64}"
    masked = unknown(ak.Array([[1, None], [], [3]]))
    assert str(ak.fill_none(masked, {"x": 1}).type) == "## * var * union[int64, {x: int64}]"
    complex_tracer = unknown(ak.Array([[1 + 1j, 2j], [], [3]]))
    assert str(ak.nansum(complex_tracer, axis=-1).type) == "## * complex128"
    assert str(ak.sort(complex_tracer, axis=-1).type) == "## * var * complex128"


def test_models_of_the_sweep_finds():
    """Pure-Python models of the eager results the tracers were compared with."""
    rows = [[1, 2], [], [3]]
    array = ak.Array(rows)
    assert ak.cartesian([array, array], axis=0).to_list() == [(a, b) for a in rows for b in rows]
    assert ak.zip_no_broadcast({"x": array, "y": array}).to_list() == [
        [{"x": v, "y": v} for v in row] for row in rows
    ]
    masked = ak.Array([[1, None], [], [3]])
    assert ak.fill_none(masked, {"x": 1}).to_list() == [[1, {"x": 1}], [], [3]]
    values = [[3 + 1j, 1j], [], [2]]
    assert ak.sort(ak.Array(values), axis=-1).to_list() == [sorted(row, key=lambda c: (c.real, c.imag)) for row in values]


# ---------------------------------------------------------------------- 0-d results (dask-awkward's metas)

def test_zero_d_arrays_are_one_value_with_a_backend():
    tracer = ak.Array([[1.0, 2.0]], backend="typetracer")
    total = ak.sum(tracer, axis=None)
    assert ak.backend(total) == "typetracer"
    # as 2.14: an array without data absorbs a concrete one
    assert ak.backend(ak.Array([1]), total) == "typetracer"
    assert str(ak.Array(ak.to_layout(total, primitive_policy="promote")).type) == "1 * float64"
    assert ak.to_layout(np.array(1.5)).to_list() == [1.5]
    with pytest.raises(TypeError, match="none of the arguments is an array"):
        ak.backend(1.0)


def test_keepdims_at_axis_none_on_a_tracer_of_unknown_length():
    eager = ak.Array([[1.0, 2.0], [], [3.5]])
    tracer = ak.Array(eager.layout.to_typetracer(forget_length=True))
    for reducer in (ak.sum, ak.max, ak.count):
        traced = reducer(tracer, axis=None, keepdims=True)
        expected = reducer(eager, axis=None, keepdims=True)
        assert traced.layout.form == expected.layout.form
