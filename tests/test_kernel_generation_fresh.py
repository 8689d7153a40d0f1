"""The committed generated kernel files equal what dev/generate_kernels.py makes from the specs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_generated_kernel_files_are_fresh():
    result = subprocess.run(
        [sys.executable, str(REPO / "dev" / "generate_kernels.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    assert result.returncode == 0, (
        "generated kernel files are stale; run `python dev/generate_kernels.py` and "
        f"`pip install ./awkward-cpp`:\n{result.stdout}{result.stderr}"
    )


def test_installed_extension_has_every_specialized_symbol():
    """A stale awkward_cpp build (spec changed, extension not rebuilt) fails here."""
    sys.path.insert(0, str(REPO / "dev"))
    try:
        from kernelgen.spec import load_all
    finally:
        sys.path.remove(str(REPO / "dev"))
    from awkward_cpp import _ext

    symbols = [s.symbol for f in load_all(REPO / "kernel-specification") for s in f.specializations]
    missing = [s for s in symbols if not hasattr(_ext, s)]
    assert not missing, f"rebuild with `pip install ./awkward-cpp`; missing: {missing}"
    assert _ext.kernel_count == len(symbols)
