"""UnionForm: the form of UnionArray (each entry from one of several contents)."""

from __future__ import annotations

from awkward._parameters import parameters_union
from awkward._util import UNSET
from awkward.forms.form import Form, check_contents, check_index, index_to_dtype

__all__ = ["UnionForm", "union_of_options"]


class UnionForm(Form):
    __slots__ = ("_tags", "_index", "_contents")

    _layout_class = "UnionArray"
    is_union = True

    def __init__(self, tags, index, contents, *, parameters=None, form_key=None):
        name = type(self).__name__
        self._tags = check_index(name, "tags", tags, ("i8",))
        self._index = check_index(name, "index", index, ("i32", "u32", "i64"))
        self._contents = check_contents(name, contents)
        self._init(parameters, form_key)

    @classmethod
    def simplified(cls, tags, index, contents, *, parameters=None, form_key=None):
        """A union of `contents` with nested unions flattened, EmptyForms dropped and mergeable
        contents merged; a single remaining content is returned as it is."""
        from awkward.forms._merge import merged
        from awkward.forms.emptyform import EmptyForm
        from awkward.forms.unmaskedform import UnmaskedForm

        flat: list[Form] = []
        for content in check_contents(cls.__name__, contents):
            flat.extend(content.contents if content.is_union else [content])
        # A plain (non-categorical) index is invisible inside a union: project it away.
        flat = [
            c.content.copy(parameters=parameters_union(c.content._parameters, c._parameters))
            if c.is_indexed and not c.is_option and c.parameter("__array__") != "categorical"
            else c
            for c in flat
        ]
        out: list[Form] = []
        for content in flat:
            if content.is_unknown:
                continue
            for i, existing in enumerate(out):
                both = merged(existing, content)
                if both is not None:
                    out[i] = both
                    break
            else:
                out.append(content)
        if not out:
            return EmptyForm()
        if len(out) == 1:
            return out[0].copy(parameters=parameters_union(out[0]._parameters, parameters))
        if any(c.is_option for c in out):
            # A union is optional only if all its contents are.
            out = [c if c.is_option else UnmaskedForm.simplified(c) for c in out]
        return cls("i8", "i64", out, parameters=parameters, form_key=form_key)

    @property
    def tags(self) -> str:
        return self._tags

    @property
    def index(self) -> str:
        return self._index

    @property
    def contents(self) -> list[Form]:
        return self._contents

    def content(self, index: int) -> Form:
        return self._contents[index]

    def copy(self, tags=UNSET, index=UNSET, contents=UNSET, *, parameters=UNSET, form_key=UNSET):
        return UnionForm(
            self._tags if tags is UNSET else tags,
            self._index if index is UNSET else index,
            self._contents if contents is UNSET else contents,
            **self._copy_common(parameters, form_key),
        )

    def _to_dict_part(self, verbose, toplevel):
        out = {
            "class": "UnionArray",
            "tags": self._tags,
            "index": self._index,
            "contents": [c._to_dict_part(verbose, toplevel=False) for c in self._contents],
        }
        return self._to_dict_extra(out, verbose)

    def _repr_args(self):
        return [repr(self._tags), repr(self._index), repr(self._contents)]

    def _is_equal_to(self, other, all_parameters, form_key):
        if not (
            self._same_node(other, all_parameters, form_key)
            and self._tags == other._tags
            and self._index == other._index
            and len(self._contents) == len(other._contents)
        ):
            return False
        # Contents may come in any order: match each to a distinct partner.
        unmatched = list(other._contents)
        for content in self._contents:
            for i, candidate in enumerate(unmatched):
                if content._is_equal_to(candidate, all_parameters, form_key):
                    del unmatched[i]
                    break
            else:
                return False
        return True

    def _type(self):
        from awkward.types import UnionType

        return UnionType([c._type() for c in self._contents], parameters=self._parameters)

    # ---- columns ---------------------------------------------------------------------

    def _children(self):
        return list(self._contents)

    def _buffer_dtypes(self):
        return [("tags", index_to_dtype(self._tags)), ("index", index_to_dtype(self._index))]

    def _walk_columns(self, path, list_indicator, out):
        # Every content's columns, each once, in order of first appearance.
        for content in self._contents:
            found: list = []
            content._walk_columns(path, list_indicator, found)
            out.extend(p for p in found if p not in out)

    def _walk_column_types(self, out):
        for content in self._contents:
            content._walk_column_types(out)

    def _has_leaves(self):
        return any(c._has_leaves() for c in self._contents)

    def _select(self, specs, prune):
        selected = [c._select(specs, prune) for c in self._contents]
        if prune:
            selected = [c for c in selected if c is not None]
            if not selected:
                return None
            if len(selected) == 1:
                return selected[0]
        return self.copy(contents=selected)

    def _empty_selection(self):
        from awkward.forms.emptyform import EmptyForm

        return EmptyForm()

    # ---- structure -------------------------------------------------------------------

    @property
    def fields(self):
        # Only the fields every content has.
        common = self._contents[0].fields
        for content in self._contents[1:]:
            theirs = set(content.fields)
            common = [f for f in common if f in theirs]
        return common

    @property
    def is_tuple(self):
        return all(c.is_tuple for c in self._contents)

    def purelist_parameters(self, *keys):
        if self._parameters:
            for key in keys:
                value = self._parameters.get(key)
                if value is not None:
                    return value
        values = [c.purelist_parameters(*keys) for c in self._contents]
        return values[0] if all(v == values[0] for v in values) else None

    @property
    def purelist_depth(self):
        depths = {c.purelist_depth for c in self._contents}
        return depths.pop() if len(depths) == 1 else -1

    @property
    def purelist_isregular(self):
        return all(c.purelist_isregular for c in self._contents)

    @property
    def minmax_depth(self):
        depths = [c.minmax_depth for c in self._contents]
        return (min(d[0] for d in depths), max(d[1] for d in depths))

    @property
    def branch_depth(self):
        depths = [c.branch_depth for c in self._contents]
        low = min(d[1] for d in depths)
        branched = any(d[0] for d in depths) or any(d[1] != low for d in depths)
        return (branched, low)

    @property
    def dimension_optiontype(self):
        return any(c.dimension_optiontype for c in self._contents)


def union_of_options(union: UnionForm, parameters=None) -> UnionForm:
    """An option around a union, pushed inside: every content becomes an option."""
    from awkward.forms.indexedoptionform import IndexedOptionForm

    contents = [IndexedOptionForm.simplified("i64", c) for c in union.contents]
    return UnionForm(
        union.tags,
        union.index,
        contents,
        parameters=parameters_union(union._parameters, parameters),
    )
