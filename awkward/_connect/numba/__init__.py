"""Numba integration: ak.Array and ak.Record inside ``@numba.njit`` functions.

numba calls ``register()`` through the ``numba_extensions`` entry point (pyproject.toml) the
first time it compiles anything, so users import nothing by hand. Modules:
* ``views``: ArrayViewType / RecordViewType (what an array and a record are inside numba) and
  the lowering helpers they share;
* ``layout``: the numba type of each layout kind (NumpyArrayType, ListArrayType, ...), made from
  forms, and how each produces its elements;
* ``lookup``: the Python side (the flat table of buffer pointers passed in, typing, boxing);
* ``arrayview``: typeof, unboxing/boxing, len, iteration, indexing, slicing, fields;
* ``behaviors``: record attributes and the ``__numba_typer__``/``__numba_lower__`` behaviors;
* ``strings``: strings and bytestrings as ``str``/``bytes``;
* ``asarray``: ``np.asarray``/``np.array`` of views of one-dimensional numbers;
* ``builder`` (when present): ak.ArrayBuilder inside numba.
"""

from __future__ import annotations

import importlib.util


def register():
    """numba's entry point: registers ak.Array/ak.Record (and ak.ArrayBuilder) with numba."""
    register_arrays()
    if importlib.util.find_spec(f"{__name__}.builder") is not None:  # ak.ArrayBuilder in numba
        importlib.import_module(f"{__name__}.builder")


_ARRAY_NUMBA_TYPE = []  # lookup.array_numba_type, once the arrays are registered


def register_arrays():
    """Register the types, typing and lowering of arrays and records (importing is idempotent)."""
    importlib.import_module(f"{__name__}.arrayview")
    importlib.import_module(f"{__name__}.behaviors")
    importlib.import_module(f"{__name__}.asarray")
    if not _ARRAY_NUMBA_TYPE:
        _ARRAY_NUMBA_TYPE.append(importlib.import_module(f"{__name__}.lookup").array_numba_type)


def numba_type_of(obj):
    """``ak.Array.numba_type`` / ``ak.Record.numba_type`` (and ``_numba_type_``, which numba's
    dispatcher reads at every call of a compiled function)."""
    if _ARRAY_NUMBA_TYPE:
        return _ARRAY_NUMBA_TYPE[0](obj)
    try:
        import numba  # noqa: F401
    except ImportError as err:
        raise ImportError("numba is needed for numba_type: pip install numba") from err
    register_arrays()
    return _ARRAY_NUMBA_TYPE[0](obj)


def __getattr__(name):
    # ``ak._connect.numba.layout`` etc. as attributes (vector reaches the layout types this way)
    if name in ("layout", "arrayview", "views", "behaviors", "lookup", "strings", "asarray"):
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
