"""ak.from_tensorflow: a dense tf.Tensor -> an array."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout

__all__ = ["from_tensorflow"]


def from_tensorflow(array):
    """An array with the values of a dense ``tf.Tensor`` (N-d: a NumpyArray with inner
    dimensions). A RaggedTensor goes to ak.from_raggedtensor. Needs tensorflow."""
    from awkward._connect.tensorflow import import_tensorflow, ragged_to_layout

    tf = import_tensorflow("from_tensorflow")
    if not isinstance(array, (tf.Tensor, tf.RaggedTensor)):
        raise TypeError(
            "ak.from_tensorflow: only a TensorFlow Tensor can be converted to Awkward Array, "
            f"not {type(array).__name__}"
        )
    layout = ragged_to_layout(array, tf, function="from_tensorflow")
    return wrap_layout(layout, highlevel=True, behavior=None, attrs=None)
