"""Run one operation three ways and compare: eagerly over counting virtual buffers, on a
typetracer with a report (every length unknown), and on a typetracer of the layout with known
lengths. The tracer results must have the eager result's form (lengths are not in forms), and
the report must name exactly the buffers whose generators the eager run called."""

import collections
import itertools

import numpy as np

import awkward as ak
from awkward._nplikes.array_like import MaterializableArray
from awkward._nplikes.numpy import Numpy
from awkward._nplikes.typetracer import MaybeNone, OneOf, TypeTracerArray
from awkward._nplikes.virtual import VirtualNDArray


def _array_form(form):
    """One string of a typetracer array is its characters (a str or bytes when eager)."""
    if isinstance(form, ak.forms.NumpyForm) and form.parameter("__array__") in ("char", "byte"):
        return ("string", form.parameter("__array__"))
    return ("array", form)


def _form_of(result):
    if isinstance(result, ak.Array):
        return _array_form(result.layout.form)
    if isinstance(result, ak.Record):
        return ("record", result.layout.array.form)
    if isinstance(result, ak.contents.Content):
        return _array_form(result.form)
    if isinstance(result, ak.record.Record):
        return ("record", result.array.form)
    if isinstance(result, str):
        return ("string", "char")
    if isinstance(result, bytes):
        return ("string", "byte")
    if isinstance(result, MaybeNone):  # an unknown element of an option: missing or content
        return ("maybe", _form_of(result.content))
    if isinstance(result, OneOf):  # an unknown element of a union: one of its contents
        return ("one of", tuple(_form_of(x) for x in result.contents))
    if isinstance(result, TypeTracerArray):
        return ("scalar", result.dtype)
    if isinstance(result, (np.generic, np.ndarray)):
        return ("scalar", result.dtype)
    if result is None:
        return ("none", None)
    if isinstance(result, (bool, int, float, complex)):
        return ("scalar", np.asarray(result).dtype)
    if isinstance(result, tuple):
        return ("tuple", tuple(_form_of(x) for x in result))
    return ("other", type(result).__name__)


def _matches(traced_form, eager_form):
    """A tracer's MaybeNone matches a missing value or its content; a OneOf any content."""
    kind, what = traced_form
    if kind == "maybe":
        return eager_form == ("none", None) or _matches(what, eager_form)
    if kind == "one of":
        return any(_matches(x, eager_form) for x in what)
    if kind == "tuple" and eager_form[0] == "tuple" and len(what) == len(eager_form[1]):
        return all(_matches(a, b) for a, b in zip(what, eager_form[1]))
    return traced_form == eager_form


def _branches(form):
    """Whether a traced result is a MaybeNone or OneOf (somewhere in a tuple)."""
    kind, what = form
    return kind in ("maybe", "one of") or (kind == "tuple" and any(_branches(x) for x in what))


def virtualize_counting(layout, calls):
    """The layout with every buffer a VirtualNDArray of known shape named like
    ak.to_buffers names it (``node<i>-<attribute>``, pre-order); ``calls[key]`` counts runs."""
    counter = itertools.count()
    numpy_like = Numpy.instance()

    def virtual(raw, key):
        data = raw.materialize() if isinstance(raw, MaterializableArray) else raw

        def generate():
            calls[key] += 1
            return data

        return VirtualNDArray(numpy_like, data.shape, data.dtype, generate, buffer_key=key)

    def walk(node):
        name = f"node{next(counter)}"
        attributes = {id(buffer): attr for attr, buffer in node._buffers_by_attribute().items()}

        def on_index(index):
            key = f"{name}-{attributes[id(index.data)]}"
            return type(index)(virtual(index.data, key))

        def on_raw(raw):
            return virtual(raw, f"{name}-{attributes[id(raw)]}")

        return node._map_slots(on_index, on_raw, walk)

    return walk(layout)


def eager_virtual(layout, op):
    """(result, set of buffer keys whose generators ran) over counting virtual buffers."""
    calls = collections.Counter()
    array = ak.Array(virtualize_counting(layout, calls))
    result = op(array)
    return result, {key for key, n in calls.items() if n}


def traced(layout, op):
    """(result, set of touched keys) on a typetracer of unknown length with a report."""
    form, _, _ = ak.to_buffers(layout)
    array, report = ak.typetracer.typetracer_with_report(
        form, buffer_key="{form_key}-{attribute}", highlevel=True
    )
    result = op(array)
    return result, set(report.data_touched)


def traced_known_length(layout, op):
    array = ak.Array(layout.to_typetracer())
    return op(array)


def compare(layout, op, general_path=False):
    """Raises AssertionError on a mismatch; returns False when the eager run raises (the
    operation does not apply to this layout), True otherwise. ``general_path``: the eager run
    took a shortcut that its data allowed (contiguous lists: no carry), so the tracer, which
    takes the path any data could need, may touch more than the eager run read."""
    try:
        expected, read = eager_virtual(layout, op)
    except Exception:
        return False
    result, touched = traced(layout, op)
    assert _matches(_form_of(result), _form_of(expected)), (_form_of(result), _form_of(expected))
    if general_path or _branches(_form_of(result)):
        # which branch an element takes is in the data: the tracer reads every branch
        assert read <= touched, f"touched {sorted(touched)}, eager read {sorted(read)}"
    else:
        assert touched == read, f"touched {sorted(touched)}, eager read {sorted(read)}"
    known = traced_known_length(layout, op)
    assert _matches(_form_of(known), _form_of(expected)), (_form_of(known), _form_of(expected))
    return True
