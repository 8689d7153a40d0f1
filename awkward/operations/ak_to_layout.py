"""ak.to_layout: anything array-like -> a layout (Content, or a layout Record)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from awkward.contents.content import Content
from awkward.operations._layout_args import highlevel_classes
from awkward.record import Record

__all__ = ["to_layout"]

_PRIMITIVE_POLICIES = ("promote", "pass-through", "forbid", "error")
_STRING_POLICIES = ("as-characters", "promote", "pass-through", "error")
_NONE_POLICIES = ("error", "promote", "pass-through")


def to_layout(
    array,
    *,
    allow_record=True,
    allow_unknown=False,
    none_policy="error",
    use_from_iter=True,
    primitive_policy="promote",
    string_policy="as-characters",
    regulararray=True,
):
    """The layout behind ``array``: layouts and ak.Array/ak.Record pass through; numpy and
    cupy arrays become NumpyArray (N-d arrays RegularArrays when ``regulararray``); Python
    data goes through ak.from_iter. Scalars, strings and None follow their policies:

    * ``primitive_policy``: "promote" (a length-1 array), "pass-through", "error"/"forbid";
    * ``string_policy``: "as-characters" (an array of characters), "promote" (a length-1
      string array), "pass-through", "error";
    * ``none_policy``: "error", "promote" (a length-1 array of None), "pass-through".
    """
    _check_policy("primitive_policy", primitive_policy, _PRIMITIVE_POLICIES)
    _check_policy("string_policy", string_policy, _STRING_POLICIES)
    _check_policy("none_policy", none_policy, _NONE_POLICIES)
    return _impl(
        array,
        allow_record,
        allow_unknown,
        none_policy,
        use_from_iter,
        primitive_policy,
        string_policy,
        regulararray,
    )


def _check_policy(name, value, allowed):
    if value not in allowed:
        raise ValueError(
            f"ak.to_layout: {name} must be one of {', '.join(repr(x) for x in allowed)}, not {value!r}"
        )


def _impl(
    obj,
    allow_record,
    allow_unknown,
    none_policy,
    use_from_iter,
    primitive_policy,
    string_policy,
    regulararray,
):
    if isinstance(obj, Content):
        return obj
    if isinstance(obj, Record):
        if not allow_record:
            raise TypeError("ak.to_layout: records are not allowed here (allow_record=False)")
        return obj
    array_cls, record_cls = highlevel_classes()
    if array_cls is not None and isinstance(obj, array_cls):
        return obj.layout
    if record_cls is not None and isinstance(obj, record_cls):
        if not allow_record:
            raise TypeError("ak.to_layout: ak.Record objects are not allowed here (allow_record=False)")
        return obj.layout

    from awkward._connect import numpy_conversion

    if numpy_conversion.is_numpy_array(obj):
        if obj.ndim == 0:
            return _scalar(obj[()], primitive_policy)
        return numpy_conversion.numpy_to_layout(
            obj, regulararray=regulararray, recordarray=True, function="to_layout"
        )
    if numpy_conversion.is_numpy_scalar(obj) and not isinstance(obj, (str, bytes)):
        return _scalar(obj, primitive_policy)
    foreign = _foreign_array(obj, regulararray)
    if foreign is not None:
        return foreign

    if isinstance(obj, (str, bytes)):
        return _string(obj, string_policy)
    if obj is None:
        if none_policy == "pass-through":
            return None
        if none_policy == "promote":
            return _promoted_none()
        raise TypeError(
            "ak.to_layout: encountered None, but none_policy='error' (use 'promote' or "
            "'pass-through')"
        )
    if isinstance(obj, (bool, int, float, complex)):
        return _scalar(obj, primitive_policy)
    snapshot = getattr(obj, "snapshot", None)
    if callable(snapshot) and type(obj).__name__ == "ArrayBuilder":
        return _impl(
            snapshot(),
            allow_record,
            allow_unknown,
            none_policy,
            use_from_iter,
            primitive_policy,
            string_policy,
            regulararray,
        )
    if isinstance(obj, Mapping):
        if not allow_record:
            raise ValueError(
                "ak.to_layout: cannot make an array from a single dict (that would be a record); "
                "pass a list of dicts"
            )
        if not use_from_iter:
            raise TypeError("ak.to_layout: encountered a dict, but use_from_iter=False")
        from awkward.operations.ak_from_iter import from_iter

        return from_iter(obj, highlevel=False, allow_record=True)
    if isinstance(obj, Iterable):
        if not use_from_iter:
            raise TypeError(
                f"ak.to_layout: encountered an iterable ({type(obj).__name__}), but use_from_iter=False"
            )
        from awkward.operations.ak_from_iter import from_iter

        return from_iter(obj, highlevel=False, allow_record=False)
    if allow_unknown:
        return obj
    raise TypeError(
        f"ak.to_layout: cannot convert an object of type {type(obj).__name__} to an array "
        "(pass allow_unknown=True to let it through)"
    )


def _scalar(value, primitive_policy):
    if primitive_policy == "pass-through":
        return value
    if primitive_policy in ("error", "forbid"):
        raise TypeError(
            f"ak.to_layout: encountered a scalar ({type(value).__name__}), but "
            f"primitive_policy={primitive_policy!r}"
        )
    from awkward._nplikes.numpy import Numpy
    from awkward.contents import NumpyArray

    nplike = Numpy.instance()
    data = nplike.asarray([value])
    if data.dtype.kind in "OUS":
        raise TypeError(f"ak.to_layout: cannot convert a scalar of type {type(value).__name__}")
    return NumpyArray(data)


def _string(value, string_policy):
    if string_policy == "pass-through":
        return value
    if string_policy == "error":
        raise TypeError(
            f"ak.to_layout: encountered a {type(value).__name__}, but string_policy='error'"
        )
    from awkward._connect.numpy_conversion import strings_layout

    is_str = isinstance(value, str)
    raw = value.encode("utf-8") if is_str else value
    layout = strings_layout([raw], "string" if is_str else "bytestring")
    if string_policy == "promote":
        return layout
    return layout.content


def _promoted_none():
    from awkward._nplikes.dtypes import int64
    from awkward._nplikes.numpy import Numpy
    from awkward.contents import EmptyArray, IndexedOptionArray
    from awkward.index import Index64

    nplike = Numpy.instance()
    return IndexedOptionArray(Index64(nplike.full(1, -1, dtype=int64)), EmptyArray())


def _foreign_array(obj, regulararray):
    """cupy arrays and raw virtual buffers become NumpyArrays on their own backend."""
    from awkward._backends import backend_of_obj

    if not (hasattr(obj, "dtype") and hasattr(obj, "shape")):
        return None
    backend = backend_of_obj(obj, default=None)
    if backend is None:
        return None
    from awkward.contents import NumpyArray

    if obj.shape == ():  # a 0-d array (a reducer's result) is one value, as numpy's are
        obj = backend.nplike.reshape(obj, (1,))
    layout = NumpyArray(obj, backend=backend)
    if regulararray and len(layout.shape) > 1:
        return layout.to_RegularArray()
    return layout
