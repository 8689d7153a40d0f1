"""Awkward Array core with virtual buffers (API-compatible with awkward 2.14)."""

from awkward._cpp_check import require_matching_awkward_cpp
from awkward._version import __version__

require_matching_awkward_cpp()

__all__ = ["__version__"]
