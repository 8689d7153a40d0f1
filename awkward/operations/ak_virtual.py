"""ak.virtual: an array filled by one call of ``generate`` on first touch (awkward 1's name).

Argument handling only; the algorithm is awkward/_do/_virtual.py.
"""

from __future__ import annotations

from collections.abc import Mapping

from awkward._backends import regularize_backend
from awkward._do._virtual import virtual as _virtual_layout
from awkward.operations._layout_args import to_layout_arg, wrap_layout
from awkward.operations.ak_from_buffers import _regularize_form

__all__ = ["virtual"]


def virtual(
    generate,
    args=(),
    kwargs=None,
    form=None,
    length=None,
    cache=None,
    cache_key=None,
    parameters=None,
    highlevel=True,
    behavior=None,
    attrs=None,
):
    """An array whose every buffer is virtual: ``generate(*args, **kwargs)`` (returning an
    ak.Array, a layout, a numpy array or a list) runs once, the first time any buffer is read.

    With ``form`` (Form, dict or JSON) and ``length`` given, ``len``, type and fields read
    nothing; without ``form``, ``generate`` is called once here to learn them (awkward 1 called
    it when the type was first asked for). A result of another form or length is a ValueError
    naming both.

    ``cache``: None keeps the generated buffers in the array; False keeps nothing (every touch
    calls ``generate``); a MutableMapping (dict, ``cachetools.LRUCache(maxsize, getsizeof=lambda
    x: x.nbytes)`` ...) holds them as one entry named ``cache_key`` (default: unique to this
    array), regenerated when evicted. ``parameters`` are set on the outermost node.
    """
    if not callable(generate):
        raise TypeError(f"ak.virtual: 'generate' must be callable, not {type(generate).__name__}")
    if isinstance(args, (str, bytes)) or not hasattr(args, "__iter__"):
        raise TypeError(f"ak.virtual: 'args' must be a tuple, not {type(args).__name__}")
    if kwargs is not None and not isinstance(kwargs, Mapping):
        raise TypeError(f"ak.virtual: 'kwargs' must be a dict or None, not {type(kwargs).__name__}")
    if form is not None:
        try:
            form = _regularize_form(form)
        except TypeError as err:
            raise TypeError(str(err).replace("ak.from_buffers", "ak.virtual")) from None
    length = _regularize_length(length)
    cache = _regularize_cache(cache)
    if cache_key is not None and not isinstance(cache_key, str):
        raise TypeError(f"ak.virtual: 'cache_key' must be a str or None, not {type(cache_key).__name__}")
    if parameters is not None and not isinstance(parameters, Mapping):
        raise TypeError(
            f"ak.virtual: 'parameters' must be a dict or None, not {type(parameters).__name__}"
        )

    def to_layout(result):
        return to_layout_arg(result, "virtual", allow_record=False)

    layout = _virtual_layout(
        generate,
        tuple(args),
        None if kwargs is None else dict(kwargs),
        form,
        length,
        cache,
        cache_key,
        to_layout,
        regularize_backend("cpu"),
    )
    if parameters:
        layout = layout.copy(parameters={**layout.parameters, **parameters})
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)


def _regularize_length(length):
    if length is None:
        return None
    if isinstance(length, bool) or not hasattr(length, "__index__"):
        raise TypeError(
            f"ak.virtual: 'length' must be a non-negative integer or None, not {type(length).__name__}"
        )
    length = length.__index__()
    if length < 0:
        raise ValueError(f"ak.virtual: 'length' must be non-negative, not {length}")
    return length


def _regularize_cache(cache):
    # awkward 1 spelled the default "new" (a fresh cache for this array): ours is None
    if cache is None or cache is True or (isinstance(cache, str) and cache == "new"):
        return None
    if cache is False:
        return False
    if hasattr(cache, "__getitem__") and hasattr(cache, "__setitem__"):
        return cache
    raise TypeError(
        "ak.virtual: 'cache' must be None (keep the data in the array), False (keep nothing) "
        f"or a MutableMapping such as a dict or a cachetools cache, not {type(cache).__name__}"
    )
