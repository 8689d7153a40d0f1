"""Refuse to run against an awkward_cpp that was not built from this tree."""

from awkward._version import AWKWARD_CPP_VERSION

_INSTALL_HINT = (
    "install the pair from one checkout of this repository: "
    "`pip install ./awkward-cpp .` (from the repository root)"
)


def require_matching_awkward_cpp() -> None:
    try:
        import awkward_cpp
    except ImportError as err:
        raise ImportError(f"awkward needs its compiled kernels (awkward_cpp); {_INSTALL_HINT}") from err
    found = getattr(awkward_cpp, "__version__", None)
    if found != AWKWARD_CPP_VERSION:
        raise ImportError(
            f"awkward {AWKWARD_CPP_VERSION} needs awkward_cpp {AWKWARD_CPP_VERSION}, "
            f"found {found!r} at {getattr(awkward_cpp, '__file__', '?')}; {_INSTALL_HINT}"
        )
