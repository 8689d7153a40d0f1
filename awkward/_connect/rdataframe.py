"""ROOT's RDataFrame <-> arrays (ak.to_rdataframe / ak.from_rdataframe); ROOT (``pip install
ROOT``) is imported by the callers, inside the functions.

to_rdataframe: each column is a Define whose C++ callable holds a view over the array's buffers
(rdataframe_views: numbers, RVecs, list views, strings, options, records), read in place at
entry ``rdfentry_``; the callable also holds a reference to the buffers, so they live as long as
the computation graph, whichever node the user keeps. Only the exposed columns' buffers are read.

from_rdataframe: one event loop ``Take``s every requested column (and ``rdfentry_`` for
``keep_order``); a C++ function generated per column type (rdataframe_types) walks the values
into flat buffers, which become the layout (numbers, strings, nested lists, options, records).
"""

from __future__ import annotations

import numpy

from awkward._connect.rdataframe_types import ColumnFill
from awkward._connect.rdataframe_views import DECLARED, HEADER, RECORDS, ColumnView, view_of
from awkward.contents import RecordArray

__all__ = ["layout_from_rdataframe", "rdataframe_from_layouts"]


def _declare(ROOT, code, function):
    if not ROOT.gInterpreter.Declare(code):
        raise RuntimeError(f"ak.{function}: ROOT's C++ interpreter refused the generated code")


def _header(ROOT, function):
    if "" not in DECLARED:
        _declare(ROOT, HEADER, function)
        DECLARED.add("")


def rdataframe_from_layouts(ROOT, layouts: dict, flatlist_as_rvec: bool):
    """An RDataFrame with one column per (name, layout) of equal length."""
    lengths = {layout.length for layout in layouts.values()}
    if len(lengths) > 1:
        raise ValueError("ak.to_rdataframe: lengths of 'arrays' must all be the same")
    length = lengths.pop() if lengths else 0
    declarations: dict = {}
    columns = []
    for name, layout in layouts.items():
        if not isinstance(name, str) or not (name.isidentifier() and name.isascii()):
            raise TypeError(
                f"ak.to_rdataframe: column names must be C++ identifiers (strings), not {name!r}"
            )
        if layout.backend.name == "typetracer":
            raise TypeError(f"ak.to_rdataframe: column {name!r} is a typetracer (it has no data)")
        if layout.backend.name != "cpu":
            layout = layout.to_backend("cpu")  # ROOT reads main memory
        column = ColumnView(name, flatlist_as_rvec, declarations)
        columns.append((view_of(layout, column), column))
    _header(ROOT, "to_rdataframe")
    if declarations:
        _declare(ROOT, "".join(declarations.values()), "to_rdataframe")
        DECLARED.update(declarations)
    from ROOT.libROOTPythonizations import PyObjRefCounterAsStdAny

    node = ROOT.RDF.AsRNode(ROOT.RDataFrame(length))
    for view, column in columns:
        keep = PyObjRefCounterAsStdAny(column.keep)
        node = ROOT.awkward_rdf.define[view](node, column.name, column.slots, keep)
    return node


def _column_names(rdf, columns):
    if not hasattr(rdf, "GetColumnType"):
        raise TypeError(f"ak.from_rdataframe: 'rdf' must be a ROOT RDataFrame, not {type(rdf)!r}")
    names = [columns] if isinstance(columns, str) else list(columns)
    available = {str(name) for name in rdf.GetColumnNames()}
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"ak.from_rdataframe: column names must be strings, not {name!r}")
        if name not in available:
            raise ValueError(f"ak.from_rdataframe: the RDataFrame has no column named {name!r}")
    return names


def layout_from_rdataframe(ROOT, rdf, columns, keep_order: bool, offsets_type: str, with_name):
    """The columns of ``rdf``: one layout for a single column name, else a RecordArray."""
    names = _column_names(rdf, columns)
    fills = [ColumnFill(name, str(rdf.GetColumnType(name)), RECORDS) for name in names]
    _header(ROOT, "from_rdataframe")
    code = {fill.tag: fill.code() for fill in fills if fill.tag not in DECLARED}
    if code:
        _declare(ROOT, "".join(code.values()), "from_rdataframe")
        DECLARED.update(code)
    # book every Take before reading one: a single event loop fills them all
    results = [rdf.Take[fill.ctype](fill.name) for fill in fills]
    entries = rdf.Take["ULong64_t"]("rdfentry_") if keep_order else None
    entries = entries.GetValue() if keep_order else ROOT.std.vector["ULong64_t"]()
    contents, length = [], 0
    for fill, result in zip(fills, results):
        values = result.GetValue()
        length = int(values.size())
        out = getattr(ROOT.awkward_rdf, f"Out_{fill.tag}")()
        getattr(ROOT.awkward_rdf, f"fill_{fill.tag}")(values, entries, out)
        sizes = getattr(ROOT.awkward_rdf, f"sizes_{fill.tag}")(out)
        arrays = [numpy.empty(int(n), dtype) for n, (_, dtype) in zip(sizes, fill.buffers)]
        getattr(ROOT.awkward_rdf, f"copy_{fill.tag}")(out, [a.ctypes.data for a in arrays])
        contents.append(fill.layout(arrays, length, offsets_type))
    if isinstance(columns, str):
        return contents[0]
    parameters = None if with_name is None else {"__record__": with_name}
    return RecordArray(contents, names, length=length, parameters=parameters)
