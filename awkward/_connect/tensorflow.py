"""tensorflow <-> layouts: dense tensors (tf.Tensor) and ragged tensors (tf.RaggedTensor)
with ragged nesting of any depth: each var dimension is one row_splits vector (int64
offsets starting at zero), the innermost values one dense tensor."""

from __future__ import annotations

import numpy

from awkward._nplikes.array_like import maybe_materialize

__all__ = ["import_tensorflow", "layout_to_ragged", "ragged_to_layout"]


def import_tensorflow(function: str):
    try:
        import tensorflow
    except ImportError as err:
        raise ImportError(
            f"ak.{function} requires the 'tensorflow' package; install it with:\n\n"
            "    pip install tensorflow   (or tensorflow-cpu)\n"
        ) from err
    return tensorflow


def _host(buffer):
    (buffer,) = maybe_materialize(buffer)
    return numpy.asarray(buffer)


def layout_to_ragged(layout, tf, function="to_raggedtensor"):
    """A tf.RaggedTensor for lists (of lists ...) of numbers (flat numbers: one row)."""
    splits = []
    node = layout
    while True:
        if node.is_indexed and not node.is_option:
            node = node.project()
            continue
        if node.is_option or node.is_record or node.is_union or node.parameter("__array__") in (
            "string", "bytestring"
        ):
            raise TypeError(
                f"ak.{function}: only arrays of (variable-length) lists of numbers can be "
                f"converted to a RaggedTensor, not type {node.form.type}"
            )
        if node.is_numpy and len(node.inner_shape) > 0:
            node = node.to_RegularArray()  # inner dimensions are (uniform) ragged dimensions
            continue
        if node.is_numpy or node.is_unknown:
            break
        if not node.is_list:
            raise TypeError(f"ak.{function}: cannot convert {type(node).__name__}")
        packed = node.to_ListOffsetArray64(True)
        splits.append(_host(packed.offsets.data))
        node = packed.content._getitem_range(0, int(splits[-1][-1]))
    if node.is_unknown:
        values = numpy.empty(0, dtype=numpy.float64)
    else:
        values = _host(node.data)
        if values.dtype.kind not in "biufc":
            raise TypeError(f"ak.{function}: tensorflow cannot hold dtype {values.dtype}")
    if not splits:
        # flat numbers: one row holding them all, as 2.14
        splits.append(numpy.array([0, len(values)], dtype=numpy.int64))
    return tf.RaggedTensor.from_nested_row_splits(tf.constant(values), [tf.constant(s) for s in splits])


def ragged_to_layout(array, tf, function="from_raggedtensor"):
    """ListOffsetArrays (one per ragged dimension) over a NumpyArray of the flat values."""
    from awkward.contents import ListOffsetArray, NumpyArray
    from awkward.index import Index64

    if isinstance(array, tf.RaggedTensor):
        values = array.flat_values.numpy()
        splits = [s.numpy().astype(numpy.int64, copy=False) for s in array.nested_row_splits]
    elif isinstance(array, tf.Tensor) and function != "from_raggedtensor":
        values, splits = array.numpy(), []
    else:
        expected = "RaggedTensor" if function == "from_raggedtensor" else "TensorFlow Tensor"
        raise TypeError(
            f"ak.{function}: only a {expected} can be converted to Awkward Array, "
            f"not {type(array).__name__}"
        )
    if values.ndim == 0:
        raise TypeError(f"ak.{function}: expected a tensor with at least one dimension, not 0-d")
    layout = NumpyArray(values)
    for offsets in reversed(splits):
        layout = ListOffsetArray(Index64(offsets), layout)
    return layout
