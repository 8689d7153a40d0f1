"""ROOT's RDataFrame <-> arrays (ak.to_rdataframe / ak.from_rdataframe); ROOT (``pip install
ROOT``) is imported by the callers, inside the functions.

Columns of numbers, of lists of numbers (``ROOT::VecOps::RVec<T>``) and of strings
(``std::string``) go both ways, as in awkward 2.14. to_rdataframe defines each column as a C++
expression reading the array's buffers in place (by address, for entry ``rdfentry_``); the
buffers are kept alive by the returned RDataFrame object. Columns of other types (nested lists,
records, unions: 2.14 generates C++ classes for them) are a NotImplementedError naming the type;
options are a TypeError, as in 2.14.
"""

from __future__ import annotations

import numpy

from awkward.contents import ListOffsetArray, NumpyArray, RecordArray
from awkward.contents.content import concrete
from awkward.index import Index32, Index64, IndexU32

__all__ = ["layout_from_rdataframe", "rdataframe_from_layouts"]

_CTYPES = {
    "float64": "double",
    "float32": "float",
    "int64": "int64_t",
    "int32": "int32_t",
    "int16": "int16_t",
    "int8": "int8_t",
    "uint64": "uint64_t",
    "uint32": "uint32_t",
    "uint16": "uint16_t",
    "uint8": "uint8_t",
    "bool": "bool",
}
_DTYPES = {ctype: numpy.dtype(name) for name, ctype in _CTYPES.items()}
_DTYPES.update(
    {
        "Double_t": numpy.dtype(numpy.float64),
        "Float_t": numpy.dtype(numpy.float32),
        "Long64_t": numpy.dtype(numpy.int64),
        "ULong64_t": numpy.dtype(numpy.uint64),
        "Int_t": numpy.dtype(numpy.int32),
        "UInt_t": numpy.dtype(numpy.uint32),
        "int": numpy.dtype(numpy.int32),
        "unsigned int": numpy.dtype(numpy.uint32),
        "long": numpy.dtype(numpy.int64),
        "long long": numpy.dtype(numpy.int64),
        "unsigned long": numpy.dtype(numpy.uint64),
        "unsigned long long": numpy.dtype(numpy.uint64),
        "short": numpy.dtype(numpy.int16),
        "unsigned short": numpy.dtype(numpy.uint16),
        "char": numpy.dtype(numpy.int8),
        "signed char": numpy.dtype(numpy.int8),
        "unsigned char": numpy.dtype(numpy.uint8),
        "Bool_t": numpy.dtype(numpy.bool_),
        "Char_t": numpy.dtype(numpy.int8),
        "UChar_t": numpy.dtype(numpy.uint8),
        "Short_t": numpy.dtype(numpy.int16),
        "UShort_t": numpy.dtype(numpy.uint16),
    }
)
_INDEX = {"int32": Index32, "uint32": IndexU32, "int64": Index64}
_VECTORS = ("ROOT::VecOps::RVec<", "ROOT::RVec<", "RVec<", "std::vector<", "vector<")


def _host(buffer):
    (data,) = concrete(buffer)
    return numpy.ascontiguousarray(numpy.asarray(data))


def _pointer(array, ctype):
    return f"reinterpret_cast<const {ctype}*>({array.ctypes.data})"


def _unsupported(name, layout, flatlist_as_rvec=True):
    return NotImplementedError(
        f"ak.to_rdataframe: column {name!r} of type {layout.form.type} is not supported in this "
        "version (numbers, lists of numbers as RVec and strings are)"
        + ("" if flatlist_as_rvec else "; flatlist_as_rvec=False is not supported either")
    )


def _column_expression(name, layout, flatlist_as_rvec, keep):
    """The C++ expression of one column at entry ``rdfentry_``."""
    if layout.is_option:
        inner = layout.content
        ctype = _CTYPES.get(str(inner.dtype)) if isinstance(inner, NumpyArray) else None
        raise TypeError(
            f"{name!r} column's type 'std::optional<{ctype or inner.form.type}>' is not supported."
        )
    kind = layout.parameter("__array__")
    if isinstance(layout, NumpyArray) and len(layout.inner_shape) == 0:
        ctype = _CTYPES.get(str(layout.dtype))
        if ctype is None:
            raise _unsupported(name, layout)
        data = _host(layout.data)
        keep.append(data)
        return f"{_pointer(data, ctype)}[rdfentry_]"
    if layout.is_list and kind in ("string", "bytestring"):
        packed = layout.to_ListOffsetArray64(True)
        offsets, chars = _host(packed.offsets.data), _host(packed.content.data)
        keep.extend((offsets, chars))
        at = _pointer(offsets, "int64_t")
        return (
            f"std::string({_pointer(chars, 'char')} + {at}[rdfentry_], "
            f"{at}[rdfentry_ + 1] - {at}[rdfentry_])"
        )
    if isinstance(layout, NumpyArray) or (layout.is_list and not layout.is_unknown):
        packed = layout.to_RegularArray() if isinstance(layout, NumpyArray) else layout
        packed = packed.to_ListOffsetArray64(True)
        content = packed.content
        ctype = _CTYPES.get(str(content.dtype)) if isinstance(content, NumpyArray) else None
        if not flatlist_as_rvec or ctype is None or content.parameter("__array__") is not None:
            raise _unsupported(name, layout, flatlist_as_rvec)
        if len(content.inner_shape) != 0:
            raise _unsupported(name, layout)
        offsets, data = _host(packed.offsets.data), _host(content.data)
        keep.extend((offsets, data))
        at = _pointer(offsets, "int64_t")
        return (
            f"ROOT::VecOps::RVec<{ctype}>(const_cast<{ctype}*>({_pointer(data, ctype)}) + "
            f"{at}[rdfentry_], {at}[rdfentry_ + 1] - {at}[rdfentry_])"
        )
    raise _unsupported(name, layout)


def rdataframe_from_layouts(ROOT, layouts: dict, flatlist_as_rvec: bool):
    """An RDataFrame with one column per (name, layout) of equal length."""
    lengths = {layout.length for layout in layouts.values()}
    if len(lengths) > 1:
        raise ValueError("lengths of 'arrays' must all be the same")
    length = lengths.pop() if lengths else 0
    keep: list = []
    rdf = ROOT.RDataFrame(length)
    node = rdf
    for name, layout in layouts.items():
        node = node.Define(name, _column_expression(name, layout, flatlist_as_rvec, keep))
    node._awkward_buffers = (rdf, keep)  # the C++ expressions read these buffers in place
    return node


def _strip_vector(ctype: str):
    for prefix in _VECTORS:
        if ctype.startswith(prefix) and ctype.endswith(">"):
            return ctype[len(prefix) : -1].strip()
    return None


def _column_layout(name, ctype, values, offsets_type):
    if ctype in _DTYPES:
        return NumpyArray(numpy.asarray(values, dtype=_DTYPES[ctype]))
    if ctype in ("std::string", "string", "TString"):
        encoded = [str(v).encode("utf-8") for v in values]
        return _list_of(
            [numpy.frombuffer(v, numpy.uint8) for v in encoded], numpy.dtype(numpy.uint8),
            offsets_type, {"__array__": "char"}, {"__array__": "string"},
        )
    inner = _strip_vector(ctype)
    if inner is not None and inner in _DTYPES:
        return _list_of(list(values), _DTYPES[inner], offsets_type, None, None)
    raise NotImplementedError(
        f"ak.from_rdataframe: column {name!r} of C++ type {ctype!r} is not supported in this "
        "version (numbers, RVec/std::vector of numbers and std::string are)"
    )


def _list_of(items, dtype, offsets_type, inner_parameters, parameters):
    lengths = numpy.fromiter((len(x) for x in items), dtype=numpy.int64, count=len(items))
    offsets = numpy.zeros(len(items) + 1, dtype=numpy.int64)
    numpy.cumsum(lengths, out=offsets[1:])
    data = (
        numpy.concatenate([numpy.asarray(x, dtype=dtype) for x in items])
        if len(items)
        else numpy.zeros(0, dtype=dtype)
    )
    content = NumpyArray(data.astype(dtype, copy=False), parameters=inner_parameters)
    index = _INDEX[offsets_type](offsets.astype(offsets_type))
    return ListOffsetArray(index, content, parameters=parameters)


def layout_from_rdataframe(rdf, columns, keep_order: bool, offsets_type: str, with_name):
    """The columns of ``rdf``: one layout for a single column name, else a RecordArray."""
    single = isinstance(columns, str)
    names = [columns] if single else list(columns)
    types = {name: str(rdf.GetColumnType(name)) for name in names}
    node = rdf
    requested = list(names)
    if keep_order:
        node = rdf.Define("awkward_entry_", "rdfentry_")
        requested.append("awkward_entry_")
    data = node.AsNumpy(requested)
    order = numpy.argsort(numpy.asarray(data["awkward_entry_"]), kind="stable") if keep_order else None
    contents = []
    for name in names:
        values = data[name]
        if order is not None:
            values = values[order]
        contents.append(_column_layout(name, types[name], values, offsets_type))
    if single:
        return contents[0]
    length = len(data[names[0]]) if names else 0
    parameters = None if with_name is None else {"__record__": with_name}
    return RecordArray(contents, names, length=length, parameters=parameters)
