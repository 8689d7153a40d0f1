"""Acceptance checks for issue 2 (foundation): tree, awkward-cpp, kernel specification pipeline,
error paths of every kernel family, CUDA slot, README and CI script.

These complement the per-area tests (test_packaging, test_kernel_generation_fresh,
test_kernels_dispatch, test_cuda_sources_compile, tests/generated/) with checks across all
families at once, read from the specification itself, so a new family is covered automatically.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

import awkward as ak
from awkward._backends.numpy import NumpyBackend
from awkward._kernels import KernelError

REPO = Path(__file__).resolve().parent.parent
BACKEND = NumpyBackend.instance()

yaml = pytest.importorskip("yaml")
sys.path.insert(0, str(REPO / "dev"))
try:
    from kernelgen.spec import load_all
finally:
    sys.path.remove(str(REPO / "dev"))

FAMILIES = load_all(REPO / "kernel-specification")
BY_NAME = {f.name: f for f in FAMILIES}
FAILING_FAMILIES = [f for f in FAMILIES if f.errors]


def dtypes_of(family, specialization):
    return [np.dtype(specialization.dtypes[a.name]).type for a in family.args if a.is_pointer]


def fits(values, dtype):
    """Whether every value is exactly representable in ``dtype``: booleans hold only 0/1,
    integers only integral values in range (2.5, NaN and 7-as-bool do not fit), floats all."""
    kind = np.dtype(dtype).kind
    flat = np.ravel(np.array(values, dtype=object)).tolist() if values else []
    if kind == "b":
        return all(v in (0, 1) for v in flat)
    if kind == "f":
        return True
    info = np.iinfo(dtype)
    return all(isinstance(v, int) and info.min <= v <= info.max for v in flat)


def case_fits(family, specialization, case):
    """A case runs on a specialization when its inputs AND expected outputs fit its dtypes
    (the generator's rule: an int8 max cannot be expected to hold 1000)."""
    return all(
        fits(source[a.name], specialization.dtypes[a.name])
        for a in family.args
        for source in (case.inputs, case.outputs)
        if a.is_pointer and a.name in source
    )


def same_values(got, want):
    """Equal element by element; NaN equals NaN and the sign of a float zero counts."""
    got, want = np.asarray(got), np.asarray(want, dtype=np.asarray(got).dtype)
    if got.dtype.kind != "f":
        return got.tolist() == want.tolist()
    return np.array_equal(got, want, equal_nan=True) and np.array_equal(np.signbit(got), np.signbit(want))


def build_call(family, specialization, case):
    scalars = {a.name: case.inputs[a.name] for a in family.args if not a.is_pointer}
    args = []
    for arg in family.args:
        if not arg.is_pointer:
            args.append(case.inputs[arg.name])
            continue
        dtype = np.dtype(specialization.dtypes[arg.name])
        if arg.name in case.inputs:
            args.append(np.array(case.inputs[arg.name], dtype=dtype))
        else:
            need = int(eval(str(arg.min_length), {"__builtins__": {}}, dict(scalars)))
            args.append(np.zeros(max(need, 0), dtype=dtype))
    return args


# ---------------------------------------------------------------------- 1. tree
@pytest.mark.parametrize(
    "path",
    [
        "pyproject.toml",
        "awkward/__init__.py",
        "awkward-cpp/pyproject.toml",
        "awkward-cpp/CMakeLists.txt",
        "kernel-specification",
        "dev/generate_kernels.py",
        "tests",
        "tests-cuda",
        "README.md",
        ".ci/run",
        "awkward/_connect/cuda/kernels",
    ],
)
def test_tree_has_the_required_paths(path):
    assert (REPO / path).exists(), path


def test_awkward_distribution_and_version():
    text = (REPO / "pyproject.toml").read_text()
    assert re.search(r'^name\s*=\s*"awkward"\s*$', text, re.MULTILINE)
    major, minor = (int(x) for x in ak.__version__.split(".")[:2])
    assert major == 2 and minor >= 8  # downstream pins awkward>=2.8
    # pure Python: setuptools, no extension modules in the awkward distribution
    assert "setuptools" in text and "ext_modules" not in text


def test_awkward_cpp_is_built_by_scikit_build_core_cmake_and_pybind11():
    pyproject = (REPO / "awkward-cpp" / "pyproject.toml").read_text()
    cmake = (REPO / "awkward-cpp" / "CMakeLists.txt").read_text()
    assert "scikit_build_core" in pyproject and "pybind11" in pyproject
    assert "pybind11" in cmake
    import awkward_cpp

    assert awkward_cpp.__version__ == ak._version.AWKWARD_CPP_VERSION


def test_kernels_have_c_linkage_and_return_an_error_value():
    header = (REPO / "awkward-cpp" / "include" / "awkward" / "kernels.h").read_text()
    for family in FAMILIES:
        for spec in family.specializations:
            # every symbol is declared inside an extern "C" block and returns Error
            assert re.search(rf"\bError {spec.symbol}\(", header), spec.symbol
    assert 'extern "C"' in header
    assert re.search(r"struct Error\s*\{[^}]*const char\* str;[^}]*int64_t index;", header)


# ---------------------------------------------------------------------- 3. specification
@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_spec_file_has_every_part(family):
    raw = yaml.safe_load((REPO / "kernel-specification" / f"{family.name}.yaml").read_text())
    assert raw["specializations"] and all("symbol" in s and "dtypes" in s for s in raw["specializations"])
    assert all({"name", "type", "dir"} <= set(a) for a in raw["args"])
    assert f"def {family.name}(" in raw["definition"]
    assert raw["tests"], "a family needs test cases"
    if family.errors:
        used = {t["error"]["key"] for t in raw["tests"] if "error" in t}
        declared = {e["key"] for e in raw["errors"]}
        assert used == declared, f"error keys without a test case: {declared - used}"


def _generated_module(family):
    path = REPO / "tests" / "generated" / f"test_{family.name}.py"
    assert path.exists(), f"no generated test file for {family.name}"
    sys.path.insert(0, str(path.parent))
    try:
        spec = importlib.util.spec_from_file_location(f"_acceptance_gen_{family.name}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_generated_tests_cover_every_case_of_every_specialization(family):
    module = _generated_module(family)
    expected = {
        (s.symbol, c.name)
        for s in family.specializations
        for c in family.tests
        if case_fits(family, s, c)
    }
    assert set(module.PAIRS) == expected
    errors = {(s, c) for s, c in expected if module.CASES[c]["error"] is not None}
    assert set(module.ERROR_PAIRS) == errors
    wanted = ["test_reference", "test_cpp", "test_cuda"] + (["test_backend_raises"] if errors else [])
    for name in wanted:
        assert callable(getattr(module, name, None)), name


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_every_case_gives_the_same_result_on_reference_cpp_and_backend(family):
    """Independent of the generated harness: the spec's Python reference and the C++ kernel
    (called through the backend) agree on every output and every error."""
    namespace = {}
    exec(textwrap.dedent(family.definition), namespace)
    reference = namespace[family.name]
    for spec in family.specializations:
        kernel = BACKEND[(family.name, *dtypes_of(family, spec))]
        for case in family.tests:
            if not case_fits(family, spec, case):
                continue
            ref_args = build_call(family, spec, case)
            cpp_args = build_call(family, spec, case)
            ref_result = reference(*ref_args)
            if case.error is None:
                assert ref_result is None
                kernel(*cpp_args)
                for arg, a, b in zip(family.args, ref_args, cpp_args):
                    if arg.is_pointer and arg.name in case.outputs:
                        assert same_values(a, b) and same_values(a, case.outputs[arg.name])
            else:
                assert ref_result == (case.error["key"], case.error["index"])
                with pytest.raises(KernelError):
                    kernel(*cpp_args)


# ---------------------------------------------------------------------- 4. first kernels
def test_at_least_twelve_families_including_the_ones_the_layouts_need():
    assert len(FAMILIES) >= 12
    required = {
        "awkward_Offsets_to_lengths",
        "awkward_Lengths_to_offsets",
        "awkward_ListArray_compact_offsets",
        "awkward_ListArray_validity",
        "awkward_IndexedArray_validity",
        "awkward_Index_carry",
        "awkward_ByteMaskedArray_to_index",
        "awkward_BitMaskedArray_to_bytemask",
    }
    assert required <= set(BY_NAME)
    assert any(name.startswith("awkward_Index_to_int") for name in BY_NAME)


@pytest.mark.parametrize(
    "name, arg",
    [
        ("awkward_ListArray_validity", "fromstarts"),
        ("awkward_ListArray_compact_offsets", "fromstarts"),
        ("awkward_ListArray_num", "fromstarts"),
        ("awkward_Offsets_to_lengths", "fromoffsets"),
        ("awkward_IndexedArray_validity", "fromindex"),
    ],
)
def test_list_and_index_families_cover_int32_uint32_int64(name, arg):
    family = BY_NAME[name]
    names = {a.name for a in family.args}
    assert arg in names, (name, sorted(names))
    covered = {s.dtypes[arg] for s in family.specializations}
    assert {"int32", "uint32", "int64"} <= covered


# ---------------------------------------------------------------------- 5. errors
@pytest.mark.parametrize("family", FAILING_FAMILIES, ids=lambda f: f.name)
def test_failing_family_raises_valueerror_naming_kernel_problem_and_position(family):
    checked = 0
    for spec in family.specializations:
        kernel = BACKEND[(family.name, *dtypes_of(family, spec))]
        for case in family.tests:
            if case.error is None or not case_fits(family, spec, case):
                continue
            message = family.error_message(case.error["key"])
            index = case.error["index"]
            with pytest.raises(ValueError) as info:
                kernel(*build_call(family, spec, case))
            text = str(info.value)
            assert text.startswith(f"{family.name}: {message}"), text
            if index >= 0:
                assert f"(at index {index})" in text, text
            assert spec.symbol in text
            checked += 1
    assert checked > 0


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_negative_lengths_raise_valueerror_naming_the_kernel(family):
    spec = family.specializations[-1]
    kernel = BACKEND[(family.name, *dtypes_of(family, spec))]
    ok_case = next(c for c in family.tests if c.error is None)
    for position, arg in enumerate(family.args):
        if arg.is_pointer or arg.type != "int64_t":
            continue
        if not any(arg.name in str(a.min_length) for a in family.args if a.is_pointer):
            continue  # this scalar sizes no buffer
        args = build_call(family, spec, ok_case)
        args[position] = -1
        with pytest.raises(ValueError, match=family.name):
            kernel(*args)


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


FUZZ_SCRIPT = r"""
import sys
from pathlib import Path
import numpy as np
sys.path.insert(0, {dev!r})
from kernelgen.spec import load_all
from awkward._backends.numpy import NumpyBackend

backend = NumpyBackend.instance()
rng = np.random.default_rng(12345)
calls = 0
for family in load_all(Path({specs!r})):
    for spec in family.specializations:
        dtypes = [np.dtype(spec.dtypes[a.name]) for a in family.args if a.is_pointer]
        kernel = backend[(family.name, *[d.type for d in dtypes])]
        for trial in range(200):
            scalars = {{}}
            for a in family.args:
                if a.is_pointer:
                    continue
                if a.type == "bool":
                    scalars[a.name] = bool(rng.integers(2))
                else:
                    scalars[a.name] = int(rng.integers(-2, 12))
            args = []
            for a in family.args:
                if not a.is_pointer:
                    args.append(scalars[a.name])
                    continue
                dtype = np.dtype(spec.dtypes[a.name])
                need = max(int(eval(str(a.min_length), {{"__builtins__": {{}}}}, dict(scalars))), 0)
                if dtype.kind in "iu":
                    info = np.iinfo(dtype)
                    wide = rng.integers(max(info.min, -2**40), min(info.max, 2**40), size=need, endpoint=True)
                    small = rng.integers(max(info.min, -3), min(info.max, 15), size=need, endpoint=True)
                    values = np.where(rng.random(need) < 0.2, wide, small).astype(dtype)
                else:
                    values = rng.integers(0, 2, size=need).astype(dtype)
                args.append(values)
            try:
                kernel(*args)
            except ValueError:
                pass
            calls += 1
print("fuzzed", calls)
"""


def test_random_inputs_never_crash_the_interpreter():
    """Every specialization, 200 random calls each (huge and negative indices, negative
    lengths): only ValueError or success, in a subprocess so that a crash is a failure."""
    script = FUZZ_SCRIPT.format(dev=str(REPO / "dev"), specs=str(REPO / "kernel-specification"))
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=300, env=_env()
    )
    assert result.returncode == 0, f"rc={result.returncode}\n{result.stdout}\n{result.stderr}"
    assert "fuzzed" in result.stdout


# ---------------------------------------------------------------------- 6. CUDA slot
_CU_SIGNATURE = re.compile(r'extern\s+"C"\s+__global__\s+void\s+(\w+)\s*\(([^)]*)\)')
_CPP_SIGNATURE = re.compile(r"\bError\s+(\w+)\s*\(([^)]*)\);")


def _params(text):
    return [" ".join(p.split()) for p in text.split(",")]


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_cuda_twin_has_the_cpp_names_and_arguments_plus_err(family):
    header = (REPO / "awkward-cpp" / "include" / "awkward" / "kernels.h").read_text()
    cpp = {name: _params(params) for name, params in _CPP_SIGNATURE.findall(header)}
    source = (REPO / "awkward" / "_connect" / "cuda" / "kernels" / f"{family.name}.cu").read_text()
    cuda = {name: _params(params) for name, params in _CU_SIGNATURE.findall(source)}
    assert set(cuda) == {s.symbol for s in family.specializations}
    for symbol, params in cuda.items():
        assert params[:-1] == cpp[symbol], symbol
        assert params[-1] == "int64_t* err"


# ---------------------------------------------------------------------- 7. README and CI
def test_readme_begins_with_the_two_commands():
    readme = (REPO / "README.md").read_text()
    first_block = re.search(r"```(?:bash|sh)?\n(.*?)```", readme, re.DOTALL)
    assert first_block and readme.index(first_block.group(0)) < readme.index("## ")
    commands = [
        line for line in first_block.group(1).splitlines() if line.strip() and not line.startswith("#")
    ]
    assert len(commands) == 2
    install_example, install_tests = commands
    assert "pip install ./awkward-cpp" in install_example and "examples/" in install_example
    assert "pip install ./awkward-cpp" in install_tests and "[test]" in install_tests
    assert "python -m pytest" in install_tests
    example = re.search(r"python (examples/\S+\.py)", install_example).group(1)
    assert (REPO / example).exists()
    assert "AWKWARD_TEST_VIRTUALIZE" in readme and "--virtualize" in readme
    assert re.search(r"\d+(\.\d+)? µs", readme)  # the measured kernel call overhead


def test_readme_example_runs_and_prints_the_array():
    # the README's first command runs examples/lazy_analysis.py (issue 12); small size here,
    # tests/test_lazy_analysis_example.py checks its output in detail
    pytest.importorskip("pyarrow")
    result = subprocess.run(
        [sys.executable, "examples/lazy_analysis.py", "--events", "2000"],
        capture_output=True, text=True, cwd=REPO, timeout=120, env=_env(),
    )
    assert result.returncode == 0, result.stderr
    assert "columns read" in result.stdout and "bytes read" in result.stdout


def test_ci_script_runs_both_modes_with_xdist_and_junit():
    script = (REPO / ".ci" / "run").read_text()
    assert "set -e" in script
    assert 'pip install --quiet ./awkward-cpp ".[test]"' in script or "./awkward-cpp" in script
    assert script.count("python -m pytest -n 2") == 1  # one run_suite helper, called twice
    assert "--junitxml" in script and "--virtualize" in script
    assert '"$rc" -eq 5' in script  # "collected no test" fails the run


def test_junit_summary_fails_when_no_test_ran(tmp_path):
    empty = tmp_path / "empty.xml"
    empty.write_text('<testsuites><testsuite tests="3" skipped="3" failures="0" errors="0"/></testsuites>')
    ran = tmp_path / "ran.xml"
    ran.write_text('<testsuites><testsuite tests="3" skipped="1" failures="0" errors="0"/></testsuites>')
    summary = REPO / "dev" / "junit_summary.py"
    no = subprocess.run([sys.executable, str(summary), str(empty), "x"], capture_output=True, text=True)
    yes = subprocess.run([sys.executable, str(summary), str(ran), "x"], capture_output=True, text=True)
    assert no.returncode == 1 and "0 ran" in no.stdout
    assert yes.returncode == 0 and "2 ran" in yes.stdout


def _nvrtc():
    """libnvrtc (what CuPy's RawModule compiles with), from AWKWARD_NVRTC or the loader path."""
    import ctypes
    import ctypes.util

    for candidate in (os.environ.get("AWKWARD_NVRTC"), ctypes.util.find_library("nvrtc")):
        if candidate:
            try:
                return ctypes.CDLL(candidate)
            except OSError:
                pass
    return None


@pytest.mark.skipif(_nvrtc() is None, reason="libnvrtc not found (set AWKWARD_NVRTC=/path/libnvrtc.so)")
@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_cuda_source_compiles_with_nvrtc(family):
    """No GPU needed: NVRTC compiles the .cu file to PTX exactly as RawModule would."""
    import ctypes

    lib = _nvrtc()
    kernels = REPO / "awkward" / "_connect" / "cuda" / "kernels"
    source = (kernels / f"{family.name}.cu").read_bytes()
    program = ctypes.c_void_p()
    assert lib.nvrtcCreateProgram(ctypes.byref(program), source, b"k.cu", 0, None, None) == 0
    options = [f"-I{kernels}".encode(), b"--gpu-architecture=compute_70"]
    rc = lib.nvrtcCompileProgram(program, len(options), (ctypes.c_char_p * len(options))(*options))
    size = ctypes.c_size_t()
    lib.nvrtcGetProgramLogSize(program, ctypes.byref(size))
    log = ctypes.create_string_buffer(size.value)
    lib.nvrtcGetProgramLog(program, log)
    lib.nvrtcDestroyProgram(ctypes.byref(program))
    assert rc == 0, log.value.decode(errors="replace")
