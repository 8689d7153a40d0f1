"""PlaceholderArray: metadata only; touching values raises RuntimeError naming the buffer."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from awkward._nplikes.array_like import maybe_materialize
from awkward._nplikes.dispatch import nplike_of_obj
from awkward._nplikes.numpy import Numpy
from awkward._nplikes.placeholder import PlaceholderArray
from awkward._nplikes.shape import unknown_length

nplike = Numpy.instance()


def test_metadata():
    p = PlaceholderArray(nplike, (10, 3), np.float32, "col.y")
    assert p.shape == (10, 3)
    assert p.dtype == np.float32
    assert p.ndim == 2
    assert len(p) == 10
    assert p.size == 30
    assert p.nbytes == 120
    assert p.strides == np.zeros((10, 3), np.float32).strides
    assert p.buffer_key == "col.y"
    assert p.T.shape == (3, 10)
    assert p.view(np.uint8).shape == (10, 12)
    assert "col.y" in repr(p)
    assert nplike_of_obj(p) is nplike
    assert nplike.is_own_array(p)
    assert copy.deepcopy(p).shape == (10, 3)


def test_basic_slices_stay_placeholders():
    p = PlaceholderArray(nplike, (10,), np.int64, "col.z")
    s = p[2:8:2]
    assert isinstance(s, PlaceholderArray)
    assert s.shape == (3,)
    assert p[::-1].shape == (10,)
    u = PlaceholderArray(nplike, (unknown_length,), np.int64)
    assert u[1:].shape[0] is unknown_length


@pytest.mark.parametrize(
    "touch",
    [
        lambda p: p.materialize(),
        lambda p: np.asarray(p),
        lambda p: p.tolist(),
        lambda p: p.tobytes(),
        lambda p: list(p),
        lambda p: p[0],
        lambda p: p[np.array([0, 1])],
        lambda p: p + 1,
        lambda p: maybe_materialize(p),
        lambda p: nplike.cumsum(p),
        lambda p: nplike.asarray(p, dtype=np.float64),
        lambda p: p.__setitem__(0, 1),
    ],
)
def test_touching_values_raises(touch):
    p = PlaceholderArray(nplike, (4,), np.int64, "col.excluded")
    with pytest.raises(RuntimeError, match="col.excluded"):
        touch(p)


def test_metadata_operations_on_placeholders():
    p = PlaceholderArray(nplike, (4,), np.int64, "col.meta")
    assert nplike.asarray(p) is p
    assert nplike.ascontiguousarray(p) is p
    assert nplike.is_c_contiguous(p)
    assert nplike.zeros_like(p).tolist() == [0, 0, 0, 0]
