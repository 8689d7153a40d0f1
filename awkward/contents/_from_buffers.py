"""Building a layout from a form, a length and a container of named buffers.

The engine behind ak.from_buffers and Form.length_zero_array. Container values may be arrays,
bytes-like objects, virtual arrays, or callables; a callable becomes a VirtualNDArray (named by
its buffer key) that runs on first touch.

Lengths of nested contents come from their parents' buffers (offsets[-1], max(index)+1 ...).
When those buffers are virtual the count is a ``LazyCount``: the child's buffers get
``unknown_length`` as first dimension and a shape generator that reads the parent, so
``len()`` of the array and ``.form`` never run a generator.
"""

from __future__ import annotations

import itertools

from awkward._nplikes.array_like import MaterializableArray, declared_shape
from awkward._nplikes.dtypes import primitive_to_dtype
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.virtual import VirtualNDArray
from awkward.contents._buffer_coercion import (
    NATIVE,
    as_flat_native,
    check_byteorder,
    fit_to_count,
)
from awkward.contents.bitmaskedarray import BitMaskedArray
from awkward.contents.bytemaskedarray import ByteMaskedArray
from awkward.contents.emptyarray import EmptyArray
from awkward.contents.indexedarray import IndexedArray
from awkward.contents.indexedoptionarray import IndexedOptionArray
from awkward.contents.listarray import ListArray
from awkward.contents.listoffsetarray import ListOffsetArray
from awkward.contents.numpyarray import NumpyArray
from awkward.contents.recordarray import RecordArray
from awkward.contents.regulararray import RegularArray
from awkward.contents.unionarray import UnionArray
from awkward.contents.unmaskedarray import UnmaskedArray
from awkward.index import Index

__all__ = ["layout_from_buffers", "LazyCount", "cache_namer"]


def layout_from_buffers(
    form,
    length,
    container,
    buffer_key,
    backend,
    byteorder,
    allow_noncanonical_form,
    enable_virtualarray_caching,
    *,
    cache=None,
    cache_key=None,
):
    """The layout for an already regularized Form and length (int or unknown_length).

    ``cache``: a MutableMapping holding the generated data of virtual buffers (instead of the
    buffers themselves), one entry per buffer named ``f"{cache_key}:{buffer key}"``;
    ``cache_key`` None names this call uniquely, so two arrays never share entries."""
    builder = _Builder(
        container,
        _key_maker(buffer_key),
        backend,
        check_byteorder(byteorder),
        _caching_rule(enable_virtualarray_caching),
        bool(allow_noncanonical_form),
        cache_namer(cache, cache_key, "ak.from_buffers"),
    )
    return builder.build(form, length)


_CALLS = itertools.count()


def cache_namer(cache, cache_key, owner):
    """None without a cache, else buffer key -> entry name in ``cache``."""
    if cache is None:
        return None
    if not (hasattr(cache, "__getitem__") and hasattr(cache, "__setitem__")):
        raise TypeError(
            f"{owner}: 'cache' must be a MutableMapping (a dict, a cachetools cache ...), "
            f"not {type(cache).__name__}"
        )
    if cache_key is None:
        cache_key = f"{owner}:{next(_CALLS)}"
    elif not isinstance(cache_key, str):
        raise TypeError(f"{owner}: 'cache_key' must be a str or None, not {type(cache_key).__name__}")
    return cache, lambda key: f"{cache_key}:{key}"


def _key_maker(buffer_key):
    if isinstance(buffer_key, str):

        def make(form, attribute):
            return buffer_key.format(form_key=form.form_key, attribute=attribute, form=form)

        return make
    if callable(buffer_key):

        def make(form, attribute):
            return buffer_key(form_key=form.form_key, attribute=attribute, form=form)

        return make
    raise TypeError(
        f"ak.from_buffers: 'buffer_key' must be a format string or a callable, "
        f"not {type(buffer_key).__name__}"
    )


def _caching_rule(rule):
    if isinstance(rule, bool):
        return lambda form_key, attribute: rule
    if callable(rule):
        return lambda form_key, attribute: bool(rule(form_key, attribute))
    raise TypeError(
        "ak.from_buffers: 'enable_virtualarray_caching' must be a bool or a callable "
        f"(form_key, attribute) -> bool, not {type(rule).__name__}"
    )


# ---------------------------------------------------------------------- counts
class LazyCount:
    """A length known only after reading another (virtual) buffer; computed once."""

    __slots__ = ("_compute", "_value")

    def __init__(self, compute):
        self._compute = compute
        self._value = None

    def resolve(self) -> int:
        value = self._value
        if value is None:
            # two threads may both compute it: same answer, no harm
            value = self._value = int(self._compute())
        return value


def _map_count(count, fn):
    """``fn(count)`` for an int, unknown for unknown, lazily for a LazyCount."""
    if count is unknown_length:
        return unknown_length
    if isinstance(count, LazyCount):
        return LazyCount(lambda: fn(count.resolve()))
    return fn(count)


def _count_from(buffer, fn):
    """``fn(values)`` of a buffer: now when it is concrete, lazily when it is virtual."""
    if isinstance(buffer, MaterializableArray):
        if not buffer.nplike.known_data:  # a type tracer never learns a length
            return unknown_length
        return LazyCount(lambda: fn(buffer.materialize()))
    return int(fn(buffer))


def _declared_count(count):
    """The first dimension to declare for a buffer with this count."""
    return count if isinstance(count, int) else unknown_length


def _last_or_zero(values):
    return int(values[-1]) if len(values) else 0


def _max_plus_one(values):
    return max(int(values.max()) + 1, 0) if len(values) else 0


def _max_or_zero(values):
    return max(int(values.max()), 0) if len(values) else 0


# ---------------------------------------------------------------------- the builder
class _Builder:
    __slots__ = (
        "_container",
        "_make_key",
        "_backend",
        "_byteorder",
        "_caching",
        "_simplify",
        "_cache",
    )

    def __init__(self, container, make_key, backend, byteorder, caching, simplify, cache=None):
        self._cache = cache
        self._container = container
        self._make_key = make_key
        self._backend = backend
        self._byteorder = byteorder
        self._caching = caching
        self._simplify = simplify

    def build(self, form, count):
        form_type = type(form)
        handler = _HANDLER_BY_TYPE.get(form_type)
        if handler is None:
            for klass in form_type.__mro__:
                handler = _HANDLERS.get(klass.__name__)
                if handler is not None:
                    _HANDLER_BY_TYPE[form_type] = handler
                    break
            else:
                raise TypeError(f"ak.from_buffers: unsupported form type {form_type.__name__}")
        return handler(self, form, count)

    def _ctor(self, cls):
        return cls.simplified if self._simplify else cls

    # ------------------------------------------------------------------ buffers
    def buffer(self, form, attribute, dtype, count, inner_shape=(), *, index=True):
        """The buffer for (form, attribute): concrete when the container holds data and its
        count is known, else a VirtualNDArray named by its key."""
        key = self._make_key(form, attribute)
        try:
            value = self._container[key]
        except KeyError:
            value = _awkward1_buffer(self._container, key)
        if value is _MISSING:
            raise KeyError(
                f"ak.from_buffers: buffer {key!r} (form_key {form.form_key!r}, attribute "
                f"{attribute!r}) is not in the container"
            )
        nplike = self._backend.index_nplike if index else self._backend.nplike
        if not dtype.isnative:
            dtype = dtype.newbyteorder("=")
        inner_shape = tuple(inner_shape)
        if (
            type(value) is nplike.ndarray
            and type(count) is int
            and not inner_shape
            and value.dtype == dtype
            and value.shape == (count,)
            and (self._byteorder == NATIVE or dtype.itemsize == 1)
            and nplike.is_c_contiguous(value)
        ):
            # the common case: exactly the array the form asks for
            return value
        if isinstance(value, MaterializableArray):
            fitted = self._fit_lazy(value, key, dtype, count, inner_shape)
            if fitted is not None:
                return fitted
            source = value.materialize
        elif callable(value) and not hasattr(value, "dtype"):
            source = value
        else:
            array = as_flat_native(value, key, dtype, self._byteorder, nplike)
            if not isinstance(count, LazyCount):
                return fit_to_count(
                    array, key, None if count is unknown_length else count, inner_shape, nplike
                )
            source = _constant(array)
        return self._virtual(source, form, attribute, key, dtype, count, inner_shape, nplike)

    def _virtual(self, source, form, attribute, key, dtype, count, inner_shape, nplike):
        byteorder = self._byteorder

        def generate():
            array = as_flat_native(source(), key, dtype, byteorder, nplike)
            wanted = count.resolve() if isinstance(count, LazyCount) else count
            return fit_to_count(
                array, key, None if wanted is unknown_length else wanted, inner_shape, nplike
            )

        shape_generator = None
        if isinstance(count, LazyCount):

            def shape_generator():
                return (count.resolve(), *inner_shape)

        cache, entry = (None, None) if self._cache is None else self._cache
        return VirtualNDArray(
            nplike,
            (_declared_count(count), *inner_shape),
            dtype,
            generate,
            shape_generator,
            key,
            __enable_caching__=self._caching(form.form_key, attribute),
            __cache__=cache,
            __cache_key__=None if cache is None else entry(key),
        )

    @staticmethod
    def _fit_lazy(value, key, dtype, count, inner_shape):
        """A virtual container value used as it is (or lazily sliced) when its declared dtype
        and shape already fit; None when it must be wrapped and checked on materialization."""
        if value.dtype != dtype or not isinstance(count, int):
            return None
        shape = declared_shape(value)
        if len(shape) != 1 + len(inner_shape) or tuple(shape[1:]) != inner_shape:
            return None
        first = shape[0]
        if first is unknown_length:
            return None
        if first == count:
            return value
        if first > count:
            return value[:count]
        raise ValueError(
            f"buffer {key!r} has {first} items of {dtype}, but the form and length need {count}"
        )

    def index(self, form, attribute, dtype, count):
        """(Index, raw buffer): counts of children are read from the raw buffer, which stays
        concrete when the container's was (an Index may wrap it in the virtualized test mode)."""
        data = self.buffer(form, attribute, dtype, count)
        return Index(data, nplike=self._backend.index_nplike), data

    @staticmethod
    def _parameters(form):
        params = form.parameters
        return dict(params) if params else None


_MISSING = object()


def _awkward1_buffer(container, key):
    """awkward 1's to_buffers named buffers ``part0-node0-offsets``: found under that name
    when the awkward 2 name (``node0-offsets``) is missing; else _MISSING."""
    if not (isinstance(key, str) and key.startswith("node")):
        return _MISSING
    try:
        return container["part0-" + key]
    except KeyError:
        return _MISSING


# ---------------------------------------------------------------------- one handler per form
_INDEX_DTYPES: dict = {}


def _index_dtype(name):
    dtype = _INDEX_DTYPES.get(name)
    if dtype is None:
        from awkward.forms.form import index_to_dtype

        dtype = _INDEX_DTYPES[name] = index_to_dtype(name)
    return dtype


def _empty(builder, form, count):

    if isinstance(count, int) and count != 0:
        raise ValueError(f"ak.from_buffers: EmptyForm node, but the expected length is {count}")
    return EmptyArray(backend=builder._backend)


def _numpy(builder, form, count):
    dtype = primitive_to_dtype(form.primitive)
    data = builder.buffer(form, "data", dtype, count, form.inner_shape, index=False)
    backend = builder._backend
    if type(data) is backend.nplike.ndarray:
        # buffer() checked it against the form: a native array of the form's primitive
        return NumpyArray._from_checked(data, builder._parameters(form), backend)
    return NumpyArray(data, parameters=builder._parameters(form), backend=backend)


def _regular(builder, form, count):

    size = form.size
    content = builder.build(form.content, _map_count(count, lambda n: n * size))
    zeros_length = 0
    zeros_length_generator = None
    if size == 0:
        if isinstance(count, LazyCount):
            zeros_length, zeros_length_generator = unknown_length, count.resolve
        elif count is unknown_length:
            raise ValueError(
                "ak.from_buffers: a RegularForm of size 0 has no buffer to learn its length "
                "from; give a known length"
            )
        else:
            zeros_length = count
    return builder._ctor(RegularArray)(
        content, size, zeros_length, zeros_length_generator, parameters=builder._parameters(form)
    )


def _list(builder, form, count):

    dtype = _index_dtype(form.starts)
    starts, _ = builder.index(form, "starts", dtype, count)
    stops, raw_stops = builder.index(form, "stops", _index_dtype(form.stops), count)
    content = builder.build(form.content, _count_from(raw_stops, _max_or_zero))
    return builder._ctor(ListArray)(starts, stops, content, parameters=builder._parameters(form))


def _list_offset(builder, form, count):

    offsets, raw = builder.index(
        form, "offsets", _index_dtype(form.offsets), _map_count(count, lambda n: n + 1)
    )
    content = builder.build(form.content, _count_from(raw, _last_or_zero))
    if not builder._simplify:
        # the Index class comes from the form's index type, offsets were fitted to
        # count + 1 >= 1 items, and offsets and content are on the builder's backend
        return ListOffsetArray._from_checked(offsets, content, builder._parameters(form))
    return builder._ctor(ListOffsetArray)(offsets, content, parameters=builder._parameters(form))


def _record(builder, form, count):

    contents = [builder.build(child, count) for child in form.contents]
    fields = None if form.is_tuple else list(form.fields)
    if isinstance(count, LazyCount):
        length, generator = unknown_length, count.resolve
    elif count is unknown_length:
        if not contents:
            raise ValueError(
                "ak.from_buffers: a record with no fields needs a known length (got unknown_length)"
            )
        length, generator = None, None
    else:
        length, generator = count, None
    if length is not None and not builder._simplify:
        # every content was built for this count (so is at least as long), on this backend
        return RecordArray._from_checked(
            contents, fields, length, generator, builder._parameters(form), builder._backend
        )
    return builder._ctor(RecordArray)(
        contents,
        fields,
        length,
        generator,
        parameters=builder._parameters(form),
        backend=builder._backend,
    )


def _indexed(builder, form, count):

    index, raw = builder.index(form, "index", _index_dtype(form.index), count)
    content = builder.build(form.content, _count_from(raw, _max_plus_one))
    return builder._ctor(IndexedArray)(index, content, parameters=builder._parameters(form))


def _indexed_option(builder, form, count):

    index, raw = builder.index(form, "index", _index_dtype(form.index), count)
    content = builder.build(form.content, _count_from(raw, _max_plus_one))
    return builder._ctor(IndexedOptionArray)(index, content, parameters=builder._parameters(form))


def _byte_masked(builder, form, count):

    mask, _ = builder.index(form, "mask", _index_dtype(form.mask), count)
    content = builder.build(form.content, count)
    return builder._ctor(ByteMaskedArray)(
        mask, content, form.valid_when, parameters=builder._parameters(form)
    )


def _bit_masked(builder, form, count):

    mask, _ = builder.index(
        form, "mask", _index_dtype(form.mask), _map_count(count, lambda n: -(-n // 8))
    )
    content = builder.build(form.content, count)
    generator = None
    if isinstance(count, LazyCount):
        length, generator = unknown_length, count.resolve
    elif count is unknown_length:
        # the mask rounds up to whole bytes: the content says how many there are
        length = content.length
        if length is unknown_length:
            generator = content.__len__
    else:
        length = count
    return builder._ctor(BitMaskedArray)(
        mask,
        content,
        form.valid_when,
        length,
        form.lsb_order,
        generator,
        parameters=builder._parameters(form),
    )


def _unmasked(builder, form, count):

    content = builder.build(form.content, count)
    return builder._ctor(UnmaskedArray)(content, parameters=builder._parameters(form))


def _union(builder, form, count):

    tags, raw_tags = builder.index(form, "tags", _index_dtype(form.tags), count)
    index, raw_index = builder.index(form, "index", _index_dtype(form.index), count)
    lazy = isinstance(raw_tags, MaterializableArray) or isinstance(raw_index, MaterializableArray)
    contents = []
    for tag, child in enumerate(form.contents):
        if lazy:
            child_count = LazyCount(_union_count(raw_tags, raw_index, tag))
        else:
            child_count = _union_count(raw_tags, raw_index, tag)()
        contents.append(builder.build(child, child_count))
    return builder._ctor(UnionArray)(tags, index, contents, parameters=builder._parameters(form))


def _union_count(tags_buffer, index_buffer, tag):
    def compute():
        tags, index = tags_buffer, index_buffer
        if isinstance(tags, MaterializableArray):
            tags = tags.materialize()
        if isinstance(index, MaterializableArray):
            index = index.materialize()
        n = min(len(tags), len(index))
        picked = index[:n][tags[:n] == tag]
        return _max_plus_one(picked)

    return compute


def _constant(array):
    return lambda: array


_HANDLER_BY_TYPE: dict = {}

_HANDLERS = {
    "EmptyForm": _empty,
    "NumpyForm": _numpy,
    "RegularForm": _regular,
    "ListForm": _list,
    "ListOffsetForm": _list_offset,
    "RecordForm": _record,
    "IndexedForm": _indexed,
    "IndexedOptionForm": _indexed_option,
    "ByteMaskedForm": _byte_masked,
    "BitMaskedForm": _bit_masked,
    "UnmaskedForm": _unmasked,
    "UnionForm": _union,
}
