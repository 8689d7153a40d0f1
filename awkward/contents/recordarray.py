"""RecordArray: records (named fields) or tuples (positional fields) of equal-length contents."""

from __future__ import annotations

from collections.abc import Iterable

from awkward._backends.dispatch import common_backend, regularize_backend
from awkward._nplikes.shape import unknown_length
from awkward._util import UNSET
from awkward.contents.content import Content, FormClass, length_of
from awkward.errors import FieldNotFoundError

# ---------------------------------------------------------------------- to_list rows
# A dict display {k0: a0, k1: a1} builds a row about 3x faster than dict(zip(fields, row)).
# The generated code names only positions (k0.., a0..); the field names are closure values.
_ROW_BUILDER_MAX_FIELDS = 32
_ROW_BUILDERS: dict = {}


def _row_builder(n: int):
    """``f(k0, ..., k{n-1})`` -> ``g(columns)``: the rows of n equally long columns as dicts
    with keys k0 ... (a repeated key keeps its last value, as dict(zip(...)) does)."""
    builder = _ROW_BUILDERS.get(n)
    if builder is None:
        keys = ", ".join(f"k{i}" for i in range(n))
        values = ", ".join(f"a{i}" for i in range(n))
        items = ", ".join(f"k{i}: a{i}" for i in range(n))
        source = f"lambda {keys}: lambda columns: [{{{items}}} for {values}, in zip(*columns)]"
        builder = _ROW_BUILDERS[n] = eval(source, {"zip": zip})  # noqa: S307 (fixed text)
    return builder


_RECORD_CLASS: list = []  # [awkward.record.Record], imported on first use (it imports us)


def _load_record_class():
    from awkward.record import Record

    _RECORD_CLASS.append(Record)
    return Record


class RecordArray(Content):
    """Struct of arrays: element ``i`` is ``{field: content[i] for each field}``.

    ``fields=None`` makes a tuple (fields are "0", "1", ...). ``length`` defaults to the
    shortest content's length and is required when there are no contents."""

    __slots__ = ("_contents", "_fields", "_length", "_length_generator")

    is_record = True
    form_cls = FormClass("RecordForm")

    def __init__(
        self,
        contents,
        fields,
        length=None,
        length_generator=None,
        *,
        parameters=None,
        backend=None,
    ):
        # (type checks before the isinstance(..., Iterable) ones: an ABC check costs more)
        if type(contents) is not list and type(contents) is not tuple and (
            isinstance(contents, Content) or not isinstance(contents, Iterable)
        ):
            raise TypeError(
                f"RecordArray 'contents' must be an iterable of Contents, not {type(contents).__name__}"
            )
        contents = list(contents)
        for i, content in enumerate(contents):
            if not isinstance(content, Content):
                self._check_content(content, "RecordArray", f"contents[{i}]")
        if fields is not None:
            if type(fields) is not list and (isinstance(fields, str) or not isinstance(fields, Iterable)):
                raise TypeError(
                    f"RecordArray 'fields' must be None (tuple) or an iterable of str, not {fields!r}"
                )
            fields = list(fields)
            for field in fields:
                if not isinstance(field, str):
                    raise TypeError(f"RecordArray field names must be str, not {field!r}")
            if len(fields) != len(contents):
                raise ValueError(
                    f"RecordArray len(contents) ({len(contents)}) must be equal to "
                    f"len(fields) ({len(fields)})"
                )
        if length_generator is not None and not callable(length_generator):
            raise TypeError("RecordArray 'length_generator' must be callable or None")
        if length is None:
            if not contents:
                raise TypeError("RecordArray with no contents needs an explicit 'length'")
            lengths = [c.length for c in contents]
            if any(n is unknown_length for n in lengths):
                length = unknown_length
            else:
                length = min(lengths)
        elif length is not unknown_length:
            try:
                length = length.__index__()
            except (AttributeError, TypeError):
                raise TypeError(
                    f"RecordArray 'length' must be a non-negative int, None or unknown_length, "
                    f"not {type(length).__name__}"
                ) from None
            if length < 0:
                raise ValueError(f"RecordArray 'length' must be non-negative, not {length}")
            for i, content in enumerate(contents):
                n = content.length
                if n is not unknown_length and n < length:
                    name = f"field {fields[i]!r}" if fields is not None else f"contents[{i}]"
                    raise ValueError(
                        f"RecordArray {name} has length {n}, shorter than the record "
                        f"length {length}"
                    )
        if contents:
            found = contents[0]._backend
            if any(c._backend is not found for c in contents):
                found = common_backend([c.backend for c in contents])
            if backend is not None and backend is not found and regularize_backend(backend) is not found:
                raise TypeError(
                    f"RecordArray backend {backend!r} differs from its contents' ({found.name!r})"
                )
            backend = found
        else:
            backend = regularize_backend("cpu" if backend is None else backend)
        self._contents = contents
        self._fields = fields
        self._length = length
        self._length_generator = length_generator
        self._init(parameters, backend)

    @classmethod
    def simplified(
        cls, contents, fields, length=None, length_generator=None, *, parameters=None, backend=None
    ):
        return cls(contents, fields, length, length_generator, parameters=parameters, backend=backend)

    def copy(
        self,
        contents=UNSET,
        fields=UNSET,
        length=UNSET,
        length_generator=UNSET,
        *,
        parameters=UNSET,
        backend=UNSET,
    ):
        return RecordArray(
            self._contents if contents is UNSET else contents,
            self._fields if fields is UNSET else fields,
            self._length if length is UNSET else length,
            self._length_generator if length_generator is UNSET else length_generator,
            parameters=self._parameters if parameters is UNSET else parameters,
            backend=self._backend if backend is UNSET else backend,
        )

    @classmethod
    def _from_checked(cls, contents, fields, length, length_generator, parameters, backend):
        """For callers that built the contents themselves (ak.from_buffers): a list of
        Contents on ``backend``, each at least ``length`` long (int or unknown_length),
        ``fields`` None or a list of str of the same size."""
        out = cls.__new__(cls)
        out._contents = contents
        out._fields = fields
        out._length = length
        out._length_generator = length_generator
        out._init(parameters, backend)
        return out

    def _new(self, contents, fields, length, parameters, length_generator=None) -> RecordArray:
        """Construct without validation; callers keeping this node's (unknown) length pass
        its ``_length_generator`` so the derived node can still resolve it."""
        out = RecordArray.__new__(RecordArray)
        out._contents = contents
        out._fields = fields
        out._length = length
        out._length_generator = length_generator
        out._parameters = parameters
        out._backend = self._backend
        out._form_cache = None
        return out

    # ------------------------------------------------------------------ properties
    @property
    def contents(self) -> list:
        return self._contents

    @property
    def fields(self) -> list:
        if self._fields is None:
            return [str(i) for i in range(len(self._contents))]
        return list(self._fields)

    @property
    def is_tuple(self) -> bool:
        return self._fields is None

    @property
    def length(self):
        return self._length

    def _resolve_length(self) -> int:
        if self._length_generator is not None:
            return int(self._length_generator())
        if not self._contents:
            raise TypeError("the length of this RecordArray is unknown")
        return min(len(c) for c in self._contents)

    def field_to_index(self, field) -> int:
        """Position of a field name (tuples: "0", "1", ...); FieldNotFoundError if absent."""
        if self._fields is not None:
            if field in self._fields:
                return self._fields.index(field)
        elif isinstance(field, str) and field.isdigit() and int(field) < len(self._contents):
            return int(field)
        raise FieldNotFoundError(f"no field {field!r} in record with fields {self.fields!r}")

    def has_field(self, field: str) -> bool:
        try:
            self.field_to_index(field)
        except IndexError:
            return False
        return True

    def content(self, index_or_field):
        """The full content for a field name or position (not trimmed to this length)."""
        if isinstance(index_or_field, str):
            return self._contents[self.field_to_index(index_or_field)]
        return self._contents[index_or_field]

    def maybe_content(self, index_or_field):
        """The content trimmed to this array's length."""
        content = self.content(index_or_field)
        return self._trimmed(content)

    def _trimmed(self, content):
        length = self._length
        n = content.length
        if length is unknown_length or n is unknown_length or n == length:
            return content
        return content._getitem_range(0, length)

    def _buffers_by_attribute(self) -> dict:
        return {}

    def _build_form(self, getkey):
        key = self._key_of(self, getkey)
        return self.form_cls(
            [c._form_with_key(getkey) for c in self._contents],
            None if self._fields is None else list(self._fields),
            parameters=self._parameters,
            form_key=key,
        )

    def _is_equal_to_attributes(self, other) -> bool:
        return self._fields == other._fields

    def _after_materialize(self):
        if self._length is unknown_length:
            self._length = self._resolve_length()
        self._length_generator = None
        return self

    # ------------------------------------------------------------------ conversions
    def to_tuple(self) -> RecordArray:
        return self._new(
            self._contents, None, self._length, self._parameters, self._length_generator
        )

    # ------------------------------------------------------------------ element access
    def _getitem_at(self, where: int):
        record_cls = _RECORD_CLASS[0] if _RECORD_CLASS else _load_record_class()
        # at is normalized and in range: the checks of Record.__init__ are already met
        out = record_cls.__new__(record_cls)
        out._array = self
        out._at = self._normalize_at(where)
        return out

    def _getitem_range(self, start: int, stop: int) -> Content:
        # each content is sliced lazily (basic slices of its buffers)
        return self._new(
            [c._getitem_range(start, stop) for c in self._contents],
            self._fields,
            stop - start,
            self._parameters,
        )

    def _getitem_field(self, where: str) -> Content:
        return self._trimmed(self.content(where))

    def _getitem_fields(self, where: list) -> Content:
        indexes = [self.field_to_index(w) for w in where]
        return self._new(
            [self._contents[i] for i in indexes],
            None if self._fields is None else [self._fields[i] for i in indexes],
            self._length,
            None,
            self._length_generator,
        )

    def _carry(self, carry, allow_lazy: bool) -> Content:
        if allow_lazy:
            try:
                from awkward.contents.indexedarray import IndexedArray
            except ImportError:
                IndexedArray = None
            if IndexedArray is not None:
                return IndexedArray(carry, self)
        length = carry.length
        if length is unknown_length and carry.nplike.known_data:
            length = len(carry.data)  # (a tracer's carry keeps its unknown length)
        return self._new(
            [c._carry(carry, allow_lazy) for c in self._contents],
            self._fields,
            length,
            self._parameters,
        )

    # ------------------------------------------------------------------ whole-array operations
    def _to_list(self, behavior) -> list:
        length = len(self)
        columns = [self._trimmed_to(c, length)._to_list(behavior) for c in self._contents]
        # every column holds exactly ``length`` items: zip(*columns) gives the rows
        if not columns:
            return [() for _ in range(length)] if self._fields is None else [{} for _ in range(length)]
        if self._fields is None:
            return list(zip(*columns))
        fields = self._fields
        if len(fields) > _ROW_BUILDER_MAX_FIELDS:
            return [dict(zip(fields, row)) for row in zip(*columns)]
        return _row_builder(len(fields))(*fields)(columns)

    @staticmethod
    def _trimmed_to(content, length):
        n = length_of(content)
        if n is unknown_length or length is unknown_length:
            return content._getitem_range(0, length)
        return content if n == length else content._getitem_range(0, length)

    def _validity_error(self, path: str) -> str:
        length = len(self)
        for i, content in enumerate(self._contents):
            if len(content) < length:
                return self._validity_message(
                    path, f"len(field({i})) ({len(content)}) < len(recordarray) ({length})"
                )
        for i, content in enumerate(self._contents):
            error = content._validity_error(f"{path}.field({i})")
            if error:
                return error
        return ""

    def _to_packed(self, recursive: bool) -> Content:
        length = length_of(self)
        contents = [self._trimmed_to(c, length) for c in self._contents]
        if recursive:
            contents = [c._to_packed(True) for c in contents]
        return self._new(contents, self._fields, length, self._parameters)

    def _repr(self, indent: str, pre: str, post: str) -> str:
        kind = "is_tuple='true' " if self._fields is None else ""
        out = [f"{indent}{pre}<RecordArray {kind}len={self._repr_length()!r}>\n"]
        out.append(self._repr_parameters(indent))
        for i, content in enumerate(self._contents):
            if self._fields is None:
                tag = f"<content index='{i}'>"
            else:
                tag = f"<content index='{i}' field={self._fields[i]!r}>"
            out.append(f"{indent}    {tag}\n")
            out.append(content._repr(indent + "        ", "", "\n"))
            out.append(f"{indent}    </content>\n")
        out.append(f"{indent}</RecordArray>{post}")
        return "".join(out)
