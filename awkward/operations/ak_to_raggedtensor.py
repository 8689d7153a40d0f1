"""ak.to_raggedtensor: lists (of lists ...) of numbers -> a tf.RaggedTensor."""

from __future__ import annotations

from awkward.operations._dense_args import dense_layout

__all__ = ["to_raggedtensor"]


def to_raggedtensor(array):
    """A ``tf.RaggedTensor`` with one row_splits per list dimension (any depth) over the
    flat numbers (a flat array of numbers is one row, as 2.14). Missing values,
    records, unions and strings are a TypeError (2.14 gives strings as their bytes). Only the converted buffers are read.
    Needs tensorflow (ImportError otherwise)."""
    from awkward._connect.tensorflow import import_tensorflow, layout_to_ragged

    tf = import_tensorflow("to_raggedtensor")
    layout = dense_layout(array, "to_raggedtensor")
    if not hasattr(layout, "form"):
        return tf.RaggedTensor.from_row_splits(tf.constant([layout]), [0, 1])
    return layout_to_ragged(layout, tf)
