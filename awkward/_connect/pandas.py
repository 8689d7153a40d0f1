"""Layouts to pandas DataFrames (ak.to_dataframe).

Every leaf (number or string column) becomes a DataFrame column whose MultiIndex holds the
position at each list level ("entry", "subentry", ...). Columns whose index arrays are equal
share a DataFrame; the DataFrames are then merged left to right on their common levels with
``pd.merge(how=...)``, and an index level that a merge left missing is filled with 0 (what
awkward 2.14 gives). Missing values become NaN; a missing list is an empty list.
"""

from __future__ import annotations

import numpy

from awkward._nplikes.virtual import materialize_if_virtual

__all__ = ["layout_to_dataframes", "merge_dataframes", "import_pandas"]


def import_pandas(function: str):
    try:
        import pandas
    except ImportError:
        raise ImportError(
            f"ak.{function} requires pandas: install it with\n\n    pip install pandas\n\n"
            "or\n\n    conda install -c conda-forge pandas"
        ) from None
    return pandas


def _data(index):
    return numpy.asarray(materialize_if_virtual(index.data))


class _Column:
    __slots__ = ("path", "values", "levels")

    def __init__(self, path, values, levels):
        self.path, self.values, self.levels = path, values, levels


def _expand(starts, stops, rows, valid, levels):
    """Rows of the list contents for the lists ``rows`` (missing ones are empty)."""
    counts = numpy.where(valid, stops[rows] - starts[rows], 0) if len(rows) else stops[:0]
    total = int(counts.sum()) if len(counts) else 0
    parent = numpy.repeat(numpy.arange(len(rows)), counts)
    first = numpy.cumsum(counts) - counts
    local = numpy.arange(total, dtype=numpy.int64) - numpy.repeat(first, counts)
    inner = numpy.repeat(starts[rows] if len(rows) else starts[:0], counts) + local
    return inner.astype(numpy.int64), [level[parent] for level in levels] + [local]


def _leaf_values(values, valid):
    if valid.all():
        return values
    if values.dtype.kind in "iuf":
        out = values.astype(numpy.float64)
        out[~valid] = numpy.nan
        return out
    out = values.astype(object)
    out[~valid] = numpy.nan
    return out


def _starts_stops(layout):
    if layout.is_regular:
        starts = numpy.arange(layout.length, dtype=numpy.int64) * layout.size
        return starts, starts + layout.size
    if hasattr(layout, "offsets"):
        offsets = _data(layout.offsets)
        return offsets[:-1], offsets[1:]
    return _data(layout.starts), _data(layout.stops)


def _strings(layout, rows, valid):
    starts, stops = _starts_stops(layout)
    raw = numpy.asarray(materialize_if_virtual(layout.content.data)).tobytes()
    is_string = layout.parameter("__array__") == "string"
    out = numpy.empty(len(rows), dtype=object)
    for i, (row, ok) in enumerate(zip(rows.tolist(), valid.tolist())):
        if not ok:
            out[i] = numpy.nan
            continue
        chunk = raw[int(starts[row]) : int(stops[row])]
        out[i] = chunk.decode("utf-8", errors="surrogateescape") if is_string else chunk
    return out


def _walk(layout, rows, valid, levels, path, out, function):
    """Append a _Column per leaf below ``layout`` for the elements ``rows`` (``valid`` False
    where an enclosing option was None)."""
    if layout.is_indexed and not layout.is_option:
        index = _data(layout.index)
        _walk(layout.content, index[rows], valid, levels, path, out, function)
    elif layout.is_option:
        index = _data(layout.to_IndexedOptionArray64().index)
        picked = index[rows] if len(rows) else index[:0]
        ok = valid & (picked >= 0)
        _walk(layout.content, numpy.where(ok, picked, 0), ok, levels, path, out, function)
    elif layout.is_record:
        for field, content in zip(layout.fields, layout.contents):
            _walk(content, rows, valid, levels, (*path, field), out, function)
    elif layout.is_union:
        raise TypeError(
            f"ak.{function}: cannot convert a union of different types (at column "
            f"{'.'.join(path) or '<root>'!r}) to a DataFrame column"
        )
    elif layout.parameter("__array__") in ("string", "bytestring"):
        out.append(_Column(path, _strings(layout, rows, valid), levels))
    elif layout.is_list or layout.is_regular:
        starts, stops = _starts_stops(layout)
        inner, inner_levels = _expand(starts, stops, rows, valid, levels)
        ok = numpy.ones(len(inner), dtype=bool)
        _walk(layout.content, inner, ok, inner_levels, path, out, function)
    elif layout.is_numpy:
        if len(layout.inner_shape) > 0:
            _walk(layout.to_RegularArray(), rows, valid, levels, path, out, function)
            return
        data = numpy.asarray(materialize_if_virtual(layout.data))
        values = data[rows] if len(rows) else data[:0]
        out.append(_Column(path, _leaf_values(values, valid), levels))
    elif layout.is_unknown:
        values = numpy.zeros(len(rows), dtype=numpy.float64)
        out.append(_Column(path, _leaf_values(values, valid), levels))
    else:
        raise TypeError(f"ak.{function}: cannot convert {type(layout).__name__}")


def _same_levels(a, b):
    return len(a) == len(b) and all(numpy.array_equal(x, y) for x, y in zip(a, b))


def layout_to_dataframes(layout, levelname, anonymous, function="to_dataframe"):
    """One DataFrame per distinct index structure, in the order of the first leaf of each."""
    pandas = import_pandas(function)
    length = layout.length
    rows = numpy.arange(length, dtype=numpy.int64)
    columns: list[_Column] = []
    _walk(layout, rows, numpy.ones(length, dtype=bool), [rows], (), columns, function)

    depth = max((len(c.path) for c in columns), default=0)

    def name(path):
        if depth == 0:
            return anonymous
        if depth == 1:
            return path[0] if path else anonymous
        return tuple(path) + ("",) * (depth - len(path))

    groups: list[list[_Column]] = []
    for column in columns:
        for group in groups:
            if _same_levels(group[0].levels, column.levels):
                group.append(column)
                break
        else:
            groups.append([column])

    out = []
    for group in groups:
        levels = group[0].levels
        names = [levelname(i) for i in range(len(levels))]
        if len(levels) == 1:
            index = pandas.Index(levels[0], name=names[0])
        else:
            index = pandas.MultiIndex.from_arrays(levels, names=names)
        data = {name(c.path): c.values for c in group}
        frame = pandas.DataFrame(data, index=index)
        if depth > 1:
            frame.columns = pandas.MultiIndex.from_tuples(list(data))
        out.append(frame)
    return out


def merge_dataframes(frames, how, function="to_dataframe"):
    """Merge left to right on the common index levels; levels a merge left missing are 0."""
    pandas = import_pandas(function)
    last = frames[0]
    for frame in frames[1:]:
        left_names = list(last.index.names)
        right_names = list(frame.index.names)
        names = left_names if len(left_names) >= len(right_names) else right_names
        common = [n for n in left_names if n in right_names]
        left_columns, right_columns = list(last.columns), list(frame.columns)
        # positional internal names: columns may be tuples, and the two sides may share names
        left = last.copy()
        left.columns = [f"__left{i}" for i in range(len(left_columns))]
        right = frame.copy()
        right.columns = [f"__right{i}" for i in range(len(right_columns))]
        merged = pandas.merge(left.reset_index(), right.reset_index(), how=how, on=common)
        for level in names:
            if merged[level].isna().any():
                merged[level] = merged[level].fillna(0)
            merged[level] = merged[level].astype(numpy.int64)
        merged = merged.set_index(names)
        merged = merged[[*left.columns, *right.columns]]
        all_columns = left_columns + right_columns
        if isinstance(last.columns, pandas.MultiIndex) or isinstance(
            frame.columns, pandas.MultiIndex
        ):
            merged.columns = pandas.MultiIndex.from_tuples(all_columns)
        else:
            merged.columns = all_columns
        last = merged
    return last
