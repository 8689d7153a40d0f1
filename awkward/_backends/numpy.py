"""The cpu backend: numpy buffers, C++ kernels from awkward_cpp."""

from __future__ import annotations

from awkward._backends.backend import Backend, KernelNotFoundError
from awkward._kernels import KernelSpec, NumpyKernel

__all__ = ["NumpyBackend"]


class NumpyBackend(Backend):
    """Backend "cpu": ``NumpyBackend.instance()``."""

    __slots__ = ("_nplike",)

    name = "cpu"

    def __init__(self):
        super().__init__()
        from awkward._nplikes.numpy import Numpy

        self._nplike = Numpy.instance()

    @property
    def nplike(self):
        return self._nplike

    @property
    def index_nplike(self):
        return self._nplike

    def _make_kernel(self, spec: KernelSpec) -> NumpyKernel:
        import awkward_cpp

        impl = getattr(awkward_cpp._ext, spec.symbol, None)
        if impl is None:
            raise KernelNotFoundError(
                f"kernel {spec.symbol} ({spec.family}) is in the kernel registry but not in the "
                f"installed awkward_cpp ({getattr(awkward_cpp, '__file__', '?')}); rebuild it "
                "from this tree: `pip install ./awkward-cpp`"
            )
        return NumpyKernel(spec, impl, self._nplike, self.name)
