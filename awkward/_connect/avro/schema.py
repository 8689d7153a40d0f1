"""An Avro schema -> one AwkwardForth program that reads its records, and the Form it fills.

Every node with buffers gets the form key ``node<i>``; the program's outputs are named
``node<i>-<attribute>``, so ``ak.from_buffers`` takes them as they are. The program expects the
number of blocks on the stack and reads them from the input ``stream``; the input ``blocks``
gives each block's start, number of records and end (-1: not read to its end), and a block
whose records do not end where it does is an error. Types follow awkward
2.14's reader: int/long/float/double/boolean -> NumpyArray, string/bytes -> strings/bytestrings,
fixed -> RegularArray of bytes, enum -> categorical strings, ["null", T] -> ByteMaskedArray
(numbers, strings, fixed) or IndexedOptionArray, records -> RecordArray (without a ``__record__``
name, as 2.14); logical types are read as their underlying type. Beyond 2.14: maps are ``var * {key: string, value: T}`` and unions of
several types are UnionArrays (with null: ``union[?A, B...]`` as 2.14 types it).

Union branch indexes are written to one raw output per union and turned into masks, indexes
and tags by ``finish`` afterwards, which also checks string lengths and enum symbols; an
invalid branch index of a general union stops the program with ``halt`` (HALT_REASONS).
"""

from __future__ import annotations

import numpy as np

from awkward._connect.avro import finish

FUNCTION = "ak.from_avro_file"

HALT_REASONS = {
    2: "a union branch index out of range",
    4: "a block count too large for an array or map of empty values",
    5: "a data block's size does not match its records",
}
# values that take no bytes (null, empty records) are counted: a corrupted count must not make
# the program loop for ages or fill memory, so counts above this are errors for them
MAX_EMPTY_VALUES = 1 << 32

PRIMITIVES = {
    # Avro type: (numpy dtype, Forth read word)
    "boolean": ("bool", "?->"),
    "int": ("int32", "zigzag->"),
    "long": ("int64", "zigzag->"),
    "float": ("float32", "f->"),
    "double": ("float64", "d->"),
}
NAMED_KINDS = ("record", "enum", "fixed")


class UnsupportedSchema(ValueError):
    pass


class _Program:
    """What the walk over the schema collects: outputs, start-up code, buffers that come from
    the schema itself (enum symbols) and the steps that finish the raw outputs."""

    def __init__(self, names):
        self.names = names
        self.outputs = []
        self.init = []
        self.constants = {}
        self.steps = []
        self.expanding = []
        self.count = 0

    def key(self):
        self.count += 1
        return f"node{self.count - 1}"

    def output(self, key, attribute, dtype):
        name = f"{key}-{attribute}"
        self.outputs.append((name, dtype))
        return name

    def offsets(self, key):
        name = self.output(key, "offsets", "int64")
        self.init.append(f"0 {name} <- stack")
        return name


def _fullname(name, namespace):
    if "." in name or not namespace:
        return name
    return f"{namespace}.{name}"


def _kind(schema):
    """The Avro type name of a schema (a name string, a union list or a dict)."""
    if isinstance(schema, list):
        return "union"
    if isinstance(schema, str):
        return schema
    if isinstance(schema, dict):
        kind = schema.get("type")
        if isinstance(kind, (dict, list)):
            return _kind(kind)
        return kind
    raise UnsupportedSchema(f"{FUNCTION}: unsupported Avro schema {schema!r}")


def _resolve(schema, namespace, names):
    """(the schema a type name refers to, its namespace); others unchanged."""
    while True:
        if isinstance(schema, dict) and isinstance(schema.get("type"), (dict, list)):
            schema = schema["type"]
        elif isinstance(schema, dict) and schema.get("type") in names:
            schema = schema["type"]
        elif (
            isinstance(schema, str)
            and schema not in PRIMITIVES
            and schema not in ("null", "string", "bytes")
        ):
            for candidate in (_fullname(schema, namespace), schema):
                if candidate in names:
                    schema = names[candidate]
                    break
            else:
                raise UnsupportedSchema(f"{FUNCTION}: unsupported or unknown Avro type {schema!r}")
            namespace = schema.get("namespace") or namespace
        else:
            return schema, namespace


def _string_form(key, data_key, parameter):
    return {
        "class": "ListOffsetArray",
        "offsets": "i64",
        "content": {
            "class": "NumpyArray",
            "primitive": "uint8",
            "parameters": {"__array__": "char" if parameter == "string" else "byte"},
            "form_key": data_key,
        },
        "parameters": {"__array__": parameter},
        "form_key": key,
    }


def _read_string(program, parameter):
    key, data_key = program.key(), program.key()
    offsets = program.offsets(key)
    data = program.output(data_key, "data", "uint8")
    program.steps.append(finish.increasing_offsets(offsets))
    code = [f"stream zigzag-> stack dup {offsets} +<- stack stream #B-> {data}"]
    return _string_form(key, data_key, parameter), code


def _symbols(program, symbols):
    """A string node holding the enum's symbols (buffers from the schema, not the stream)."""
    key, data_key = program.key(), program.key()
    encoded = [s.encode("utf-8") for s in symbols]
    offsets = np.cumsum([0] + [len(s) for s in encoded], dtype=np.int64)
    offsets.flags.writeable = False  # shared by every array read with this schema
    program.constants[f"{key}-offsets"] = offsets
    program.constants[f"{data_key}-data"] = np.frombuffer(b"".join(encoded), np.uint8)
    return _string_form(key, data_key, "string")


def _categorical(program, cls, key, symbols):
    """An enum as 2.14 reads it: an index (``cls``) over the symbols, categorical."""
    content = _symbols(program, symbols)
    parameters = {"__array__": "categorical"}
    return {
        "class": cls,
        "index": "i64",
        "content": content,
        "parameters": parameters,
        "form_key": key,
    }


def _enum_symbols(schema):
    symbols = schema.get("symbols")
    if not isinstance(symbols, list) or not all(isinstance(s, str) for s in symbols):
        raise UnsupportedSchema(f"{FUNCTION}: an Avro enum needs a list of string 'symbols'")
    return symbols


def _register(schema, namespace, names):
    name = schema.get("name")
    if not isinstance(name, str):
        raise UnsupportedSchema(f"{FUNCTION}: an Avro {schema['type']} without a 'name'")
    namespace = schema.get("namespace", namespace) if "." not in name else name.rsplit(".", 1)[0]
    names[_fullname(name, namespace)] = schema
    names.setdefault(name, schema)
    return namespace


def node(schema, namespace, program):
    """(form dict, Forth lines) reading one value of ``schema``."""
    schema, namespace = _resolve(schema, namespace, program.names)
    kind = _kind(schema)
    if kind in NAMED_KINDS:
        if any(s is schema for s in program.expanding):
            raise UnsupportedSchema(
                f"{FUNCTION}: unsupported Avro schema: the recursive type {schema.get('name')!r} "
                "has no fixed Awkward form"
            )
        namespace = _register(schema, namespace, program.names)
    if kind in PRIMITIVES:
        dtype, word = PRIMITIVES[kind]
        key = program.key()
        data = program.output(key, "data", dtype)
        return {"class": "NumpyArray", "primitive": dtype, "form_key": key}, [
            f"stream {word} {data}"
        ]
    if kind == "null":
        key = program.key()
        index = program.output(key, "index", "int64")
        form = {
            "class": "IndexedOptionArray",
            "index": "i64",
            "content": {"class": "EmptyArray"},
            "form_key": key,
        }
        return form, [f"-1 {index} <- stack"]
    if kind in ("string", "bytes"):
        return _read_string(program, "string" if kind == "string" else "bytestring")
    if kind == "fixed":
        size = schema.get("size")
        if not isinstance(size, int) or size < 0:
            raise UnsupportedSchema(f"{FUNCTION}: an Avro fixed type needs a non-negative 'size'")
        key, data_key = program.key(), program.key()
        data = program.output(data_key, "data", "uint8")
        form = {
            "class": "RegularArray",
            "size": size,
            "content": {
                "class": "NumpyArray",
                "primitive": "uint8",
                "parameters": {"__array__": "byte"},
                "form_key": data_key,
            },
            "parameters": {"__array__": "bytestring"},
            "form_key": key,
        }
        return form, [f"{size} stream #B-> {data}"]
    if kind == "enum":
        symbols = _enum_symbols(schema)
        key = program.key()
        index = program.output(key, "index", "int64")
        form = _categorical(program, "IndexedArray", key, symbols)
        program.steps.append(finish.enum_range(index, len(symbols)))
        return form, [f"stream zigzag-> {index}"]
    if kind == "array":
        if "items" not in schema:
            raise UnsupportedSchema(f"{FUNCTION}: an Avro array needs 'items'")
        return _list(
            program, lambda: node(schema["items"], namespace, program), schema["items"], namespace
        )
    if kind == "map":
        if "values" not in schema:
            raise UnsupportedSchema(f"{FUNCTION}: an Avro map needs 'values'")

        def entry():
            key_form, key_code = _read_string(program, "string")
            value_form, value_code = node(schema["values"], namespace, program)
            form = {
                "class": "RecordArray",
                "fields": ["key", "value"],
                "contents": [key_form, value_form],
            }
            return form, key_code + value_code

        return _list(program, entry, None, namespace)
    if kind == "record":
        fields = schema.get("fields")
        if not isinstance(fields, list):
            raise UnsupportedSchema(f"{FUNCTION}: an Avro record needs a list of 'fields'")
        program.expanding.append(schema)
        names, contents, code = [], [], []
        for field in fields:
            if not isinstance(field, dict) or "name" not in field or "type" not in field:
                raise UnsupportedSchema(
                    f"{FUNCTION}: an Avro record field needs a 'name' and a 'type': {field!r}"
                )
            form, lines = node(field["type"], namespace, program)
            names.append(field["name"])
            contents.append(form)
            code.extend(lines)
        program.expanding.pop()
        return {"class": "RecordArray", "fields": names, "contents": contents}, code
    if kind == "union":
        return _union(schema, namespace, program)
    raise UnsupportedSchema(f"{FUNCTION}: unsupported or unknown Avro type {kind!r}")


def _list(program, item, item_schema, namespace):
    """Avro's blocked lists (arrays, maps): counts until 0; a negative count is followed by the
    block's byte size. The running total stays on the stack under each block's count."""
    key = program.key()
    offsets = program.offsets(key)
    bulk = None
    if item_schema is not None:
        resolved, _ = _resolve(item_schema, namespace, program.names)
        if _kind(resolved) in PRIMITIVES:
            bulk = PRIMITIVES[_kind(resolved)]
    if bulk is not None:
        # a block of numbers is one counted read
        content_key = program.key()
        data = program.output(content_key, "data", bulk[0])
        content = {"class": "NumpyArray", "primitive": bulk[0], "form_key": content_key}
        body = [f"  stream #{bulk[1]} {data}"]
    else:
        content, lines = item()
        body = ["  0 do", *("    " + line for line in lines), "  loop"]
    guard = []
    if item_schema is not None and min_size(item_schema, namespace, program.names) == 0:
        guard = [f"  dup {MAX_EMPTY_VALUES} > if 4 halt then"]
    code = [
        "0 begin",
        "  stream zigzag-> stack dup while",
        "  dup 0 < if negate stream zigzag-> stack drop then",
        *guard,
        "  dup rot + swap",
        *body,
        f"repeat drop {offsets} +<- stack",
    ]
    return {"class": "ListOffsetArray", "offsets": "i64", "content": content, "form_key": key}, code


def min_size(schema, namespace, names, depth=0):
    """The fewest bytes a value of ``schema`` takes (0: it can take none)."""
    schema, namespace = _resolve(schema, namespace, names)
    kind = _kind(schema)
    if depth > 64 or kind == "null":
        return 0
    if kind in ("float", "double"):
        return 4 if kind == "float" else 8
    if kind == "fixed":
        return schema["size"]
    if kind == "record":
        return sum(min_size(f["type"], namespace, names, depth + 1) for f in schema["fields"])
    if kind == "union":
        return 1 + min(min_size(b, namespace, names, depth + 1) for b in schema)
    return 1


def _masked_by_bytes(kind):
    return kind in PRIMITIVES or kind in ("string", "bytes", "fixed")


def _dummy(form, kind):
    """Code writing a placeholder value under a ByteMaskedArray's masked-out entry."""
    if kind in PRIMITIVES:
        return f"0 {form['form_key']}-data <- stack"
    if kind in ("string", "bytes"):
        return f"0 {form['form_key']}-offsets +<- stack"
    return f"{form['size']} 0 do 0 {form['content']['form_key']}-data <- stack loop"


def _union(branches, namespace, program):
    kinds = [_kind(_resolve(b, namespace, program.names)[0]) for b in branches]
    nulls = [i for i, k in enumerate(kinds) if k == "null"]
    others = [i for i, k in enumerate(kinds) if k != "null"]
    if not branches:
        raise UnsupportedSchema(f"{FUNCTION}: unsupported Avro schema: an empty union")
    if len(nulls) > 1:
        raise UnsupportedSchema(f"{FUNCTION}: unsupported Avro schema: a union with 'null' twice")
    if len(branches) == 1:
        form, lines = node(branches[0], namespace, program)
        return form, ["stream zigzag-> stack if 2 halt then", *lines]
    if len(others) == 1:
        return _option(branches[others[0]], kinds[others[0]], others[0], namespace, program)
    return _general_union(branches, others, nulls, namespace, program)


def _option(branch, kind, tag, namespace, program):
    """["null", T] or [T, "null"]: the branch index goes to a raw output; finish makes the
    mask or index from it."""
    key = program.key()
    raw = program.output(key, "branch", "int64")
    on_null = []
    if _masked_by_bytes(kind):
        content, on_value = node(branch, namespace, program)
        form = {
            "class": "ByteMaskedArray",
            "mask": "i8",
            "valid_when": True,
            "content": content,
            "form_key": key,
        }
        on_null = [_dummy(content, kind)]
        program.steps.append(finish.byte_mask(raw, f"{key}-mask", tag))
    elif kind == "enum":
        # as 2.14: the option's index points into the symbols directly
        resolved, namespace = _resolve(branch, namespace, program.names)
        _register(resolved, namespace, program.names)
        symbols = _enum_symbols(resolved)
        read = program.output(key, "symbol", "int64")
        form = _categorical(program, "IndexedOptionArray", key, symbols)
        on_value = [f"stream zigzag-> {read}"]
        step = finish.option_index(raw, f"{key}-index", tag, symbols=(read, len(symbols)))
        program.steps.append(step)
    else:
        content, on_value = node(branch, namespace, program)
        form = {"class": "IndexedOptionArray", "index": "i64", "content": content, "form_key": key}
        program.steps.append(finish.option_index(raw, f"{key}-index", tag))
    # 'if' takes branch index 1
    taken, other = (on_value, on_null) if tag == 1 else (on_null, on_value)
    code = [f"stream zigzag-> stack dup {raw} <- stack if", *("  " + line for line in taken)]
    if other:
        code += ["else", *("  " + line for line in other)]
    return form, [*code, "then"]


def _general_union(branches, others, nulls, namespace, program):
    key = program.key()
    raw = program.output(key, "branch", "int64")
    contents, code = [], [f"stream zigzag-> stack dup {raw} <- stack case"]
    for position, branch in enumerate(others):
        content, lines = node(branches[branch], namespace, program)
        if nulls and position == 0:
            # as 2.14: null goes to the first branch, an option; the others are unmasked
            content = {
                "class": "IndexedOptionArray",
                "index": "i64",
                "content": content,
                "form_key": program.key(),
            }
        elif nulls:
            content = {"class": "UnmaskedArray", "content": content}
        contents.append(content)
        code += [f"  {branch} of", *("    " + line for line in lines), "  endof"]
    if nulls:
        code += [f"  {nulls[0]} of endof"]
    code += ["  2 halt", "endcase"]
    positions = [others.index(b) if b in others else 0 for b in range(len(branches))]
    option = (f"{contents[0]['form_key']}-index", nulls[0]) if nulls else None
    program.steps.append(finish.union(raw, f"{key}-tags", f"{key}-index", positions, option))
    form = {
        "class": "UnionArray",
        "tags": "i8",
        "index": "i64",
        "contents": contents,
        "form_key": key,
    }
    return form, code


def translate(schema):
    """(Forth source, form dict, constant buffers, finishing steps, fewest bytes of a record)
    for files of this schema."""
    program = _Program({})
    form, code = node(schema, None, program)
    lines = ["input stream", "input blocks"]
    lines += [f"output {name} {dtype}" for name, dtype in program.outputs]
    lines += program.init
    lines += [
        "0 do",
        "  blocks q-> stack stream seek",
        "  blocks q-> stack 0 do",
        *("    " + line for line in code),
        "  loop",
        "  blocks q-> stack dup 0 < if drop else stream pos <> if 5 halt then then",
        "loop",
    ]
    smallest = min_size(schema, None, program.names)
    return "\n".join(lines) + "\n", form, program.constants, program.steps, smallest
