"""Reducers: result dtypes, the nan-variants, records with behavior overloads, errors, laziness
(generator calls counted) and numpy's spellings (np.sum ...). Plain and virtualized."""

import math

import numpy as np
import pytest
from _reducer_model import reduce_at, same
from counting_buffers import Lazy

import awkward as ak
from awkward.contents import ListOffsetArray, NumpyArray, RecordArray
from awkward.errors import AxisError
from awkward.index import Index64

INTS = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]


def jagged_of(values, offsets=(0, 2, 2, 3)):
    return ak.Array(ListOffsetArray(Index64(np.array(offsets)), NumpyArray(np.asarray(values))))


# ---------------------------------------------------------------------- dtypes
@pytest.mark.parametrize(
    "dtype", ["bool", *INTS, "float16", "float32", "float64", "complex64", "complex128"]
)
@pytest.mark.parametrize("op", ["sum", "prod"])
def test_sum_and_prod_promote_as_numpy_does(op, dtype):
    values = np.array([1, 2, 3], dtype=dtype)
    out = getattr(ak, op)(jagged_of(values), axis=1)
    expected_dtype = getattr(np, op)(values[:2]).dtype
    assert out.layout.data.dtype == expected_dtype
    want = [
        getattr(np, op)(values[:2]).item(),
        getattr(np, op)(values[:0]).item(),
        values[2].item(),
    ]
    assert out.to_list() == want
    whole = getattr(ak, op)(jagged_of(values), axis=None)
    assert whole.dtype == expected_dtype and whole == getattr(np, op)(values)


@pytest.mark.parametrize("dtype", ["bool", *INTS, "float16", "float32", "float64"])
@pytest.mark.parametrize("op", ["min", "max"])
def test_min_and_max_keep_the_dtype(op, dtype):
    values = np.array([2, 1, 3], dtype=dtype)
    out = getattr(ak, op)(jagged_of(values), axis=1, mask_identity=False)
    assert out.layout.data.dtype == values.dtype
    empty = out.to_list()[1]
    if values.dtype.kind == "f":
        assert empty == (math.inf if op == "min" else -math.inf)
    elif values.dtype.kind == "b":
        assert empty is (op == "min")
    else:
        info = np.iinfo(values.dtype)
        assert empty == (info.max if op == "min" else info.min)
    assert out.to_list()[0] == getattr(np, op)(values[:2]).item()


@pytest.mark.parametrize("dtype", ["bool", *INTS, "float16", "float32", "float64"])
def test_argmin_argmax_any_all_count_nonzero_dtypes(dtype):
    array = jagged_of(np.array([0, 1, 1], dtype=dtype))
    assert ak.argmax(array, axis=1).to_list() == [1, None, 0]
    assert ak.argmin(array, axis=1).to_list() == [0, None, 0]
    assert ak.any(array, axis=1).to_list() == [True, False, True]
    assert ak.all(array, axis=1).to_list() == [False, True, True]
    assert ak.count_nonzero(array, axis=1).to_list() == [1, 0, 1]
    assert str(ak.count_nonzero(array, axis=1).type) == "3 * int64"
    assert str(ak.any(array, axis=1).type) == "3 * bool"


def test_datetimes_and_timedeltas():
    days = np.array(["2020-01-01", "2021-01-01", "2019-05-05"], dtype="datetime64[D]")
    array = jagged_of(days)
    assert ak.max(array, axis=1).to_list()[0] == days[1].item()
    assert ak.min(array, axis=1).to_list() == [days[0].item(), None, days[2].item()]
    assert ak.argmax(array, axis=1).to_list() == [1, None, 0]
    assert str(ak.max(array, axis=1).type) == "3 * ?datetime64[D]"
    assert np.isnat(ak.max(array, axis=1, mask_identity=False).layout.data[1])
    with pytest.raises(ValueError, match="cannot compute the sum"):
        ak.sum(array, axis=1)
    seconds = jagged_of(np.array([5, 7, 1], dtype="timedelta64[s]"))
    total = ak.sum(seconds, axis=1)
    assert total.layout.data.dtype == np.dtype("timedelta64[s]")
    assert total.layout.data.tolist() == [
        np.timedelta64(12, "s"),
        np.timedelta64(0, "s"),
        np.timedelta64(1, "s"),
    ]
    assert ak.max(seconds, axis=None) == np.timedelta64(7, "s")


def test_complex_sum_and_prod_but_no_ordering():
    array = ak.Array([[1 + 2j, 2], [3]])
    assert ak.sum(array, axis=1).to_list() == [3 + 2j, 3 + 0j]
    assert ak.prod(array, axis=1).to_list() == [2 + 4j, 3 + 0j]
    assert ak.any(array, axis=1).to_list() == [True, True]
    for op in ("min", "max", "argmin", "argmax", "nanmin"):
        with pytest.raises(
            TypeError, match=f"ak.{op.replace('nan', '')}: complex numbers have no ordering"
        ):
            getattr(ak, op)(array, axis=1)


# ---------------------------------------------------------------------- NaN
NAN = float("nan")
WITH_NAN = [[1.0, NAN, 3.0], [NAN], [], [None, 2.0, NAN]]


def _without_nan(data):
    return [[None if (v is not None and math.isnan(v)) else v for v in row] for row in data]


@pytest.mark.parametrize("op", ["sum", "prod", "min", "max", "argmin", "argmax"])
@pytest.mark.parametrize("mask_identity", [False, True])
def test_nan_variants_skip_nan(op, mask_identity):
    array = ak.Array(WITH_NAN)
    got = getattr(ak, "nan" + op)(array, axis=1, mask_identity=mask_identity)
    want = reduce_at(op, _without_nan(WITH_NAN), 1, "f", mask_identity, False, 2)
    assert same(got.to_list(), want)
    plain = getattr(ak, op)(array, axis=1, mask_identity=mask_identity)
    assert same(plain.to_list(), reduce_at(op, WITH_NAN, 1, "f", mask_identity, False, 2))


def test_nan_behaviour_of_the_plain_reducers():
    array = ak.Array(WITH_NAN)
    assert same(ak.sum(array, axis=1).to_list(), [NAN, NAN, 0.0, NAN])
    assert ak.max(array, axis=1).to_list() == [3.0, -math.inf, None, 2.0]  # NaN never wins
    assert ak.argmax(array, axis=1).to_list() == [2, 0, None, 1]
    assert ak.nanmax(array, axis=1).to_list() == [3.0, None, None, 2.0]
    assert ak.nanargmin(array, axis=None) == 0
    assert ak.nanmin(array, axis=None) == 1.0
    assert ak.nansum(array, axis=None) == 6.0
    assert ak.count_nonzero(array, axis=1).to_list() == [3, 1, 0, 2]


# ---------------------------------------------------------------------- records
def _points(with_name="P"):
    return ak.Array(
        [[{"x": 1, "y": 2.0}, {"x": 5, "y": 2.0}], [], [{"x": 3, "y": 4.0}]], with_name=with_name
    )


def _sum_points(calls):
    def overload(array, mask_identity):
        calls.append((array.to_list(), mask_identity))
        return ak.zip({"x": ak.sum(array.x, axis=-1), "y": ak.sum(array.y, axis=-1)}, with_name="P")

    return overload


def test_record_overload_at_axis_1_0_and_none():
    calls = []
    behavior = {(ak.sum, "P"): _sum_points(calls)}
    out = ak.sum(_points(), axis=1, behavior=behavior)
    assert out.to_list() == [{"x": 6, "y": 4.0}, {"x": 0, "y": 0.0}, {"x": 3, "y": 4.0}]
    assert calls == [(_points().to_list(), False)]
    calls.clear()
    out = ak.sum(_points(), axis=0, behavior=behavior)
    assert calls[0][0] == [[{"x": 1, "y": 2.0}, {"x": 3, "y": 4.0}], [{"x": 5, "y": 2.0}]]
    assert out.to_list() == [{"x": 4, "y": 6.0}, {"x": 5, "y": 2.0}]
    out = ak.sum(_points(), axis=None, behavior=behavior)
    assert isinstance(out, ak.Record) and out.to_list() == {"x": 9, "y": 8.0}
    kept = ak.sum(_points(), axis=1, keepdims=True, behavior=behavior)
    assert str(kept.type) == "3 * 1 * P[x: int64, y: float64]"


def test_record_overload_from_the_global_behavior_and_count():
    ak.behavior[(ak.count, "P")] = lambda array, mask_identity: ak.num(array, axis=-1)
    try:
        out = ak.count(_points(), axis=1, mask_identity=True)
    finally:
        del ak.behavior[(ak.count, "P")]
    assert out.to_list() == [2, None, 1]
    assert str(out.type) == "3 * ?int64"


def test_count_nonzero_overload():
    behavior = {
        (ak.count_nonzero, "P"): lambda array, mask_identity: ak.num(array.x[array.x > 2], axis=-1)
    }
    assert ak.count_nonzero(_points(), axis=1, behavior=behavior).to_list() == [1, 0, 1]


@pytest.mark.parametrize("axis", [None, 0, 1, -1])
def test_records_without_a_behavior_are_a_type_error(axis):
    with pytest.raises(TypeError, match="no ak.sum overloads for custom types: x, y"):
        ak.sum(_points(None), axis=axis)
    with pytest.raises(TypeError, match="no ak.max overloads for custom types: x, y"):
        ak.max(_points(), axis=axis, behavior={(ak.sum, "P"): _sum_points([])})
    fields = ak.Array({"x": [[1, 2], [3]], "y": [[1.5], []]})
    with pytest.raises(TypeError, match="no ak.count overloads for custom types: x, y"):
        ak.count(fields, axis=axis)


# ---------------------------------------------------------------------- errors
@pytest.mark.parametrize("axis", [2, 3, -3])
def test_axis_out_of_range(axis):
    with pytest.raises(AxisError, match=f"ak.sum: axis={axis} exceeds the depth"):
        ak.sum(ak.Array([[1, 2], [3]]), axis=axis)
    with pytest.raises(AxisError):
        ak.argmax(ak.Array([[1, 2], [3]]), axis=axis)


def test_axis_must_be_an_integer():
    with pytest.raises(TypeError, match="ak.sum: 'axis' must be an integer or None"):
        ak.sum(ak.Array([[1]]), axis=1.5)


def test_unions_and_variable_depth():
    with pytest.raises(ValueError, match="cannot call ak.sum on an irreducible UnionArray"):
        ak.sum(ak.Array([[1, 2], ["x"]]), axis=1)
    with pytest.raises(ValueError, match="nested list structure of variable depth"):
        ak.sum(ak.Array([[1, 2], [3.5, [1]]]), axis=1)


# ---------------------------------------------------------------------- laziness
def _events(lazy):
    x = ListOffsetArray(
        lazy.index([0, 2, 2, 5], "x.offsets"), lazy.numpy([1.0, 2.0, 3.0, 4.0, 5.0], "x.data")
    )
    y = ListOffsetArray(lazy.index([0, 1, 2, 3], "y.offsets"), lazy.numpy([7, 8, 9], "y.data"))
    return ak.Array(RecordArray([x, y], ["x", "y"]))


def test_sum_reads_only_the_offsets_and_data_of_the_field():
    lazy = Lazy()
    events = _events(lazy)
    assert ak.sum(events.x, axis=1).to_list() == [3.0, 0.0, 12.0]
    assert dict(lazy.calls) == {"x.offsets": 1, "x.data": 1}


def test_count_reads_offsets_and_masks_only():
    lazy = Lazy()
    offsets = lazy.index([0, 3, 3, 5], "offsets")
    index = lazy.index([0, -1, 1, 2, -1], "index")
    from awkward.contents import IndexedOptionArray

    layout = ListOffsetArray(
        offsets, IndexedOptionArray(index, lazy.numpy([1.0, 2.0, 3.0], "data"))
    )
    assert ak.count(layout, axis=1).to_list() == [2, 0, 1]
    assert ak.count(layout, axis=None) == 3
    assert "data" not in lazy.calls
    plain = ListOffsetArray(
        lazy.index([0, 2, 3], "plain.offsets"), lazy.numpy([1, 2, 3], "plain.data")
    )
    assert ak.count(plain, axis=-1).to_list() == [2, 1]
    assert "plain.data" not in lazy.calls


def test_axis_none_on_a_lazy_array_reads_each_buffer_once():
    lazy = Lazy()
    events = _events(lazy)
    assert ak.max(events.x, axis=None) == 5.0
    assert lazy.calls["x.data"] == 1 and "y.data" not in lazy.calls


# ---------------------------------------------------------------------- numpy spellings
@pytest.mark.parametrize(
    "function, op",
    [
        (np.sum, "sum"),
        (np.prod, "prod"),
        (np.any, "any"),
        (np.all, "all"),
        (np.min, "min"),
        (np.amin, "min"),
        (np.max, "max"),
        (np.amax, "max"),
        (np.argmin, "argmin"),
        (np.argmax, "argmax"),
        (np.count_nonzero, "count_nonzero"),
        (np.nansum, "nansum"),
        (np.nanprod, "nanprod"),
        (np.nanmin, "nanmin"),
        (np.nanmax, "nanmax"),
        (np.nanargmin, "nanargmin"),
        (np.nanargmax, "nanargmax"),
        (np.ptp, "ptp"),
    ],
)
def test_numpy_functions_dispatch(function, op):
    array = ak.Array([[1.0, 0.0, 3.0], [], [2.0]])
    assert same(function(array, axis=1).to_list(), getattr(ak, op)(array, axis=1).to_list())
    assert same(as_scalar(function(array)), as_scalar(getattr(ak, op)(array, axis=None)))


def as_scalar(value):
    return value.item() if isinstance(value, np.generic) else value


def test_numpy_keepdims_and_highlevel_false():
    array = ak.Array([[1, 2], [3]])
    assert np.prod(array, axis=-1, keepdims=True).to_list() == [[2], [3]]
    layout = ak.sum(array, axis=1, highlevel=False)
    assert isinstance(layout, NumpyArray) and layout.to_list() == [3, 3]
