"""NumPy ufuncs on awkward arrays: ``array_ufunc(ufunc, method, inputs, kwargs)``.

ak.Array.__array_ufunc__ (and the arithmetic/comparison operators) delegate here. Every
unary and binary ufunc applies element by element at the leaves after broadcasting the
inputs (awkward._broadcasting); the leaf computation goes through the nplike's
``apply_ufunc``, so virtual buffers are materialized only where values are needed.
Reductions and the other ufunc methods are refused with a pointer to the ak reducers.
"""

from __future__ import annotations

import numpy

from awkward._broadcasting import broadcast_and_apply
from awkward.contents.content import Content, length_of
from awkward.record import Record

__all__ = ["array_ufunc", "apply_ufunc_to_layouts", "apply_operator", "OPERATOR_UFUNCS"]

_REDUCER_HINTS = {
    "add": "ak.sum",
    "multiply": "ak.prod",
    "logical_and": "ak.all",
    "logical_or": "ak.any",
    "minimum": "ak.min",
    "fmin": "ak.min",
    "maximum": "ak.max",
    "fmax": "ak.max",
}


def _string_kind(layout):
    if layout.is_list:
        kind = layout.parameter("__array__")
        if kind in ("string", "bytestring"):
            return kind
    return None


def _is_string_scalar(value) -> bool:
    return isinstance(value, (str, bytes, bytearray))


def _leaf_data(value):
    return value.data if isinstance(value, Content) else value


def _overload_name(layout):
    if isinstance(layout, Record):  # a single record travels through broadcasting as a scalar
        return layout.array.parameter("__record__")
    return layout.parameter("__record__") or layout.parameter("__list__")


def _find_overload(ufunc, inputs, behavior):
    """``behavior[ufunc, key, ...]`` where a layout's key is its record/list name and a scalar's
    its type (or numbers.Number); None when no layout here is named or nothing is registered."""
    import numbers

    from awkward._behavior import lookup

    if not any(isinstance(x, (Content, Record)) and _overload_name(x) for x in inputs):
        return None
    options = []
    for x in inputs:
        if isinstance(x, (Content, Record)):
            named = _overload_name(x)
            if named is None:
                return None
            options.append([named])
        else:
            kinds = [type(x)]
            if isinstance(x, numbers.Number):
                kinds.append(numbers.Number)
            options.append(kinds)
    keys = [()]
    for choices in options:
        keys = [key + (choice,) for key in keys for choice in choices]
    for key in keys:
        function = lookup(behavior, (ufunc, *key))
        if function is not None:
            return function
    return None


def _record_repeated(record, length, backend):
    """A single record as an array of ``length`` copies of it (an IndexedArray, so nothing is
    copied or read): how a record meets arrays in an overload, as in awkward 2.14."""
    from awkward.contents import IndexedArray
    from awkward.index import Index64

    index = Index64(backend.index_nplike.full(length, record.at, dtype=numpy.int64))
    return IndexedArray(index, record.array)


def _call_overload(function, inputs, behavior, backend):
    from awkward.highlevel import Array

    lengths = [length_of(x) for x in inputs if isinstance(x, Content)]  # unknown on a tracer
    inputs = [
        _record_repeated(x, lengths[0], backend) if isinstance(x, Record) and lengths else x
        for x in inputs
    ]
    args = [Array(x, behavior=behavior) if isinstance(x, Content) else x for x in inputs]
    result = function(*args)
    results = result if isinstance(result, tuple) else (result,)
    out = []
    for item in results:
        layout = getattr(item, "layout", item)
        if not isinstance(layout, Content):
            raise TypeError(f"a ufunc overload must return an array, not {type(item).__name__}")
        out.append(layout)
    return tuple(out)


def _make_action(ufunc, kwargs, behavior=None):
    name = ufunc.__name__

    def action(inputs, *, depth, backend):
        from awkward.contents import NumpyArray

        contents = [x for x in inputs if isinstance(x, Content)]
        overload = _find_overload(ufunc, inputs, behavior)
        if overload is not None:
            return _call_overload(overload, inputs, behavior, backend)
        strings = [x for x in contents if _string_kind(x) is not None]
        if strings or any(_is_string_scalar(x) for x in inputs):
            return _string_action(ufunc, inputs, contents, backend)
        record_scalar = any(isinstance(x, Record) for x in inputs)
        at_leaves = all(x.is_numpy or x.is_record for x in contents)
        if any(x.is_record for x in contents) or (record_scalar and at_leaves):
            raise TypeError(
                f"cannot broadcast records in {name}: numpy.{name} is not defined for records "
                "(select a field, e.g. array.x, or register a behavior overload)"
            )
        if all(x.is_numpy and len(x.shape) == 1 for x in contents):
            args = [_leaf_data(x) for x in inputs]
            result = backend.nplike.apply_ufunc(ufunc, "__call__", args, kwargs)
            if isinstance(result, tuple):
                return tuple(NumpyArray(r, backend=backend) for r in result)
            return (NumpyArray(result, backend=backend),)
        return None

    return action


def _string_action(ufunc, inputs, contents, backend):
    from awkward.behaviors.string import string_equal, string_equal_scalar
    from awkward.contents import NumpyArray

    if ufunc not in (numpy.equal, numpy.not_equal) or len(inputs) != 2:
        raise TypeError(_not_for_strings(ufunc))
    left, right = inputs
    if isinstance(left, Content) and _string_kind(left) and isinstance(right, Content) and _string_kind(right):
        result = string_equal(left, right)
    elif isinstance(left, Content) and _string_kind(left) and _is_string_scalar(right):
        result = string_equal_scalar(left, right)
    elif isinstance(right, Content) and _string_kind(right) and _is_string_scalar(left):
        result = string_equal_scalar(right, left)
    elif any(
        isinstance(x, Content) and not x.is_numpy and not x.is_record and _string_kind(x) is None
        for x in inputs
    ):
        return None  # lists/options/unions holding strings: descend to the strings
    else:
        raise TypeError(_not_for_strings(ufunc))
    if ufunc is numpy.not_equal:
        result = backend.index_nplike.logical_not(result)
    return (NumpyArray(backend.nplike.asarray(result), backend=backend),)


def _not_for_strings(ufunc):
    # awkward 2.14's message (ordering, +, and comparing strings with non-strings)
    return (
        f"numpy.{ufunc.__name__} is not implemented for string types. To register an "
        "implementation, add a name to these string(s) and register a behavior overload"
    )


def apply_ufunc_to_layouts(ufunc, inputs, kwargs=None, behavior=None):
    """Apply ``ufunc`` element-wise to layouts/scalars; returns a tuple of layouts. Named
    records/lists use the overloads registered in ``behavior`` (then ak.behavior)."""
    if kwargs and kwargs.get("out") is not None:
        raise TypeError("awkward arrays do not support the 'out' argument of ufuncs")
    return broadcast_and_apply(
        inputs,
        _make_action(ufunc, kwargs or {}, behavior),
        function_name=f"numpy.{ufunc.__name__}",
        broadcast_parameters_rule="intersect",
    )


def _to_layout_or_scalar(obj):
    layout = getattr(obj, "layout", None)
    if isinstance(layout, (Content, Record)):
        return layout
    if isinstance(obj, (Content, Record)):
        return obj
    if isinstance(obj, numpy.ndarray):
        from awkward.contents import NumpyArray

        if obj.ndim == 0:
            return obj[()]
        return NumpyArray(obj)
    if isinstance(obj, (bool, int, float, complex, str, bytes, numpy.generic)) or obj is None:
        return obj
    if isinstance(obj, (list, tuple)):  # Python data meets an array: convert it, as awkward does
        from awkward.operations.ak_to_layout import to_layout

        return to_layout(obj)
    return NotImplemented


def array_ufunc(ufunc, method, inputs, kwargs):
    """What ak.Array.__array_ufunc__ returns: ak.Array results when any input is high-level
    (with the first high-level input's behavior), layouts otherwise, or NotImplemented for
    inputs awkward does not know."""
    if method != "__call__":
        if method == "reduce":
            hint = _REDUCER_HINTS.get(ufunc.__name__, "the ak reducers (ak.sum, ak.prod, ak.min, ...)")
            raise TypeError(
                f"numpy.{ufunc.__name__}.reduce is not supported on awkward arrays; use {hint} "
                "with an axis argument instead"
            )
        raise TypeError(
            f"numpy.{ufunc.__name__}.{method} is not supported on awkward arrays; only element-wise "
            f"calls numpy.{ufunc.__name__}(...) are"
        )
    if ufunc is numpy.matmul:
        raise NotImplementedError(
            "matrix multiplication (@, numpy.matmul) is not implemented for awkward arrays"
        )
    layouts = [_to_layout_or_scalar(x) for x in inputs]
    if any(x is NotImplemented for x in layouts):
        return NotImplemented
    if None in layouts:
        raise TypeError(f"cannot apply numpy.{ufunc.__name__} to None")
    highlevel = next(
        (x for x in inputs if isinstance(getattr(x, "layout", None), (Content, Record))), None
    )
    if highlevel is None and not any(isinstance(x, (Content, Record)) for x in layouts):
        return NotImplemented
    behavior = getattr(highlevel, "behavior", None) if highlevel is not None else None
    only_records = not any(isinstance(x, Content) for x in layouts)
    if only_records:
        # records (and scalars) alone: compute on one-element arrays, then take element 0
        layouts = [
            x.array._getitem_range(x.at, x.at + 1) if isinstance(x, Record) else x for x in layouts
        ]
    outputs = apply_ufunc_to_layouts(ufunc, layouts, kwargs, behavior)
    if only_records:
        outputs = tuple(out._getitem_at(0) for out in outputs)
    if highlevel is not None:
        from awkward.highlevel import Array
        from awkward.highlevel import Record as HighLevelRecord

        attrs = getattr(highlevel, "_attrs", None)  # attrs travel with results, as in awkward
        outputs = tuple(
            Array(out, behavior=behavior, attrs=attrs) if isinstance(out, Content)
            else HighLevelRecord(out, behavior=behavior, attrs=attrs) if isinstance(out, Record)
            else out
            for out in outputs
        )
    return outputs[0] if len(outputs) == 1 else outputs


# Python operator name -> ufunc, for ak.Array's operator methods (which cannot import numpy)
OPERATOR_UFUNCS = {
    "add": numpy.add,
    "sub": numpy.subtract,
    "mul": numpy.multiply,
    "truediv": numpy.true_divide,
    "floordiv": numpy.floor_divide,
    "mod": numpy.remainder,
    "pow": numpy.power,
    "matmul": numpy.matmul,
    "divmod": numpy.divmod,
    "lshift": numpy.left_shift,
    "rshift": numpy.right_shift,
    "and": numpy.bitwise_and,
    "or": numpy.bitwise_or,
    "xor": numpy.bitwise_xor,
    "eq": numpy.equal,
    "ne": numpy.not_equal,
    "lt": numpy.less,
    "le": numpy.less_equal,
    "gt": numpy.greater,
    "ge": numpy.greater_equal,
    "neg": numpy.negative,
    "pos": numpy.positive,
    "abs": numpy.absolute,
    "invert": numpy.invert,
}


def apply_operator(name, *operands, reflected=False):
    """``left <op> right`` (or the unary ``<op> x``) for ak.Array's ``__<name>__`` methods;
    ``reflected=True`` for ``__r<name>__`` (the operands are swapped)."""
    ufunc = OPERATOR_UFUNCS.get(name)
    if ufunc is None:
        raise ValueError(f"unknown operator {name!r}; expected one of {sorted(OPERATOR_UFUNCS)}")
    if reflected:
        operands = operands[::-1]
    return array_ufunc(ufunc, "__call__", operands, {})
