"""ak.from_torch: a torch.Tensor -> an array."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout

__all__ = ["from_torch"]


def from_torch(array):
    """An array over a ``torch.Tensor``'s memory (no copy for CPU tensors): N-d tensors are
    a NumpyArray with inner dimensions. A CUDA tensor goes through DLPack to cupy. Not a
    tensor, or a 0-d tensor, is a TypeError; dtypes numpy lacks (bfloat16) are torch's
    TypeError. Needs torch (ImportError otherwise)."""
    from awkward._connect.dense import import_optional, numpy_to_layout_of
    from awkward._connect.dlpack import dlpack_to_layout

    torch = import_optional("torch", "from_torch", "torch")
    if not isinstance(array, torch.Tensor):
        raise TypeError(
            "ak.from_torch: only PyTorch Tensor can be converted to Awkward Array, "
            f"not {type(array).__name__}"
        )
    if array.ndim == 0:
        raise TypeError("ak.from_torch: expected a tensor with at least one dimension, not 0-d")
    array = array.detach()
    if array.is_cuda:
        layout = dlpack_to_layout(array, prefer_cpu=False, regulararray=False,
                                  primitive_policy="error", function="from_torch")
    else:
        layout = numpy_to_layout_of(array.numpy(), regulararray=False, function="from_torch")
    return wrap_layout(layout, highlevel=True, behavior=None, attrs=None)
