#!/usr/bin/env python3
"""ak.from_avro_file against awkward 2.14's on the same files, in the same run.

Two files per size, written once (cached in the temp dir) by a small encoder below:
``flat``: records {id: long, x: double, name: string, flag: boolean, maybe: ["null", int],
color: enum}, null codec, blocks of 4000 records; ``deflate``: the same records, deflate codec;
``arrays``: records {id: long, hits: array<double>, tags: array<string>} (awkward 2.14 cannot
read blocked arrays with positive counts: it fails, shown as an error). ``small`` is 100
records, ``large`` is ``--lists`` records (default 10^6).

    python dev/benchmarks/bench_avro.py
    python dev/benchmarks/bench_avro.py --lists 100000     # quicker
"""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _harness  # noqa: E402

# run per size with N, np, ak (see _harness.run_cli); both sides write/read the same files
DATA_SOURCE = r'''
import json, os, struct, tempfile, zlib

def zz(n):
    n = ((n << 1) ^ (n >> 63)) & 0xFFFFFFFFFFFFFFFF
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)

def container(schema, encode_one, n, codec):
    sync = b"0123456789abcdef"
    out = bytearray(b"Obj\x01")
    meta = {"avro.schema": json.dumps(schema).encode(), "avro.codec": codec.encode()}
    out += zz(len(meta))
    for k, v in meta.items():
        out += zz(len(k)) + k.encode() + zz(len(v)) + v
    out += zz(0) + sync
    for start in range(0, n, 4000):
        stop = min(n, start + 4000)
        body = b"".join(encode_one(i) for i in range(start, stop))
        if codec == "deflate":
            c = zlib.compressobj(wbits=-15)
            body = c.compress(body) + c.flush()
        out += zz(stop - start) + zz(len(body)) + body + sync
    return bytes(out)

FLAT = {"type": "record", "name": "Event", "fields": [
    {"name": "id", "type": "long"}, {"name": "x", "type": "double"},
    {"name": "name", "type": "string"}, {"name": "flag", "type": "boolean"},
    {"name": "maybe", "type": ["null", "int"]},
    {"name": "color", "type": {"type": "enum", "name": "C", "symbols": ["R", "G", "B"]}}]}
NAMES = [("n" * (i % 7)).encode() for i in range(7)]

def flat(i):
    name = NAMES[i % 7]
    maybe = b"\x00" if i % 3 == 0 else b"\x02" + zz(i % 1000)
    return zz(i * 37) + struct.pack("<d", i / 8) + zz(len(name)) + name + (b"\x01" if i % 2 else b"\x00") + maybe + zz(i % 3)

ARRAYS = {"type": "record", "name": "Hits", "fields": [
    {"name": "id", "type": "long"},
    {"name": "hits", "type": {"type": "array", "items": "double"}},
    {"name": "tags", "type": {"type": "array", "items": "string"}}]}
DOUBLES = [struct.pack("<%dd" % k, *[j / 4 for j in range(k)]) for k in range(6)]

def arrays(i):
    k = i % 6
    hits = (zz(k) + DOUBLES[k] + b"\x00") if k else b"\x00"
    t = i % 3
    tags = (zz(t) + b"\x04ab" * t + b"\x00") if t else b"\x00"
    return zz(i) + hits + tags

def path_of(name, schema, encode_one, codec):
    path = os.path.join(tempfile.gettempdir(), f"bench_avro_v1_{name}_{N}.avro")
    if not os.path.exists(path):
        data = container(schema, encode_one, N, codec)
        with open(path + ".part", "wb") as f:
            f.write(data)
        os.replace(path + ".part", path)
    return path

flat_path = path_of("flat", FLAT, flat, "null")
deflate_path = path_of("deflate", FLAT, flat, "deflate")
arrays_path = path_of("arrays", ARRAYS, arrays, "null")
'''

CASES = [
    ("flat records", "ak.from_avro_file(flat_path)"),
    ("flat records, deflate", "ak.from_avro_file(deflate_path)"),
    ("flat records, limit N/2", "ak.from_avro_file(flat_path, limit_entries=N // 2)"),
    ("arrays (2.14 fails)", "ak.from_avro_file(arrays_path)"),
]

if __name__ == "__main__":
    _harness.run_cli(
        CASES,
        DATA_SOURCE,
        __doc__,
        options={"lists": 1_000_000, "only": "", "repeat": 3, "min_batch": 0.02, "rounds": 2},
    )
