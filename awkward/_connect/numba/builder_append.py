"""``builder.append(x)`` and ``builder.extend(xs)`` for ak.ArrayBuilder inside numba.

What ``append`` does follows the numba type of ``x``, as the Python builder follows the
Python type: None / an Optional that is None -> null, bool, integers, floats, complex,
str, bytes, datetime64/timedelta64, tuples (a tuple of the same items), numpy arrays and
lists (lists), and views of ak.Arrays passed into the function: an array view is a list of
its elements, a record view a record (a tuple for tuple records), as the Python builder
appends ``array.to_list()`` (record names are not kept there either).
"""

from __future__ import annotations

from numba.core import types
from numba.extending import overload_method

from awkward._connect.numba.builder import ArrayBuilderType, _unwrap_optional


def _tuple_appender(n):
    """append for a (possibly heterogeneous) tuple of ``n`` items: unrolled source."""
    lines = ["def impl(b, x):", f"    b.begin_tuple({n})"]
    for i in range(n):
        lines.append(f"    b.index({i})")
        lines.append(f"    b.append(x[{i}])")
    lines.append("    b.end_tuple()")
    scope = {}
    exec("\n".join(lines), scope)  # noqa: S102  (generated from a constant template)
    return scope["impl"]


def _record_appender(x):
    """append for a record view: its fields in order (a tuple if the records are tuples)."""
    from awkward._connect.numba.views import RecordViewType

    if not isinstance(x, RecordViewType):
        return None
    layout = x.arrayviewtype.type
    names = list(layout.field_names())
    if layout.fields is None:
        lines = ["def impl(b, x):", f"    b.begin_tuple({len(names)})"]
        for i, name in enumerate(names):
            lines += [f"    b.index({i})", f"    b.append(x[{name!r}])"]
        lines.append("    b.end_tuple()")
    else:
        lines = ["def impl(b, x):", "    b.begin_record()"]
        for name in names:
            lines += [f"    b.field({name!r})", f"    b.append(x[{name!r}])"]
        lines.append("    b.end_record()")
    scope = {}
    exec("\n".join(lines), scope)  # noqa: S102  (field names are repr()-quoted literals)
    return scope["impl"]


def _is_array_view(x):
    from awkward._connect.numba.views import ArrayViewType

    return isinstance(x, ArrayViewType)


@overload_method(ArrayBuilderType, "append")
def _ol_append(b, x):
    if isinstance(x, (types.NoneType, types.Omitted)) or x is None:

        def impl(b, x):
            b.null()

        return impl
    if isinstance(x, types.Optional):

        def impl(b, x):
            if x is None:
                b.null()
            else:
                b.append(_unwrap_optional(x))

        return impl
    if isinstance(x, types.Boolean):
        return lambda b, x: b.boolean(x)
    if isinstance(x, types.Integer):
        return lambda b, x: b.integer(x)
    if isinstance(x, types.Float):
        return lambda b, x: b.real(x)
    if isinstance(x, types.Complex):
        return lambda b, x: b.complex(x)
    if isinstance(x, (types.UnicodeType, types.StringLiteral)):
        return lambda b, x: b.string(x)
    if isinstance(x, types.Bytes):
        return lambda b, x: b.bytestring(x)
    if isinstance(x, types.NPDatetime):
        return lambda b, x: b.datetime(x)
    if isinstance(x, types.NPTimedelta):
        return lambda b, x: b.timedelta(x)
    if isinstance(x, types.BaseTuple):
        return _tuple_appender(len(x))
    impl = _record_appender(x)
    if impl is not None:
        return impl
    if isinstance(x, (types.Array, types.List, types.ListType)) or _is_array_view(x):

        def impl(b, x):
            b.begin_list()
            for item in x:
                b.append(item)
            b.end_list()

        return impl
    return None


@overload_method(ArrayBuilderType, "extend")
def _ol_extend(b, x):
    if isinstance(x, (types.IterableType, types.Array, types.BaseTuple)):

        def impl(b, x):
            for item in x:
                b.append(item)

        return impl
    return None

