"""ak.from_rdataframe: columns of a ROOT RDataFrame -> an array (needs ROOT)."""

from __future__ import annotations

from awkward.operations.ak_to_rdataframe import _import_root

__all__ = ["from_rdataframe"]


def from_rdataframe(
    rdf,
    columns,
    *,
    keep_order=False,
    offsets_type="int64",
    with_name=None,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """An array of records with the given ``columns`` of a ROOT ``RDataFrame``. Needs ROOT
    with PyROOT (ImportError saying so when missing).

    Not implemented beyond that check in this version: with ROOT present it raises
    NotImplementedError (ROOT cannot be installed or tested here)."""
    _import_root("from_rdataframe")
    if offsets_type not in ("int32", "uint32", "int64"):
        raise TypeError(
            f"ak.from_rdataframe: offsets_type must be 'int32', 'uint32' or 'int64', not {offsets_type!r}"
        )
    raise NotImplementedError(
        "ak.from_rdataframe: the ROOT bridge is not implemented in this version"
    )
