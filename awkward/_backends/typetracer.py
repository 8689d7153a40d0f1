"""The typetracer backend: TypeTracer buffers (dtype and shape, no data) and kernels that
touch the data of their array arguments and compute nothing.

A kernel's outputs were allocated by the caller as tracers of the right dtype and shape;
their values stay unknown, so whatever the caller reads from them (a length, a maximum) is an
unknown scalar, which the layouts turn into ``unknown_length``.
"""

from __future__ import annotations

from awkward._backends.backend import Backend
from awkward._kernels import KernelSpec, TypeTracerKernel

__all__ = ["TypeTracerBackend"]


class TypeTracerBackend(Backend):
    """Backend "typetracer": ``TypeTracerBackend.instance()``."""

    __slots__ = ("_nplike",)

    name = "typetracer"

    def __init__(self):
        super().__init__()
        from awkward._nplikes.typetracer import TypeTracer

        self._nplike = TypeTracer.instance()

    @property
    def nplike(self):
        return self._nplike

    @property
    def index_nplike(self):
        return self._nplike

    def _make_kernel(self, spec: KernelSpec) -> TypeTracerKernel:
        return TypeTracerKernel(spec, None, self._nplike, self.name)
