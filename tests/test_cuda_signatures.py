"""Every kernel family of the specification has a CUDA twin with the C++ kernel's parameters.

No GPU and no nvcc are needed: the .cu files, the generated C++ header
(awkward-cpp/include/awkward/kernels.h, which the C++ sources must match to compile) and the YAML
specification are parsed as text. The CUDA launch convention (awkward/_connect/cuda/loader.py)
adds one trailing ``int64_t* err`` to the C++ parameter list.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("yaml")

REPO = Path(__file__).resolve().parent.parent
KERNELS_DIR = REPO / "awkward" / "_connect" / "cuda" / "kernels"
HEADER = REPO / "awkward-cpp" / "include" / "awkward" / "kernels.h"

sys.path.insert(0, str(REPO / "dev"))
from kernelgen.spec import load_all  # noqa: E402

sys.path.remove(str(REPO / "dev"))

FAMILIES = load_all(REPO / "kernel-specification")
ERR_PARAM = ("int64_t*", "err")


def _strip_comments(text: str) -> str:
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def _params(text: str) -> tuple:
    """'const int64_t* a, int64_t n' -> (("const int64_t*", "a"), ("int64_t", "n"))."""
    text = " ".join(text.split())
    if text in ("", "void"):
        return ()
    out = []
    for param in text.split(","):
        match = re.fullmatch(r"\s*(.*?[\s*&])\s*(\w+)\s*", param)
        assert match is not None, f"cannot parse the parameter {param!r}"
        ctype = re.sub(r"\s*\*\s*", "*", match.group(1).strip())
        ctype = re.sub(r"\s+", " ", ctype)
        # 'int64_t const*' and 'const int64_t*' are the same type
        if re.fullmatch(r"\w+ const\*", ctype):
            ctype = "const " + ctype.replace(" const*", "*")
        out.append((ctype, match.group(2)))
    return tuple(out)


def cuda_kernels(path: Path) -> dict:
    text = _strip_comments(path.read_text(encoding="utf-8"))
    pattern = re.compile(r'extern\s+"C"\s+__global__\s+void\s+(\w+)\s*\(([^)]*)\)', re.S)
    return {name: _params(params) for name, params in pattern.findall(text)}


def cpp_declarations() -> dict:
    text = _strip_comments(HEADER.read_text(encoding="utf-8"))
    pattern = re.compile(r"\bError\s+(awkward_\w+)\s*\(([^)]*)\)\s*;", re.S)
    return {name: _params(params) for name, params in pattern.findall(text)}


CPP = cpp_declarations()


def spec_params(family, spec) -> tuple:
    return tuple(
        (re.sub(r"\s*\*", "*", arg.ctype(spec.dtypes.get(arg.name))), arg.name) for arg in family.args
    )


def test_the_parsers_see_every_kernel():
    assert len(FAMILIES) >= 30
    assert len(CPP) >= sum(len(f.specializations) for f in FAMILIES)
    assert _params("const int32_t *x, int64_t  n, int64_t* err") == (
        ("const int32_t*", "x"), ("int64_t", "n"), ("int64_t*", "err"))


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_every_family_has_a_cuda_source(family):
    source = KERNELS_DIR / f"{family.name}.cu"
    assert source.exists(), f"no CUDA twin for {family.name}: write {source.relative_to(REPO)}"
    assert family.cuda_threads is not None, (
        f"{family.name}.yaml has no `cuda: {{threads: ...}}` entry, so its CUDA twin is never launched"
    )


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_cuda_parameters_match_the_cpp_kernel(family):
    source = KERNELS_DIR / f"{family.name}.cu"
    if not source.exists():
        pytest.fail(f"no CUDA twin for {family.name}")
    kernels = cuda_kernels(source)
    for spec in family.specializations:
        expected = spec_params(family, spec)
        assert spec.symbol in CPP, f"{spec.symbol} is not declared in kernels.h"
        assert CPP[spec.symbol] == expected, f"kernels.h's {spec.symbol} differs from its spec"
        assert spec.symbol in kernels, f"{source.name} does not define {spec.symbol}"
        cuda = kernels[spec.symbol]
        assert cuda[-1:] == (ERR_PARAM,), (
            f"{spec.symbol} in {source.name} must end with `int64_t* err` (launch convention)"
        )
        assert [t for t, _ in cuda[:-1]] == [t for t, _ in CPP[spec.symbol]], (
            f"{spec.symbol}: CUDA parameter types {cuda[:-1]} differ from C++ {CPP[spec.symbol]}"
        )
        assert [n for _, n in cuda[:-1]] == [n for _, n in CPP[spec.symbol]], (
            f"{spec.symbol}: CUDA parameter names differ from the C++ kernel's"
        )
    extra = set(kernels) - {s.symbol for s in family.specializations}
    assert not extra, f"{source.name} defines kernels its spec does not list: {sorted(extra)}"


def test_no_cuda_source_without_a_family():
    names = {f.name for f in FAMILIES}
    orphans = [p.name for p in KERNELS_DIR.glob("*.cu") if p.stem not in names]
    assert not orphans, f"CUDA sources with no kernel-specification entry: {orphans}"
