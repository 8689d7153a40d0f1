"""ak.from_rdataframe: columns of a ROOT RDataFrame -> an array (needs ROOT)."""

from __future__ import annotations

from awkward.operations._layout_args import wrap_layout
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
    """The ``columns`` of a ROOT ``RDataFrame`` (after its filters): a record array with one
    field per column (``with_name`` names the records), or the column itself when ``columns``
    is one name. Column types: every C++ number type and ``bool``, ``std::string`` (and
    ``TString``, ``std::string_view``), ``ROOT::VecOps::RVec<T>`` and ``std::vector<T>`` of
    any of these (nested lists of any depth), ``std::optional<T>``, and every column type
    ak.to_rdataframe makes (lists, records, options); lists get ``offsets_type`` offsets.
    Other types are a TypeError naming the column; an unknown column is a ValueError. One
    event loop reads all the columns; ``keep_order=True`` orders the entries by ``rdfentry_``
    (a multithreaded loop, ``ROOT.EnableImplicitMT()``, visits them out of order).
    Needs ROOT (``pip install ROOT``): ImportError when missing."""
    ROOT = _import_root("from_rdataframe")
    if offsets_type not in ("int32", "uint32", "int64"):
        raise TypeError(
            "ak.from_rdataframe: 'offsets_type' must be a string in (int32, uint32, int64), not "
            f"{offsets_type!r}"
        )
    from awkward._connect.rdataframe import layout_from_rdataframe

    layout = layout_from_rdataframe(ROOT, rdf, columns, bool(keep_order), offsets_type, with_name)
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)
