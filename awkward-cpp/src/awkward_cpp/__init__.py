"""Compiled kernels for awkward (built from the same tree)."""

__version__ = "2.14.0+virtual"

from awkward_cpp import _ext  # noqa: E402

__all__ = ["__version__", "_ext"]
