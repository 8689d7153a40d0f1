"""ak.to_torch: a regular array of numbers -> a torch.Tensor."""

from __future__ import annotations

from awkward.operations._dense_args import dense_layout

__all__ = ["to_torch"]


def to_torch(array):
    """A ``torch.Tensor`` with the values of a regular array of numbers, sharing memory
    where torch can. Jagged lists or missing values are a TypeError (as in 2.14); records,
    strings and datetimes are torch's TypeError. Needs torch (ImportError otherwise)."""
    from awkward._connect.dense import import_optional, to_dense_numpy

    torch = import_optional("torch", "to_torch", "torch")
    layout = dense_layout(array, "to_torch")
    out = to_dense_numpy(layout, "to_torch", refusal=_refusal)
    return torch.from_numpy(out)


def _refusal(message):
    return TypeError(
        "ak.to_torch: only arrays containing equal-length lists of numbers can be converted "
        f"into a PyTorch Tensor ({message})"
    )
