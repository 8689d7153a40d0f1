"""The Avro Object Container File: header (magic, metadata map, sync marker) and data blocks.

The blocks' record bytes are joined (decompressed first) into one buffer, so one run of the
schema's Forth program reads every record; records are self-delimiting, so joining is exact."""

from __future__ import annotations

import json
import os

import numpy as np

MAGIC = b"Obj\x01"
SYNC_SIZE = 16
FUNCTION = "ak.from_avro_file"


class _Reader:
    """Varints and byte strings of the header and block framing, read in Python."""

    __slots__ = ("data", "pos")

    def __init__(self, data, pos=0):
        self.data = data
        self.pos = pos

    def long(self):
        data, pos, shift, value = self.data, self.pos, 0, 0
        while True:
            if pos >= len(data):
                raise ValueError(
                    f"{FUNCTION}: the file ends inside a header or block frame (truncated file)"
                )
            byte = data[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            if byte < 0x80:
                break
            shift += 7
            if shift > 63:
                raise ValueError(f"{FUNCTION}: corrupted file: a varint longer than 10 bytes")
        self.pos = pos
        return (value >> 1) ^ -(value & 1)

    def take(self, size, what):
        if size < 0 or self.pos + size > len(self.data):
            raise ValueError(f"{FUNCTION}: the file ends inside {what} (truncated file)")
        out = self.data[self.pos : self.pos + size]
        self.pos += size
        return out


def read_bytes(file):
    """The whole file as bytes: a path (str or os.PathLike) or a binary file-like object."""
    if isinstance(file, (str, bytes, os.PathLike)):
        with open(file, "rb") as handle:
            return handle.read()
    if hasattr(file, "read"):
        data = file.read()
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(
                f"{FUNCTION}: the file-like object must be opened in binary mode ('rb')"
            )
        return bytes(data)
    raise TypeError(
        f"{FUNCTION}: 'file' must be a path or a binary file-like object, not {type(file).__name__}"
    )


def read_header(data):
    """(schema as its JSON bytes, codec name, position of the first block, sync marker)."""
    if data[:4] != MAGIC:
        raise TypeError(f"{FUNCTION}: invalid Avro file: first 4 bytes are not b'Obj\\x01'")
    reader = _Reader(data, 4)
    metadata = {}
    while True:
        count = reader.long()
        if count == 0:
            break
        if count < 0:
            count = -count
            reader.long()  # the block's byte size, not needed
        for _ in range(count):
            key = bytes(reader.take(reader.long(), "the header's metadata"))
            metadata[key.decode("utf-8", "replace")] = bytes(
                reader.take(reader.long(), "the header's metadata")
            )
    sync = bytes(reader.take(SYNC_SIZE, "the header's sync marker"))
    if "avro.schema" not in metadata:
        raise ValueError(f"{FUNCTION}: invalid Avro file: the header has no 'avro.schema'")
    schema = metadata["avro.schema"]
    codec = metadata.get("avro.codec", b"null").decode("utf-8", "replace") or "null"
    return schema, codec, reader.pos, sync


def parse_schema(schema_json):
    try:
        return json.loads(schema_json)
    except ValueError as err:
        raise ValueError(
            f"{FUNCTION}: invalid Avro file: 'avro.schema' is not JSON ({err})"
        ) from None


def _decompressor(codec):
    if codec == "null":
        return None
    if codec == "deflate":
        import zlib

        return lambda block: zlib.decompress(block, -15)
    if codec == "bzip2":
        import bz2

        return bz2.decompress
    if codec == "xz":
        import lzma

        return lzma.decompress
    if codec == "snappy":
        try:
            import snappy
        except ImportError:
            raise ImportError(
                f"{FUNCTION}: this file's codec is 'snappy'; install python-snappy to read it:\n\n"
                "    pip install python-snappy"
            ) from None
        # Avro's snappy blocks end with the 4-byte CRC32 of the uncompressed data
        return lambda block: snappy.decompress(bytes(block[:-4]))
    if codec == "zstandard":
        try:
            import zstandard
        except ImportError:
            raise ImportError(
                f"{FUNCTION}: this file's codec is 'zstandard'; install zstandard to read it:\n\n"
                "    pip install zstandard"
            ) from None
        return lambda block: zstandard.ZstdDecompressor().decompressobj().decompress(block)
    raise ValueError(
        f"{FUNCTION}: unsupported Avro codec {codec!r} (supported: 'null', 'deflate', 'bzip2', "
        "'xz', and 'snappy'/'zstandard' with their libraries)"
    )


def read_blocks(data, position, sync, codec, limit_entries, smallest, most_empty):
    """(the bytes the records are read from, as a uint8 array; for each block needed, its
    start, number of records to read and end in those bytes, or -1 where the block is not read
    to its end, flat as int64; the number of records). Blocks of the null codec are read in
    place; compressed blocks are decompressed and joined. ``smallest``: the fewest bytes of a
    record; a block whose count needs more bytes than it has (or, for records of no bytes,
    more than ``most_empty`` records) is an error before any record is read."""
    decompress = _decompressor(codec)
    reader = _Reader(memoryview(data), position)
    pieces, frames, total, joined_size = [], [], 0, 0
    size = len(data)
    while reader.pos < size and (limit_entries is None or total < limit_entries):
        count = reader.long()
        nbytes = reader.long()
        if count < 0 or nbytes < 0:
            raise ValueError(f"{FUNCTION}: corrupted file: a data block with a negative size")
        start = reader.pos
        block = reader.take(nbytes, "a data block")
        if bytes(reader.take(SYNC_SIZE, "a data block's sync marker")) != sync:
            raise ValueError(
                f"{FUNCTION}: corrupted file: a data block does not end with the sync marker"
            )
        if decompress is not None:
            try:
                block = decompress(block)
            except Exception as err:
                raise ValueError(
                    f"{FUNCTION}: corrupted file: cannot decompress a {codec!r} block ({err})"
                ) from None
            pieces.append(block)
            start = joined_size
            joined_size += len(block)
        if count * smallest > len(block) or (smallest == 0 and count > most_empty):
            raise ValueError(
                f"{FUNCTION}: truncated or corrupted file: a data block holds fewer bytes than "
                "its records need"
            )
        if limit_entries is not None and total + count > limit_entries:
            frames.append((start, limit_entries - total, -1))
        else:
            frames.append((start, count, start + len(block)))
        total += count
    if decompress is None:
        stream = np.frombuffer(data, np.uint8)
    else:
        stream = np.frombuffer(b"".join(pieces), np.uint8)
    length = total if limit_entries is None else min(total, limit_entries)
    return stream, np.array(frames, dtype=np.int64).reshape(-1), length
