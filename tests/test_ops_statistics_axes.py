"""ak.var/std/covar/corr (and nan-variants) at axis 0 and other non-innermost axes of jagged,
nested, regular and option-type data, against a pure-Python model on to_list data; plain and
virtualized (--virtualize). The mean is spread back over the elements it came from by their
position within the lists below the reduced axis."""

import math

import numpy as np
import pytest

import awkward as ak

NAN = float("nan")


# ---------------------------------------------------------------------- model
def _zip(*trees):
    """One tree of tuples from trees of one structure (None where any is None)."""
    if any(t is None for t in trees):
        return None
    if isinstance(trees[0], list):
        return [_zip(*items) for items in zip(*trees)]
    return tuple(trees)


def _reduce(tree, axis, f, depth):
    """``f(leaves)`` over the groups of ``axis`` of a tree of ``depth`` list levels: item k of
    every list goes to group k."""
    if axis == 0:
        items = [t for t in tree if t is not None]
        if depth == 1:
            return f(items)
        longest = max((len(t) for t in items), default=0)
        groups = [[t[k] for t in items if k < len(t)] for k in range(longest)]
        return [_reduce(g, 0, f, depth - 1) for g in groups]
    return [None if t is None else _reduce(t, axis - 1, f, depth - 1) for t in tree]


def _moments(kind, ddof=0):
    def f(items):
        items = [t for t in items if t is not None]
        if not items:
            return NAN
        sw = math.fsum(t[-1] for t in items)
        mx = math.fsum(t[-1] * t[0] for t in items) / sw
        my = math.fsum(t[-1] * t[1] for t in items) / sw
        sxx = math.fsum(t[-1] * (t[0] - mx) ** 2 for t in items)
        syy = math.fsum(t[-1] * (t[1] - my) ** 2 for t in items)
        sxy = math.fsum(t[-1] * (t[0] - mx) * (t[1] - my) for t in items)
        with np.errstate(all="ignore"):
            sw, sxx, syy, sxy = map(np.float64, (sw, sxx, syy, sxy))
            var = (sxx / sw) * (sw / (sw - ddof))
            return float(
                {
                    "var": var,
                    "std": np.sqrt(var),
                    "covar": sxy / sw,
                    "corr": sxy / np.sqrt(sxx * syy),
                }[kind]
            )

    return f


def _model(kind, x, y, w, axis, ddof=0):
    return _reduce(_zip(x, y, w), axis, _moments(kind, ddof), ak.Array(x).ndim)


def _close(got, expected):
    if isinstance(expected, list):
        assert isinstance(got, list) and len(got) == len(expected), (got, expected)
        for g, e in zip(got, expected):
            _close(g, e)
    elif expected is None:
        assert got is None
    elif math.isnan(expected):
        assert got is not None and math.isnan(got), (got, expected)
    else:
        assert got == pytest.approx(expected, rel=1e-9, abs=1e-12), (got, expected)


def _like(data, fill):
    """A tree of ``data``'s structure with ``fill(value)`` at the leaves."""
    if data is None:
        return None
    if isinstance(data, list):
        return [_like(d, fill) for d in data]
    return fill(data)


def _squeeze(tree, axis):
    """Drop the length-1 list level at ``axis`` (keepdims undone)."""
    if tree is None:
        return None
    if axis == 0:
        assert len(tree) == 1
        return tree[0]
    return [_squeeze(t, axis - 1) for t in tree]


# ---------------------------------------------------------------------- cases
JAGGED = [[1.0, 2.0, 3.0], [], [4.0, 5.0], [6.5]]
NESTED = [[[1.0, 2.0], [3.0]], [[4.0], [5.0, 6.0, 7.0]], [], [[8.0, 9.0, 1.5, 2.5]]]
OPTIONS = [[1.0, None, 3.0], None, [4.0, 5.0], [None]]
NESTED_OPTIONS = [[[1.0, None], None, [3.0]], [[4.0], [5.0, 6.0, 7.0]], None, [[], [2.0]]]
DEEP = [[[[1.0], [2.0, 3.0]], [[4.0, 5.0]]], [[[6.0]], [[7.0], [8.0, 9.5]]]]

CASES = [
    (JAGGED, [0, -2]),
    (NESTED, [0, 1, -2, -3]),
    (OPTIONS, [0, -2]),
    (NESTED_OPTIONS, [0, 1, -3]),
    (DEEP, [0, 1, 2, -2, -3, -4]),
]


def _posaxis(data, axis):
    return axis if axis >= 0 else ak.Array(data).ndim + axis


def _other(data):
    return _like(data, lambda v: (v * 7.0) % 5.0 - v / 3.0)


def _weight(data):
    return _like(data, lambda v: 1.0 + (v * 3.0) % 2.0)


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("data,axes", CASES)
def test_var_std(data, axes, weighted):
    w = _weight(data) if weighted else _like(data, lambda v: 1.0)
    for axis in axes:
        pos = _posaxis(data, axis)
        for ddof in (0, 1):
            kw = {"weight": ak.Array(w)} if weighted else {}
            got = ak.var(ak.Array(data), axis=axis, ddof=ddof, **kw).to_list()
            _close(got, _model("var", data, data, w, pos, ddof))
            got = ak.std(ak.Array(data), axis=axis, ddof=ddof, **kw).to_list()
            _close(got, _model("std", data, data, w, pos, ddof))


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("data,axes", CASES)
def test_covar_corr(data, axes, weighted):
    y = _other(data)
    w = _weight(data) if weighted else _like(data, lambda v: 1.0)
    for axis in axes:
        pos = _posaxis(data, axis)
        kw = {"weight": ak.Array(w)} if weighted else {}
        for kind, function in (("covar", ak.covar), ("corr", ak.corr)):
            got = function(ak.Array(data), ak.Array(y), axis=axis, **kw).to_list()
            _close(got, _model(kind, data, y, w, pos))


@pytest.mark.parametrize("data,axes", CASES)
def test_keepdims_and_mask_identity(data, axes):
    for axis in axes:
        pos = _posaxis(data, axis)
        expected = _model("var", data, data, _like(data, lambda v: 1.0), pos)
        got = ak.var(ak.Array(data), axis=axis, keepdims=True)
        assert got.ndim == ak.Array(data).ndim
        _close(_squeeze(got.to_list(), pos), expected)
        masked = ak.var(ak.Array(data), axis=axis, mask_identity=True).to_list()
        _close(masked, _like(expected, lambda v: None if math.isnan(v) else v))


def test_regular_and_numpy():
    data = [[[1.0, 2.0], [3.0, 5.0]], [[4.0, 0.5], [6.0, 7.0]], [[2.0, 2.0], [1.0, 9.0]]]
    ones = _like(data, lambda v: 1.0)
    for array in (ak.Array(np.array(data)), ak.to_regular(ak.Array(data), axis=None)):
        for axis in (0, 1, -2, -3):
            pos = _posaxis(data, axis)
            _close(ak.var(array, axis=axis).to_list(), _model("var", data, data, ones, pos))
            y = _other(data)
            got = ak.covar(array, ak.Array(y), axis=axis).to_list()
            _close(got, _model("covar", data, y, ones, pos))
    # numpy gives the same for regular data
    assert np.allclose(ak.var(ak.Array(np.array(data)), axis=0).to_numpy(), np.var(data, axis=0))


def test_nan_variants():
    data = [[1.0, NAN, 3.0], [], [4.0, 5.0], [NAN]]
    clean = _like(data, lambda v: None if math.isnan(v) else v)
    ones = _like(data, lambda v: 1.0)
    _close(ak.nanvar(ak.Array(data), axis=0).to_list(), _model("var", clean, clean, ones, 0))
    _close(ak.nanstd(ak.Array(data), axis=0).to_list(), _model("std", clean, clean, ones, 0))
    _close(ak.var(ak.Array(data), axis=0).to_list(), [NAN, NAN, 0.0])


def test_result_type():
    assert str(ak.var(ak.Array(JAGGED), axis=0).type) == "3 * float64"
    assert str(ak.var(ak.Array(OPTIONS), axis=0).type) == "3 * float64"
    assert str(ak.std(ak.Array(NESTED), axis=1).type) == "4 * var * float64"


def test_softmax_innermost_only():
    with pytest.raises(NotImplementedError, match="axis=-1"):
        ak.softmax(ak.Array(JAGGED), axis=0)
