"""The jax backend (deprecated in awkward 2.14, as here): jax arrays for data, numpy for
structure (Index buffers), the cpu kernels over host views of the jax arrays.

Creating it checks what 2.14 checks (jax installed, 64-bit dtypes, ``ak.jax.register_and_check()``
called) and warns that the backend is deprecated. Reductions of sum/prod/min/max go through
``reduce_segments`` (jax's segment reductions) so that ``jax.grad`` follows them.
"""

from __future__ import annotations

from awkward._backends.backend import Backend
from awkward._backends.numpy import NumpyBackend
from awkward._kernels import BaseKernel, KernelSpec
from awkward._nplikes.jax import to_host

__all__ = ["JaxBackend", "assert_registered", "ensure_ready", "mark_registered"]

_DIFFERENTIABLE = ("sum", "prod", "min", "max")

# ak.jax.register_and_check() sets this (the backend layer holds the state, so that the
# operations can check it without importing awkward.jax, which imports the high-level layer)
_registered = False


def mark_registered() -> None:
    global _registered
    _registered = True


def assert_registered() -> None:
    if not _registered:
        raise RuntimeError("JAX features require `ak.jax.register_and_check()`")


def ensure_ready(function: str):
    """What ak.from_jax / ak.to_jax check first, as 2.14: jax, 64-bit dtypes, registration."""
    from awkward._nplikes.jax import import_jax

    jax = import_jax()
    assert_registered()
    return jax


class JaxKernel(BaseKernel):
    """A cpu kernel called on host (numpy) views of jax arguments."""

    __slots__ = ()

    def __call__(self, *args):
        where = f"the {self._spec.family!r} Awkward C++ kernel"
        self._impl(*(to_host(a, where) for a in args))


class JaxBackend(Backend):
    """Backend "jax": ``JaxBackend.instance()``."""

    __slots__ = ("_nplike", "_index_nplike")

    name = "jax"

    def __init__(self):
        from awkward._nplikes.jax import import_jax, warn_deprecated

        import_jax()
        assert_registered()
        super().__init__()
        from awkward._nplikes.jax import Jax
        from awkward._nplikes.numpy import Numpy

        warn_deprecated(stacklevel=4)
        self._nplike = Jax.instance()
        self._index_nplike = Numpy.instance()

    @property
    def nplike(self):
        return self._nplike

    @property
    def index_nplike(self):
        return self._index_nplike

    def _make_kernel(self, spec: KernelSpec) -> JaxKernel:
        cpu = NumpyBackend.instance()._make_kernel(spec)
        return JaxKernel(spec, cpu, self._index_nplike, self.name)

    def reduce_segments(self, family, dtypes, out, data, starts, stops, *extra):
        """``family`` over ``data[starts[i]:stops[i]]``: jax's segment reductions for
        sum/prod/min/max of numbers (differentiable), the cpu kernel for the others (on the
        primal values of tracers: their results are integers or booleans)."""
        kind = family[len("awkward_reduce_"):]
        nplike = self._nplike
        if kind in _DIFFERENTIABLE and out.dtype.kind in "iuf" and nplike.is_own_array(data):
            identity = extra[0][0] if extra else None
            return nplike.segment_reduce(kind, data, starts, stops, out.dtype, identity)
        kernel = self[(family, *dtypes)]
        where = f"the {family!r} Awkward C++ kernel"
        primal = kind not in _DIFFERENTIABLE
        args = (out, data, *extra, starts, stops)
        kernel.impl(*(to_host(a, where, primal_ok=primal) for a in args), starts.shape[0], data.shape[0])
        return out
