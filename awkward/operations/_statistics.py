"""What the statistics functions share (ak.mean, var, std, moment, covar, corr, linear_fit,
softmax and the nan-variants): weighted sums composed from the reducers.

Every statistic is a few ``awkward._reducers.reduce`` calls (Sum, Count) and element-wise
arithmetic on their results, as awkward 2.14 defines them:

* ``mean = sum(w*x) / sum(w)`` (``sum(w)`` is ``count(x)`` without weights, which reads no
  values); integers give float64, complex stays complex;
* ``var = sum(w*|x - mean|**2) / sum(w)``, times ``sum(w) / (sum(w) - ddof)``: two passes, the
  mean broadcast back over the reduced axis (``_deviations``);
* an empty list gives NaN (0/0), or None under ``mask_identity``: only the ``sum(w)`` reduction
  is masked, and the arithmetic carries its missing values into the result.

``Stats`` unwraps the arguments once and holds the axis; ``posaxis == 0`` is turned into axis 1
of the arrays wrapped in one length-1 regular list (so that the keepdims mean broadcasts back),
and unwrapped at the end. Reduced values are Contents, or numpy scalars (and None) for
``axis=None``; ``apply`` does arithmetic on either, directly on the buffers when the results are
flat NumpyArrays (the common case), through broadcasting otherwise.
"""

from __future__ import annotations

from awkward._do import check_posaxis, regularize_axis
from awkward._nplikes.dtypes import int64
from awkward._nplikes.typetracer import MaybeNone
from awkward._reducers import Count, Sum, list_offsets, reduce
from awkward.contents._typetracer import one_list_of
from awkward.contents.bytemaskedarray import ByteMaskedArray
from awkward.contents.content import (
    Content,
    as_length,
    concrete,
    length_of,
    maybe_equal,
    unknown_length,
)
from awkward.contents.indexedoptionarray import IndexedOptionArray
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.numpyarray import NumpyArray
from awkward.contents.regulararray import RegularArray
from awkward.index import Index64
from awkward.operations._elementwise import map_values_n, numpy_function
from awkward.operations._layout_args import HighLevelContext

__all__ = ["Stats", "apply", "ufunc", "run"]


def ufunc(name):
    return numpy_function(name)


_ERRSTATE = None


def _errstate():
    """0/0 is NaN and x/0 inf, as in awkward 2.14, without RuntimeWarnings."""
    global _ERRSTATE
    if _ERRSTATE is None:
        _ERRSTATE = numpy_function("errstate")
    return _ERRSTATE(divide="ignore", invalid="ignore", over="ignore")


# ---------------------------------------------------------------------- arithmetic on results
def apply(function, *values):
    """``function(*buffers)`` element by element over reduced values: Contents (broadcast),
    numpy scalars, or None (a masked scalar: the result is None)."""
    if any(isinstance(v, MaybeNone) for v in values):
        # a typetracer's maybe-missing scalar (mask_identity at axis=None): so is the result
        out = apply(function, *(v.content if isinstance(v, MaybeNone) else v for v in values))
        return out if isinstance(out, Content) else MaybeNone(out)
    contents = [v for v in values if isinstance(v, Content)]
    with _errstate():
        if not contents:
            if any(v is None for v in values):
                return None
            return function(*values)
        if all(isinstance(v, Content) or v is not None for v in values):
            fast = _apply_flat(function, values, contents)
            if fast is not None:
                return fast
        values = [float("nan") if v is None else v for v in values]
        return map_values_n(
            values, lambda args, backend: _call(function, args, backend), function="statistics"
        )


def _call(function, args, backend):
    """``function(*args)``; a ufunc on the jax backend goes through jax.numpy (differentiable)."""
    if backend.name == "jax" and hasattr(function, "nin"):
        return backend.nplike.apply_ufunc(function, "__call__", args)
    return function(*args)


def _apply_flat(function, values, contents):
    """Flat NumpyArrays of one length, at most one ByteMaskedArray over one (its mask is kept)."""
    length = length_of(contents[0])
    mask = None
    args = []
    for value in values:
        if isinstance(value, Content):
            if not maybe_equal(length_of(value), length):
                return None
            if value.is_option and isinstance(value, ByteMaskedArray) and mask is None:
                mask = value
                value = value.content
                if value.length != length:
                    return None
            if not (value.is_numpy and len(value.data.shape) == 1):
                return None
            args.append(value.data)
        else:
            args.append(value)
    backend = contents[0].backend
    out = NumpyArray(_call(function, args, backend), backend=backend)
    if mask is not None:
        return ByteMaskedArray(mask.mask, out, valid_when=mask.valid_when)
    return out


def _square_abs(x):
    if x.dtype.kind == "c":
        return ufunc("absolute")(x) ** 2  # as awkward 2.14 (ufuncs materialize virtual x)
    return x * x


# ---------------------------------------------------------------------- the statistics
def _is_plain_jagged(layout):
    """A one-level list of flat numbers without parameters: deviations by ``repeat``."""
    if not layout.is_list or layout.is_regular or layout._parameters:
        return False
    content = layout.content
    return content.is_numpy and not content._parameters and len(content.inner_shape) == 0


def _spread(reduced, x, axis, dim):
    """``reduced`` (a keepdims reduction of ``x`` at ``axis``) laid out exactly as ``x``: the
    element of ``x`` at ``[..., j, k1, ..., kn]`` (``j`` along ``axis``) gets the value at
    ``[..., 0, k1, ..., kn]``. Both have one length; ``dim`` counts the list levels above."""
    nplike = x.backend.index_nplike
    if x.is_numpy and len(x.inner_shape) > 0:
        x = x.to_RegularArray()
    if reduced.is_numpy and len(reduced.inner_shape) > 0:
        reduced = reduced.to_RegularArray()
    if x.is_option or x.is_indexed or reduced.is_option or reduced.is_indexed:
        x_valid, x = _valid_items(x, nplike)
        r_valid, reduced = _valid_items(reduced, nplike)
        valid = x_valid if r_valid is None else r_valid if x_valid is None else x_valid & r_valid
        if valid is None:
            return _spread(reduced, x, axis, dim)
        (chosen,) = nplike.nonzero(valid)
        chosen = Index64(nplike.astype(chosen, int64, copy=False), nplike=nplike)
        inner = _spread(reduced._carry(chosen, False), x._carry(chosen, False), axis, dim)
        before = nplike.cumsum(nplike.astype(valid, int64)) - 1
        index = nplike.where(valid, before, -1)
        return IndexedOptionArray(Index64(index, nplike=nplike), inner)
    if not x.is_list:
        return reduced  # the leaves (or a structure the arithmetic will refuse)
    x_offsets, x_content = list_offsets(x)
    r_offsets, r_content = list_offsets(reduced)
    first, last = as_length(x_offsets[0]), as_length(x_offsets[-1])
    counts = x_offsets[1:] - x_offsets[:-1]
    starts = nplike.repeat(r_offsets[:-1], counts)
    if dim != axis:  # position k of list i is position k of reduced list i
        local = nplike.arange(first, last, dtype=int64) - nplike.repeat(x_offsets[:-1], counts)
        starts = starts + local
    r_content = r_content._carry(Index64(starts, nplike=nplike), False)
    inner = _spread(r_content, x_content._getitem_range(first, last), axis, dim + 1)
    if x.is_regular:  # regular stays regular (the types of the results depend on it)
        return RegularArray(inner, x.size, length_of(x))
    offsets = x_offsets - first if first is unknown_length or first != 0 else x_offsets
    return ListOffsetArray(Index64(offsets, nplike=nplike), inner)


def _valid_items(node, nplike):
    """``(valid, items)``: a bool array (None: all valid) and an array with one item per
    position of ``node`` (its index applied; missing positions hold any item)."""
    if not (node.is_option or node.is_indexed):
        return None, node
    if node.is_option:
        node = node.to_IndexedOptionArray64()
    (index,) = concrete(node.index.data)
    content = node.content
    if not node.is_option:
        return None, content._carry(Index64(index, nplike=nplike), False)
    valid = index >= 0
    n = length_of(content)
    if n is not unknown_length and n == 0:
        return valid, content  # nothing valid: never carried
    safe = nplike.where(valid, index, 0)
    return valid, content._carry(
        Index64(nplike.astype(safe, int64, copy=False), nplike=nplike), False
    )


class Stats:
    """One call of a statistics function: the unwrapped arrays and the axis."""

    def __init__(self, name, arrays, axis, keepdims, mask_identity, behavior, attrs, *, nan=False):
        self.name = name
        axis = regularize_axis(axis, name)
        ctx = HighLevelContext(behavior, attrs)
        layouts = [None if a is None else ctx.unwrap(a, name, allow_record=False) for a in arrays]
        if nan:
            from awkward.operations.ak_nan_to_none import nan_to_none

            layouts = [
                x if not isinstance(x, Content) else nan_to_none(x, highlevel=False)
                for x in layouts
            ]
        self.ctx = ctx
        self.keepdims = bool(keepdims)
        self.mask_identity = bool(mask_identity)
        self.unwrap_axis0 = False
        first = layouts[0]
        if axis is not None:
            posaxis = check_posaxis(name, axis, first)
            if posaxis == 0:
                layouts = [
                    one_list_of(x) if isinstance(x, Content) else x for x in layouts
                ]
                axis, self.unwrap_axis0 = 1, True
            elif (
                posaxis is not None
                and axis < 0
                and first.form.minmax_depth[0] == first.form.minmax_depth[1]
            ):
                axis = posaxis
        self.axis = axis
        self.layouts = layouts
        # axis 1 of plain jagged arrays of depth 2: deviations without broadcasting
        self.jagged_axis = axis in (1, -1)

    # -- reductions --------------------------------------------------------------------
    def reduce(self, layout, reducer, *, keepdims=False, mask_identity=False):
        if self.axis is None:
            return reduce(layout, reducer, None, mask_identity, False, self.ctx.behavior)
        return reduce(layout, reducer, self.axis, mask_identity, keepdims, self.ctx.behavior)

    def sum(self, layout, **kwargs):
        return self.reduce(layout, Sum(), **kwargs)

    def weights(self, x, weight):
        """``weight`` broadcast to ``x`` (missing where either is), or None without weights."""
        if weight is None:
            return None

        def pick(args, backend):
            a, w = args
            nplike = backend.nplike
            return w if w.shape == a.shape else nplike.broadcast_to(w, a.shape)

        return map_values_n([x, weight], pick, function=self.name)

    def sumw(self, x, w, **kwargs):
        """sum(w), or count(x) without weights (reads no values)."""
        if w is None:
            return self.reduce(x, Count(), **kwargs)
        return self.sum(w, **kwargs)

    def weighted(self, x, w):
        return x if w is None else apply(ufunc("multiply"), x, w)

    def mean(self, x, w, *, keepdims=False, mask_identity=False):
        sumw = self.sumw(x, w, keepdims=keepdims, mask_identity=mask_identity)
        sumwx = self.sum(self.weighted(x, w), keepdims=keepdims)
        return apply(ufunc("true_divide"), sumwx, sumw)

    def fast(self, x):
        """Axis 1 of a plain jagged array of depth 2: broadcast back with ``repeat``."""
        return self.jagged_axis and _is_plain_jagged(x) and x.purelist_depth == 2

    def deviations(self, x, w):
        """``x - mean(x)`` with the mean broadcast back over the reduced axis."""
        subtract = ufunc("subtract")
        if self.axis is None:
            mean = self.mean(x, w)
            return apply(subtract, x, float("nan") if mean is None else mean)
        if self.fast(x):
            return self.broadcast_back(subtract, x, self.mean(x, w))
        mean = self.mean(x, w, keepdims=True)
        if isinstance(self.axis, int) and 0 < self.axis < x.purelist_depth - 1:
            # lists below the reduced axis: each element's mean is found by its position
            # within them, which broadcasting (the axis' length-1 dimension) cannot express
            mean = _spread(mean, x, self.axis, 1)
        return apply(subtract, x, mean)

    def broadcast_back(self, function, x, reduced):
        """``function(x, r)`` where ``r``, one value per list of the plain jagged ``x`` (a flat
        NumpyArray), is repeated over each list."""
        offsets, content = list_offsets(x)
        first, last = as_length(offsets[0]), as_length(offsets[-1])
        data = content._getitem_range(first, last).data
        nplike = x.backend.nplike
        spread = nplike.repeat(reduced.data, offsets[1:] - offsets[:-1])
        with _errstate():
            out = nplike.apply_ufunc(function, "__call__", (data, spread))
        new_offsets = offsets - first if first is unknown_length or first != 0 else offsets
        return ListOffsetArray(
            Index64(new_offsets, nplike=x.backend.index_nplike), NumpyArray(out, backend=x.backend)
        )

    # -- results -------------------------------------------------------------------------
    def finish(self, out):
        """Undo the axis-0 wrapping, apply keepdims to axis=None results, wrap high-level."""
        if self.axis is None:
            return self._keepdims_scalar(out) if self.keepdims else out
        if self.unwrap_axis0 and isinstance(out, Content):
            return out._getitem_at(0)
        return out

    def _keepdims_scalar(self, value, option=None):
        """``value`` in one-element lists as deep as the input; under mask_identity (or
        ``option``) an IndexedOptionArray whether or not it is missing, as in 2.14."""
        backend = self.layouts[0].backend
        nplike, index_nplike = backend.nplike, backend.index_nplike
        missing, maybe = value is None, isinstance(value, MaybeNone)
        if maybe:
            value = value.content
        data = nplike.asarray([float("nan")]) if missing else nplike.reshape(nplike.asarray(value), (1,))
        out = NumpyArray(data, backend=backend)
        if missing or maybe or (self.mask_identity if option is None else option):
            index = index_nplike.asarray([-1 if missing else 0], dtype=int64)
            out = IndexedOptionArray(Index64(index, nplike=index_nplike), out)
        for _ in range(self.layouts[0].purelist_depth - 1):
            out = RegularArray(out, 1, len(out))
        return out

    def wrap(self, out, highlevel):
        out = self.finish(out)
        if isinstance(out, Content):
            return self.ctx.wrap(out, highlevel)
        return out

    def wrap_record(self, fields, names, record_name, highlevel):
        """A record array of finished fields (Contents), or one record of scalars."""
        from awkward.contents.recordarray import RecordArray

        parameters = {"__record__": record_name}
        if all(isinstance(f, Content) for f in fields):
            return self.ctx.wrap(RecordArray(fields, names, parameters=parameters), highlevel)
        # a tracer's maybe-missing field: the form of the eager run that has values
        fields = [f.content if isinstance(f, MaybeNone) else f for f in fields]
        scalars = [self._keepdims_scalar(f, False) for f in fields]  # length 1 (depth 1 here)
        scalars = [f if f.is_numpy or f.is_option else f.content for f in scalars]
        while any(f.is_regular for f in scalars):
            scalars = [f.content if f.is_regular else f for f in scalars]
        record = RecordArray(scalars, names, 1, parameters=parameters)._getitem_at(0)
        return self.ctx.wrap(record, highlevel)


def run(
    name, compute, arrays, axis, keepdims, mask_identity, highlevel, behavior, attrs, *, nan=False
):
    """``compute(stats, *layouts, weights)`` for ``arrays`` (the last one is the weight or None)."""
    st = Stats(name, arrays, axis, keepdims, mask_identity, behavior, attrs, nan=nan)
    *data, weight = st.layouts
    return st.wrap(compute(st, *data, st.weights(data[0], weight)), highlevel)


# ---------------------------------------------------------------------- one function each
def mean(st, x, w):
    return st.mean(x, w, keepdims=st.keepdims, mask_identity=st.mask_identity)


def var(st, x, w, ddof):
    sumw = st.sumw(x, w, keepdims=st.keepdims, mask_identity=st.mask_identity)
    squares = apply(_square_abs, st.deviations(x, w))
    sumsq = st.sum(st.weighted(squares, w), keepdims=st.keepdims)
    if ddof:
        return apply(lambda s, n: (s / n) * (n / (n - ddof)), sumsq, sumw)  # 0/0: NaN
    return apply(ufunc("true_divide"), sumsq, sumw)


def std(st, x, w, ddof):
    return apply(ufunc("sqrt"), var(st, x, w, ddof))


def moment(st, x, n, w):
    sumw = st.sumw(x, w, keepdims=st.keepdims, mask_identity=st.mask_identity)
    powers = apply(lambda v: v**n, x)
    sumwxn = st.sum(st.weighted(powers, w), keepdims=st.keepdims)
    return apply(ufunc("true_divide"), sumwxn, sumw)


def covar(st, x, y, w):
    sumw = st.sumw(x, w, keepdims=st.keepdims, mask_identity=st.mask_identity)
    products = apply(ufunc("multiply"), st.deviations(x, w), st.deviations(y, w))
    sumwxy = st.sum(st.weighted(products, w), keepdims=st.keepdims)
    return apply(ufunc("true_divide"), sumwxy, sumw)


def corr(st, x, y, w):
    dx, dy = st.deviations(x, w), st.deviations(y, w)
    multiply = ufunc("multiply")
    sumwxy = st.sum(
        st.weighted(apply(multiply, dx, dy), w),
        keepdims=st.keepdims,
        mask_identity=st.mask_identity,
    )
    sumwxx = st.sum(st.weighted(apply(_square_abs, dx), w), keepdims=st.keepdims)
    sumwyy = st.sum(st.weighted(apply(_square_abs, dy), w), keepdims=st.keepdims)
    sqrt = ufunc("sqrt")
    return apply(lambda xy, xx, yy: xy / sqrt(xx * yy), sumwxy, sumwxx, sumwyy)


LINEAR_FIT_FIELDS = ["intercept", "slope", "intercept_error", "slope_error"]


def linear_fit(st, x, y, w):
    """The four LinearFit fields (weighted least squares of y = intercept + slope * x)."""
    multiply = ufunc("multiply")
    kd = st.keepdims
    sumw = st.sumw(x, w, keepdims=kd, mask_identity=st.mask_identity)
    sumwx = st.sum(st.weighted(x, w), keepdims=kd)
    sumwy = st.sum(st.weighted(y, w), keepdims=kd)
    sumwxx = st.sum(st.weighted(apply(multiply, x, x), w), keepdims=kd)
    sumwxy = st.sum(st.weighted(apply(multiply, x, y), w), keepdims=kd)
    sqrt = ufunc("sqrt")

    def delta(s, sx, sxx):
        return s * sxx - sx * sx

    fields = [
        apply(lambda s, sx, sy, sxx, sxy: (sxx * sy - sx * sxy) / delta(s, sx, sxx),
              sumw, sumwx, sumwy, sumwxx, sumwxy),
        apply(lambda s, sx, sy, sxx, sxy: (s * sxy - sx * sy) / delta(s, sx, sxx),
              sumw, sumwx, sumwy, sumwxx, sumwxy),
        apply(lambda s, sx, sxx: sqrt(sxx / delta(s, sx, sxx)), sumw, sumwx, sumwxx),
        apply(lambda s, sx, sxx: sqrt(s / delta(s, sx, sxx)), sumw, sumwx, sumwxx),
    ]  # fmt: skip
    return [st.finish(f) for f in fields]


def softmax(st, x):
    """exp(x) / sum(exp(x)) over the innermost axis (the only one awkward 2.14 allows)."""
    expx = apply(ufunc("exp"), x)
    if st.fast(expx) and not st.mask_identity:
        return st.broadcast_back(ufunc("true_divide"), expx, st.sum(expx))
    denominator = st.sum(expx, keepdims=True, mask_identity=st.mask_identity)
    return apply(ufunc("true_divide"), expx, denominator)
