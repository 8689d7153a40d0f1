"""ak.from_feather: a Feather (Arrow IPC) file -> an array (``virtual=True`` reads lazily)."""

from __future__ import annotations

import os

from awkward.operations._layout_args import wrap_layout

__all__ = ["from_feather"]


def from_feather(path, *, columns=None, use_threads=True, memory_map=False,
                 generate_bitmasks=False, highlevel=True, behavior=None, attrs=None,
                 virtual=False, storage_options=None, cache=None, cache_key=None):
    """Read a Feather file (``columns``: names to read) as ak.from_arrow of its table.
    ``virtual=True`` (beyond awkward 2.14) reads the footer and the record batches' headers
    only, and each top-level column on first touch (see
    awkward/_connect/pyarrow/lazy_feather.py; ``cache``/``cache_key`` as ak.from_buffers).
    A path with a protocol (``s3://``, ``memory://`` ...) or with ``storage_options`` is read
    through fsspec (needs fsspec). A missing file is FileNotFoundError, a corrupt one or an
    unknown column ValueError. Needs pyarrow."""
    from awkward._connect.pyarrow._import import import_pyarrow_feather

    feather = import_pyarrow_feather("ak.from_feather")
    from awkward._connect.pyarrow import handle_arrow
    from awkward._connect.pyarrow.extension_types import pyarrow
    from awkward._connect.pyarrow.filesystems import url_to_fs

    function = "ak.from_feather"
    if virtual:
        from awkward._connect.pyarrow.lazy_feather import from_feather_lazily

        layout = from_feather_lazily(path, columns, memory_map, storage_options, cache,
                                     cache_key, function)
        if layout is not None:  # None: a Feather V1 file, read eagerly below
            return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)
    elif cache is not None or cache_key is not None:
        raise TypeError(f"{function}: cache= and cache_key= apply to virtual=True only")
    source, close = path, None
    if isinstance(path, (str, os.PathLike)):
        fs, inner = url_to_fs(os.fspath(path), storage_options, function)
        if not (os.path.exists(inner) if fs is None else fs.exists(inner)):
            raise FileNotFoundError(f"{function}: no such file: {os.fspath(path)!r}")
        if fs is not None:
            source = fs.open(inner, "rb")
            close = source.close
    try:
        table = feather.read_table(source, columns=columns, use_threads=use_threads,
                                   memory_map=memory_map and close is None)
    except (pyarrow.ArrowInvalid, pyarrow.ArrowException) as err:
        raise ValueError(f"{function}: cannot read {path!r} (not a Feather file, "
                         f"corrupt, truncated, or an unknown column?): {err}") from err
    finally:
        if close is not None:
            close()
    layout = handle_arrow(table, generate_bitmasks=generate_bitmasks, pass_empty_field=True)
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)
