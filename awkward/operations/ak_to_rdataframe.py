"""ak.to_rdataframe: columns of arrays -> a ROOT RDataFrame (needs ROOT)."""

from __future__ import annotations

from awkward.operations.ak_to_layout import to_layout

__all__ = ["to_rdataframe"]


def to_rdataframe(arrays, *, flatlist_as_rvec=True):
    """A ROOT ``RDataFrame`` (an ``RNode``) over a dict of equal-length arrays, one column each,
    which Define/Filter/Histo/Take expressions use as these C++ types:

    - numbers: their C++ type (``double``, ``float``, ``int64_t``, ..., ``bool``);
    - lists of numbers: ``ROOT::VecOps::RVec<T>`` over the array's own buffer (no copy) when
      ``flatlist_as_rvec`` (at any depth), else an ``awkward_rdf::Item`` like other lists;
    - other lists (nested lists, lists of strings, records or options):
      ``awkward_rdf::Item<...>``, a view with ``size()``, ``empty()``, ``x[i]``, ``x.at(i)``
      and ``begin()``/``end()`` (``for (auto v : x)``), whose items have these same types;
    - strings and bytestrings: ``std::string``;
    - missing values: ``std::optional<T>`` (``x.has_value()``, ``*x``, ``x.value_or(0)``);
    - records: a generated ``awkward_rdf::Record_<hash>`` with one method per field, called
      with parentheses: ``x.pt()``, ``x.jets()[0].eta()``; a field whose name is not a plain
      C++ identifier (tuple slots "0", "1", names with ``_`` at either end, C++ keywords) is
      ``x._<position>()``.

    The columns read the arrays' buffers in place; only these columns' buffers are read, once,
    when this function runs. ROOT's computation graph holds a reference to them, so every node
    derived from the result stays valid. Unions and dtypes without a C++ number type
    (complex, datetime, float16) are a TypeError naming the column. Needs ROOT (``pip install
    ROOT``): ImportError saying so when missing."""
    ROOT = _import_root("to_rdataframe")
    if not isinstance(arrays, dict):
        raise TypeError("ak.to_rdataframe: 'arrays' must be a dict of column name -> array")
    from awkward._connect.rdataframe import rdataframe_from_layouts

    layouts = {name: to_layout(array, allow_record=False) for name, array in arrays.items()}
    return rdataframe_from_layouts(ROOT, layouts, bool(flatlist_as_rvec))


def _import_root(function):
    from awkward._connect.dense import import_optional

    return import_optional("ROOT", function, "ROOT  (or: conda install -c conda-forge root)")
