"""awkward.index: construction, dtypes, laziness of virtual data, conversions."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

from awkward._nplikes.numpy import Numpy
from awkward._nplikes.placeholder import PlaceholderArray
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.virtual import VirtualNDArray
from awkward.index import Index, Index8, Index32, Index64, IndexU8, IndexU32

NUMPY = Numpy.instance()
INDEX_CLASSES = [
    (Index8, np.int8, "i8"),
    (IndexU8, np.uint8, "u8"),
    (Index32, np.int32, "i32"),
    (IndexU32, np.uint32, "u32"),
    (Index64, np.int64, "i64"),
]


class Counter:
    """A generator that counts its calls."""

    def __init__(self, array):
        self.array = array
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return self.array


def virtual(values, dtype=np.int64, length=None):
    array = np.asarray(values, dtype=dtype)
    gen = Counter(array)
    shape = (len(array) if length is None else length,)
    return VirtualNDArray(NUMPY, shape, array.dtype, gen, buffer_key="test-buffer"), gen


def concrete(data):
    """The values of an Index's data as a numpy array (materializing is fine in checks)."""
    if isinstance(data, (VirtualNDArray, PlaceholderArray)):
        data = data.materialize()
    return np.asarray(data)


# ---------------------------------------------------------------------- construction
@pytest.mark.parametrize(("cls", "dtype", "form"), INDEX_CLASSES)
def test_fixed_dtype_classes(cls, dtype, form):
    index = cls(np.array([1, 2, 3], dtype=dtype))
    assert type(index) is cls
    assert index.dtype == np.dtype(dtype)
    assert index.form == form
    assert len(index) == 3
    assert index.length == 3
    assert concrete(index.data).tolist() == [1, 2, 3]
    assert index.nplike is NUMPY


@pytest.mark.parametrize(("cls", "dtype", "form"), INDEX_CLASSES)
def test_base_index_infers_class_from_dtype(cls, dtype, form):
    index = Index(np.array([0, 1], dtype=dtype))
    assert type(index) is cls
    assert index.form == form


def test_integer_data_is_cast_to_the_fixed_dtype():
    index = Index64(np.array([5, 6], dtype=np.int32))
    assert index.dtype == np.dtype(np.int64)
    assert concrete(index.data).tolist() == [5, 6]
    assert Index64([1, 2, 3]).dtype == np.dtype(np.int64)
    assert len(Index64([])) == 0


@pytest.mark.parametrize(
    "bad",
    [np.array([1.0, 2.0]), np.array(["a"]), np.array([1 + 2j])],
)
def test_non_integer_data_is_a_type_error(bad):
    with pytest.raises(TypeError, match="Index data must be int8, uint8, int32, uint32, int64"):
        Index64(bad)
    with pytest.raises(TypeError, match="Index data must be"):
        Index(bad)


def test_unsupported_integer_dtype_for_base_index():
    with pytest.raises(TypeError, match="int16"):
        Index(np.array([1, 2], dtype=np.int16))
    with pytest.raises(TypeError, match="uint64"):
        Index(np.array([1, 2], dtype=np.uint64))


def test_non_one_dimensional_is_a_type_error():
    with pytest.raises(TypeError, match="one-dimensional"):
        Index64(np.zeros((2, 2), dtype=np.int64))
    with pytest.raises(TypeError, match="one-dimensional"):
        Index(np.zeros((2, 2), dtype=np.int32))


def test_metadata_must_be_a_dict():
    assert Index64([1], metadata={"a": 1}).metadata == {"a": 1}
    assert Index64([1]).metadata == {}
    with pytest.raises(TypeError, match="metadata"):
        Index64([1], metadata=5)


def test_non_contiguous_data_becomes_contiguous():
    index = Index64(np.arange(10, dtype=np.int64)[::2])
    data = concrete(index.data)
    assert data.flags.c_contiguous
    assert data.tolist() == [0, 2, 4, 6, 8]


def test_index_of_an_index_shares_data():
    first = Index32(np.array([1, 2], dtype=np.int32))
    second = Index(first)
    assert type(second) is Index32
    assert second.data is first.data


def test_slots_no_dict():
    index = Index64([1, 2])
    with pytest.raises(AttributeError):
        index.something_else = 1


# ---------------------------------------------------------------------- virtual data
def test_virtual_data_stays_lazy_for_metadata():
    data, gen = virtual([3, 1, 4, 1, 5])
    index = Index64(data)
    assert index.data is data
    assert len(index) == 5
    assert index.length == 5
    assert index.dtype == np.dtype(np.int64)
    assert index.form == "i64"
    assert not index.is_all_materialized
    assert not index.is_any_materialized
    assert "??" in repr(index)
    assert gen.calls == 0


def test_base_index_infers_class_from_virtual_dtype():
    data, gen = virtual([1, 2], dtype=np.int32)
    index = Index(data)
    assert type(index) is Index32
    assert gen.calls == 0


def test_virtual_data_of_the_wrong_dtype_is_a_type_error_without_reading():
    data, gen = virtual([1, 2], dtype=np.int32)
    with pytest.raises(TypeError, match="int64"):
        Index64(data)
    assert gen.calls == 0


def test_lazy_basic_slicing_runs_no_generator():
    data, gen = virtual(np.arange(10))
    index = Index64(data)
    sliced = index[2:8:2]
    assert type(sliced) is Index64
    assert len(sliced) == 3
    again = sliced[1:]
    assert len(again) == 2
    assert isinstance(again.data, VirtualNDArray)
    assert gen.calls == 0
    assert concrete(again.data).tolist() == [4, 6]
    assert gen.calls == 1


def test_integer_and_array_keys_read_values():
    data, gen = virtual([10, 20, 30, 40])
    index = Index64(data)
    assert index[2] == 30
    assert gen.calls == 1
    picked = index[np.array([3, 0])]
    assert type(picked) is Index64
    assert concrete(picked.data).tolist() == [40, 10]
    masked = index[np.array([True, False, True, False])]
    assert concrete(masked.data).tolist() == [10, 30]
    assert gen.calls == 1  # cached


def test_index_key_on_index():
    index = Index64([10, 20, 30])
    key = Index64([2, 2, 0])
    assert concrete(index[key].data).tolist() == [30, 30, 10]


def test_out_of_range_integer_is_an_index_error():
    with pytest.raises(IndexError):
        Index64([1, 2, 3])[5]


def test_materialize_returns_new_concrete_index():
    data, gen = virtual([7, 8, 9])
    index = Index64(data, metadata={"k": "v"})
    out = index.materialize()
    assert out is not index
    assert type(out) is Index64
    assert not isinstance(out.data, VirtualNDArray)
    assert out.data.tolist() == [7, 8, 9]
    assert out.metadata == {"k": "v"}
    assert out.is_all_materialized
    assert gen.calls == 1
    assert index.is_all_materialized  # the virtual buffer cached its data
    assert index.is_any_materialized
    index.materialize()
    assert gen.calls == 1


def test_materialize_with_type_filter():
    data, gen = virtual([1, 2])
    index = Index64(data)
    assert isinstance(index.materialize(PlaceholderArray).data, VirtualNDArray)
    assert gen.calls == 0
    assert not isinstance(index.materialize(VirtualNDArray).data, VirtualNDArray)
    assert gen.calls == 1


def test_placeholder_data():
    placeholder = PlaceholderArray(NUMPY, (4,), np.dtype(np.int64), buffer_key="x.offsets")
    index = Index64(placeholder)
    assert len(index) == 4
    assert not index.is_all_materialized
    assert "??" in repr(index)
    with pytest.raises(RuntimeError, match="x.offsets"):
        index[0]


def test_unknown_length_virtual():
    data, gen = virtual([1, 2, 3], length=unknown_length)
    index = Index64(data)
    assert "len='??'" in repr(index)
    assert index.form == "i64"
    assert index.length is unknown_length
    assert gen.calls == 0
    assert len(index) == 3  # len() resolves it: reads the buffer (no shape_generator)
    assert gen.calls == 1
    assert index.length == 3


def test_unknown_length_resolved_by_shape_generator():
    array = np.arange(5, dtype=np.int64)
    gen = Counter(array)
    data = VirtualNDArray(NUMPY, (unknown_length,), np.int64, gen, shape_generator=lambda: (5,))
    index = Index64(data)
    assert index.length is unknown_length
    assert len(index) == 5
    assert index.length == 5
    assert gen.calls == 0


def test_repr_of_concrete_index_shows_values():
    # materialize(): in the virtualized test mode every Index starts virtual
    text = repr(Index64([1, 2, 3]).materialize())
    assert "int64" in text and "len='3'" in text and "1 2 3" in text
    long_text = repr(Index64(np.arange(100)).materialize())
    assert "..." in long_text and "99" in long_text


def test_setitem_writes_through():
    index = Index64.zeros(4, NUMPY)
    index[1] = 5
    index[2:4] = Index64([7, 8])
    assert concrete(index.data).tolist() == [0, 5, 7, 8]


def test_setitem_on_virtual_data_materializes_once():
    data, gen = virtual(np.zeros(3, dtype=np.int64))
    index = Index64(data)
    index[0] = 9
    assert gen.calls == 1
    assert concrete(index.data).tolist()[0] == 9
    assert gen.calls == 1


# ---------------------------------------------------------------------- constructors
@pytest.mark.parametrize(("cls", "dtype", "form"), INDEX_CLASSES)
def test_zeros_and_empty(cls, dtype, form):
    zeros = cls.zeros(5, NUMPY)
    assert type(zeros) is cls
    assert concrete(zeros.data).tolist() == [0] * 5
    empty = cls.empty(3, NUMPY)
    assert type(empty) is cls
    assert len(empty) == 3


def test_zeros_with_explicit_dtype_and_default():
    assert type(Index.zeros(2, NUMPY)) is Index64
    assert type(Index.zeros(2, NUMPY, dtype=np.int8)) is Index8
    assert type(Index64.zeros(2, NUMPY, dtype=np.uint32)) is IndexU32
    with pytest.raises(TypeError):
        Index.zeros(2, NUMPY, dtype=np.float32)


# ---------------------------------------------------------------------- conversions
def test_to64_concrete_and_lazy():
    index32 = Index32(np.array([1, -2, 3], dtype=np.int32))
    out = index32.to64()
    assert type(out) is Index64
    assert concrete(out.data).tolist() == [1, -2, 3]

    data, gen = virtual([4, 5], dtype=np.uint8)
    lazy = IndexU8(data).to64()
    assert type(lazy) is Index64
    assert len(lazy) == 2
    assert gen.calls == 0
    assert concrete(lazy.data).tolist() == [4, 5]
    assert gen.calls == 1

    already = Index64([1])
    assert already.to64() is not already
    assert already.to64().data is already.data


def test_to_nplike_same_is_identity_and_raw():
    index = Index64([1, 2])
    assert index.to_nplike(NUMPY) is index
    assert concrete(index.raw(NUMPY)).tolist() == [1, 2]


def test_array_protocol():
    data, gen = virtual([1, 2, 3])
    index = Index64(data)
    assert np.asarray(index).tolist() == [1, 2, 3]
    assert np.asarray(index, dtype=np.float64).dtype == np.float64
    assert gen.calls == 1


def test_is_equal_to():
    a = Index64([1, 2, 3])
    assert a.is_equal_to(Index64([1, 2, 3]))
    assert not a.is_equal_to(Index64([1, 2, 4]))
    assert not a.is_equal_to(Index32(np.array([1, 2, 3], dtype=np.int32)))
    assert a.is_equal_to(Index32(np.array([1, 2, 3], dtype=np.int32)), index_dtype=False)
    assert not a.is_equal_to([1, 2, 3])


def test_is_equal_to_different_lengths_does_not_read():
    data, gen = virtual([1, 2, 3])
    other, other_gen = virtual([1, 2])
    assert not Index64(data).is_equal_to(Index64(other))
    assert gen.calls == 0 and other_gen.calls == 0


def test_copy_deepcopy_pickle():
    data, gen = virtual([1, 2, 3])
    index = Index64(data, metadata={"m": [1]})
    shallow = copy.copy(index)
    assert shallow.data is index.data
    deep = copy.deepcopy(index)
    assert type(deep) is Index64
    assert deep.metadata == {"m": [1]} and deep.metadata is not index.metadata
    assert gen.calls == 0  # deepcopy stays lazy
    assert concrete(deep.data).tolist() == [1, 2, 3]

    restored = pickle.loads(pickle.dumps(Index32(np.array([4, 5], dtype=np.int32))))
    assert type(restored) is Index32
    assert concrete(restored.data).tolist() == [4, 5]
