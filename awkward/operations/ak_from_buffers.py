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
    """
    form = _regularize_form(form)
    length = _regularize_length(length)
    if not isinstance(container, Mapping) and not hasattr(container, "__getitem__"):
        raise TypeError(
            f"ak.from_buffers: 'container' must be a mapping from buffer keys to buffers, "
            f"not {type(container).__name__}"
        )
    layout = layout_from_buffers(
        form,
        length,
        container,
        buffer_key,
        regularize_backend(backend),
        byteorder,
        allow_noncanonical_form,
        enable_virtualarray_caching,
    )
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)


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
