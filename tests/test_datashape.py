"""ak.types.from_datashape: parsing the printed notation back, round trips, errors."""

import re

import pytest

from awkward._nplikes.shape import unknown_length
from awkward.types import (
    ArrayType,
    ListType,
    NumpyType,
    OptionType,
    RecordType,
    RegularType,
    ScalarType,
    Type,
    UnionType,
    UnknownType,
    from_datashape,
)

hypothesis = pytest.importorskip("hypothesis")
st = pytest.importorskip("hypothesis.strategies")

I64 = NumpyType("int64")
CHAR = NumpyType("uint8", parameters={"__array__": "char"})
BYTE = NumpyType("uint8", parameters={"__array__": "byte"})
STRING = ListType(CHAR, parameters={"__array__": "string"})
BYTES = ListType(BYTE, parameters={"__array__": "bytestring"})


def same(a, b) -> bool:
    return a.is_equal_to(b, all_parameters=True)


# One example of every kind of type and printing rule.
EXAMPLES = [
    I64,
    NumpyType("bool"),
    NumpyType("float16"),
    NumpyType("complex128"),
    NumpyType("datetime64"),
    NumpyType("datetime64[ms]"),
    NumpyType("timedelta64[10s]"),
    NumpyType("datetime64[us]", parameters={"a": 1}),
    NumpyType("int32", parameters={"__unit__": "s"}),
    NumpyType("int32", parameters={"__unit__": "s", "z": [1, None]}),
    NumpyType("float64", parameters={"a": 1.5, "b": [1, {"c": None}], "d": "é\"\\", "e": False}),
    NumpyType("int64", parameters={"__categorical__": True, "x": 2}),
    CHAR,
    BYTE,
    STRING,
    BYTES,
    RegularType(CHAR, 3, parameters={"__array__": "string"}),
    RegularType(BYTE, 0, parameters={"__array__": "bytestring"}),
    STRING.copy(parameters={"__array__": "string", "__categorical__": True}),
    ListType(I64),
    ListType(CHAR),
    ListType(ListType(I64), parameters={"foo": {"bar": [1, 2]}}),
    ListType(I64, parameters={"__list__": "L"}),
    ListType(I64, parameters={"__array__": "something"}),
    RegularType(I64, 3),
    RegularType(I64, 0),
    RegularType(I64, unknown_length),
    RegularType(RegularType(I64, 2), 3, parameters={"p": None, "q": 1}),
    RegularType(I64, 3, parameters={"__categorical__": True}),
    OptionType(I64),
    OptionType(OptionType(I64)),
    OptionType(ListType(I64)),
    OptionType(OptionType(ListType(I64))),
    OptionType(RegularType(I64, 2)),
    OptionType(STRING),
    OptionType(BYTES),
    OptionType(UnknownType()),
    OptionType(I64, parameters={"foo": "bar"}),
    OptionType(ListType(I64), parameters={"foo": "bar"}),
    OptionType(NumpyType("int64", parameters={"foo": "bar"})),
    OptionType(NumpyType("int64", parameters={"__categorical__": True})),
    UnionType([I64, STRING]),
    UnionType([]),
    UnionType([I64], parameters={"q": 1}),
    UnionType([], parameters={"q": 1}),
    UnionType([I64, NumpyType("bool")], parameters={"__categorical__": True}),
    UnknownType(),
    RecordType([I64, NumpyType("float64")], None),
    RecordType([], None),
    RecordType([], []),
    RecordType([I64], ["x"]),
    RecordType([I64, OptionType(I64)], ["x", "y"]),
    RecordType([I64] * 6, ["x y", "é", "", 'a"b', "int64", "var"]),
    RecordType([I64], ["x"], parameters={"__record__": "Point"}),
    RecordType([I64, STRING], None, parameters={"__record__": "Point"}),
    RecordType([], None, parameters={"__record__": "P"}),
    RecordType([], None, parameters={"__record__": "P", "z": 1}),
    RecordType([I64], ["x"], parameters={"__record__": "P", "z": 1}),
    RecordType([I64], None, parameters={"__record__": "P", "z": 1}),
    RecordType([I64], ["x"], parameters={"z": 1}),
    RecordType([], [], parameters={"z": 1}),
    RecordType([I64], None, parameters={"z": 1}),
    RecordType([], None, parameters={"z": 1}),
    RecordType([I64], ["x"], parameters={"__record__": "P x"}),
    RecordType([I64], ["x"], parameters={"__record__": "P", "__categorical__": True}),
    # records named like keywords or primitives, with fields
    RecordType([I64], ["x"], parameters={"__record__": "option"}),
    RecordType([I64], ["type"], parameters={"__record__": "categorical"}),
    RecordType([I64], ["x"], parameters={"__record__": "int64"}),
    RecordType([I64], None, parameters={"__record__": "int64"}),
    RecordType([I64], None, parameters={"__record__": "datetime64"}),
    ListType(
        RecordType(
            [OptionType(UnionType([I64, RecordType([STRING], ["s"])])), RegularType(I64, 2)],
            ["a", "b"],
            parameters={"__record__": "Deep", "doc": "lists of records of options of unions"},
        )
    ),
]


@pytest.mark.parametrize("t", EXAMPLES, ids=str)
def test_round_trip_type_to_str_to_type(t):
    text = str(t)
    parsed = from_datashape(text, highlevel=False)
    assert isinstance(parsed, Type)
    assert same(parsed, t), (text, parsed)
    assert str(parsed) == text


@pytest.mark.parametrize("t", EXAMPLES, ids=str)
def test_round_trip_through_multiline_show(t):
    text = t.show(stream=None)
    assert same(from_datashape(text, highlevel=False), t), text
    array = ArrayType(t, 5)
    parsed = from_datashape(array.show(stream=None))
    assert isinstance(parsed, ArrayType) and parsed.length == 5
    assert same(parsed.content, t)


@pytest.mark.parametrize(
    "text",
    [
        "3 * var * {x: float64, y: ?int64}",
        "2 * 3 * int64",
        "0 * unknown",
        "## * var * string",
        "4 * union[int64, string]",
        '1 * [var * int64, parameters={"foo": 1}]',
        "5 * option[var * Point[x: float64, y: float64]]",
        "7 * categorical[type=string]",
        '2 * ?tuple[[int64, bytes], parameters={"q": [1, 2]}]',
    ],
)
def test_round_trip_str_to_type_to_str(text):
    parsed = from_datashape(text)
    assert isinstance(parsed, ArrayType)
    assert str(parsed) == text
    assert str(from_datashape(str(parsed))) == text


def test_highlevel_rules():
    array = from_datashape("3 * var * int64")
    assert isinstance(array, ArrayType) and array.length == 3
    assert same(array.content, ListType(I64))
    assert from_datashape("## * int64").length is unknown_length
    nested = from_datashape("3 * 4 * int64")
    assert nested.length == 3 and same(nested.content, RegularType(I64, 4))
    scalar = from_datashape("{x: int64}")
    assert isinstance(scalar, ScalarType) and same(scalar.content, RecordType([I64], ["x"]))
    assert isinstance(from_datashape("(int64, bool)"), ScalarType)
    assert isinstance(from_datashape("P[x: int64]"), ScalarType)
    for text in ("var * 3 * int64", "int64", "?int64", "string", "union[int64]"):
        with pytest.raises(ValueError, match="not compatible with highlevel=True"):
            from_datashape(text)
    low = from_datashape("3 * int64", highlevel=False)
    assert isinstance(low, RegularType) and low.size == 3


def test_whitespace_and_layout_are_free():
    text = "  3   *\n var   *   {  x  :  int64 ,\n\t y:?float32 }  "
    parsed = from_datashape(text)
    expected = ArrayType(ListType(RecordType([I64, OptionType(NumpyType("float32"))], ["x", "y"])), 3)
    assert parsed.is_equal_to(expected, all_parameters=True)


def test_parse_specific_structures():
    assert same(from_datashape("string", highlevel=False), STRING)
    assert same(from_datashape("bytes[3]", highlevel=False), RegularType(BYTE, 3, parameters={"__array__": "bytestring"}))
    cat = from_datashape('categorical[type=[3 * int64, parameters={"x": 2}]]', highlevel=False)
    assert cat.parameters == {"x": 2, "__categorical__": True}
    assert same(from_datashape("P[]", highlevel=False), RecordType([], None, parameters={"__record__": "P"}))
    assert from_datashape('{"a\\"b": int64, "\\u00e9": bool}', highlevel=False).fields == ['a"b', "é"]
    assert same(
        from_datashape("option[categorical[type=var * int64]]", highlevel=False),
        OptionType(ListType(I64, parameters={"__categorical__": True})),
    )
    assert same(from_datashape("??int64", highlevel=False), OptionType(OptionType(I64)))
    assert same(from_datashape("datetime64[ 10s ]", highlevel=False), NumpyType("datetime64[10s]"))


@pytest.mark.parametrize(
    "text, position, expected",
    [
        ("", 0, "expected a type, found end of input"),
        ("   ", 3, "expected a type, found end of input"),
        ("var *", 5, "expected a type"),
        ("var int64", 4, "expected '\\*'"),
        ("3 * ", 4, "expected a type"),
        ("?? * int64", 3, "expected a type, found '\\* int64'"),
        ("{x: int64", 9, "expected ',' or '}', found end of input"),
        ("{x int64}", 3, "expected ':'"),
        ("{x: int64,}", 10, "expected a field name"),
        ("(int64, )", 8, "expected a type"),
        ("int64 int64", 6, "expected end of input, found 'int64'"),
        ("floot64", 0, "'floot64' is not a known type name or primitive"),
        ("MyList", 0, "'MyList' is not a known type name or primitive"),
        ("Point!", 0, "not a known type"),
        ("#3 * int64", 0, "expected a type"),
        ("[var * int64]", 12, "expected ',' then parameters="),
        ("[var * int64, parameters=[1]]", 25, "expected a JSON object of parameters"),
        ("[var * int64, parameters={1: 2}]", 25, "expected a JSON object of parameters"),
        ("[var * int64, params={}]", 14, "expected 'parameters'"),
        ("[foo * int64, parameters={}]", 1, "expected 'var' or a size"),
        ("option[int64", 12, "expected '\\]'"),
        ("union[int64 bool]", 12, "expected ',' or '\\]'"),
        ("datetime64[xyz]", 0, "invalid type: unrecognized primitive"),
        ('float64[parameters={"b": NaN}]', 0, "invalid type: .*not JSON-serializable"),
        ('unknown[parameters={"a": 1}]', 7, "'unknown' cannot have parameters"),
        ('{"unterminated: int64}', 1, "expected a field name"),
        ("3 * var * {x: int64,\n    y: ?float32 z}", 37, "line 2, column 17"),
    ],
)
def test_malformed_strings_name_position_and_expectation(text, position, expected):
    with pytest.raises(ValueError, match=f"at position {position} ") as info:
        from_datashape(text, highlevel=False)
    message = str(info.value)
    assert message.startswith("malformed datashape")
    assert re.search(expected, message), message
    # the caret line points at the position within its line
    last_line = message.splitlines()[-1]
    line_start = text.rfind("\n", 0, position) + 1
    assert last_line == "    " + " " * (position - line_start) + "^"


def test_non_string_input():
    with pytest.raises(TypeError, match="must be a str"):
        from_datashape(3)
    with pytest.raises(TypeError, match="must be a str"):
        from_datashape(None, highlevel=False)


# ---- hypothesis: random types round trip --------------------------------------------

_KEYWORDS = {
    "var", "option", "union", "categorical", "struct", "tuple", "string", "bytes", "char",
    "byte", "unknown", "parameters", "unit", "type", "datetime64", "timedelta64",
}  # fmt: skip
_PRIMITIVES = [
    "bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64",
    "float16", "float32", "float64", "complex64", "complex128", "datetime64[ms]",
    "timedelta64[10s]", "datetime64",
]  # fmt: skip

json_leaf = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=5),
)
json_value = st.recursive(
    json_leaf,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
param_keys = st.text(max_size=6).filter(lambda k: k not in ("__categorical__", "__array__", "__record__", "__unit__"))
random_parameters = st.one_of(st.none(), st.dictionaries(param_keys, json_value, max_size=3))
identifier = st.from_regex(r"\A[A-Za-z_][A-Za-z0-9_]{0,6}\Z").filter(lambda s: s not in _KEYWORDS and s not in _PRIMITIVES)
field_name = st.one_of(identifier, st.text(max_size=6))
sizes = st.one_of(st.integers(0, 1000), st.just(unknown_length))


@st.composite
def categorical(draw, params):
    # __categorical__ prints as categorical[type=...] and parses back as True
    if draw(st.booleans()) and draw(st.booleans()):
        params = dict(params or {})
        params["__categorical__"] = True
    return params


@st.composite
def numpy_types(draw):
    params = draw(categorical(draw(random_parameters)))
    return NumpyType(draw(st.sampled_from(_PRIMITIVES)), parameters=params)


leaves = st.one_of(
    numpy_types(),
    st.just(UnknownType()),
    st.sampled_from([STRING, BYTES, CHAR, BYTE]),
)


def extend(children):
    @st.composite
    def list_type(draw):
        return ListType(draw(children), parameters=draw(categorical(draw(random_parameters))))

    @st.composite
    def regular_type(draw):
        return RegularType(draw(children), draw(sizes), parameters=draw(categorical(draw(random_parameters))))

    @st.composite
    def option_type(draw):
        # an option's own __categorical__ prints inside it and parses onto the content
        return OptionType(draw(children), parameters=draw(random_parameters))

    @st.composite
    def union_type(draw):
        contents = draw(st.lists(children, max_size=3))
        return UnionType(contents, parameters=draw(categorical(draw(random_parameters))))

    @st.composite
    def record_type(draw):
        contents = draw(st.lists(children, max_size=3))
        params = draw(categorical(draw(random_parameters)))
        named = draw(st.booleans())
        if named:
            params = dict(params or {})
            params["__record__"] = draw(identifier)
        # an empty named record prints "P[]", which reads back as a tuple
        is_tuple = draw(st.booleans()) or (named and not contents)
        fields = None if is_tuple else draw(st.lists(field_name, min_size=len(contents), max_size=len(contents), unique=True))
        return RecordType(contents, fields, parameters=params)

    return st.one_of(list_type(), regular_type(), option_type(), union_type(), record_type())


random_types = st.recursive(leaves, extend, max_leaves=8)


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(random_types)
def test_hypothesis_round_trip(t):
    text = str(t)
    parsed = from_datashape(text, highlevel=False)
    assert same(parsed, t), (text, repr(parsed), repr(t))
    assert str(parsed) == text
    shown = t.show(stream=None)
    assert same(from_datashape(shown, highlevel=False), t), shown


@hypothesis.settings(max_examples=100, deadline=None)
@hypothesis.given(random_types, sizes)
def test_hypothesis_round_trip_highlevel(t, length):
    array = ArrayType(t, length)
    parsed = from_datashape(str(array))
    assert isinstance(parsed, ArrayType)
    assert parsed.is_equal_to(array, all_parameters=True)
    assert (parsed.length is unknown_length) == (length is unknown_length)
