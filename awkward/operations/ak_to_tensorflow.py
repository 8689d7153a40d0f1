"""ak.to_tensorflow: a regular array of numbers -> a tf.Tensor."""

from __future__ import annotations

from awkward.operations._dense_args import dense_layout

__all__ = ["to_tensorflow"]


def to_tensorflow(array):
    """A dense ``tf.Tensor`` with the values of a regular array of numbers. Jagged lists or
    missing values are a ValueError (use ak.to_raggedtensor for jagged data), records and
    strings a TypeError. Needs tensorflow (ImportError otherwise)."""
    from awkward._connect.dense import refuse_non_numbers, to_dense_numpy
    from awkward._connect.tensorflow import import_tensorflow

    tf = import_tensorflow("to_tensorflow")
    layout = dense_layout(array, "to_tensorflow")
    out = refuse_non_numbers(to_dense_numpy(layout, "to_tensorflow"), "to_tensorflow", "tensorflow")
    return tf.convert_to_tensor(out)
