"""ak.jax: the (deprecated) JAX integration, as in awkward 2.14.

``register_and_check()`` warns that the JAX backend is deprecated, checks that jax is installed,
turns on 64-bit dtypes and registers ``ak.Array`` (and behavior classes given to
``register_behavior_class``) as jax pytree nodes, so that ``jax.grad`` differentiates functions
of awkward arrays. Until it is called, the "jax" backend, ``ak.from_jax`` and ``ak.to_jax`` raise.
jax itself is imported only in awkward/_nplikes/jax.py and awkward/_connect/jax_trees.py.
"""

from __future__ import annotations

import threading

from awkward._backends import jax as _jax_backend
from awkward._nplikes.jax import import_jax as _import_jax
from awkward._nplikes.jax import warn_deprecated

__all__ = [
    "assert_registered",
    "ensure_ready",
    "import_jax",
    "register_and_check",
    "register_behavior_class",
]

_lock = threading.Lock()
_behavior_classes: list = []


def import_jax():
    """The jax module: ImportError naming `pip install jax` when it is missing, RuntimeError
    when 64-bit dtypes are off."""
    return _import_jax()


def register_and_check():
    """Warn (deprecated), check that jax is installed, enable 64-bit dtypes and register
    awkward arrays as jax pytrees."""
    warn_deprecated(stacklevel=3)
    jax = _import_jax(require_x64=False)
    with _lock:
        jax.config.update("jax_enable_x64", True)
        if not _jax_backend._registered:
            from awkward._connect.jax_trees import register_array_class
            from awkward.highlevel import Array

            register_array_class(Array)
            for cls in _behavior_classes:
                register_array_class(cls)
            _jax_backend.mark_registered()


def register_behavior_class(cls):
    """Register an ak.Array subclass (a behavior class) as a jax pytree node too."""
    with _lock:
        _behavior_classes.append(cls)
        if _jax_backend._registered:
            from awkward._connect.jax_trees import register_array_class

            register_array_class(cls)
    return cls


assert_registered = _jax_backend.assert_registered
ensure_ready = _jax_backend.ensure_ready
