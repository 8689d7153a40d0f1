"""Parse the datashape notation that types print (``3 * var * {x: ?int64}``) back into types.

A hand-written recursive-descent parser over the raw string (no tokenizer pass):
each ``_parse_*`` method reads one construct starting at ``self.pos`` and leaves
``self.pos`` just after it. JSON values (``parameters={...}``, quoted field names)
are read with the standard library's JSON decoder. Errors are ValueErrors that
name the position, what was expected and what was found.

Grammar (whitespace, including newlines, is allowed between all tokens)::

    type   := "?" type | size "*" type | "var" "*" type
            | "[" ("var" | size) "*" type "," params "]"
            | "{" [field ":" type ("," field ":" type)*] "}"
            | "(" [type ("," type)*] ")"
            | "struct[{" ... "}" ["," params] "]" | "tuple[[" ... "]" ["," params] "]"
            | NAME "[" items ["," params] "]"                         (named record)
            | "option[" type ["," params] "]" | "union[" [types] ["," params] "]"
            | "categorical[type=" type "]"
            | "string" ["[" size "]"] | "bytes" ["[" size "]"] | "char" | "byte"
            | "unknown" | primitive ["[" unit "]"] ["[" [unit=STR ","] params "]"]
    size   := INT | "##"
    params := "parameters=" JSON-object
    field  := NAME | JSON-string
"""

from __future__ import annotations

import json
import re

from awkward.types import _shape
from awkward.types.arraytype import ArrayType
from awkward.types.listtype import ListType
from awkward.types.numpytype import NumpyType, is_primitive
from awkward.types.optiontype import OptionType
from awkward.types.recordtype import RecordType
from awkward.types.regulartype import RegularType
from awkward.types.scalartype import ScalarType
from awkward.types.type import Type
from awkward.types.uniontype import UnionType
from awkward.types.unknowntype import UnknownType

__all__ = ["from_datashape"]

_NAME = re.compile(r"[A-Za-z_][A-Za-z_0-9]*")
_INT = re.compile(r"[0-9]+")
_UNIT = re.compile(r"[0-9]*[A-Za-z]+")
_WHITESPACE = re.compile(r"\s*")
_JSON = json.JSONDecoder()

_CHAR = {"__array__": "char"}
_BYTE = {"__array__": "byte"}
_STRING = {"__array__": "string"}
_BYTESTRING = {"__array__": "bytestring"}


def from_datashape(datashape: str, highlevel: bool = True):
    """Parse a type string such as ``"3 * var * {x: float64, y: ?int64}"``.

    With ``highlevel=True`` a leading ``N *`` makes an ArrayType of length N and a
    bare record or tuple makes a ScalarType; other types raise ValueError. With
    ``highlevel=False`` the result is a low-level Type (``N *`` means RegularType).
    """
    if not isinstance(datashape, str):
        raise TypeError(f"datashape must be a str, not {type(datashape).__name__}")
    parser = _Parser(datashape)
    if highlevel:
        parser.skip_ws()
        if parser.at_size():
            length = parser.parse_size()
            parser.expect("*")
            content = parser.parse_type()
            parser.expect_end()
            return ArrayType(content, length)
        result = parser.parse_type()
        parser.expect_end()
        if isinstance(result, RecordType):
            return ScalarType(result)
        raise ValueError(
            f"type {type(result).__name__!r} is not compatible with highlevel=True "
            f"(expected 'N * ...' for an array or a record/tuple for a scalar): {datashape!r}"
        )
    result = parser.parse_type()
    parser.expect_end()
    return result


class _Parser:
    __slots__ = ("text", "pos")

    def __init__(self, text: str):
        self.text = text
        self.pos = 0

    # ---- low-level scanning -------------------------------------------------------

    def skip_ws(self) -> None:
        self.pos = _WHITESPACE.match(self.text, self.pos).end()

    def fail(self, expected: str, pos: int | None = None, problem: str | None = None):
        pos = self.pos if pos is None else pos
        text = self.text
        if pos >= len(text):
            found = "end of input"
        else:
            snippet = text[pos : pos + 12]
            found = repr(snippet + ("..." if pos + 12 < len(text) else ""))
        line = text.count("\n", 0, pos) + 1
        line_start = text.rfind("\n", 0, pos) + 1
        line_end = text.find("\n", pos)
        line_text = text[line_start : len(text) if line_end < 0 else line_end]
        column = pos - line_start
        if problem is None:
            problem = f"expected {expected}, found {found}"
        raise ValueError(
            f"malformed datashape at position {pos} (line {line}, column {column + 1}): "
            f"{problem}\n    {line_text}\n    {' ' * column}^"
        )

    def peek(self, literal: str) -> bool:
        self.skip_ws()
        return self.text.startswith(literal, self.pos)

    def accept(self, literal: str) -> bool:
        if self.peek(literal):
            self.pos += len(literal)
            return True
        return False

    def expect(self, literal: str, expected: str | None = None) -> None:
        if not self.accept(literal):
            self.fail(expected or repr(literal))

    def expect_end(self) -> None:
        self.skip_ws()
        if self.pos != len(self.text):
            self.fail("end of input")

    def peek_name(self) -> str | None:
        self.skip_ws()
        match = _NAME.match(self.text, self.pos)
        return match.group() if match else None

    def accept_word(self, word: str) -> bool:
        if self.peek_name() == word:
            self.pos += len(word)
            return True
        return False

    def lookahead(self, *steps: str) -> bool:
        """True if the next tokens are `steps` ("NAME", "KEY", or literals); consumes nothing."""
        saved = self.pos
        try:
            for step in steps:
                if step == "NAME":
                    name = self.peek_name()
                    if name is None:
                        return False
                    self.pos += len(name)
                elif step == "KEY":
                    if not self._skip_key():
                        return False
                elif step == "SIZE":
                    if not self.at_size():
                        return False
                    self.pos = _INT.match(self.text, self.pos).end() if not self.peek("##") else self.pos + 2
                elif not self.accept(step):
                    return False
            return True
        finally:
            self.pos = saved

    def _skip_key(self) -> bool:
        name = self.peek_name()
        if name is not None:
            self.pos += len(name)
            return True
        if self.peek('"'):
            try:
                _, self.pos = _JSON.raw_decode(self.text, self.pos)
            except ValueError:
                return False
            return True
        return False

    # ---- pieces -------------------------------------------------------------------

    def at_size(self) -> bool:
        self.skip_ws()
        return self.text.startswith("##", self.pos) or bool(_INT.match(self.text, self.pos))

    def parse_size(self):
        self.skip_ws()
        if self.text.startswith("##", self.pos):
            if _shape.unknown_length is None:
                self.fail("a known size ('##' needs awkward._nplikes.shape.unknown_length)")
            self.pos += 2
            return _shape.unknown_length
        match = _INT.match(self.text, self.pos)
        if match is None:
            self.fail("a size (non-negative integer or '##')")
        self.pos = match.end()
        return int(match.group())

    def parse_json(self, expected: str = "a JSON value"):
        self.skip_ws()
        start = self.pos
        try:
            value, self.pos = _JSON.raw_decode(self.text, self.pos)
        except ValueError:
            self.fail(expected)
        return value, start

    def parse_key(self) -> str:
        name = self.peek_name()
        if name is not None:
            self.pos += len(name)
            return name
        if self.peek('"'):
            value, _ = self.parse_json("a field name")
            return value
        self.fail("a field name (identifier or JSON string)")

    def parse_parameters(self) -> dict:
        """``parameters=`` JSON-object (the word already peeked)."""
        self.expect("parameters")
        self.expect("=")
        value, start = self.parse_json("a JSON object of parameters")
        if not isinstance(value, dict):
            self.fail("a JSON object of parameters", start)
        return value

    def at_parameters(self) -> bool:
        return self.lookahead("parameters", "=")

    def build(self, start: int, make, *args, **kwargs) -> Type:
        # A constructor's complaint (bad primitive, bad parameters) becomes a parse error.
        try:
            return make(*args, **kwargs)
        except (TypeError, ValueError) as err:
            self.fail("a valid type", start, problem=f"invalid type: {err}")

    # ---- types --------------------------------------------------------------------

    def parse_type(self) -> Type:
        self.skip_ws()
        start = self.pos
        if start >= len(self.text):
            self.fail("a type")
        char = self.text[start]
        if char == "?":
            self.pos += 1
            return OptionType(self.parse_type())
        if self.at_size():
            size = self.parse_size()
            self.expect("*")
            return RegularType(self.parse_type(), size)
        if char == "{":
            self.pos += 1
            contents, fields, _ = self.parse_items("}", fields=True, allow_parameters=False)
            return RecordType(contents, fields)
        if char == "(":
            self.pos += 1
            contents, _, _ = self.parse_items(")", fields=False, allow_parameters=False)
            return RecordType(contents, None)
        if char == "[":
            self.pos += 1
            return self.parse_list_with_parameters(start)
        name = self.peek_name()
        if name is None:
            self.fail("a type")
        self.pos += len(name)
        return self.parse_named(name, start)

    def parse_list_with_parameters(self, start: int) -> Type:
        if self.accept_word("var"):
            size = None
        elif self.at_size():
            size = self.parse_size()
        else:
            self.fail("'var' or a size")
        self.expect("*")
        content = self.parse_type()
        self.expect(",", "',' then parameters=")
        parameters = self.parse_parameters()
        self.expect("]")
        if size is None:
            return self.build(start, ListType, content, parameters=parameters)
        return self.build(start, RegularType, content, size, parameters=parameters)

    def parse_items(self, close: str, *, fields: bool | None, allow_parameters: bool):
        """Items up to `close`: types, or ``key: type`` pairs when `fields` (None: detect).

        Returns (contents, fields or None, parameters or None)."""
        contents: list[Type] = []
        keys: list[str] = []
        parameters = None
        if self.accept(close):
            return contents, (keys if fields else None), parameters
        if fields is None:
            fields = self.lookahead("KEY", ":")
        if allow_parameters and self.accept(","):
            # "union[, parameters={...}]": no items, only parameters.
            parameters = self.parse_parameters()
            self.expect(close)
            return contents, (keys if fields else None), parameters
        while True:
            if allow_parameters and self.at_parameters():
                parameters = self.parse_parameters()
                self.expect(close)
                break
            if fields:
                keys.append(self.parse_key())
                self.expect(":")
            contents.append(self.parse_type())
            if self.accept(close):
                break
            self.expect(",", f"',' or {close!r}")
        return contents, (keys if fields else None), parameters

    def parse_named(self, name: str, start: int) -> Type:
        bracket = self.peek("[")
        if bracket and self.lookahead("[", "KEY", ":"):
            # "NAME[field: ...": a named record, whatever the name (even "option").
            return self.parse_named_record(name, start)
        if name == "var":
            self.expect("*")
            return ListType(self.parse_type())
        if name in ("string", "bytes"):
            content = NumpyType("uint8", parameters=_CHAR if name == "string" else _BYTE)
            parameters = _STRING if name == "string" else _BYTESTRING
            if self.lookahead("[", "SIZE", "]"):
                self.expect("[")
                size = self.parse_size()
                self.expect("]")
                return RegularType(content, size, parameters=parameters)
            if not bracket:
                return ListType(content, parameters=parameters)
        if name in ("char", "byte") and not bracket:
            return NumpyType("uint8", parameters=_CHAR if name == "char" else _BYTE)
        if name == "unknown":
            if bracket and self.lookahead("[", "parameters", "="):
                self.fail("", problem="'unknown' cannot have parameters")
            if not bracket:
                return UnknownType()
        if bracket and not self.lookahead("[", "KEY", ":"):
            if name == "option":
                self.expect("[")
                content = self.parse_type()
                parameters = self.parse_parameters() if self.accept(",") else None
                self.expect("]")
                return self.build(start, OptionType, content, parameters=parameters)
            if name == "union":
                self.expect("[")
                contents, _, parameters = self.parse_items("]", fields=False, allow_parameters=True)
                return self.build(start, UnionType, contents, parameters=parameters)
            if name == "categorical" and self.lookahead("[", "type", "="):
                self.expect("[")
                self.expect("type")
                self.expect("=")
                content = self.parse_type()
                self.expect("]")
                merged = {**content.parameters, "__categorical__": True}
                return self.build(start, content.copy, parameters=merged)
            if name == "struct" and self.lookahead("[", "{"):
                return self.parse_wrapped_record(start, "{", "}", fields=True)
            if name == "tuple" and self.lookahead("[", "["):
                return self.parse_wrapped_record(start, "[", "]", fields=False)
        if is_primitive(name) or name in ("datetime64", "timedelta64"):
            primitive = self.parse_primitive(name, start)
            if primitive is not None:
                return primitive
        if bracket:
            return self.parse_named_record(name, start)
        self.fail(f"a type ({name!r} is not a known type name or primitive)", start)

    def parse_named_record(self, name: str, start: int) -> Type:
        self.expect("[")
        contents, fields, parameters = self.parse_items("]", fields=None, allow_parameters=True)
        parameters = {"__record__": name, **(parameters or {})}
        return self.build(start, RecordType, contents, fields, parameters=parameters)

    def parse_wrapped_record(self, start: int, open_: str, close: str, *, fields: bool) -> Type:
        self.expect("[")
        self.expect(open_)
        contents, keys, _ = self.parse_items(close, fields=fields, allow_parameters=False)
        parameters = self.parse_parameters() if self.accept(",") else None
        self.expect("]")
        return self.build(start, RecordType, contents, keys, parameters=parameters)

    def parse_primitive(self, name: str, start: int) -> Type | None:
        """A primitive with its optional unit and options; None if what follows the
        name is a bracket that belongs to a record named like a primitive."""
        primitive = name
        if name in ("datetime64", "timedelta64") and self.peek("["):
            saved = self.pos
            self.expect("[")
            self.skip_ws()
            match = _UNIT.match(self.text, self.pos)
            if match is not None and match.group() not in ("parameters", "unit"):
                self.pos = match.end()
            if match is not None and self.pos == match.end() and self.accept("]"):
                primitive = f"{name}[{match.group()}]"
            else:
                self.pos = saved
        parameters = None
        if self.lookahead("[", "unit", "=") or self.lookahead("[", "parameters", "="):
            self.expect("[")
            parameters = {}
            if self.accept_word("unit"):
                self.expect("=")
                unit, unit_start = self.parse_json("a JSON string (the unit)")
                if not isinstance(unit, str):
                    self.fail("a JSON string (the unit)", unit_start)
                if self.accept(","):
                    parameters.update(self.parse_parameters())
                parameters["__unit__"] = unit
            else:
                parameters.update(self.parse_parameters())
            self.expect("]")
        elif primitive == name and self.peek("["):
            return None
        return self.build(start, NumpyType, primitive, parameters=parameters)
