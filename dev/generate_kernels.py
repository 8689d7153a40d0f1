#!/usr/bin/env python3
"""Generate every kernel artefact from kernel-specification/*.yaml.

    python dev/generate_kernels.py          # (re)write the generated files
    python dev/generate_kernels.py --check  # exit 1 if any generated file is stale

Writes: awkward-cpp/include/awkward/kernels.h, awkward-cpp/src/python/bindings_generated.cpp,
awkward/_generated/kernel_registry.py, awkward/_connect/cuda/kernels/awkward_cuda.h and
tests/generated/ (one test file per family plus the shared harness). After a change to a
spec, rebuild the extension: `pip install ./awkward-cpp`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "dev"))

from kernelgen import emit_cpp, emit_cuda, emit_python  # noqa: E402
from kernelgen.spec import load_all  # noqa: E402

SPEC_DIR = REPO / "kernel-specification"
CUDA_DIR = REPO / "awkward" / "_connect" / "cuda" / "kernels"
TESTS_DIR = REPO / "tests" / "generated"
CPP_KERNELS_DIR = REPO / "awkward-cpp" / "src" / "kernels"


def generated_files() -> dict:
    """Path -> the exact text it must hold."""
    families = load_all(SPEC_DIR)
    symbols_cuda = emit_cuda.cuda_symbols(CUDA_DIR)
    files = {
        REPO / "awkward-cpp/include/awkward/kernels.h": emit_cpp.kernels_header(families),
        REPO / "awkward-cpp/src/python/bindings_generated.cpp": emit_cpp.bindings_source(families),
        REPO / "awkward/_generated/kernel_registry.py": emit_python.registry_source(
            families, symbols_cuda
        ),
        CUDA_DIR / "awkward_cuda.h": emit_cuda.cuda_header(families),
        TESTS_DIR / "_kernel_harness.py": emit_python.HEADER
        + (REPO / "dev/kernelgen/harness_template.py").read_text(),
    }
    for family in families:
        files[TESTS_DIR / f"test_{family.name}.py"] = emit_python.test_source(family, symbols_cuda)
    return files


def stray_files(expected: dict) -> list:
    """Generated-looking files that no spec produces any more (e.g. a removed family)."""
    return sorted(
        p
        for p in TESTS_DIR.glob("*.py")
        if p not in expected and p.read_text().startswith(emit_python.HEADER)
    )


def consistency_problems(families_dir=SPEC_DIR) -> list:
    """Specs whose hand-written C++ file is missing (the build would fail to link)."""
    problems = []
    for spec in sorted(families_dir.glob("*.yaml")):
        if not (CPP_KERNELS_DIR / f"{spec.stem}.cpp").exists():
            problems.append(f"missing C++ kernel file awkward-cpp/src/kernels/{spec.stem}.cpp")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale files, write nothing")
    options = parser.parse_args(argv)
    expected = generated_files()
    stale = [p for p, text in expected.items() if not p.exists() or p.read_text() != text]
    strays = stray_files(expected)
    problems = consistency_problems()
    if options.check:
        for path in stale:
            print(f"stale: {path.relative_to(REPO)}")
        for path in strays:
            print(f"no longer generated: {path.relative_to(REPO)}")
        for problem in problems:
            print(problem)
        if stale or strays or problems:
            print("run: python dev/generate_kernels.py && pip install ./awkward-cpp", file=sys.stderr)
            return 1
        print(f"{len(expected)} generated files are up to date")
        return 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(expected[path])
        print(f"wrote {path.relative_to(REPO)}")
    for path in strays:
        path.unlink()
        print(f"removed {path.relative_to(REPO)}")
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
