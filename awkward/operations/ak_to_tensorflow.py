"""ak.to_tensorflow: a regular array of numbers -> a tf.Tensor."""

from __future__ import annotations

from awkward.operations._dense_args import dense_layout

__all__ = ["to_tensorflow"]


def to_tensorflow(array):
    """A dense ``tf.Tensor`` with the values of a regular array of numbers. Jagged lists,
    missing values, records and strings are a TypeError (as 2.14; ak.to_raggedtensor takes
    jagged data). The dtype is kept (2.14 gives float64). Needs tensorflow (ImportError otherwise)."""
    from awkward._connect.dense import refuse_non_numbers, to_dense_numpy
    from awkward._connect.tensorflow import import_tensorflow

    tf = import_tensorflow("to_tensorflow")
    layout = dense_layout(array, "to_tensorflow")
    out = to_dense_numpy(layout, "to_tensorflow", refusal=_refusal)
    out = refuse_non_numbers(out, "to_tensorflow", "tensorflow")
    return tf.convert_to_tensor(out)


def _refusal(message):
    return TypeError(
        "ak.to_tensorflow: only arrays containing equal-length lists of numbers can be "
        f"converted into a TensorFlow Tensor ({message}); use ak.to_raggedtensor for jagged lists"
    )
