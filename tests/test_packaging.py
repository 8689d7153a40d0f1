"""The two distributions are built from one tree and must agree on their versions."""

import re
from pathlib import Path

import awkward_cpp
import pytest

import awkward
import awkward._cpp_check as cpp_check
from awkward._version import AWKWARD_CPP_VERSION

ROOT = Path(__file__).resolve().parent.parent


def _pyproject_version(path: Path) -> str:
    match = re.search(r'^version\s*=\s*"([^"]+)"', path.read_text(), re.MULTILINE)
    assert match, f"no version in {path}"
    return match.group(1)


def test_versions_agree_across_the_tree():
    assert awkward.__version__ == _pyproject_version(ROOT / "pyproject.toml")
    assert AWKWARD_CPP_VERSION == _pyproject_version(ROOT / "awkward-cpp" / "pyproject.toml")
    assert awkward_cpp.__version__ == AWKWARD_CPP_VERSION
    assert f"awkward-cpp=={AWKWARD_CPP_VERSION}" in (ROOT / "pyproject.toml").read_text()


def test_version_is_in_the_2x_series_and_carries_a_local_label():
    major, minor = (int(part) for part in awkward.__version__.split(".")[:2])
    assert (major, minor) >= (2, 8)
    assert "+" in awkward.__version__ and "+" in AWKWARD_CPP_VERSION


def test_mismatched_awkward_cpp_is_refused(monkeypatch):
    monkeypatch.setattr(awkward_cpp, "__version__", "50.0.0")
    with pytest.raises(ImportError, match="needs awkward_cpp 2.14.0"):
        cpp_check.require_matching_awkward_cpp()
