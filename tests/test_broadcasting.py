"""broadcast_and_apply: a table of layout kinds x partners checked against a pure-Python model
of the broadcasting rules (on to_list data), plain and rebuilt from lazy buffers; error
messages; laziness measured by counting generator calls."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

import awkward as ak
from awkward._broadcasting import broadcast_and_apply
from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    Content,
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


# ---------------------------------------------------------------------- layouts under test
def jagged(counts, start=0):
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return ListOffsetArray(Index64(offsets), NumpyArray(np.arange(start, start + offsets[-1], dtype=np.int64)))


KINDS = {
    "numpy": lambda: NumpyArray(np.array([1, 2, 3], dtype=np.int64)),
    "regular": lambda: RegularArray(NumpyArray(np.arange(6, dtype=np.int64)), 2),
    "listoffset": lambda: jagged([2, 0, 3]),
    "listoffset_shifted": lambda: ListOffsetArray(
        Index64(np.array([1, 3, 3, 6])), NumpyArray(np.arange(10, 17, dtype=np.int64))
    ),
    "list": lambda: ListArray(
        Index64(np.array([3, 0, 0])), Index64(np.array([5, 0, 3])), NumpyArray(np.arange(5, dtype=np.int64))
    ),
    "indexed": lambda: IndexedArray(Index64(np.array([2, 0, 1])), NumpyArray(np.array([10, 20, 30]))),
    "indexedoption": lambda: IndexedOptionArray(Index64(np.array([2, -1, 0])), jagged([3, 1, 2])),
    "bytemasked": lambda: ByteMaskedArray(
        Index8(np.array([1, 0, 1], dtype=np.int8)), NumpyArray(np.array([1, 2, 3])), valid_when=True
    ),
    "bitmasked": lambda: BitMaskedArray(
        IndexU8(np.packbits(np.array([1, 1, 0], dtype=np.uint8), bitorder="little")),
        jagged([2, 0, 3]),
        valid_when=True,
        length=3,
        lsb_order=True,
    ),
    "unmasked": lambda: UnmaskedArray(NumpyArray(np.array([4, 5, 6]))),
    "record": lambda: RecordArray([NumpyArray(np.array([1, 2, 3])), jagged([2, 0, 3])], ["x", "y"]),
    "union": lambda: UnionArray(
        Index8(np.array([0, 1, 0], dtype=np.int8)),
        Index64(np.array([0, 0, 1])),
        [NumpyArray(np.array([7, 8])), jagged([2], start=9)],
    ),
}

PARTNERS = {
    "scalar": lambda: 100,
    "flat": lambda: NumpyArray(np.array([1000, 2000, 3000])),
    "jagged": lambda: jagged([2, 0, 3], start=500),
    "jagged_other": lambda: jagged([1, 1, 1], start=700),
    "record": lambda: RecordArray([NumpyArray(np.array([1, 2, 3])), jagged([2, 0, 3], start=50)], ["x", "y"]),
    "record_xz": lambda: RecordArray([NumpyArray(np.array([1, 2, 3])), NumpyArray(np.array([4, 5, 6]))], ["x", "z"]),
}


# ---------------------------------------------------------------------- pure-Python model
class Incompatible(Exception):
    pass


def model(a, b):
    """awkward's broadcasting rules on Python data (lists, dicts, None, numbers)."""
    if a is None or b is None:
        return None
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            raise Incompatible("fields")
        return {k: model(a[k], b[k]) for k in a}
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            raise Incompatible("lengths")
        return [model(x, y) for x, y in zip(a, b)]
    if isinstance(a, list):
        return [model(x, b) for x in a]
    if isinstance(b, list):
        return [model(a, y) for y in b]
    if isinstance(a, dict):
        return {k: model(v, b) for k, v in a.items()}
    if isinstance(b, dict):
        return {k: model(a, v) for k, v in b.items()}
    return a + b


def model_top(a, b):
    if isinstance(a, list) and isinstance(b, list) and len(a) != len(b):
        raise Incompatible("lengths")
    if isinstance(a, list) and isinstance(b, list):
        return [model(x, y) for x, y in zip(a, b)]
    if isinstance(a, list):
        return [model(x, b) for x in a]
    return [model(a, y) for y in b]


def add_at_leaves(inputs, *, depth, backend):
    if all(not isinstance(x, Content) or (x.is_numpy and len(x.shape) == 1) for x in inputs):
        args = [x.data if isinstance(x, Content) else x for x in inputs]
        return (NumpyArray(backend.nplike.apply_ufunc(np.add, "__call__", args), backend=backend),)
    return None


# ---------------------------------------------------------------------- lazy rebuilding
class LazySource:
    """The layout rebuilt by ak.from_buffers from counting generators."""

    def __init__(self, layout):
        form, length, buffers = ak.to_buffers(layout)
        self.calls = Counter()

        def generator(key):
            def generate():
                self.calls[key] += 1
                return buffers[key]

            return generate

        self.keys = list(buffers)
        self.layout = ak.from_buffers(
            form, length, {key: generator(key) for key in buffers}, highlevel=False
        )


def build(maker, mode):
    value = maker()
    if mode == "lazy" and isinstance(value, Content):
        return LazySource(value).layout
    return value


def as_list(value):
    return value.to_list() if isinstance(value, Content) else value


# ---------------------------------------------------------------------- the table
@pytest.mark.parametrize("mode", ["plain", "lazy"])
@pytest.mark.parametrize("partner", sorted(PARTNERS))
@pytest.mark.parametrize("kind", sorted(KINDS))
@pytest.mark.parametrize("order", ["kind_first", "partner_first"])
def test_broadcast_table(kind, partner, mode, order):
    left, right = build(KINDS[kind], mode), build(PARTNERS[partner], mode)
    if order == "partner_first":
        left, right = right, left
    try:
        if kind == "regular" and partner == "flat":
            # both purely regular: NumPy's right alignment, (3, 2) against (3,) -> 2 != 3
            raise Incompatible("right-aligned shapes")
        expected = model_top(as_list(left), as_list(right))
    except Incompatible:
        with pytest.raises(ValueError, match="cannot broadcast"):
            broadcast_and_apply([left, right], add_at_leaves)
        return
    (out,) = broadcast_and_apply([left, right], add_at_leaves)
    assert out.to_list() == expected
    assert out.validity_error() == ""


@pytest.mark.parametrize("mode", ["plain", "lazy"])
def test_three_inputs_and_nesting(mode):
    a = build(lambda: jagged([2, 0, 3]), mode)
    b = build(lambda: NumpyArray(np.array([10, 20, 30])), mode)
    c = build(
        lambda: ListOffsetArray(Index64(np.array([0, 2, 2, 5])), jagged([1, 2, 0, 1, 1], start=100)), mode
    )

    def add3(inputs, *, depth, backend):
        if all(not isinstance(x, Content) or x.is_numpy for x in inputs):
            total = 0
            for x in inputs:
                total = total + (x.data if isinstance(x, Content) else x)
            return (NumpyArray(backend.nplike.asarray(total)),)
        return None

    (out,) = broadcast_and_apply([a, b, c, 1], add3)
    al, bl, cl = a.to_list(), b.to_list(), c.to_list()
    expected = [
        [[ai + bi + ci + 1 for ci in cj] for ai, cj in zip(aj, ck)] for aj, bi, ck in zip(al, bl, cl)
    ]
    assert out.to_list() == expected


def test_regular_size_one_broadcasts():
    a = RegularArray(NumpyArray(np.array([1, 2])), 1)  # [[1], [2]]
    b = jagged([3, 2])
    (out,) = broadcast_and_apply([a, b], add_at_leaves)
    assert out.to_list() == [[1, 2, 3], [5, 6]]
    (out,) = broadcast_and_apply([a, RegularArray(NumpyArray(np.arange(6)), 3)], add_at_leaves)
    assert out.to_list() == [[1, 2, 3], [5, 6, 7]]


def test_right_broadcast_of_regular_dimensions():
    a = NumpyArray(np.ones((3, 4), dtype=np.int64))
    b = NumpyArray(np.arange(4))
    (out,) = broadcast_and_apply([a, b], add_at_leaves)
    assert out.to_list() == (np.ones((3, 4), dtype=np.int64) + np.arange(4)).tolist()
    (out,) = broadcast_and_apply([b, a], add_at_leaves, right_broadcast=True)
    assert len(out) == 3
    with pytest.raises(ValueError, match="different lengths"):
        broadcast_and_apply([a, b], add_at_leaves, right_broadcast=False)


def test_left_broadcast_flag():
    with pytest.raises(ValueError, match="left_broadcast"):
        broadcast_and_apply([jagged([1, 2]), NumpyArray(np.array([1, 2]))], add_at_leaves, left_broadcast=False)


def test_depth_limit_returns_aligned_inputs():
    a, b = jagged([2, 1]), NumpyArray(np.array([10, 20]))
    one, two = broadcast_and_apply([a, b], lambda inputs, **kw: None, depth_limit=2)
    assert one.to_list() == [[0, 1], [2]]
    assert two.to_list() == [[10, 10], [20]]
    one, two = broadcast_and_apply([a, 5], lambda inputs, **kw: None, depth_limit=1)
    assert one.to_list() == [[0, 1], [2]]
    assert two.to_list() == [5, 5]


def test_parameters_rules():
    a = ListOffsetArray(Index64(np.array([0, 1, 3])), NumpyArray(np.arange(3)), parameters={"p": 1, "q": 2})
    b = ListOffsetArray(Index64(np.array([0, 1, 3])), NumpyArray(np.arange(3)), parameters={"p": 1})
    (out,) = broadcast_and_apply([a, b], add_at_leaves, broadcast_parameters_rule="intersect")
    assert out.parameters == {"p": 1}
    (out,) = broadcast_and_apply([a, b], add_at_leaves, broadcast_parameters_rule="all_or_nothing")
    assert out.parameters == {}
    (out,) = broadcast_and_apply([a, b], add_at_leaves, broadcast_parameters_rule="none")
    assert out.parameters == {}
    one, two = broadcast_and_apply([a, b], lambda inputs, **kw: None, depth_limit=2)
    assert one.parameters == {"p": 1, "q": 2} and two.parameters == {"p": 1}
    with pytest.raises(ValueError, match="broadcast_parameters_rule"):
        broadcast_and_apply([a, b], add_at_leaves, broadcast_parameters_rule="bogus")


# ---------------------------------------------------------------------- errors
def test_error_names_position_of_incompatible_lists():
    a, b = jagged([1, 2, 3]), jagged([1, 5, 3])
    with pytest.raises(ValueError, match=r"position 1.*lengths 2 and 5"):
        broadcast_and_apply([a, b], add_at_leaves)


def test_error_for_outer_lengths():
    with pytest.raises(ValueError, match=r"different lengths \(3, 2\)"):
        broadcast_and_apply([jagged([1, 2, 3]), jagged([1, 2])], add_at_leaves)


def test_error_for_mismatched_fields():
    with pytest.raises(ValueError, match=r"different fields.*\['x', 'y'\].*\['x', 'z'\]"):
        broadcast_and_apply([KINDS["record"](), PARTNERS["record_xz"]()], add_at_leaves)


def test_error_for_regular_sizes_and_bad_inputs():
    a = RegularArray(NumpyArray(np.arange(6)), 3)
    b = RegularArray(NumpyArray(np.arange(4)), 2)
    with pytest.raises(ValueError, match="sizes"):
        broadcast_and_apply([a, b], add_at_leaves)
    with pytest.raises(TypeError, match="at least one layout"):
        broadcast_and_apply([1, 2], add_at_leaves)
    with pytest.raises(TypeError, match="not defined"):
        broadcast_and_apply([NumpyArray(np.arange(3))], lambda inputs, **kw: None)


# ---------------------------------------------------------------------- laziness
def test_jagged_plus_scalar_reads_only_content_and_shares_offsets():
    from awkward._nplikes.numpy import Numpy
    from awkward._nplikes.virtual import VirtualNDArray

    calls = Counter()

    def counted(name, array):
        def generate():
            calls[name] += 1
            return array

        return VirtualNDArray(Numpy.instance(), array.shape, array.dtype, generate)

    offsets = Index64(counted("offsets", np.array([0, 2, 2, 5], dtype=np.int64)))
    content = NumpyArray(counted("content", np.arange(5, dtype=np.int64)))
    layout = ListOffsetArray(offsets, content)
    (out,) = broadcast_and_apply([layout, 1], add_at_leaves)
    assert out.offsets is layout.offsets  # shared, not copied
    assert calls == {"content": 1}  # offsets never read
    assert out.to_list() == [[1, 2], [], [3, 4, 5]]

    # from_buffers: the content's length comes from the offsets, which are read at most once
    source = LazySource(jagged([2, 0, 3]))
    (out,) = broadcast_and_apply([source.layout, 1], add_at_leaves)
    assert out.offsets is source.layout.offsets
    assert all(n == 1 for n in source.calls.values())


def test_option_and_indexed_alone_keep_their_buffers():
    for maker in (KINDS["indexedoption"], KINDS["bytemasked"], KINDS["indexed"], KINDS["bitmasked"]):
        source = LazySource(maker())
        (out,) = broadcast_and_apply([source.layout, 1], add_at_leaves)
        assert all(n == 1 for n in source.calls.values()), maker
        structure = source.layout._buffers_by_attribute()
        assert all(out._buffers_by_attribute()[k] is v for k, v in structure.items())  # reused
        assert out.to_list() == model_top(maker().to_list(), 1)


def test_record_field_plus_scalar_does_not_touch_other_field():
    source = LazySource(KINDS["record"]())
    x = source.layout["x"]
    (out,) = broadcast_and_apply([x, 1], add_at_leaves)
    assert out.to_list() == [2, 3, 4]
    y_keys = [k for k in source.keys if k not in {key for key in source.calls}]
    assert y_keys  # y's buffers exist ...
    assert all(source.calls[k] == 0 for k in y_keys)  # ... and were never generated


# ---------------------------------------------------------------------- ak.broadcast_arrays / ak.where
def zeros_like(value):
    if isinstance(value, list):
        return [zeros_like(x) for x in value]
    return None if value is None else 0


def test_ak_broadcast_arrays_against_model():
    flat = [1, 2, None]
    nested = [[1, 2], [], [3, 4, 5]]
    deeper = [[[1], [2, 3]], [], [[4], [], [5]]]
    one, two, three, four = ak.broadcast_arrays(ak.Array(flat), ak.Array(nested), ak.Array(deeper), 7)
    # the common shape, 0 at the leaves; a missing value in any input is missing in every output
    zero = model_top(zeros_like(deeper), zeros_like(flat))
    assert one.to_list() == model_top(zero, flat)
    assert two.to_list() == model_top(zero, nested)
    assert three.to_list() == model_top(zero, deeper)
    assert four.to_list() == model_top(zero, 7)


def test_ak_broadcast_arrays_records_and_depth_limit():
    records = ak.Array([{"x": 1, "y": [1]}, {"x": 2, "y": []}])
    nested = ak.Array([[1, 2], [3]])
    a, b = ak.broadcast_arrays(records, nested)
    assert a.to_list() == [[records[0].to_list()] * 2, [records[1].to_list()]]
    assert b.to_list() == nested.to_list()
    a, b = ak.broadcast_arrays(ak.Array([1, 2]), ak.Array([[[1], [2, 3]], [[4]]]), depth_limit=2)
    assert a.to_list() == [[1, 1], [2]]
    assert b.to_list() == [[[1], [2, 3]], [[4]]]
    with pytest.raises(ValueError, match="depth_limit"):
        ak.broadcast_arrays(nested, depth_limit=0)
    with pytest.raises(ValueError, match="position"):
        ak.broadcast_arrays(nested, ak.Array([[1], [2]]))


def test_ak_where_against_model():
    cond = [[True, False], [], [False, True, True]]
    x = [[1, 2], [], [3, 4, 5]]
    y = [10.5, 20.5, 30.5]
    out = ak.where(ak.Array(cond), ak.Array(x), ak.Array(y))

    def pick(c, a, b):
        return a if c else b

    expected = [[pick(c, a, yi) for c, a in zip(cj, xj)] for cj, xj, yi in zip(cond, x, y)]
    assert out.to_list() == expected
    assert ak.where(ak.Array([True, None, False]), 1, 2).to_list() == [1, None, 2]


def test_ak_where_mergebool_and_nonzero():
    merged = ak.where(ak.Array([True, False]), ak.Array([1, 2]), ak.Array([False, True]))
    assert merged.layout.is_numpy
    unmerged = ak.where(ak.Array([True, False]), ak.Array([1, 2]), ak.Array([False, True]), mergebool=False)
    assert unmerged.layout.is_union
    assert unmerged.to_list() == [1, True]
    (positions,) = ak.where(ak.Array([True, False, True]))
    assert positions.to_list() == [0, 2]
    with pytest.raises(TypeError, match="0 or 2"):
        ak.where(ak.Array([True]), 1)
    with pytest.raises(ValueError, match="flat"):
        ak.where(ak.Array([[True]]))
