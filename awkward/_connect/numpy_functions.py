"""NumPy's ``__array_function__`` protocol for ak.Array: ``array_function(func, types, args, kwargs)``.

A registry maps numpy functions to implementations in terms of the ak.* functions
(np.where -> ak.where, np.round -> ak.round, ...). numpy functions without an entry give
NotImplemented, so that numpy raises its own TypeError. np.concatenate along axis 0 merges the
layouts here (``concatenate_layouts``): same kinds merge node by node, different kinds become
a union. Reducers and sorting delegate to ak.* functions when those exist and otherwise raise
a NotImplementedError that says so.

Results are wrapped with the registered high-level class (operations._layout_args), not by
importing awkward.highlevel, so that this module stays importable from the operations layer.
"""

from __future__ import annotations

import numpy

from awkward._nplikes.dtypes import int8, int64
from awkward.contents.content import Content, concrete
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
for _name in ("sum", "prod", "any", "all", "min", "max", "mean", "count_nonzero"):
    implements(getattr(numpy, _name, None))(_delegate(_name, _REDUCER_NOTE))
implements(getattr(numpy, "amin", None))(_delegate("min", _REDUCER_NOTE))
implements(getattr(numpy, "amax", None))(_delegate("max", _REDUCER_NOTE))
implements(numpy.sort)(_delegate("sort", "ak.sort arrives with the sorting issue"))
implements(numpy.argsort)(_delegate("argsort", "ak.argsort arrives with the sorting issue"))


# ---------------------------------------------------------------------- concatenate
@implements(numpy.concatenate)
def _concatenate(arrays, axis=0, out=None, dtype=None, casting="same_kind"):
    _unsupported("concatenate", out=out, dtype=dtype)
    if isinstance(arrays, (Content,)) or hasattr(arrays, "layout"):
        raise TypeError("numpy.concatenate needs a sequence of arrays, not a single array")
    arrays = list(arrays)
    if not arrays:
        raise ValueError("need at least one array to concatenate")
    if axis != 0:
        concatenate = _op("concatenate")
        if concatenate is not None:
            return concatenate(arrays, axis=axis)
        raise NotImplementedError(
            f"numpy.concatenate(axis={axis!r}) on awkward arrays is not implemented yet: only axis=0 "
            "is (ak.concatenate with other axes arrives with a later issue)"
        )
    layouts = [to_layout_arg(x, "concatenate", allow_record=False) for x in arrays]
    return wrap_layout(concatenate_layouts(layouts), highlevel=True, behavior=_behavior(*arrays))


def concatenate_layouts(layouts, mergebool=True):
    """One layout with the elements of ``layouts`` one after the other (axis 0)."""
    known = [x for x in layouts if not x.is_unknown]
    if not known:
        return layouts[0]
    if len(known) == 1:
        return known[0]
    layouts = known
    if any(x.is_option for x in layouts):
        return _concatenate_options(layouts, mergebool)
    layouts = [x.project() if x.is_indexed else x for x in layouts]
    first = layouts[0]
    if not all(_mergeable(first, x, mergebool) for x in layouts[1:]):
        return _as_union(layouts, mergebool)
    same_parameters = all(x.parameters == first.parameters for x in layouts[1:])
    if same_parameters and all(x.is_numpy for x in layouts) and _numbers_merge(layouts, mergebool):
        datas = concrete(*[x.data for x in layouts])
        from awkward.contents import NumpyArray

        return NumpyArray(first.backend.nplike.concat(list(datas)), parameters=first._parameters, backend=first.backend)
    if same_parameters and all(x.is_list for x in layouts):
        return _concatenate_lists(layouts, mergebool)
    if same_parameters and all(x.is_record for x in layouts) and _same_fields(layouts):
        return _concatenate_records(layouts, mergebool)
    return _as_union(layouts, mergebool)


def _mergeable(one, two, mergebool) -> bool:
    """Whether two layouts have types that merge into one (without a union), by type only."""
    if one.is_unknown or two.is_unknown:
        return True
    if one.is_option or one.is_indexed:
        return _mergeable(one.content, two, mergebool)
    if two.is_option or two.is_indexed:
        return _mergeable(one, two.content, mergebool)
    if one.parameters != two.parameters:
        return False
    if one.is_numpy and two.is_numpy:
        return _numbers_merge([one, two], mergebool)
    if one.is_list and two.is_list:
        return _mergeable(one.content, two.content, mergebool)
    if one.is_record and two.is_record:
        return _same_fields([one, two]) and all(
            _mergeable(one.content(f), two.content(f), mergebool) for f in one.fields
        )
    return False


def _numbers_merge(layouts, mergebool) -> bool:
    shapes = {x.inner_shape for x in layouts}
    if len(shapes) != 1:
        return False
    kinds = {x.dtype.kind for x in layouts}
    if kinds <= {"b"} or (len({x.dtype for x in layouts}) == 1):
        return True
    if kinds & {"m", "M", "S", "U", "O", "V"}:
        return False
    return mergebool or "b" not in kinds


def _same_fields(layouts) -> bool:
    first = layouts[0]
    return all(x.is_tuple == first.is_tuple and set(x.fields) == set(first.fields) for x in layouts[1:]) and (
        not first.is_tuple or all(len(x.fields) == len(first.fields) for x in layouts)
    )


def _index64(nplike, data):
    from awkward.index import Index64

    return Index64(nplike.astype(data, int64), nplike=nplike)


def _concatenate_options(layouts, mergebool):
    from awkward.contents import IndexedOptionArray

    nplike = layouts[0].backend.index_nplike
    pieces, contents, offset = [], [], 0
    for x in layouts:
        if x.is_option:
            (valid,) = concrete(x.mask_as_bool(True))
            projected = x.project()
            running = nplike.cumsum(nplike.astype(valid, int64)) - 1 + offset
            pieces.append(nplike.where(valid, running, -1))
            contents.append(projected)
            offset += len(projected)
        else:
            pieces.append(nplike.arange(len(x), dtype=int64) + offset)
            contents.append(x)
            offset += len(x)
    merged = concatenate_layouts(contents, mergebool)
    return IndexedOptionArray.simplified(_index64(nplike, nplike.concat(pieces)), merged)


def _concatenate_lists(layouts, mergebool):
    from awkward.contents import ListOffsetArray, RegularArray

    first = layouts[0]
    nplike = first.backend.index_nplike
    if all(x.is_regular for x in layouts) and len({x.size for x in layouts}) == 1:
        size = first.size
        contents = [x.content._getitem_range(0, len(x) * size) for x in layouts]
        total = sum(len(x) for x in layouts)
        return RegularArray(
            concatenate_layouts(contents, mergebool), size, zeros_length=total, parameters=first._parameters
        )
    pieces, contents, running = [nplike.zeros(1, dtype=int64)], [], 0
    for x in layouts:
        packed = x.to_ListOffsetArray64(True)
        (offsets,) = concrete(packed.offsets.data)
        offsets = nplike.astype(offsets, int64)
        end = int(offsets[-1])
        pieces.append(offsets[1:] + running)
        contents.append(packed.content._getitem_range(0, end))
        running += end
    return ListOffsetArray(
        _index64(nplike, nplike.concat(pieces)), concatenate_layouts(contents, mergebool),
        parameters=first._parameters,
    )


def _concatenate_records(layouts, mergebool):
    from awkward.contents import RecordArray

    first = layouts[0]
    contents = [
        concatenate_layouts([x.content(field)._getitem_range(0, len(x)) for x in layouts], mergebool)
        for field in first.fields
    ]
    fields = None if first.is_tuple else list(first.fields)
    total = sum(len(x) for x in layouts)
    return RecordArray(contents, fields, total, parameters=first._parameters, backend=first.backend)


def _as_union(layouts, mergebool):
    from awkward.contents import UnionArray
    from awkward.index import Index8

    nplike = layouts[0].backend.index_nplike
    tags = nplike.concat([nplike.full(len(x), i, dtype=int8) for i, x in enumerate(layouts)])
    index = nplike.concat([nplike.arange(len(x), dtype=int64) for x in layouts])
    return UnionArray.simplified(Index8(tags, nplike=nplike), _index64(nplike, index), layouts, mergebool=mergebool)
