"""RecordForm: the form of RecordArray (named fields, or a tuple when fields is None)."""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatchcase

from awkward._util import UNSET
from awkward.forms.form import Form, check_contents

__all__ = ["RecordForm"]


def _check_fields(owner: str, fields, count: int):
    if fields is None:
        return None
    if isinstance(fields, (str, bytes)) or not isinstance(fields, Iterable):
        raise TypeError(f"{owner} 'fields' must be a list of str or None, not {fields!r}")
    out = list(fields)
    for field in out:
        if not isinstance(field, str):
            raise TypeError(f"{owner} 'fields' must all be str, not {field!r}")
    if len(out) != count:
        raise ValueError(
            f"{owner} has {count} contents but {len(out)} fields: "
            f"'fields' must be None (tuple) or have one name per content"
        )
    return out


class RecordForm(Form):
    __slots__ = ("_contents", "_fields")

    _layout_class = "RecordArray"
    is_record = True

    def __init__(self, contents, fields, *, parameters=None, form_key=None):
        name = type(self).__name__
        self._contents = check_contents(name, contents)
        self._fields = _check_fields(name, fields, len(self._contents))
        self._init(parameters, form_key)

    @classmethod
    def simplified(cls, contents, fields, *, parameters=None, form_key=None):
        return cls(contents, fields, parameters=parameters, form_key=form_key)

    @property
    def contents(self) -> list[Form]:
        return self._contents

    @property
    def fields(self) -> list[str]:
        if self._fields is None:
            return [str(i) for i in range(len(self._contents))]
        return self._fields

    @property
    def is_tuple(self) -> bool:
        return self._fields is None

    def copy(self, contents=UNSET, fields=UNSET, *, parameters=UNSET, form_key=UNSET):
        return RecordForm(
            self._contents if contents is UNSET else contents,
            self._fields if fields is UNSET else fields,
            **self._copy_common(parameters, form_key),
        )

    # ---- fields ----------------------------------------------------------------------

    def field_to_index(self, field) -> int:
        if self._fields is None:
            try:
                index = int(field)
            except (TypeError, ValueError):
                index = -1
            if 0 <= index < len(self._contents) and str(index) == str(field):
                return index
        elif field in self._fields:
            return self._fields.index(field)
        raise IndexError(f"no field {field!r} in record with {len(self._contents)} fields")

    def index_to_field(self, index: int) -> str:
        if 0 <= index < len(self._contents):
            return self.fields[index]
        raise IndexError(f"no index {index} in record with {len(self._contents)} fields")

    def has_field(self, field) -> bool:
        try:
            self.field_to_index(field)
        except IndexError:
            return False
        return True

    def content(self, index_or_field) -> Form:
        """The content at an integer position or with a field name."""
        if isinstance(index_or_field, int) and not isinstance(index_or_field, bool):
            if 0 <= index_or_field < len(self._contents):
                return self._contents[index_or_field]
            raise IndexError(
                f"no index {index_or_field} in record with {len(self._contents)} fields"
            )
        if isinstance(index_or_field, str):
            return self._contents[self.field_to_index(index_or_field)]
        raise TypeError(f"a record content is chosen by int or str, not {index_or_field!r}")

    # ---- serialization -----------------------------------------------------------------

    def _to_dict_part(self, verbose, toplevel):
        out = {
            "class": "RecordArray",
            "fields": None if self._fields is None else list(self._fields),
            "contents": [c._to_dict_part(verbose, toplevel=False) for c in self._contents],
        }
        return self._to_dict_extra(out, verbose)

    def _repr_args(self):
        return [repr(self._contents), repr(self._fields)]

    def _is_equal_to(self, other, all_parameters, form_key):
        if not self._same_node(other, all_parameters, form_key):
            return False
        if len(self._contents) != len(other._contents):
            return False
        if self._fields is None or other._fields is None:
            if self._fields is not other._fields:
                return False
            pairs = zip(self._contents, other._contents)
        else:
            # Named records compare field by field, whatever the order.
            if set(self._fields) != set(other._fields):
                return False
            pairs = (
                (content, other._contents[other._fields.index(field)])
                for field, content in zip(self._fields, self._contents)
            )
        return all(one._is_equal_to(two, all_parameters, form_key) for one, two in pairs)

    def _type(self):
        from awkward.types import RecordType

        return RecordType(
            [c._type() for c in self._contents], self._fields, parameters=self._parameters
        )

    # ---- columns ---------------------------------------------------------------------

    def _children(self):
        return list(self._contents)

    def _walk_columns(self, path, list_indicator, out):
        for field, content in zip(self.fields, self._contents):
            content._walk_columns((*path, field), list_indicator, out)

    def _walk_column_types(self, out):
        for content in self._contents:
            content._walk_column_types(out)

    def _has_leaves(self) -> bool:
        return any(c._has_leaves() for c in self._contents)

    def _select(self, specs, prune):
        if any(len(spec) == 0 for spec in specs):
            # Selected as a whole; an all-empty record still counts as nothing.
            return self if (not prune or self._has_leaves()) else None
        contents, fields = [], []
        for field, content in zip(self.fields, self._contents):
            below = [spec[1:] for spec in specs if fnmatchcase(field, spec[0])]
            if not below:
                continue
            selected = content._select(below, prune)
            if selected is None:
                continue
            contents.append(selected)
            fields.append(field)
        if prune and not contents:
            return None
        return self.copy(contents=contents, fields=None if self._fields is None else fields)

    def _empty_selection(self):
        return self.copy(contents=[], fields=None if self._fields is None else [])

    # ---- depths ----------------------------------------------------------------------

    @property
    def purelist_depth(self):
        return 1

    @property
    def purelist_isregular(self):
        return True

    @property
    def minmax_depth(self):
        if not self._contents:
            return (1, 1)
        depths = [c.minmax_depth for c in self._contents]
        return (min(d[0] for d in depths), max(d[1] for d in depths))

    @property
    def branch_depth(self):
        if not self._contents:
            return (False, 1)
        depths = [c.branch_depth for c in self._contents]
        low = min(d[1] for d in depths)
        branched = any(d[0] for d in depths) or any(d[1] != low for d in depths)
        return (branched, low)
