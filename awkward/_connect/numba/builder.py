"""ak.ArrayBuilder inside numba: njit code records its calls on a command tape.

An ak.ArrayBuilder passed into an njit function is unboxed into a struct of raw addresses of
the numpy buffers of a Python ``_Tape`` (builder_replay.py): the tape (int64 opcodes and
arguments; float64 values stored as their bits), ``state`` (counters, the tape's current
address) and a shadow stack of the open lists/records/tuples. Nothing in the struct is
reference-counted, so passing the builder around in compiled code costs nothing. Every method
appends to the tape and checks the call as the Python builder would (the same error types,
the same messages for misuse), so errors are raised inside njit at the faulty call.

The tape is replayed into the Python builder's nodes (``awkward/_builder``) when it is long
and nothing is open (a callback with the GIL; otherwise the buffer grows) and when the njit
call returns (numba's unbox cleanup, which runs before a returned builder is boxed), so a
builder filled partly in Python, partly in njit and again in Python keeps the order of its
calls. Returning the builder boxes the same Python object. Replay is column by column where
builder_columns.py can model the calls, call by call otherwise. ``append``/``extend`` live in
builder_append.py. ``with builder.list():`` and the other context managers cannot exist in
njit (numba compiles no user-defined ``with`` blocks).
"""

from __future__ import annotations

import hashlib

import numpy as np
from llvmlite import ir
from numba.core import cgutils, types
from numba.extending import (
    NativeValue,
    box,
    intrinsic,
    make_attribute_wrapper,
    models,
    overload,
    overload_method,
    register_jitable,
    register_model,
    typeof_impl,
    unbox,
)

from awkward._builder.core import misuse
from awkward._connect.numba import builder_replay as _replay
from awkward._connect.numba.builder_replay import (
    BUFFER,
    CAPACITY,
    DEPTH,
    FILLED_CAPACITY,
    FRAME,
    FTOP,
    KIND_LIST,
    KIND_RECORD,
    KIND_TUPLE,
    LENGTH,
    NUSED,
    OP_BEGIN_LIST,
    OP_BEGIN_RECORD,
    OP_BEGIN_TUPLE,
    OP_BOOL,
    OP_BYTES,
    OP_COMPLEX,
    OP_DATETIME,
    OP_END_LIST,
    OP_END_RECORD,
    OP_END_TUPLE,
    OP_FIELD,
    OP_INDEX,
    OP_INT,
    OP_NULL,
    OP_REAL,
    OP_STRING,
    OP_TIMEDELTA,
    STACK_CAPACITY,
)
from awkward._highlevel.builder import ArrayBuilder

__all__ = ["ArrayBuilderType"]


# ====================================================================== the numba type
class ArrayBuilderType(types.Type):
    """The numba type of an ak.ArrayBuilder (one type for every builder: no compile per type)."""

    def __init__(self):
        super().__init__(name="ak.ArrayBuilder")


arraybuilder_type = ArrayBuilderType()
# addresses of the _Tape's numpy buffers (raw, so that passing the builder around in compiled
# code costs no reference counting; the _Tape keeps them alive until the call returns)
_MEMBERS = [
    ("tape", types.voidptr),  # borrowed PyObject* of the _Tape (alive until the call returns)
    ("builder", types.voidptr),  # borrowed PyObject* of the ak.ArrayBuilder (an argument)
    ("state", types.int64),
    ("stack", types.int64),
    ("filled", types.int64),
]


@register_model(ArrayBuilderType)
class ArrayBuilderModel(models.StructModel):
    def __init__(self, dmm, fe_type):
        super().__init__(dmm, fe_type, _MEMBERS)


for _name, _ in _MEMBERS[2:]:
    make_attribute_wrapper(ArrayBuilderType, _name, "_" + _name)


@typeof_impl.register(ArrayBuilder)
def _typeof_builder(val, c):
    return arraybuilder_type


# ====================================================================== boxing
def _call_global(pyapi, func, args):
    """Call the module-level Python function ``func`` with PyObject* args (new ref or NULL)."""
    fn = pyapi.unserialize(pyapi.serialize_object(func))
    out = pyapi.call_function_objargs(fn, args)
    pyapi.decref(fn)
    return out


@unbox(ArrayBuilderType)
def _unbox_builder(typ, obj, c):
    tape = _call_global(c.pyapi, _replay.open_tape, [obj])
    failed = cgutils.alloca_once_value(c.builder, cgutils.is_null(c.builder, tape))
    proxy = cgutils.create_struct_proxy(typ)(c.context, c.builder)
    outptr = cgutils.alloca_once_value(c.builder, proxy._getvalue())
    with c.builder.if_then(c.builder.not_(c.builder.load(failed)), likely=True):
        proxy.tape = c.builder.bitcast(tape, cgutils.voidptr_t)
        proxy.builder = c.builder.bitcast(obj, cgutils.voidptr_t)
        for name, arrty in _MEMBERS[2:]:
            attr = c.pyapi.object_getattr_string(tape, name + "_addr")
            native = c.unbox(arrty, attr)
            c.pyapi.decref(attr)
            setattr(proxy, name, native.value)
            with c.builder.if_then(native.is_error, likely=False):
                c.builder.store(cgutils.true_bit, failed)
        c.builder.store(proxy._getvalue(), outptr)

    def cleanup():
        # replay what is left on the tape (never raises: see builder_replay.close_tape)
        # (an exception raised by the njit function stays set: keep it aside meanwhile)
        with c.pyapi.err_push(keep_new=False):
            out = _call_global(c.pyapi, _replay.close_tape, [tape])
            c.pyapi.decref(out)
        c.pyapi.decref(tape)

    return NativeValue(c.builder.load(outptr), is_error=c.builder.load(failed), cleanup=cleanup)


@box(ArrayBuilderType)
def _box_builder(typ, val, c):
    # the tape was replayed by the argument's cleanup, which runs before the result is boxed
    proxy = cgutils.create_struct_proxy(typ)(c.context, c.builder, value=val)
    obj = c.builder.bitcast(proxy.builder, c.pyapi.pyobj)
    c.pyapi.incref(obj)
    c.context.nrt.decref(c.builder, typ, val)
    return obj


# ====================================================================== calls back into Python
@intrinsic
def _callback(typingctx, b, code, arg):
    """``builder_replay.callback(tape, code, arg)`` with the GIL; its int result, or the
    Python exception it raised propagated out of the njit function."""
    sig = types.int64(b, code, arg)

    def codegen(context, builder, sig, args):
        pyapi = context.get_python_api(builder)
        gil = pyapi.gil_ensure()
        proxy = cgutils.create_struct_proxy(sig.args[0])(context, builder, value=args[0])
        tape = builder.bitcast(proxy.tape, pyapi.pyobj)
        codeobj = pyapi.long_from_longlong(args[1])
        argty = sig.args[2]
        if isinstance(argty, (types.NoneType, types.Omitted)):
            argobj = pyapi.make_none()
        else:
            context.nrt.incref(builder, argty, args[2])  # boxing consumes a reference
            argobj = pyapi.from_native_value(argty, args[2])
        out = _call_global(pyapi, _replay.callback, [tape, codeobj, argobj])
        pyapi.decref(codeobj)
        pyapi.decref(argobj)
        with builder.if_then(cgutils.is_null(builder, out), likely=False):
            pyapi.gil_release(gil)
            context.call_conv.return_exc(builder)
        value = pyapi.long_as_longlong(out)
        pyapi.decref(out)
        pyapi.gil_release(gil)
        return value

    return sig, codegen


@intrinsic
def _as_int64(typingctx, x):
    """The int64 behind a datetime64/timedelta64 value."""

    def codegen(context, builder, sig, args):
        return args[0]

    return types.int64(x), codegen


@intrinsic
def _unwrap_optional(typingctx, x):
    """The value of an Optional known not to be None."""

    def codegen(context, builder, sig, args):
        return context.cast(builder, args[0], sig.args[0], sig.return_type)

    return x.type(x), codegen


CALLBACK_ROOM, CALLBACK_INTERN = 0, 1
_ID_GETTERS = {}


def _id_of(text):
    """An intrinsic giving ``intern(text)`` at run time: the id is looked up once per process
    and compiled function (kept in a global of the function's LLVM module), so code loaded
    from numba's cache (``cache=True``) never trusts ids from the process that compiled it."""
    getter = _ID_GETTERS.get(text)
    if getter is not None:
        return getter
    utf8 = text.encode("utf-8")
    name = "ak_builder_id_" + hashlib.sha1(utf8).hexdigest()

    @intrinsic
    def getter(typingctx):
        def codegen(context, builder, sig, args):
            i64 = ir.IntType(64)
            gv = builder.module.globals.get(name)
            if gv is None:
                gv = ir.GlobalVariable(builder.module, i64, name)
                gv.linkage = "internal"
                gv.initializer = ir.Constant(i64, -1)
            unknown = builder.icmp_signed("<", builder.load(gv), ir.Constant(i64, 0))
            with builder.if_then(unknown, likely=False):
                pyapi = context.get_python_api(builder)
                gil = pyapi.gil_ensure()
                cstr = context.insert_const_string(builder.module, text)  # UTF-8, NUL-ended
                strobj = pyapi.string_from_string(cstr)
                out = _call_global(pyapi, _replay.intern, [strobj])
                pyapi.decref(strobj)
                with builder.if_else(cgutils.is_null(builder, out)) as (failed, ok):
                    with failed:
                        pyapi.err_clear()  # (not expected: retried at the next call)
                    with ok:
                        builder.store(pyapi.long_as_longlong(out), gv)
                        pyapi.decref(out)
                pyapi.gil_release(gil)
            return builder.load(gv)

        return types.int64(), codegen

    _ID_GETTERS[text] = getter
    return getter


@intrinsic
def _store(typingctx, addr, index, value):
    """``((value's type)*) addr)[index] = value``: the tape's buffer may move when it grows,
    so compiled code finds it through its address in ``state``."""

    def codegen(context, builder, sig, args):
        ptrty = ir.PointerType(context.get_value_type(sig.args[2]))
        ptr = builder.inttoptr(args[0], ptrty)
        builder.store(args[2], builder.gep(ptr, [args[1]]))
        return context.get_dummy_value()

    return types.void(types.int64, types.int64, value), codegen


@intrinsic
def _load(typingctx, addr, index):
    """``((int64*) addr)[index]``."""

    def codegen(context, builder, sig, args):
        ptr = builder.inttoptr(args[0], ir.PointerType(ir.IntType(64)))
        return builder.load(builder.gep(ptr, [args[1]]))

    return types.int64(types.int64, types.int64), codegen


@register_jitable
def _ld(addr, i):
    return _load(addr, i)


@register_jitable
def _st(addr, i, value):
    _store(addr, i, np.int64(value))


@register_jitable
def _wi(b, i, value):
    _store(_ld(b._state, BUFFER), i, np.int64(value))


@register_jitable
def _wf(b, i, value):
    _store(_ld(b._state, BUFFER), i, np.float64(value))


# ====================================================================== tape writing and checks
_MSG_FILLED = "ArrayBuilder: record field or tuple slot filled more than once"
_MSG_NO_FIELD_RECORD = (
    "ArrayBuilder: called a value method inside a record without selecting a field with "
    "'field' first"
)
_MSG_NO_FIELD_TUPLE = (
    "ArrayBuilder: called a value method inside a tuple without selecting a slot with 'index' "
    "first"
)
_MSG_DEEP = "ArrayBuilder: lists/records/tuples nested too deeply inside njit"
_MSG_MANY = "ArrayBuilder: too many fields filled in open records inside njit"
_MSG_END_LIST = str(misuse("end_list", "begin_list"))
_MSG_FIELD = str(misuse("field", "begin_record"))
_MSG_END_RECORD = str(misuse("end_record", "begin_record"))
_MSG_INDEX = str(misuse("index", "begin_tuple"))
_MSG_END_TUPLE = str(misuse("end_tuple", "begin_tuple"))
_MSG_NUMFIELDS = "ArrayBuilder.begin_tuple: numfields must be >= 0"
_MSG_INDEX_RANGE = "ArrayBuilder.index: slot index out of range for the open tuple"


@register_jitable
def _reserve(b, k):
    """Room for ``k`` more slots on the tape (Python grows it, or replays it when it is
    large and nothing is open)."""
    st = b._state
    if _ld(st, NUSED) + k > _ld(st, CAPACITY):
        _callback(b, CALLBACK_ROOM, np.int64(k))


@register_jitable
def _is_filled(b, base, slot):
    st = b._state
    for j in range(_ld(b._stack, base + 3), _ld(st, FTOP)):
        if _ld(b._filled, j) == slot:
            return True
    return False


@register_jitable
def _enter(b):
    """A value (or begin_*) is about to go into the innermost open container: check it."""
    depth = _ld(b._state, DEPTH)
    if depth > 0:
        base = (depth - 1) * FRAME
        kind = _ld(b._stack, base)
        if kind != KIND_LIST:
            slot = _ld(b._stack, base + 2)
            if slot < 0:
                if kind == KIND_RECORD:
                    raise ValueError(_MSG_NO_FIELD_RECORD)
                raise ValueError(_MSG_NO_FIELD_TUPLE)
            if _is_filled(b, base, slot):
                raise ValueError(_MSG_FILLED)


@register_jitable
def _completed(b):
    """A value was completed in the innermost open container (or at the top level)."""
    st = b._state
    depth = _ld(st, DEPTH)
    if depth == 0:
        _st(st, LENGTH, _ld(st, LENGTH) + 1)
    else:
        base = (depth - 1) * FRAME
        if _ld(b._stack, base) != KIND_LIST:
            if _ld(st, FTOP) >= FILLED_CAPACITY:
                raise ValueError(_MSG_MANY)
            _st(b._filled, _ld(st, FTOP), _ld(b._stack, base + 2))
            _st(st, FTOP, _ld(st, FTOP) + 1)


@register_jitable
def _push(b, kind, arg):
    st = b._state
    depth = _ld(st, DEPTH)
    if depth >= STACK_CAPACITY:
        raise ValueError(_MSG_DEEP)
    base = depth * FRAME
    _st(b._stack, base, kind)
    _st(b._stack, base + 1, arg)
    _st(b._stack, base + 2, -1)
    _st(b._stack, base + 3, _ld(st, FTOP))
    _st(st, DEPTH, depth + 1)


@register_jitable
def _pop(b):
    st = b._state
    depth = _ld(st, DEPTH) - 1
    _st(st, FTOP, _ld(b._stack, depth * FRAME + 3))
    _st(st, DEPTH, depth)
    _completed(b)


@register_jitable
def _top_kind(b):
    depth = _ld(b._state, DEPTH)
    if depth == 0:
        return 0
    return _ld(b._stack, (depth - 1) * FRAME)


@register_jitable
def _put_int(b, op, value):
    _enter(b)
    _put2(b, op, value)
    _completed(b)


@register_jitable
def _put_op(b, op):
    """An opcode without argument."""
    _reserve(b, 1)
    st = b._state
    n = _ld(st, NUSED)
    _wi(b, n, op)
    _st(st, NUSED, n + 1)


@register_jitable
def _put2(b, op, value):
    """An opcode and its int64 argument."""
    _reserve(b, 2)
    st = b._state
    n = _ld(st, NUSED)
    _wi(b, n, op)
    _wi(b, n + 1, value)
    _st(st, NUSED, n + 2)


@register_jitable
def _close(b, kind, op):
    """end_list/end_record/end_tuple: the innermost open container must be of that kind."""
    if _top_kind(b) != kind:
        if kind == KIND_LIST:
            raise ValueError(_MSG_END_LIST)
        if kind == KIND_RECORD:
            raise ValueError(_MSG_END_RECORD)
        raise ValueError(_MSG_END_TUPLE)
    _put_op(b, op)
    _pop(b)


def _closer(kind, op):
    def overload_close(b):
        def impl(b):
            _close(b, kind, op)

        return impl

    return overload_close


for _name, _kind, _op in (
    ("end_list", KIND_LIST, OP_END_LIST),
    ("end_record", KIND_RECORD, OP_END_RECORD),
    ("end_tuple", KIND_TUPLE, OP_END_TUPLE),
):
    overload_method(ArrayBuilderType, _name)(_closer(_kind, _op))


# ====================================================================== value methods
@overload_method(ArrayBuilderType, "null")
def _ol_null(b):
    def impl(b):
        _enter(b)
        _put_op(b, OP_NULL)
        _completed(b)

    return impl


@overload_method(ArrayBuilderType, "boolean")
def _ol_boolean(b, x):
    if isinstance(x, types.Boolean):

        def impl(b, x):
            _put_int(b, OP_BOOL, 1 if x else 0)

        return impl
    return None


@overload_method(ArrayBuilderType, "integer")
def _ol_integer(b, x):
    if isinstance(x, (types.Integer, types.Boolean)):

        def impl(b, x):
            _put_int(b, OP_INT, np.int64(x))

        return impl
    return None


@overload_method(ArrayBuilderType, "real")
def _ol_real(b, x):
    if isinstance(x, (types.Float, types.Integer, types.Boolean)):

        def impl(b, x):
            _enter(b)
            _reserve(b, 2)
            st = b._state
            n = _ld(st, NUSED)
            _wi(b, n, OP_REAL)
            _wf(b, n + 1, np.float64(x))
            _st(st, NUSED, n + 2)
            _completed(b)

        return impl
    return None


@overload_method(ArrayBuilderType, "complex")
def _ol_complex(b, x):
    if isinstance(x, (types.Complex, types.Float, types.Integer, types.Boolean)):

        def impl(b, x):
            _enter(b)
            _reserve(b, 3)
            value = np.complex128(x)
            st = b._state
            n = _ld(st, NUSED)
            _wi(b, n, OP_COMPLEX)
            _wf(b, n + 1, value.real)
            _wf(b, n + 2, value.imag)
            _st(st, NUSED, n + 3)
            _completed(b)

        return impl
    return None


def _date_method(kind_type, op):
    def overload_date(b, x):
        if isinstance(x, kind_type) and x.unit:
            unit_id = _id_of(x.unit)

            def impl(b, x):
                unit = unit_id()
                _enter(b)
                _reserve(b, 3)
                st = b._state
                n = _ld(st, NUSED)
                _wi(b, n, op)
                _wi(b, n + 1, _as_int64(x))
                _wi(b, n + 2, unit)
                _st(st, NUSED, n + 3)
                _completed(b)

            return impl
        return None

    return overload_date


overload_method(ArrayBuilderType, "datetime")(_date_method(types.NPDatetime, OP_DATETIME))
overload_method(ArrayBuilderType, "timedelta")(_date_method(types.NPTimedelta, OP_TIMEDELTA))


@overload_method(ArrayBuilderType, "string")
def _ol_string(b, x):
    if isinstance(x, (types.UnicodeType, types.StringLiteral)):
        from numba.cpython.unicode import _get_code_point

        def impl(b, x):
            _enter(b)
            length = len(x)
            _reserve(b, length + 2)
            st = b._state
            n = _ld(st, NUSED)
            _wi(b, n, OP_STRING)
            _wi(b, n + 1, length)
            for i in range(length):
                _wi(b, n + 2 + i, _get_code_point(x, i))
            _st(st, NUSED, n + 2 + length)
            _completed(b)

        return impl
    return None


@overload_method(ArrayBuilderType, "bytestring")
def _ol_bytestring(b, x):
    is_bytes = isinstance(x, types.Bytes)
    is_u8 = isinstance(x, types.Array) and x.ndim == 1 and x.dtype == types.uint8
    if is_bytes or is_u8:

        def impl(b, x):
            _enter(b)
            length = len(x)
            _reserve(b, length + 2)
            st = b._state
            n = _ld(st, NUSED)
            _wi(b, n, OP_BYTES)
            _wi(b, n + 1, length)
            for i in range(length):
                _wi(b, n + 2 + i, x[i])
            _st(st, NUSED, n + 2 + length)
            _completed(b)

        return impl
    return None


# ====================================================================== structure
@overload_method(ArrayBuilderType, "begin_list")
def _ol_begin_list(b):
    def impl(b):
        _enter(b)
        _put_op(b, OP_BEGIN_LIST)
        _push(b, KIND_LIST, 0)

    return impl


@register_jitable
def _begin_record_id(b, name_id):
    _enter(b)
    _put2(b, OP_BEGIN_RECORD, name_id)
    _push(b, KIND_RECORD, name_id)


@overload_method(ArrayBuilderType, "begin_record", prefer_literal=True)
def _ol_begin_record(b, name=None):
    if name is None or isinstance(name, (types.NoneType, types.Omitted)):

        def impl(b, name=None):
            _begin_record_id(b, -1)

        return impl
    if isinstance(name, types.StringLiteral):
        name_id = _id_of(name.literal_value)

        def impl(b, name=None):
            _begin_record_id(b, name_id())

        return impl
    if isinstance(name, types.UnicodeType):

        def impl(b, name=None):
            _begin_record_id(b, _callback(b, CALLBACK_INTERN, name))

        return impl
    return None


@register_jitable
def _field_id(b, key_id):
    if _top_kind(b) != KIND_RECORD:
        raise ValueError(_MSG_FIELD)
    base = (_ld(b._state, DEPTH) - 1) * FRAME
    if _is_filled(b, base, key_id):
        raise ValueError(_MSG_FILLED)
    _st(b._stack, base + 2, key_id)
    _put2(b, OP_FIELD, key_id)


@overload_method(ArrayBuilderType, "field", prefer_literal=True)
def _ol_field(b, key):
    if isinstance(key, types.StringLiteral):
        key_id = _id_of(key.literal_value)

        def impl(b, key):
            _field_id(b, key_id())
            return b

        return impl
    if isinstance(key, types.UnicodeType):

        def impl(b, key):
            _field_id(b, _callback(b, CALLBACK_INTERN, key))
            return b

        return impl
    return None


@overload_method(ArrayBuilderType, "begin_tuple")
def _ol_begin_tuple(b, numfields):
    if isinstance(numfields, types.Integer):

        def impl(b, numfields):
            if numfields < 0:
                raise ValueError(_MSG_NUMFIELDS)
            _enter(b)
            _put2(b, OP_BEGIN_TUPLE, numfields)
            _push(b, KIND_TUPLE, numfields)

        return impl
    return None


@overload_method(ArrayBuilderType, "index")
def _ol_index(b, i):
    if isinstance(i, types.Integer):

        def impl(b, i):
            if _top_kind(b) != KIND_TUPLE:
                raise ValueError(_MSG_INDEX)
            base = (_ld(b._state, DEPTH) - 1) * FRAME
            if not 0 <= i < _ld(b._stack, base + 1):
                raise IndexError(_MSG_INDEX_RANGE)
            if _is_filled(b, base, i):
                raise ValueError(_MSG_FILLED)
            _st(b._stack, base + 2, i)
            _put2(b, OP_INDEX, i)
            return b

        return impl
    return None


@overload(len)
def _ol_len(b):
    if isinstance(b, ArrayBuilderType):

        def impl(b):
            return _ld(b._state, LENGTH)

        return impl
    return None


# append/extend (whole values, and elements of ak.Arrays passed in) live next door
from awkward._connect.numba import builder_append  # noqa: E402, F401
