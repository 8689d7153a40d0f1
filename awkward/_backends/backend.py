"""Backend: an nplike (for buffers) plus a kernel library (for loops numpy cannot express).

``backend[family, *dtypes]`` returns a kernel callable (awkward._kernels); the lookup is
resolved once per key and cached, so the hot path is one dict lookup. Kernel keys come
from the generated registry (awkward/_generated/kernel_registry.py): ``(family, dtype
names of the pointer arguments in order)``. Dtypes may be given as dtype objects,
numpy scalar types (``np.int64``) or names (``"int64"``).
"""

from __future__ import annotations

from typing import Any, ClassVar

from awkward._kernels import BaseKernel, KernelSpec

__all__ = ["Backend", "KernelNotFoundError", "kernel_specs"]


class KernelNotFoundError(KeyError):
    """No kernel specialization for the requested (family, dtypes) on this backend."""

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0]) if self.args else ""


_SPECS: dict[tuple[str, tuple[str, ...]], KernelSpec] | None = None
_FAMILIES: dict[str, list[KernelSpec]] | None = None


def _load_registry() -> None:
    global _SPECS, _FAMILIES
    from awkward._generated import kernel_registry

    errors = getattr(kernel_registry, "ERRORS", {})
    specs: dict[tuple[str, tuple[str, ...]], KernelSpec] = {}
    families: dict[str, list[KernelSpec]] = {}
    for (family, dtypes), entry in kernel_registry.SPECIALIZATIONS.items():
        spec = KernelSpec(
            family=family,
            dtypes=tuple(dtypes),
            symbol=entry.symbol,
            args=entry.args,
            has_cuda=entry.has_cuda,
            min_lengths=getattr(entry, "min_lengths", None),
            cuda_threads=getattr(entry, "cuda_threads", None),
            errors=tuple(errors.get(family, ())),
        )
        specs[family, spec.dtypes] = spec
        families.setdefault(family, []).append(spec)
    for family in getattr(kernel_registry, "FAMILIES", ()):
        families.setdefault(family, [])
    _SPECS, _FAMILIES = specs, families


def kernel_specs() -> dict[str, list[KernelSpec]]:
    """Every kernel family and its specializations (from the generated registry)."""
    if _FAMILIES is None:
        _load_registry()
    return _FAMILIES  # type: ignore[return-value]


def _dtype_name(item: Any) -> str:
    if isinstance(item, str):
        from awkward._nplikes.dtypes import dtype

        try:
            return dtype(item).name
        except TypeError as err:
            raise TypeError(f"kernel key: {item!r} is not a dtype name") from err
    name = getattr(item, "name", None)  # a dtype object
    if isinstance(name, str) and hasattr(item, "kind"):
        return name
    from awkward._nplikes.dtypes import dtype

    try:
        return dtype(item).name
    except TypeError as err:
        raise TypeError(f"kernel key: {item!r} is not a dtype") from err


def normalize_kernel_key(key: Any) -> tuple[str, tuple[str, ...]]:
    """``(family, *dtypes)`` (or ``(family, (dtypes...))``) -> ``(family, dtype names)``."""
    if isinstance(key, str):
        family, rest = key, ()
    elif isinstance(key, tuple) and key and isinstance(key[0], str):
        family, rest = key[0], key[1:]
        if len(rest) == 1 and isinstance(rest[0], (tuple, list)):
            rest = tuple(rest[0])
    else:
        raise TypeError(
            f"kernel key must be (family name, *dtypes), e.g. ('awkward_ListArray_num', "
            f"np.int64, np.int64, np.int64), not {key!r}"
        )
    return family, tuple(_dtype_name(d) for d in rest)


class Backend:
    """Base class of the backends; subclasses are singletons (``Backend.instance()``)."""

    __slots__ = ("_kernel_cache",)

    name: ClassVar[str]
    _instance: ClassVar[Backend | None] = None

    def __init__(self):
        self._kernel_cache: dict[Any, BaseKernel] = {}

    @classmethod
    def instance(cls):
        inst = cls.__dict__.get("_instance")
        if inst is None:
            inst = cls()
            cls._instance = inst
        return inst

    @property
    def nplike(self):
        raise NotImplementedError

    @property
    def index_nplike(self):
        raise NotImplementedError

    def __getitem__(self, key) -> BaseKernel:
        try:
            return self._kernel_cache[key]
        except KeyError:
            pass
        except TypeError as err:  # unhashable key
            raise TypeError(f"kernel key must be a tuple (family, *dtypes), not {key!r}") from err
        normalized = normalize_kernel_key(key)
        kernel = self._kernel_cache.get(normalized)
        if kernel is None:
            kernel = self._make_kernel(self._find_spec(normalized))
            self._kernel_cache[normalized] = kernel
        self._kernel_cache[key] = kernel
        return kernel

    def _find_spec(self, key: tuple[str, tuple[str, ...]]) -> KernelSpec:
        if _SPECS is None:
            _load_registry()
        spec = _SPECS.get(key)  # type: ignore[union-attr]
        if spec is not None:
            return spec
        family, dtypes = key
        existing = kernel_specs().get(family)
        if existing is None:
            import difflib

            close = difflib.get_close_matches(family, list(kernel_specs()), n=5, cutoff=0.6)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise KernelNotFoundError(
                f"no kernel family {family!r} in the kernel registry{hint} "
                f"({len(kernel_specs())} families are known)"
            )
        listing = "\n    ".join(
            f"{', '.join(s.dtypes) or '(no arrays)'}: {s.signature()}" for s in existing
        )
        raise KernelNotFoundError(
            f"kernel {family} has no specialization for dtypes ({', '.join(dtypes)}); "
            f"the specializations that exist are:\n    {listing or '(none)'}"
        )

    def _make_kernel(self, spec: KernelSpec) -> BaseKernel:
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"

    def __reduce__(self):
        return (type(self).instance, ())
