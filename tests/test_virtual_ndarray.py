"""VirtualNDArray: the eight invariants of DESIGN.md, measured by counting generator calls."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

from awkward._nplikes import virtual as virtual_module
from awkward._nplikes.array_like import MaterializableArray, maybe_materialize
from awkward._nplikes.numpy import Numpy
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.virtual import VirtualNDArray, virtualize_for_tests

nplike = Numpy.instance()


class Counting:
    """A generator that returns ``data`` (or raises ``error``) and counts its calls."""

    def __init__(self, data=None, error=None):
        self.data = data
        self.error = error
        self.calls = 0

    def __call__(self):
        self.calls += 1
        if self.error is not None:
            raise self.error
        return self.data


def make(data, *, shape=None, dtype=None, caching=True, key="x.data", **kwargs):
    gen = Counting(data)
    arr = VirtualNDArray(
        nplike,
        data.shape if shape is None else shape,
        data.dtype if dtype is None else dtype,
        gen,
        buffer_key=key,
        __enable_caching__=caching,
        **kwargs,
    )
    return arr, gen


# ---------------------------------------------------------------- 1. metadata without data
def test_metadata_does_not_materialize():
    data = np.arange(24, dtype=np.float32).reshape(6, 4)
    v, gen = make(data)
    assert v.dtype == np.float32
    assert v.ndim == 2
    assert v.shape == (6, 4)
    assert len(v) == 6
    assert v.size == 24
    assert v.nbytes == data.nbytes
    assert v.strides == data.strides
    assert v.inner_shape == (4,)
    assert v.nplike is nplike
    assert v.buffer_key == "x.data"
    assert not v.is_materialized
    repr(v)
    assert gen.calls == 0


def test_unknown_length_uses_shape_generator():
    data = np.arange(7, dtype=np.int64)
    shape_calls = []
    gen = Counting(data)
    v = VirtualNDArray(
        nplike, (unknown_length,), np.int64, gen, lambda: shape_calls.append(1) or (7,)
    )
    assert v.shape == (7,)
    assert len(v) == 7
    assert len(shape_calls) == 1
    assert gen.calls == 0
    assert v.tolist() == data.tolist()


def test_unknown_length_without_shape_generator_materializes():
    data = np.arange(5, dtype=np.int64)
    v, gen = make(data, shape=(unknown_length,))
    assert v.ndim == 1
    assert gen.calls == 0
    assert len(v) == 5
    assert gen.calls == 1
    assert v.shape == (5,)


def test_shape_generator_mismatch():
    v = VirtualNDArray(nplike, (unknown_length, 3), np.int64, Counting(None), lambda: (4, 2), "k")
    with pytest.raises(ValueError, match="k"):
        v.shape  # noqa: B018


# ---------------------------------------------------------------- 2. one checked materialization
def test_tolist_counts_with_and_without_caching():
    data = np.arange(5, dtype=np.int64)
    v, gen = make(data)
    assert v.tolist() == [0, 1, 2, 3, 4]
    assert gen.calls == 1
    assert v.tolist() == [0, 1, 2, 3, 4]
    assert gen.calls == 1
    assert v.is_materialized

    w, gen2 = make(data, caching=False)
    assert w.tolist() == [0, 1, 2, 3, 4]
    assert w.tolist() == [0, 1, 2, 3, 4]
    assert gen2.calls == 2
    assert not w.is_materialized


def test_materialize_returns_concrete_array():
    data = np.arange(5, dtype=np.int64)
    v, gen = make(data)
    out = v.materialize()
    assert type(out) is np.ndarray
    assert out is v.materialize()
    assert gen.calls == 1


@pytest.mark.parametrize(
    "declared_shape, declared_dtype, produced, fragment",
    [
        ((5,), np.int32, np.arange(5, dtype=np.int64), "int32"),
        ((6,), np.int64, np.arange(5, dtype=np.int64), r"\(6,\)"),
        ((5, 1), np.int64, np.arange(5, dtype=np.int64), "ndim 1"),
        ((5,), np.int64, np.arange(5, dtype=np.int64).reshape(5, 1), "ndim 2"),
        ((unknown_length, 3), np.int64, np.zeros((4, 2), np.int64), r"\(4, 2\)"),
    ],
)
def test_checked_materialization_errors(declared_shape, declared_dtype, produced, fragment):
    gen = Counting(produced)
    v = VirtualNDArray(nplike, declared_shape, declared_dtype, gen, buffer_key="col.x")
    for _ in range(2):
        with pytest.raises(ValueError, match=fragment) as info:
            v.materialize()
        assert "col.x" in str(info.value)
        assert not v.is_materialized
    assert gen.calls == 2  # nothing cached after a failure


def test_generator_returning_a_list():
    gen = Counting([1, 2, 3])
    v = VirtualNDArray(nplike, (3,), np.int64, gen, buffer_key="col.list")
    with pytest.raises(TypeError, match="col.list.*list"):
        v.tolist()
    assert not v.is_materialized

    wrapped = VirtualNDArray(
        nplike, (3,), np.int64, Counting([1, 2, 3]), __wrap_generator_asarray__=True
    )
    assert wrapped.tolist() == [1, 2, 3]


def test_generator_returning_a_non_array():
    v = VirtualNDArray(nplike, (3,), np.int64, Counting(object()), buffer_key="col.obj")
    with pytest.raises(TypeError, match="col.obj"):
        v.materialize()


def test_generator_that_raises_keeps_its_type_and_is_not_cached():
    original = OSError("disk on fire")
    gen = Counting(error=original)
    v = VirtualNDArray(nplike, (3,), np.int64, gen, buffer_key="col.err")
    with pytest.raises(OSError, match="disk on fire") as info:
        v.materialize()
    assert info.value is original
    assert "col.err" in "".join(getattr(info.value, "__notes__", ())) + str(info.value)
    assert not v.is_materialized
    gen.error = None
    gen.data = np.arange(3, dtype=np.int64)
    assert v.tolist() == [0, 1, 2]
    assert gen.calls == 2


def test_non_contiguous_generator_output_is_made_contiguous():
    data = np.arange(20, dtype=np.int64)[::2]
    v, _ = make(data, shape=(10,))
    out = v.materialize()
    assert out.flags.c_contiguous
    assert out.tolist() == data.tolist()


def test_constructor_validates_arguments():
    with pytest.raises(TypeError, match="callable"):
        VirtualNDArray(nplike, (3,), np.int64, 5)
    with pytest.raises(TypeError, match="shape"):
        VirtualNDArray(nplike, (-1,), np.int64, lambda: None)


# ---------------------------------------------------------------- 3. staying lazy
@pytest.mark.parametrize(
    "sl",
    [
        slice(2, 7),
        slice(None, None, 2),
        slice(-3, None),
        slice(None, -2),
        slice(None, None, -1),
        slice(8, 1, -3),
        slice(100, 200),
        slice(-100, 3),
        slice(5, 5),
    ],
)
def test_basic_slice_is_lazy_and_correct(sl):
    data = np.arange(10, dtype=np.int64) * 10
    v, gen = make(data)
    s = v[sl]
    assert isinstance(s, VirtualNDArray)
    assert len(s) == len(data[sl])
    assert s.shape == data[sl].shape
    assert s.strides == data[sl].strides or len(s) <= 1
    assert gen.calls == 0
    assert s.tolist() == data[sl].tolist()
    assert gen.calls == 1


def test_slices_of_slices_compose_without_deep_chains():
    data = np.arange(1000, dtype=np.int64)
    v, gen = make(data)
    s = v
    expected = data
    for i in range(300):
        sl = slice(1, None) if i % 2 == 0 else slice(None, -1)
        s = s[sl]
        expected = expected[sl]
    assert len(s._transforms) == 1
    assert gen.calls == 0
    assert s.tolist() == expected.tolist()
    t = v[::-1][3:][::2][1:-1]
    assert t.tolist() == data[::-1][3:][::2][1:-1].tolist()


def test_whole_slice_returns_same_object():
    v, gen = make(np.arange(4, dtype=np.int64))
    assert v[:] is v
    assert v[0:4] is v
    assert v[-100:100] is v
    assert v[(slice(None),)] is v
    assert gen.calls == 0


def test_view_transpose_copy_are_lazy():
    data = np.arange(12, dtype=np.int64).reshape(3, 4)
    v, gen = make(data)
    viewed = v.view(np.int32)
    assert viewed.shape == (3, 8)
    assert viewed.dtype == np.int32
    transposed = v.T
    assert transposed.shape == (4, 3)
    assert transposed.strides == data.T.strides
    shallow = copy.copy(v)
    assert isinstance(shallow, VirtualNDArray)
    assert gen.calls == 0
    assert viewed.tolist() == data.view(np.int32).tolist()
    assert transposed.tolist() == data.T.tolist()
    assert shallow.tolist() == data.tolist()
    assert gen.calls == 1  # all share the root's cache


def test_view_of_a_slice():
    data = np.arange(10, dtype=np.int64)
    v, gen = make(data)
    s = v[2:6].view(np.uint8)[8:16]
    assert gen.calls == 0
    assert s.tolist() == data[2:6].view(np.uint8)[8:16].tolist()


def test_child_of_materialized_parent_does_not_regenerate():
    data = np.arange(10, dtype=np.int64)
    v, gen = make(data)
    early_child = v[3:]
    v.materialize()
    late_child = v[1:4]
    # issue 21: what is derived after materialization is a plain array of the nplike
    assert type(late_child) is np.ndarray
    assert early_child.is_materialized
    assert late_child.tolist() == [1, 2, 3]
    assert early_child.tolist() == data[3:].tolist()
    assert gen.calls == 1


def test_slice_without_caching_regenerates_each_time():
    v, gen = make(np.arange(10, dtype=np.int64), caching=False)
    s = v[2:5]
    assert s.tolist() == [2, 3, 4]
    assert s.tolist() == [2, 3, 4]
    assert gen.calls == 2
    assert not s.is_materialized


def test_lazy_slice_on_unknown_length_uses_shape_generator():
    gen = Counting(np.arange(8, dtype=np.int64))
    v = VirtualNDArray(nplike, (unknown_length,), np.int64, gen, lambda: (8,))
    s = v[2:]
    assert len(s) == 6
    assert gen.calls == 0


# ---------------------------------------------------------------- 4. value access materializes
@pytest.mark.parametrize(
    "touch",
    [
        lambda v: np.asarray(v),
        lambda v: v.__array_interface__,
        lambda v: v.tolist(),
        lambda v: v.tobytes(),
        lambda v: v[1],
        lambda v: v[np.array([0, 2])],
        lambda v: v[np.array([True, False, True, False])],
        lambda v: list(v),
        lambda v: v + 1,
        lambda v: v == 2,
        lambda v: np.sqrt(v),
        lambda v: bool(v[1:2]),
    ],
)
def test_value_access_materializes_once(touch):
    data = np.arange(4, dtype=np.int64)
    v, gen = make(data)
    touch(v)
    assert gen.calls == 1
    touch(v)
    assert gen.calls == 1


@pytest.mark.parametrize("convert", [int, float, bool, complex, lambda x: [10, 20, 30][x]])
def test_scalar_conversions_materialize(convert):
    data = np.array(2, dtype=np.int64)
    v, gen = make(data)
    assert v.ndim == 0
    assert convert(v) == convert(2)
    assert gen.calls == 1
    with pytest.raises(TypeError, match="unsized"):
        len(v)


def test_value_results_match_numpy():
    data = np.arange(6, dtype=np.int64)
    v, _ = make(data)
    np.testing.assert_array_equal(v + v, data + data)
    np.testing.assert_array_equal(v[np.array([5, 0])], data[[5, 0]])
    assert v[-1] == 5
    assert v.tobytes() == data.tobytes()
    assert np.asarray(v, dtype=np.float64).dtype == np.float64
    assert np.add.reduce(v) == data.sum()


def test_setitem_writes_into_cache():
    data = np.arange(5, dtype=np.int64)
    v, gen = make(data.copy())
    v[1] = 100
    assert v.tolist() == [0, 100, 2, 3, 4]
    v[2:4][0] = 7  # through a lazy child: writes into the root's data
    assert v.tolist() == [0, 100, 7, 3, 4]
    assert gen.calls == 1


def test_setitem_without_caching_is_refused():
    v, _ = make(np.arange(5, dtype=np.int64), caching=False, key="col.nocache")
    with pytest.raises(ValueError, match="col.nocache"):
        v[0] = 1


# ---------------------------------------------------------------- 7. pickle and deepcopy
def test_pickle_materializes():
    data = np.arange(5, dtype=np.int64)
    v, gen = make(data)
    out = pickle.loads(pickle.dumps(v[1:]))
    assert gen.calls == 1
    np.testing.assert_array_equal(out, data[1:])


def test_deepcopy_stays_lazy_and_copies_data():
    data = np.arange(5, dtype=np.int64)
    v, gen = make(data)
    d = copy.deepcopy(v[1:])
    assert isinstance(d, VirtualNDArray)
    assert not d.is_materialized
    assert gen.calls == 0
    out = d.materialize()
    assert out.tolist() == [1, 2, 3, 4]
    out[0] = -1
    assert data[1] == 1  # the copy owns its data
    assert d.copy().tolist() == [-1, 2, 3, 4]


def test_deepcopy_of_materialized_array_copies():
    data = np.arange(3, dtype=np.int64)
    v, gen = make(data)
    v.materialize()
    d = copy.deepcopy(v)
    assert d.materialize() is not v.materialize()
    d[0] = 9
    assert v.tolist() == [0, 1, 2]
    assert gen.calls == 1


# ---------------------------------------------------------------- helpers
def test_maybe_materialize():
    data = np.arange(3, dtype=np.int64)
    v, gen = make(data)
    other = np.zeros(2)
    a, b, c = maybe_materialize(v, other, None)
    assert type(a) is np.ndarray and a.tolist() == [0, 1, 2]
    assert b is other and c is None
    assert isinstance(v, MaterializableArray)


def test_virtualize_for_tests(monkeypatch):
    data = np.arange(3, dtype=np.int64)
    monkeypatch.setattr(virtual_module, "TEST_VIRTUALIZE", False)
    assert virtualize_for_tests(data, nplike) is data
    monkeypatch.setattr(virtual_module, "TEST_VIRTUALIZE", True)
    wrapped = virtualize_for_tests(data, nplike)
    assert isinstance(wrapped, VirtualNDArray)
    assert not wrapped.is_materialized
    assert wrapped.tolist() == [0, 1, 2]
    assert virtualize_for_tests(wrapped, nplike) is wrapped
    assert virtualize_for_tests([1, 2], nplike) == [1, 2]
