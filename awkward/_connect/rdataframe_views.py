"""ak.to_rdataframe's C++ side: read-only views over an array's buffers, one template per layout
kind (the header below, declared once), and one generated struct per record type.

A column is a view ``V`` (a few pointers into the buffers) and its value at entry ``i`` is
``V::get(i)``:

- numbers: the C++ number (``double``, ``int64_t``, ``bool``, ...);
- lists of numbers: ``ROOT::VecOps::RVec<T>`` adopting the buffer (no copy) when
  ``flatlist_as_rvec``, else ``awkward_rdf::Item<...>`` like every other list;
- other lists: ``awkward_rdf::Item<V>``, a list view with ``size()``, ``empty()``, ``[i]``,
  ``at(i)`` and ``begin()``/``end()`` (range-for), whose items are the values of ``V``;
- strings and bytestrings: ``std::string``;
- options: ``std::optional<value>``;
- records: ``awkward_rdf::Record_<hash>``, a generated struct with one method per field,
  ``x.pt()`` (a name that is not a C++ identifier, or a tuple's slot, is ``x._<position>()``).

The views are built from a flat list of addresses and sizes (``make(slots, k)`` reads them in
the order ``view_of`` appends them), so each C++ type is compiled once per process and each call
only hands new addresses over. Unions and unsupported dtypes are a TypeError naming the column.
"""

from __future__ import annotations

import hashlib

import numpy

from awkward.contents import (
    BitMaskedArray,
    ByteMaskedArray,
    EmptyArray,
    IndexedArray,
    IndexedOptionArray,
    ListArray,
    ListOffsetArray,
    NumpyArray,
    RecordArray,
    RegularArray,
    UnmaskedArray,
)
from awkward.contents.content import concrete

__all__ = ["CTYPES", "DECLARED", "HEADER", "RECORDS", "ColumnView", "view_of"]

CTYPES = {
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

HEADER = r"""
#include <algorithm>
#include <any>
#include <cstdint>
#include <cstring>
#include <memory>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>
#include <ROOT/RDataFrame.hxx>
#include <ROOT/RVec.hxx>

namespace awkward_rdf {
using Slots = std::vector<uint64_t>;

template <typename T> const T* pointer(const Slots& s, size_t& k) {
  return reinterpret_cast<const T*>(s[k++]);
}

// One list of a list view: indexable, sized, iterable (range-for).
template <typename V> class Item {
 public:
  using value_type = decltype(std::declval<const V&>().get(0));
  Item() : content_(), start_(0), stop_(0) {}
  Item(const V& content, int64_t start, int64_t stop) : content_(content), start_(start), stop_(stop) {}
  size_t size() const { return (size_t)(stop_ - start_); }
  bool empty() const { return stop_ == start_; }
  value_type operator[](size_t i) const { return content_.get(start_ + (int64_t)i); }
  value_type at(size_t i) const {
    if (i >= size()) throw std::out_of_range("awkward_rdf::Item::at: index out of range");
    return (*this)[i];
  }
  class iterator {
   public:
    iterator(const Item* item, size_t i) : item_(item), i_(i) {}
    value_type operator*() const { return (*item_)[i_]; }
    iterator& operator++() { ++i_; return *this; }
    bool operator==(const iterator& other) const { return i_ == other.i_; }
    bool operator!=(const iterator& other) const { return i_ != other.i_; }
   private:
    const Item* item_;
    size_t i_;
  };
  iterator begin() const { return iterator(this, 0); }
  iterator end() const { return iterator(this, size()); }
 private:
  V content_;
  int64_t start_, stop_;
};

template <typename T> struct Numbers {
  const T* data = nullptr;
  static Numbers make(const Slots& s, size_t& k) { return Numbers{pointer<T>(s, k)}; }
  T get(int64_t i) const { return data[i]; }
};

template <typename I, typename V> struct Lists {
  const I* starts = nullptr;
  const I* stops = nullptr;
  V content;
  static Lists make(const Slots& s, size_t& k) {
    Lists out;
    out.starts = pointer<I>(s, k);
    out.stops = pointer<I>(s, k);
    out.content = V::make(s, k);
    return out;
  }
  Item<V> get(int64_t i) const { return Item<V>(content, (int64_t)starts[i], (int64_t)stops[i]); }
};

template <typename I, typename T> struct FlatLists {
  const I* starts = nullptr;
  const I* stops = nullptr;
  const T* data = nullptr;
  static FlatLists make(const Slots& s, size_t& k) {
    FlatLists out;
    out.starts = pointer<I>(s, k);
    out.stops = pointer<I>(s, k);
    out.data = pointer<T>(s, k);
    return out;
  }
  ROOT::VecOps::RVec<T> get(int64_t i) const {
    return ROOT::VecOps::RVec<T>(const_cast<T*>(data) + starts[i], (size_t)(stops[i] - starts[i]));
  }
};

template <typename I> struct Strings {
  const I* starts = nullptr;
  const I* stops = nullptr;
  const char* chars = nullptr;
  static Strings make(const Slots& s, size_t& k) {
    Strings out;
    out.starts = pointer<I>(s, k);
    out.stops = pointer<I>(s, k);
    out.chars = pointer<char>(s, k);
    return out;
  }
  std::string get(int64_t i) const { return std::string(chars + starts[i], (size_t)(stops[i] - starts[i])); }
};

template <typename I, typename V> struct Indexed {
  const I* index = nullptr;
  V content;
  static Indexed make(const Slots& s, size_t& k) {
    Indexed out;
    out.index = pointer<I>(s, k);
    out.content = V::make(s, k);
    return out;
  }
  auto get(int64_t i) const { return content.get((int64_t)index[i]); }
};

template <typename I, typename V> struct IndexedOption {
  using value_type = decltype(std::declval<const V&>().get(0));
  const I* index = nullptr;
  V content;
  static IndexedOption make(const Slots& s, size_t& k) {
    IndexedOption out;
    out.index = pointer<I>(s, k);
    out.content = V::make(s, k);
    return out;
  }
  std::optional<value_type> get(int64_t i) const {
    int64_t j = (int64_t)index[i];
    if (j < 0) return std::nullopt;
    return content.get(j);
  }
};

template <typename V> struct ByteMasked {
  using value_type = decltype(std::declval<const V&>().get(0));
  const int8_t* mask = nullptr;
  bool valid_when = true;
  V content;
  static ByteMasked make(const Slots& s, size_t& k) {
    ByteMasked out;
    out.mask = pointer<int8_t>(s, k);
    out.valid_when = s[k++] != 0;
    out.content = V::make(s, k);
    return out;
  }
  std::optional<value_type> get(int64_t i) const {
    if ((mask[i] != 0) != valid_when) return std::nullopt;
    return content.get(i);
  }
};

template <typename V> struct Unmasked {
  using value_type = decltype(std::declval<const V&>().get(0));
  V content;
  static Unmasked make(const Slots& s, size_t& k) { return Unmasked{V::make(s, k)}; }
  std::optional<value_type> get(int64_t i) const { return content.get(i); }
};

// The column: a Define whose callable holds the view and (through `keep`, a reference to the
// Python buffers) keeps the buffers alive as long as the computation graph that reads them.
template <typename V>
ROOT::RDF::RNode define(ROOT::RDF::RNode node, const std::string& name, const Slots& slots, std::any keep) {
  size_t k = 0;
  V view = V::make(slots, k);
  auto holder = std::make_shared<std::any>(std::move(keep));
  return node.Define(name, [view, holder](ULong64_t entry) { return view.get((int64_t)entry); }, {"rdfentry_"});
}
}  // namespace awkward_rdf
"""

# Record structs: C++ name -> (is a tuple, [(field, method, field view's C++ type)]); DECLARED: the
# generated structs (and the header, "") that the interpreter already knows.
RECORDS: dict = {}
DECLARED: set = set()
_CPP_KEYWORDS = frozenset(
    "alignas alignof and and_eq asm auto bitand bitor bool break case catch char char8_t char16_t "
    "char32_t class compl concept const consteval constexpr constinit const_cast continue "
    "co_await co_return co_yield decltype default delete do double dynamic_cast else enum "
    "explicit export extern false float for friend goto if inline int long mutable namespace new "
    "noexcept not not_eq nullptr operator or or_eq private protected public register "
    "reinterpret_cast requires return short signed sizeof static static_assert static_cast "
    "struct switch template this thread_local throw true try typedef typeid typename union "
    "unsigned using virtual void volatile wchar_t while xor xor_eq fields".split()
)


class ColumnView:
    """The C++ view type of one column, the slots (addresses, sizes) to build it from, the
    host buffers those addresses point into and the C++ declarations it needs (records)."""

    def __init__(self, name, flatlist_as_rvec, declarations: dict):
        self.name = name
        self.flatlist_as_rvec = flatlist_as_rvec
        self.slots: list = []
        self.keep: list = []
        self.declarations = declarations  # struct name -> C++ code, shared by one call's columns

    def refuse(self, layout, why):
        return TypeError(
            f"ak.to_rdataframe: column {self.name!r} of type {layout.form.type} cannot be "
            f"converted: {why}"
        )

    def buffer(self, data, dtype=None):
        (data,) = concrete(data)
        array = numpy.asarray(data)
        dtype = array.dtype.newbyteorder("=") if dtype is None else numpy.dtype(dtype)
        array = numpy.ascontiguousarray(array, dtype=dtype)
        self.keep.append(array)
        self.slots.append(array.ctypes.data)
        return array

    def ctype(self, layout, dtype):
        ctype = CTYPES.get(str(dtype))
        if ctype is None:
            raise self.refuse(layout, f"dtype {dtype} has no C++ counterpart here")
        return ctype

    def starts_stops(self, layout):
        """ListOffsetArray/ListArray/RegularArray: the index C++ type, after adding slots."""
        if isinstance(layout, RegularArray):
            layout = layout.to_ListOffsetArray64(False)
        if isinstance(layout, ListOffsetArray):
            offsets = self.buffer(layout.offsets.data)
            self.slots[-1:] = [offsets.ctypes.data, offsets.ctypes.data + offsets.itemsize]
        else:
            self.buffer(layout.starts.data)
            self.buffer(layout.stops.data, self.keep[-1].dtype)
        return self.ctype(layout, self.keep[-1].dtype), layout.content


def view_of(layout, column: ColumnView) -> str:
    """The C++ view type of ``layout``; appends its slots to ``column`` (in ``make`` order)."""
    kind = layout.parameter("__array__")
    if isinstance(layout, EmptyArray):
        layout = layout.to_NumpyArray(numpy.dtype(numpy.float64))
    if isinstance(layout, NumpyArray):
        if len(layout.inner_shape) != 0:
            return view_of(layout.to_RegularArray(), column)
        ctype = column.ctype(layout, layout.dtype)
        column.buffer(layout.data)
        return f"awkward_rdf::Numbers<{ctype}>"
    if isinstance(layout, (ListOffsetArray, ListArray, RegularArray)):
        if kind in ("string", "bytestring"):
            index, content = column.starts_stops(layout)
            column.buffer(content.data, numpy.uint8)
            return f"awkward_rdf::Strings<{index}>"
        content = layout.content
        flat = (
            column.flatlist_as_rvec
            and isinstance(content, NumpyArray)
            and len(content.inner_shape) == 0
            and content.parameter("__array__") is None
        )
        index, content = column.starts_stops(layout)
        if flat:
            ctype = column.ctype(content, content.dtype)
            column.buffer(content.data)
            return f"awkward_rdf::FlatLists<{index}, {ctype}>"
        return f"awkward_rdf::Lists<{index}, {view_of(content, column)}>"
    if isinstance(layout, (IndexedOptionArray, IndexedArray)):
        column.buffer(layout.index.data)
        index = column.ctype(layout, column.keep[-1].dtype)
        template = "IndexedOption" if layout.is_option else "Indexed"
        return f"awkward_rdf::{template}<{index}, {view_of(layout.content, column)}>"
    if isinstance(layout, BitMaskedArray):
        return view_of(layout.to_ByteMaskedArray(), column)
    if isinstance(layout, ByteMaskedArray):
        column.buffer(layout.mask.data)
        column.slots.append(int(layout.valid_when))
        return f"awkward_rdf::ByteMasked<{view_of(layout.content, column)}>"
    if isinstance(layout, UnmaskedArray):
        return f"awkward_rdf::Unmasked<{view_of(layout.content, column)}>"
    if isinstance(layout, RecordArray):
        return _record_view(layout, column)
    raise column.refuse(layout, f"{type(layout).__name__} (unions) have no C++ view here")


def _method(field, position):
    """A field's C++ method: its name where that is a plain identifier, else ``_<position>``."""
    plain = field.isidentifier() and field.isascii() and not field.startswith("_")
    if plain and not field.endswith("_") and field not in _CPP_KEYWORDS:
        return field
    return f"_{position}"


def _record_view(layout, column):
    views = [view_of(content, column) for content in layout.contents]
    methods = [_method(field, i) for i, field in enumerate(layout.fields)]
    tag = hashlib.sha1(repr((layout.fields, views)).encode()).hexdigest()[:16]
    array, record = f"RecordArray_{tag}", f"Record_{tag}"
    RECORDS[f"awkward_rdf::{record}"] = (layout.is_tuple, list(zip(layout.fields, methods, views)))
    if record in DECLARED or record in column.declarations:
        return f"awkward_rdf::{array}"
    members = "".join(f"  {view} m{i}_;\n" for i, view in enumerate(views))
    makes = "".join(f"    out.m{i}_ = {view}::make(s, k);\n" for i, view in enumerate(views))
    accessors = "".join(
        f"  auto {method}() const {{ return m{i}_.get(at_); }}\n" for i, method in enumerate(methods)
    )
    copies = "".join(f"m{i}_(array.m{i}_), " for i in range(len(views)))
    column.declarations[record] = (
        "namespace awkward_rdf {\n"
        f"struct {array};\n"
        f"class {record} {{\n public:\n  {record}() : at_(0) {{}}\n"
        f"  {record}(const {array}& array, int64_t at);\n{accessors}"
        f"  size_t fields() const {{ return {len(views)}; }}\n private:\n{members}"
        "  int64_t at_;\n};\n"
        f"struct {array} {{\n{members}"
        f"  static {array} make(const Slots& s, size_t& k) {{\n    {array} out;\n{makes}"
        "    return out;\n  }\n"
        f"  {record} get(int64_t i) const {{ return {record}(*this, i); }}\n}};\n"
        f"inline {record}::{record}(const {array}& array, int64_t at) : {copies}at_(at) {{}}\n"
        "}  // namespace awkward_rdf\n"
    )
    return f"awkward_rdf::{array}"
