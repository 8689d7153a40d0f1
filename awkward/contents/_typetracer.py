"""Layouts on the typetracer backend: converting a layout, and building one from a Form.

``to_typetracer(layout, forget_length)`` gives the same tree with every buffer replaced by a
TypeTracerArray of the same dtype and declared shape. Nothing is read: a virtual buffer gives
its declared metadata (its buffer_key becomes the tracer's form_key), a concrete one its shape.
Length generators are dropped (a tracer never learns a length). With ``forget_length`` the
outermost length becomes ``unknown_length`` (the buffers of the nodes that define it forget
their first dimension; inner contents keep theirs, as in awkward 2.14).

``layout_from_form(form, getkey, report)`` builds the tracer layout of a Form through the
ak.from_buffers engine: every buffer is a TypeTracerArray of unknown length named
``getkey(form, attribute)`` and reporting to ``report`` (awkward.typetracer.typetracer_with_report).
"""

from __future__ import annotations

from awkward._nplikes.array_like import declared_shape
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.typetracer import TypeTracerArray, register_layout_from_form
from awkward.contents._from_buffers import _Builder
from awkward.contents.content import _BACKEND_SLOT, Content

__all__ = ["to_typetracer", "layout_from_form", "forget_length", "one_list_of", "typetracer_wins"]

_LENGTH_GENERATOR_SLOTS = ("_length_generator", "_zeros_length_generator")


_TYPETRACER_BACKEND = []  # the singleton, looked up once (a per-node import costs per call)


def _backend():
    if not _TYPETRACER_BACKEND:
        from awkward._backends.typetracer import TypeTracerBackend

        _TYPETRACER_BACKEND.append(TypeTracerBackend.instance())
    return _TYPETRACER_BACKEND[0]


def _tracer_of(raw, forget):
    """The tracer standing for one buffer (metadata only; a tracer stays itself)."""
    if isinstance(raw, TypeTracerArray):
        out = raw
    else:
        out = TypeTracerArray(raw.dtype, declared_shape(raw), getattr(raw, "buffer_key", None))
    return out.forget_length() if forget else out


def _convert(layout: Content, forget: bool) -> Content:
    backend = _backend()
    nplike = backend.index_nplike
    kind = type(layout).__name__
    children_forget = forget and (layout.is_regular or kind == "UnmaskedArray")
    out = layout._map_slots(
        lambda index: type(index)._unchecked(_tracer_of(index.data, forget), index._metadata, nplike),
        lambda raw: _tracer_of(raw, forget),
        lambda child: _convert(child, children_forget or (forget and layout.is_record)),
    )
    for name in _LENGTH_GENERATOR_SLOTS:
        if hasattr(type(out), name) and getattr(out, name, None) is not None:
            object.__setattr__(out, name, None)
    if forget and kind in ("RecordArray", "BitMaskedArray"):
        object.__setattr__(out, "_length", unknown_length)
    if forget and layout.is_regular and layout.size == 0:
        object.__setattr__(out, "_zeros_length", unknown_length)
    object.__setattr__(out, _BACKEND_SLOT, backend)
    return out


def to_typetracer(layout: Content, forget_length: bool = False) -> Content:
    """``layout`` on the typetracer backend (no buffer is read; see the module docstring)."""
    if layout.backend is _backend() and not forget_length:
        return layout
    return _convert(layout, bool(forget_length))


def one_list_of(layout: Content) -> Content:
    """A length-1 array whose one list is the whole ``layout``: ``RegularArray(layout,
    len(layout), 1)``, or, on the typetracer backend with an unknown length (a RegularArray's
    size must be known), a ListOffsetArray over it."""
    from awkward.contents.content import length_of
    from awkward.contents.listoffsetarray import ListOffsetArray
    from awkward.contents.regulararray import RegularArray
    from awkward.index import Index64

    length = length_of(layout)
    if length is not unknown_length:
        return RegularArray(layout, length, 1)
    nplike = layout.backend.index_nplike
    return ListOffsetArray(Index64(nplike.empty(2, dtype="int64"), nplike=nplike), layout)


def typetracer_wins(inputs: list) -> list:
    """``inputs`` (layouts among scalars) with every layout on the typetracer backend when one
    of them is (awkward 2.14 broadcasts a tracer with a concrete array: the result is a
    tracer); otherwise ``inputs`` as they are, mixed backends being the caller's error."""
    traced = [not x._backend.nplike.known_data for x in inputs if isinstance(x, Content)]
    if not any(traced) or all(traced):
        return inputs
    return [to_typetracer(x) if isinstance(x, Content) else x for x in inputs]


def forget_length(layout: Content) -> Content:
    return _convert(layout, True)


class _TracerBuilder(_Builder):
    """The from_buffers engine with tracers instead of buffers (the container is the report)."""

    __slots__ = ()

    def buffer(self, form, attribute, dtype, count, inner_shape=(), *, index=True):
        if not dtype.isnative:
            dtype = dtype.newbyteorder("=")
        length = count if isinstance(count, int) else unknown_length
        return TypeTracerArray(
            dtype, (length, *tuple(inner_shape)), self._make_key(form, attribute), self._container
        )


def layout_from_form(form, getkey, report, length=unknown_length):
    builder = _TracerBuilder(report, getkey, _backend(), "<", None, False)
    return builder.build(form, length)


register_layout_from_form(layout_from_form)
