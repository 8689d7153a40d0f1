"""The ``__awkward_function__`` protocol: an ak.* function called with an argument whose class
defines ``__awkward_function__(func, array_likes, args, kwargs)`` (a dask-awkward Array) hands
the call to it, as awkward does. Arguments are looked at one level into lists, tuples and
dicts (``ak.zip({"x": a})``, ``ak.concatenate([a, b])``)."""

from __future__ import annotations

import functools

__all__ = ["custom_args", "hand_over", "install_dispatch"]

# argument types known not to dispatch (ak.Array, numbers, ...): skipped with one set lookup
_PLAIN = {int, float, bool, str, bytes, type(None)}


def custom_args(values, out, nested):
    """Append to ``out`` the values (one level into lists, tuples and dicts) whose class
    defines ``__awkward_function__``."""
    for value in values:
        cls = type(value)
        if cls in _PLAIN:
            continue
        if getattr(cls, "__awkward_function__", None) is not None:
            out.append(value)
        elif cls is not list and cls is not tuple and cls is not dict:
            _PLAIN.add(cls)
        elif nested and (cls is list or cls is tuple):
            custom_args(value, out, False)
        elif nested and cls is dict:
            custom_args(value.values(), out, False)
    return out


def dispatching(func):
    """``func`` handing its call to an argument implementing ``__awkward_function__``."""

    @functools.wraps(func)
    def dispatch(*args, **kwargs):
        custom = custom_args(args, [], True)
        if kwargs:
            custom_args(kwargs.values(), custom, True)
        if not custom:
            return func(*args, **kwargs)
        return hand_over(func, custom, args, kwargs)

    dispatch._awkward_function = func  # the undecorated function
    return dispatch


def hand_over(func, custom, args, kwargs):
    """The call of ``func`` answered by the first of ``custom`` that implements it."""
    for array_like in custom:
        result = type(array_like).__awkward_function__(array_like, func, custom, args, kwargs)
        if result is not NotImplemented:
            return result
    raise TypeError(
        f"ak.{func.__name__}: no implementation for the arguments of types "
        f"{sorted({type(x).__name__ for x in custom})} (their __awkward_function__ "
        "returned NotImplemented)"
    )


def _dispatching_version(func):
    """One wrapper doing both jobs when ``func`` is a named-axis wrapper (see named_axis_op),
    else a dispatching wrapper around ``func``."""
    make = getattr(func, "_named_axis_make", None)
    # (functools.wraps copies the attribute: a decorator on top keeps its own wrapper)
    if make is None or func.__code__ is not make().__code__:
        return dispatching(func)
    out = make(dispatch=True)
    out._awkward_function = func  # handed to __awkward_function__: names, no dispatch
    return out


def install_dispatch(namespace: dict, names) -> None:
    """Replace the functions ``names`` of ``namespace`` (a module's globals) by dispatching
    versions. The reducers' record overloads are keyed by the public function (users write
    ``behavior[ak.sum, "point"]``), so their keys move to the dispatching versions."""
    from awkward._reducers import Reducer

    wrapped = {}
    for name in names:
        func = namespace.get(name)
        if callable(func) and not isinstance(func, type) and hasattr(func, "__code__"):
            namespace[name] = wrapped[func] = _dispatching_version(func)
    pending = [Reducer]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        key = cls.__dict__.get("highlevel_function")
        if key is not None and key.__func__ in wrapped:
            cls.highlevel_function = staticmethod(wrapped[key.__func__])
