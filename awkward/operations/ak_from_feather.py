"""ak.from_feather: a Feather (Arrow IPC) file -> an array."""

from __future__ import annotations

import os

from awkward.operations._layout_args import wrap_layout

__all__ = ["from_feather"]


def from_feather(path, *, columns=None, use_threads=True, memory_map=False,
                 generate_bitmasks=False, highlevel=True, behavior=None, attrs=None):
    """Read a Feather file (``columns``: names to read) as ak.from_arrow of its table.
    A missing file is FileNotFoundError, a corrupt one ValueError. Needs pyarrow."""
    from awkward._connect.pyarrow._import import import_pyarrow_feather

    feather = import_pyarrow_feather("ak.from_feather")
    from awkward._connect.pyarrow import handle_arrow
    from awkward._connect.pyarrow.extension_types import pyarrow

    if isinstance(path, (str, os.PathLike)) and not os.path.exists(path):
        raise FileNotFoundError(f"ak.from_feather: no such file: {os.fspath(path)!r}")
    try:
        table = feather.read_table(path, columns=columns, use_threads=use_threads,
                                   memory_map=memory_map)
    except (pyarrow.ArrowInvalid, pyarrow.ArrowException) as err:
        raise ValueError(f"ak.from_feather: cannot read {path!r} (not a Feather file, "
                         f"corrupt, truncated, or an unknown column?): {err}") from err
    layout = handle_arrow(table, generate_bitmasks=generate_bitmasks, pass_empty_field=True)
    return wrap_layout(layout, highlevel=highlevel, behavior=behavior, attrs=attrs)
