"""Regression tests: field projection through option/indexed nodes over records whose fields are
themselves option/indexed/union nodes (composed with ``simplified``, never nested), and derived
nodes keeping the length generator of a lazily-lengthed BitMaskedArray/RecordArray/RegularArray.

Expected values come from pure-Python models over ``to_list()`` data."""

import itertools
import math

import numpy as np
import pytest
from counting_buffers import Lazy

import awkward as ak
from awkward._broadcasting import broadcast_and_apply
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    IndexedArray,
    IndexedOptionArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnionArray,
    UnmaskedArray,
)
from awkward.index import Index8, Index64, IndexU8

N = 6  # length of the record array
X = [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5]  # values behind field "x" (8 >= N)


def bits(valid):
    """Arrow-style (lsb) validity bitmap, independent of the implementation."""
    out = [0] * ((len(valid) + 7) // 8)
    for i, ok in enumerate(valid):
        if ok:
            out[i // 8] |= 1 << (i % 8)
    return np.array(out, np.uint8)


# ---------------------------------------------------------------------- field kinds
# each returns (layout of length N, its to_list model)
def field_numpy():
    return NumpyArray(np.array(X[:N])), X[:N]


def field_indexed():
    index = [3, 0, 7, 1, 1, 5]
    return IndexedArray(Index64(np.array(index)), NumpyArray(np.array(X))), [X[i] for i in index]


def field_indexed_option():
    index = [3, -1, 7, 1, -1, 5]
    layout = IndexedOptionArray(Index64(np.array(index)), NumpyArray(np.array(X)))
    return layout, [None if i < 0 else X[i] for i in index]


VALID = [True, False, True, True, False, True]


def field_byte_masked():
    layout = ByteMaskedArray(Index8(np.array(VALID, np.int8)), NumpyArray(np.array(X)), True)
    return layout, [x if ok else None for x, ok in zip(X, VALID)]


def field_bit_masked():
    layout = BitMaskedArray(IndexU8(bits(VALID)), NumpyArray(np.array(X)), True, N, True)
    return layout, [x if ok else None for x, ok in zip(X, VALID)]


def field_unmasked():
    return UnmaskedArray(NumpyArray(np.array(X[:N]))), X[:N]


def field_union():
    # a float or a list of ints: the contents do not merge
    tags = [0, 1, 0, 1, 0, 0]
    index = [0, 0, 1, 1, 2, 3]
    floats = NumpyArray(np.array([1.0, 2.0, 3.0, 4.0]))
    lists = ListOffsetArray(Index64(np.array([0, 2, 3])), NumpyArray(np.array([7, 8, 9])))
    layout = UnionArray(Index8(np.array(tags, np.int8)), Index64(np.array(index)), [floats, lists])
    model_contents = [[1.0, 2.0, 3.0, 4.0], [[7, 8], [9]]]
    return layout, [model_contents[t][i] for t, i in zip(tags, index)]


FIELDS = {
    "numpy": field_numpy,
    "indexed": field_indexed,
    "indexed_option": field_indexed_option,
    "byte_masked": field_byte_masked,
    "bit_masked": field_bit_masked,
    "unmasked": field_unmasked,
    "union": field_union,
}


def record(kind):
    x, x_model = FIELDS[kind]()
    y = [10 * i for i in range(N)]
    layout = RecordArray([x, NumpyArray(np.array(y))], ["x", "y"])
    return layout, [{"x": a, "y": b} for a, b in zip(x_model, y)]


# ---------------------------------------------------------------------- outer nodes
OUTER_VALID = [True, True, False, True, True, False]


def outer_indexed(content):
    return IndexedArray(Index64(np.array([5, 0, 2, 2, 4])), content)


def outer_indexed_option(content):
    return IndexedOptionArray(Index64(np.array([5, -1, 0, 2, -1, 3])), content)


def outer_byte_masked(content):
    return ByteMaskedArray(Index8(np.array(OUTER_VALID, np.int8)), content, True)


def outer_byte_masked_false(content):
    return ByteMaskedArray(Index8(np.array([not v for v in OUTER_VALID], np.int8)), content, False)


def outer_bit_masked(content):
    return BitMaskedArray(IndexU8(bits(OUTER_VALID)), content, True, N, True)


def outer_bit_masked_msb(content):
    # msb order, valid_when False, length 5 (shorter than the content)
    valid = OUTER_VALID[:5]
    byte = sum((1 << (7 - i)) for i, ok in enumerate(valid) if not ok)
    return BitMaskedArray(IndexU8(np.array([byte], np.uint8)), content, False, 5, False)


def outer_unmasked(content):
    return UnmaskedArray(content)


OUTERS = {
    "indexed": outer_indexed,
    "indexed_option": outer_indexed_option,
    "byte_masked": outer_byte_masked,
    "byte_masked_false": outer_byte_masked_false,
    "bit_masked": outer_bit_masked,
    "bit_masked_msb": outer_bit_masked_msb,
    "unmasked": outer_unmasked,
}


def model_outer(kind, rows):
    """What the outer node means, on Python lists."""
    if kind == "indexed":
        return [rows[i] for i in [5, 0, 2, 2, 4]]
    if kind == "indexed_option":
        return [None if i < 0 else rows[i] for i in [5, -1, 0, 2, -1, 3]]
    if kind in ("byte_masked", "byte_masked_false", "bit_masked"):
        return [r if ok else None for r, ok in zip(rows, OUTER_VALID)]
    if kind == "bit_masked_msb":
        return [r if ok else None for r, ok in zip(rows, OUTER_VALID[:5])]
    return list(rows)


def check_no_nesting(layout):
    """No option/indexed node wraps an option, indexed or (non-categorical) union node."""
    if layout.is_option or layout.is_indexed:
        inner = layout.content
        assert not (inner.is_option or inner.is_indexed or inner.is_union), layout
    for child in getattr(layout, "contents", []):
        check_no_nesting(child)
    if layout.is_list or layout.is_regular:
        check_no_nesting(layout.content)


def flat_floats(values):
    out = []
    for v in values:
        if isinstance(v, list):
            out.extend(flat_floats(v))
        elif v is not None:
            out.append(v)
    return out


CASES = list(itertools.product(OUTERS, FIELDS))


@pytest.mark.parametrize(("outer", "field"), CASES)
def test_field_through_option_or_indexed(outer, field):
    content, rows = record(field)
    layout = OUTERS[outer](content)
    expected_rows = model_outer(outer, rows)
    assert layout.to_list() == expected_rows

    for projected in (layout._getitem_field("x"), ak.Array(layout).x.layout):
        expected = [None if r is None else r["x"] for r in expected_rows]
        check_no_nesting(projected)
        assert projected.validity_error() == ""
        assert projected.to_list() == expected
        assert len(projected) == len(expected)
        # an option anywhere (outer node or field) makes the result optional
        optional = layout.is_option or FIELDS[field]()[0].is_option
        if projected.is_union:
            assert all(c.is_option for c in projected.contents) == optional
        else:
            assert projected.is_option == optional
        if projected.is_option:
            assert projected.project().to_list() == [v for v in expected if v is not None]
        assert sorted(flat_floats(ak.flatten(ak.Array(projected), axis=None).to_list())) == sorted(
            flat_floats(expected)
        )

    both = layout._getitem_fields(["x", "y"])
    check_no_nesting(both)
    assert both.to_list() == expected_rows
    only_x = ak.Array(layout)[["x"]]
    assert only_x.to_list() == [None if r is None else {"x": r["x"]} for r in expected_rows]


@pytest.mark.parametrize(("outer", "field"), [c for c in CASES if c[1] != "union"])
def test_ufunc_and_reducer_on_projected_field(outer, field):
    content, rows = record(field)
    layout = OUTERS[outer](content)
    expected = [None if r is None else r["x"] for r in model_outer(outer, rows)]
    x = ak.Array(layout).x
    assert np.cos(x).to_list() == [
        None if v is None else pytest.approx(math.cos(v)) for v in expected
    ]
    assert ak.sum(x) == pytest.approx(sum(v for v in expected if v is not None))
    assert ak.count(x, axis=0) == sum(v is not None for v in expected)


@pytest.mark.parametrize("outer", list(OUTERS))
def test_field_inside_lists_through_option(outer):
    """The outer node sits inside a ListOffsetArray (as after slicing jagged records)."""
    content, rows = record("indexed_option")
    inner = OUTERS[outer](content)
    items = model_outer(outer, rows)
    offsets = [0, 2, 2, len(items)]
    layout = ListOffsetArray(Index64(np.array(offsets)), inner)
    x = ak.Array(layout).x
    check_no_nesting(x.layout)
    expected = [
        [None if r is None else r["x"] for r in items[a:b]]
        for a, b in zip(offsets[:-1], offsets[1:])
    ]
    assert x.to_list() == expected
    assert ak.sum(x, axis=1).to_list() == pytest.approx(
        [sum(v for v in sub if v is not None) for sub in expected]
    )


# ---------------------------------------------------------------------- issue reproducer
EVENTS = [{"pt": 10.0, "phi": 0.1}, {"pt": 30.0, "phi": 0.2}, {"pt": 40.0, "phi": 0.3}] * 3
COUNTS = [3, 0, 6]


def model_pairs():
    events, start = [], 0
    for n in COUNTS:
        events.append([p for p in EVENTS[start : start + n] if p["pt"] > 20])
        start += n
    return [[{"a": a, "b": b} for a, b in itertools.combinations(ev, 2)] for ev in events]


@pytest.mark.parametrize("mask_kind", ["jagged", "flat"])
def test_combinations_masked_then_field_ufunc(mask_kind):
    ev = ak.unflatten(ak.Array(EVENTS), COUNTS)
    pairs = ak.combinations(ev[ev.pt > 20], 2, fields=["a", "b"])
    model = model_pairs()
    assert pairs.to_list() == model
    if mask_kind == "jagged":
        mask = pairs.a.pt > 30
        kept = [[p for p in sub if p["a"]["pt"] > 30] for sub in model]
    else:
        mask = ak.num(pairs) > 1
        kept = [sub for sub in model if len(sub) > 1]
    selected = pairs[mask]
    check_no_nesting(selected.a.layout)
    assert selected.to_list() == kept
    assert np.cos(selected.a.phi).to_list() == [
        [pytest.approx(math.cos(p["a"]["phi"])) for p in sub] for sub in kept
    ]
    assert (selected.a.pt + selected.b.pt).to_list() == [
        [p["a"]["pt"] + p["b"]["pt"] for p in sub] for sub in kept
    ]


# ---------------------------------------------------------------------- Parquet reproducer
MUONS = [
    {"muons": [{"pt": 1.0, "eta": 0.5}, None, {"pt": None, "eta": 1.0}]},
    {"muons": []},
    {"muons": [{"pt": 3.0, "eta": None}, {"pt": 4.5, "eta": 2.0}]},
]


def test_parquet_generate_bitmasks_field_sum(tmp_path):
    pytest.importorskip("pyarrow")
    path = str(tmp_path / "muons.parquet")
    ak.to_parquet(ak.Array(MUONS), path)
    events = ak.from_parquet(path, generate_bitmasks=True)
    pt = events.muons.pt
    check_no_nesting(pt.layout)
    expected = [[None if m is None else m["pt"] for m in ev["muons"]] for ev in MUONS]
    assert pt.to_list() == expected
    assert ak.sum(pt) == pytest.approx(sum(v for sub in expected for v in sub if v is not None))
    assert ak.sum(pt, axis=1).to_list() == pytest.approx(
        [sum(v for v in sub if v is not None) for sub in expected]
    )


# ---------------------------------------------------------------------- lazy lengths
MUON_FORM = {
    "class": "ListOffsetArray",
    "offsets": "i64",
    "form_key": "o",
    "content": {
        "class": "BitMaskedArray",
        "mask": "u8",
        "valid_when": True,
        "lsb_order": True,
        "form_key": "m",
        "content": {
            "class": "RecordArray",
            "fields": ["pt", "eta"],
            "contents": [
                {
                    "class": "BitMaskedArray",
                    "mask": "u8",
                    "valid_when": True,
                    "lsb_order": True,
                    "form_key": "pm",
                    "content": {"class": "NumpyArray", "primitive": "float64", "form_key": "pt"},
                },
                {"class": "NumpyArray", "primitive": "float64", "form_key": "eta"},
            ],
        },
    },
}
OFFSETS = [0, 3, 3, 5]
OUTER_BITS = [True, True, False, True, True]
PT_BITS = [True, False, True, False, True]
PT = [1.0, 2.0, 3.0, 4.0, 5.0]
ETA = [0.0, 10.0, 20.0, 30.0, 40.0]


def lazy_muons():
    lazy = Lazy()
    buffers = {
        "o-offsets": lazy.buffer(np.array(OFFSETS, np.int64), "o-offsets"),
        "m-mask": lazy.buffer(bits(OUTER_BITS), "m-mask"),
        "pm-mask": lazy.buffer(bits(PT_BITS), "pm-mask"),
        "pt-data": lazy.buffer(np.array(PT), "pt-data"),
        "eta-data": lazy.buffer(np.array(ETA), "eta-data"),
    }
    return lazy, ak.from_buffers(ak.forms.from_dict(MUON_FORM), 3, buffers)


def muon_model(field, inner_bits=None):
    out = []
    for a, b in zip(OFFSETS[:-1], OFFSETS[1:]):
        values = ETA if field == "eta" else PT
        out.append(
            [
                None
                if not OUTER_BITS[i] or (inner_bits is not None and not inner_bits[i])
                else values[i]
                for i in range(a, b)
            ]
        )
    return out


def test_bitmasked_unknown_length_field_keeps_length_generator():
    lazy, events = lazy_muons()
    bitmasked = events.layout.content
    if bitmasked.length is not ak._nplikes.shape.unknown_length:
        pytest.skip("from_buffers resolved the BitMaskedArray's length eagerly")
    eta = events.eta.layout
    assert lazy.total == 0  # projecting a plain field reads nothing
    assert isinstance(eta.content, BitMaskedArray)
    assert len(eta.content) == OFFSETS[-1]  # the length generator came along
    assert lazy.calls["pt-data"] == 0 and lazy.calls["eta-data"] == 0
    assert events.eta.to_list() == muon_model("eta")
    # the option field composes with the outer mask; the data is still not read
    _, events = lazy_muons()
    pt = events.pt
    check_no_nesting(pt.layout)
    assert pt.to_list() == muon_model("pt", PT_BITS)
    assert ak.sum(pt) == pytest.approx(
        sum(v for sub in muon_model("pt", PT_BITS) for v in sub if v is not None)
    )


def test_bitmasked_fields_subset_keeps_length_generator():
    lazy, events = lazy_muons()
    subset = events[["eta"]].layout.content
    assert isinstance(subset, BitMaskedArray)
    assert len(subset) == OFFSETS[-1]
    assert lazy.calls["pt-data"] == 0 and lazy.calls["eta-data"] == 0
    assert events[["eta"]].to_list() == [
        [None if r is None else {"eta": r} for r in sub] for sub in muon_model("eta")
    ]


def test_bitmasked_new_keeps_length_generator_directly():
    content = RecordArray([NumpyArray(np.arange(5.0))], ["x"])
    calls = []

    def length():
        calls.append(1)
        return 5

    array = BitMaskedArray(
        IndexU8(bits([True, False, True, True, False])),
        content,
        True,
        ak._nplikes.shape.unknown_length,
        True,
        length,
    )
    field = array._getitem_field("x")
    assert len(field) == 5 and calls
    assert field.to_list() == [0.0, None, 2.0, 3.0, None]
    assert len(array._getitem_fields(["x"])) == 5


RECORD_FORM = {
    "class": "ListOffsetArray",
    "offsets": "i64",
    "form_key": "o",
    "content": {
        "class": "RecordArray",
        "fields": ["x", "y"],
        "contents": [
            {"class": "NumpyArray", "primitive": "float64", "form_key": "x"},
            {"class": "NumpyArray", "primitive": "int64", "form_key": "y"},
        ],
    },
}


def test_recordarray_unknown_length_subset_and_tuple_keep_length_generator():
    lazy = Lazy()
    buffers = {
        "o-offsets": lazy.buffer(np.array(OFFSETS, np.int64), "o-offsets"),
        "x-data": lazy.buffer(np.array(PT), "x-data"),
        "y-data": lazy.buffer(np.arange(5), "y-data"),
    }
    events = ak.from_buffers(ak.forms.from_dict(RECORD_FORM), 3, buffers)
    rec = events.layout.content
    for derived in (rec._getitem_fields(["x"]), rec.to_tuple()):
        assert len(derived) == OFFSETS[-1]
    assert lazy.calls["x-data"] == 0 and lazy.calls["y-data"] == 0
    model = [[{"x": PT[i]} for i in range(a, b)] for a, b in zip(OFFSETS[:-1], OFFSETS[1:])]
    assert events[["x"]].to_list() == model


def test_regulararray_size_zero_field_keeps_length_generator():
    form = {
        "class": "ListOffsetArray",
        "offsets": "i64",
        "form_key": "o",
        "content": {
            "class": "RegularArray",
            "size": 0,
            "content": {
                "class": "RecordArray",
                "fields": ["x", "y"],
                "contents": [
                    {"class": "NumpyArray", "primitive": "float64", "form_key": "x"},
                    {"class": "NumpyArray", "primitive": "float64", "form_key": "y"},
                ],
            },
        },
    }
    lazy = Lazy()
    buffers = {
        "o-offsets": lazy.buffer(np.array(OFFSETS, np.int64), "o-offsets"),
        "x-data": lazy.buffer(np.zeros(0), "x-data"),
        "y-data": lazy.buffer(np.zeros(0), "y-data"),
    }
    events = ak.from_buffers(ak.forms.from_dict(form), 3, buffers)
    model = [[[] for _ in range(b - a)] for a, b in zip(OFFSETS[:-1], OFFSETS[1:])]
    for derived in (events.x, events[["x"]]):
        regular = derived.layout.content
        assert isinstance(regular, RegularArray)
        assert len(regular) == OFFSETS[-1]
    assert lazy.calls["x-data"] == 0 and lazy.calls["y-data"] == 0  # the length needs offsets only
    for derived in (events.x, events[["x"]]):
        assert derived.to_list() == model
    assert len(ak.to_packed(events.x).layout.content) == OFFSETS[-1]


# ---------------------------------------------------------------------- broadcasting
def test_broadcast_indexed_action_returning_option():
    data = [1.0, 2.0, 3.0]
    index = [2, 0, 1]
    valid = [True, False, True]
    layout = IndexedArray(Index64(np.array(index)), NumpyArray(np.array(data)))

    def action(inputs, **kwargs):
        (x,) = inputs
        if x.is_numpy:
            return (ByteMaskedArray(Index8(np.array(valid, np.int8)), x, True),)
        return None

    (out,) = broadcast_and_apply([layout], action)
    check_no_nesting(out)
    assert out.is_option
    assert out.to_list() == [data[i] if valid[i] else None for i in index]


# ---------------------------------------------------------------------- carry through options
OPTION_OUTERS = ["byte_masked", "byte_masked_false", "bit_masked", "bit_masked_msb", "unmasked"]


@pytest.mark.parametrize(
    ("outer", "field"), list(itertools.product(OPTION_OUTERS, ["numpy", "indexed_option"]))
)
def test_option_over_record_integer_array_slice(outer, field):
    """A lazy carry of a record is an IndexedArray: the option node composes with it."""
    content, rows = record(field)
    layout = OUTERS[outer](content)
    items = model_outer(outer, rows)
    picks = [len(items) - 1, 0, 2, 1, 0]
    out = ak.Array(layout)[picks]
    check_no_nesting(out.layout)
    assert out.layout.validity_error() == ""
    assert out.to_list() == [items[i] for i in picks]
    assert out.x.to_list() == [None if items[i] is None else items[i]["x"] for i in picks]
    assert out.layout.is_option


@pytest.mark.parametrize("outer", OPTION_OUTERS)
def test_option_over_record_jagged_mask(outer):
    content, rows = record("numpy")
    items = model_outer(outer, rows)
    offsets = [0, 2, 2, len(items)]
    layout = ListOffsetArray(Index64(np.array(offsets)), OUTERS[outer](content))
    lists = [items[a:b] for a, b in zip(offsets[:-1], offsets[1:])]
    mask = [[i % 2 == 0 for i in range(len(sub))] for sub in lists]
    out = ak.Array(layout)[ak.Array(mask)]
    check_no_nesting(out.layout)
    expected = [[r for r, keep in zip(sub, m) if keep] for sub, m in zip(lists, mask)]
    assert out.to_list() == expected
    assert out.y.to_list() == [[None if r is None else r["y"] for r in sub] for sub in expected]


@pytest.mark.parametrize(("outer", "field"), CASES)
def test_typetracer_projection_and_carry_forms(outer, field):
    """On the typetracer backend the same nodes are built (forms equal to the cpu results)."""
    layout = OUTERS[outer](record(field)[0])
    concrete_array = ak.Array(layout)
    tracer = ak.to_backend(concrete_array, "typetracer")
    check_no_nesting(tracer.x.layout)
    assert tracer.x.layout.form == concrete_array.x.layout.form
    assert tracer[[0, 1]].layout.form == concrete_array[[0, 1]].layout.form
