"""Named axes: names for the dimensions of an array, usable wherever an ``axis`` is expected.

As in awkward 2.14 the names live in the array's attrs under ``"__named_axis__"`` (a dict
name -> positional axis, negative positions allowed), so every operation carries them through
unchanged by default. Operations that change the dimensions are wrapped by ``named_axis_op``
with one *strategy* (keep, remove the reduced axis, insert one, truncate after the axis, drop
all): the wrapper turns an axis name into its position before the call, and sets the names of
the result after it. Arrays without names and integer axes take a fast path (no extra work).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Mapping

from awkward._attrs import Attrs
from awkward.operations._dispatch import custom_args, hand_over
from awkward.record import Record

__all__ = [
    "NAMED_AXIS_KEY",
    "named_axis_of",
    "normalize_named_axis",
    "ndim_of",
    "resolve_axis",
    "unify_named_axes",
    "set_named_axis",
    "named_axis_op",
    "sliced_named_axis",
    "named_slice",
    "keep",
    "remove",
    "reduce",
    "truncate",
    "truncate_before",
    "insert_after",
    "drop_all",
    "flatten_rule",
    "cartesian_rule",
]

NAMED_AXIS_KEY = "__named_axis__"


# ---------------------------------------------------------------------- reading and checking
def named_axis_of(obj) -> dict:
    """The name -> position mapping of a high-level array or record ({} for anything else)."""
    attrs = getattr(obj, "_attrs", None)
    if not attrs:
        return {}
    return attrs.get(NAMED_AXIS_KEY) or {}


def ndim_of(layout) -> int:
    """Number of dimensions that names may point to (a layout Record: those of its fields)."""
    is_record = isinstance(layout, Record)
    form = (layout.array if is_record else layout).form
    depth = form.minmax_depth[1]  # through records and unions the deepest counts, as in 2.14
    return depth - 1 if is_record else depth


def _check_name(name) -> None:
    try:
        hash(name)
        bad = isinstance(name, (int, tuple))  # bool is an int
    except TypeError:
        bad = True
    if bad:
        raise ValueError(f"Axis names must be hashable and not int, got {name!r} [type(axis)={type(name)}]")


def normalize_named_axis(named_axis, ndim: int) -> dict:
    """A tuple (one name or None per axis) or mapping (name -> axis) as a checked dict."""
    if isinstance(named_axis, Mapping):
        items = list(named_axis.items())
    elif isinstance(named_axis, tuple):
        if len(named_axis) > ndim:
            items = [(None, ndim)]  # reported below
        else:
            items = [(name, i) for i, name in enumerate(named_axis) if name is not None]
    else:
        raise TypeError(
            f"named_axis must be a mapping or a tuple, got named_axis={named_axis!r} "
            f"[type(named_axis)={type(named_axis)}]"
        )
    out = {}
    for name, position in items:
        if type(position) is not int or not -ndim <= position < ndim:
            raise ValueError(
                f"Named axes must point to positional axes matching {ndim} dimensions, "
                f"got named_axis={named_axis!r}, ndim={ndim}"
            )
        _check_name(name)
        out[name] = position  # a name given twice keeps its last position, as in awkward 2.14
    return out


def resolve_axis(axis, named: Mapping):
    """The positional axis for ``axis``: integers and None pass, a name is looked up."""
    if axis is None or isinstance(axis, int) or hasattr(axis, "__index__"):
        return axis
    if not named and not isinstance(axis, str):
        return axis  # not a name (1.5, [1]): the function's own axis check says what is wrong
    try:
        return named[axis]
    except (KeyError, TypeError):
        raise ValueError(f"axis={axis!r} not found in named_axis={dict(named)!r} mapping.") from None


def _positive(position: int, ndim: int) -> int:
    return position + ndim if position < 0 else position


def _rebuild(named: Mapping, new_positions: dict, new_ndim: int) -> dict:
    """Names at their new non-negative positions; a name given negatively stays negative."""
    return {
        name: (position - new_ndim if named[name] < 0 else position)
        for name, position in new_positions.items()
    }


def unify_named_axes(named_and_ndims) -> dict:
    """The names of several broadcast inputs ((named, ndim) pairs): two different names for
    one positional axis are a ValueError; otherwise the first input's names, then the others'."""
    seen = {}  # positional axis -> name
    out = {}
    for named, ndim in named_and_ndims:
        mine = {}
        for name, position in named.items():
            mine[_positive(position, ndim)] = name
        for position, name in mine.items():
            other = seen.setdefault(position, name)
            if other != name:
                raise ValueError(
                    f"The named axes are incompatible. Got: {other} and {name} for positional axis {position}"
                )
        for name, position in named.items():
            out.setdefault(name, position)
    return out


# ---------------------------------------------------------------------- strategies
# strategy(named, ndim, axis, get) -> names of the result; ``axis`` is positional (or None),
# ``get(parameter)`` reads another argument of the call.
def keep(named, ndim, axis, get):
    return named


def drop_all(named, ndim, axis, get):
    return {}


def remove(named, ndim, axis, get):
    """The dimension at ``axis`` disappears (reducers, ak.firsts, ak.flatten)."""
    if axis is None:
        return {}
    axis = _positive(axis, ndim)
    moved = {}
    for name, position in named.items():
        position = _positive(position, ndim)
        if position != axis:
            moved[name] = position - 1 if position > axis else position
    return _rebuild(named, moved, ndim - 1)


def reduce(named, ndim, axis, get):
    """Reducers: keepdims keeps every name, otherwise the reduced axis's name disappears."""
    if get("keepdims"):
        return named
    return remove(named, ndim, axis, get)


def flatten_rule(named, ndim, axis, get):
    """ak.flatten: axis=None removes every dimension, axis=0 none, others that axis."""
    if axis is None:
        return {}
    if _positive(axis, ndim) == 0:
        return named
    return remove(named, ndim, axis, get)


def _truncate(named, ndim, last):
    kept = {}
    for name, position in named.items():
        position = _positive(position, ndim)
        if position <= last:
            kept[name] = position
    return _rebuild(named, kept, last + 1)


def truncate(named, ndim, axis, get):
    """Only the dimensions up to ``axis`` remain (ak.local_index, ak.is_none)."""
    return _truncate(named, ndim, _positive(axis, ndim))


def truncate_before(named, ndim, axis, get):
    """Only the dimensions before ``axis`` remain (ak.num)."""
    return _truncate(named, ndim, _positive(axis, ndim) - 1)


def insert_after(named, ndim, axis, get):
    """A new unnamed dimension right after ``axis`` (ak.singletons)."""
    at = _positive(axis, ndim) + 1
    moved = {}
    for name, position in named.items():
        position = _positive(position, ndim)
        moved[name] = position + 1 if position >= at else position
    return _rebuild(named, moved, ndim + 1)


def cartesian_rule(named, ndim, axis, get):
    """ak.cartesian: nested keeps every name, otherwise the dimensions up to ``axis``."""
    if get("nested"):
        return named
    return truncate(named, ndim, axis, get)


# ---------------------------------------------------------------------- results
def set_named_axis(out, named: Mapping):
    """``out`` (a high-level array or record, or a tuple/list of them) with these names; its
    attrs are copied, never changed in place (other arrays may share them)."""
    if isinstance(out, (tuple, list)):
        return type(out)(set_named_axis(x, named) for x in out)
    attrs = getattr(out, "_attrs", None)
    if not hasattr(out, "layout") or (not attrs and not named):
        return out
    data = attrs.to_dict() if isinstance(attrs, Attrs) else dict(attrs or {})
    if named:
        data[NAMED_AXIS_KEY] = dict(named)
    else:
        data.pop(NAMED_AXIS_KEY, None)
    object.__setattr__(out, "_attrs", Attrs(data))
    return out


def _layout_of(obj):
    layout = getattr(obj, "layout", None)
    if layout is None:
        from awkward.operations._layout_args import to_layout_arg

        layout = to_layout_arg(obj, "named axis")
    return layout


def _single(array_index, array_name):
    def inputs(args, kwargs):
        if len(args) > array_index:
            return (args[array_index],)
        return (kwargs.get(array_name),)

    return inputs


def collection_inputs(args, kwargs):
    """The arrays of ak.zip/ak.concatenate/ak.cartesian (a list, tuple or dict of them)."""
    arrays = args[0] if args else kwargs.get("arrays")
    if isinstance(arrays, Mapping):
        return tuple(arrays.values())
    if isinstance(arrays, (list, tuple)):
        return tuple(arrays)
    return (arrays,)


def positional_inputs(args, kwargs):
    """Every positional argument (ak.where, ak.broadcast_arrays)."""
    return args


def xy_inputs(args, kwargs):
    """The ``x`` and ``y`` arrays of ak.corr, ak.covar, ak.linear_fit."""
    found = list(args[:2])
    for name in ("x", "y")[len(found) :]:
        found.append(kwargs.get(name))
    return tuple(found)


def named_axis_op(strategy=keep, *, axis="axis", array="array", inputs=None):
    """Decorate an ak.* function taking ``axis``: names resolve to positions, and the result's
    names follow ``strategy``. ``inputs(args, kwargs)`` lists the arrays of a function with
    several (their names must agree, see unify_named_axes); default: the ``array`` argument."""

    def decorate(function):
        parameters = inspect.signature(function).parameters
        order = list(parameters)
        axis_index = order.index(axis) if axis in order else None
        axis_default = parameters[axis].default if axis in order else None
        if inputs is None:
            name = array if array in order else order[0]
            find_inputs = _single(order.index(name), name)
        else:
            find_inputs = inputs

        def argument(args, kwargs, name):
            index = order.index(name)
            if parameters[name].kind is not inspect.Parameter.KEYWORD_ONLY and len(args) > index:
                return args[index]
            default = parameters[name].default
            return kwargs.get(name, None if default is inspect.Parameter.empty else default)

        positional_axis = axis_index is not None and parameters[axis].kind in (
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
            inspect.Parameter.POSITIONAL_ONLY,
        )
        attrs_index = None
        if "attrs" in order and parameters["attrs"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            attrs_index = order.index("attrs")

        def make(dispatch=False):
            """The wrapper. With ``dispatch``, it first hands calls with an argument defining
            ``__awkward_function__`` to it (see _dispatch.py), in the same frame: ak.* functions
            get one wrapper, not two (install_dispatch calls this)."""

            @functools.wraps(function)
            def wrapper(*args, **kwargs):
                if dispatch:
                    custom = custom_args(args, [], True)
                    if kwargs:
                        custom_args(kwargs.values(), custom, True)
                    if custom:
                        return hand_over(wrapper._awkward_function, custom, args, kwargs)
                arrays = find_inputs(args, kwargs)
                found = [(named_axis_of(x), x) for x in arrays]
                explicit = kwargs.get("attrs")
                if explicit is None and attrs_index is not None and len(args) > attrs_index:
                    explicit = args[attrs_index]
                if explicit is not None:  # explicit attrs replace the inputs', names included (2.14)
                    names = explicit.get(NAMED_AXIS_KEY) or {}
                    found = [(names, arrays[0])] if names else []
                if axis_index is None:
                    value = None
                elif positional_axis and len(args) > axis_index:
                    value = args[axis_index]
                else:
                    value = kwargs.get(axis, axis_default)
                has_names = any(named for named, _ in found)
                if not has_names and (value is None or type(value) is int):
                    return function(*args, **kwargs)  # the common case: nothing to do
                named_inputs = [(named, ndim_of(_layout_of(x))) for named, x in found if named]
                if len(named_inputs) > 1:
                    named = unify_named_axes(named_inputs)
                else:
                    named = named_inputs[0][0] if named_inputs else {}
                position = resolve_axis(value, named)
                if position is not value:
                    if positional_axis and len(args) > axis_index:
                        args = args[:axis_index] + (position,) + args[axis_index + 1 :]
                    else:
                        kwargs = {**kwargs, axis: position}
                out = function(*args, **kwargs)
                if not has_names:
                    return out
                ndim = max(ndim for _, ndim in named_inputs)
                get = functools.partial(argument, args, kwargs)
                return set_named_axis(out, strategy(named, ndim, position, get))

            wrapper._named_axis_make = make
            return wrapper

        return make()

    return decorate


# ---------------------------------------------------------------------- slicing
def _is_array_like(item) -> bool:
    return hasattr(item, "layout") or hasattr(item, "shape") or isinstance(item, (list, Mapping))


def sliced_named_axis(named: Mapping, ndim: int, where) -> dict:
    """The names after ``array[where]``: an integer removes its dimension, None (np.newaxis)
    inserts an unnamed one, ``...`` skips to the last dimensions, slices and arrays keep theirs,
    field names touch no dimension."""
    items = where if isinstance(where, tuple) else (where,)
    consuming = sum(1 for item in items if item is not None and item is not Ellipsis and not isinstance(item, str))
    sources = []  # the input dimension of each output dimension (None: a new one)
    dim = 0
    for item in items:
        if item is None:
            sources.append(None)
        elif item is Ellipsis:
            skip = max(ndim - consuming, 0)
            sources.extend(range(dim, dim + skip))
            dim += skip
        elif isinstance(item, str):
            continue
        elif isinstance(item, int) or (hasattr(item, "__index__") and not _is_array_like(item)):
            dim += 1
        else:  # a slice or an array keeps the dimension (a jagged mask keeps all of them)
            sources.append(dim)
            dim += 1
    sources.extend(range(dim, ndim))
    new_ndim = len(sources)
    by_source = {}
    for position, source in enumerate(sources):
        if source is not None:
            by_source[source] = position
    moved = {}
    for name, position in named.items():
        position = _positive(position, ndim)
        if position in by_source:
            moved[name] = by_source[position]
    return _rebuild(named, moved, new_ndim)


def named_slice(where: Mapping, named: Mapping, ndim: int) -> tuple:
    """``array[{"x": 0, "z": slice(1, None)}]`` as a positional tuple: keys are axis names
    (or integer axes), every other dimension is taken whole (``:``)."""
    positions = {}
    for key, item in where.items():
        axis = key if isinstance(key, int) else resolve_axis(key, named)
        positions[_positive(axis, ndim)] = item
    if not positions:
        return ()
    return tuple(positions.get(i, slice(None)) for i in range(max(positions) + 1))
