"""ak.to_rdataframe: columns of arrays -> a ROOT RDataFrame (needs ROOT)."""

from __future__ import annotations

from awkward.operations.ak_to_layout import to_layout

__all__ = ["to_rdataframe"]


def to_rdataframe(arrays, *, flatlist_as_rvec=True):
    """A ROOT ``RDataFrame`` over a dict of equal-length arrays, one column each: numbers as
    their C++ type (``double``, ``int64_t``, ...), lists of numbers as
    ``ROOT::VecOps::RVec<T>`` (``flatlist_as_rvec``), strings as ``std::string``. The columns
    read the arrays' buffers in place (only these columns' buffers are read); the returned
    object keeps them alive. Needs ROOT (``pip install ROOT``): ImportError saying so when
    missing. Options are a TypeError (as in 2.14); nested lists, records and unions (2.14
    generates C++ classes for them) a NotImplementedError."""
    ROOT = _import_root("to_rdataframe")
    if not isinstance(arrays, dict):
        raise TypeError("ak.to_rdataframe: 'arrays' must be a dict of column name -> array")
    from awkward._connect.rdataframe import rdataframe_from_layouts

    layouts = {name: to_layout(array, allow_record=False) for name, array in arrays.items()}
    return rdataframe_from_layouts(ROOT, layouts, bool(flatlist_as_rvec))


def _import_root(function):
    from awkward._connect.dense import import_optional

    return import_optional("ROOT", function, "ROOT  (or: conda install -c conda-forge root)")
