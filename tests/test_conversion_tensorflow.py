"""ak.to_tensorflow / ak.from_tensorflow and ak.to_raggedtensor / ak.from_raggedtensor
(ragged nesting of any depth) against pure-Python models."""

import os

import numpy as np
import pytest

import awkward as ak
from tests._conversion_models import LAYOUTS, dense_shape, ragged_ok, regular_numbers
from tests.counting_buffers import Lazy

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
tf = pytest.importorskip("tensorflow", reason="tensorflow is not installed (pip install tensorflow-cpu)")

CASES = {**LAYOUTS, **regular_numbers()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_to_tensorflow_over_layout_kinds(name):
    layout = CASES[name]
    value = layout.to_list()
    if dense_shape(value) is None:
        with pytest.raises(TypeError, match="ak.to_tensorflow"):
            ak.to_tensorflow(layout)
        return
    out = ak.to_tensorflow(layout)
    assert out.numpy().tolist() == value and tuple(out.shape) == np.array(value).shape
    assert ak.from_tensorflow(out).to_list() == value


@pytest.mark.parametrize("name", sorted(CASES))
def test_to_raggedtensor_over_layout_kinds(name):
    layout = CASES[name]
    value = layout.to_list()
    typestr = str(layout.form.type)
    # option types (even without a None), records, unions and strings are refused
    if not ragged_ok(value) or any(m in typestr for m in ("?", "option[", "union[", "string", "bytes", "{", "(")):
        with pytest.raises(TypeError, match="ak.to_raggedtensor"):
            ak.to_raggedtensor(layout)
        return
    out = ak.to_raggedtensor(layout)
    assert isinstance(out, tf.RaggedTensor)
    if layout.form.purelist_depth == 1:  # flat numbers: one row holding them all (2.14)
        assert out.to_list() == [value]
        assert ak.from_raggedtensor(out).to_list() == [value]
        return
    assert out.to_list() == value
    back = ak.from_raggedtensor(out)
    assert back.to_list() == value


@pytest.mark.parametrize(
    "nested",
    [[[1, 2], [], [3]], [[[1.5], [2.0, 3.0]], [], [[4.0]]], [[[[1]], []], [[[2, 3]]]], [[], []]],
)
def test_ragged_any_depth(nested):
    ragged = tf.ragged.constant(nested, dtype=tf.float64)
    array = ak.from_raggedtensor(ragged)
    assert array.to_list() == nested
    assert str(array.type).count("var") == ragged.ragged_rank
    assert ak.to_raggedtensor(array).to_list() == nested


def test_ragged_row_splits_int32_and_sliced():
    ragged = tf.ragged.constant([[1, 2], [], [3]], row_splits_dtype=tf.int32)
    assert ak.from_raggedtensor(ragged).to_list() == [[1, 2], [], [3]]
    sliced = ak.Array([[1, 2], [], [3]])[1:]
    out = ak.to_raggedtensor(sliced)
    assert out.to_list() == [[], [3]] and out.row_splits.numpy().tolist() == [0, 0, 1]


def test_to_raggedtensor_reads_only_the_converted_field():
    lazy = Lazy()
    offsets = lazy.index([0, 2, 3], "offsets")
    layout = ak.contents.RecordArray(
        [ak.contents.ListOffsetArray(offsets, lazy.numpy([1, 2, 3], "x")), lazy.numpy([1.5, 2.5], "y")],
        ["x", "y"],
    )
    assert ak.to_raggedtensor(ak.Array(layout).x).to_list() == [[1, 2], [3]]
    assert set(lazy.calls) == {"offsets", "x"}


def test_errors():
    with pytest.raises(TypeError, match="ak.to_raggedtensor"):
        ak.to_raggedtensor(ak.Array([[1, None]]))
    with pytest.raises(TypeError, match="ak.to_raggedtensor"):
        ak.to_raggedtensor(ak.Array([[{"x": 1}]]))
    with pytest.raises(TypeError, match="equal-length lists"):
        ak.to_tensorflow(ak.Array([[1], []]))
    with pytest.raises(TypeError, match="equal-length lists"):
        ak.to_tensorflow(ak.Array([1, None]))
    with pytest.raises(TypeError, match="TensorFlow Tensor"):
        ak.from_tensorflow([1])
    with pytest.raises(TypeError, match="RaggedTensor"):
        ak.from_raggedtensor([1])
    with pytest.raises(TypeError, match="RaggedTensor"):
        ak.from_raggedtensor(tf.constant([[1, 2], [3, 4]]))
