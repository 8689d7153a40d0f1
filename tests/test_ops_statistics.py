"""ak.mean/var/std/moment/covar/corr/linear_fit/softmax and the nan-variants against
pure-Python models on to_list data (math.fsum), plain and virtualized."""

import math

import numpy as np
import pytest

import awkward as ak
from awkward.contents import ListOffsetArray, RecordArray
from awkward.errors import AxisError
from awkward.index import Index64
from tests.counting_buffers import Lazy

NAN = float("nan")


# ---------------------------------------------------------------------- models
def _stat(kind, xs, ws, ddof=0, n=1):
    pairs = [(x, w) for x, w in zip(xs, ws) if x is not None and w is not None]
    if not pairs:
        return None
    sw = math.fsum(w for _, w in pairs)
    with np.errstate(all="ignore"):
        if kind == "moment":
            return np.float64(math.fsum(w * x**n for x, w in pairs)) / np.float64(sw)
        m = np.float64(math.fsum(w * x for x, w in pairs)) / np.float64(sw)
        if kind == "mean":
            return m
        ss = np.float64(math.fsum(w * (x - m) ** 2 for x, w in pairs))
        v = (ss / np.float64(sw)) * (np.float64(sw) / np.float64(sw - ddof))
        return v if kind == "var" else np.sqrt(v)


def _model(kind, data, weights, axis, mask_identity, ddof=0, n=1, depth=None):
    """axis None or the innermost axis (-1) of nested lists of ``depth`` levels."""

    def finish(v):
        return None if v is None and mask_identity else (NAN if v is None else float(v))

    if axis is None:
        xs, ws = _leaves(data), _leaves(weights) if weights is not None else None
        return finish(_stat(kind, xs, ws or [1] * len(xs), ddof, n))
    if data is None:
        return None
    if depth is None:
        depth = ak.Array(data).ndim if isinstance(data, list) and data else 1
    if depth > 1:
        wl = weights if weights is not None else [None] * len(data)
        return [
            _model(kind, d, w, axis, mask_identity, ddof, n, depth - 1) for d, w in zip(data, wl)
        ]
    ws = weights if weights is not None else [1] * len(data)
    return finish(_stat(kind, data, ws, ddof, n))


def _leaves(data):
    if isinstance(data, list):
        return [y for x in data for y in _leaves(x)]
    return [data]


def _close(got, expected):
    if isinstance(expected, list):
        assert isinstance(got, list) and len(got) == len(expected), (got, expected)
        for g, e in zip(got, expected):
            _close(g, e)
    elif expected is None:
        assert got is None
    elif math.isnan(expected):
        assert got is not None and math.isnan(got)
    else:
        assert got == pytest.approx(expected, rel=1e-9, abs=1e-12)


ARRAYS = {
    "jagged": [[1.5, 2, 3], [], [4, 5], [6]],
    "jagged_int": [[1, 2, 3], [], [4, 5], [7, 7]],
    "option": [[1, None, 3], None, [], [4, 5]],
    "nested": [[[1, 2], [3]], [], [[4, 5, 6], [], [7]]],
    "empty": [[], []],
    "flat": [1.0, 2.5, 4.0],
}


def _weights(data):
    if isinstance(data, list):
        return [_weights(x) for x in data]
    return None if data is None else 1.0 + (abs(data) * 7) % 3


@pytest.mark.parametrize("name", list(ARRAYS))
@pytest.mark.parametrize("axis", [None, -1, "innermost"])
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("mask_identity", [False, True])
@pytest.mark.parametrize("kind", ["mean", "var", "std", "var1", "moment"])
def test_table(name, axis, weighted, mask_identity, kind):
    data = ARRAYS[name]
    array = ak.Array(data)
    if axis == "innermost":
        axis = array.ndim - 1
    weights = _weights(data) if weighted else None
    w = ak.Array(weights) if weighted else None
    kw = {"axis": axis, "mask_identity": mask_identity}
    if kind == "mean":
        got, model = ak.mean(array, w, **kw), ("mean", {})
    elif kind == "moment":
        got, model = ak.moment(array, 3, w, **kw), ("moment", {"n": 3})
    else:
        ddof = 1 if kind == "var1" else 0
        function = ak.std if kind == "std" else ak.var
        got, model = (
            function(array, w, ddof, **kw),
            ("std" if kind == "std" else "var", {"ddof": ddof}),
        )
    expected = _model(
        model[0], data, weights, -1 if axis is not None else None, mask_identity, **model[1]
    )
    if not isinstance(got, ak.Array):  # axis=None, or axis 0 of flat data: a scalar
        _close(None if got is None else float(got), expected)
    else:
        _close(got.to_list(), expected)
        assert str(got.type).endswith("?float64" if mask_identity else "float64")


@pytest.mark.parametrize("function", [ak.mean, ak.var, ak.std])
def test_keepdims_shapes(function):
    array = ak.Array([[1.0, 2, 3], [], [4, 5]])
    assert str(function(array, axis=1, keepdims=True).type) == "3 * 1 * float64"
    assert str(function(array, axis=None, keepdims=True).type) == "1 * 1 * float64"
    assert (
        str(function(array, axis=1, keepdims=True, mask_identity=True).type) == "3 * 1 * ?float64"
    )
    regular = ak.to_regular(ak.Array([[1, 2], [3, 4], [5, 6]]))
    assert str(function(regular, axis=0, keepdims=True).type) == "1 * 2 * float64"


def test_mean_axis0_and_nested():
    data = [[1, 2, 3], [], [4, 5]]
    got = ak.mean(ak.Array(data), axis=0).to_list()
    columns = [[row[i] for row in data if len(row) > i] for i in range(3)]
    _close(got, [math.fsum(c) / len(c) for c in columns])
    nested = ARRAYS["nested"]
    got = ak.mean(ak.Array(nested), axis=1).to_list()
    expected = []
    for outer in nested:
        width = max((len(x) for x in outer), default=0)
        cols = [[x[i] for x in outer if len(x) > i] for i in range(width)]
        expected.append([math.fsum(c) / len(c) for c in cols])
    _close(got, expected)


def test_dtypes():
    ints = ak.values_astype(ak.Array([[1, 2], [3]]), np.int8)
    assert str(ak.mean(ints, axis=1).type) == "2 * float64"
    assert ak.mean(ak.Array([[True, False], [True]]), axis=1).to_list() == [0.5, 1.0]
    c = ak.mean(ak.Array([[1 + 1j, 2], [3j]]), axis=1)
    assert str(c.type) == "2 * complex128"
    assert c.to_list() == [1.5 + 0.5j, 3j]
    v = ak.var(ak.Array([[1 + 1j, 2], [3j]]), axis=1)
    assert str(v.type) == "2 * float64"
    _close(v.to_list(), [0.5, 0.0])
    assert isinstance(ak.mean(ak.Array([1, 2])), np.float64)


def test_nan_variants():
    data = [[1.0, NAN, 3], [], [NAN], [6]]
    array = ak.Array(data)
    clean = [[x for x in row if not math.isnan(x)] for row in data]
    _close(ak.nanmean(array, axis=1).to_list(), _model("mean", clean, None, -1, True))
    _close(ak.nanvar(array, axis=1).to_list(), _model("var", clean, None, -1, True))
    _close(
        ak.nanstd(array, axis=1, mask_identity=False).to_list(),
        _model("std", clean, None, -1, False),
    )
    assert math.isnan(ak.mean(array, axis=1)[0])
    _close(float(ak.nanmean(array)), _model("mean", clean, None, None, True))


def _pairs_model(kind, xs, ys, ws):
    sw = math.fsum(ws)
    if not xs:
        return None
    with np.errstate(all="ignore"):
        mx = np.float64(math.fsum(w * x for x, w in zip(xs, ws))) / sw
        my = np.float64(math.fsum(w * y for y, w in zip(ys, ws))) / sw
        sxy = math.fsum(w * (x - mx) * (y - my) for x, y, w in zip(xs, ys, ws))
        if kind == "covar":
            return np.float64(sxy) / sw
        sxx = math.fsum(w * (x - mx) ** 2 for x, w in zip(xs, ws))
        syy = math.fsum(w * (y - my) ** 2 for y, w in zip(ys, ws))
        return np.float64(sxy) / np.sqrt(np.float64(sxx) * np.float64(syy))


@pytest.mark.parametrize("kind", ["covar", "corr"])
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("mask_identity", [False, True])
def test_covar_corr(kind, weighted, mask_identity):
    xs = [[1, 2, 3], [], [4, 5], [1]]
    ys = [[2, 5, 3], [], [4, 6], [2]]
    ws = [[1, 2, 3], [], [1, 1], [2]] if weighted else [[1] * len(r) for r in xs]
    function = getattr(ak, kind)
    got = function(
        xs and ak.Array(xs),
        ak.Array(ys),
        ak.Array(ws) if weighted else None,
        axis=1,
        mask_identity=mask_identity,
    )
    expected = []
    for x, y, w in zip(xs, ys, ws):
        v = _pairs_model(kind, x, y, w)
        expected.append(None if v is None and mask_identity else (NAN if v is None else float(v)))
    got = got.to_list()
    for g, e in zip(got, expected):
        if e is not None and not math.isnan(e):
            assert g == pytest.approx(e, abs=1e-12)
        elif e is None:
            assert g is None
        else:
            assert math.isnan(g)
    flat = function(ak.Array(xs), ak.Array(ys), ak.Array(ws) if weighted else None)
    assert float(flat) == pytest.approx(
        _pairs_model(kind, _leaves(xs), _leaves(ys), _leaves(ws)), abs=1e-12
    )


def _fit_model(xs, ys, ws):
    s, sx, sy = (
        math.fsum(ws),
        math.fsum(w * x for x, w in zip(xs, ws)),
        math.fsum(w * y for y, w in zip(ys, ws)),
    )
    sxx = math.fsum(w * x * x for x, w in zip(xs, ws))
    sxy = math.fsum(w * x * y for x, y, w in zip(xs, ys, ws))
    d = s * sxx - sx * sx
    return {
        "intercept": (sxx * sy - sx * sxy) / d,
        "slope": (s * sxy - sx * sy) / d,
        "intercept_error": math.sqrt(sxx / d),
        "slope_error": math.sqrt(s / d),
    }


def test_linear_fit():
    xs, ys = [[1, 2, 3], [], [4, 5]], [[2, 5, 3], [], [4, 6]]
    got = ak.linear_fit(ak.Array(xs), ak.Array(ys), axis=1)
    assert str(got.type).startswith("3 * LinearFit[intercept: float64, slope: float64")
    rows = got.to_list()
    for row, x, y in zip(rows, xs, ys):
        if x:
            expected = _fit_model(x, y, [1] * len(x))
            for key, value in expected.items():
                assert row[key] == pytest.approx(value)
        else:
            assert all(math.isnan(v) for v in row.values())
    masked = ak.linear_fit(ak.Array(xs), ak.Array(ys), axis=1, mask_identity=True).to_list()
    assert masked[1] == {k: None for k in rows[1]}
    whole = ak.linear_fit(ak.Array(xs), ak.Array(ys))
    assert isinstance(whole, ak.Record)
    expected = _fit_model(_leaves(xs), _leaves(ys), [1] * 5)
    for key, value in expected.items():
        assert whole[key] == pytest.approx(value)
    kept = ak.linear_fit(ak.Array(xs), ak.Array(ys), keepdims=True)
    assert str(kept.type).startswith("1 * LinearFit[intercept: 1 * float64")


def test_softmax():
    data = [[1.0, 2, 3], [], [4, 5], [1]]
    got = ak.softmax(ak.Array(data)).to_list()
    expected = [[math.exp(x) / math.fsum(math.exp(y) for y in row) for x in row] for row in data]
    _close(got, expected)
    _close(ak.softmax(ak.Array(data), axis=1).to_list(), expected)
    flat = ak.softmax(ak.Array([1.0, 2, 3])).to_list()
    _close(flat, [math.exp(x) / math.fsum(math.exp(y) for y in [1, 2, 3]) for x in [1, 2, 3]])
    nested = [[[1.0, 2], [3]], [[4]]]
    _close(
        ak.softmax(ak.Array(nested)).to_list(),
        [[[math.exp(x) / math.fsum(math.exp(y) for y in r) for x in r] for r in o] for o in nested],
    )
    with pytest.raises(NotImplementedError, match="only defined for axis=-1, but axis=0"):
        ak.softmax(ak.Array(data), axis=0)
    with pytest.raises(ValueError, match="requires an explicit axis"):
        ak.softmax(ak.Array(data), axis=None)


def test_numpy_dispatch():
    array = ak.Array([[1.0, 2, 3], [], [4, 5]])
    assert np.mean(array, axis=1).to_list()[::2] == ak.mean(array, axis=1).to_list()[::2]
    _close(
        np.var(array, axis=1, ddof=1).to_list(),
        _model("var", array.to_list(), None, -1, False, ddof=1),
    )
    _close(np.std(array, 1).to_list(), _model("std", array.to_list(), None, -1, False))
    assert float(np.var(array)) == pytest.approx(_model("var", array.to_list(), None, None, False))


def test_errors():
    array = ak.Array([[1.0, 2], [3]])
    for function in (ak.mean, ak.var, ak.std, ak.nanmean):
        with pytest.raises(AxisError, match=r"axis=2 exceeds the depth"):
            function(array, axis=2)
        with pytest.raises(AxisError, match=r"axis=-3 exceeds the depth"):
            function(array, axis=-3)
    records = ak.Array([[{"x": 1}], [{"x": 2}]])
    with pytest.raises(TypeError, match="no ak.count overloads for custom types: x"):
        ak.mean(records, axis=1)
    with pytest.raises(TypeError, match="no ak.count overloads for custom types: x"):
        ak.var(records, axis=1)
    with pytest.raises(TypeError, match="ak.mean"):
        ak.mean(array, weight=2, axis=1)


def test_lazy_mean_reads_x_only():
    lazy = Lazy()
    offsets = Index64(lazy.buffer([0, 2, 2, 5], "x-offsets", np.int64))
    x = ListOffsetArray(offsets, lazy.numpy([1.0, 2, 3, 4, 5], "x-data"))
    y = ListOffsetArray(
        Index64(lazy.buffer([0, 1, 1, 2], "y-offsets", np.int64)), lazy.numpy([9.0, 8], "y-data")
    )
    events = ak.Array(RecordArray([x, y], ["x", "y"]))
    assert lazy.total == 0
    got = ak.mean(events.x, axis=1).to_list()
    _close(got, [1.5, NAN, 4.0])
    assert set(lazy.calls) == {"x-offsets", "x-data"}
    assert all(count == 1 for count in lazy.calls.values())
    ak.var(events.x, axis=1)
    assert set(lazy.calls) == {"x-offsets", "x-data"}
