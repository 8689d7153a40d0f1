"""awkward.typetracer (the public module), layout.to_typetracer, ak.to_backend(..., "typetracer"),
ak.Array(..., backend="typetracer"), Form.length_zero_array/length_one_array, printing, and the
TypeErrors of operations that need values."""

import collections

import numpy as np
import pytest
from _structure_layouts import make_layouts
from _typetracer_harness import virtualize_counting

import awkward as ak
from awkward._nplikes.typetracer import TypeTracerArray
from awkward.typetracer import (
    MaybeNone,
    OneOf,
    PlaceholderArray,
    TypeTracerReport,
    create_unknown_scalar,
    empty_if_typetracer,
    is_unknown_array,
    is_unknown_scalar,
    length_one_if_typetracer,
    length_zero_if_typetracer,
    touch_data,
    typetracer_from_form,
    typetracer_with_report,
    unknown_length,
)

LAYOUTS = make_layouts()

FORM_DICT = {
    "class": "RecordArray",
    "fields": ["x", "y"],
    "contents": [
        {
            "class": "ListOffsetArray",
            "offsets": "i64",
            "content": {"class": "NumpyArray", "primitive": "float64", "form_key": "xdata"},
            "form_key": "xlist",
        },
        {"class": "NumpyArray", "primitive": "int32", "form_key": "y"},
    ],
    "form_key": "rec",
}


def test_public_names():
    for name in [
        "typetracer_with_report", "typetracer_from_form", "empty_if_typetracer",
        "length_zero_if_typetracer", "length_one_if_typetracer", "touch_data",
        "create_unknown_scalar", "is_unknown_scalar", "is_unknown_array", "PlaceholderArray",
        "unknown_length", "MaybeNone", "OneOf", "TypeTracerArray", "TypeTracerReport",
    ]:
        assert hasattr(ak.typetracer, name), name
    assert ak.typetracer.unknown_length is unknown_length
    assert PlaceholderArray.__name__ == "PlaceholderArray"
    assert MaybeNone(1).content == 1 and OneOf([1]).contents == [1]


def test_typetracer_with_report_from_a_dict_with_a_callable_buffer_key():
    chosen = []

    def buffer_key(form_key, attribute, form):
        chosen.append(f"{form_key}/{attribute}")
        return chosen[-1]

    array, report = typetracer_with_report(FORM_DICT, buffer_key=buffer_key, highlevel=True)
    assert isinstance(array, ak.Array)
    assert str(array.type) == "## * {x: var * float64, y: int32}"
    assert isinstance(report, TypeTracerReport) and report.data_touched == []
    total = ak.sum(array.x, axis=1)
    assert str(total.type) == "## * float64"
    assert report.data_touched == ["xlist/offsets", "xdata/data"]
    assert set(report.data_touched) <= set(chosen)
    array.y  # noqa: B018  (field access touches nothing)
    assert report.data_touched == ["xlist/offsets", "xdata/data"]


def test_typetracer_with_report_default_key_and_form_kinds():
    form = ak.forms.from_dict(FORM_DICT)
    layout, report = typetracer_with_report(form)
    assert isinstance(layout, ak.contents.RecordArray)
    ak.num(ak.Array(layout).x, axis=1)
    assert report.data_touched == ["xlist"]  # "{form_key}" is the default buffer_key
    layout2, _ = typetracer_with_report(form.to_json())
    assert layout2.form == layout.form
    with pytest.raises(TypeError, match="form"):
        typetracer_with_report(3)


def test_typetracer_from_form():
    array = typetracer_from_form(FORM_DICT)
    assert isinstance(array, ak.Array)
    assert array.layout.backend.name == "typetracer"
    assert len(array.layout.fields) == 2
    assert array.layout.length is unknown_length


@pytest.mark.parametrize("name", list(LAYOUTS))
def test_virtual_layout_converts_without_materializing(name):
    calls = collections.Counter()
    virtual = virtualize_counting(LAYOUTS[name], calls)
    tracer = virtual.to_typetracer()
    assert sum(calls.values()) == 0
    assert tracer.backend.name == "typetracer"
    assert tracer.form == LAYOUTS[name].form
    assert tracer.length == LAYOUTS[name].length
    forgotten = virtual.to_typetracer(forget_length=True)
    assert forgotten.length is unknown_length or name == "EmptyArray"  # always 0
    assert forgotten.form == LAYOUTS[name].form or name == "EmptyArray"
    assert sum(calls.values()) == 0
    # buffers keep their virtual buffer_key as form_key
    for buffer in tracer._buffers_by_attribute().values():
        assert isinstance(buffer, TypeTracerArray) and buffer.form_key is not None


def test_to_backend_and_array_constructor():
    array = ak.Array([[1, 2], [3]])
    tracer = ak.to_backend(array, "typetracer")
    assert ak.backend(tracer) == "typetracer"
    assert str(tracer.type) == "2 * var * int64"
    assert ak.backend(ak.Array([[1.5]], backend="typetracer")) == "typetracer"
    assert array.layout.to_backend("typetracer").backend.name == "typetracer"
    with pytest.raises(TypeError, match="unknown"):
        ak.to_backend(tracer, "cpu")


@pytest.mark.parametrize(
    "call",
    [
        lambda a: a.to_list(),
        lambda a: ak.to_list(a),
        lambda a: ak.to_numpy(a),
        lambda a: np.asarray(a),
        lambda a: bool(a[0, 0]),
    ],
)
def test_operations_that_need_values_raise_type_error(call):
    tracer = ak.Array([[1, 2], [3]], backend="typetracer")
    with pytest.raises(TypeError, match="unknown"):
        call(tracer)


def test_printing_shows_type_and_question_marks():
    tracer = ak.Array([[1, 2], [3]], backend="typetracer")
    text = repr(tracer)
    assert "??" in text and "2 * var * int64" in text
    assert "??" in str(tracer)
    unknown, _ = typetracer_with_report(FORM_DICT, highlevel=True)
    assert "## * {x: var * float64, y: int32}" in repr(unknown)
    assert "??" in repr(unknown.layout)


def test_length_zero_and_one_arrays_of_forms():
    for name, layout in LAYOUTS.items():
        form = layout.form
        zero = form.length_zero_array()
        assert len(zero) == 0 and zero.form == form, name
        if name == "EmptyArray":
            continue  # an EmptyArray has no element to give
        one = form.length_one_array()
        assert len(one) == 1 and one.form == form, name
        assert one.backend.name == "cpu"
    assert ak.forms.from_dict({"class": "ListOffsetArray", "offsets": "i64", "content": "int64"}).length_one_array().to_list() == [[]]


def test_length_zero_one_if_typetracer_and_touch_data():
    array, report = typetracer_with_report(FORM_DICT, buffer_key="{form_key}-{attribute}", highlevel=True)
    zero = length_zero_if_typetracer(array)
    assert len(zero) == 0 and ak.backend(zero) == "cpu" and zero.layout.form == array.layout.form
    assert set(report.data_touched) == {"xlist-offsets", "xdata-data", "y-data"}
    one = length_one_if_typetracer(array)
    assert len(one) == 1 and one.layout.form == array.layout.form
    assert len(empty_if_typetracer(array)) == 0
    concrete = ak.Array([[1, 2]])
    assert length_zero_if_typetracer(concrete) is not None and len(length_zero_if_typetracer(concrete)) == 1

    array2, report2 = typetracer_with_report(FORM_DICT, buffer_key="{form_key}-{attribute}", highlevel=True)
    out = touch_data(array2.x)
    assert ak.backend(out) == "typetracer"
    assert set(report2.data_touched) == {"xlist-offsets", "xdata-data"}


def test_unknown_scalars():
    s = create_unknown_scalar(np.float64)
    assert is_unknown_scalar(s) and not is_unknown_array(s)
    array, _ = typetracer_with_report(FORM_DICT, highlevel=True)
    total = ak.sum(array.y)
    assert is_unknown_scalar(total) and total.dtype == np.int64
    assert is_unknown_array(array.y.layout.data)


def test_concrete_returns_the_tracer_and_touches_it():
    from awkward.contents.content import as_length, concrete

    report = TypeTracerReport()
    x = TypeTracerArray(np.int64, (3,), "x", report)
    (same,) = concrete(x)
    assert same is x and report.data_touched == ["x"]
    assert as_length(x[0]) is unknown_length
    assert as_length(np.int64(4)) == 4
