"""Find the backend of objects, combine backends, and turn names into backends."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, TypeVar, Union

from awkward._backends.backend import Backend
from awkward._util import UNSET, Sentinel

__all__ = ["backend_of_obj", "backend_of", "common_backend", "regularize_backend", "BACKEND_NAMES"]

D = TypeVar("D")

BACKEND_NAMES = ("cpu", "cuda", "jax", "typetracer")


def _backend_class(name: str) -> type[Backend]:
    if name == "cpu":
        from awkward._backends.numpy import NumpyBackend

        return NumpyBackend
    if name == "cuda":
        from awkward._backends.cupy import CupyBackend

        return CupyBackend
    if name == "jax":
        from awkward._backends.jax import JaxBackend

        return JaxBackend
    if name == "typetracer":
        from awkward._backends.typetracer import TypeTracerBackend

        return TypeTracerBackend
    raise ValueError(
        f"unknown backend {name!r}; the backends are {', '.join(repr(n) for n in BACKEND_NAMES)}"
    )


# nplike class -> backend name; nplikes are singletons, so this maps every nplike instance
_NPLIKE_BACKEND_NAME: dict[type, str] = {}


def _backend_for_nplike(nplike: Any) -> Backend | None:
    if not _NPLIKE_BACKEND_NAME:
        from awkward._nplikes.cupy import Cupy
        from awkward._nplikes.jax import Jax
        from awkward._nplikes.numpy import Numpy
        from awkward._nplikes.typetracer import TypeTracer

        _NPLIKE_BACKEND_NAME[Numpy] = "cpu"
        _NPLIKE_BACKEND_NAME[Cupy] = "cuda"
        _NPLIKE_BACKEND_NAME[Jax] = "jax"
        _NPLIKE_BACKEND_NAME[TypeTracer] = "typetracer"
    name = _NPLIKE_BACKEND_NAME.get(type(nplike))
    if name is None:
        return None
    return _backend_class(name).instance()


# raw array type (numpy.ndarray, cupy.ndarray, subclasses) -> its backend, filled on first sight:
# the per-call path for a plain array is then one dict lookup
_BACKEND_OF_ARRAY_TYPE: dict[type, Backend] = {}


def _backend_by_array_type(obj: Any) -> Backend | None:
    """The backend of a raw numpy/cupy array, found by its type and cached, else None."""
    from awkward._nplikes.dispatch import nplike_of_obj

    nplike = nplike_of_obj(obj, default=None)
    if nplike is None:
        return None
    found = _backend_for_nplike(nplike)
    if found is not None and nplike.is_own_array_type(type(obj)):
        _BACKEND_OF_ARRAY_TYPE[type(obj)] = found
    return found


def backend_of_raw_array(obj: Any) -> Backend | None:
    """The backend of a raw numpy/cupy array (one dict lookup once its type was seen), or None
    for anything else (layouts, Index, virtual buffers, lists, scalars)."""
    found = _BACKEND_OF_ARRAY_TYPE.get(type(obj))
    if found is not None or hasattr(obj, "backend") or hasattr(obj, "nplike"):
        return found
    return _backend_by_array_type(obj)


def backend_of_obj(obj: Any, default: Union[D, Sentinel] = UNSET) -> Union[Backend, D]:
    """The backend of one object: a Backend, anything with a ``.backend`` (layouts, arrays),
    anything with an ``.nplike`` (Index, virtual buffers) or a raw numpy/cupy array."""
    found = _BACKEND_OF_ARRAY_TYPE.get(type(obj))
    if found is not None:
        return found
    if isinstance(obj, Backend):
        return obj
    backend = getattr(obj, "backend", None)
    if isinstance(backend, Backend):
        return backend
    nplike = getattr(obj, "nplike", None)
    if nplike is None:
        found = _backend_by_array_type(obj)
        if found is not None:
            return found
    else:
        found = _backend_for_nplike(nplike)
        if found is not None:
            return found
    if default is UNSET:
        raise TypeError(f"cannot determine a backend for an object of type {type(obj).__name__}")
    return default  # type: ignore[return-value]


def common_backend(backends: Collection[Backend]) -> Backend:
    """The one backend all of ``backends`` share: the typetracer absorbs the others; mixing cpu
    and cuda is an error."""
    unique: list[Backend] = []
    for backend in backends:
        if not any(backend is seen for seen in unique):
            unique.append(backend)
    if len(unique) == 1:
        return unique[0]
    if not unique:
        raise ValueError("common_backend needs at least one backend")
    tracers = [b for b in unique if b.name == "typetracer"]
    if tracers:  # as 2.14: an array without data absorbs any other (its data become unknown)
        return tracers[0]
    names = ", ".join(repr(b.name) for b in unique)
    raise ValueError(
        f"cannot operate on arrays with different backends ({names}); "
        "move them to one backend with ak.to_backend first"
    )


def backend_of(
    *objects: Any, default: Union[D, Sentinel] = UNSET, coerce_to_common: bool = True
) -> Union[Backend, D]:
    """The backend of several objects (objects without one, like Python scalars, are skipped)."""
    backends: list[Backend] = []
    for obj in objects:
        backend = backend_of_obj(obj, default=None)
        if backend is not None and not any(backend is b for b in backends):
            backends.append(backend)
    if not backends:
        if default is UNSET:
            raise TypeError("cannot determine a backend: none of the objects has one")
        return default  # type: ignore[return-value]
    if len(backends) == 1:
        return backends[0]
    if coerce_to_common:
        return common_backend(backends)
    names = ", ".join(repr(b.name) for b in backends)
    raise ValueError(f"the objects have different backends ({names}) and coerce_to_common=False")


def regularize_backend(backend: str | Backend) -> Backend:
    """A Backend for a name ("cpu", "cuda") or the Backend itself."""
    if isinstance(backend, Backend):
        return backend
    if isinstance(backend, str):
        return _backend_class(backend).instance()
    raise TypeError(
        f"backend must be a name ({', '.join(repr(n) for n in BACKEND_NAMES)}) or a Backend, "
        f"not {type(backend).__name__}"
    )
