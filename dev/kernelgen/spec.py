"""Load and validate the kernel specifications (kernel-specification/<family>.yaml)."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import numpy
import yaml

# dtype name -> (C element type, buffer kind: i=signed, u=unsigned, b=bool, f=float, itemsize)
DTYPES = {
    "bool": ("bool", "b", 1),
    "int8": ("int8_t", "i", 1),
    "uint8": ("uint8_t", "u", 1),
    "int16": ("int16_t", "i", 2),
    "uint16": ("uint16_t", "u", 2),
    "int32": ("int32_t", "i", 4),
    "uint32": ("uint32_t", "u", 4),
    "int64": ("int64_t", "i", 8),
    "uint64": ("uint64_t", "u", 8),
    "float32": ("float", "f", 4),
    "float64": ("double", "f", 8),
}
SCALAR_TYPES = ("int64_t", "bool")
POINTER_TYPE = "T*"
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class SpecError(ValueError):
    pass


@dataclass(frozen=True)
class Arg:
    name: str
    type: str  # "T*" (element dtype per specialization) or a scalar C type
    dir: str
    min_length: str | None

    @property
    def is_pointer(self) -> bool:
        return self.type == POINTER_TYPE

    def ctype(self, dtype: str | None) -> str:
        if not self.is_pointer:
            return self.type
        element = DTYPES[dtype][0]
        return f"const {element}*" if self.dir == "in" else f"{element}*"


@dataclass(frozen=True)
class Specialization:
    symbol: str
    dtypes: dict  # pointer arg name -> dtype name

    def dtype_tuple(self, args) -> tuple:
        return tuple(self.dtypes[a.name] for a in args if a.is_pointer)


@dataclass(frozen=True)
class TestCase:
    name: str
    inputs: dict
    outputs: dict
    error: dict | None


@dataclass(frozen=True)
class Family:
    name: str
    description: str
    args: tuple
    specializations: tuple
    errors: tuple  # ((key, message), ...); CUDA error code = position + 1
    cuda_threads: str | None  # None: no CUDA implementation
    definition: str
    tests: tuple
    path: Path

    @property
    def pointer_args(self):
        return [a for a in self.args if a.is_pointer]

    @property
    def scalar_args(self):
        return [a for a in self.args if not a.is_pointer]

    def error_message(self, key: str) -> str:
        return dict(self.errors)[key]


def check_length_expression(expr: str, scalars: set, where: str) -> None:
    """Only + - * over int literals and int64_t scalar args: it becomes C++ and Python code."""
    try:
        tree = ast.parse(str(expr), mode="eval")
    except SyntaxError as err:
        raise SpecError(f"{where}: cannot parse {expr!r}") from err

    def visit(node):
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult)):
            visit(node.left)
            visit(node.right)
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            pass
        elif isinstance(node, ast.Name) and node.id in scalars:
            pass
        else:
            raise SpecError(
                f"{where}: {expr!r} may use only + - *, integers and the int64_t args {sorted(scalars)}"
            )

    visit(tree.body)


def _require(mapping, key, where):
    if key not in mapping:
        raise SpecError(f"{where}: missing {key!r}")
    return mapping[key]


def _fits(values, dtype: str) -> bool:
    kind = DTYPES[dtype][1]
    if kind == "b":
        return all(v in (0, 1, True, False) for v in values)
    if kind == "f":
        return True
    info = numpy.iinfo(dtype)
    return all(isinstance(v, int) and info.min <= v <= info.max for v in values)


def load_family(path: Path) -> Family:
    where = path.name
    raw = yaml.safe_load(path.read_text())
    name = _require(raw, "name", where)
    if name != path.stem:
        raise SpecError(f"{where}: name {name!r} must equal the file name")
    unknown = set(raw) - {
        "name", "description", "args", "specializations", "errors", "cuda", "definition", "tests",
    }
    if unknown:
        raise SpecError(f"{where}: unknown keys {sorted(unknown)}")

    args = []
    for item in _require(raw, "args", where):
        arg = Arg(item["name"], item["type"], item.get("dir", "in"), item.get("min_length"))
        if not _IDENT.match(arg.name) or arg.dir not in ("in", "out"):
            raise SpecError(f"{where}: bad arg {item}")
        if not arg.is_pointer and (arg.type not in SCALAR_TYPES or arg.dir != "in"):
            raise SpecError(f"{where}: arg {arg.name}: scalars are int64_t or bool inputs")
        args.append(arg)
    if len({a.name for a in args}) != len(args):
        raise SpecError(f"{where}: duplicate arg names")
    int_scalars = {a.name for a in args if a.type == "int64_t"}
    for arg in args:
        if arg.is_pointer:
            if arg.min_length is None:
                raise SpecError(f"{where}: pointer arg {arg.name} needs min_length")
            check_length_expression(arg.min_length, int_scalars, f"{where}: {arg.name}.min_length")
        elif arg.min_length is not None:
            raise SpecError(f"{where}: scalar arg {arg.name} has a min_length")
    pointer_names = [a.name for a in args if a.is_pointer]

    specializations = []
    for item in _require(raw, "specializations", where):
        spec = Specialization(item["symbol"], dict(item["dtypes"]))
        if not spec.symbol.startswith(name) or not _IDENT.match(spec.symbol):
            raise SpecError(f"{where}: symbol {spec.symbol!r} must start with {name!r}")
        if sorted(spec.dtypes) != sorted(pointer_names):
            raise SpecError(f"{where}: {spec.symbol} must give a dtype for exactly {pointer_names}")
        for dtype in spec.dtypes.values():
            if dtype not in DTYPES:
                raise SpecError(f"{where}: {spec.symbol}: unknown dtype {dtype!r}")
        specializations.append(spec)
    symbols = [s.symbol for s in specializations]
    keys = [s.dtype_tuple(args) for s in specializations]
    if len(set(symbols)) != len(symbols) or len(set(keys)) != len(keys):
        raise SpecError(f"{where}: duplicate symbols or dtype combinations")

    errors = tuple((e["key"], e["message"]) for e in raw.get("errors") or ())
    if len({k for k, _ in errors}) != len(errors) or len(errors) > 255:
        raise SpecError(f"{where}: duplicate error keys")

    cuda = raw.get("cuda")
    cuda_threads = None
    if cuda:
        cuda_threads = str(_require(cuda, "threads", f"{where}: cuda"))
        check_length_expression(cuda_threads, int_scalars, f"{where}: cuda.threads")

    definition = _require(raw, "definition", where)
    namespace: dict = {}
    exec(compile(definition, f"{where}:definition", "exec"), namespace)
    if name not in namespace:
        raise SpecError(f"{where}: definition must define a function named {name}")

    tests = []
    arg_names = {a.name for a in args}
    for number, item in enumerate(_require(raw, "tests", where)):
        case = TestCase(
            str(item.get("name", f"case{number}")),
            dict(item.get("inputs") or {}),
            dict(item.get("outputs") or {}),
            item.get("error"),
        )
        cwhere = f"{where}: test {case.name}"
        if set(case.inputs) - arg_names or set(case.outputs) - {a.name for a in args if a.dir == "out"}:
            raise SpecError(f"{cwhere}: unknown argument names")
        for arg in args:
            if arg.dir == "in" and arg.name not in case.inputs:
                raise SpecError(f"{cwhere}: missing input {arg.name}")
        if case.error is not None:
            if case.outputs or case.error.get("key") not in dict(errors) or "index" not in case.error:
                raise SpecError(f"{cwhere}: error needs a known key and an index, and no outputs")
        tests.append(case)
    if len({t.name for t in tests}) != len(tests):
        raise SpecError(f"{where}: duplicate test names")

    return Family(
        name=name,
        description=str(raw.get("description", "")).strip(),
        args=tuple(args),
        specializations=tuple(specializations),
        errors=errors,
        cuda_threads=cuda_threads,
        definition=definition,
        tests=tuple(tests),
        path=path,
    )


def case_fits(family: Family, spec: Specialization, case: TestCase) -> bool:
    """Whether every array value of the case is representable in the specialization's dtypes."""
    for arg in family.pointer_args:
        for source in (case.inputs, case.outputs):
            if arg.name in source and not _fits(source[arg.name], spec.dtypes[arg.name]):
                return False
    return True


def load_all(directory: Path) -> list:
    families = [load_family(p) for p in sorted(directory.glob("*.yaml"))]
    if not families:
        raise SpecError(f"no specifications in {directory}")
    return families
