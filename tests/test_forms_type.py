"""awkward.forms: Form.type (awkward.types objects) and from_type."""

from __future__ import annotations

import pytest

import awkward.forms as F

T = pytest.importorskip("awkward.types")

n8 = F.NumpyForm("int8")


def test_type_of_each_kind():
    f = F.RecordForm(
        [
            F.ListOffsetForm("i64", F.IndexedOptionForm("i64", F.NumpyForm("int8", (2,)))),
            F.UnionForm(
                "i8",
                "i64",
                [F.NumpyForm("bool"), F.RegularForm(F.EmptyForm(), 3)],
                parameters={"__doc__": "hi"},
            ),
        ],
        ["x", "y"],
        parameters={"__record__": "P"},
    )
    t = f.type
    assert (
        isinstance(t, T.RecordType) and t.fields == ["x", "y"] and t.parameter("__record__") == "P"
    )
    x, y = t.contents
    assert isinstance(x, T.ListType) and isinstance(x.content, T.OptionType)
    assert isinstance(x.content.content, T.RegularType) and x.content.content.size == 2
    assert isinstance(y, T.UnionType) and y.parameter("__doc__") == "hi"
    assert isinstance(y.contents[1].content, T.UnknownType)
    assert (
        str(t)
        == 'P[x: var * option[2 * int8], y: union[bool, 3 * unknown, parameters={"__doc__": "hi"}]]'
    )


def test_type_parameters_placement():
    t = F.NumpyForm("int8", (2, 3), parameters={"__unit__": "x"}).type
    assert t.parameter("__unit__") == "x" and t.content.parameters == {}
    p = F.NumpyForm("int8", parameters={"p": 1})
    # an index is invisible: its parameters merge into the content's type
    t = F.IndexedForm("i64", p, parameters={"q": 2, "p": 3}).type
    assert isinstance(t, T.NumpyType) and t.parameters == {"p": 3, "q": 2}
    cat = F.IndexedForm("i64", p, parameters={"__array__": "categorical"}).type
    assert cat.parameter("__categorical__") is True and cat.parameter("__array__") is None
    opt = F.IndexedOptionForm("i64", p, parameters={"__array__": "categorical"}).type
    assert isinstance(opt, T.OptionType) and opt.parameter("__categorical__") is True
    for form in (
        F.ByteMaskedForm("i8", p, True),
        F.BitMaskedForm("u8", p, True, False),
        F.UnmaskedForm(p),
    ):
        assert isinstance(form.type, T.OptionType) and form.type.content.parameters == {"p": 1}
    string = F.ListForm(
        "i32",
        "i32",
        F.NumpyForm("uint8", parameters={"__array__": "char"}),
        parameters={"__array__": "string"},
    )
    assert str(F.ByteMaskedForm("i8", string, False).type) == "?string"


def test_equal_forms_equal_types():
    assert F.NumpyForm("int8", (2,)).type == F.RegularForm(n8, 2).type
    assert F.ListForm("i32", "i32", n8).type == F.ListOffsetForm("i64", n8).type


@pytest.mark.parametrize(
    "form",
    [
        F.EmptyForm(),
        n8,
        F.NumpyForm("int8", parameters={"__unit__": "x"}),
        F.RegularForm(n8, 0),
        F.ListOffsetForm("i64", n8, parameters={"a": 1}),
        F.RecordForm([n8, F.EmptyForm()], None, parameters={"a": 1}),
        F.RecordForm([n8], ["x"]),
        F.IndexedOptionForm("i64", F.ListOffsetForm("i64", n8)),
        F.UnionForm("i8", "i64", [n8, F.IndexedOptionForm("i64", F.NumpyForm("bool"))]),
        F.IndexedOptionForm("i64", n8, parameters={"__array__": "categorical"}),
        F.IndexedForm("i64", n8, parameters={"__array__": "categorical"}),
    ],
    ids=repr,
)
def test_from_type_round_trip(form):
    back = F.from_type(form.type)
    assert back.is_equal_to(form, all_parameters=True)
    assert back.type.is_equal_to(form.type, all_parameters=True)


def test_from_type_normalizes():
    f = F.ListForm("i32", "i32", F.ByteMaskedForm("i8", n8, True))
    assert F.from_type(f.type) == F.ListOffsetForm("i64", F.IndexedOptionForm("i64", n8))
    assert F.from_type(F.NumpyForm("float32", (2,)).type) == F.RegularForm(
        F.NumpyForm("float32"), 2
    )


def test_from_type_errors():
    with pytest.raises(TypeError, match="ArrayType"):
        F.from_type(T.ArrayType(T.NumpyType("int8"), 3))
    with pytest.raises(TypeError, match="ScalarType"):
        F.from_type(T.ScalarType(T.NumpyType("int8")))
    with pytest.raises(TypeError, match="awkward.types.Type"):
        F.from_type(3)
