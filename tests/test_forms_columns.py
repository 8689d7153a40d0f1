"""awkward.forms: columns, select_columns, column_types, expected_from_buffers, type, from_type,
simplified."""

from __future__ import annotations

import numpy as np
import pytest

import awkward.forms as F

n8 = F.NumpyForm("int8")
f64 = F.NumpyForm("float64")
b = F.NumpyForm("bool")


def rec(**fields):
    return F.RecordForm(list(fields.values()), list(fields))


def fields_of(form):
    """Nested description {field: subtree} of the records (through lists/options)."""
    while not (form.is_record or form.is_union or form.is_leaf):
        form = form.content
    if form.is_record:
        return {f: fields_of(c) for f, c in zip(form.fields, form.contents)}
    if form.is_union:
        return ("union", [fields_of(c) for c in form.contents])
    return type(form).__name__


@pytest.fixture
def form():
    return rec(
        x=F.ListOffsetForm("i64", rec(a=n8, b=f64)),
        y=f64,
        z=F.RegularForm(b, 2),
    )


def test_columns(form):
    assert form.columns() == ["x.a", "x.b", "y", "z"]
    assert form.columns(list_indicator="list", column_prefix=("p",)) == [
        "p.x.list.a",
        "p.x.list.b",
        "p.y",
        "p.z.list",
    ]
    assert F.ListOffsetForm("i64", n8).columns() == [""]
    assert F.ListOffsetForm("i64", n8).columns(list_indicator="L") == ["L"]
    assert F.RecordForm([n8, n8], None).columns() == ["0", "1"]
    assert F.NumpyForm("int8", (2, 3)).columns(list_indicator="L") == [""]
    # a union lists each column once
    u = F.UnionForm("i8", "i64", [rec(a=n8, c=f64), rec(b=n8, c=f64)])
    assert u.columns() == ["a", "c", "b"]


def test_column_types(form):
    assert form.column_types() == (
        np.dtype(np.int8),
        np.dtype(np.float64),
        np.dtype(np.float64),
        np.dtype(np.bool_),
    )
    assert rec(x=F.EmptyForm(), y=F.NumpyForm("datetime64[s]")).column_types() == (
        "empty",
        np.dtype("M8[s]"),
    )


@pytest.mark.parametrize(
    "specifier, expected",
    [
        ("x.a", {"x": {"a": "NumpyForm"}}),
        (["x.*", "z"], {"x": {"a": "NumpyForm", "b": "NumpyForm"}, "z": "NumpyForm"}),
        ("x", {"x": {"a": "NumpyForm", "b": "NumpyForm"}}),
        ("{x,y}", {"x": {"a": "NumpyForm", "b": "NumpyForm"}, "y": "NumpyForm"}),
        ("x.{a,b}", {"x": {"a": "NumpyForm", "b": "NumpyForm"}}),
        ("[xy]", {"x": {"a": "NumpyForm", "b": "NumpyForm"}, "y": "NumpyForm"}),
        ("?", {"x": {"a": "NumpyForm", "b": "NumpyForm"}, "y": "NumpyForm", "z": "NumpyForm"}),
        ("*.a", {"x": {"a": "NumpyForm"}, "y": "NumpyForm", "z": "NumpyForm"}),
        ("nothing", {}),
        ("x.c", {}),
        ("x.a.deeper", {"x": {"a": "NumpyForm"}}),
        ("y.deeper", {"y": "NumpyForm"}),
        ([("x", "a")], {"x": {"a": "NumpyForm"}}),
        (["x.a", ("y",)], {"x": {"a": "NumpyForm"}, "y": "NumpyForm"}),
        ([], {}),
    ],
)
def test_select_columns(form, specifier, expected):
    selected = form.select_columns(specifier)
    assert fields_of(selected) == expected
    # what was kept is unchanged below the selection
    if "x" in expected:
        assert selected.content("x").offsets == "i64"


def test_select_columns_braces_and_order():
    f = rec(x1=n8, y1=n8, x2=n8)
    assert f.select_columns("{x,y}{1,2}").fields == ["x1", "y1", "x2"]
    assert f.select_columns("{x,{y,z}}1").fields == ["x1", "y1"]
    assert f.select_columns(["x2", "x1"]).fields == ["x1", "x2"]  # form order
    assert f.select_columns("{x,y}1", expand_braces=False).fields == []
    g = rec(x=n8, y=n8)
    assert g.select_columns(["x.{a,b", "y"]).fields == ["x", "y"]  # unbalanced: literal
    assert g.select_columns([("x*", "{a,b}")]).fields == ["x"]  # x is a leaf
    h = F.RecordForm([n8, n8], None)
    assert h.select_columns("1").is_tuple and len(h.select_columns("1").contents) == 1
    dotted = rec(**{"a.b": n8, "c": n8})
    assert dotted.columns() == ["a.b", "c"]
    assert dotted.select_columns("a.b").fields == []
    assert dotted.select_columns([("a.b",)]).fields == ["a.b"]


def test_select_columns_keeps_parameters_and_keys():
    f = F.RecordForm([rec(a=n8), n8], ["x", "y"], parameters={"p": 1}, form_key="k")
    g = f.select_columns("x")
    assert g.parameters == {"p": 1} and g.form_key == "k" and g.fields == ["x"]


def test_select_columns_pruning():
    f = rec(
        x=rec(a=n8, b=rec(c=b)),
        y=F.UnionForm("i8", "i64", [rec(a=n8, b=f64), rec(b=n8, c=f64)]),
    )
    assert f.select_columns("x.b.d").fields == []
    kept = f.select_columns("x.b.d", prune_unions_and_records=False)
    assert fields_of(kept) == {"x": {"b": {}}}
    # union branches without the column are dropped; one branch left replaces the union
    assert fields_of(f.select_columns("y.a")) == {"y": {"a": "NumpyForm"}}
    assert fields_of(f.select_columns("y.b")) == {
        "y": ("union", [{"b": "NumpyForm"}, {"b": "NumpyForm"}])
    }
    assert fields_of(f.select_columns("y.a", prune_unions_and_records=False)) == {
        "y": ("union", [{"a": "NumpyForm"}, {}])
    }
    assert f.select_columns("y.q").fields == []
    # an EmptyForm is a column; a list of empty records is not
    g = rec(x=F.EmptyForm(), y=n8, z=F.ListOffsetForm("i64", F.RecordForm([], [])))
    assert g.select_columns("x").fields == ["x"]
    assert g.select_columns("z").fields == []
    assert g.select_columns("z", prune_unions_and_records=False).fields == ["z"]


def test_select_columns_top_level_non_records():
    assert F.ListOffsetForm("i64", rec(a=n8)).select_columns("q") == F.ListOffsetForm(
        "i64", F.RecordForm([], [])
    )
    u = F.UnionForm("i8", "i64", [rec(a=n8), rec(b=n8)])
    assert u.select_columns("q") == F.EmptyForm()
    assert F.UnionForm("i8", "i64", [n8, rec(b=n8, c=f64)]).select_columns("q") == n8
    assert n8.select_columns("anything") is n8
    opt = rec(x=F.IndexedOptionForm("i64", rec(a=n8, b=n8)), y=n8)
    assert fields_of(opt.select_columns("x.a")) == {"x": {"a": "NumpyForm"}}
    assert opt.select_columns("x.a").content("x").is_option


@pytest.mark.parametrize(
    "specifier, error, message",
    [
        (3, TypeError, "specifier"),
        ("", ValueError, "empty string"),
        ([3], TypeError, "str or sequences"),
        ([("x", 3)], TypeError, "must be str"),
        ([()], ValueError, "cannot be empty"),
    ],
)
def test_select_columns_errors(form, specifier, error, message):
    with pytest.raises(error, match=message):
        form.select_columns(specifier)


def test_expected_from_buffers():
    f = F.RecordForm(
        [
            F.ListForm("i64", "i64", F.NumpyForm("int8", form_key="n"), form_key="l"),
            F.EmptyForm(form_key="e"),
        ],
        ["x", "y"],
        form_key="r",
    )
    assert f.expected_from_buffers() == {
        "l-starts": np.dtype(np.int64),
        "l-stops": np.dtype(np.int64),
        "n-data": np.dtype(np.int8),
    }
    assert list(f.expected_from_buffers()) == ["l-starts", "l-stops", "n-data"]
    assert f.expected_from_buffers(recursive=False) == {}
    assert f.contents[0].expected_from_buffers("{form_key}/{attribute}", recursive=False) == {
        "l/starts": np.dtype(np.int64),
        "l/stops": np.dtype(np.int64),
    }
    g = F.ListOffsetForm("u32", n8, form_key="a")
    calls = []

    def key(form_key, attribute, form):
        calls.append(type(form).__name__)
        return f"{form_key}:{attribute}"

    assert g.expected_from_buffers(key) == {
        "a:offsets": np.dtype(np.uint32),
        "None:data": np.dtype(np.int8),
    }
    assert calls == ["ListOffsetForm", "NumpyForm"]
    with pytest.raises(TypeError, match="buffer_key"):
        g.expected_from_buffers(3)


def test_expected_from_buffers_all_kinds():
    f = F.form_with_unique_keys(
        F.UnionForm(
            "i8",
            "i32",
            [
                F.BitMaskedForm("u8", F.NumpyForm("float32", (2,)), True, True),
                F.ByteMaskedForm(
                    "i8",
                    F.RegularForm(
                        F.ListOffsetForm(
                            "u32", F.IndexedForm("u32", F.NumpyForm("datetime64[ms]"))
                        ),
                        2,
                    ),
                    True,
                ),
                F.IndexedOptionForm("i32", F.RecordForm([n8], ["q"])),
            ],
        ),
        ("k",),
    )
    got = f.expected_from_buffers()
    attributes = [key.rsplit("-", 1)[1] for key in got]
    assert attributes == [
        "tags",
        "index",
        "mask",
        "data",
        "mask",
        "offsets",
        "index",
        "data",
        "index",
        "data",
    ]
    assert list(got.values()) == [
        np.dtype(np.int8),
        np.dtype(np.int32),
        np.dtype(np.uint8),
        np.dtype(np.float32),
        np.dtype(np.int8),
        np.dtype(np.uint32),
        np.dtype(np.uint32),
        np.dtype("M8[ms]"),
        np.dtype(np.int32),
        np.dtype(np.int8),
    ]


# ---- simplified ----------------------------------------------------------------------


def test_option_simplified():
    inner = F.IndexedOptionForm("i64", n8, parameters={"a": 1})
    out = F.IndexedOptionForm.simplified("i32", inner, parameters={"b": 2})
    assert out.is_equal_to(
        F.IndexedOptionForm("i64", n8, parameters={"a": 1, "b": 2}), all_parameters=True
    )
    assert F.IndexedOptionForm.simplified("i32", n8, form_key="k").form_key == "k"
    assert F.IndexedOptionForm.simplified("i32", F.UnmaskedForm(n8)) == F.IndexedOptionForm(
        "i64", n8
    )
    assert F.IndexedForm.simplified("i32", F.IndexedForm("u32", n8)) == F.IndexedForm("i64", n8)
    assert F.IndexedForm.simplified("i32", F.ByteMaskedForm("i8", n8, True)) == F.IndexedOptionForm(
        "i64", n8
    )
    assert F.UnmaskedForm.simplified(F.UnmaskedForm(n8)) == F.UnmaskedForm(n8)
    assert F.UnmaskedForm.simplified(F.IndexedForm("i64", n8)) == F.IndexedOptionForm("i64", n8)
    assert F.ByteMaskedForm.simplified(
        "i8", F.IndexedOptionForm("i64", n8), True
    ) == F.IndexedOptionForm("i64", n8)
    assert F.BitMaskedForm.simplified(
        "u8", F.BitMaskedForm("u8", n8, True, True), True, False
    ) == F.IndexedOptionForm("i64", n8)
    assert F.BitMaskedForm.simplified("u8", n8, True, False) == F.BitMaskedForm(
        "u8", n8, True, False
    )
    # an option or index around a union goes inside it
    u = F.UnionForm("i8", "i64", [n8, b], parameters={"a": 1})
    assert F.IndexedForm.simplified("i32", u, parameters={"b": 2}).parameters == {"a": 1, "b": 2}
    opt_union = F.IndexedOptionForm.simplified("i32", u)
    assert opt_union.is_union and all(c.is_option for c in opt_union.contents)
    # categorical indexes may wrap a union
    cat = F.IndexedForm("i64", u, parameters={"__array__": "categorical"})
    assert cat.content.is_union


def test_union_simplified():
    S = F.UnionForm.simplified
    assert S("i8", "i64", [n8, F.UnionForm("i8", "i64", [b, F.EmptyForm()])]) == F.UnionForm(
        "i8", "i64", [n8, b]
    )
    assert S("i8", "i64", [n8, n8]) == n8
    assert S("i8", "i64", [n8]) == n8
    assert S("i8", "i64", [F.EmptyForm(), F.EmptyForm()]) == F.EmptyForm()
    assert S("i8", "i32", [n8, f64]) == f64
    assert S("i8", "i64", [F.NumpyForm("int32"), F.NumpyForm("float32")]) == f64
    assert S("i8", "i64", [F.NumpyForm("uint8"), F.NumpyForm("int8")]) == F.NumpyForm("int16")
    assert S("i8", "i64", [F.NumpyForm("complex64"), F.NumpyForm("float32")]) == F.NumpyForm(
        "complex64"
    )
    assert S("i8", "i32", [F.ListOffsetForm("i64", n8), F.ListOffsetForm("i32", n8)]) == F.ListForm(
        "i64", "i64", n8
    )
    assert S("i8", "i64", [F.RegularForm(n8, 2), F.RegularForm(n8, 2)]) == F.RegularForm(n8, 2)
    mixed = S("i8", "i64", [n8, F.IndexedOptionForm("i64", b)])
    assert mixed == F.UnionForm("i8", "i64", [F.UnmaskedForm(n8), F.IndexedOptionForm("i64", b)])
    assert S("i8", "i64", [n8, F.IndexedForm("i64", b)]) == F.UnionForm("i8", "i64", [n8, b])
    records = S("i8", "i32", [rec(x=n8), rec(x=b)])
    assert records.is_union and records.index == "i64"
    assert S("i8", "i64", [rec(x=n8, y=f64), rec(y=n8, x=n8)]) == rec(x=n8, y=f64)
    assert S(
        "i8", "i64", [F.IndexedOptionForm("i64", n8), F.NumpyForm("float32")]
    ) == F.IndexedOptionForm("i64", F.NumpyForm("float32"))
    assert S("i8", "i64", [F.NumpyForm("datetime64[s]"), F.NumpyForm("float32")]).is_union
    assert S("i8", "i64", [n8, b], parameters={"p": 1}).parameters == {"p": 1}


def test_other_simplified_are_constructors():
    assert F.ListOffsetForm.simplified("i64", n8) == F.ListOffsetForm("i64", n8)
    assert F.ListForm.simplified("i64", "i64", n8) == F.ListForm("i64", "i64", n8)
    assert F.RegularForm.simplified(n8, 2) == F.RegularForm(n8, 2)
    assert F.RecordForm.simplified([n8], ["x"]) == rec(x=n8)
    assert F.NumpyForm.simplified("int8") == n8
    assert F.EmptyForm.simplified() == F.EmptyForm()
