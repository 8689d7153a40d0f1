"""The type tracer's last gaps (issue 13): right-aligned broadcasting of regular arrays of
unknown length, forms that 2.14 fixes whatever the data (to_packed, unflatten by option
counts, to_categorical of options, keepdims statistics), reductions at axis=None, concatenate
at axis=1 of unions, ak.str's set/categorical/join functions, and tracers meeting concrete
arrays. Each tracer result is compared with the eager run over counting virtual buffers
(form and touched buffers, tests/_typetracer_harness.py).

One answer cannot follow the data: ``pad_none`` at a flat NumpyArray's own axis leaves it as
it is when it is longer than the target and makes an option otherwise. The tracer, not
knowing the length, answers as 2.14's tracer does (the array as it is); the test below states
that exception for short data."""

import numpy as np
import pytest
from _structure_layouts import make_layouts
from _typetracer_harness import compare, eager_virtual, traced

import awkward as ak
from awkward.contents import (
    ByteMaskedArray,
    IndexedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RegularArray,
    UnionArray,
    UnmaskedArray,
)
from awkward.index import Index8, Index32, Index64
from awkward.typetracer import MaybeNone


def numbers(n, dtype=np.int64):
    return NumpyArray(np.arange(n, dtype=dtype))


def unknown(array):
    return ak.Array(ak.to_layout(array).to_typetracer(forget_length=True))


# ---------------------------------------------------------------------- right alignment
REGULAR = {
    "1d": numbers(4),
    "2d numpy": NumpyArray(np.arange(12).reshape(3, 4)),
    "3d numpy": NumpyArray(np.arange(24).reshape(2, 3, 4)),
    "regular": RegularArray(numbers(12), 4),
    "regular of 2d": RegularArray(NumpyArray(np.arange(24).reshape(6, 4)), 3),
    "length 1": numbers(1),
}

PAIRS = [
    ("1d", "2d numpy"),
    ("1d", "3d numpy"),
    ("2d numpy", "3d numpy"),
    ("1d", "regular"),
    ("2d numpy", "regular of 2d"),
    ("length 1", "3d numpy"),
]


@pytest.mark.parametrize(("low", "high"), PAIRS)
@pytest.mark.parametrize("order", ["low first", "high first"])
def test_right_aligned_broadcasting_keeps_regular_dimensions(low, high, order):
    a, b = REGULAR[low], REGULAR[high]
    if order == "high first":
        a, b = b, a
    expected = (ak.Array(a) + ak.Array(b)).layout.form
    assert (unknown(a) + unknown(b)).layout.form == expected
    assert ak.where(unknown(a) > 1, unknown(a), unknown(b)).layout.form == ak.where(
        ak.Array(a) > 1, ak.Array(a), ak.Array(b)
    ).layout.form


def test_right_aligned_where_touches_what_the_eager_run_reads():
    layout = RegularArray(numbers(9), 3)
    assert compare(layout, lambda a: ak.where(ak.num(a, axis=1) > 1, a, a))
    assert compare(layout, lambda a: a + ak.num(a, axis=1))


# ---------------------------------------------------------------------- pad_none
def test_pad_none_flat_numbers_on_a_tracer_stay_numbers():
    layout = numbers(9)
    assert compare(layout, lambda a: ak.pad_none(a, 2, axis=0))
    traced_out = ak.pad_none(unknown(layout), 2, axis=0)
    assert traced_out.layout.form == layout.form
    # clip always gives an option, so the tracer knows it
    assert compare(layout, lambda a: ak.pad_none(a, 2, axis=0, clip=True))


def test_pad_none_flat_numbers_shorter_than_the_target_is_the_documented_exception():
    """Eagerly a NumpyArray shorter than the target becomes an option; the tracer cannot know
    the length and gives the array as it is (2.14's tracer answer)."""
    short = numbers(1)
    assert ak.pad_none(ak.Array(short), 3, axis=0).layout.form.type == ak.types.OptionType(
        ak.types.NumpyType("int64")
    )
    assert ak.pad_none(unknown(short), 3, axis=0).layout.form == short.form
    # with the length known the tracer follows the data
    known = ak.Array(short.to_typetracer())
    assert ak.pad_none(known, 3, axis=0).layout.form == ak.pad_none(ak.Array(short), 3, axis=0).layout.form


def test_pad_none_through_records_of_different_depths():
    layout = ak.to_layout([[{"a": 1, "b": [1]}, {"a": 2, "b": []}], [], [{"a": 3, "b": [2, 3]}]])
    assert compare(layout, lambda a: ak.pad_none(a, 2, axis=-1))


# ---------------------------------------------------------------------- to_packed
def _model_packed(layout):
    return ak.to_list(layout)


@pytest.mark.parametrize("offsets", [[0, 2, 2, 6], [1, 2, 2, 6]])
def test_to_packed_gives_int64_offsets(offsets):
    layout = ListOffsetArray(Index32(np.array(offsets, dtype=np.int32)), numbers(9))
    out = ak.to_packed(layout, highlevel=False)
    assert out.form == ListOffsetArray(Index64(np.zeros(1, np.int64)), numbers(0)).form
    assert out.to_list() == _model_packed(layout)
    assert compare(layout, ak.to_packed)


def test_to_packed_keeps_option_and_union_index_dtypes():
    option = IndexedOptionArray(Index32(np.array([2, -1, 0], np.int32)), numbers(5))
    out = ak.to_packed(option, highlevel=False)
    assert out.index.dtype == np.dtype(np.int32)
    assert out.to_list() == [2, None, 0]
    union = UnionArray(
        Index8(np.array([0, 1, 0], np.int8)),
        Index32(np.array([2, 0, 0], np.int32)),
        [numbers(3), ListOffsetArray(Index32(np.array([0, 2], np.int32)), numbers(2))],
    )
    out = ak.to_packed(union, highlevel=False)
    assert out.index.dtype == np.dtype(np.int32)
    assert out.contents[1].offsets.dtype == np.dtype(np.int64)
    assert out.to_list() == [2, [0, 1], 0]
    assert compare(option, ak.to_packed)
    # (a union's unused branches are not packed eagerly: the tracer reads what any data needs)
    assert compare(union, ak.to_packed, general_path=True)


# ---------------------------------------------------------------------- unflatten
@pytest.mark.parametrize(
    "counts",
    [
        UnmaskedArray(NumpyArray(np.array([3, 0, 2]))),
        ByteMaskedArray(Index8(np.array([1, 1, 1], np.int8)), NumpyArray(np.array([3, 0, 2])), True),
        IndexedOptionArray(Index64(np.array([0, -1, 1])), NumpyArray(np.array([3, 2]))),
    ],
)
def test_unflatten_by_option_counts_always_gives_option_lists(counts):
    flat = numbers(5)
    out = ak.unflatten(flat, counts, highlevel=False)
    assert out.is_option and out.content.is_list
    model, position = [], 0
    for n in counts.to_list():
        if n is None:
            model.append(None)
        else:
            model.append(list(range(position, position + n)))
            position += n
    assert out.to_list() == model
    assert ak.unflatten(unknown(flat), unknown(counts)).layout.form == out.form


def test_unflatten_option_counts_inside_lists():
    array = ak.Array([[1, 2, 3], [4, 5]])
    counts = ak.mask(ak.Array([1, 2, 2]), [True, True, True])
    out = ak.unflatten(array, counts, axis=1)
    assert out.to_list() == [[[1], [2, 3]], [[4, 5]]]
    assert out.layout.content.is_option


# ---------------------------------------------------------------------- reducers at axis=None
FLAT = numbers(9, np.float64)
JAGGED_OPTIONS = ak.to_layout([[1.0, None], [], [3.0]])


@pytest.mark.parametrize("layout", [FLAT, JAGGED_OPTIONS, ak.to_layout([[1.0, 2.0], [], [3.0]])])
@pytest.mark.parametrize(
    "op",
    [
        lambda a: ak.count(a, axis=None),
        lambda a: ak.sum(a, axis=None),
        lambda a: ak.max(a, axis=None),
        lambda a: ak.max(a, axis=None, keepdims=True),
        lambda a: ak.std(a, axis=None),
        lambda a: ak.var(a, axis=None, keepdims=True),
        lambda a: ak.mean(a, axis=None, mask_identity=True),
        lambda a: ak.std(a, axis=None, keepdims=True, mask_identity=True),
    ],
)
def test_reductions_at_axis_none_on_tracers(layout, op):
    assert compare(layout, op)


def test_maybe_missing_reductions_are_maybe_none():
    assert isinstance(ak.max(unknown(FLAT), axis=None), MaybeNone)
    assert isinstance(ak.mean(unknown(FLAT), axis=None, mask_identity=True), MaybeNone)
    count = ak.count(unknown(FLAT), axis=None)
    assert ak.typetracer.is_unknown_scalar(count) and count.dtype == np.dtype(np.int64)


@pytest.mark.parametrize("data", [[[1.0, 2.0], [], [3.0]], [[], []]])
def test_keepdims_statistics_under_mask_identity_are_options(data):
    """2.14: an option whether or not anything was reduced (the form does not follow data)."""
    for function in (ak.mean, ak.var, ak.std):
        out = function(ak.Array(data), axis=None, keepdims=True, mask_identity=True)
        assert isinstance(out.layout.content, IndexedOptionArray)
        values = [x for row in data for x in row]
        if values:
            assert out.to_list()[0][0] == pytest.approx(
                {ak.mean: np.mean, ak.var: np.var, ak.std: np.std}[function](values)
            )
        else:
            assert out.to_list() == [[None]]


def test_linear_fit_on_a_tracer_under_mask_identity():
    eager = ak.Array([[1.0, 2.0], [], [3.0]])
    out = ak.linear_fit(unknown(eager), unknown(eager), axis=None, mask_identity=True)
    assert str(out.type) == str(ak.linear_fit(eager, eager, axis=None, mask_identity=True).type)


# ---------------------------------------------------------------------- concatenate axis=1
UNIONS = {
    "lists": UnionArray(
        Index8(np.array([0, 1, 0, 1], np.int8)),
        Index64(np.array([0, 0, 1, 2])),
        [
            ListOffsetArray(Index64(np.array([0, 2, 3])), numbers(3)),
            ListOffsetArray(Index64(np.array([0, 1, 1, 4])), NumpyArray(np.array([1.5, 2.5, 2.5, 3.5]))),
        ],
    ),
    "regular and var": ak.to_layout(
        ak.concatenate([ak.Array(np.arange(6).reshape(3, 2)), ak.Array([[1.5], [], ["x"]])])
    ),
}


@pytest.mark.parametrize("name", list(UNIONS))
def test_concatenate_axis_1_of_unions(name):
    assert compare(UNIONS[name], lambda a: ak.concatenate([a, a], axis=1))


# ---------------------------------------------------------------------- ak.str
def _strings(words):
    return ak.to_layout(words)


STRINGS = {
    "strings": _strings(["ab", "cde", "", "ab"]),
    "bytestrings": _strings([b"ab", b"x", b""]),
    "option of strings": _strings(["ab", None, "x"]),
    "masked strings": ByteMaskedArray(
        Index8(np.array([1, 0, 1], np.int8)), _strings(["ab", "q", "x"]), valid_when=True
    ),
    "unmasked strings": UnmaskedArray(_strings(["ab", "x"])),
    "indexed strings": IndexedArray(Index64(np.array([2, 0, 1])), _strings(["ab", "x", "y"])),
    "option of shuffled strings": IndexedOptionArray(
        Index64(np.array([2, -1, 0])), _strings(["ab", "x", "y"])
    ),
    "lists of strings": _strings([["ab", "cde"], [], ["x"]]),
    "lists of option strings": _strings([["ab", None], [], ["x"]]),
}

STR_OPS = {
    "is_in": lambda a: ak.str.is_in(a, ["ab", "x"]),
    "is_in skip_nones": lambda a: ak.str.is_in(a, ["ab", None], skip_nones=True),
    "index_in": lambda a: ak.str.index_in(a, ["ab", "x"]),
    "to_categorical": lambda a: ak.str.to_categorical(a),
    "join": lambda a: ak.str.join(a, "-"),
    "join array": lambda a: ak.str.join(a, ak.Array(["-", "+", "*"])),
    "join_element_wise": lambda a: ak.str.join_element_wise(a, a, "-"),
}


@pytest.mark.parametrize("layout_name", list(STRINGS))
@pytest.mark.parametrize("op_name", list(STR_OPS))
def test_string_functions_on_tracers(op_name, layout_name):
    pytest.importorskip("pyarrow")
    if not compare(STRINGS[layout_name], STR_OPS[op_name]):
        pytest.skip("the eager function does not apply to this layout")


def test_string_functions_read_only_the_strings_of_a_record():
    pytest.importorskip("pyarrow")
    layout = ak.to_layout([{"s": "ab", "n": [1]}, {"s": "c", "n": []}])
    for op in (STR_OPS["is_in"], STR_OPS["to_categorical"]):
        expected, read = eager_virtual(layout, lambda a, op=op: op(a.s))
        result, touched = traced(layout, lambda a, op=op: op(a.s))
        assert result.layout.form == expected.layout.form
        assert touched == read == {"node1-offsets", "node2-data"}


def test_to_categorical_of_an_option_without_missing_strings_is_an_option():
    pytest.importorskip("pyarrow")
    out = ak.str.to_categorical(ak.Array(["ab", None, "c", "ab"])[[0, 2, 3]])
    assert isinstance(out.layout, IndexedOptionArray)
    assert out.to_list() == ["ab", "c", "ab"]
    assert out.layout.parameter("__array__") == "categorical"
    plain = ak.str.to_categorical(ak.Array(["ab", "c", "ab"]))
    assert isinstance(plain.layout, IndexedArray)


# ---------------------------------------------------------------------- tracer meets concrete
@pytest.mark.parametrize(
    "op",
    [
        lambda t, c: t + c,
        lambda t, c: ak.where(t > 1, c, t),
        lambda t, c: ak.zip({"x": t, "y": c}),
        lambda t, c: ak.broadcast_arrays(t, c)[1],
    ],
)
def test_a_tracer_broadcast_with_a_concrete_array_gives_a_tracer(op):
    concrete = ak.Array([[1, 2], [], [3]])
    out = op(unknown(concrete), concrete)
    assert ak.backend(out) == "typetracer"
    assert out.layout.form == op(concrete, concrete).layout.form


# ---------------------------------------------------------------------- more operations
# operations beyond the main table (tests/test_typetracer_operations.py) that a tracer run
# used to fail on, over the same layouts
MORE_OPS = {
    "jagged index": lambda a: a[ak.local_index(a, axis=1)],
    "[:, np.newaxis]": lambda a: a[:, np.newaxis],
    "[1:, ..., 0]": lambda a: a[1:, ..., 0],
    "[:2, 1:]": lambda a: a[:2, 1:],
    "[..., np.newaxis]": lambda a: a[..., np.newaxis],
    "unflatten axis=1": lambda a: ak.unflatten(a, 1, axis=1),
    "var axis=0": lambda a: ak.var(a, axis=0),
    "ptp axis=-1": lambda a: ak.ptp(a, axis=-1),
    "ones_like": lambda a: ak.ones_like(a),
    "full_like": lambda a: ak.full_like(a, 3),
    "fill_none axis=None": lambda a: ak.fill_none(a, 0, axis=None),
    "flatten axis=2": lambda a: ak.flatten(a, axis=2),
    "nan_to_none": lambda a: ak.nan_to_none(a),
    "is_valid": lambda a: ak.is_valid(a),
    "validity_error": lambda a: ak.validity_error(a),
    "firsts axis=0": lambda a: ak.firsts(a, axis=0),
    "cartesian nested axis=1": lambda a: ak.cartesian([a, a], axis=1, nested=True),
    "transform of two": lambda a: ak.transform(lambda layout, **kwargs: None, a, a),
    "combinations axis=0": lambda a: ak.combinations(a, 2, axis=0),
    "argcombinations axis=0": lambda a: ak.argcombinations(a, 2, axis=0),
}

# the eager run took a shortcut its data allowed (contiguous lists behind an option, a
# union's unused characters): the tracer reads what any data could need, a superset
MORE_GENERAL_PATH = {
    ("unflatten axis=1", "ByteMaskedArray of lists"),
    ("transform of two", "ByteMaskedArray of lists"),
    ("transform of two", "UnmaskedArray of lists"),
    ("transform of two", "lists of union"),
    ("unflatten axis=1", "union of lists"),
}

MORE_NOT_YET = set()  # every pair runs on tracers now

_LAYOUTS = make_layouts()


@pytest.mark.parametrize("layout_name", list(_LAYOUTS))
@pytest.mark.parametrize("op_name", list(MORE_OPS))
def test_more_operations_on_tracers(op_name, layout_name):
    if (op_name, layout_name) in MORE_NOT_YET:
        pytest.skip("not yet on typetracer arrays (MORE_NOT_YET)")
    general = (op_name, layout_name) in MORE_GENERAL_PATH
    if not compare(_LAYOUTS[layout_name], MORE_OPS[op_name], general):
        pytest.skip("the eager operation does not apply to this layout")


def test_a_listarray_broadcast_reads_its_content_on_a_tracer():
    """Whether a ListArray's lists are contiguous is in its data: the tracer carries the content
    (the general path), so a transform reads what a non-contiguous eager run reads."""
    layout = ListArray(Index64(np.array([5, 0, 3])), Index64(np.array([9, 3, 3])), numbers(9))
    _, read = eager_virtual(layout, MORE_OPS["transform of two"])
    _, touched = traced(layout, MORE_OPS["transform of two"])
    assert touched == read == {"node0-starts", "node0-stops", "node1-data"}


def test_validity_on_a_tracer_reads_structure_only():
    layout = _LAYOUTS["lists of ByteMasked"]
    result, touched = traced(layout, ak.validity_error)
    assert result == "" and touched == {"node0-offsets"}


def test_comparing_tracers_is_2_14s_error():
    tracer = unknown(ak.Array([[1, 2], [], [3]]))
    with pytest.raises(NotImplementedError, match="typetracer backends cannot yet be compared"):
        ak.almost_equal(tracer, tracer)
    with pytest.raises(NotImplementedError, match="typetracer backends cannot yet be compared"):
        ak.array_equal(tracer, tracer)


def test_concatenate_of_a_tracer_with_a_concrete_array_is_a_tracer():
    # as awkward 2.14: the concrete array becomes a tracer (no error for the mixture)
    concrete = ak.Array([[1, 2], []])
    tracer = ak.Array([[3]], backend="typetracer")
    out = ak.concatenate([concrete, tracer])
    assert ak.backend(out) == "typetracer"
    assert str(out.type.content) == "var * int64"
