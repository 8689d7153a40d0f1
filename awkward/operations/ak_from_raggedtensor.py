"""ak.from_raggedtensor: a tf.RaggedTensor -> an array of nested var lists."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout

__all__ = ["from_raggedtensor"]


def from_raggedtensor(array):
    """An array with one ``var`` dimension per ragged dimension of the RaggedTensor (any
    depth) over its flat values. Anything but a RaggedTensor is a TypeError (as 2.14; dense
    tensors go to ak.from_tensorflow). Needs tensorflow (ImportError otherwise)."""
    from awkward._connect.tensorflow import import_tensorflow, ragged_to_layout

    tf = import_tensorflow("from_raggedtensor")
    return wrap_layout(ragged_to_layout(array, tf), highlevel=True, behavior=None, attrs=None)
