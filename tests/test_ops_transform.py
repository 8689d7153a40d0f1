"""ak.transform: one array (a walk with recursively_apply) and several arrays (broadcasting),
the documented callback arguments and every keyword, checked against pure-Python models of
the to_list() data, on every layout kind, plain and virtualized; laziness; errors."""

import numpy as np
import pytest

import awkward as ak
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    EmptyArray,
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
from awkward.index import Index8, Index64, IndexU8
from tests.counting_buffers import Lazy

# ---------------------------------------------------------------------- layouts of every kind


def _num(values, dtype=np.int64):
    return NumpyArray(np.asarray(values, dtype=dtype))


def _bitmask(valid, lsb_order=True):
    bits = np.packbits(np.asarray(valid, dtype=np.uint8), bitorder="little" if lsb_order else "big")
    return IndexU8(bits)


LAYOUTS = {
    "numpy": lambda: _num([1, 2, 3]),
    "numpy 2d": lambda: NumpyArray(np.arange(6, dtype=np.float64).reshape(3, 2)),
    "regular": lambda: RegularArray(_num([1, 2, 3, 4, 5, 6]), 2),
    "regular of regular": lambda: RegularArray(RegularArray(_num(np.arange(8)), 2), 2),
    "listoffset": lambda: ListOffsetArray(Index64(np.array([0, 2, 2, 5])), _num([1, 2, 3, 4, 5])),
    "listarray": lambda: ListArray(
        Index64(np.array([3, 0, 1])), Index64(np.array([5, 0, 3])), _num([1, 2, 3, 4, 5])
    ),
    "list of lists": lambda: ListOffsetArray(
        Index64(np.array([0, 2, 2, 3])),
        ListOffsetArray(Index64(np.array([0, 1, 3, 3])), _num([1.5, 2.5, 3.5], np.float64)),
    ),
    "indexedoption": lambda: IndexedOptionArray(Index64(np.array([2, -1, 0])), _num([1, 2, 3])),
    "bytemasked": lambda: ByteMaskedArray(
        Index8(np.array([1, 0, 1], dtype=np.int8)), _num([1, 2, 3]), valid_when=True
    ),
    "bitmasked": lambda: BitMaskedArray(
        _bitmask([1, 1, 0]), _num([1, 2, 3]), valid_when=True, length=3, lsb_order=True
    ),
    "unmasked": lambda: UnmaskedArray(_num([1, 2, 3])),
    "option of lists": lambda: IndexedOptionArray(
        Index64(np.array([1, -1, 0])),
        ListOffsetArray(Index64(np.array([0, 2, 3])), _num([1, 2, 3])),
    ),
    "indexed": lambda: IndexedArray(Index64(np.array([2, 0, 0])), _num([1, 2, 3])),
    "union": lambda: UnionArray(
        Index8(np.array([0, 1, 0], dtype=np.int8)),
        Index64(np.array([0, 0, 1])),
        [_num([1, 2]), ListOffsetArray(Index64(np.array([0, 2])), _num([7, 8]))],
    ),
    "record": lambda: RecordArray(
        [_num([1, 2, 3]), ListOffsetArray(Index64(np.array([0, 1, 1, 3])), _num([4.0, 5.0, 6.0], np.float64))],
        ["x", "y"],
    ),
    "tuple": lambda: RecordArray([_num([1, 2, 3]), RegularArray(_num(np.arange(6)), 2)], None),
    "list of records": lambda: ListOffsetArray(
        Index64(np.array([0, 2, 3])),
        RecordArray([_num([1, 2, 3]), ak.to_layout([[1], [], [2, 3]])], ["a", "b"]),
    ),
    "string": lambda: ak.to_layout(["ab", "", "cde"]),
    "list of strings": lambda: ak.to_layout([["ab", "c"], [], ["d"]]),
    "bytestring": lambda: ak.to_layout([b"ab", b"", b"c"]),
    "empty": lambda: EmptyArray(),
    "list of empty": lambda: ListOffsetArray(Index64(np.array([0, 0, 0])), EmptyArray()),
}


def _is_text_leaf(layout):
    return layout.parameter("__array__") in ("char", "byte")


def _is_text(layout):
    return layout.is_list and layout.parameter("__array__") in ("string", "bytestring")


# ---------------------------------------------------------------------- pure-Python models


def _model_double(value):
    if isinstance(value, (str, bytes)) or value is None:
        return value
    if isinstance(value, list):
        return [_model_double(x) for x in value]
    if isinstance(value, tuple):
        return tuple(_model_double(x) for x in value)
    if isinstance(value, dict):
        return {k: _model_double(v) for k, v in value.items()}
    return value * 2


def _model_lengths(value, depth):
    """Lists nested inside lists (depth >= 2) replaced by their lengths."""
    if isinstance(value, list):
        if depth >= 2:
            return len(value)
        return [_model_lengths(x, depth + 1) for x in value]
    if isinstance(value, tuple):
        return tuple(_model_lengths(x, depth) for x in value)
    if isinstance(value, dict):
        return {k: _model_lengths(v, depth) for k, v in value.items()}
    return value


def _model_depths(form, depth=1, numpy_to_regular=False):
    """(form class, depth) for every node the one-array walk visits, in visiting order."""
    if form.__class__.__name__ == "NumpyForm" and numpy_to_regular and form.inner_shape:
        regular = form.to_RegularForm()
        return _model_depths(regular, depth, numpy_to_regular)
    out = [(form.__class__.__name__.replace("Form", "Array"), depth)]
    name = form.__class__.__name__
    if name in ("ListOffsetForm", "ListForm", "RegularForm"):
        out += _model_depths(form.content, depth + 1, numpy_to_regular)
    elif name in ("IndexedForm", "IndexedOptionForm", "ByteMaskedForm", "BitMaskedForm", "UnmaskedForm"):
        out += _model_depths(form.content, depth, numpy_to_regular)
    elif name in ("RecordForm", "UnionForm"):
        for content in form.contents:
            out += _model_depths(content, depth, numpy_to_regular)
    return out


def _broadcast_add(a, b):
    """a + b with awkward's rules on to_list data: None wins, lists zip (a number is repeated
    into a list), records go field by field."""
    if a is None or b is None:
        return None
    if isinstance(a, dict):
        return {k: _broadcast_add(a[k], b[k] if isinstance(b, dict) else b) for k in a}
    if isinstance(b, dict):
        return {k: _broadcast_add(a, b[k]) for k in b}
    if isinstance(a, list) and isinstance(b, list):
        assert len(a) == len(b)
        return [_broadcast_add(x, y) for x, y in zip(a, b)]
    if isinstance(a, list):
        return [_broadcast_add(x, b) for x in a]
    if isinstance(b, list):
        return [_broadcast_add(a, y) for y in b]
    return a + b


# ---------------------------------------------------------------------- callbacks


def _double(layout, **kwargs):
    if layout.is_numpy and not _is_text_leaf(layout):
        return NumpyArray(ak.to_numpy(layout) * 2, parameters=layout._parameters)
    return None


def _counts(layout):
    lists = layout.to_ListOffsetArray64(False)
    return np.diff(np.asarray(lists.offsets.data))


def _lists_to_lengths(layout, depth, continuation, **kwargs):
    if layout.is_list and not _is_text(layout) and depth >= 2:
        continuation()  # the children first (as a post-order transform would)
        return NumpyArray(_counts(layout))
    return None


def _add_leaves(layouts, **kwargs):
    if all(x.is_numpy for x in layouts):
        a, b = layouts
        return NumpyArray(ak.to_numpy(a) + ak.to_numpy(b))
    return None


# ---------------------------------------------------------------------- one array


@pytest.mark.parametrize("kind", sorted(LAYOUTS))
def test_double_leaves_every_kind(kind):
    layout = LAYOUTS[kind]()
    data = layout.to_list()
    out = ak.transform(_double, layout)
    assert isinstance(out, ak.Array)
    assert out.to_list() == _model_double(data)
    assert len(out) == len(layout)
    # parameters (strings) survive: the type names the same structure
    if kind != "empty":
        assert str(out.type).replace("float64", "T").replace("int64", "T") == str(
            ak.Array(layout).type
        ).replace("float64", "T").replace("int64", "T")


@pytest.mark.parametrize("kind", sorted(LAYOUTS))
def test_lists_to_lengths_with_continuation(kind):
    layout = LAYOUTS[kind]()
    data = layout.to_list()
    out = ak.transform(_lists_to_lengths, layout, highlevel=False)
    assert out.to_list() == [_model_lengths(x, 1) for x in data]


@pytest.mark.parametrize("kind", sorted(LAYOUTS))
@pytest.mark.parametrize("numpy_to_regular", [False, True])
def test_depths_in_lateral_context(kind, numpy_to_regular):
    layout = LAYOUTS[kind]()
    seen = []

    def record(layout, depth, lateral_context, **kwargs):
        lateral_context.append((type(layout).__name__, depth))

    out = ak.transform(
        record, layout, lateral_context=seen, numpy_to_regular=numpy_to_regular, highlevel=False
    )
    assert out.to_list() == layout.to_list()
    assert seen == _model_depths(layout.form, 1, numpy_to_regular)


def test_callback_receives_documented_keywords():
    seen = []

    def spy(layout, **kwargs):
        seen.append(kwargs)

    layout = ak.to_layout([[1, 2], [3]])
    ak.transform(spy, layout, behavior={"b": 1})
    assert sorted(seen[0]) == [
        "backend", "behavior", "continuation", "depth", "depth_context", "lateral_context", "options",
    ]
    first = seen[0]
    assert first["depth"] == 1 and seen[1]["depth"] == 2
    assert first["backend"] is layout.backend
    assert first["behavior"] == {"b": 1}
    assert callable(first["continuation"])
    assert first["depth_context"] is None and first["lateral_context"] is None
    assert first["options"] == {
        "allow_records": True,
        "broadcast_parameters_rule": "intersect",
        "expect_return_value": False,
        "function_name": "ak.transform",
        "keep_parameters": True,
        "left_broadcast": True,
        "numpy_to_regular": False,
        "regular_to_jagged": False,
        "return_array": True,
        "return_simplified": True,
        "right_broadcast": True,
    }


def test_options_reflect_keywords():
    seen = []

    def spy(layout, options, **kwargs):
        seen.append(dict(options))

    ak.transform(
        spy, ak.to_layout([[1]]), broadcast_parameters_rule="none", left_broadcast=False,
        right_broadcast=False, numpy_to_regular=True, regular_to_jagged=True,
        return_value="original", allow_records=False,
    )
    assert seen[0]["broadcast_parameters_rule"] == "none"
    assert seen[0]["left_broadcast"] is False and seen[0]["right_broadcast"] is False
    assert seen[0]["numpy_to_regular"] is True and seen[0]["regular_to_jagged"] is True
    assert seen[0]["return_simplified"] is False and seen[0]["allow_records"] is False


def test_depth_context_is_copied_per_node_lateral_context_shared():
    layout = ak.to_layout([{"x": [1], "y": [[2]]}])
    given_depth, given_lateral = {"start": 0}, {"start": 0}
    seen = []

    def action(layout, depth, depth_context, lateral_context, **kwargs):
        seen.append((type(layout).__name__, depth, dict(depth_context), lateral_context is given_lateral))
        depth_context[f"{depth}{type(layout).__name__}"] = 1
        lateral_context[f"{depth}{type(layout).__name__}"] = 1

    ak.transform(action, layout, depth_context=given_depth, lateral_context=given_lateral)
    assert given_depth == {"start": 0}  # the caller's object is never mutated
    assert all(shared for *_, shared in seen)
    # each node sees what its ancestors added, never its siblings'
    assert seen == [
        ("RecordArray", 1, {"start": 0}, True),
        ("ListOffsetArray", 1, {"start": 0, "1RecordArray": 1}, True),
        ("NumpyArray", 2, {"start": 0, "1RecordArray": 1, "1ListOffsetArray": 1}, True),
        ("ListOffsetArray", 1, {"start": 0, "1RecordArray": 1}, True),
        ("ListOffsetArray", 2, {"start": 0, "1RecordArray": 1, "1ListOffsetArray": 1}, True),
        (
            "NumpyArray", 3,
            {"start": 0, "1RecordArray": 1, "1ListOffsetArray": 1, "2ListOffsetArray": 1}, True,
        ),
    ]
    assert set(given_lateral) == {"start", "1RecordArray", "1ListOffsetArray", "2NumpyArray",
                                  "2ListOffsetArray", "3NumpyArray"}


def test_continuation_returns_the_rebuilt_node():
    seen = []

    def action(layout, continuation, **kwargs):
        if layout.is_list:
            out = continuation()
            seen.append(type(out).__name__)
            return out
        return _double(layout)

    out = ak.transform(action, ak.to_layout([[[1, 2], [3]], [], [[4]]]))
    assert seen == ["ListOffsetArray", "ListOffsetArray"]
    assert out.to_list() == [[[2, 4], [6]], [], [[8]]]


def test_numpy_to_regular_and_regular_to_jagged_one_array():
    layout = NumpyArray(np.arange(6).reshape(3, 2))

    def classes(**keywords):
        seen = []
        out = ak.transform(
            lambda layout, lateral_context, **kw: lateral_context.append(type(layout).__name__),
            layout, lateral_context=seen, highlevel=False, **keywords,
        )
        return seen, out

    assert classes()[0] == ["NumpyArray"]
    assert classes(numpy_to_regular=True)[0] == ["RegularArray", "NumpyArray"]
    seen, out = classes(numpy_to_regular=True, regular_to_jagged=True)
    assert seen == ["ListOffsetArray", "NumpyArray"]
    assert str(ak.Array(out).type) == "3 * var * int64" and out.to_list() == layout.to_list()
    seen, out = classes(regular_to_jagged=True)
    assert seen == ["NumpyArray"]  # a NumpyArray is not a RegularArray until numpy_to_regular
    regular = RegularArray(_num(np.arange(6)), 3)
    assert seen and ak.transform(lambda layout, **kw: None, regular, regular_to_jagged=True).type.content.__class__.__name__ == "ListType"


def _option_of_option_action(layout, **kwargs):
    if layout.is_numpy:
        return IndexedOptionArray(Index64(np.array([0, -1, 1])), _num([1.0, 2.0], np.float64))
    return None


def test_return_value():
    layout = UnmaskedArray(_num([1, 2, 3]))
    out = ak.transform(_option_of_option_action, layout, return_value="simplified", highlevel=False)
    assert isinstance(out, IndexedOptionArray) and out.to_list() == [1.0, None, 2.0]
    with pytest.raises(TypeError, match="UnmaskedArray"):
        ak.transform(_option_of_option_action, layout, return_value="original")
    plain = ak.to_layout([[1, 2], [3]])
    assert ak.transform(_double, plain, return_value="original").to_list() == [[2, 4], [6]]
    calls = []
    assert ak.transform(lambda layout, **kw: calls.append(1), plain, return_value="none") is None
    assert len(calls) == 2  # the walk still happens, for its side effects


def test_unchanged_nodes_are_kept():
    layout = ak.to_layout([{"x": [1, 2], "y": 1.5}])
    out = ak.transform(lambda layout, **kw: None, layout, highlevel=False)
    assert out is layout


def test_behavior_and_attrs_carried():
    array = ak.Array([[1, 2]], behavior={"b": 1}, attrs={"@factory": 1, "a": 2})
    out = ak.transform(_double, array)
    assert out.behavior == {"b": 1} and dict(out.attrs) == {"@factory": 1, "a": 2}
    outs = ak.transform(lambda layouts, **kw: None, array, array)
    assert all(x.behavior == {"b": 1} and dict(x.attrs)["@factory"] == 1 for x in outs)
    assert ak.transform(_double, array, attrs={"z": 1}).attrs == {"z": 1}
    assert isinstance(ak.transform(_double, array, highlevel=False), ak.contents.Content)


def test_accepts_array_likes():
    assert ak.transform(_double, [[1, 2], [3]]).to_list() == [[2, 4], [6]]
    assert ak.transform(_double, np.array([1.5, 2.5])).to_list() == [3.0, 5.0]


# ---------------------------------------------------------------------- several arrays

PAIRS = [
    ([[1, 2], [], [3]], [10, 20, 30]),
    ([[1, 2], [], [3]], [[10, 20], [], [30]]),
    ([[[1], [2, 3]], [[4]]], [[10, 20], [30]]),
    ([[1, 2], None, [3]], [1, 2, None]),
    ([{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}], [100, 200]),
    ([{"x": 1, "y": [1, 2]}, {"x": 2, "y": []}], [{"x": 5, "y": [1, 1]}, {"x": 6, "y": []}]),
    ([[1.5, None], [None]], [[1, 2], [3]]),
    ([1, 2, 3], [4, 5, 6]),
]


@pytest.mark.parametrize(("left", "right"), PAIRS)
def test_several_arrays_add_leaves(left, right):
    out = ak.transform(_add_leaves, ak.Array(left), ak.Array(right))
    assert isinstance(out, ak.Array)  # one layout returned at the leaves: one array out
    assert out.to_list() == [_broadcast_add(a, b) for a, b in zip(left, right)]


@pytest.mark.parametrize(("left", "right"), PAIRS)
def test_several_arrays_none_returns_broadcast_inputs(left, right):
    a, b = ak.transform(lambda layouts, **kw: None, ak.Array(left), ak.Array(right))
    pairs = [_broadcast_pair(x, y) for x, y in zip(left, right)]
    assert a.to_list() == [x for x, _ in pairs]
    assert b.to_list() == [y for _, y in pairs]


def _broadcast_pair(a, b):
    """Both sides broadcast to their common structure (a missing value on one side makes
    both missing), as a model of what broadcasting hands back."""
    if a is None or b is None:
        return None, None
    if isinstance(a, dict) or isinstance(b, dict):
        keys = a.keys() if isinstance(a, dict) else b.keys()
        parts = {k: _broadcast_pair(a[k] if isinstance(a, dict) else a, b[k] if isinstance(b, dict) else b) for k in keys}
        return {k: v[0] for k, v in parts.items()}, {k: v[1] for k, v in parts.items()}
    if isinstance(a, list) or isinstance(b, list):
        n = len(a) if isinstance(a, list) else len(b)
        xs = a if isinstance(a, list) else [a] * n
        ys = b if isinstance(b, list) else [b] * n
        parts = [_broadcast_pair(x, y) for x, y in zip(xs, ys)]
        return [x for x, _ in parts], [y for _, y in parts]
    return a, b


@pytest.mark.parametrize(
    "kind",
    [k for k in sorted(LAYOUTS) if k not in ("string", "list of strings", "bytestring", "union")],
)
def test_several_arrays_every_kind_with_itself(kind):
    layout = LAYOUTS[kind]()
    other = LAYOUTS[kind]()
    out = ak.transform(_add_leaves, layout, other, highlevel=False)
    data = layout.to_list()
    assert out.to_list() == _model_double(data)


def test_several_arrays_union():
    union = LAYOUTS["union"]()
    out = ak.transform(_add_leaves, union, _num([10, 20, 30]))
    assert out.to_list() == [_broadcast_add(a, b) for a, b in zip(union.to_list(), [10, 20, 30])]


def test_several_arrays_tuple_return_gives_tuple():
    def both(layouts, **kwargs):
        if all(x.is_numpy for x in layouts):
            a, b = (ak.to_numpy(x) for x in layouts)
            return NumpyArray(a + b), NumpyArray(a * b)
        return None

    total, product = ak.transform(both, ak.Array([[1, 2], [3]]), ak.Array([10, 20]))
    assert total.to_list() == [[11, 12], [23]]
    assert product.to_list() == [[10, 20], [60]]


def test_several_arrays_callback_arguments_and_depths():
    seen = []

    def spy(layouts, **kwargs):
        seen.append((kwargs["depth"], [type(x).__name__ for x in layouts], sorted(kwargs)))
        assert isinstance(layouts, tuple)

    a = ak.Array([[1, 2], [3]])
    ak.transform(spy, a, a)
    names = ["backend", "behavior", "continuation", "depth", "depth_context", "lateral_context", "options"]
    # as in awkward, the walk starts at depth 0 with the inputs packed in a length-1 list
    assert seen == [
        (0, ["RegularArray", "RegularArray"], names),
        (1, ["ListOffsetArray", "ListOffsetArray"], names),
        (2, ["NumpyArray", "NumpyArray"], names),
    ]


def test_several_arrays_options_and_contexts():
    given_depth, lateral = {"k": 0}, []
    seen = []

    def spy(layouts, depth, depth_context, lateral_context, options, **kwargs):
        seen.append((depth, dict(depth_context)))
        assert lateral_context is lateral and options["function_name"] == "ak.transform"
        assert options["broadcast_parameters_rule"] == "all_or_nothing"
        depth_context[depth] = [type(x).__name__ for x in layouts][0]
        lateral_context.append(depth)

    a = ak.Array([{"x": [1], "y": [[2]]}])
    ak.transform(spy, a, a, depth_context=given_depth, lateral_context=lateral,
                 broadcast_parameters_rule="all_or_nothing")
    assert given_depth == {"k": 0}
    assert lateral == [0, 1, 1, 2, 1, 2, 3]
    assert seen == [
        (0, {"k": 0}),
        (1, {"k": 0, 0: "RegularArray"}),
        (1, {"k": 0, 0: "RegularArray", 1: "RecordArray"}),
        (2, {"k": 0, 0: "RegularArray", 1: "ListOffsetArray"}),
        (1, {"k": 0, 0: "RegularArray", 1: "RecordArray"}),  # a sibling: not field x's entries
        (2, {"k": 0, 0: "RegularArray", 1: "ListOffsetArray"}),
        (3, {"k": 0, 0: "RegularArray", 1: "ListOffsetArray", 2: "ListOffsetArray"}),
    ]


def test_several_arrays_continuation():
    seen = []

    def action(layouts, depth, continuation, **kwargs):
        if depth == 1:
            outs = continuation()
            seen.append((type(outs).__name__, [type(x).__name__ for x in outs]))
            return outs
        return _add_leaves(layouts)

    out = ak.transform(action, ak.Array([[[1, 2], [3]], [], [[4]]]), ak.Array([1, 2, 3]))
    assert seen == [("tuple", ["ListOffsetArray"])]
    assert out.to_list() == [[[2, 3], [4]], [], [[7]]]


def test_several_arrays_return_value_and_broadcasting_keywords():
    a, b = ak.Array([[1, 2], [3]]), ak.Array([10, 20])
    assert ak.transform(_add_leaves, a, b, return_value="none") is None
    assert ak.transform(_add_leaves, a, b, return_value="original").to_list() == [[11, 12], [23]]
    with pytest.raises(ValueError, match="left_broadcast=False"):
        ak.transform(_add_leaves, a, b, left_broadcast=False)
    two_d = ak.from_numpy(np.array([[1, 2], [3, 4]]))
    one_d = ak.from_numpy(np.array([10, 20]))
    # right broadcasting aligns [10, 20] with the rows (NumPy's rule)
    assert ak.transform(_add_leaves, two_d, one_d, numpy_to_regular=True).to_list() == [[11, 22], [13, 24]]
    # without it, the left rule repeats 10 into the first row
    regular = ak.to_regular(ak.Array([[1, 2], [3, 4]]), axis=1)
    assert ak.transform(_add_leaves, regular, one_d, right_broadcast=False).to_list() == [[11, 12], [23, 24]]


def test_several_arrays_regular_to_jagged_and_numpy_to_regular():
    two_d = ak.from_numpy(np.array([[1, 2], [3, 4]]))
    for keywords, expected in [
        ({"numpy_to_regular": True}, [["RegularArray"] * 2, ["RegularArray"] * 2, ["NumpyArray"] * 2]),
        (
            {"numpy_to_regular": True, "regular_to_jagged": True},
            [["ListOffsetArray"] * 2, ["ListOffsetArray"] * 2, ["NumpyArray"] * 2],
        ),
    ]:
        seen = []
        outs = ak.transform(
            lambda layouts, lateral_context, **kw: lateral_context.append([type(x).__name__ for x in layouts]),
            two_d, two_d, lateral_context=seen, **keywords,
        )
        assert seen == expected
        assert [x.to_list() for x in outs] == [[[1, 2], [3, 4]]] * 2
    jagged = ak.transform(lambda layouts, **kw: None, two_d, two_d, numpy_to_regular=True, regular_to_jagged=True)
    assert str(jagged[0].type) == "2 * var * int64"


def test_several_arrays_broadcast_parameters_rule():
    a = ak.with_parameter(ak.Array([[1, 2], [3]]), "p", 1)
    b = ak.with_parameter(ak.Array([[1, 2], [3]]), "p", 2)
    same = ak.with_parameter(ak.Array([[1, 2], [3]]), "p", 1)
    assert ak.parameters(ak.transform(_add_leaves, a, same)) == {"p": 1}
    assert ak.parameters(ak.transform(_add_leaves, a, b)) == {}
    assert ak.parameters(ak.transform(_add_leaves, a, same, broadcast_parameters_rule="none")) == {}


def test_several_arrays_empty_arrays():
    out = ak.transform(lambda layouts, **kw: None, EmptyArray(), EmptyArray(), highlevel=False)
    assert [len(x) for x in out] == [0, 0]


# ---------------------------------------------------------------------- laziness


def _lazy_record(lazy):
    x = ListOffsetArray(lazy.index([0, 2, 2, 3], "x.offsets"), lazy.numpy([1.0, 2.0, 3.0], "x.data"))
    y = ListOffsetArray(lazy.index([0, 1, 1, 3], "y.offsets"), lazy.numpy([4, 5, 6], "y.data"))
    return RecordArray([x, y], ["x", "y"])


def test_laziness_one_field_touched_reads_only_that_field():
    lazy = Lazy()
    layout = _lazy_record(lazy)

    def double_floats(layout, **kwargs):
        if layout.is_numpy and layout.dtype == np.float64:
            return _double(layout)
        return None

    out = ak.transform(double_floats, layout, highlevel=False)
    assert dict(lazy.calls) == {"x.data": 1}  # no offsets, nothing of y
    assert out.content("y") is layout.content("y")
    assert out.content("x").content.to_list() == [2.0, 4.0, 6.0]
    assert lazy.calls["y.data"] == 0 and lazy.calls["y.offsets"] == 0


def test_laziness_walk_without_changes_reads_nothing():
    lazy = Lazy()
    layout = _lazy_record(lazy)
    seen = []
    out = ak.transform(lambda layout, lateral_context, **kw: lateral_context.append(1), layout,
                       lateral_context=seen, highlevel=False)
    assert out is layout and len(seen) == 5 and lazy.total == 0


def test_laziness_continuation_reads_only_what_the_callback_reads():
    lazy = Lazy()
    layout = _lazy_record(lazy)

    def lengths_of_x(layout, depth, continuation, **kwargs):
        if layout.is_record:
            x = NumpyArray(_counts(layout.content("x")))
            return layout.copy(contents=[x, layout.content("y")])
        return None

    out = ak.transform(lengths_of_x, layout, highlevel=False)
    assert dict(lazy.calls) == {"x.offsets": 1}
    assert out.content("x").to_list() == [2, 0, 1]


# ---------------------------------------------------------------------- errors


def test_error_callback_returns_non_layout():
    a = ak.Array([[1, 2], [3]])
    for bad in (5, [NumpyArray(np.array([1]))], (NumpyArray(np.array([1])),), np.array([1])):
        with pytest.raises(TypeError, match=r"ak\.transform.*must return a layout"):
            ak.transform(lambda layout, bad=bad, **kw: bad if layout.is_numpy else None, a)
    for bad in (5, [NumpyArray(np.array([1]))], np.array([1])):
        with pytest.raises(TypeError, match=r"ak\.transform.*must return a layout"):
            ak.transform(lambda layouts, bad=bad, **kw: bad if layouts[0].is_numpy else None, a, a)


def test_error_depth_zero_return():
    a = ak.Array([[1, 2], [3]])
    with pytest.raises(ValueError, match=r"ak\.transform: at depth 0"):
        ak.transform(lambda layouts, **kw: tuple(NumpyArray(np.arange(2)) for _ in layouts), a, a)


def test_error_expect_return_value():
    for array in ([[1, 2], [3]], [{"x": 1}], [None, 1], ["ab"]):
        with pytest.raises(RuntimeError, match=r"ak\.transform.*expected to end by returning a layout"):
            ak.transform(lambda layout, **kw: None, ak.Array(array), expect_return_value=True)
    a = ak.Array([[1, 2], [3]])
    with pytest.raises(RuntimeError, match=r"ak\.transform.*tuple of layouts"):
        ak.transform(lambda layouts, **kw: None, a, a, expect_return_value=True)
    # returning before the leaves satisfies it
    assert ak.transform(_double, a, expect_return_value=True).to_list() == [[2, 4], [6]]
    assert ak.transform(_add_leaves, a, a, expect_return_value=True).to_list() == [[2, 4], [6]]


def test_error_mismatched_lengths():
    a = ak.Array([[1, 2], [3]])
    with pytest.raises(ValueError, match=r"different lengths \(2, 3\) in ak\.transform"):
        ak.transform(_add_leaves, a, ak.Array([1, 2, 3]))
    with pytest.raises(ValueError, match=r"cannot broadcast nested list .* in ak\.transform"):
        ak.transform(_add_leaves, a, ak.Array([[1, 2, 3], [4]]))


def test_error_bad_keywords():
    a = ak.Array([[1, 2], [3]])
    with pytest.raises(ValueError, match=r"ak\.transform: return_value must be one of"):
        ak.transform(_double, a, return_value="bad")
    with pytest.raises(ValueError, match=r"ak\.transform: return_value must be one of"):
        ak.transform(_add_leaves, a, a, return_value="bad")
    with pytest.raises(ValueError, match=r"broadcast_parameters_rule must be one of"):
        ak.transform(_add_leaves, a, a, broadcast_parameters_rule="bad")
    with pytest.raises(TypeError, match=r"ak\.transform: transformation must be a callable"):
        ak.transform(5, a)


def test_error_records_and_scalars():
    records = ak.Array([{"x": 1}])
    with pytest.raises(ValueError, match="records"):
        ak.transform(lambda layout, **kw: None, records, allow_records=False)
    with pytest.raises(ValueError, match=r"cannot broadcast records in ak\.transform"):
        ak.transform(lambda layouts, **kw: None, records, records, allow_records=False)
    with pytest.raises(TypeError, match=r"ak\.transform"):
        ak.transform(lambda layout, **kw: None, ak.Record({"x": 1}))
    with pytest.raises(TypeError, match=r"ak\.transform"):
        ak.transform(lambda layout, **kw: None, ak.Array([1, 2]), 5)


def test_broadcast_and_apply_regular_to_jagged_for_plain_actions():
    from awkward._broadcasting import broadcast_and_apply

    seen = []

    def action(inputs, *, depth, backend):
        seen.append((depth, [type(x).__name__ for x in inputs]))
        if all(x.is_numpy for x in inputs):
            return tuple(inputs)
        return None

    regular = RegularArray(_num(np.arange(6)), 3)
    out = broadcast_and_apply([regular, regular], action, regular_to_jagged=True)
    assert seen[0] == (1, ["ListOffsetArray", "ListOffsetArray"])
    assert [type(x).__name__ for x in out] == ["ListOffsetArray"] * 2
    assert out[0].to_list() == regular.to_list()
