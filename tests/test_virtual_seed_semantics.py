"""Virtual buffers with the seed's semantics (issue 21): derived arrays after materialization are
plain nplike arrays, lazy casts in ``nplike.asarray``, nested generators, dlpack export, ``??``
for unread scalars, the nplike methods downstream code calls with virtual arguments, and errors
that name the buffer_key, the declared shape and dtype, and what the generator gave.

Generator calls are counted throughout."""

from __future__ import annotations

import numpy as np
import pytest

import awkward as ak
from awkward._nplikes.numpy import Numpy
from awkward._nplikes.numpy_like import UniqueAllResult
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.virtual import VirtualNDArray

nplike = Numpy.instance()


class Gen:
    """A counting generator returning ``data`` (or whatever ``make()`` builds)."""

    def __init__(self, data=None, make=None):
        self.data = data
        self.make = make
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.make() if self.make is not None else self.data


def virtual(data, key="k", shape=None, **kwargs):
    gen = Gen(data)
    return VirtualNDArray(nplike, data.shape if shape is None else shape, data.dtype, gen, buffer_key=key, **kwargs), gen


# ---------------------------------------------------------------------------- 1. derived arrays
DERIVATIONS = {
    "slice": lambda v: v[1:],
    "strided slice": lambda v: v[::2],
    "fancy": lambda v: v[np.array([0, 2])],
    "view": lambda v: v.view(np.uint64),
    "view same dtype": lambda v: v.view(np.int64),
    "T": lambda v: v.T,
    "reshape": lambda v: nplike.reshape(v, (2, 3)),
    "asarray": lambda v: nplike.asarray(v),
    "asarray cast": lambda v: nplike.asarray(v, dtype=np.float64),
    "asarray copy": lambda v: nplike.asarray(v, copy=True),
    "materialize": lambda v: v.materialize(),
}


@pytest.mark.parametrize("name", list(DERIVATIONS))
def test_derived_after_materialization_is_a_plain_array(name):
    data = np.arange(6, dtype=np.int64)
    v, gen = virtual(data)
    v.materialize()
    out = DERIVATIONS[name](v)
    assert type(out) is np.ndarray
    assert gen.calls == 1
    expected = data if name == "materialize" else DERIVATIONS[name](data)
    assert out.tolist() == np.asarray(expected).tolist()


@pytest.mark.parametrize("name", [n for n in DERIVATIONS if n not in ("fancy", "materialize")])
def test_derived_before_materialization_stays_virtual(name):
    data = np.arange(6, dtype=np.int64)
    v, gen = virtual(data)
    out = DERIVATIONS[name](v)
    assert isinstance(out, VirtualNDArray)
    assert gen.calls == 0
    assert out.tolist() == np.asarray(DERIVATIONS[name](data)).tolist()
    assert gen.calls == 1


def test_child_of_a_child_after_the_root_materialized():
    v, gen = virtual(np.arange(10, dtype=np.int64))
    child = v[2:]
    v.materialize()
    grandchild = child[1:3]
    assert type(grandchild) is np.ndarray and grandchild.tolist() == [3, 4]
    assert type(child.T) is np.ndarray
    assert gen.calls == 1


def test_2d_transpose_after_materialization():
    data = np.arange(6, dtype=np.int32).reshape(2, 3)
    v, gen = virtual(data)
    lazy_t = v.T
    assert isinstance(lazy_t, VirtualNDArray) and gen.calls == 0
    v.materialize()
    assert type(v.T) is np.ndarray and v.T.tolist() == data.T.tolist()
    assert lazy_t.tolist() == data.T.tolist()
    assert gen.calls == 1


# ---------------------------------------------------------------------------- 2. lazy casts
@pytest.mark.parametrize("copy", [None, True])
def test_asarray_cast_is_lazy_and_runs_the_generator_once(copy):
    data = np.arange(4, dtype=np.int64)
    v, gen = virtual(data, key="col")
    cast = nplike.asarray(v, dtype=np.float32, copy=copy)
    assert isinstance(cast, VirtualNDArray)
    assert cast.dtype == np.float32 and cast.shape == (4,) and cast.buffer_key == "col"
    assert gen.calls == 0
    assert cast.materialize().tolist() == [0.0, 1.0, 2.0, 3.0]
    assert cast.materialize().dtype == np.float32
    assert cast.tolist() == [0.0, 1.0, 2.0, 3.0]
    assert gen.calls == 1
    assert v.is_materialized  # the source was read (and cached) once
    cast.materialize()[0] = 99  # an independent copy
    assert v.materialize()[0] == 0


def test_asarray_copy_same_dtype_is_a_lazy_independent_copy():
    v, gen = virtual(np.arange(3, dtype=np.int64))
    copied = nplike.asarray(v, copy=True)
    assert isinstance(copied, VirtualNDArray) and gen.calls == 0
    copied[0] = 7
    assert v.tolist() == [0, 1, 2] and copied.tolist() == [7, 1, 2]
    assert gen.calls == 1


def test_asarray_cast_of_an_unknown_shape():
    data = np.arange(5, dtype=np.int64)
    gen = Gen(data)
    v = VirtualNDArray(nplike, (unknown_length,), np.int64, gen, lambda: (5,), buffer_key="u")
    cast = nplike.asarray(v, dtype=np.float64)
    assert cast.shape == (5,)  # through the source's shape_generator
    assert gen.calls == 0
    assert cast.tolist() == data.astype(np.float64).tolist()
    assert gen.calls == 1


def test_asarray_copy_false_with_another_dtype_is_a_clear_error():
    v, gen = virtual(np.arange(3, dtype=np.int64), key="col")
    with pytest.raises(ValueError, match=r"copy=False.*int64 to float64"):
        nplike.asarray(v, dtype=np.float64, copy=False)
    assert nplike.asarray(v, dtype=np.int64, copy=False) is v
    assert gen.calls == 0


def test_asarray_cast_through_a_layout():
    # a cast virtual buffer works as a NumpyArray's data
    v, gen = virtual(np.arange(3, dtype=np.int64))
    layout = ak.contents.NumpyArray(nplike.asarray(v, dtype=np.float64))
    assert layout.form.type == ak.types.NumpyType("float64")
    assert gen.calls == 0
    assert layout.to_list() == [0.0, 1.0, 2.0]
    assert gen.calls == 1


# ---------------------------------------------------------------------------- 3. nested generators
def test_nested_generators_run_once_each():
    inner = Gen(np.arange(4, dtype=np.int64))
    outer = Gen(make=lambda: VirtualNDArray(nplike, (4,), np.int64, inner, buffer_key="inner"))
    v = VirtualNDArray(nplike, (4,), np.int64, outer, buffer_key="outer")
    out = v.materialize()
    assert type(out) is np.ndarray and out.tolist() == [0, 1, 2, 3]
    assert (outer.calls, inner.calls) == (1, 1)
    v.materialize()
    assert (outer.calls, inner.calls) == (1, 1)


def test_doubly_nested_and_shape_learnt():
    innermost = Gen(np.arange(3, dtype=np.int32))
    middle = Gen(make=lambda: VirtualNDArray(nplike, (3,), np.int32, innermost))
    outer = Gen(make=lambda: VirtualNDArray(nplike, (unknown_length,), np.int32, middle))
    v = VirtualNDArray(nplike, (unknown_length,), np.int32, outer, buffer_key="deep")
    assert v.materialize().tolist() == [0, 1, 2]
    assert v.shape == (3,)
    assert (outer.calls, middle.calls, innermost.calls) == (1, 1, 1)


@pytest.mark.parametrize(
    "shape,dtype,match",
    [
        ((5,), np.int64, r"'outer' was declared with dtype int64 and shape \(5,\).*returned dtype int64 and shape \(4,\)"),
        ((4,), np.int32, r"'outer' was declared with dtype int32 and shape \(4,\).*returned dtype int64"),
    ],
)
def test_nested_generator_checks_still_apply(shape, dtype, match):
    inner = Gen(np.arange(4, dtype=np.int64))
    v = VirtualNDArray(
        nplike, shape, dtype, lambda: VirtualNDArray(nplike, (4,), np.int64, inner), buffer_key="outer"
    )
    with pytest.raises(ValueError, match=match):
        v.materialize()
    assert not v.is_materialized


def test_nested_generator_error_names_both_buffers():
    def broken():
        raise OSError("inner read failed")

    v = VirtualNDArray(
        nplike, (3,), np.int64, lambda: VirtualNDArray(nplike, (3,), np.int64, broken, buffer_key="in"), buffer_key="out"
    )
    with pytest.raises(OSError, match="inner read failed") as info:
        v.materialize()
    notes = "\n".join(info.value.__notes__)
    assert "'in'" in notes and "'out'" in notes


# ---------------------------------------------------------------------------- 4. export protocols
def test_dlpack_materializes_and_exports():
    v, gen = virtual(np.arange(4, dtype=np.int64))
    assert v.__dlpack_device__() == np.arange(1).__dlpack_device__()
    assert gen.calls == 1
    exported = np.from_dlpack(v)
    assert exported.tolist() == [0, 1, 2, 3]
    assert gen.calls == 1
    w, gen2 = virtual(np.arange(3.0))
    assert np.from_dlpack(w).tolist() == [0.0, 1.0, 2.0]
    assert gen2.calls == 1


# ---------------------------------------------------------------------------- 5. scalars
def test_str_of_an_unmaterialized_scalar():
    v, gen = virtual(np.array(4, dtype=np.int64))
    assert str(v) == "??"
    assert "unmaterialized" in repr(v)
    assert gen.calls == 0
    v.materialize()
    assert str(v) == "4"
    one_d, gen1 = virtual(np.arange(3))
    assert "unmaterialized" in str(one_d) and gen1.calls == 0


# ---------------------------------------------------------------------------- 6. nplike methods
FLOATS = np.array([1.0, np.nan, np.inf, -4.0, 0.25])

METHODS = {
    "add": (lambda n, v: n.add(v, v), lambda d: np.add(d, d)),
    "divide": (lambda n, v: n.divide(v, 2.0), lambda d: np.divide(d, 2.0)),
    "sqrt": (lambda n, v: n.sqrt(n.nan_to_num(v, nan=4.0, posinf=9.0, neginf=1.0)), lambda d: np.sqrt(np.nan_to_num(d, nan=4.0, posinf=9.0, neginf=1.0))),
    "exp": (lambda n, v: n.exp(v), np.exp),
    "isnan": (lambda n, v: n.isnan(v), np.isnan),
    "real": (lambda n, v: n.real(v), np.real),
    "angle": (lambda n, v: n.angle(v), np.angle),
    "angle deg": (lambda n, v: n.angle(v, deg=True), lambda d: np.angle(d, deg=True)),
    "round": (lambda n, v: n.round(v, decimals=1), lambda d: np.round(d, 1)),
    "nan_to_num": (lambda n, v: n.nan_to_num(v), np.nan_to_num),
    "nan_to_num keywords": (
        lambda n, v: n.nan_to_num(v, copy=True, nan=-1.0, posinf=5.0, neginf=-5.0),
        lambda d: np.nan_to_num(d, nan=-1.0, posinf=5.0, neginf=-5.0),
    ),
}


@pytest.mark.parametrize("name", list(METHODS))
def test_elementwise_methods_materialize_their_inputs(name):
    ours, reference = METHODS[name]
    v, gen = virtual(FLOATS.copy())
    with np.errstate(all="ignore"):
        out = ours(nplike, v)
        expected = reference(FLOATS.copy())
    assert type(out) is np.ndarray
    np.testing.assert_array_equal(out, expected)
    assert gen.calls == 1


def test_maybe_out_is_written():
    v, gen = virtual(np.arange(3.0))
    out = np.empty(3)
    assert nplike.add(v, v, out) is out and out.tolist() == [0.0, 2.0, 4.0]
    assert nplike.sqrt(v, maybe_out=out) is out and out.tolist() == [0.0, 1.0, np.sqrt(2.0)]
    assert gen.calls == 1


def test_meshgrid_and_unique_all():
    a, gen_a = virtual(np.array([3, 1]))
    b, gen_b = virtual(np.array([5, 6, 7]))
    for indexing in ("xy", "ij"):
        ours = nplike.meshgrid(a, b, indexing=indexing)
        expected = np.meshgrid(np.array([3, 1]), np.array([5, 6, 7]), indexing=indexing)
        assert [x.tolist() for x in ours] == [x.tolist() for x in expected]
    v, gen = virtual(np.array([3, 1, 3, 2]))
    result = nplike.unique_all(v)
    assert isinstance(result, UniqueAllResult)
    assert result.values.tolist() == [1, 2, 3]
    assert result.counts.tolist() == [1, 1, 2]
    assert result.values[result.inverse_indices].tolist() == [3, 1, 3, 2]
    assert np.array([3, 1, 3, 2])[result.indices].tolist() == [1, 2, 3]
    assert (gen_a.calls, gen_b.calls, gen.calls) == (1, 1, 1)


def test_can_cast_and_strides_read_metadata_only():
    v, gen = virtual(np.arange(6, dtype=np.int32).reshape(2, 3))
    assert nplike.can_cast(v, np.int64) and not nplike.can_cast(v, np.int8, casting="safe")
    assert nplike.can_cast(np.int8, v) and nplike.can_cast("int16", v)
    assert nplike.can_cast(v, np.int16, casting="unsafe")
    assert nplike.strides(v) == (12, 4)
    assert nplike.strides(v.T) == (4, 12)
    assert nplike.strides(v[::2]) == (24, 4)
    assert gen.calls == 0
    assert nplike.strides(np.zeros((2, 3))) == (24, 8)


def test_array_str():
    v, gen = virtual(np.array([1.123456, 2.0]))
    assert nplike.array_str(v) == "[?? ... ??]"  # printing reads nothing
    assert gen.calls == 0
    v.materialize()
    assert nplike.array_str(v) == np.array_str(np.array([1.123456, 2.0]))
    assert nplike.array_str(v, precision=2) == np.array_str(np.array([1.123456, 2.0]), precision=2)
    scalar, _ = virtual(np.array(3))
    assert nplike.array_str(scalar) == "??"


@pytest.mark.parametrize(
    "where,length",
    [(slice(1, None, 2), 10), (slice(None, None, -1), 5), (slice(-3, 100), 5), (slice(5, 1), 5), (slice(None), 0), (slice(-100, -2, 3), 9)],
)
def test_derive_slice_for_length(where, length):
    start, stop, step, count = nplike.derive_slice_for_length(where, length)
    assert (start, stop, step) == where.indices(length)
    assert count == len(range(length)[where])


def test_derive_slice_for_unknown_length():
    with pytest.raises(TypeError, match="unknown lengths"):
        nplike.derive_slice_for_length(slice(1, None), unknown_length)


# ---------------------------------------------------------------------------- 7. errors name what a user needs
@pytest.mark.parametrize(
    "declared,returned,needles",
    [
        (((3,), np.int64), np.arange(3, dtype=np.int8), ["'col.x'", "int64", "(3,)", "returned dtype int8", "wrong dtype"]),
        (((3, 2), np.float64), np.zeros(6), ["'col.x'", "float64", "(3, 2)", "returned", "shape (6,)", "wrong shape"]),
    ],
)
def test_mismatch_errors_name_key_declaration_and_result(declared, returned, needles):
    shape, dtype = declared
    v = VirtualNDArray(nplike, shape, dtype, lambda: returned, buffer_key="col.x")
    with pytest.raises(ValueError) as info:
        v.materialize()
    for needle in needles:
        assert needle in str(info.value), (needle, str(info.value))


def test_non_array_result_names_key_declaration_and_type():
    v = VirtualNDArray(nplike, (3,), np.int64, lambda: [1, 2, 3], buffer_key="col.list")
    with pytest.raises(TypeError) as info:
        v.materialize()
    for needle in ["'col.list'", "int64", "(3,)", "returned list"]:
        assert needle in str(info.value)


def test_shape_generator_mismatch_names_key_and_declaration():
    v = VirtualNDArray(nplike, (unknown_length, 3), np.int16, lambda: None, lambda: (4, 2), buffer_key="col.s")
    with pytest.raises(ValueError) as info:
        v.shape  # noqa: B018
    for needle in ["'col.s'", "int16", "(4, 2)"]:
        assert needle in str(info.value)


def test_generator_exception_note_names_key_and_declaration():
    def broken():
        raise KeyError("branch")

    v = VirtualNDArray(nplike, (2, 2), np.float32, broken, buffer_key="col.e")
    with pytest.raises(KeyError) as info:
        v.materialize()
    notes = "\n".join(info.value.__notes__)
    for needle in ["'col.e'", "float32", "(2, 2)"]:
        assert needle in notes
