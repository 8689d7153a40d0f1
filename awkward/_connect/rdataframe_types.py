"""ak.from_rdataframe's C++ side: a column's C++ type name (as ``GetColumnType`` spells it)
parsed into a tree of kinds (numbers, strings, lists, options, records), a C++ fill function
generated for that type (compiled once per type and process) that walks the values ``Take``
collected, in entry order when asked, into flat ``std::vector`` buffers, and the layout built
over those buffers.

Types: every C++ number type and ``bool``; ``std::string``, ``std::string_view`` and
``TString``; ``ROOT::VecOps::RVec<T>`` and ``std::vector<T>`` of any supported ``T`` (so nested
lists); ``std::optional<T>``; and the column types ak.to_rdataframe makes (``awkward_rdf::``
list views and records). Anything else is a TypeError naming the column and its type.
"""

from __future__ import annotations

import hashlib
import re

import numpy

from awkward._connect.rdataframe_views import CTYPES
from awkward.contents import IndexedOptionArray, ListOffsetArray, NumpyArray, RecordArray
from awkward.index import Index32, Index64, IndexU32

__all__ = ["ColumnFill", "parse_type"]

_NUMBERS = {
    numpy.dtype(numpy.float64): "double Double_t Double32_t",
    numpy.dtype(numpy.float32): "float Float_t Float16_t",
    numpy.dtype(numpy.int64): "long longint longlong longlongint int64_t Long64_t Long_t "
    "signedlong signedlonglong ssize_t ptrdiff_t",
    numpy.dtype(numpy.int32): "int int32_t Int_t signed signedint",
    numpy.dtype(numpy.int16): "short shortint int16_t Short_t signedshort",
    numpy.dtype(numpy.int8): "char signedchar int8_t Char_t",
    numpy.dtype(numpy.uint64): "unsignedlong unsignedlongint unsignedlonglong "
    "unsignedlonglongint uint64_t ULong64_t ULong_t size_t",
    numpy.dtype(numpy.uint32): "unsigned unsignedint uint32_t UInt_t",
    numpy.dtype(numpy.uint16): "unsignedshort unsignedshortint uint16_t UShort_t",
    numpy.dtype(numpy.uint8): "unsignedchar uint8_t UChar_t Byte_t",
    numpy.dtype(numpy.bool_): "bool Bool_t",
}
NUMBER_DTYPES = {name: dtype for dtype, names in _NUMBERS.items() for name in names.split()}
_CXX = {numpy.dtype(numpy.bool_): "uint8_t"}  # vector<bool> packs bits: bools are bytes here
_STRINGS = {"string", "basic_string", "string_view", "basic_string_view", "TString"}
_LISTS = {"vector", "RVec"}
_RVEC_ALIASES = {
    "RVecD": "double", "RVecF": "float", "RVecI": "int", "RVecL": "long", "RVecLL": "longlong",
    "RVecU": "unsignedint", "RVecUL": "unsignedlong", "RVecULL": "unsignedlonglong",
    "RVecB": "bool", "RVecC": "char",
}
_PREFIXES = re.compile(r"^(?:::)?(?:std::(?:__cxx11::|__1::)?|ROOT::VecOps::|ROOT::)")
_TOKENS = re.compile(r"\s*([<>,])\s*")
_INDEX = {"int32": Index32, "uint32": IndexU32, "int64": Index64}


def parse_type(ctype: str):
    """``'RVec<vector<float> >'`` -> ``('RVec', [('vector', [('float', [])])])``; names lose
    their std::/ROOT:: namespaces, their spaces, ``const`` and references."""
    stack = [("", [])]
    for token in _TOKENS.split(ctype):
        if token == "<":
            stack.append((stack[-1][1].pop(), []))
        elif token == ">":
            (name, _), args = stack.pop()
            stack[-1][1].append((name, args))
        elif token == ",":
            continue
        elif token.strip():
            name = re.sub(r"\bconst\b|[&*]$|&", "", token).strip()
            if name.endswith("*"):
                name = "pointer:" + name
            stack[-1][1].append((_PREFIXES.sub("", name).replace(" ", ""), []))
    return stack[0][1][0] if len(stack) == 1 and len(stack[0][1]) == 1 else ("?", [])


class ColumnFill:
    """One column's kind tree, its C++ fill code and the layout over the filled buffers."""

    def __init__(self, name: str, ctype: str, records: dict):
        self.name, self.ctype, self.records = name, ctype, records
        self.buffers: list = []  # (C++ element type, numpy dtype) of out.b<i>
        self.kind = self.kind_of(parse_type(ctype))
        self.tag = hashlib.sha1(ctype.encode()).hexdigest()[:16]

    def refuse(self, why):
        return TypeError(
            f"ak.from_rdataframe: column {self.name!r} of C++ type {self.ctype!r} cannot be "
            f"converted: {why} (numbers, bool, std::string, RVec/std::vector, std::optional and "
            "ak.to_rdataframe's columns can)"
        )

    def new_buffer(self, dtype, cxx=None):
        self.buffers.append((cxx or _CXX.get(dtype) or CTYPES[str(dtype)], dtype))
        return len(self.buffers) - 1

    # ---------------------------------------------------------------------- type -> kind tree
    def kind_of(self, tree):
        name, args = tree
        if name in NUMBER_DTYPES and not args:
            dtype = NUMBER_DTYPES[name]
            return ("number", self.new_buffer(dtype))
        if name in _STRINGS:
            return ("string", name, self.new_buffer(numpy.dtype(numpy.int64)),
                    self.new_buffer(numpy.dtype(numpy.uint8)))
        if name in _RVEC_ALIASES:
            return self.kind_of(("RVec", [(_RVEC_ALIASES[name], [])]))
        if name in _LISTS and args:
            offsets = self.new_buffer(numpy.dtype(numpy.int64))
            return ("list", offsets, self.kind_of(args[0]))
        if name == "optional" and len(args) == 1:
            return ("option", self.new_buffer(numpy.dtype(numpy.int64)), self.kind_of(args[0]))
        if name == "awkward_rdf::Item" and len(args) == 1:
            offsets = self.new_buffer(numpy.dtype(numpy.int64))
            return ("list", offsets, self.kind_of(self.view_value(args[0])))
        if name in self.records:
            is_tuple, fields = self.records[name]
            kinds = [(f, m, self.kind_of(self.view_value(parse_type(v)))) for f, m, v in fields]
            return ("record", kinds, is_tuple)
        raise self.refuse(f"{name!r} is not a supported type")

    def view_value(self, view):
        """The value type of an awkward_rdf view type (a parsed tree)."""
        name, args = view
        short = name.split("::")[-1]
        if short == "Numbers":
            return args[0]
        if short == "Lists":
            return ("awkward_rdf::Item", [args[1]])
        if short == "FlatLists":
            return ("RVec", [args[1]])
        if short == "Strings":
            return ("string", [])
        if short == "Indexed":
            return self.view_value(args[1])
        if short == "IndexedOption":
            return ("optional", [self.view_value(args[1])])
        if short in ("ByteMasked", "Unmasked"):
            return ("optional", [self.view_value(args[0])])
        if short.startswith("RecordArray_"):
            return ("awkward_rdf::Record_" + short[len("RecordArray_"):], [])
        raise self.refuse(f"unknown view {name!r}")

    # ------------------------------------------------------------------------ C++ fill code
    def emit(self, kind, expr, depth=0):
        """C++ statements appending the value ``expr`` of ``kind`` to the buffers."""
        x = f"x{depth}"
        head = f"const auto& {x} = {expr};\n"
        if kind[0] == "number":
            return f"out.b{kind[1]}.push_back(({self.buffers[kind[1]][0]})({expr}));\n"
        if kind[0] == "string":
            _, spelling, offsets, chars = kind
            view = f"std::string_view({x}.Data(), {x}.Length())" if spelling == "TString" else (
                f"std::string_view({x})"
            )
            return (
                f"{{ {head}auto s{depth} = {view};\n"
                f"out.b{chars}.insert(out.b{chars}.end(), s{depth}.begin(), s{depth}.end());\n"
                f"out.b{offsets}.push_back((int64_t)out.b{chars}.size()); }}\n"
            )
        if kind[0] == "list":
            _, offsets, inner = kind
            i = f"i{depth}"
            return (
                f"{{ {head}for (size_t {i} = 0; {i} < {x}.size(); {i}++) {{\n"
                + self.emit(inner, f"{x}[{i}]", depth + 1)
                + f"}}\nout.b{offsets}.push_back(out.b{offsets}.back() + (int64_t){x}.size()); }}\n"
            )
        if kind[0] == "option":
            _, index, inner = kind
            return (
                f"{{ {head}if ({x}.has_value()) {{\n"
                f"out.b{index}.push_back(out.valid{index}++);\n"
                + self.emit(inner, f"*{x}", depth + 1)
                + f"}} else {{ out.b{index}.push_back(-1); }} }}\n"
            )
        return f"{{ {head}" + "".join(
            self.emit(field_kind, f"{x}.{method}()", depth + 1) for _, method, field_kind in kind[1]
        ) + "}\n"

    def code(self):
        """The C++ declarations: Out_<tag> (the buffers), fill_<tag>, sizes_<tag>, copy_<tag>."""
        t, n = self.tag, len(self.buffers)
        members = "".join(f"  std::vector<{cxx}> b{i};\n" for i, (cxx, _) in enumerate(self.buffers))
        counters = "".join(f"  int64_t valid{i} = 0;\n" for i in range(n))
        starts = "".join(
            f"  out.b{kind[1]}.push_back(0);\n" for kind in self.kinds() if kind[0] == "list"
        ) + "".join(f"  out.b{kind[2]}.push_back(0);\n" for kind in self.kinds() if kind[0] == "string")
        sizes = ", ".join(f"(uint64_t)out.b{i}.size()" for i in range(n))
        copies = "".join(
            f"  if (!out.b{i}.empty()) std::memcpy(reinterpret_cast<void*>(to[{i}]), out.b{i}.data(),"
            f" out.b{i}.size() * sizeof({cxx}));\n"
            for i, (cxx, _) in enumerate(self.buffers)
        )
        return (
            "namespace awkward_rdf {\n"
            f"struct Out_{t} {{\n{members}{counters}}};\n"
            f"inline void fill_{t}(const std::vector<{self.ctype}>& values, "
            f"const std::vector<ULong64_t>& entries, Out_{t}& out) {{\n{starts}"
            + self.reserve()
            + "  auto append = [&](size_t n) {\n"
            + self.emit(self.kind, "values[n]")
            + "  };\n"
            "  if (entries.empty()) {\n"
            "    for (size_t n = 0; n < values.size(); n++) append(n);\n"
            "    return;\n  }\n"
            "  std::vector<size_t> order(values.size());\n"  # keep_order: by rdfentry_
            "  std::iota(order.begin(), order.end(), (size_t)0);\n"
            "  std::stable_sort(order.begin(), order.end(), "
            "[&](size_t a, size_t b) { return entries[a] < entries[b]; });\n"
            "  for (size_t n : order) append(n);\n}\n"
            f"inline std::vector<uint64_t> sizes_{t}(const Out_{t}& out) {{ return {{{sizes}}}; }}\n"
            f"inline void copy_{t}(const Out_{t}& out, const std::vector<uint64_t>& to) {{\n"
            f"{copies}}}\n}}  // namespace awkward_rdf\n"
        )

    def reserve(self):
        """Reserve the buffers whose sizes follow from the number of values (the top level)."""
        kind = self.kind
        if kind[0] == "record":
            return "".join(ColumnFill.reserve_one(k) for _, _, k in kind[1])
        return ColumnFill.reserve_one(kind)

    @staticmethod
    def reserve_one(kind):
        if kind[0] in ("number", "list", "option"):
            return f"  out.b{kind[1]}.reserve(values.size() + 1);\n"
        return f"  out.b{kind[2]}.reserve(values.size() + 1);\n" if kind[0] == "string" else ""

    def kinds(self, kind=None):
        kind = self.kind if kind is None else kind
        yield kind
        if kind[0] in ("list", "option"):
            yield from self.kinds(kind[2])
        elif kind[0] == "record":
            for _, _, field_kind in kind[1]:
                yield from self.kinds(field_kind)

    # ------------------------------------------------------------------------ buffers -> layout
    def layout(self, arrays, length, offsets_type, kind=None):
        kind = self.kind if kind is None else kind
        if kind[0] == "number":
            data = arrays[kind[1]]
            return NumpyArray(data.view(numpy.bool_) if self.buffers[kind[1]][1] == numpy.bool_ else data)
        if kind[0] == "string":
            offsets = self.offsets(arrays[kind[2]], offsets_type)
            chars = NumpyArray(arrays[kind[3]], parameters={"__array__": "char"})
            return ListOffsetArray(offsets, chars, parameters={"__array__": "string"})
        if kind[0] == "list":
            offsets = arrays[kind[1]]
            content = self.layout(arrays, int(offsets[-1]), offsets_type, kind[2])
            return ListOffsetArray(self.offsets(offsets, offsets_type), content)
        if kind[0] == "option":
            index = arrays[kind[1]]
            valid = int(numpy.count_nonzero(index >= 0))
            return IndexedOptionArray(Index64(index), self.layout(arrays, valid, offsets_type, kind[2]))
        contents = [self.layout(arrays, length, offsets_type, k) for _, _, k in kind[1]]
        fields = None if kind[2] else [f for f, _, _ in kind[1]]
        return RecordArray(contents, fields, length=length)

    def offsets(self, offsets, offsets_type):
        if offsets_type != "int64" and len(offsets) and offsets[-1] > numpy.iinfo(offsets_type).max:
            raise ValueError(
                f"ak.from_rdataframe: column {self.name!r} has {offsets[-1]} items, too many for "
                f"offsets_type={offsets_type!r}"
            )
        return _INDEX[offsets_type](offsets.astype(offsets_type))
