"""Names awkward 1 had at ``ak.<name>`` that awkward 2 renamed or removed, with what to use
instead. ``awkward.__getattr__`` turns a lookup of one of them into an AttributeError naming
the replacement (imports nothing: the message is all there is)."""

from __future__ import annotations

__all__ = ["REPLACEMENTS", "missing_attribute"]

_LAZY = (
    "read lazily instead: ak.virtual(generate, form=..., length=...), ak.from_buffers with "
    "callables as container values, or ak.from_parquet(..., virtual=True)"
)

REPLACEMENTS = {
    "partitioned": (
        "arrays have no partitions in awkward 2: concatenate the pieces lazily with "
        "ak.concatenate([ak.virtual(...), ...]) (each piece is read on first touch)"
    ),
    "partitions": "arrays have no partitions in awkward 2: keep the pieces in a list, or ak.concatenate them",
    "partition": "arrays have no partitions in awkward 2 (see ak.concatenate of ak.virtual pieces)",
    "repartition": "arrays have no partitions in awkward 2: slice (array[start:stop]) or ak.concatenate pieces",
    "to_pandas": "use ak.to_dataframe",
    "materialized": "use ak.materialize",
    "lazy": _LAZY,
    "with_cache": (
        "pass cache= (any MutableMapping: a dict, cachetools.LRUCache ...) to ak.virtual or "
        "ak.from_buffers"
    ),
    "to_kernels": "use ak.to_backend(array, 'cpu' or 'cuda')",
    "kernels": "use ak.backend",
    "to_arrayset": "use ak.to_buffers",
    "from_arrayset": "use ak.from_buffers",
    "to_awkward0": "awkward 0 is not supported; convert with awkward 1, or use ak.to_list",
    "from_awkward0": "awkward 0 is not supported; convert with awkward 1, or use ak.from_iter",
    "regularize_numpyarray": "use ak.to_regular (or ak.from_regular) at the axis you need",
    "size": "use ak.num(array, axis=...) or ak.count(array, axis=None)",
    "atleast_1d": "use numpy.atleast_1d(ak.to_numpy(array))",
    "keys": "use ak.fields",
    "packed": "use ak.to_packed",
    "to_categorical": "use ak.str.to_categorical",
    "from_json_schema": "use ak.from_json(source, schema=...)",
    "from_json_file": "use ak.from_json(path) (a path or file-like object)",
    "layout": (
        "the layout classes are in ak.contents (NumpyArray, ListOffsetArray ...) and ak.index "
        "(Index64 ...); ak.layout.ArrayCache: pass cache= to ak.virtual or ak.from_buffers"
    ),
    "_v2": "awkward 2 is now awkward itself: use ak.<name> (import awkward as ak)",
}


def missing_attribute(name: str) -> AttributeError:
    """The AttributeError for ``ak.<name>``: with the replacement for an awkward 1 name."""
    replacement = REPLACEMENTS.get(name)
    if replacement is None:
        return AttributeError(f"module 'awkward' has no attribute {name!r}")
    return AttributeError(
        f"ak.{name} was an awkward 1 name that awkward 2 renamed or removed: {replacement} "
        "(see docs/migration-from-awkward1.md)"
    )
