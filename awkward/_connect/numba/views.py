"""The numba types of views into an awkward array, and the lowering helpers they share.

A *view* is what an ak.Array (or a part of one) is inside a compiled function: a position
``pos`` in the Lookup's flat int64 array ``arrayptrs`` (where the node's buffer pointers, sizes
and child positions are, see lookup.py), a range ``start:stop`` of the node's elements, and the
Lookup Python object itself (borrowed, used only to box views back into ak.Arrays). Nothing of
it is reference-counted, so passing views around costs no more than passing four integers.

``ArrayViewType(type, behavior, fields)``: ``type`` is the layout's numba type (layout.py),
``fields`` the field names still to apply below lists/options (``events.muons.pt`` is a view of
the event lists with fields ("muons", "pt") pending until the records are reached).
"""

from __future__ import annotations

import json

from numba.core import cgutils, types
from numba.extending import models, register_model

_BEHAVIORS: dict = {}  # id -> behavior mapping, kept alive so that the id in a type name stays unique


def behavior_token(behavior) -> int | None:
    if behavior is None:
        return None
    _BEHAVIORS[id(behavior)] = behavior
    return id(behavior)


def parameters_text(parameters) -> str:
    if not parameters:
        return "{}"
    return json.dumps(parameters, sort_keys=True, default=repr)


class ArrayViewType(types.IterableType, types.Sized):
    """An ak.Array (or a range/field projection of one) inside numba."""

    def __init__(self, type, behavior, fields=()):
        self.type = type
        self.behavior = behavior
        self.fields = tuple(fields)
        super().__init__(
            name=f"ak.ArrayView({type.name}, behavior={behavior_token(behavior)}, fields={self.fields!r})"
        )

    @property
    def iterator_type(self):
        return ArrayViewIteratorType(self)

    def __reduce__(self):
        # numba's on-disk cache pickles argument types. A behavior is known by its id, which
        # means nothing in another process: it comes back as a marker that matches no array,
        # so code compiled for an array with a behavior is compiled again, never misapplied.
        behavior = None if self.behavior is None else _ForeignBehavior()
        return (ArrayViewType, (self.type, behavior, self.fields))

    def element_type(self):
        return self.type.getitem_at_type(self)


class _ForeignBehavior(dict):
    """The behavior of an array type unpickled from another process (matches no array)."""


class RecordViewType(types.Type):
    """One record (an ak.Record, or an element of a RecordArray view) inside numba."""

    def __init__(self, arrayviewtype):
        self.arrayviewtype = arrayviewtype
        super().__init__(name=f"ak.RecordView({arrayviewtype.name})")


class ArrayViewIteratorType(types.SimpleIteratorType):
    def __init__(self, arrayviewtype):
        self.arrayviewtype = arrayviewtype
        super().__init__(
            f"ak.ArrayViewIterator({arrayviewtype.name})", arrayviewtype.element_type()
        )


@register_model(ArrayViewType)
class ArrayViewModel(models.StructModel):
    def __init__(self, dmm, fe_type):
        members = [
            ("pos", types.intp),
            ("start", types.intp),
            ("stop", types.intp),
            ("arrayptrs", types.CPointer(types.int64)),
            ("pylookup", types.pyobject),
        ]
        super().__init__(dmm, fe_type, members)


@register_model(RecordViewType)
class RecordViewModel(models.StructModel):
    def __init__(self, dmm, fe_type):
        super().__init__(dmm, fe_type, [("arrayview", fe_type.arrayviewtype), ("at", types.intp)])


@register_model(ArrayViewIteratorType)
class ArrayViewIteratorModel(models.StructModel):
    def __init__(self, dmm, fe_type):
        members = [("view", fe_type.arrayviewtype), ("index", types.EphemeralPointer(types.intp))]
        super().__init__(dmm, fe_type, members)


# ---------------------------------------------------------------------- type-level helpers
def view_type(contenttype, behavior, fields=()) -> ArrayViewType:
    """The view type of ``contenttype`` with ``fields`` pending, record fields applied at once."""
    fields = tuple(fields)
    while fields and contenttype.is_record:
        contenttype = contenttype.contenttypes[contenttype.fieldindex(fields[0])]
        fields = fields[1:]
    return ArrayViewType(contenttype, behavior, fields)


def has_field_below(contenttype, field) -> bool:
    """Whether ``field`` names a field of the records this node leads to (through lists,
    options, indexes and unions whose every branch has it)."""
    if contenttype.is_record:
        return contenttype.has_field(field)
    children = contenttype.children()
    return bool(children) and all(has_field_below(child, field) for child in children)


# ---------------------------------------------------------------------- lowering helpers
def intp(context, value):
    return context.get_constant(types.intp, value)


def slot(context, builder, view, offset):
    """``arrayptrs[pos + offset]``: a pointer, a size or a child position (int64)."""
    return builder.load(builder.gep(view.arrayptrs, [builder.add(view.pos, intp(context, offset))]))


def buffer_pointer(context, builder, view, offset, numbatype):
    """The buffer pointer in slot ``offset``, typed as an array of ``numbatype``."""
    return builder.inttoptr(
        slot(context, builder, view, offset), context.get_data_type(numbatype).as_pointer()
    )


def load_at(context, builder, numbatype, pointer, at):
    return context.unpack_value(builder, numbatype, builder.gep(pointer, [at]))


def record_field_pos(context, builder, arrayptrs, pos, index):
    """The position of field ``index`` of the RecordArray at ``pos``. The Lookup lays out only
    the fields that compiled code was typed to read (-1 for the others); reaching one of those
    (code loaded from numba's on-disk cache, typed in another process) raises, never crashes."""
    out = builder.load(builder.gep(arrayptrs, [builder.add(pos, intp(context, index))]))
    with builder.if_then(builder.icmp_signed("<", out, intp(context, 0)), likely=False):
        context.call_conv.return_user_exc(
            builder,
            RuntimeError,
            ("ak.Array in numba: a record field was not prepared for this compiled function "
             "(was it loaded from numba's cache?); compile it in this process",),
        )  # fmt: skip
    return out


def make_view(
    context, builder, contenttype, behavior, fields, pos, start, stop, arrayptrs, pylookup
):
    """(view type, view value) for the node at ``pos``, applying pending record fields the same
    way ``view_type`` does (each step reads the field's child position)."""
    fields = tuple(fields)
    while fields and contenttype.is_record:
        index = contenttype.fieldindex(fields[0])
        pos = record_field_pos(context, builder, arrayptrs, pos, index)
        contenttype = contenttype.contenttypes[index]
        fields = fields[1:]
    viewtype = ArrayViewType(contenttype, behavior, fields)
    proxy = context.make_helper(builder, viewtype)
    proxy.pos = pos
    proxy.start = start
    proxy.stop = stop
    proxy.arrayptrs = arrayptrs
    proxy.pylookup = pylookup
    return viewtype, proxy


def child_view(context, builder, viewtype, view, contenttype, offset, start, stop, fields=None):
    """The view of the child whose position is in slot ``offset``, fields carried along."""
    childpos = slot(context, builder, view, offset)
    return make_view(
        context,
        builder,
        contenttype,
        viewtype.behavior,
        viewtype.fields if fields is None else fields,
        childpos,
        start,
        stop,
        view.arrayptrs,
        view.pylookup,
    )


def child_element(context, builder, viewtype, view, contenttype, offset, at):
    """Element ``at`` of the child in slot ``offset`` (with the pending fields applied)."""
    childtype, child = child_view(
        context,
        builder,
        viewtype,
        view,
        contenttype,
        offset,
        intp(context, 0),
        builder.add(at, intp(context, 1)),
    )
    return childtype.type.lower_getitem_at(context, builder, childtype, child, at)


def child_element_type(viewtype, contenttype):
    childtype = view_type(contenttype, viewtype.behavior, viewtype.fields)
    return childtype.type.getitem_at_type(childtype)


def optional_value(context, builder, opttype, valid, make_value):
    """An Optional value: ``make_value()`` (emitted only where ``valid``) or None."""
    out = cgutils.alloca_once(builder, context.get_value_type(opttype))
    with builder.if_else(valid) as (then, otherwise):
        with then:
            value = make_value()
            inner = opttype.type
            if value.type == context.get_value_type(opttype):  # the content was optional already
                builder.store(value, out)
            else:
                builder.store(context.make_optional_value(builder, inner, value), out)
        with otherwise:
            builder.store(context.make_optional_none(builder, opttype.type), out)
    return builder.load(out)
