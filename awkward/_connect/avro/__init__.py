"""Avro Object Container Files read with one AwkwardForth program (``ak.from_avro_file``).

``container`` parses the header and the data blocks (codecs), ``schema`` turns the schema into
the Forth program and the Form it fills, ``finish`` turns the program's raw outputs into the
Form's buffers; ``read_avro`` runs the program once over all the blocks needed (read in place
for the null codec, decompressed and joined otherwise) and returns what ``ak.from_buffers``
needs."""

from __future__ import annotations

import functools

from awkward._connect.avro.container import parse_schema, read_blocks, read_bytes, read_header
from awkward._connect.avro.finish import Corrupted
from awkward._connect.avro.schema import (
    FUNCTION,
    HALT_REASONS,
    MAX_EMPTY_VALUES,
    UnsupportedSchema,
    translate,
)

__all__ = ["UnsupportedSchema", "read_avro"]

_NO_RAISE = {
    f"raise_{name}": False
    for name in (
        "user_halt",
        "recursion_depth_exceeded",
        "stack_underflow",
        "stack_overflow",
        "read_beyond",
        "seek_beyond",
        "skip_beyond",
        "rewind_beyond",
        "division_by_zero",
        "varint_too_big",
        "text_number_missing",
        "quoted_string_missing",
        "enumeration_missing",
    )
}


def read_avro(file, limit_entries=None, debug_forth=False):
    """(Form, length, container of buffers) of an Avro file's records."""
    from awkward.forth import ForthMachine64

    data = read_bytes(file)
    schema, codec, position, sync = read_header(data)
    source, form, constants, steps, smallest = _translated(schema)
    if debug_forth:
        print(source)
    stream, blocks, length = read_blocks(
        data, position, sync, codec, limit_entries, smallest, MAX_EMPTY_VALUES
    )
    machine = ForthMachine64(source)
    machine.begin({"stream": stream, "blocks": blocks})
    machine.stack_push(len(blocks) // 3)
    error = machine.resume(**_NO_RAISE)
    container = machine.outputs
    if error is not None:
        # the checks on what was read so far often name the cause better
        _diagnose(container, steps)
        raise ValueError(_error_message(error, machine))
    for step in steps:
        step(container)
    container.update(constants)
    return form, length, container


@functools.lru_cache(maxsize=64)
def _translated(schema_json):
    """translate's (source, Form, constants, steps, fewest bytes of a record) per schema,
    kept for files that share one."""
    from awkward.forms import from_dict

    source, form, constants, steps, smallest = translate(parse_schema(schema_json))
    return source, from_dict(form), constants, steps, smallest


def _diagnose(container, steps):
    for step in steps:
        try:
            step(container)
        except Corrupted:
            raise
        except Exception:  # noqa: BLE001  (partial outputs: only a clear cause is worth raising)
            return


def _error_message(error, machine):
    if error == "user halt":
        reason = HALT_REASONS.get(machine.stack[-1] if machine.stack else 0, "invalid data")
        return f"{FUNCTION}: corrupted file: {reason}"
    if error in ("read beyond", "seek beyond"):
        return (
            f"{FUNCTION}: truncated or corrupted file: the records need more bytes than the "
            "data blocks hold"
        )
    return f"{FUNCTION}: corrupted file (AwkwardForth stopped with {error!r})"
