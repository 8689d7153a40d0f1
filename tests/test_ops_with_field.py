"""ak.with_field, ak.without_field and ak.Array's field assignment against pure-Python models
of the to_list() data: records under every layout kind (lists of both classes, regular lists,
the four option classes, IndexedArray, unions, tuples), values that are scalars, strings, arrays
of lower, equal and greater depth, nested ``where`` paths; plain and virtualized; laziness
(generator counts); errors by type and message."""

import numpy as np
import pytest

import awkward as ak
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    IndexedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
    UnmaskedArray,
)
from awkward.errors import FieldNotFoundError
from awkward.index import Index8, Index64, IndexU8
from tests.counting_buffers import Lazy


def _num(values, dtype=np.int64):
    return NumpyArray(np.asarray(values, dtype=dtype))


def _rec(n=3, start=1):
    values = np.arange(start, start + n)
    return RecordArray(
        [_num(values), RecordArray([_num(values * 10)], ["c"])], ["a", "b"]
    )


def _bits(valid):
    return IndexU8(np.packbits(np.asarray(valid, dtype=np.uint8), bitorder="little"))


# every base holds records {a: int, b: {c: int}} somewhere; length 3
BASES = {
    "record": lambda: _rec(),
    "tuple": lambda: RecordArray([_num([1, 2, 3]), _num([4, 5, 6])], None),
    "listoffset": lambda: ListOffsetArray(Index64(np.array([0, 2, 2, 3])), _rec()),
    "listarray": lambda: ListArray(Index64(np.array([1, 0, 3])), Index64(np.array([3, 0, 4])), _rec(4)),
    "regular": lambda: RegularArray(_rec(6), 2),
    "indexedoption": lambda: IndexedOptionArray(Index64(np.array([2, -1, 0])), _rec()),
    "bytemasked": lambda: ByteMaskedArray(Index8(np.array([1, 0, 1], dtype=np.int8)), _rec(), True),
    "bitmasked": lambda: BitMaskedArray(_bits([0, 1, 1]), _rec(), True, 3, True),
    "unmasked": lambda: UnmaskedArray(_rec()),
    "indexed": lambda: IndexedArray(Index64(np.array([2, 2, 0])), _rec()),
    "union": lambda: UnionArray(
        Index8(np.array([0, 1, 0], dtype=np.int8)),
        Index64(np.array([0, 0, 1])),
        [_rec(2), RecordArray([_num([7]), RecordArray([_num([1.5], np.float64)], ["c"])], ["a", "b"])],
    ),
    "option of lists": lambda: IndexedOptionArray(
        Index64(np.array([1, -1, 0])), ListOffsetArray(Index64(np.array([0, 1, 3])), _rec())
    ),
    "lists of lists": lambda: ListOffsetArray(
        Index64(np.array([0, 1, 1, 3])),
        ListOffsetArray(Index64(np.array([0, 2, 2, 3])), _rec()),
    ),
}


# ---------------------------------------------------------------------- the models
class ModelError(Exception):
    pass


def _set(record, field, value):
    if isinstance(record, tuple):
        if field is None:
            return (*record, value)
        out = {str(i): v for i, v in enumerate(record)}
    else:
        out = dict(record)
        if field is None:
            field = str(len(out))
    out[field] = value
    return out


def with_field_model(item, value, path, value_is_list, options=frozenset(), depth=0):
    """Broadcast ``value`` (a Python value; ``value_is_list(v)`` says whether it is a list
    level) against ``item`` down to its outermost records and set ``path`` there. ``options``:
    the list depths where the base has an option type above its records (there, a missing
    value makes the whole element missing, as broadcasting does)."""
    if item is None:
        return None
    if isinstance(item, (dict, tuple)):
        if value is None and depth in options:
            return None
        if path is not None and len(path) > 1:
            head = path[0]
            if head not in item:
                raise KeyError(head)
            return _set(item, head, with_field_model(item[head], value, path[1:], value_is_list))
        return _set(item, None if path is None else path[0], value)
    if isinstance(item, list):
        if value is None:
            return None
        if value_is_list(value):
            if len(value) != len(item):
                raise ModelError("cannot broadcast")
            inner = _inner(value_is_list)
            return [with_field_model(x, v, path, inner, options, depth + 1) for x, v in zip(item, value)]
        return [with_field_model(x, value, path, value_is_list, options, depth + 1) for x in item]
    raise ModelError("no records")


def _inner(value_is_list):
    return getattr(value_is_list, "inner", value_is_list)


def _depth_predicate(depth):
    """value_is_list for a value whose list depth is ``depth`` (known from its type)."""

    def predicate(value):
        return depth > 0 and isinstance(value, list)

    predicate.inner = _depth_predicate(depth - 1) if depth > 0 else predicate
    return predicate


def _list_depth(layout):
    depth, form = 0, layout.form
    while True:
        name = type(form).__name__
        if name in ("ListOffsetForm", "ListForm", "RegularForm"):
            if form.parameters.get("__array__") in ("string", "bytestring"):
                return depth
            depth += 1
            form = form.content
        elif name in ("IndexedOptionForm", "ByteMaskedForm", "BitMaskedForm", "UnmaskedForm", "IndexedForm"):
            form = form.content
        else:
            return depth


def _option_depths(form, depth=0):
    """List depths at which ``form`` has an option node above its records."""
    name = type(form).__name__
    if name in ("ListOffsetForm", "ListForm", "RegularForm"):
        return _option_depths(form.content, depth + 1)
    if name in ("IndexedOptionForm", "ByteMaskedForm", "BitMaskedForm", "UnmaskedForm"):
        return {depth} | _option_depths(form.content, depth)
    if name == "IndexedForm":
        return _option_depths(form.content, depth)
    return set()


def without_model(item, path):
    if item is None:
        return None
    if isinstance(item, list):
        return [without_model(x, path) for x in item]
    if isinstance(item, dict):
        if path[0] not in item:
            raise KeyError(path[0])
        out = dict(item)
        if len(path) > 1:
            out[path[0]] = without_model(out[path[0]], path[1:])
        else:
            del out[path[0]]
        return out
    if isinstance(item, tuple):
        at = int(path[0])
        if len(path) > 1:
            return tuple(without_model(v, path[1:]) if i == at else v for i, v in enumerate(item))
        return tuple(v for i, v in enumerate(item) if i != at)
    return item


# ---------------------------------------------------------------------- values to set
def _values(base):
    """Values of several depths for ``base`` (an ak.Array): name -> value."""
    n = len(base)
    out = {
        "int scalar": 5,
        "float scalar": 2.5,
        "string scalar": "hey",
        "flat": ak.Array(np.arange(100, 100 + n)),
        "strings": ak.Array([f"s{i}" for i in range(n)]),
        "option": ak.Array([1, None, 3][:n]),
        "records": ak.Array([{"q": i} for i in range(n)]),
        "deeper": ak.Array([[i] * (i + 1) for i in range(n)]),
    }
    # the base's own field, same structure (shares the base's buffers)
    if "a" in ak.fields(base):
        out["same structure"] = base.a * 2
    return out


@pytest.mark.parametrize("base_name", list(BASES))
@pytest.mark.parametrize("where", ["z", "a", None, ("b", "d"), ["b", "c"]])
def test_with_field_table(base_name, where):
    base = ak.Array(BASES[base_name]())
    data = base.to_list()
    options = frozenset(_option_depths(base.layout.form))
    for value_name, value in _values(base).items():
        path = None if where is None else ((where,) if isinstance(where, str) else tuple(where))
        if isinstance(value, ak.Array):
            pyvalue = value.to_list()
            predicate = _depth_predicate(_list_depth(value.layout) + 1)
        else:
            pyvalue, predicate = value, _depth_predicate(0)
        try:
            if isinstance(value, ak.Array):
                expected = [
                    with_field_model(x, v, path, predicate.inner, options)
                    for x, v in zip(data, pyvalue)
                ]
            else:
                expected = [with_field_model(x, value, path, predicate, options) for x in data]
        except ModelError:
            with pytest.raises(ValueError, match="cannot broadcast|no tuples or records"):
                ak.with_field(base, value, where)
            continue
        except KeyError:
            with pytest.raises(FieldNotFoundError):
                ak.with_field(base, value, where)
            continue
        out = ak.with_field(base, value, where)
        assert out.to_list() == expected, value_name
        assert len(out) == len(base)


def test_with_field_union_base_option_value():
    # broadcasting splits unions before options (as awkward 2.14): the None stays in the field
    base = ak.Array(BASES["union"]())
    value = ak.Array([1, None, 3])
    expected = [with_field_model(x, v, ("z",), _depth_predicate(0)) for x, v in zip(base.to_list(), value.to_list())]
    assert ak.with_field(base, value, "z").to_list() == expected


def test_with_field_types_as_awkward_2_14():
    records = ak.Array([{"x": 1}, {"x": 2}])
    assert str(ak.with_field(records, [3, 4]).type) == "2 * {x: int64, \"1\": int64}"
    tuples = ak.Array([(1, 2), (2, 3)])
    assert str(ak.with_field(tuples, [3, 4]).type) == "2 * (int64, int64, int64)"
    assert ak.with_field(tuples, [3, 4], "y").fields == ["0", "1", "y"]
    assert not ak.with_field(tuples, [3, 4], "0").layout.is_tuple
    assert str(ak.with_field(records, "hello", "y").type) == "2 * {x: int64, y: string}"
    assert str(ak.with_field(records, None, "y").type) == "2 * {x: int64, y: ?unknown}"
    assert str(ak.with_field(records, [[3, 4], [5]], "y").type) == "2 * {x: int64, y: var * int64}"
    named = ak.Array([{"x": 1}, {"x": 2}], with_name="P")
    assert ak.with_field(named, [3, 4], "y").layout.parameters == {"__record__": "P"}
    nested = ak.Array([{"x": {"a": 1}}, {"x": {"a": 2}}])
    assert str(ak.with_field(nested, [3, 4], ("x", "b")).type) == "2 * {x: {a: int64, b: int64}}"
    assert str(ak.with_field(nested, [3, 4], ["x", "a"]).type) == "2 * {x: {a: int64}}"
    # list parameters: intersected between the array and the new value
    lists = ak.with_parameter(ak.Array([[{"a": 1}], [{"a": 2}, {"a": 3}]]), "p", 1)
    assert ak.with_field(lists, 5, "b").layout.parameters == {"p": 1}
    assert ak.with_field(lists, ak.Array([4, 5]), "b").layout.parameters == {"p": 1}
    assert ak.with_field(lists, ak.Array([[4], [5, 6]]), "b").layout.parameters == {}
    record = ak.with_field(ak.Record({"x": 1, "y": 2}), 5, "z")
    assert isinstance(record, ak.Record) and record.to_list() == {"x": 1, "y": 2, "z": 5}


def test_with_field_carries_behavior_and_attrs():
    base = ak.Array([{"x": 1}], attrs={"@factory": 1}, behavior={"P": object})
    out = ak.with_field(base, 2, "y")
    assert out.attrs == {"@factory": 1} and out.behavior["P"] is object


def test_with_field_errors():
    records = ak.Array([{"x": {"a": 1}}, {"x": {"a": 2}}])
    with pytest.raises(FieldNotFoundError, match="ak.with_field: no field 'z'"):
        ak.with_field(records, [3, 4], ("z", "b"))
    with pytest.raises(ValueError, match="no tuples or records in array; cannot add a new field"):
        ak.with_field(ak.Array([1, 2]), [3, 4], "y")
    with pytest.raises(ValueError, match="no tuples or records"):
        ak.with_field(ak.Array([{"x": 1}]), [3], ("x", "a"))
    with pytest.raises(ValueError, match=r"different lengths \(2, 3\)"):
        ak.with_field(records, [3, 4, 5], "y")
    with pytest.raises(ValueError, match="cannot broadcast nested list"):
        ak.with_field(ak.Array([[{"x": 1}, {"x": 2}], []]), [[3, 4], [5]], "y")
    with pytest.raises(TypeError, match="new fields may only be assigned by field name"):
        ak.with_field(records, [3, 4], 1)
    with pytest.raises(ValueError, match="'where' must name at least one field"):
        ak.with_field(records, [3, 4], ())


# ---------------------------------------------------------------------- without_field
@pytest.mark.parametrize("base_name", list(BASES))
@pytest.mark.parametrize("where", ["a", "b", ("b", "c"), ["b", "nope"], "nope", "0"])
def test_without_field_table(base_name, where):
    base = ak.Array(BASES[base_name]())
    path = (where,) if isinstance(where, str) else tuple(where)
    try:
        expected = [without_model(x, path) for x in base.to_list()]
    except (KeyError, IndexError, ValueError):
        with pytest.raises(FieldNotFoundError, match="no field"):
            ak.without_field(base, where)
        return
    out = ak.without_field(base, where)
    assert out.to_list() == expected
    assert len(out) == len(base)


def test_without_field_types_and_errors():
    assert ak.without_field(ak.Array([1, 2]), "x").to_list() == [1, 2]
    assert str(ak.without_field(ak.Array([{"x": 1}]), "x").type) == "1 * {}"
    assert str(ak.without_field(ak.Array([(1, 2)]), "0").type) == "1 * (int64)"
    named = ak.Array([{"x": 1, "y": 2}], with_name="P")
    assert ak.without_field(named, "x").layout.parameters == {"__record__": "P"}
    mixed = ak.Array([{"x": 1, "y": 2}, 5])
    assert ak.without_field(mixed, "x").to_list() == [{"y": 2}, 5]
    record = ak.without_field(ak.Record({"x": 1, "y": 2}), "x")
    assert isinstance(record, ak.Record) and record.to_list() == {"y": 2}
    with pytest.raises(FieldNotFoundError, match="no field 'nope'"):
        ak.without_field(named, "nope")
    with pytest.raises(FieldNotFoundError, match="no field 'b'"):
        ak.without_field(ak.Array([{"x": {"a": 1}}]), ("x", "b"))
    with pytest.raises(TypeError, match="field names must be given as a single string"):
        ak.without_field(named, 0)
    with pytest.raises(TypeError, match="field names must be given as a single string"):
        ak.without_field(named, None)
    with pytest.raises(ValueError, match="'where' must name at least one field"):
        ak.without_field(named, ())


# ---------------------------------------------------------------------- ak.Array.__setitem__
def test_setitem_goes_through_with_field():
    array = ak.Array([[{"x": 1}, {"x": 2}], [], [{"x": 3}]])
    array["y"] = array.x * 10
    array["z"] = ak.Array([100, 200, 300])
    array["s"] = "text"
    assert array.to_list() == [
        [{"x": 1, "y": 10, "z": 100, "s": "text"}, {"x": 2, "y": 20, "z": 100, "s": "text"}],
        [],
        [{"x": 3, "y": 30, "z": 300, "s": "text"}],
    ]
    with pytest.raises(ValueError, match="cannot broadcast"):
        array["v"] = ak.Array([[1], [], [1]])


# ---------------------------------------------------------------------- laziness
def _events(lazy):
    record = RecordArray(
        [
            lazy.numpy([1.0, 2.0, 3.0], "pt"),
            RecordArray([lazy.numpy([4, 5, 6], "c")], ["c"]),
        ],
        ["pt", "sub"],
    )
    return ak.Array(ListOffsetArray(lazy.index([0, 2, 2, 3], "offsets"), record))


def test_with_field_scalar_reads_nothing():
    lazy = Lazy()
    jets = _events(lazy)
    out = ak.with_field(jets, 1, "w")
    out = ak.with_field(out, "s", ("sub", "d"))
    assert lazy.total == 0
    assert out.w.to_list() == [[1, 1], [], [1]]
    assert lazy.calls["pt"] == 0 and lazy.calls["c"] == 0


def test_with_field_of_same_structure_reads_nothing():
    lazy = Lazy()
    jets = _events(lazy)
    value = ak.Array(ListOffsetArray(jets.layout.offsets, lazy.numpy([7, 8, 9], "new")))
    out = ak.with_field(jets, value, "new")
    out = ak.with_field(out, value, ("sub", "e"))
    assert lazy.total == 0
    assert out.sub.e.to_list() == [[7, 8], [], [9]]
    assert lazy.calls["pt"] == 0


def test_without_field_reads_nothing():
    lazy = Lazy()
    jets = _events(lazy)
    out = ak.without_field(jets, "pt")
    out = ak.without_field(out, ("sub", "c"))
    assert ak.fields(out) == ["sub"] and len(out) == 3
    assert lazy.total == 0


def test_setitem_scalar_reads_nothing():
    lazy = Lazy()
    jets = _events(lazy)
    jets["w"] = 2.5
    jets["sub", "f"] = 1
    assert lazy.total == 0
