"""Reducers: the layer between the layout algorithms (``awkward._do``) and the ak.* reducers.

Public surface (stable; ak.sum ... ak.count_nonzero, the statistics and sorting build on it):

``Reducer`` subclasses, instantiated per call:
    ``Sum()``, ``Prod()``, ``Any()``, ``All()``, ``Min(initial=None)``, ``Max(initial=None)``,
    ``ArgMin()``, ``ArgMax()``, ``Count()``, ``CountNonzero()``.
    Each has ``name`` ("sum"), ``result_dtype(dtype)`` (numpy's promotion: integers to 64 bits
    with their signedness, bool sums to int64, floats and complex keep their dtype; min/max keep
    the dtype; an unsupported dtype raises), ``identity(dtype)`` (the value of an empty list),
    ``segments(backend, data, starts, stops)`` (one value per segment of a flat buffer, through
    the ``awkward_reduce_<kind>`` kernels) and ``whole(backend, data)`` (a whole buffer).
    ``needs_position`` (argmin/argmax), ``reads_data`` (False for count) and
    ``highlevel_function`` (the ak.* function keying record overloads, set by the operation).

``reduce(layout, reducer, axis=None, mask_identity=False, keepdims=False, behavior=None)``
    The one generic reduction over layouts: ``axis=None`` or any positive/negative axis of
    jagged, regular and option-type data; returns a Content, or a scalar for axis=None (and for
    axis=0 of one-dimensional data) without keepdims. Empty lists give the identity, or None
    under mask_identity. ``keepdims`` keeps a length-1 regular dimension. Records reduce only
    through a behavior overload ``behavior[(ak.<name>, record_name)](array, mask_identity)``
    (TypeError otherwise); unions raise ValueError.

``list_offsets(list_node)`` -> ``(int64 offsets, content)``: the segments of a list node
    (ListArrays made contiguous), for algorithms such as sorting that work per list.

``register_highlevel(lookup=, wrap=, unwrap=)``: hooks the layers above install so that record
    overloads can be found and called with high-level arrays.
"""

from awkward._reducers._kinds import (
    All,
    Any,
    ArgMax,
    ArgMin,
    Count,
    CountNonzero,
    Max,
    Min,
    Prod,
    Reducer,
    Sum,
)
from awkward._reducers._reduce import list_offsets, reduce, register_highlevel

__all__ = [
    "All",
    "Any",
    "ArgMax",
    "ArgMin",
    "Count",
    "CountNonzero",
    "Max",
    "Min",
    "Prod",
    "Reducer",
    "Sum",
    "list_offsets",
    "reduce",
    "register_highlevel",
]
