"""ak.enforce_type: allowed changes over layout kinds against a pure-Python model on to_list
data (types compared as strings), refusals by type and message (as awkward 2.14), laziness."""

import numpy as np
import pytest

import awkward as ak
from awkward import types as T
from awkward.contents import ListOffsetArray, RecordArray
from tests.counting_buffers import Lazy
from tests.test_ops_regular import layouts

LAYOUTS = layouts()
_CAST = {"float": float, "int": int, "bool": bool, "uint": int}


def model(value, type_):
    """Pure-Python model of enforce_type on to_list data."""
    if isinstance(type_, T.OptionType):
        return None if value is None else model(value, type_.content)
    assert value is not None, "model: option removed from a missing value"
    if isinstance(type_, T.NumpyType):
        kind = type_.primitive.rstrip("0123456789")
        return _CAST[kind](value)
    if isinstance(type_, (T.ListType, T.RegularType)):
        if isinstance(value, (str, bytes)):
            name = type_.parameter("__array__")
            raw = value.encode() if isinstance(value, str) else value
            return raw.decode() if name == "string" else raw if name == "bytestring" else [model(c, type_.content) for c in raw]
        if isinstance(type_, T.RegularType):
            assert len(value) == type_.size
        if type_.parameter("__array__") in ("string", "bytestring"):
            raw = bytes(value)
            return raw.decode() if type_.parameter("__array__") == "string" else raw
        return [model(x, type_.content) for x in value]
    if isinstance(type_, T.RecordType):
        if type_.is_tuple:
            return tuple(model(value[i] if i < len(value) else None, t) for i, t in enumerate(type_.contents))
        return {f: model(value.get(f), t) for f, t in zip(type_.fields, type_.contents)}
    if isinstance(type_, T.UnionType):
        return value
    raise AssertionError(type_)


LIST_KINDS = ["listoffset", "listarray", "regular", "jagged", "indexed", "indexedoption", "bytemasked", "bitmasked", "unmasked", "option_inside", "nested"]
TARGETS = ["var * float32", "?var * float64", "var * ?int8", "?var * ?bool", "3 * float64", "2 * int32", "var * var * float64", "var * 2 * int16"]


def _allowed(layout, type_str):
    t = T.from_datashape(type_str, highlevel=False)
    data = layout.to_list()
    depth = layout.purelist_depth
    tdepth = type_str.count("*") + 1
    if depth != tdepth:
        return False
    try:
        for x in data:
            model(x, t)
    except AssertionError:
        return False
    return True


@pytest.mark.parametrize("name", LIST_KINDS)
@pytest.mark.parametrize("target", TARGETS)
def test_list_kinds_table(name, target):
    layout, _ = LAYOUTS[name]
    t = T.from_datashape(target, highlevel=False)
    if _allowed(layout, target):
        out = ak.enforce_type(layout, target)
        assert out.to_list() == [model(x, t) for x in layout.to_list()]
        assert str(out.type.content) == str(t)
        assert out.layout.validity_error() == ""
    else:
        with pytest.raises((TypeError, ValueError)):
            ak.enforce_type(layout, target)


CASES = [
    ([[1, 2], [3]], "var * float32"),
    ([[1, 2], [3, 4]], "2 * int64"),
    ([[1, 2], [3]], "?var * int64"),
    ([[1, 2], None][:1], "var * int64"),
    ([{"x": 1, "y": 2.0}], "{y: float32, x: int8}"),
    ([{"x": 1, "y": 2.0}], "{x: int64}"),
    ([{"x": 1, "y": 2.0}], "{x: int64, y: float64, z: ?int64}"),
    ([{"x": 1, "y": 2.0}], "{x: int64, y: float64, z: ?unknown}"),
    ([(1, 2.0)], "(int64, float32)"),
    ([(1, 2.0)], "(int64)"),
    ([(1, 2.0)], "(int64, float32, ?int64)"),
    ([1, 0], "bool"),
    (["ab", "c"], "var * uint8"),
    (["ab", "c"], "bytes"),
    (["ab", "c"], "var * int64"),
    ([[97, 98]], "string"),
    (["ab", "cd"], "string[2]"),
    ([[1, 2]], '[var * int64, parameters={"foo": 1}]'),
    ([1, 2], 'int64[parameters={"bar": 2}]'),
    ([{"x": 1}], "point[x: float64]"),
    ([[1, 2]], "?var * ?float32"),
    ([1, 2], "union[int64, string]"),
    ([[], []], "var * {x: float32}"),
    ([[], []], "0 * float32"),
]


@pytest.mark.parametrize("data,type_str", CASES)
def test_allowed_changes(data, type_str):
    out = ak.enforce_type(ak.Array(data), type_str)
    t = T.from_datashape(type_str, highlevel=False)
    assert str(out.type.content) == str(t)
    assert out.to_list() == [model(x, t) for x in ak.Array(data).to_list()]


def test_unions():
    a = ak.Array([1, "x"])
    assert str(ak.enforce_type(a, "union[float64, string]").type) == "2 * union[float64, string]"
    assert ak.enforce_type(a, "union[float64, string]").to_list() == [1.0, "x"]
    assert str(ak.enforce_type(a, "union[bool, int64, string]").type) == "2 * union[int64, string, bool]"
    assert str(ak.enforce_type(a, "union[int64, string, bool]").type) == "2 * union[int64, string, bool]"
    assert ak.enforce_type(a[:1], "int64").to_list() == [1]
    three = ak.Array([1, "x", [1]])
    assert ak.enforce_type(three[:2], "union[int64, string]").to_list() == [1, "x"]


def test_empty_to_anything():
    empty = ak.Array(ak.contents.EmptyArray())
    out = ak.enforce_type(empty, "var * {x: ?string}")
    assert str(out.type) == "0 * var * {x: ?string}"
    assert str(ak.enforce_type(empty, "unknown").type) == "0 * unknown"


ERRORS = [
    ([[1, 2], [3]], "2 * int64", ValueError, "subarray lengths are not regular"),
    ([[1, 2], None], "var * int64", ValueError, "option types can only be removed if there are no missing values"),
    ([{"x": 1, "y": 2.0}], "{x: int64, y: float64, z: int64}", TypeError, "can only add new fields to a record if they are option types"),
    ([(1, 2.0)], "{x: int64, y: float32}", ValueError, "cannot be converted between records and tuples"),
    ([1, "x"], "int64", ValueError, "can only be converted to int64 if they are equivalent to their projections"),
    ([1, "x"], "union[string, int64]", TypeError, "no greater than one content differs in type"),
    ([1, "x", [1]], "union[int64, string]", ValueError, "lossless"),
    ([[1, 2]], "union[2 * int64, string]", TypeError, "ListOffsetArray can only be converted into a UnionType"),
    ([1, 2], "union[float32, string]", TypeError, "NumpyArray can only be converted into a UnionType"),
    ([1, 2], "string", TypeError, r"NumpyArray\(s\) can only be converted into NumpyArray\(s\)"),
    ([[1, 2]], "int64", TypeError, "lists can only be converted to lists, options of lists, or unions thereof, not int64"),
    ([1, 2], "var * int64", TypeError, r"NumpyArray\(s\) can only be converted"),
    ([1, 2], "unknown", TypeError, "cannot convert non-EmptyArray layouts to a bare UnknownType"),
    ([{"x": 1}], "int64", TypeError, r"RecordArray\(s\) can only be converted into RecordArray\(s\)"),
    ([1], "{x: int64}", TypeError, r"NumpyArray\(s\) can only be converted"),
]


@pytest.mark.parametrize("data,type_str,exc,message", ERRORS)
def test_refusals(data, type_str, exc, message):
    with pytest.raises(exc, match=r"ak.enforce_type: .*" + message):
        ak.enforce_type(ak.Array(data), type_str)


def test_type_argument():
    a = ak.Array([[1, 2], [3]])
    t = T.from_datashape("var * float64", highlevel=False)
    assert str(ak.enforce_type(a, t).type) == "2 * var * float64"
    with pytest.raises(TypeError, match="high-level type objects are not supported"):
        ak.enforce_type(a, T.ArrayType(t, 2))
    with pytest.raises(TypeError, match="must be an ak.types.Type or a datashape string"):
        ak.enforce_type(a, 3)


def test_categorical_kept():
    index = ak.index.Index64(np.array([0, 1, 0]))
    cat = ak.contents.IndexedArray(index, ak.contents.NumpyArray(np.array([1, 2])), parameters={"__array__": "categorical"})
    out = ak.enforce_type(cat, "categorical[type=float64]")
    assert str(out.type) == "3 * categorical[type=float64]"
    assert out.to_list() == [1.0, 2.0, 1.0]
    assert str(ak.enforce_type(cat, "float32").type) == "3 * float32"


def test_behavior_attrs():
    a = ak.Array([[1, 2]], behavior={"b": 1}, attrs={"@f": 1})
    out = ak.enforce_type(a, "var * float32")
    assert out.attrs == {"@f": 1} and out.behavior == {"b": 1}


def test_laziness_untouched_field_not_read():
    lazy = Lazy()
    x = ListOffsetArray(lazy.index([0, 2, 3], "x-offsets"), lazy.numpy([1, 2, 3], "x-data"))
    y = lazy.numpy([1.0, 2.0], "y-data")
    out = ak.enforce_type(RecordArray([x, y], ["x", "y"]), "{x: var * int64, y: float64}")
    assert lazy.total == 0
    assert str(out.type) == "2 * {x: var * int64, y: float64}"
    ak.enforce_type(RecordArray([x, y], ["x", "y"]), "{x: var * float32, y: float64}")
    assert lazy.calls["y-data"] == 0 and lazy.calls["x-offsets"] == 0
