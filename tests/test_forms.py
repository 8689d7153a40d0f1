"""awkward.forms: construction, validation, dict/JSON round trips, equality, repr/str."""

from __future__ import annotations

import copy
import json
import pickle

import numpy as np
import pytest

import awkward.forms as F
from awkward._util import UNSET

n8 = F.NumpyForm("int8")
f64 = F.NumpyForm("float64")


def one_of_each():
    """One valid instance of each of the twelve classes."""
    return [
        F.EmptyForm(),
        F.NumpyForm("float32", (2, 3), parameters={"u": 1}, form_key="n"),
        F.RegularForm(n8, 3, form_key="r"),
        F.ListForm("i32", "i32", n8),
        F.ListOffsetForm("i64", f64, parameters={"__array__": "x"}),
        F.RecordForm([n8, f64], ["a", "b"], form_key="rec"),
        F.RecordForm([n8, f64], None),
        F.IndexedForm("u32", n8),
        F.IndexedOptionForm("i32", n8),
        F.ByteMaskedForm("i8", n8, False),
        F.BitMaskedForm("u8", n8, True, False),
        F.UnmaskedForm(f64),
        F.UnionForm("i8", "i64", [n8, F.ListOffsetForm("i64", f64)]),
    ]


def nested():
    """A list of records of options of unions, with strings and regular dimensions."""
    string = F.ListOffsetForm(
        "i64",
        F.NumpyForm("uint8", parameters={"__array__": "char"}),
        parameters={"__array__": "string"},
    )
    union = F.UnionForm("i8", "i32", [F.IndexedOptionForm("i64", n8), F.UnmaskedForm(string)])
    record = F.RecordForm(
        [
            union,
            F.ByteMaskedForm("i8", F.RegularForm(f64, 2), True, form_key="bm"),
            F.BitMaskedForm("u8", F.RecordForm([F.EmptyForm()], None), False, True),
            F.IndexedForm("i64", F.ListForm("u32", "u32", n8)),
        ],
        ["u", "b", "t", "i"],
        parameters={"__record__": "Point"},
    )
    return F.ListOffsetForm("i32", record, form_key="top")


ALL = [*one_of_each(), nested()]


# ---- construction ------------------------------------------------------------------


@pytest.mark.parametrize("form", ALL, ids=lambda f: type(f).__name__)
def test_properties_and_copy(form):
    assert isinstance(form, F.Form)
    assert form.copy().is_equal_to(form, all_parameters=True, form_key=True)
    other = form.copy(form_key="other")
    assert other.form_key == "other"
    assert form.form_key != "other"
    assert not other.is_equal_to(form, form_key=True)
    assert other.is_equal_to(form)
    if not isinstance(form, F.EmptyForm):
        with_params = form.copy(parameters={**form.parameters, "extra": [1, 2]})
        assert with_params.parameter("extra") == [1, 2]
        assert with_params.is_equal_to(form)  # non-type parameter
        assert not with_params.is_equal_to(form, all_parameters=True)


def test_accessors():
    f = F.NumpyForm("float64", (2,), parameters={"a": 1}, form_key="k")
    assert (f.primitive, f.inner_shape, f.itemsize, f.form_key) == ("float64", (2,), 8, "k")
    assert f.parameters == {"a": 1} and f.parameter("a") == 1 and f.parameter("z") is None
    assert F.NumpyForm("int8").parameters == {}
    assert F.RegularForm(n8, 3).size == 3
    lf = F.ListForm("i64", "i64", n8)
    assert (lf.starts, lf.stops, lf.content) == ("i64", "i64", n8)
    assert F.ListOffsetForm("u32", n8).offsets == "u32"
    bm = F.BitMaskedForm("u8", n8, True, False)
    assert (bm.mask, bm.valid_when, bm.lsb_order) == ("u8", True, False)
    u = F.UnionForm("i8", "u32", [n8, f64])
    assert (u.tags, u.index, u.contents) == ("i8", "u32", [n8, f64])
    r = F.RecordForm([n8, f64], ["x", "y"])
    assert r.fields == ["x", "y"] and not r.is_tuple
    assert r.content("y") is f64 and r.content(0) is n8
    assert r.field_to_index("y") == 1 and r.index_to_field(0) == "x"
    assert r.has_field("x") and not r.has_field("z")
    t = F.RecordForm([n8, f64], None)
    assert t.fields == ["0", "1"] and t.is_tuple and t.content("1") is f64
    with pytest.raises(IndexError, match="no field 'z'"):
        r.content("z")


def test_copy_keeps_unset_and_replaces_given():
    f = F.ByteMaskedForm("i8", n8, True, parameters={"p": 1}, form_key="k")
    g = f.copy(valid_when=False, parameters=None)
    assert g.valid_when is False and g.parameters == {} and g.form_key == "k"
    assert g.content is n8 and g.mask == "i8"
    assert f.copy(form_key=UNSET).form_key == "k"
    assert f.copy(form_key=None).form_key is None


@pytest.mark.parametrize(
    "make, error, message",
    [
        (lambda: F.NumpyForm("float65"), TypeError, "float65"),
        (lambda: F.NumpyForm(3), TypeError, "'primitive' must be of type str"),
        (lambda: F.NumpyForm("int8", inner_shape=[2, "a"]), TypeError, "inner_shape"),
        (lambda: F.NumpyForm("int8", inner_shape=[-1]), TypeError, "inner_shape"),
        (lambda: F.NumpyForm("int8", inner_shape=3), TypeError, "inner_shape"),
        (lambda: F.NumpyForm("int8", parameters=[1]), TypeError, "'parameters' must be"),
        (lambda: F.NumpyForm("int8", parameters={1: 2}), TypeError, "keys must be str"),
        (lambda: F.NumpyForm("int8", form_key=3), TypeError, "'form_key' must be"),
        (lambda: F.EmptyForm(parameters={"a": 1}), TypeError, "cannot contain parameters"),
        (lambda: F.ListOffsetForm("i16", n8), ValueError, "'offsets' must be one of"),
        (lambda: F.ListOffsetForm(64, n8), TypeError, "'offsets' must be of type str"),
        (lambda: F.ListOffsetForm("i64", "int8"), TypeError, "'content' must be a Form"),
        (lambda: F.ListForm("i32", "i64", n8), ValueError, "same index type"),
        (lambda: F.ListForm("i8", "i8", n8), ValueError, "'starts' must be one of"),
        (lambda: F.RegularForm(n8, -1), TypeError, "'size' must be a non-negative int"),
        (lambda: F.RegularForm(n8, 1.5), TypeError, "'size'"),
        (lambda: F.RegularForm(n8, True), TypeError, "'size'"),
        (lambda: F.IndexedForm("u8", n8), ValueError, "'index' must be one of"),
        (lambda: F.IndexedOptionForm("u32", n8), ValueError, "'index' must be one of"),
        (lambda: F.ByteMaskedForm("u8", n8, True), ValueError, "'mask' must be one of 'i8'"),
        (lambda: F.ByteMaskedForm("i8", n8, 1), TypeError, "'valid_when' must be bool"),
        (lambda: F.BitMaskedForm("i8", n8, True, False), ValueError, "'mask'"),
        (lambda: F.BitMaskedForm("u8", n8, True, 0), TypeError, "'lsb_order' must be bool"),
        (lambda: F.UnionForm("i32", "i64", [n8, f64]), ValueError, "'tags'"),
        (lambda: F.UnionForm("i8", "i8", [n8, f64]), ValueError, "'index'"),
        (lambda: F.UnionForm("i8", "i64", n8), TypeError, "iterable"),
        (lambda: F.UnionForm("i8", "i64", [n8, 3]), TypeError, "must be Form subclasses"),
        (lambda: F.RecordForm([n8], ["x", "y"]), ValueError, "1 contents but 2 fields"),
        (lambda: F.RecordForm([n8], [1]), TypeError, "must all be str"),
        (lambda: F.RecordForm([n8], "x"), TypeError, "'fields' must be a list"),
        (lambda: F.RecordForm(n8, ["x"]), TypeError, "'contents' must be an iterable"),
        (lambda: F.RecordForm([3], ["x"]), TypeError, "must be Form subclasses"),
    ],
)
def test_invalid_construction(make, error, message):
    with pytest.raises(error, match=message):
        make()


@pytest.mark.parametrize(
    "make, canonical_class",
    [
        (lambda: F.IndexedOptionForm("i64", F.UnmaskedForm(F.NumpyForm("int8"))), "IndexedOptionForm"),
        (lambda: F.IndexedForm("i64", F.IndexedForm("i64", F.NumpyForm("int8"))), "IndexedForm"),
        (lambda: F.UnionForm("i8", "i64", [F.NumpyForm("int8")]), "NumpyForm"),
        (
            lambda: F.UnionForm(
                "i8",
                "i64",
                [F.NumpyForm("bool"), F.UnionForm("i8", "i64", [F.NumpyForm("bool"), F.EmptyForm()])],
            ),
            "NumpyForm",
        ),
    ],
)
def test_noncanonical_forms_are_accepted_and_simplify(make, canonical_class):
    # as in awkward 2.14, forms describe whatever a file holds; the layouts (and
    # ak.from_buffers without allow_noncanonical_form) are where such nestings are refused
    form = make()
    assert F.from_dict(form.to_dict()) == form
    cls = type(form)
    if cls.__name__ == "UnionForm":
        simple = cls.simplified(form.tags, form.index, form.contents)
    else:
        simple = cls.simplified(form.index, form.content)
    assert type(simple).__name__ == canonical_class


def test_regular_unknown_size():
    from awkward._nplikes.shape import unknown_length

    f = F.RegularForm(n8, None)
    assert f.size is unknown_length
    assert f.to_dict()["size"] is None
    assert F.from_dict(f.to_dict()).size is unknown_length
    assert f.is_equal_to(F.RegularForm(n8, unknown_length))
    # as 2.14: an unknown size (a tracer's to_regular) matches any size
    assert f.is_equal_to(F.RegularForm(n8, 3)) and F.RegularForm(n8, 3) == f
    assert not F.RegularForm(n8, 2).is_equal_to(F.RegularForm(n8, 3))


def test_empty_records_allowed():
    assert F.RecordForm([], []).fields == []
    assert F.RecordForm([], None).is_tuple


# ---- dicts and JSON ----------------------------------------------------------------


@pytest.mark.parametrize("form", ALL, ids=lambda f: type(f).__name__)
@pytest.mark.parametrize("verbose", [True, False])
def test_dict_round_trip(form, verbose):
    as_dict = form.to_dict(verbose=verbose)
    back = F.from_dict(as_dict)
    assert back.is_equal_to(form, all_parameters=True, form_key=True)
    assert back.to_dict(verbose=verbose) == as_dict
    # what goes through JSON comes back the same
    assert json.loads(json.dumps(as_dict)) == as_dict


@pytest.mark.parametrize("form", ALL, ids=lambda f: type(f).__name__)
def test_json_round_trip(form):
    text = form.to_json()
    assert F.from_json(text).is_equal_to(form, all_parameters=True, form_key=True)
    assert F.from_json(str(form)).is_equal_to(form, all_parameters=True, form_key=True)
    assert json.loads(str(form)) == form.to_dict(verbose=False)


@pytest.mark.parametrize("form", ALL, ids=lambda f: type(f).__name__)
def test_pickle_and_copy_module(form):
    for other in (pickle.loads(pickle.dumps(form)), copy.copy(form), copy.deepcopy(form)):
        assert other.is_equal_to(form, all_parameters=True, form_key=True)


def test_verbose_dict_layout():
    f = F.ListOffsetForm("i64", f64)
    assert list(f.to_dict()) == ["class", "offsets", "content", "parameters", "form_key"]
    assert f.to_dict()["content"] == {
        "class": "NumpyArray",
        "primitive": "float64",
        "inner_shape": [],
        "parameters": {},
        "form_key": None,
    }
    assert list(F.BitMaskedForm("u8", n8, True, False).to_dict()) == [
        "class",
        "mask",
        "valid_when",
        "lsb_order",
        "content",
        "parameters",
        "form_key",
    ]
    assert list(F.UnionForm("i8", "i64", [n8, f64]).to_dict())[:4] == [
        "class",
        "tags",
        "index",
        "contents",
    ]
    assert list(F.RecordForm([n8], ["x"]).to_dict())[:3] == ["class", "fields", "contents"]
    assert list(F.RegularForm(n8, 2).to_dict())[:3] == ["class", "size", "content"]
    assert F.EmptyForm().to_dict() == {"class": "EmptyArray", "parameters": {}, "form_key": None}


def test_compact_dict_layout():
    f = F.ListOffsetForm("i64", f64)
    assert f.to_dict(verbose=False) == {
        "class": "ListOffsetArray",
        "offsets": "i64",
        "content": "float64",
    }
    # a leaf at top level is never a bare string
    assert F.NumpyForm("int8").to_dict(False) == {"class": "NumpyArray", "primitive": "int8"}
    # leaves with something to say stay dicts
    g = F.ListOffsetForm("i64", F.NumpyForm("int8", (2,)), parameters={"a": 1}, form_key="k")
    assert g.to_dict(False) == {
        "class": "ListOffsetArray",
        "offsets": "i64",
        "content": {"class": "NumpyArray", "primitive": "int8", "inner_shape": [2]},
        "parameters": {"a": 1},
        "form_key": "k",
    }
    assert F.RecordForm([n8, F.EmptyForm()], None).to_dict(False) == {
        "class": "RecordArray",
        "fields": None,
        "contents": ["int8", {"class": "EmptyArray"}],
    }


def test_from_dict_short_forms_and_old_names():
    assert F.from_dict("float64").is_equal_to(f64)
    assert F.from_dict("datetime64[ms]").primitive == "datetime64[ms]"
    # index-style abbreviations (accepted here, not by awkward 2.14)
    assert F.from_dict("i64").primitive == "int64"
    assert F.from_dict("u8").primitive == "uint8"
    assert F.from_dict("f32").primitive == "float32"
    assert (
        F.from_dict({"class": "ListOffsetArray64", "offsets": "i64", "content": "int8"}).offsets
        == "i64"
    )
    assert isinstance(
        F.from_dict(
            {"class": "UnionArray8_64", "tags": "i8", "index": "i64", "contents": ["int8", "bool"]}
        ),
        F.UnionForm,
    )
    assert isinstance(
        F.from_dict({"class": "IndexedOptionArray32", "index": "i32", "content": "int8"}),
        F.IndexedOptionForm,
    )
    # contents as a dict gives the fields; a missing "fields" makes a tuple
    rec = F.from_dict({"class": "RecordArray", "contents": {"a": "float64", "b": "int8"}})
    assert rec.fields == ["a", "b"]
    assert F.from_dict({"class": "RecordArray", "contents": ["float64"]}).is_tuple
    # null parameters, unknown extra keys
    assert (
        F.from_dict(
            {
                "class": "NumpyArray",
                "primitive": "int8",
                "parameters": None,
                "has_identifier": False,
            }
        ).parameters
        == {}
    )


@pytest.mark.parametrize(
    "input, error, message",
    [
        ("float65", TypeError, "float65"),
        (3, TypeError, "must be a Mapping"),
        ({"primitive": "int8"}, ValueError, "'class'"),
        ({"class": "Foo"}, ValueError, "'Foo' was not recognised"),
        ({"class": "NumpyArray"}, ValueError, "missing the required key 'primitive'"),
        ({"class": "ListOffsetArray", "content": "int8"}, ValueError, "'offsets'"),
        ({"class": "RegularArray", "content": "int8"}, ValueError, "'size'"),
        ({"class": "ByteMaskedArray", "mask": "i8", "content": "int8"}, ValueError, "'valid_when'"),
        (
            {"class": "BitMaskedArray", "mask": "u8", "content": "int8", "valid_when": True},
            ValueError,
            "'lsb_order'",
        ),
        ({"class": "RecordArray", "contents": "int8"}, TypeError, "'contents' must be a list"),
        ({"class": "EmptyArray", "parameters": {"a": 1}}, TypeError, "cannot contain parameters"),
        (
            {"class": "ListOffsetArray", "offsets": "i64", "content": {"class": "Foo"}},
            ValueError,
            "Foo",
        ),
    ],
)
def test_from_dict_errors(input, error, message):
    with pytest.raises(error, match=message):
        F.from_dict(input)


def test_from_json_errors():
    with pytest.raises(ValueError):
        F.from_json("{bad")
    with pytest.raises(TypeError):
        F.from_json(3)


# ---- repr / str --------------------------------------------------------------------


def test_repr():
    assert repr(F.NumpyForm("float64")) == "NumpyForm('float64')"
    assert (
        repr(F.NumpyForm("float64", (2,), parameters={"a": 1}, form_key="k"))
        == "NumpyForm('float64', inner_shape=(2,), parameters={'a': 1}, form_key='k')"
    )
    assert repr(F.EmptyForm(form_key="k")) == "EmptyForm(form_key='k')"
    assert repr(F.RegularForm(n8, 3)) == "RegularForm(NumpyForm('int8'), 3)"
    assert (
        repr(F.BitMaskedForm("u8", n8, True, False))
        == "BitMaskedForm('u8', NumpyForm('int8'), True, False)"
    )
    assert repr(F.RecordForm([F.EmptyForm()], None)) == "RecordForm([EmptyForm()], None)"
    assert (
        repr(F.UnionForm("i8", "i64", [n8, f64]))
        == "UnionForm('i8', 'i64', [NumpyForm('int8'), NumpyForm('float64')])"
    )
    for form in ALL:
        assert repr(form).startswith(type(form).__name__ + "(")


def test_str_is_indented_compact_json():
    f = F.ListOffsetForm("i64", f64)
    assert str(f) == json.dumps(f.to_dict(verbose=False), indent=4)
    assert (
        str(F.NumpyForm("float64"))
        == '{\n    "class": "NumpyArray",\n    "primitive": "float64"\n}'
    )


# ---- equality ----------------------------------------------------------------------


def test_equality_parameters_and_keys():
    a = F.ListOffsetForm("i64", n8, parameters={"x": 1}, form_key="k")
    b = F.ListOffsetForm("i64", n8)
    assert a == b and not (a != b)
    assert a.is_equal_to(b)
    assert not a.is_equal_to(b, all_parameters=True)
    assert not a.is_equal_to(b, form_key=True)
    # type-defining parameters always count
    assert F.ListOffsetForm("i64", n8, parameters={"__array__": "x"}) != b
    # index types count
    assert F.ListOffsetForm("i32", n8) != b
    # absent parameter == parameter set to None
    assert F.NumpyForm("int8", parameters={"x": None}).is_equal_to(n8, all_parameters=True)
    assert a != 3 and a != a.to_dict()
    with pytest.raises(TypeError):
        hash(a)


def test_equality_structure():
    r1 = F.RecordForm([n8, F.NumpyForm("bool")], ["x", "y"])
    r2 = F.RecordForm([F.NumpyForm("bool"), n8], ["y", "x"])
    t = F.RecordForm([n8, F.NumpyForm("bool")], None)
    assert r1 == r2 and r1 != t and t == t.copy()
    assert F.UnionForm("i8", "i64", [n8, f64]) == F.UnionForm("i8", "i64", [f64, n8])
    assert F.UnionForm("i8", "i64", [n8, n8]) != F.UnionForm("i8", "i64", [n8, f64])
    assert F.NumpyForm("int8", (2,)) != F.RegularForm(n8, 2)
    assert F.RegularForm(n8, 3) != F.RegularForm(n8, 4)
    assert F.BitMaskedForm("u8", n8, True, True) != F.BitMaskedForm("u8", n8, False, True)
    assert F.ByteMaskedForm("i8", n8, True) != F.BitMaskedForm("u8", n8, True, True)
    nested_form = nested()
    assert nested_form == F.from_dict(nested_form.to_dict())
    changed = nested_form.copy(content=nested_form.content.copy(fields=["u", "b", "t", "j"]))
    assert nested_form != changed


# ---- depth and structure helpers ---------------------------------------------------


def test_structure_helpers():
    f = F.from_dict(
        {
            "class": "RecordArray",
            "fields": ["x", "y"],
            "contents": [
                {
                    "class": "ListOffsetArray",
                    "offsets": "i64",
                    "content": {"class": "IndexedOptionArray", "index": "i64", "content": "int8"},
                },
                {
                    "class": "UnionArray",
                    "tags": "i8",
                    "index": "i64",
                    "contents": [
                        "bool",
                        {"class": "RegularArray", "size": 3, "content": {"class": "EmptyArray"}},
                    ],
                },
            ],
        }
    )
    assert f.purelist_depth == 1 and f.is_record and f.fields == ["x", "y"]
    assert f.minmax_depth == (1, 2) and f.branch_depth == (True, 1)
    x, y = f.contents
    assert x.purelist_depth == 2 and x.minmax_depth == (2, 2) and x.is_list
    assert not x.dimension_optiontype and x.content.dimension_optiontype
    assert not x.purelist_isregular
    assert y.minmax_depth == (1, 2) and y.branch_depth == (True, 1) and y.purelist_depth == -1
    assert F.NumpyForm("int8", (2, 3)).purelist_depth == 3
    s = F.ListOffsetForm(
        "i64",
        F.NumpyForm("uint8", parameters={"__array__": "char"}),
        parameters={"__array__": "string"},
    )
    assert s.purelist_parameters("__array__") == "string"
    assert F.UnmaskedForm(n8).is_identity_like
    assert not F.ByteMaskedForm("i8", n8, True).is_identity_like


def test_to_regular_and_to_numpy():
    r = F.NumpyForm("int8", (2, 0), parameters={"p": 1}).to_RegularForm()
    assert r == F.RegularForm(F.RegularForm(n8, 0), 2)
    assert r.parameters == {"p": 1} and r.content.parameters == {}
    assert F.EmptyForm().to_NumpyForm("float32") == F.NumpyForm("float32")


def test_from_dtype():
    assert F.from_dtype(np.dtype(np.float64)) == f64
    f = F.from_dtype(np.dtype(("f8", (2, 3))))
    assert f.inner_shape == (2, 3) and f.primitive == "float64"
    assert F.from_dtype(np.dtype(">i4"), {"a": 1}).is_equal_to(
        F.NumpyForm("int32", parameters={"a": 1}), all_parameters=True
    )
    assert F.from_dtype(np.dtype("M8[s]")).primitive == "datetime64[s]"
    with pytest.raises(ValueError, match="no longer supported"):
        F.from_dtype(np.dtype("M8[s]"), time_units_as_parameter=True)


def test_form_with_unique_keys():
    f = F.form_with_unique_keys(nested(), ("a",))
    keys = []

    def walk(node):
        keys.append(node.form_key)
        if node.is_record or node.is_union:
            for c in node.contents:
                walk(c)
        elif not node.is_leaf:
            walk(node.content)

    walk(f)
    assert keys[0] == "('a',)"
    assert keys[1] == "('a', None)"
    assert "('a', None, 'u')" in keys and "('a', None, 'u', 0)" in keys
    assert len(set(keys)) == len(keys)
