"""numba's typing and lowering of array and record views: typeof, unboxing and boxing, ``len``,
iteration, ``view[i]`` (negative too), ``view[a:b]``, ``view.field``/``view["field"]`` (applied
below lists and options), ``record.field``/``record["field"]``/``record[0]`` (tuples).

Behaviors of named records (``__numba_typer__``/``__numba_lower__``) are in behaviors.py.
"""

from __future__ import annotations

import operator

import numba
from numba.core import cgutils, types
from numba.core.errors import NumbaTypeError
from numba.core.imputils import (
    RefType,
    iternext_impl,
    lower_builtin,
    lower_constant,
    lower_getattr_generic,
)
from numba.core.typing.templates import (
    AbstractTemplate,
    AttributeTemplate,
    infer_getattr,
    infer_global,
    signature,
)
from numba.cpython import slicing
from numba.extending import NativeValue, box, typeof_impl, unbox

from awkward._connect.numba import lookup as _lookup
from awkward._connect.numba.views import (
    ArrayViewIteratorType,
    ArrayViewType,
    RecordViewType,
    has_field_below,
    intp,
    make_view,
    view_type,
)
from awkward.highlevel import Array, Record


# ---------------------------------------------------------------------- typeof
@typeof_impl.register(Array)
def _typeof_array(value, context):
    return _lookup.array_numba_type(value)


@typeof_impl.register(Record)
def _typeof_record(value, context):
    return _lookup.array_numba_type(value)


# ---------------------------------------------------------------------- unboxing
def _unbox_view(c, obj, proxy, at=None):
    """Fill ``proxy`` (an ArrayView) from the Lookup of ``obj``; returns the error flag."""
    pyapi = c.pyapi
    function = pyapi.unserialize(pyapi.serialize_object(_lookup.lookup_of))
    lookup = pyapi.call_function_objargs(function, [obj])
    pyapi.decref(function)
    failed = cgutils.is_null(c.builder, lookup)
    with c.builder.if_then(c.builder.not_(failed), likely=True):
        ptr = pyapi.object_getattr_string(lookup, "ptr")
        length = pyapi.object_getattr_string(lookup, "length")
        proxy.pos = intp(c.context, _lookup.ROOT)
        proxy.start = intp(c.context, 0)
        proxy.stop = pyapi.long_as_longlong(length)
        proxy.arrayptrs = c.builder.bitcast(pyapi.long_as_voidptr(ptr), proxy.arrayptrs.type)
        proxy.pylookup = lookup
        pyapi.decref(ptr)
        pyapi.decref(length)
        if at is not None:  # an ak.Record: its position in the record array
            layout = pyapi.object_getattr_string(obj, "_layout")
            atobj = pyapi.object_getattr_string(layout, "at")
            c.builder.store(pyapi.long_as_longlong(atobj), at)
            pyapi.decref(atobj)
            pyapi.decref(layout)
        pyapi.decref(lookup)  # the ak.Array's cache keeps it alive
    return failed


@unbox(ArrayViewType)
def _unbox_array(typ, obj, c):
    proxy = c.context.make_helper(c.builder, typ)
    failed = _unbox_view(c, obj, proxy)
    return NativeValue(proxy._getvalue(), is_error=failed)


@unbox(RecordViewType)
def _unbox_record(typ, obj, c):
    view = c.context.make_helper(c.builder, typ.arrayviewtype)
    at = cgutils.alloca_once_value(c.builder, intp(c.context, 0))
    failed = _unbox_view(c, obj, view, at)
    proxy = c.context.make_helper(c.builder, typ)
    proxy.arrayview = view._getvalue()
    proxy.at = c.builder.load(at)
    return NativeValue(proxy._getvalue(), is_error=failed)


# ---------------------------------------------------------------------- boxing
def _call_python(c, function, args):
    pyapi = c.pyapi
    callee = pyapi.unserialize(pyapi.serialize_object(function))
    out = pyapi.call_function_objargs(callee, args)
    pyapi.decref(callee)
    for arg in args[1:]:
        pyapi.decref(arg)
    return out


@box(ArrayViewType)
def _box_array(typ, val, c):
    view = c.context.make_helper(c.builder, typ, val)
    fields = c.pyapi.unserialize(c.pyapi.serialize_object(typ.fields))
    numbers = [c.pyapi.long_from_longlong(x) for x in (view.pos, view.start, view.stop)]
    return _call_python(c, _lookup.box_array, [view.pylookup, *numbers, fields])


@box(RecordViewType)
def _box_record(typ, val, c):
    record = c.context.make_helper(c.builder, typ, val)
    view = c.context.make_helper(c.builder, typ.arrayviewtype, record.arrayview)
    numbers = [c.pyapi.long_from_longlong(x) for x in (view.pos, record.at)]
    return _call_python(c, _lookup.box_record, [view.pylookup, *numbers])


# ---------------------------------------------------------------------- global constants
_CONSTANT_LOOKUPS: dict = {}  # id -> the Lookups that compiled code points into: kept for ever


def _constant_view(context, builder, viewtype, lookup):
    proxy = context.make_helper(builder, viewtype)
    proxy.pos = intp(context, _lookup.ROOT)
    proxy.start = intp(context, 0)
    proxy.stop = intp(context, lookup.length)
    # (dynamic addresses: numba does not cache a function that holds them to disk)
    arrayptrs = context.add_dynamic_addr(builder, lookup.ptr, info="ak.Array constant buffers")
    proxy.arrayptrs = builder.bitcast(arrayptrs, proxy.arrayptrs.type)
    proxy.pylookup = context.add_dynamic_addr(builder, id(lookup), info="ak.Array constant")
    return proxy


@lower_constant(ArrayViewType)
def _lower_constant_array(context, builder, viewtype, pyval):
    """An ak.Array referenced as a global of a compiled function: laid out when the function
    is compiled (its buffers are read then), as awkward 2.14 does."""
    lookup = _lookup.lookup_of(pyval)
    _CONSTANT_LOOKUPS[id(lookup)] = lookup
    return _constant_view(context, builder, viewtype, lookup)._getvalue()


@lower_constant(RecordViewType)
def _lower_constant_record(context, builder, recordviewtype, pyval):
    lookup = _lookup.lookup_of(pyval)
    _CONSTANT_LOOKUPS[id(lookup)] = lookup
    view = _constant_view(context, builder, recordviewtype.arrayviewtype, lookup)
    proxy = context.make_helper(builder, recordviewtype)
    proxy.arrayview = view._getvalue()
    proxy.at = intp(context, pyval._layout.at)
    return proxy._getvalue()


# ---------------------------------------------------------------------- len and iteration
@infer_global(len)
class _Len(AbstractTemplate):
    def generic(self, args, kws):
        if len(args) == 1 and not kws and isinstance(args[0], ArrayViewType):
            return signature(types.intp, args[0])
        return None


@lower_builtin(len, ArrayViewType)
def _lower_len(context, builder, sig, args):
    view = context.make_helper(builder, sig.args[0], args[0])
    return builder.sub(view.stop, view.start)


@lower_builtin("getiter", ArrayViewType)
def _lower_getiter(context, builder, sig, args):
    iterator = context.make_helper(builder, sig.return_type)
    iterator.view = args[0]
    iterator.index = cgutils.alloca_once_value(builder, intp(context, 0))
    return iterator._getvalue()


@lower_builtin("iternext", ArrayViewIteratorType)
@iternext_impl(RefType.BORROWED)
def _lower_iternext(context, builder, sig, args, result):
    (itertype,) = sig.args
    iterator = context.make_helper(builder, itertype, args[0])
    viewtype = itertype.arrayviewtype
    view = context.make_helper(builder, viewtype, iterator.view)
    index = builder.load(iterator.index)
    at = builder.add(view.start, index)
    valid = builder.icmp_signed("<", at, view.stop)
    result.set_valid(valid)
    with builder.if_then(valid, likely=True):
        result.yield_(viewtype.type.lower_getitem_at(context, builder, viewtype, view, at))
        builder.store(builder.add(index, intp(context, 1)), iterator.index)


# ---------------------------------------------------------------------- getitem and fields
def _field_view_type(viewtype, key):
    if not has_field_below(viewtype.type, key):
        raise numba.TypingError(f"ak.Array in numba: no field {key!r} in {viewtype.type.name}")
    return view_type(viewtype.type, viewtype.behavior, (*viewtype.fields, str(key)))


def record_field_type(recordviewtype, key):
    recordtype = recordviewtype.arrayviewtype.type
    if not recordtype.has_field(key):
        return None
    return recordtype.field_type(recordviewtype.arrayviewtype, key)


@infer_global(operator.getitem)
class _GetItem(AbstractTemplate):
    prefer_literal = True

    def generic(self, args, kws):
        if len(args) != 2 or kws:
            return None
        target, where = args
        if isinstance(target, ArrayViewType):
            if isinstance(where, types.Integer):
                return signature(target.element_type(), target, where)
            if isinstance(where, types.SliceType):
                if where.has_step:  # (a TypingError in awkward 2.14 too)
                    raise NumbaTypeError(
                        "ak.Array in numba: only start:stop slices (views) are supported, "
                        "not slices with a step"
                    )
                return signature(target, target, where)
            if isinstance(where, types.StringLiteral):
                return signature(_field_view_type(target, where.literal_value), target, where)
        if isinstance(target, RecordViewType):
            if isinstance(where, (types.StringLiteral, types.IntegerLiteral)):
                out = record_field_type(target, where.literal_value)
                if out is None:
                    raise numba.TypingError(f"ak.Record in numba: no field {where.literal_value!r}")
                return signature(out, target, where)
        return None


class IndexOutOfBoundsError(IndexError, ValueError):
    """An integer index out of range in compiled code: a ValueError as in awkward 2.14, and an
    IndexError as in Python."""


def _raise(context, builder, condition, exception, message):
    with builder.if_then(condition, likely=False):
        context.call_conv.return_user_exc(builder, exception, (message,))


@lower_builtin(operator.getitem, ArrayViewType, types.Integer)
def _lower_getitem_at(context, builder, sig, args):
    viewtype, wheretype = sig.args
    view = context.make_helper(builder, viewtype, args[0])
    where = context.cast(builder, args[1], wheretype, types.intp)
    length = builder.sub(view.stop, view.start)
    if wheretype.signed:
        negative = builder.icmp_signed("<", where, intp(context, 0))
        where = builder.select(negative, builder.add(where, length), where)
    _raise(
        context,
        builder,
        builder.icmp_unsigned(">=", where, length),
        IndexOutOfBoundsError,
        "ak.Array in numba: slice index out of bounds",
    )
    at = builder.add(view.start, where)
    return viewtype.type.lower_getitem_at(context, builder, viewtype, view, at)


@lower_builtin(operator.getitem, ArrayViewType, types.SliceType)
def _lower_getitem_range(context, builder, sig, args):
    viewtype, slicetype = sig.args
    view = context.make_helper(builder, viewtype, args[0])
    where = context.make_helper(builder, slicetype, args[1])
    slicing.guard_invalid_slice(context, builder, slicetype, where)
    length = builder.sub(view.stop, view.start)
    slicing.fix_slice(builder, where, length)
    start = where.start
    stop = builder.select(builder.icmp_signed("<", where.stop, start), start, where.stop)
    out = context.make_helper(builder, viewtype, args[0])
    out.start = builder.add(view.start, start)
    out.stop = builder.add(view.start, stop)
    return out._getvalue()


def _lower_view_field(context, builder, viewtype, value, key):
    view = context.make_helper(builder, viewtype, value)
    _, out = make_view(
        context, builder, viewtype.type, viewtype.behavior, (*viewtype.fields, str(key)),
        view.pos, view.start, view.stop, view.arrayptrs, view.pylookup,
    )  # fmt: skip
    return out._getvalue()


@lower_builtin(operator.getitem, ArrayViewType, types.StringLiteral)
def _lower_getitem_field(context, builder, sig, args):
    return _lower_view_field(context, builder, sig.args[0], args[0], sig.args[1].literal_value)


def lower_record_field(context, builder, recordviewtype, value, key):
    record = context.make_helper(builder, recordviewtype, value)
    viewtype = recordviewtype.arrayviewtype
    view = context.make_helper(builder, viewtype, record.arrayview)
    return viewtype.type.lower_field(context, builder, viewtype, view, key, record.at)


@lower_builtin(operator.getitem, RecordViewType, types.StringLiteral)
@lower_builtin(operator.getitem, RecordViewType, types.IntegerLiteral)
def _lower_record_getitem(context, builder, sig, args):
    return lower_record_field(context, builder, sig.args[0], args[0], sig.args[1].literal_value)


@infer_getattr
class _ArrayViewAttribute(AttributeTemplate):
    key = ArrayViewType

    def generic_resolve(self, viewtype, attr):
        if has_field_below(viewtype.type, attr):
            return view_type(viewtype.type, viewtype.behavior, (*viewtype.fields, attr))
        return None


@lower_getattr_generic(ArrayViewType)
def _lower_getattr(context, builder, typ, value, attr):
    return _lower_view_field(context, builder, typ, value, attr)
