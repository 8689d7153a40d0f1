"""ak.to_rdataframe: columns of arrays -> a ROOT RDataFrame (needs ROOT)."""

from __future__ import annotations

__all__ = ["to_rdataframe"]


def to_rdataframe(arrays, *, flatlist_as_rvec=True):
    """A ROOT ``RDataFrame`` over a dict of equal-length arrays (one column each; lists of
    numbers as ``RVec`` when ``flatlist_as_rvec``). Needs ROOT with PyROOT, which pip does
    not provide: ImportError saying so when it is missing.

    Not implemented beyond that check in this version: with ROOT present it raises
    NotImplementedError (ROOT cannot be installed or tested here)."""
    _import_root("to_rdataframe")
    if not isinstance(arrays, dict):
        raise TypeError("ak.to_rdataframe: 'arrays' must be a dict of column name -> array")
    raise NotImplementedError(
        "ak.to_rdataframe: the ROOT bridge is not implemented in this version"
    )


def _import_root(function):
    from awkward._connect.dense import import_optional

    import_optional("ROOT", function, "ROOT  (or: conda install -c conda-forge root)")
