"""Record fields as attributes, and the behaviors of named records inside numba.

The protocol (awkward 2.14's), for records whose ``__record__`` parameter is ``name``:
* ``behavior["__numba_typer__", name]`` / ``["__numba_lower__", name]``: every such record
  taken out of an array becomes ``typer(recordviewtype)``, made by ``lower(context, builder,
  sig, (record,))`` (vector's objects are made this way);
* ``behavior["__numba_typer__", name, attr]``: ``record.attr`` has type ``typer(recordviewtype)``,
  lowered by ``lower(context, builder, sig, (record,))`` with ``sig = type(recordviewtype)``;
* ``behavior["__numba_typer__", name, method, ()]``: ``record.method(*args)``; ``typer(
  recordviewtype, args)`` gives the return type (or a signature of ``args``), ``lower(context,
  builder, sig, (record, *args))``;
* ``behavior["__numba_typer__", left, op, right]`` for a binary operator between records named
  ``left`` and ``right`` (``typer(op, lefttype, righttype)``), and ``[..., op, name]`` for a
  unary one (``typer(op, type)``); lowered with ``lower(context, builder, sig, args)``.
"""

from __future__ import annotations

import operator

from numba.core import types
from numba.core.imputils import lower_builtin, lower_getattr_generic
from numba.core.typing.templates import (
    AbstractTemplate,
    AttributeTemplate,
    Signature,
    infer_getattr,
    infer_global,
    signature,
)

from awkward._behavior import lookup as behavior_lookup
from awkward._connect.numba.arrayview import lower_record_field, record_field_type
from awkward._connect.numba.views import RecordViewType


def _name(recordviewtype):
    if not isinstance(recordviewtype, RecordViewType):
        return None
    return recordviewtype.arrayviewtype.type.record_name()


def _find(recordviewtype, kind, *key):
    name = _name(recordviewtype)
    if name is None:
        return None
    return behavior_lookup(recordviewtype.arrayviewtype.behavior, (kind, name, *key))


def _as_signature(out, args):
    return out if isinstance(out, Signature) else signature(out, *args)


_METHOD_KEYS: set = set()


def _method_type(recordviewtype, attr, typer):
    key = ("ak.RecordView.method", attr)
    if key not in _METHOD_KEYS:
        _METHOD_KEYS.add(key)

        @lower_builtin(key, RecordViewType, types.VarArg(types.Any))
        def lower_method(context, builder, sig, args):
            lower = _find(sig.args[0], "__numba_lower__", attr, ())
            return lower(context, builder, sig, args)

    class MethodTemplate(AbstractTemplate):
        def generic(self, args, kws):
            if kws:
                return None
            out = typer(recordviewtype, args)
            return None if out is None else _as_signature(out, args).replace(recvr=recordviewtype)

    MethodTemplate.key = key
    return types.BoundFunction(MethodTemplate, recordviewtype)


@infer_getattr
class _RecordViewAttribute(AttributeTemplate):
    key = RecordViewType

    def generic_resolve(self, recordviewtype, attr):
        out = record_field_type(recordviewtype, attr)
        if out is not None:
            return out
        typer = _find(recordviewtype, "__numba_typer__", attr)
        if typer is not None:
            return typer(recordviewtype)
        typer = _find(recordviewtype, "__numba_typer__", attr, ())
        if typer is not None:
            return _method_type(recordviewtype, attr, typer)
        return None


@lower_getattr_generic(RecordViewType)
def _lower_record_getattr(context, builder, typ, value, attr):
    if typ.arrayviewtype.type.has_field(attr):
        return lower_record_field(context, builder, typ, value, attr)
    typer = _find(typ, "__numba_typer__", attr)
    lower = _find(typ, "__numba_lower__", attr)
    return lower(context, builder, typer(typ)(typ), (value,))


# ---------------------------------------------------------------------- operators
_BINARY = (
    operator.add, operator.sub, operator.mul, operator.truediv, operator.floordiv, operator.mod,
    operator.pow, operator.matmul, operator.and_, operator.or_, operator.xor, operator.lshift,
    operator.rshift, operator.eq, operator.ne, operator.lt, operator.le, operator.gt, operator.ge,
)  # fmt: skip
_UNARY = (operator.neg, operator.pos, operator.invert, abs)


def _binary_key(kind, op, left, right):
    lname, rname = _name(left), _name(right)
    if lname is None or rname is None:
        return None
    return behavior_lookup(left.arrayviewtype.behavior, (kind, lname, op, rname))


def _register_operators():
    for op in _BINARY:

        class Binary(AbstractTemplate):
            key = op

            def generic(self, args, kws):
                if len(args) != 2 or kws:
                    return None
                typer = _binary_key("__numba_typer__", self.key, *args)
                if typer is None:
                    return None
                out = typer(self.key, *args)
                return None if out is None else _as_signature(out, args)

        infer_global(op)(Binary)

        def lower_binary(context, builder, sig, args, op=op):
            return _binary_key("__numba_lower__", op, *sig.args)(context, builder, sig, args)

        lower_builtin(op, RecordViewType, RecordViewType)(lower_binary)

    for op in _UNARY:

        class Unary(AbstractTemplate):
            key = op

            def generic(self, args, kws):
                if len(args) != 1 or kws or _name(args[0]) is None:
                    return None
                typer = behavior_lookup(
                    args[0].arrayviewtype.behavior, ("__numba_typer__", self.key, _name(args[0]))
                )
                if typer is None:
                    return None
                out = typer(self.key, args[0])
                return None if out is None else _as_signature(out, args)

        infer_global(op)(Unary)

        def lower_unary(context, builder, sig, args, op=op):
            typ = sig.args[0]
            lower = behavior_lookup(typ.arrayviewtype.behavior, ("__numba_lower__", op, _name(typ)))
            return lower(context, builder, sig, args)

        lower_builtin(op, RecordViewType)(lower_unary)


_register_operators()
