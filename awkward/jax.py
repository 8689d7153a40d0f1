"""ak.jax: what the (deprecated) JAX integration needs before ak.from_jax / ak.to_jax.

As in awkward 2.14: every use warns that the JAX backend is deprecated, requires 64-bit
dtypes (``jax.config.update("jax_enable_x64", True)``) and a call of
``ak.jax.register_and_check()`` first. jax is imported only here, inside the functions.
"""

from __future__ import annotations

import threading
import warnings

__all__ = ["assert_registered", "ensure_ready", "import_jax", "register_and_check"]

_registered = False
_lock = threading.Lock()

_DEPRECATION = (
    "The JAX backend is deprecated and will be removed in a future release of Awkward "
    "Array. Please plan to migrate your code accordingly."
)


def import_jax():
    """The jax module, or an ImportError saying what to install."""
    try:
        import jax
    except ModuleNotFoundError as err:
        raise ModuleNotFoundError(
            "install the 'jax' package to use the JAX features of Awkward Array:\n\n"
            "    pip install jax[cpu]\n"
        ) from err
    if not jax.config.jax_enable_x64:
        raise RuntimeError(
            "The JAX backend requires 64-bit dtypes. You can enable them with "
            "jax.config.update('jax_enable_x64', True) or by setting JAX_ENABLE_X64=1."
        )
    return jax


def register_and_check():
    """Check that jax is installed with 64-bit dtypes and enable the JAX features."""
    global _registered
    with _lock:
        import_jax()
        _registered = True


def assert_registered():
    if not _registered:
        raise RuntimeError("JAX features require `ak.jax.register_and_check()`")


def ensure_ready(function: str):
    """Warn (deprecated), then check jax, 64-bit dtypes and registration, as 2.14 does."""
    warnings.warn(_DEPRECATION, DeprecationWarning, stacklevel=3)
    jax = import_jax()
    assert_registered()
    return jax
