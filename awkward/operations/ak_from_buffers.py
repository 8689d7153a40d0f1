"""ak.from_buffers: build an array from a form, a length and a container of named buffers.

Container values may be arrays, bytes-like objects, virtual arrays, or callables. A callable
becomes a VirtualNDArray (named by its buffer key) that runs on first touch, so a file reader
can hand over every column and only the ones an analysis uses are read.

The engine lives in awkward/contents/_from_buffers.py (Form.length_zero_array uses it too).
"""

from __future__ import annotations

from collections.abc import Mapping

from awkward import forms
from awkward._backends import regularize_backend
from awkward._do import mergemany
from awkward._nplikes.shape import unknown_length
from awkward.contents._from_buffers import layout_from_buffers
from awkward.forms import Form
from awkward.operations._layout_args import wrap_layout

__all__ = ["from_buffers"]


def from_buffers(
    form,
    length,
    container,
    buffer_key="{form_key}-{attribute}",
    *,
    backend="cpu",
    byteorder="<",
    allow_noncanonical_form=False,
    enable_virtualarray_caching=True,
    cache=None,
    cache_key=None,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """Reconstitute an array from ``form`` (Form, dict or JSON string), ``length`` (int or
    ``unknown_length``) and ``container`` (a mapping from buffer keys to arrays, bytes-like
    objects or zero-argument callables producing them).

    ``buffer_key`` is a format string with ``{form_key}`` and ``{attribute}`` or a callable
    ``f(form_key=, attribute=, form=)``. ``enable_virtualarray_caching`` is a bool or a
    callable ``f(form_key, attribute) -> bool`` deciding per buffer whether a virtual buffer
    keeps its data after the first read. With ``allow_noncanonical_form=True`` node
    combinations awkward would not build (an option of an option, a union of unions ...) are
    simplified; otherwise they raise TypeError as the layout constructors do.

    ``cache`` (any MutableMapping: a dict, a byte-bounded ``cachetools.LRUCache``, your own)
    holds the data of the virtual buffers instead of the buffers themselves, one entry per
    buffer named ``f"{cache_key}:{buffer key}"`` (``cache_key`` None: unique to this call).
    An evicted entry is generated again on the next touch.

    awkward 1's forms (ListOffsetArray64, NumpyArray with format/itemsize ...) load, and its
    buffer names (``part0-node0-offsets``) are found when ``node0-offsets`` is missing. A list
    of lengths (awkward 1's partitioned arrays) reads partition ``i`` from ``part<i>-...``
    keys (or ``buffer_key`` with ``{partition}``) and concatenates them, lazily for callables.
    """
    form = _regularize_form(form)
    if isinstance(length, (list, tuple)):
        # awkward 1's partitioned arrays: one length per partition, buffers "part<i>-..."
        lengths = [_regularize_length(n) for n in length]
        keys = _partition_keys(buffer_key, len(lengths))
    else:
        lengths = [_regularize_length(length)]
        if isinstance(buffer_key, str) and "{partition}" in buffer_key:
            buffer_key = buffer_key.replace("{partition}", "0")  # awkward 1's key_format
        keys = [buffer_key]
    if not isinstance(container, Mapping) and not hasattr(container, "__getitem__"):
        raise TypeError(
            f"ak.from_buffers: 'container' must be a mapping from buffer keys to buffers, "
            f"not {type(container).__name__}"
        )
    backend = regularize_backend(backend)
    pieces = [
        layout_from_buffers(
            form,
            n,
            container,
            key,
            backend,
            byteorder,
            allow_noncanonical_form,
            enable_virtualarray_caching,
            cache=cache,
            cache_key=cache_key,
        )
        for n, key in zip(lengths, keys)
    ]
    # partitions join lazily when their buffers are virtual (lazy concatenation)
    layout = pieces[0] if len(pieces) == 1 else mergemany(pieces)
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)


def _partition_keys(buffer_key, count):
    if count == 0:
        raise ValueError("ak.from_buffers: a list of partition lengths must not be empty")
    if buffer_key == "{form_key}-{attribute}":
        return [f"part{i}-{{form_key}}-{{attribute}}" for i in range(count)]
    if isinstance(buffer_key, str) and "{partition}" in buffer_key:
        return [buffer_key.replace("{partition}", str(i)) for i in range(count)]
    raise ValueError(
        "ak.from_buffers: with a list of partition lengths (awkward 1's partitioned arrays), "
        "'buffer_key' must be the default or a format string with {partition}, "
        f"not {buffer_key!r}"
    )


# ---------------------------------------------------------------------- argument handling
def _regularize_form(form):
    if isinstance(form, Form):
        return form
    if isinstance(form, str):
        return forms.from_json(form)
    if isinstance(form, Mapping):
        return forms.from_dict(form)
    raise TypeError(
        f"ak.from_buffers: 'form' must be a Form, a dict or a JSON string, not {type(form).__name__}"
    )


def _regularize_length(length):
    if length is unknown_length:
        return length
    if isinstance(length, bool):
        raise TypeError("ak.from_buffers: 'length' must be a non-negative integer, not a bool")
    try:
        length = length.__index__()
    except (AttributeError, TypeError):
        raise TypeError(
            f"ak.from_buffers: 'length' must be a non-negative integer or unknown_length, "
            f"not {type(length).__name__}"
        ) from None
    if length < 0:
        raise ValueError(f"ak.from_buffers: 'length' must be non-negative, not {length}")
    return length
