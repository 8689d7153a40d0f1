"""The cuda backend: cupy buffers, CUDA kernels compiled lazily from
awkward/_connect/cuda/kernels (one file per family, cached per device)."""

from __future__ import annotations

from awkward._backends.backend import Backend, KernelNotFoundError, kernel_specs
from awkward._kernels import CudaComputeKernel, KernelSpec

__all__ = ["CupyBackend"]


class CupyBackend(Backend):
    """Backend "cuda": ``CupyBackend.instance()``. Creating it needs cupy and a GPU."""

    __slots__ = ("_nplike",)

    name = "cuda"

    def __init__(self):
        super().__init__()
        from awkward._nplikes.cupy import Cupy

        self._nplike = Cupy.instance()  # raises a clear error without cupy

    @property
    def nplike(self):
        return self._nplike

    @property
    def index_nplike(self):
        return self._nplike

    def _make_kernel(self, spec: KernelSpec) -> CudaComputeKernel:
        if not spec.has_cuda:
            with_cuda = [
                ", ".join(s.dtypes) for s in kernel_specs().get(spec.family, ()) if s.has_cuda
            ]
            raise KernelNotFoundError(
                f"kernel {spec.symbol} ({spec.family}) has no CUDA implementation"
                + (
                    f"; CUDA specializations of {spec.family}: {'; '.join(with_cuda)}"
                    if with_cuda
                    else ""
                )
            )
        from awkward._connect.cuda.loader import make_launcher

        return CudaComputeKernel(spec, make_launcher(spec), self._nplike, self.name)
