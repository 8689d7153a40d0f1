"""Pure-Python models for the conversion tests (ak.to_torch/to_jax/to_tensorflow/to_numpy,
ak.to_raggedtensor): what a dense or ragged tensor of a to_list() value must be."""

import numpy as np

from awkward.contents import ListOffsetArray, NumpyArray, RegularArray
from awkward.index import Index64
from tests._structure_layouts import LAYOUTS  # noqa: F401  (re-exported for the tests)


def dense_shape(value):
    """The shape of a rectangular nest of numbers, or None (jagged, None, records, strings)."""
    if isinstance(value, list):
        shapes = [dense_shape(x) for x in value]
        if any(s is None for s in shapes) or len(set(shapes)) > 1:
            return None
        return (len(value), *(shapes[0] if shapes else ()))
    if isinstance(value, (bool, int, float, complex)) and value is not None:
        return ()
    return None


def ragged_ok(value, depth=0):
    """True for lists (of lists ...) of numbers at one depth: what a RaggedTensor holds."""
    if isinstance(value, list):
        return all(ragged_ok(x, depth + 1) for x in value)
    return isinstance(value, (bool, int, float, complex))


def regular_numbers():
    """Layouts of numbers whose lists are regular (convertible to dense tensors)."""
    return {
        "NumpyArray": NumpyArray(np.arange(6, dtype=np.int64)),
        "NumpyArray 2d": NumpyArray(np.arange(6.0).reshape(3, 2)),
        "RegularArray": RegularArray(NumpyArray(np.arange(6, dtype=np.int32)), 3),
        "regular ListOffsetArray": ListOffsetArray(
            Index64(np.array([0, 2, 4, 6])), NumpyArray(np.arange(6.5, 12.5))
        ),
        "bool": NumpyArray(np.array([True, False, True])),
    }
