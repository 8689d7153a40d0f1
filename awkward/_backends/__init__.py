"""Backends: an nplike for buffers plus a kernel library ("cpu": numpy + awkward_cpp,
"cuda": cupy + CUDA kernels, "jax": jax data + cpu kernels, deprecated). Kernels are called
only through ``backend[family, *dtypes]``."""

from awkward._backends.backend import Backend, KernelNotFoundError
from awkward._backends.dispatch import (
    backend_of,
    backend_of_obj,
    common_backend,
    regularize_backend,
)

__all__ = [
    "Backend",
    "KernelNotFoundError",
    "backend_of",
    "backend_of_obj",
    "common_backend",
    "regularize_backend",
]
