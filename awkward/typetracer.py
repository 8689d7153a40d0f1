"""awkward.typetracer: arrays that have a type and no data, and reports of what was read.

A typetracer array runs ak.* operations without data: results have the form and type that the
eager result would have (``unknown_length`` where the data decide a length), and a
``TypeTracerReport`` records which buffers' data the operations needed (``data_touched``).
Libraries like dask-awkward and coffea use this to decide which columns to read.
"""

from __future__ import annotations

from collections.abc import Mapping

from awkward._nplikes.placeholder import PlaceholderArray
from awkward._nplikes.shape import unknown_length
from awkward._nplikes.typetracer import (
    MaybeNone,
    OneOf,
    TypeTracerArray,
    TypeTracerReport,
    create_unknown_scalar,
    is_unknown_array,
    is_unknown_scalar,
)
from awkward.contents._typetracer import layout_from_form
from awkward.operations._layout_args import HighLevelContext

__all__ = [
    "MaybeNone",
    "OneOf",
    "PlaceholderArray",
    "TypeTracerArray",
    "TypeTracerReport",
    "create_unknown_scalar",
    "empty_if_typetracer",
    "is_unknown_array",
    "is_unknown_scalar",
    "length_one_if_typetracer",
    "length_zero_if_typetracer",
    "touch_data",
    "typetracer_from_form",
    "typetracer_with_report",
    "unknown_length",
]


def _regularize_form(form, fname):
    from awkward.forms import Form, from_dict, from_json

    if isinstance(form, Form):
        return form
    if isinstance(form, str):
        return from_json(form)
    if isinstance(form, Mapping):
        return from_dict(form)
    raise TypeError(
        f"ak.typetracer.{fname}: 'form' must be a Form, a JSON string or a dict, not {type(form).__name__}"
    )


def _key_maker(buffer_key, fname):
    if isinstance(buffer_key, str):
        return lambda form, attribute: buffer_key.format(
            form_key=form.form_key, attribute=attribute, form=form
        )
    if callable(buffer_key):
        return lambda form, attribute: buffer_key(form_key=form.form_key, attribute=attribute, form=form)
    raise TypeError(
        f"ak.typetracer.{fname}: 'buffer_key' must be a format string or a callable, "
        f"not {type(buffer_key).__name__}"
    )


def typetracer_with_report(
    form, *, buffer_key="{form_key}", highlevel=False, behavior=None, attrs=None
):
    """(array, report): a typetracer array of ``form`` (unknown length) whose buffers report
    to ``report`` under the names ``buffer_key`` gives them (a format string with
    ``{form_key}``, ``{attribute}`` and ``{form}``, or a callable with those keyword arguments)."""
    form = _regularize_form(form, "typetracer_with_report")
    report = TypeTracerReport()
    layout = layout_from_form(form, _key_maker(buffer_key, "typetracer_with_report"), report)
    return HighLevelContext(behavior, attrs).wrap(layout, highlevel), report


def typetracer_from_form(form, *, highlevel=True, behavior=None, attrs=None):
    """A typetracer array of ``form`` with unknown length (no report)."""
    form = _regularize_form(form, "typetracer_from_form")
    layout = layout_from_form(form, lambda form, attribute: None, None)
    return HighLevelContext(behavior, attrs).wrap(layout, highlevel)


def _layout_of(layout):
    # a layout Record (ak.Record) touches and converts its array
    return getattr(layout, "array", layout)


def _touch_all(layout):
    for buffer in _buffers(_layout_of(layout)):
        touch = getattr(buffer, "touch_data", None)
        if touch is not None:
            touch()


def _buffers(layout):
    yield from layout._buffers_by_attribute().values()
    for child in layout.contents:
        yield from _buffers(child)


def _is_typetracer(layout):
    return not _layout_of(layout).backend.nplike.known_data


def touch_data(array, *, highlevel=True, behavior=None, attrs=None):
    """Marks every buffer of a typetracer array as read (no-op for other arrays)."""
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, "typetracer.touch_data", allow_record=True)
    if _is_typetracer(layout):
        _touch_all(layout)
    return ctx.wrap(layout, highlevel)


def _same_form_of_length(array, which, fname, highlevel, behavior, attrs):
    ctx = HighLevelContext(behavior, attrs)
    layout = ctx.unwrap(array, f"typetracer.{fname}", allow_record=False)
    if not _is_typetracer(layout):
        return ctx.wrap(layout, highlevel)
    _touch_all(layout)
    form = layout.form
    out = form.length_zero_array() if which == 0 else form.length_one_array()
    return ctx.wrap(out, highlevel)


def length_zero_if_typetracer(array, *, highlevel=True, behavior=None, attrs=None):
    """A typetracer array becomes a length-0 cpu array of its form (touching all its data);
    any other array comes back as it is."""
    return _same_form_of_length(array, 0, "length_zero_if_typetracer", highlevel, behavior, attrs)


def length_one_if_typetracer(array, *, highlevel=True, behavior=None, attrs=None):
    """A typetracer array becomes a length-1 cpu array of its form (touching all its data);
    any other array comes back as it is."""
    return _same_form_of_length(array, 1, "length_one_if_typetracer", highlevel, behavior, attrs)


def empty_if_typetracer(array):
    """length_zero_if_typetracer keeping the input's high-level-ness."""
    highlevel = hasattr(array, "layout")
    return length_zero_if_typetracer(array, highlevel=highlevel)
