"""awkward.types: construction, validation, equality and the datashape printing rules."""

import copy
import io
import pickle

import numpy as np
import pytest

import awkward.types as T
from awkward._nplikes.shape import unknown_length
from awkward.types import (
    ArrayType,
    ListType,
    NumpyType,
    OptionType,
    RecordType,
    RegularType,
    ScalarType,
    UnionType,
    UnknownType,
)

I64 = NumpyType("int64")
F64 = NumpyType("float64")
BOOL = NumpyType("bool")
STRING = ListType(NumpyType("uint8", parameters={"__array__": "char"}), parameters={"__array__": "string"})
BYTES = ListType(NumpyType("uint8", parameters={"__array__": "byte"}), parameters={"__array__": "bytestring"})


def record(fields, contents, **parameters):
    return RecordType(contents, fields, parameters=parameters or None)


# ---- the public surface ---------------------------------------------------------------


def test_public_names():
    for name in (
        "ArrayType", "ListType", "NumpyType", "OptionType", "RecordType", "RegularType",
        "ScalarType", "Type", "UnionType", "UnknownType", "dtype_to_primitive",
        "from_datashape", "is_primitive", "primitive_to_dtype",
    ):  # fmt: skip
        assert hasattr(T, name), name
    for cls in (ListType, NumpyType, OptionType, RecordType, RegularType, UnionType, UnknownType):
        assert issubclass(cls, T.Type)
    assert not issubclass(ArrayType, T.Type)
    assert not issubclass(ScalarType, T.Type)


def test_primitive_helpers():
    assert T.primitive_to_dtype("int64") == np.dtype(np.int64)
    assert T.primitive_to_dtype("datetime64[ms]") == np.dtype("datetime64[ms]")
    assert T.dtype_to_primitive(np.dtype(np.float32)) == "float32"
    assert T.is_primitive("bool") and T.is_primitive("timedelta64[10s]")
    assert not T.is_primitive("float") and not T.is_primitive(3)
    with pytest.raises(TypeError, match="unrecognized primitive: 'foo'"):
        T.primitive_to_dtype("foo")
    with pytest.raises(TypeError, match="unsupported dtype"):
        T.dtype_to_primitive(np.dtype("U3"))


# ---- construction and validation ------------------------------------------------------


def test_accessors():
    t = ListType(I64, parameters={"x": 1})
    assert t.content is I64
    assert t.parameters == {"x": 1}
    assert t.parameter("x") == 1 and t.parameter("y") is None
    assert I64.parameters == {}
    assert RegularType(I64, 3).size == 3
    assert NumpyType("datetime64[s]").primitive == "datetime64[s]"
    assert UnionType((I64, BOOL)).contents == [I64, BOOL]
    r = record(("a", "b"), (I64, BOOL))
    assert r.fields == ["a", "b"] and not r.is_tuple
    assert r.content("b") is r.contents[1] and r.content(0) is r.contents[0]
    assert r.field_to_index("b") == 1 and r.index_to_field(0) == "a"
    assert r.has_field("a") and not r.has_field("c")
    tup = RecordType([I64, BOOL], None)
    assert tup.is_tuple and tup.fields is None
    assert tup.content("1") is tup.contents[1] and tup.has_field("0")
    assert tup.index_to_field(1) == "1"
    a = ArrayType(I64, 5, {"b": 1})
    assert a.content is I64 and a.length == 5 and a.behavior == {"b": 1}
    assert ScalarType(I64).behavior is None and ScalarType(I64).content is I64


def test_record_lookup_errors():
    r = record(["a"], [I64])
    with pytest.raises(IndexError, match="no field 'b'"):
        r.content("b")
    with pytest.raises(IndexError, match="no field 'b'"):
        r.field_to_index("b")
    with pytest.raises(IndexError, match="no index 5"):
        r.content(5)
    with pytest.raises(IndexError, match="no index 1"):
        r.index_to_field(1)


@pytest.mark.parametrize(
    "make, error, message",
    [
        (lambda: NumpyType("foo"), TypeError, "unrecognized primitive"),
        (lambda: NumpyType(3), TypeError, "primitive must be a str"),
        (lambda: NumpyType("int64", parameters=[1]), TypeError, "parameters"),
        (lambda: NumpyType("int64", parameters={1: 2}), TypeError, "keys must be str"),
        (lambda: NumpyType("int64", parameters={"a": object()}), TypeError, "JSON"),
        (lambda: ListType(3), TypeError, "ListType 'content'"),
        (lambda: ListType(ArrayType(I64, 3)), TypeError, "ListType 'content'"),
        (lambda: RegularType(I64, -1), ValueError, "RegularType 'size'"),
        (lambda: RegularType(I64, 2.0), ValueError, "RegularType 'size'"),
        (lambda: RegularType(I64, None), ValueError, "RegularType 'size'"),
        (lambda: OptionType("int64"), TypeError, "OptionType 'content'"),
        (lambda: UnionType(I64), TypeError, "must be iterable"),
        (lambda: UnionType([3]), TypeError, "Type subclasses"),
        (lambda: RecordType([3], None), TypeError, "Type subclasses"),
        (lambda: RecordType([I64], ["a", "b"]), ValueError, "1 contents but 2 fields"),
        (lambda: RecordType([I64], [1]), TypeError, "must all be str"),
        (lambda: RecordType([I64], "a"), TypeError, "iterable of str"),
        (lambda: UnknownType(parameters={"a": 1}), TypeError, "cannot contain parameters"),
        (lambda: UnknownType(parameters={"a": None}), TypeError, "cannot contain parameters"),
        (lambda: ArrayType(I64, -1), ValueError, "ArrayType 'length'"),
        (lambda: ArrayType(I64, True), ValueError, "ArrayType 'length'"),
        (lambda: ArrayType(I64, None), ValueError, "ArrayType 'length'"),
        (lambda: ArrayType(ArrayType(I64, 2), 2), TypeError, "ArrayType 'content'"),
        (lambda: ArrayType(I64, 2, behavior=5), TypeError, "behavior"),
        (lambda: ScalarType(3), TypeError, "ScalarType 'content'"),
    ],
)
def test_invalid_construction(make, error, message):
    with pytest.raises(error, match=message):
        make()


def test_lengths_accept_integers_and_unknown():
    assert ArrayType(I64, np.int64(3)).length == 3
    assert type(ArrayType(I64, np.int64(3)).length) is int
    assert RegularType(I64, np.uint8(0)).size == 0
    assert ArrayType(I64, unknown_length).length is unknown_length
    assert RegularType(I64, unknown_length).size is unknown_length


def test_parameters_are_copied():
    params = {"a": [1, 2]}
    t = ListType(I64, parameters=params)
    params["a"].append(3)
    assert t.parameters == {"a": [1, 2]}
    assert UnknownType(parameters={}).parameters == {}


def test_copy():
    t = NumpyType("int64", parameters={"a": 1})
    assert t.copy(primitive="bool").primitive == "bool"
    assert t.copy(primitive="bool").parameters == {"a": 1}
    assert t.copy(parameters=None).parameters == {}
    lst = ListType(I64).copy(content=UnknownType())
    assert isinstance(lst.content, UnknownType)
    reg = RegularType(I64, 3).copy(size=4)
    assert reg.size == 4 and reg.content is I64
    rec = RecordType([I64], None, parameters={"x": 1}).copy(fields=["x"])
    assert rec.fields == ["x"] and rec.parameters == {"x": 1}
    assert RecordType([I64], ["a"]).copy(fields=None).is_tuple
    assert UnionType([I64]).copy(contents=[BOOL, I64]).contents == [BOOL, I64]
    assert OptionType(I64).copy(parameters={"z": 1}).parameters == {"z": 1}
    assert isinstance(UnknownType().copy(), UnknownType)
    with pytest.raises(TypeError):
        NumpyType("int64").copy("bool")  # keyword-only


# ---- equality -------------------------------------------------------------------------


def test_equality_ignores_non_type_parameters_unless_asked():
    plain = ListType(I64)
    documented = ListType(I64, parameters={"__doc__": "x", "foo": 1})
    assert plain == documented
    assert plain.is_equal_to(documented)
    assert not plain.is_equal_to(documented, all_parameters=True)
    assert plain.is_equal_to(ListType(I64, parameters={"foo": None}), all_parameters=True)
    for key in ("__array__", "__list__", "__categorical__"):
        assert plain != ListType(I64, parameters={key: "x"}), key
    assert record(["a"], [I64]) != record(["a"], [I64], __record__="P")
    # nested parameters are compared with the same rule
    deep = ListType(NumpyType("int64", parameters={"foo": 1}))
    assert plain == deep and not plain.is_equal_to(deep, all_parameters=True)


def test_equality_structure():
    assert I64 != NumpyType("int32")
    assert NumpyType("datetime64[s]") != NumpyType("datetime64[ms]")
    assert ListType(I64) != RegularType(I64, 3)
    assert RegularType(I64, 3) != RegularType(I64, 4)
    assert RegularType(I64, 3) == RegularType(I64, unknown_length)
    assert OptionType(I64) != I64
    assert UnknownType() == UnknownType()
    assert ListType(I64) != "var * int64"
    assert (ListType(I64) == 3) is False
    assert ListType(I64) != ListType(F64)


def test_record_equality_named_fields_unordered_tuples_ordered():
    assert record(["x", "y"], [I64, BOOL]) == record(["y", "x"], [BOOL, I64])
    assert record(["x", "y"], [I64, BOOL]) != record(["x", "z"], [I64, BOOL])
    assert record(["x", "y"], [I64, BOOL]) != record(["x"], [I64])
    assert RecordType([I64, BOOL], None) != RecordType([BOOL, I64], None)
    assert RecordType([I64], None) != RecordType([I64], ["0"])


def test_union_equality_is_order_free_but_counts():
    assert UnionType([I64, BOOL]) == UnionType([BOOL, I64])
    assert UnionType([I64, I64, BOOL]) != UnionType([BOOL, BOOL, I64])
    assert UnionType([I64]) != UnionType([I64, BOOL])
    assert UnionType([I64], parameters={"__array__": "x"}) != UnionType([I64])


def test_array_and_scalar_equality():
    assert ArrayType(I64, 3) == ArrayType(I64, 3, {"behavior": 1})
    assert ArrayType(I64, 3) == ArrayType(I64, unknown_length)
    assert ArrayType(I64, 3) != ArrayType(I64, 4)
    assert ArrayType(I64, 3) != I64
    assert ArrayType(ListType(I64, parameters={"a": 1}), 3).is_equal_to(ArrayType(ListType(I64), 3))
    assert not ArrayType(ListType(I64, parameters={"a": 1}), 3).is_equal_to(
        ArrayType(ListType(I64), 3), all_parameters=True
    )
    assert ScalarType(I64) == ScalarType(I64)
    assert ScalarType(I64) != I64
    assert ScalarType(I64) != ScalarType(BOOL)


def test_types_are_unhashable():
    with pytest.raises(TypeError):
        hash(I64)
    with pytest.raises(TypeError):
        hash(ArrayType(I64, 3))


def test_pickle_and_deepcopy():
    t = ArrayType(
        ListType(record(["x", "y"], [OptionType(I64), UnionType([STRING, BOOL])], __record__="P")),
        unknown_length,
    )
    for clone in (pickle.loads(pickle.dumps(t)), copy.deepcopy(t)):
        assert clone.is_equal_to(t, all_parameters=True)
        assert str(clone) == str(t)
    scalar = ScalarType(RegularType(F64, 2), {"a": 1})
    assert pickle.loads(pickle.dumps(scalar)).behavior == {"a": 1}


# ---- option helpers -------------------------------------------------------------------


def test_option_simplified_collapses_option_of_option():
    inner = OptionType(I64, parameters={"a": 1, "b": 1})
    out = OptionType.simplified(inner, parameters={"b": 2})
    assert isinstance(out, OptionType) and out.content is I64
    assert out.parameters == {"a": 1, "b": 2}
    assert OptionType.simplified(I64).is_equal_to(OptionType(I64), all_parameters=True)


def test_simplify_option_union():
    t = OptionType(UnionType([OptionType(I64), BOOL], parameters={"u": 1}), parameters={"o": 1})
    out = t.simplify_option_union()
    assert isinstance(out, UnionType) and out.parameters == {"u": 1}
    assert out.contents[0].is_equal_to(OptionType(I64), all_parameters=True)
    assert out.contents[1].is_equal_to(OptionType(BOOL, parameters={"o": 1}), all_parameters=True)
    assert OptionType(I64).simplify_option_union() is not None
    assert OptionType(I64).simplify_option_union() == OptionType(I64)


# ---- printing -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "t, expected",
    [
        (ArrayType(ListType(record(["x", "y"], [F64, OptionType(I64)])), 3),
         "3 * var * {x: float64, y: ?int64}"),
        (ArrayType(RegularType(I64, 3), 2), "2 * 3 * int64"),
        (ArrayType(I64, unknown_length), "## * int64"),
        (RegularType(I64, unknown_length), "## * int64"),
        (RecordType([I64, F64], None), "(int64, float64)"),
        (record(["x"], [F64], __record__="Point"), "Point[x: float64]"),
        (RecordType([I64], None, parameters={"__record__": "P"}), "P[int64]"),
        (record(["x"], [I64], __record__="P", z=1), 'P[x: int64, parameters={"z": 1}]'),
        (record(["x"], [I64], z=1), 'struct[{x: int64}, parameters={"z": 1}]'),
        (RecordType([I64], None, parameters={"z": 1}), 'tuple[[int64], parameters={"z": 1}]'),
        (record(["x"], [I64], __record__="P x"), 'struct[{x: int64}, parameters={"__record__": "P x"}]'),
        (RecordType([], None), "()"),
        (RecordType([], []), "{}"),
        (RecordType([], None, parameters={"__record__": "P"}), "P[]"),
        # no items: named records drop the comma before parameters, unions keep it
        (RecordType([], None, parameters={"__record__": "P", "z": 1}), 'P[parameters={"z": 1}]'),
        (record(["x y", "é", "", "a_1", "var"], [I64] * 5),
         '{"x y": int64, "\\u00e9": int64, "": int64, a_1: int64, var: int64}'),
        (ListType(NumpyType("uint8"), parameters={"foo": 1}), '[var * uint8, parameters={"foo": 1}]'),
        (RegularType(I64, 3, parameters={"foo": [1, 2]}), '[3 * int64, parameters={"foo": [1, 2]}]'),
        (NumpyType("int64", parameters={"x": "y z"}), 'int64[parameters={"x": "y z"}]'),
        (NumpyType("int64", parameters={"a": None}), "int64"),
        (NumpyType("int64", parameters={"__unit__": "s", "z": 1}), 'int64[unit="s", parameters={"z": 1}]'),
        (NumpyType("datetime64[ms]"), "datetime64[ms]"),
        (NumpyType("timedelta64[10s]", parameters={"q": True}), 'timedelta64[10s][parameters={"q": true}]'),
        (STRING, "string"),
        (BYTES, "bytes"),
        (ListType(I64, parameters={"__array__": "string", "other": 1}), "string"),
        (RegularType(STRING.content, 3, parameters={"__array__": "string"}), "string[3]"),
        (RegularType(BYTES.content, 2, parameters={"__array__": "bytestring"}), "bytes[2]"),
        (NumpyType("uint8", parameters={"__array__": "char", "foo": 1}), "char"),
        (NumpyType("uint8", parameters={"__array__": "byte"}), "byte"),
        (ListType(NumpyType("uint8", parameters={"__array__": "char"})), "var * char"),
        (NumpyType("int64", parameters={"__array__": "foo"}), 'int64[parameters={"__array__": "foo"}]'),
        (STRING.copy(parameters={"__array__": "string", "__categorical__": True}), "categorical[type=string]"),
        (NumpyType("int64", parameters={"__categorical__": True, "x": 2}),
         'categorical[type=int64[parameters={"x": 2}]]'),
        (RegularType(I64, 3, parameters={"__categorical__": True}), "categorical[type=3 * int64]"),
        (UnionType([I64, BOOL], parameters={"__categorical__": True}), "categorical[type=union[int64, bool]]"),
        (UnionType([I64, STRING]), "union[int64, string]"),
        (UnionType([I64, BOOL], parameters={"z": 1}), 'union[int64, bool, parameters={"z": 1}]'),
        (UnionType([]), "union[]"),
        (UnionType([], parameters={"z": 1}), 'union[, parameters={"z": 1}]'),
        (UnknownType(), "unknown"),
        (OptionType(I64), "?int64"),
        (OptionType(OptionType(I64)), "??int64"),
        (OptionType(ListType(I64)), "option[var * int64]"),
        (OptionType(RegularType(I64, 3)), "option[3 * int64]"),
        (OptionType(OptionType(ListType(I64))), "?option[var * int64]"),
        (OptionType(STRING), "?string"),
        (OptionType(RegularType(STRING.content, 3, parameters={"__array__": "string"})), "?string[3]"),
        (OptionType(record(["x"], [I64])), "?{x: int64}"),
        (OptionType(RecordType([I64], None)), "?(int64)"),
        (OptionType(UnionType([I64, BOOL])), "?union[int64, bool]"),
        (OptionType(UnknownType()), "?unknown"),
        (OptionType(NumpyType("int64", parameters={"foo": "bar"})), '?int64[parameters={"foo": "bar"}]'),
        (OptionType(I64, parameters={"foo": "bar"}), 'option[int64, parameters={"foo": "bar"}]'),
        (OptionType(OptionType(I64), parameters={"a": 1}), 'option[?int64, parameters={"a": 1}]'),
        (OptionType(ListType(I64, parameters={"q": 1})), 'option[[var * int64, parameters={"q": 1}]]'),
        (OptionType(I64, parameters={"__categorical__": True}), "?categorical[type=int64]"),
        (OptionType(ListType(I64), parameters={"__categorical__": True, "q": 1}),
         'option[categorical[type=var * int64], parameters={"q": 1}]'),
        (NumpyType("float64", parameters={"a": 1.5, "b": [1, {"c": None}], "d": "é", "e": True}),
         'float64[parameters={"a": 1.5, "b": [1, {"c": null}], "d": "\\u00e9", "e": true}]'),
        (ScalarType(record(["x"], [I64])), "{x: int64}"),
    ],
)  # fmt: skip
def test_str(t, expected):
    assert str(t) == expected


def test_repr():
    assert repr(I64) == "NumpyType('int64')"
    assert repr(NumpyType("int64", parameters={"a": None})) == "NumpyType('int64', parameters={'a': None})"
    assert repr(ListType(I64, parameters={"foo": 1})) == "ListType(NumpyType('int64'), parameters={'foo': 1})"
    assert repr(RegularType(I64, 3)) == "RegularType(NumpyType('int64'), 3)"
    assert repr(record(["x"], [I64])) == "RecordType([NumpyType('int64')], ['x'])"
    assert repr(RecordType((I64,), None)) == "RecordType([NumpyType('int64')], None)"
    assert repr(OptionType(UnknownType())) == "OptionType(UnknownType())"
    assert repr(UnionType([I64], parameters={"q": 1})) == "UnionType([NumpyType('int64')], parameters={'q': 1})"
    assert repr(ArrayType(I64, 3)) == "ArrayType(NumpyType('int64'), 3, None)"
    assert repr(ScalarType(I64, {"a": 1})) == "ScalarType(NumpyType('int64'), {'a': 1})"
    assert repr(ArrayType(I64, unknown_length)) == f"ArrayType(NumpyType('int64'), {unknown_length!r}, None)"


def test_behavior_typestr_overrides_names():
    behavior = {("__typestr__", "P"): "Point!", ("__typestr__", "L"): "MyList"}
    point = record(["x"], [I64], __record__="P", z=1)
    mylist = ListType(I64, parameters={"__list__": "L", "z": 1})
    assert str(ArrayType(point, 3, behavior)) == "3 * Point!"
    assert str(ArrayType(OptionType(point), 3, behavior)) == "3 * ?Point!"
    assert str(ArrayType(mylist, 3, behavior)) == "3 * MyList"
    assert str(ArrayType(OptionType(mylist), 3, behavior)) == "3 * option[MyList]"
    assert str(ArrayType(RegularType(I64, 2, parameters={"__list__": "L"}), 3, behavior)) == "3 * MyList[2]"
    assert str(ScalarType(point, behavior)) == "Point!"
    cat = record(["x"], [I64], __record__="P", __categorical__=True)
    assert str(ArrayType(cat, 1, behavior)) == "1 * categorical[type=Point!]"
    # __array__ does not look up __typestr__; without a behavior the name is a parameter
    assert str(ArrayType(ListType(I64, parameters={"__array__": "L"}), 1, behavior)) == (
        '1 * [var * int64, parameters={"__array__": "L"}]'
    )
    assert str(mylist) == '[var * int64, parameters={"__list__": "L", "z": 1}]'
    with pytest.raises(TypeError, match="must be a str"):
        str(ArrayType(mylist, 3, {("__typestr__", "L"): 7}))


def show(t):
    stream = io.StringIO()
    assert t.show(stream=stream) is None
    return stream.getvalue()


def test_show_multiline_layout():
    nested = ArrayType(
        ListType(record(["x", "y"], [I64, OptionType(RecordType([I64], None))])), 3
    )
    assert show(nested) == "3 * var * {\n    x: int64,\n    y: ?(\n        int64\n    )\n}\n"
    named = ArrayType(record(["x", "y"], [I64, OptionType(record(["z"], [I64]))], __record__="P", q=1), 3)
    assert show(named) == (
        '3 * P[\n    x: int64,\n    y: ?{\n        z: int64\n    }, \nparameters={"q": 1}]\n'
    )
    struct = ArrayType(record(["x"], [I64], q=1), 3)
    assert show(struct) == '3 * struct[{\n    x: int64\n}, parameters={"q": 1}]\n'
    union = ArrayType(UnionType([record(["z"], [I64]), RecordType([I64, BOOL], None, parameters={"q": 1})]), 3)
    assert show(union) == (
        '3 * union[\n    {\n        z: int64\n    },\n    tuple[[\n        int64,\n        bool\n'
        '    ], parameters={"q": 1}]\n]\n'
    )
    assert show(ArrayType(RecordType([], []), 3)) == "3 * {\n    \n}\n"
    assert show(ArrayType(UnionType([], parameters={"p": 2}), 3)) == '3 * union[\n    , \nparameters={"p": 2}]\n'
    assert show(RecordType([], None, parameters={"__record__": "P", "z": 1})) == (
        'P[\n    \nparameters={"z": 1}]\n'
    )
    assert show(ListType(I64)) == "var * int64\n"
    assert show(ScalarType(record(["a"], [I64]))) == "{\n    a: int64\n}\n"


def test_show_defaults_to_stdout_and_none_returns_text(capsys):
    ArrayType(I64, 2).show()
    I64.show()
    assert capsys.readouterr().out == "2 * int64\nint64\n"
    assert ArrayType(I64, 2).show(stream=None) == "2 * int64"
    assert ListType(record(["a"], [I64])).show(stream=None) == "var * {\n    a: int64\n}"
