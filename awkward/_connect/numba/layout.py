"""The numba types of layout nodes (one class per layout kind, the names vector imports).

A layout type is made from a Form (``from_form``: no buffer is read) and knows
* its slots in the Lookup (lookup.py fills them in the same order): ``SLOTS`` below;
* the numba type of one of its elements (``getitem_at_type(viewtype)``), given the view's
  behavior and pending fields;
* how to produce that element in compiled code (``lower_getitem_at(context, builder, viewtype,
  view, at)``, ``at`` an absolute position in the node's buffers, already bounds-checked).

ListOffsetArray is a ListArrayType (starts = offsets[:-1], stops = offsets[1:]) and a NumpyArray
of more than one dimension is RegularArrayTypes over a one-dimensional NumpyArrayType, as the
Lookup lays them out.
"""

from __future__ import annotations

import numba
from numba.core import cgutils, types
from numba.core.errors import NumbaTypeError
from numba.core.registry import cpu_target

from awkward import forms
from awkward._behavior import lookup as behavior_lookup
from awkward._connect.numba import strings
from awkward._connect.numba.views import (
    RecordViewType,
    buffer_pointer,
    child_element,
    child_element_type,
    child_view,
    intp,
    load_at,
    make_view,
    optional_value,
    parameters_text,
    record_field_pos,
    slot,
    view_type,
)
from awkward._nplikes.dtypes import primitive_to_dtype

# bumped whenever compiled code starts reading another record field: cached Lookups built
# before lay out too few fields and are rebuilt (lookup.py)
ACCESS_GENERATION = [0]

_INDEX_TYPES = {
    "i8": types.int8,
    "u8": types.uint8,
    "i32": types.int32,
    "u32": types.uint32,
    "i64": types.int64,
}


class ContentType(types.Type):
    """The numba type of one layout node."""

    is_record = False
    is_option = False

    def __init__(self, name, parameters):
        self.parameters = dict(parameters or {})
        super().__init__(name=f"{name}, parameters={parameters_text(self.parameters)})")

    def parameter(self, key):
        return self.parameters.get(key)

    def children(self) -> tuple:
        return ()

    def getitem_at_type(self, viewtype):
        raise NotImplementedError

    def lower_getitem_at(self, context, builder, viewtype, view, at):
        raise NotImplementedError


def _no_pending_fields(viewtype, what):
    if viewtype.fields:
        raise numba.TypingError(f"ak.Array in numba: no field {viewtype.fields[0]!r} in {what}")


class NumpyArrayType(ContentType):
    """Slots: [data pointer]."""

    def __init__(self, arraytype, parameters=None):
        self.arraytype = arraytype
        super().__init__(f"ak.NumpyArrayType({arraytype}", parameters)

    def getitem_at_type(self, viewtype):
        _no_pending_fields(viewtype, f"an array of {self.arraytype.dtype}")
        return self.arraytype.dtype

    def lower_getitem_at(self, context, builder, viewtype, view, at):
        dtype = self.arraytype.dtype
        return load_at(
            context, builder, dtype, buffer_pointer(context, builder, view, 0, dtype), at
        )


class EmptyArrayType(ContentType):
    """Slots: [unused]. Its elements are never reached (length 0); typed as float64."""

    def __init__(self, parameters=None):
        super().__init__("ak.EmptyArrayType(", parameters)

    def getitem_at_type(self, viewtype):
        return types.float64

    def lower_getitem_at(self, context, builder, viewtype, view, at):
        return context.get_constant(types.float64, 0.0)


class _ListLike(ContentType):
    """Lists of ``contenttype``; ``__array__`` = "string"/"bytestring" gives str/bytes."""

    def children(self):
        return (self.contenttype,)

    def string_kind(self):
        kind = self.parameter("__array__")
        return kind if kind in ("string", "bytestring") else None

    def getitem_at_type(self, viewtype):
        kind = self.string_kind()
        if kind is not None:
            _no_pending_fields(viewtype, "strings")
            return types.unicode_type if kind == "string" else strings.BYTES
        return view_type(self.contenttype, viewtype.behavior, viewtype.fields)

    def _sublist(self, context, builder, viewtype, view, start, stop):
        """The list ``start:stop`` of the content: a view, or a str/bytes of the characters."""
        args = (context, builder, viewtype, view, self.contenttype, self.CONTENT_SLOT, start, stop)
        kind = self.string_kind()
        if kind is not None:
            chars = buffer_pointer(
                context, builder, child_view(*args, fields=())[1], 0, types.uint8
            )
            return strings.lower_string(context, builder, kind, chars, start, stop)
        return child_view(*args)[1]._getvalue()


class RegularArrayType(_ListLike):
    """Slots: [size, content position]."""

    CONTENT_SLOT = 1

    def __init__(self, contenttype, size, parameters=None):
        self.contenttype = contenttype
        self.size = size
        super().__init__(f"ak.RegularArrayType({contenttype.name}, {size}", parameters)

    def lower_getitem_at(self, context, builder, viewtype, view, at):
        size = slot(context, builder, view, 0)
        start = builder.mul(at, size)
        return self._sublist(context, builder, viewtype, view, start, builder.add(start, size))


class ListArrayType(_ListLike):
    """Slots: [starts pointer, stops pointer, content position] (ListOffsetArray too)."""

    CONTENT_SLOT = 2

    def __init__(self, indextype, contenttype, parameters=None):
        self.indextype = indextype
        self.contenttype = contenttype
        super().__init__(f"ak.ListArrayType({indextype}, {contenttype.name}", parameters)

    def lower_getitem_at(self, context, builder, viewtype, view, at):
        starts = buffer_pointer(context, builder, view, 0, self.indextype)
        stops = buffer_pointer(context, builder, view, 1, self.indextype)
        start = context.cast(
            builder,
            load_at(context, builder, self.indextype, starts, at),
            self.indextype,
            types.intp,
        )
        stop = context.cast(
            builder,
            load_at(context, builder, self.indextype, stops, at),
            self.indextype,
            types.intp,
        )
        return self._sublist(context, builder, viewtype, view, start, stop)


class IndexedArrayType(ContentType):
    """Slots: [index pointer, content position]."""

    def __init__(self, indextype, contenttype, parameters=None):
        self.indextype = indextype
        self.contenttype = contenttype
        super().__init__(f"ak.IndexedArrayType({indextype}, {contenttype.name}", parameters)

    def children(self):
        return (self.contenttype,)

    def getitem_at_type(self, viewtype):
        return child_element_type(viewtype, self.contenttype)

    def _index(self, context, builder, view, at):
        index = buffer_pointer(context, builder, view, 0, self.indextype)
        return context.cast(
            builder,
            load_at(context, builder, self.indextype, index, at),
            self.indextype,
            types.intp,
        )

    def lower_getitem_at(self, context, builder, viewtype, view, at):
        return child_element(
            context,
            builder,
            viewtype,
            view,
            self.contenttype,
            1,
            self._index(context, builder, view, at),
        )


class _OptionType(ContentType):
    is_option = True

    def children(self):
        return (self.contenttype,)

    def getitem_at_type(self, viewtype):
        inner = child_element_type(viewtype, self.contenttype)
        return inner if isinstance(inner, types.Optional) else types.optional(inner)

    def _optional(self, context, builder, viewtype, view, valid, at, content_slot):
        opttype = self.getitem_at_type(viewtype)
        return optional_value(
            context, builder, opttype, valid,
            lambda: child_element(context, builder, viewtype, view, self.contenttype, content_slot, at),
        )  # fmt: skip


class IndexedOptionArrayType(_OptionType):
    """Slots: [index pointer, content position]; a negative index is None."""

    def __init__(self, indextype, contenttype, parameters=None):
        self.indextype = indextype
        self.contenttype = contenttype
        super().__init__(f"ak.IndexedOptionArrayType({indextype}, {contenttype.name}", parameters)

    def lower_getitem_at(self, context, builder, viewtype, view, at):
        index = buffer_pointer(context, builder, view, 0, self.indextype)
        where = context.cast(
            builder,
            load_at(context, builder, self.indextype, index, at),
            self.indextype,
            types.intp,
        )
        valid = builder.icmp_signed(">=", where, intp(context, 0))
        return self._optional(context, builder, viewtype, view, valid, where, 1)


class ByteMaskedArrayType(_OptionType):
    """Slots: [mask pointer, content position]."""

    def __init__(self, masktype, contenttype, valid_when, parameters=None):
        self.masktype = masktype
        self.contenttype = contenttype
        self.valid_when = bool(valid_when)
        super().__init__(
            f"ak.ByteMaskedArrayType({masktype}, {contenttype.name}, {self.valid_when}", parameters
        )

    def lower_getitem_at(self, context, builder, viewtype, view, at):
        mask = load_at(
            context, builder, types.int8, buffer_pointer(context, builder, view, 0, types.int8), at
        )
        isset = builder.icmp_signed("!=", mask, mask.type(0))
        valid = isset if self.valid_when else builder.not_(isset)
        return self._optional(context, builder, viewtype, view, valid, at, 1)


class BitMaskedArrayType(_OptionType):
    """Slots: [mask pointer (bits), content position]."""

    def __init__(self, masktype, contenttype, valid_when, lsb_order, parameters=None):
        self.masktype = masktype
        self.contenttype = contenttype
        self.valid_when = bool(valid_when)
        self.lsb_order = bool(lsb_order)
        super().__init__(
            f"ak.BitMaskedArrayType({masktype}, {contenttype.name}, {self.valid_when}, {self.lsb_order}",
            parameters,
        )

    def lower_getitem_at(self, context, builder, viewtype, view, at):
        mask = buffer_pointer(context, builder, view, 0, types.uint8)
        byte = load_at(context, builder, types.uint8, mask, builder.lshr(at, intp(context, 3)))
        shift = builder.trunc(builder.and_(at, intp(context, 7)), byte.type)
        if not self.lsb_order:
            shift = builder.sub(byte.type(7), shift)
        bit = builder.and_(builder.lshr(byte, shift), byte.type(1))
        isset = builder.icmp_unsigned("!=", bit, byte.type(0))
        valid = isset if self.valid_when else builder.not_(isset)
        return self._optional(context, builder, viewtype, view, valid, at, 1)


class UnmaskedArrayType(_OptionType):
    """Slots: [content position]; never None, but typed as an option."""

    def __init__(self, contenttype, parameters=None):
        self.contenttype = contenttype
        super().__init__(f"ak.UnmaskedArrayType({contenttype.name}", parameters)

    def lower_getitem_at(self, context, builder, viewtype, view, at):
        return self._optional(
            context, builder, viewtype, view, context.get_constant(types.boolean, True), at, 0
        )


class RecordArrayType(ContentType):
    """Slots: [content position per field]. ``fields`` is None for tuples."""

    is_record = True

    def __init__(self, contenttypes, fields, parameters=None):
        self.contenttypes = tuple(contenttypes)
        self.fields = None if fields is None else tuple(fields)
        # field indexes that compiled code reads (numba interns types: this set is shared by
        # every use of this record type in the process)
        self.accessed = set()
        names = ", ".join(x.name for x in self.contenttypes)
        super().__init__(f"ak.RecordArrayType(({names}), {self.fields!r}", parameters)

    @property
    def is_tuple(self):
        return self.fields is None

    def field_names(self):
        return (
            tuple(str(i) for i in range(len(self.contenttypes)))
            if self.fields is None
            else self.fields
        )

    def has_field(self, key):
        return str(key) in self.field_names()

    def fieldindex(self, key):
        names = self.field_names()
        if str(key) not in names:
            raise numba.TypingError(
                f"ak.Array in numba: no field {key!r} in records with fields {list(names)}"
            )
        index = names.index(str(key))
        self.mark_accessed(index)  # typing asked for it: the Lookup must lay it out
        return index

    def mark_accessed(self, index):
        if index not in self.accessed:
            self.accessed.add(index)
            ACCESS_GENERATION[0] += 1

    def __reduce__(self):
        # numba's on-disk cache (cache=True) pickles argument types: the fields that compiled
        # code reads travel with them and are merged into this process's (interned) type
        args = (self.contenttypes, self.fields, self.parameters, tuple(sorted(self.accessed)))
        return (_record_array_type, args)

    def children(self):
        return self.contenttypes

    def record_name(self):
        name = self.parameter("__record__")
        return name if isinstance(name, str) else None

    def getitem_at_type(self, viewtype):
        _no_pending_fields(viewtype, "these records")  # (view_type applies them before here)
        recordviewtype = RecordViewType(viewtype)
        typer = self._behavior_function("__numba_typer__", viewtype)
        return recordviewtype if typer is None else typer(recordviewtype)

    def _behavior_function(self, kind, viewtype):
        name = self.record_name()
        return None if name is None else behavior_lookup(viewtype.behavior, (kind, name))

    def lower_getitem_at(self, context, builder, viewtype, view, at):
        recordviewtype = RecordViewType(viewtype)
        proxy = context.make_helper(builder, recordviewtype)
        proxy.arrayview = view._getvalue()
        proxy.at = at
        record = proxy._getvalue()
        lower = self._behavior_function("__numba_lower__", viewtype)
        if lower is None:
            return record
        outtype = self.getitem_at_type(viewtype)
        return lower(context, builder, outtype(recordviewtype), (record,))

    def lower_field(self, context, builder, viewtype, view, key, at):
        """Field ``key`` of the record at ``at``."""
        index = self.fieldindex(key)
        childtype, child = make_view(
            context,
            builder,
            self.contenttypes[index],
            viewtype.behavior,
            (),
            record_field_pos(context, builder, view.arrayptrs, view.pos, index),
            intp(context, 0),
            builder.add(at, intp(context, 1)),
            view.arrayptrs,
            view.pylookup,
        )
        return childtype.type.lower_getitem_at(context, builder, childtype, child, at)

    def field_type(self, viewtype, key):
        childtype = view_type(self.contenttypes[self.fieldindex(key)], viewtype.behavior, ())
        return childtype.type.getitem_at_type(childtype)


def _record_array_type(contenttypes, fields, parameters, accessed):
    out = RecordArrayType(contenttypes, fields, parameters)
    for index in accessed:
        out.mark_accessed(index)
    return out


class UnionArrayType(ContentType):
    """Slots: [tags pointer, index pointer, content position per content]. An element is typed
    when numba can unify the contents' element types (int64 and float64 give float64)."""

    def __init__(self, tagstype, indextype, contenttypes, parameters=None):
        self.tagstype = tagstype
        self.indextype = indextype
        self.contenttypes = tuple(contenttypes)
        names = ", ".join(x.name for x in self.contenttypes)
        super().__init__(f"ak.UnionArrayType({tagstype}, {indextype}, ({names})", parameters)

    def children(self):
        return self.contenttypes

    def getitem_at_type(self, viewtype):
        eltypes = [child_element_type(viewtype, x) for x in self.contenttypes]
        unified = cpu_target.typing_context.unify_types(*eltypes)
        if unified is None:
            # (awkward 2.14 raises NumbaTypeError for every union; we type the ones that unify)
            raise NumbaTypeError(
                "ak.Array in numba: union types cannot be accessed in Numba unless numba can "
                f"unify their contents' element types, and {', '.join(map(str, eltypes))} do not "
                "unify (project a field shared by every branch first, e.g. array.field, or "
                "select one branch in Python)"
            )
        return unified

    def lower_getitem_at(self, context, builder, viewtype, view, at):
        outtype = self.getitem_at_type(viewtype)
        tags = buffer_pointer(context, builder, view, 0, self.tagstype)
        index = buffer_pointer(context, builder, view, 1, self.indextype)
        tag = context.cast(
            builder, load_at(context, builder, self.tagstype, tags, at), self.tagstype, types.intp
        )
        where = context.cast(
            builder,
            load_at(context, builder, self.indextype, index, at),
            self.indextype,
            types.intp,
        )
        out = cgutils.alloca_once(builder, context.get_value_type(outtype))
        for k, contenttype in enumerate(self.contenttypes):
            with builder.if_then(builder.icmp_signed("==", tag, intp(context, k))):
                value = child_element(context, builder, viewtype, view, contenttype, 2 + k, where)
                builder.store(
                    context.cast(
                        builder, value, child_element_type(viewtype, contenttype), outtype
                    ),
                    out,
                )
        return builder.load(out)


# ---------------------------------------------------------------------- from forms
def from_form(form) -> ContentType:
    """The numba type of a layout with this form (reads no buffer)."""
    params = form.parameters
    if isinstance(form, forms.NumpyForm):
        # (as NumpyArray.to_RegularArray lays it out: the parameters stay on the 1-d data)
        leaf = NumpyArrayType(types.Array(numba.from_dtype(_numpy_dtype(form)), 1, "C"), params)
        for size in reversed(form.inner_shape):
            leaf = RegularArrayType(leaf, size, None)
        return leaf
    if isinstance(form, forms.EmptyForm):
        return EmptyArrayType(params)
    if isinstance(form, forms.RegularForm):
        return RegularArrayType(from_form(form.content), form.size, params)
    if isinstance(form, forms.ListOffsetForm):
        return ListArrayType(_INDEX_TYPES[form.offsets], from_form(form.content), params)
    if isinstance(form, forms.ListForm):
        return ListArrayType(_INDEX_TYPES[form.starts], from_form(form.content), params)
    if isinstance(form, forms.IndexedOptionForm):
        return IndexedOptionArrayType(_INDEX_TYPES[form.index], from_form(form.content), params)
    if isinstance(form, forms.IndexedForm):
        return IndexedArrayType(_INDEX_TYPES[form.index], from_form(form.content), params)
    if isinstance(form, forms.ByteMaskedForm):
        return ByteMaskedArrayType(
            _INDEX_TYPES[form.mask], from_form(form.content), form.valid_when, params
        )
    if isinstance(form, forms.BitMaskedForm):
        return BitMaskedArrayType(
            _INDEX_TYPES[form.mask],
            from_form(form.content),
            form.valid_when,
            form.lsb_order,
            params,
        )
    if isinstance(form, forms.UnmaskedForm):
        return UnmaskedArrayType(from_form(form.content), params)
    if isinstance(form, forms.RecordForm):
        fields = None if form.is_tuple else form.fields
        return RecordArrayType([from_form(x) for x in form.contents], fields, params)
    if isinstance(form, forms.UnionForm):
        return UnionArrayType(
            _INDEX_TYPES[form.tags],
            _INDEX_TYPES[form.index],
            [from_form(x) for x in form.contents],
            params,
        )
    raise TypeError(f"ak.Array in numba: no numba type for {type(form).__name__}")


def _numpy_dtype(form):
    return primitive_to_dtype(form.primitive)
