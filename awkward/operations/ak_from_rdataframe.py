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
    """The ``columns`` of a ROOT ``RDataFrame``: a record array with one field per column
    (``with_name`` names the records), or the column itself when ``columns`` is one name.
    Numbers, ``RVec``/``std::vector`` of numbers (lists with ``offsets_type`` offsets) and
    ``std::string`` are supported; ``keep_order`` sorts the entries by ``rdfentry_`` (for
    multithreaded event loops). Needs ROOT (``pip install ROOT``): ImportError when missing."""
    _import_root("from_rdataframe")
    if offsets_type not in ("int32", "uint32", "int64"):
        raise TypeError(
            "'offsets_type' must be a string in (int32, uint32, int64), not "
            f"{offsets_type!r}"
        )
    from awkward._connect.rdataframe import layout_from_rdataframe

    layout = layout_from_rdataframe(rdf, columns, bool(keep_order), offsets_type, with_name)
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)
