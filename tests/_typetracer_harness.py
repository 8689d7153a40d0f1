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
from awkward._nplikes.typetracer import TypeTracerArray
from awkward._nplikes.virtual import VirtualNDArray


def _form_of(result):
    if isinstance(result, ak.Array):
        return ("array", result.layout.form)
    if isinstance(result, ak.Record):
        return ("record", result.layout.array.form)
    if isinstance(result, ak.contents.Content):
        return ("array", result.form)
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


def compare(layout, op):
    """Raises AssertionError on a mismatch; returns False when the eager run raises (the
    operation does not apply to this layout), True otherwise."""
    try:
        expected, read = eager_virtual(layout, op)
    except Exception:
        return False
    result, touched = traced(layout, op)
    assert _form_of(result) == _form_of(expected), (_form_of(result), _form_of(expected))
    assert touched == read, f"touched {sorted(touched)}, eager read {sorted(read)}"
    known = traced_known_length(layout, op)
    assert _form_of(known) == _form_of(expected)
    return True
