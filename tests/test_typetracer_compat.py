"""What dask-awkward and coffea rely on besides the operations table: unknown elements of
typetracer arrays (MaybeNone, OneOf, unknown strings), the ``__awkward_function__`` protocol,
settable form keys, ``enforce_concatenated_form`` and the names dask-awkward imports."""

import numpy as np
import pytest

import awkward as ak
from awkward.operations.ak_concatenate import enforce_concatenated_form
from awkward.typetracer import MaybeNone, OneOf


def _traced(data):
    layout = ak.to_layout(data)
    form, _, _ = ak.to_buffers(layout)
    return ak.typetracer.typetracer_with_report(
        form, buffer_key="{form_key}-{attribute}", highlevel=True
    )


def test_element_of_an_option_is_maybe_none():
    array, report = _traced([[1, 2], None, [3]])
    element = array[0]
    assert isinstance(element, MaybeNone)
    assert element.content.form == ak.forms.NumpyForm("int64")
    assert "node0-index" in report.data_touched


def test_element_of_a_union_is_one_of_its_contents():
    array, _ = _traced([[1, 2], 3.5, [3]])
    element = array[1]
    assert isinstance(element, OneOf)
    kinds = {type(x).__name__ for x in element.contents}
    assert len(element.contents) == 2 and kinds <= {"NumpyArray", "TypeTracerArray"}


def test_element_of_strings_is_its_characters_and_reads_them():
    array, report = _traced(["ab", "cde"])
    element = array[-1]
    assert isinstance(element, ak.Array)
    assert element.layout.parameter("__array__") == "char"
    assert set(report.data_touched) == {"node0-offsets", "node1-data"}


def test_string_function_on_a_tracer_gives_the_eager_form():
    eager = ak.Array(["ab", "cde", ""])
    array, report = _traced(eager)
    for function in (ak.str.upper, ak.str.length, ak.str.split_whitespace):
        assert function(array).layout.form == function(eager).layout.form
    assert set(report.data_touched) == {"node0-offsets", "node1-data"}


class _Delegating:
    """A stand-in for a dask-awkward collection."""

    def __init__(self, answer):
        self.answer = answer

    def __awkward_function__(self, func, array_likes, args, kwargs):
        if self.answer is NotImplemented:
            return NotImplemented
        return (func.__name__, len(array_likes), self.answer)


def test_awkward_function_protocol_hands_the_call_over():
    assert ak.num(_Delegating(7), axis=1) == ("num", 1, 7)
    assert ak.zip({"x": _Delegating(1), "y": _Delegating(2)}) == ("zip", 2, 1)
    assert ak.concatenate([_Delegating(3), _Delegating(3)]) == ("concatenate", 2, 3)


def test_awkward_function_protocol_not_implemented():
    with pytest.raises(TypeError, match=r"ak\.num: no implementation"):
        ak.num(_Delegating(NotImplemented))


def test_plain_arguments_do_not_dispatch():
    assert ak.num(ak.Array([[1], [2, 3]]), axis=1).to_list() == [1, 2]


def test_form_key_is_settable():
    form = ak.forms.from_dict({"class": "NumpyArray", "primitive": "int64"})
    form.form_key = "abc"
    assert form.form_key == "abc"
    with pytest.raises(TypeError, match="form_key"):
        form.form_key = 3


def test_enforce_concatenated_form():
    layout = ak.to_layout([[1, 2], [3]])
    assert enforce_concatenated_form(layout, layout.form) is layout
    target = ak.to_layout([[1.5], None]).form
    out = enforce_concatenated_form(layout, target)
    assert str(out.form.type) == str(target.type)
    assert ak.to_list(out) == [[1.0, 2.0], [3.0]]


def test_highlevel_names_dask_awkward_imports():
    mixin = ak.highlevel.NDArrayOperatorsMixin

    class Doubling(mixin):
        def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
            return ufunc.__name__

    assert Doubling() + 1 == "add"
    assert -Doubling() == "negative"
    assert ak.highlevel._dir_pattern.match("field_1")
    assert not ak.highlevel._dir_pattern.match("1field")
    assert np.add is not None
