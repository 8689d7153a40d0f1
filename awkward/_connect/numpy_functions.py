"""NumPy's ``__array_function__`` protocol for ak.Array: ``array_function(func, types, args, kwargs)``.

A registry maps numpy functions to implementations in terms of the ak.* functions
(np.where -> ak.where, np.round -> ak.round, ...). numpy functions without an entry give
NotImplemented, so that numpy raises its own TypeError. np.concatenate calls ak.concatenate
(any axis; ``concatenate_layouts`` is the plain axis-0 merge, kept for callers of it). Reducers and sorting delegate to ak.* functions when those exist and otherwise raise
a NotImplementedError that says so.

Results are wrapped with the registered high-level class (operations._layout_args), not by
importing awkward.highlevel, so that this module stays importable from the operations layer.
"""

from __future__ import annotations

import numpy

from awkward.contents._merge import merge_layouts
from awkward.contents.content import Content
from awkward.operations._layout_args import highlevel_classes, to_layout_arg, wrap_layout

__all__ = ["array_function", "concatenate_layouts", "implements", "IMPLEMENTATIONS"]

IMPLEMENTATIONS: dict = {}


def implements(*functions):
    """Register the decorated callable as the awkward implementation of numpy ``functions``."""

    def register(implementation):
        for function in functions:
            if function is not None:
                IMPLEMENTATIONS[function] = implementation
        return implementation

    return register


def array_function(func, types, args, kwargs):
    """What ak.Array.__array_function__ returns (NotImplemented for numpy functions that
    awkward does not implement, or for argument types it does not know)."""
    implementation = IMPLEMENTATIONS.get(func)
    if implementation is None:
        return NotImplemented
    array_cls, _ = highlevel_classes()
    for kind in types:
        if not (
            (array_cls is not None and issubclass(kind, array_cls))
            or issubclass(kind, (numpy.ndarray, Content))
        ):
            return NotImplemented
    return implementation(*args, **kwargs)


def _op(name):
    import awkward.operations as operations

    return getattr(operations, name, None)


def _unsupported(function, **given):
    for name, value in given.items():
        if value is not None:
            raise TypeError(f"numpy.{function} on awkward arrays does not support the {name!r} argument")


def _behavior(*arrays):
    array_cls, _ = highlevel_classes()
    for array in arrays:
        if array_cls is not None and isinstance(array, array_cls) and array.behavior is not None:
            return array.behavior
    return None


# ---------------------------------------------------------------------- element-wise functions
@implements(numpy.where)
def _where(condition, *args):
    return _op("where")(condition, *args, behavior=_behavior(condition, *args))


@implements(numpy.isclose)
def _isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    return _op("isclose")(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan)


@implements(numpy.round, getattr(numpy, "around", None), getattr(numpy, "round_", None))
def _round(a, decimals=0, out=None):
    _unsupported("round", out=out)
    return _op("round")(a, decimals)


@implements(numpy.real)
def _real(val):
    return _op("real")(val)


@implements(numpy.imag)
def _imag(val):
    return _op("imag")(val)


@implements(numpy.angle)
def _angle(z, deg=False):
    return _op("angle")(z, deg)


@implements(numpy.nan_to_num)
def _nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    return _op("nan_to_num")(x, copy, nan, posinf, neginf)


def _check_like_arguments(function, order, subok, shape):
    if order not in ("K", "A", "C", "F", None):
        raise ValueError(f"numpy.{function}: unknown order {order!r}")
    if subok is not True:
        raise TypeError(f"numpy.{function} on awkward arrays does not support subok=False")
    _unsupported(function, shape=shape)


@implements(numpy.zeros_like)
def _zeros_like(a, dtype=None, order="K", subok=True, shape=None, **kwargs):
    _check_like_arguments("zeros_like", order, subok, shape)
    return _op("zeros_like")(a, dtype=dtype)


@implements(numpy.ones_like)
def _ones_like(a, dtype=None, order="K", subok=True, shape=None, **kwargs):
    _check_like_arguments("ones_like", order, subok, shape)
    return _op("ones_like")(a, dtype=dtype)


@implements(numpy.full_like)
def _full_like(a, fill_value, dtype=None, order="K", subok=True, shape=None, **kwargs):
    _check_like_arguments("full_like", order, subok, shape)
    return _op("full_like")(a, fill_value, dtype=dtype)


# ---------------------------------------------------------------------- sorting and reducers
def _delegate(name, issue_note):
    def implementation(a, *args, **kwargs):
        function = _op(name)
        if function is None:
            raise NotImplementedError(
                f"numpy.{name} on awkward arrays needs ak.{name}, which does not exist yet ({issue_note})"
            )
        if args:
            kwargs = {"axis": args[0], **kwargs}
        return function(a, **kwargs)

    implementation.__name__ = f"_{name}"
    return implementation


_REDUCER_NOTE = "the ak reducers arrive with a later issue"
for _name in (
    "sum", "prod", "any", "all", "min", "max", "argmin", "argmax", "ptp", "mean", "count_nonzero",
    "nansum", "nanprod", "nanmin", "nanmax", "nanargmin", "nanargmax",
):  # fmt: skip
    implements(getattr(numpy, _name, None))(_delegate(_name, _REDUCER_NOTE))
implements(getattr(numpy, "amin", None))(_delegate("min", _REDUCER_NOTE))
implements(getattr(numpy, "amax", None))(_delegate("max", _REDUCER_NOTE))


def _spread(name):
    """np.var/std/nanmean/nanvar/nanstd (numpy's positional order: axis, dtype, out, ddof)."""

    def implementation(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, **kwargs):
        _unsupported(name, dtype=dtype, out=out)
        extra = {"ddof": ddof} if name.endswith(("var", "std")) else {}
        return _op(name)(a, axis=axis, keepdims=keepdims, **extra, **kwargs)

    implementation.__name__ = f"_{name}"
    return implementation


for _name in ("var", "std", "nanmean", "nanvar", "nanstd"):
    implements(getattr(numpy, _name))(_spread(_name))


@implements(numpy.sort)
def _sort(a, axis=-1, kind=None, order=None):
    _unsupported("sort", order=order)  # kind: ak.sort is always stable, which every kind allows
    return _op("sort")(a, axis=axis)


@implements(numpy.argsort)
def _argsort(a, axis=-1, kind=None, order=None):
    _unsupported("argsort", order=order)
    return _op("argsort")(a, axis=axis)


# ---------------------------------------------------------------------- concatenate
@implements(numpy.concatenate)
def _concatenate(arrays, axis=0, out=None, dtype=None, casting="same_kind"):
    _unsupported("concatenate", out=out, dtype=dtype)
    if isinstance(arrays, (Content,)) or hasattr(arrays, "layout"):
        raise TypeError("numpy.concatenate needs a sequence of arrays, not a single array")
    arrays = list(arrays)
    if not arrays:
        raise ValueError("need at least one array to concatenate")
    concatenate = _op("concatenate")
    if concatenate is not None:
        return concatenate(arrays, axis=axis)
    if axis != 0:
        raise NotImplementedError(
            f"numpy.concatenate(axis={axis!r}) on awkward arrays is not implemented yet: only axis=0 "
            "is (ak.concatenate with other axes arrives with a later issue)"
        )
    layouts = [to_layout_arg(x, "concatenate", allow_record=False) for x in arrays]
    return wrap_layout(concatenate_layouts(layouts), highlevel=True, behavior=_behavior(*arrays))


def concatenate_layouts(layouts, mergebool=True):
    """One layout with the elements of ``layouts`` one after the other (axis 0); the merge
    itself lives in the contents layer (awkward.contents._merge.merge_layouts)."""
    return merge_layouts(layouts, mergebool)
