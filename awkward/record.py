"""Record: one element of a RecordArray (the layout-level scalar record)."""

from __future__ import annotations

from awkward._util import UNSET


class Record:
    """Element ``at`` of the RecordArray ``array``; fields read ``array.content(f)[at]``."""

    __slots__ = ("_array", "_at")

    def __init__(self, array, at):
        from awkward.contents.recordarray import RecordArray

        if not isinstance(array, RecordArray):
            raise TypeError(f"Record 'array' must be a RecordArray, not {type(array).__name__}")
        try:
            at = at.__index__()
        except (AttributeError, TypeError):
            raise TypeError(f"Record 'at' must be an integer, not {type(at).__name__}") from None
        length = array.length
        if at < 0 or (isinstance(length, int) and at >= length):
            raise ValueError(f"Record 'at' must be >= 0 and < len(array) ({length}), not {at}")
        self._array = array
        self._at = at

    @property
    def array(self):
        return self._array

    @property
    def at(self) -> int:
        return self._at

    @property
    def backend(self):
        return self._array.backend

    @property
    def fields(self) -> list:
        return self._array.fields

    @property
    def is_tuple(self) -> bool:
        return self._array.is_tuple

    @property
    def parameters(self) -> dict:
        return self._array.parameters

    def parameter(self, key):
        return self._array.parameter(key)

    def purelist_parameter(self, key):
        return self._array.purelist_parameter(key)

    def purelist_parameters(self, *keys):
        return self._array.purelist_parameters(*keys)

    @property
    def contents(self) -> list:
        return [content._getitem_at(self._at) for content in self._array.contents]

    def content(self, index_or_field):
        return self._array.content(index_or_field)._getitem_at(self._at)

    def __getitem__(self, where):
        if isinstance(where, str):
            return self.content(where)
        if isinstance(where, list) and where and all(isinstance(x, str) for x in where):
            return Record(self._array._getitem_fields(where), self._at)
        # tuples starting with a field name, and the refusals: the slicing layer (registered)
        from awkward.contents.content import getitem_hook

        getitem = getitem_hook()
        if getitem is None:
            raise TypeError(f"a layout Record takes a field name or a list of field names, not {where!r}")
        return getitem(self, where)

    def copy(self, array=UNSET, at=UNSET):
        return Record(self._array if array is UNSET else array, self._at if at is UNSET else at)

    def to_tuple(self) -> Record:
        return Record(self._array.to_tuple(), self._at)

    def to_list(self, behavior=None):
        return self._array._getitem_range(self._at, self._at + 1)._to_list(behavior)[0]

    def to_packed(self, recursive: bool = True) -> Record:
        return Record(self._array._getitem_range(self._at, self._at + 1).to_packed(recursive), 0)

    def to_backend(self, backend=None) -> Record:
        return Record(self._array.to_backend(backend), self._at)

    def materialize(self) -> Record:
        return Record(self._array.materialize(), self._at)

    @property
    def is_all_materialized(self) -> bool:
        return self._array.is_all_materialized

    @property
    def is_any_materialized(self) -> bool:
        return self._array.is_any_materialized

    def validity_error(self, path: str = "layout.array") -> str:
        return self._array.validity_error(path)

    def __repr__(self) -> str:
        return self._repr("", "", "")

    def _repr(self, indent: str, pre: str, post: str) -> str:
        inner = self._array._repr(indent + "    ", "<array>", "</array>\n")
        return f"{indent}{pre}<Record at={str(self._at)!r}>\n{inner}{indent}</Record>{post}"
