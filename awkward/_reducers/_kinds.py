"""The reducer objects: what distinguishes sum from max from count.

Each reducer supplies only a result dtype, an identity and a kernel choice; the walk over the
layout (``awkward._reducers._reduce``) is the same for all of them. ``segments`` reduces every
segment ``data[starts[i]:stops[i]]`` of a flat buffer through the ``awkward_reduce_<kind>``
kernel family; ``whole`` reduces a whole flat buffer (axis=None) through the nplike where numpy
is as fast. Dtypes the kernels do not cover are mapped onto ones they do: float16 runs in
float32, datetime64/timedelta64 as int64, complex sums as two float64 sums.
"""

from __future__ import annotations

from awkward._nplikes.dtypes import bool_, complex128, float32, float64, int64, uint64
from awkward.contents.content import concrete

__all__ = [
    "Reducer",
    "Sum",
    "Prod",
    "Any",
    "All",
    "Min",
    "Max",
    "ArgMin",
    "ArgMax",
    "Count",
    "CountNonzero",
]


def _int_bounds(dtype):
    bits = 8 * dtype.itemsize
    if dtype.kind == "u":
        return 0, 2**bits - 1
    return -(2 ** (bits - 1)), 2 ** (bits - 1) - 1


def _no_dtype(reducer, dtype):
    return ValueError(f"cannot compute the {reducer.name} (ak.{reducer.name}) of {dtype!r}")


def _check_segments(backend, family, dtypes, out, data, starts, stops, *extra):
    """One kernel call over segments: ``family(out, data, *extra, starts, stops, n, len(data))``."""
    jax_reduce = getattr(backend, "reduce_segments", None)
    if jax_reduce is not None:  # the jax backend: differentiable segment reductions
        return jax_reduce(family, dtypes, out, data, starts, stops, *extra)
    kernel = backend[(family, *dtypes)]
    kernel(out, data, *extra, starts, stops, starts.shape[0], data.shape[0])
    return out


class Reducer:
    """Base of the reducer objects (instances are cheap; make one per call).

    * ``name``: the ak function ("sum"), used in messages and behavior overload keys;
    * ``needs_position``: the result is a position along the reduced axis (argmin/argmax);
    * ``reads_data``: False when only the structure matters (count);
    * ``highlevel_function``: the ak.* function, registered by the operations layer, that
      keys ``behavior[(function, record_name)]`` overloads for records;
    * ``preferred_dtype``: the dtype an EmptyArray is reduced as.
    """

    name = "reducer"
    family: str | None = None
    needs_position = False
    reads_data = True
    preferred_dtype = float64
    highlevel_function = None

    def result_dtype(self, dtype):
        raise NotImplementedError

    def identity(self, dtype):
        """The value of an empty segment (before mask_identity)."""
        raise NotImplementedError

    def segments(self, backend, data, starts, stops):
        """One result per segment ``data[starts[i]:stops[i]]`` (int64 starts and stops)."""
        raise NotImplementedError

    def whole(self, backend, data):
        """The reduction of all of ``data`` (a flat buffer): a 0-d value of result_dtype."""
        nplike = backend.index_nplike
        starts = nplike.zeros(1, dtype=int64)
        stops = nplike.full(1, data.shape[0], dtype=int64)
        return self.segments(backend, data, starts, stops)[0]

    def __repr__(self):
        return f"{type(self).__name__}()"


# ---------------------------------------------------------------------- sum, prod
class _Additive(Reducer):
    """sum and prod: integers promote to 64 bits (signedness kept, bool counts as signed)."""

    neutral = 0

    def result_dtype(self, dtype):
        if dtype.kind in "bi":
            return int64
        if dtype.kind == "u":
            return uint64
        if dtype.kind in "fc":
            return dtype
        if dtype.kind == "m" and self.name == "sum":
            return dtype
        raise _no_dtype(self, dtype)

    def identity(self, dtype):
        return self.neutral

    def segments(self, backend, data, starts, stops):
        nplike = backend.nplike
        out_dtype = self.result_dtype(data.dtype)
        kind = data.dtype.kind
        if kind == "m":
            (data,) = concrete(data)
            out = self.segments(backend, data.view(int64), starts, stops)
            return out.view(out_dtype)
        if kind == "c":
            return self._complex(backend, data, starts, stops, out_dtype)
        if data.dtype.itemsize == 2 and kind == "f":  # float16 runs in float32
            out = self.segments(backend, nplike.astype(data, float32), starts, stops)
            return nplike.astype(out, out_dtype)
        out = nplike.empty(starts.shape[0], dtype=out_dtype)
        dtypes = (out_dtype, data.dtype, int64, int64)
        return _check_segments(backend, self.family, dtypes, out, data, starts, stops)

    def _complex(self, backend, data, starts, stops, out_dtype):
        nplike = backend.nplike
        (data,) = concrete(data)
        data = nplike.astype(data, complex128)
        if self.name == "sum":  # two float64 sums, no loss of precision
            real = self.segments(backend, nplike.ascontiguousarray(data.real), starts, stops)
            imag = self.segments(backend, nplike.ascontiguousarray(data.imag), starts, stops)
            out = nplike.empty(starts.shape[0], dtype=complex128)
            out.real = real
            out.imag = imag
            return nplike.astype(out, out_dtype)
        if not nplike.known_data:  # the typetracer: the values are read, the result has no data
            data.touch_data()
            return nplike.empty(starts.shape[0], dtype=out_dtype)
        # complex products are rare: one vectorized step per position in the longest segment
        out = nplike.full(starts.shape[0], 1, dtype=complex128)
        counts = stops - starts
        longest = int(nplike.max(counts)) if len(counts) else 0
        for k in range(longest):
            (where,) = nplike.nonzero(counts > k)
            out[where] = out[where] * data[starts[where] + k]
        return nplike.astype(out, out_dtype)

    def whole(self, backend, data):
        if self.name == "sum" and data.dtype.kind in "biuf" and data.dtype.itemsize > 2:
            out_dtype = self.result_dtype(data.dtype)
            return backend.nplike.sum(data, dtype=out_dtype)  # numpy's pairwise SIMD sum
        return super().whole(backend, data)


class Sum(_Additive):
    name = "sum"
    family = "awkward_reduce_sum"
    neutral = 0


class Prod(_Additive):
    name = "prod"
    family = "awkward_reduce_prod"
    neutral = 1


# ---------------------------------------------------------------------- any, all, count_nonzero
class _Truthy(Reducer):
    """Reducers that only ask whether values are non-zero (NaN is)."""

    def segments(self, backend, data, starts, stops):
        nplike = backend.nplike
        kind = data.dtype.kind
        if kind in "mMc" or (kind == "f" and data.dtype.itemsize == 2):
            data = nplike.logical_not(nplike.logical_not(concrete(data)[0]))  # as bool
        out = nplike.empty(starts.shape[0], dtype=self.result_dtype(data.dtype))
        dtypes = (out.dtype, data.dtype, int64, int64)
        return _check_segments(backend, self.family, dtypes, out, data, starts, stops)


class Any(_Truthy):
    name = "any"
    family = "awkward_reduce_any"

    def result_dtype(self, dtype):
        return bool_

    def identity(self, dtype):
        return False


class All(_Truthy):
    name = "all"
    family = "awkward_reduce_all"

    def result_dtype(self, dtype):
        return bool_

    def identity(self, dtype):
        return True


class CountNonzero(_Truthy):
    name = "count_nonzero"
    family = "awkward_reduce_count_nonzero"

    def result_dtype(self, dtype):
        return int64

    def identity(self, dtype):
        return 0

    def whole(self, backend, data):
        return backend.nplike.asarray(backend.nplike.count_nonzero(data), dtype=int64)[()]


class Count(Reducer):
    """The number of (non-missing) values: reads list structure and masks, never data."""

    name = "count"
    reads_data = False

    def result_dtype(self, dtype):
        return int64

    def identity(self, dtype):
        return 0

    def segments(self, backend, data, starts, stops):
        return stops - starts

    def whole(self, backend, data):
        return backend.index_nplike.asarray(len(data), dtype=int64)[()]


# ---------------------------------------------------------------------- min, max, argmin, argmax
def _ordered(reducer, dtype):
    if dtype.kind == "c":
        raise TypeError(
            f"ak.{reducer.name}: complex numbers have no ordering, so they have no {reducer.name}"
        )
    if dtype.kind not in "biufmM":
        raise _no_dtype(reducer, dtype)


def _as_kernel_data(nplike, data):
    """``(kernel input, view back)``: datetimes compare as int64, float16 as float32."""
    kind = data.dtype.kind
    if kind in "mM":
        (data,) = concrete(data)
        return data.view(int64), data.dtype
    if kind == "f" and data.dtype.itemsize == 2:
        return nplike.astype(data, float32), data.dtype
    return data, None


class _Extremum(Reducer):
    """min and max: same dtype in and out; the kernel starts from the identity (or initial)."""

    largest = False

    def __init__(self, initial=None):
        self.initial = initial

    def result_dtype(self, dtype):
        _ordered(self, dtype)
        return dtype

    def identity(self, dtype):
        if self.initial is not None:
            return self.initial
        kind = dtype.kind
        if kind == "b":
            return not self.largest
        if kind == "f":
            return -float("inf") if self.largest else float("inf")
        low, high = _int_bounds(int64 if kind in "mM" else dtype)
        return low if self.largest else high

    def segments(self, backend, data, starts, stops):
        nplike = backend.nplike
        dtype = self.result_dtype(data.dtype)
        kernel_data, back = _as_kernel_data(nplike, data)
        identity = self.identity(dtype)
        if back is not None and back.kind in "mM" and self.initial is not None:
            identity = nplike.asarray([identity], dtype=back).view(int64)[0]
        identity = nplike.asarray([identity], dtype=kernel_data.dtype)
        out = nplike.empty(starts.shape[0], dtype=kernel_data.dtype)
        dtypes = (out.dtype, kernel_data.dtype, kernel_data.dtype, int64, int64)
        out = _check_segments(
            backend, self.family, dtypes, out, kernel_data, starts, stops, identity
        )
        if back is None:
            return out
        return out.view(back) if back.kind in "mM" else nplike.astype(out, back)

    def __repr__(self):
        return f"{type(self).__name__}(initial={self.initial!r})"


class Min(_Extremum):
    name = "min"
    family = "awkward_reduce_min"
    largest = False


class Max(_Extremum):
    name = "max"
    family = "awkward_reduce_max"
    largest = True


class _ArgExtremum(Reducer):
    """argmin and argmax: the position of the first extremum along the axis (-1 if empty)."""

    needs_position = True

    def result_dtype(self, dtype):
        _ordered(self, dtype)
        return int64

    def identity(self, dtype):
        return -1

    def segments(self, backend, data, starts, stops):
        nplike = backend.nplike
        self.result_dtype(data.dtype)
        kernel_data, _ = _as_kernel_data(nplike, data)
        out = nplike.empty(starts.shape[0], dtype=int64)
        dtypes = (int64, kernel_data.dtype, int64, int64)
        return _check_segments(backend, self.family, dtypes, out, kernel_data, starts, stops)


class ArgMin(_ArgExtremum):
    name = "argmin"
    family = "awkward_reduce_argmin"


class ArgMax(_ArgExtremum):
    name = "argmax"
    family = "awkward_reduce_argmax"
