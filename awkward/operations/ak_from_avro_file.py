"""ak.from_avro_file: an Avro Object Container File -> an array, read by one AwkwardForth program."""

from __future__ import annotations

import numbers

from awkward.operations.ak_from_buffers import from_buffers

__all__ = ["from_avro_file"]


def from_avro_file(
    file, limit_entries=None, *, debug_forth=False, highlevel=True, behavior=None, attrs=None
):
    """Read the records of an Avro file (a path or a binary file-like object), at most
    ``limit_entries`` of them; ``debug_forth=True`` prints the generated Forth program.
    Codecs: null, deflate, bzip2, xz (snappy and zstandard with their libraries)."""
    from awkward._connect.avro import read_avro

    if limit_entries is not None and (
        not isinstance(limit_entries, numbers.Integral)
        or isinstance(limit_entries, bool)
        or limit_entries < 0
    ):
        raise TypeError(
            f"ak.from_avro_file: 'limit_entries' must be None or a non-negative integer, not {limit_entries!r}"
        )
    form, length, container = read_avro(file, limit_entries, debug_forth)
    return from_buffers(
        form, length, container, highlevel=highlevel, behavior=behavior, attrs=attrs
    )
